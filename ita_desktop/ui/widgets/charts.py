"""Charts drawn with QPainter (QtCharts is not part of PySide6-Essentials).

IndicatorBarChart: the ten indicators as bars with the pass line; TrendChart: total and tool
scores over the years against the plan's yearly targets (dashed). Both take plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip, QWidget

PASS_COLOUR = QColor("#3c9a4e")
FAIL_COLOUR = QColor("#d0473c")
NONE_COLOUR = QColor("#c8c8c8")
LINE_COLOUR = QColor("#e08a00")
GRID_COLOUR = QColor("#e4e4e4")
AXIS_COLOUR = QColor("#606060")
TEXT_COLOUR = QColor("#303030")


@dataclass(frozen=True)
class Bar:
    """One indicator of the bar chart."""

    label: str  # the indicator number as shown under the bar
    tool: str
    score: float | None
    passed: bool | None
    name: str = ""


@dataclass(frozen=True)
class Series:
    """One line of the trend chart: ``{year: score}``; dashed for targets."""

    name: str
    colour: QColor
    values: dict[int, float] = field(default_factory=dict)
    dashed: bool = False
    width: float = 2.0
    labelled: bool = False  # print the value beside each point


class _Chart(QWidget):
    """Title, plot rectangle, y axis 0-100 style grid; subclasses draw the data."""

    title = ""
    empty_text = ""
    margins = (46, 40, 16, 58)  # left, top, right, bottom

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.setAttribute(Qt.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(520, 340)

    def plot_rect(self) -> QRectF:
        left, top, right, bottom = self.margins
        return QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))

    def small_font(self, delta: float = -2) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() + delta))
        return font

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), Qt.white)
        p.setPen(TEXT_COLOUR)
        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.drawText(QRectF(12, 4, self.width() - 24, 30), Qt.AlignLeft | Qt.AlignVCenter, self.title)
        p.setFont(self.small_font())
        if self.has_data():
            self.draw(p, self.plot_rect())
        else:
            p.setPen(AXIS_COLOUR)
            p.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.empty_text)
        p.end()

    def has_data(self) -> bool:
        raise NotImplementedError

    def draw(self, p: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def y_of(self, area: QRectF, value: float, low: float, high: float) -> float:
        return area.bottom() - (value - low) / (high - low) * area.height()

    def draw_y_axis(self, p: QPainter, area: QRectF, low: float, high: float, step: float) -> None:
        tick = low
        while tick <= high + 1e-9:
            y = self.y_of(area, tick, low, high)
            p.setPen(QPen(GRID_COLOUR, 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(AXIS_COLOUR)
            p.drawText(QRectF(0, y - 10, area.left() - 6, 20), Qt.AlignRight | Qt.AlignVCenter, f"{tick:g}")
            tick += step
        p.setPen(QPen(AXIS_COLOUR, 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawLine(area.bottomLeft(), area.topLeft())


class IndicatorBarChart(_Chart):
    """Bars of the indicator scores, green at or above the pass line, red below, with the line dashed."""

    title = "คะแนนรายตัวชี้วัด"
    empty_text = "ยังไม่มีคะแนนรายตัวชี้วัด"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.pass_line = 85.0
        self._rects: list[tuple[QRectF, Bar]] = []
        self.setMouseTracking(True)

    def set_data(self, bars: list[Bar], pass_line: float) -> None:
        """Show ``bars`` against ``pass_line``."""
        self.bars, self.pass_line = list(bars), float(pass_line)
        self.update()

    def has_data(self) -> bool:
        return any(b.score is not None for b in self.bars)

    def draw(self, p: QPainter, area: QRectF) -> None:
        self.draw_y_axis(p, area, 0, 100, 20)
        slot = area.width() / len(self.bars)
        self._rects = []
        for n, bar in enumerate(self.bars):
            self._draw_bar(p, area, QRectF(area.left() + n * slot, area.top(), slot, area.height()), bar)
        self._draw_tool_groups(p, area, slot)
        self._draw_pass_line(p, area)

    def _draw_bar(self, p: QPainter, area: QRectF, cell: QRectF, bar: Bar) -> None:
        width = cell.width() * 0.62
        x = cell.center().x() - width / 2
        p.setPen(TEXT_COLOUR)
        p.drawText(QRectF(cell.left(), area.bottom() + 2, cell.width(), 20), Qt.AlignCenter, bar.label)
        if bar.score is None:
            return
        top = self.y_of(area, bar.score, 0, 100)
        rect = QRectF(x, top, width, area.bottom() - top)
        colour = NONE_COLOUR if bar.passed is None else PASS_COLOUR if bar.passed else FAIL_COLOUR
        p.fillRect(rect, colour)
        self._rects.append((rect, bar))
        self._draw_value(p, cell, rect, f"{bar.score:.2f}")

    def _draw_value(self, p: QPainter, cell: QRectF, bar_rect: QRectF, text: str) -> None:
        p.setFont(self.small_font(-3))
        width = p.fontMetrics().horizontalAdvance(text)
        if width <= cell.width() - 2:
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(cell.left(), bar_rect.top() - 18, cell.width(), 16), Qt.AlignCenter, text)
        else:  # narrow bars: the value runs up inside the bar instead of colliding with its neighbours
            p.save()
            p.setPen(Qt.white)
            p.translate(bar_rect.center().x(), bar_rect.top() + 4)
            p.rotate(-90)
            p.drawText(QRectF(-width - 4, -9, width + 2, 18), Qt.AlignRight | Qt.AlignVCenter, text)
            p.restore()
        p.setFont(self.small_font())

    def _draw_tool_groups(self, p: QPainter, area: QRectF, slot: float) -> None:
        start = 0
        for n in range(1, len(self.bars) + 1):
            if n < len(self.bars) and self.bars[n].tool == self.bars[start].tool:
                continue
            left, right = area.left() + start * slot, area.left() + n * slot
            p.setPen(QPen(AXIS_COLOUR, 1))
            p.drawLine(QPointF(left + 4, area.bottom() + 24), QPointF(right - 4, area.bottom() + 24))
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(left, area.bottom() + 26, right - left, 22), Qt.AlignCenter, self.bars[start].tool)
            start = n

    def _draw_pass_line(self, p: QPainter, area: QRectF) -> None:
        y = self.y_of(area, self.pass_line, 0, 100)
        p.setPen(QPen(LINE_COLOUR, 2, Qt.DashLine))
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        # The legend sits in the title row, where no bar can hide it.
        label = f"เกณฑ์ผ่าน {self.pass_line:g}"
        width = p.fontMetrics().horizontalAdvance(label)
        right = self.width() - 8
        p.drawLine(QPointF(right - width - 30, 20), QPointF(right - width - 6, 20))
        p.setPen(LINE_COLOUR)
        p.drawText(QRectF(right - width - 2, 8, width + 2, 24), Qt.AlignRight | Qt.AlignVCenter, label)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        for rect, bar in self._rects:
            if rect.adjusted(-4, -20, 4, 0).contains(pos):
                text = f"ตัวชี้วัดที่ {bar.label} {bar.name}\nคะแนน {bar.score:.2f}"
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
                return
        QToolTip.hideText()


class TrendChart(_Chart):
    """Lines of total and tool scores per fiscal year, with the plan's targets dashed."""

    title = "แนวโน้มคะแนนรายปี"
    empty_text = "ยังไม่มีคะแนนของหน่วยงานนี้"
    margins = (46, 40, 24, 82)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.years: list[int] = []
        self.series: list[Series] = []

    def set_data(self, years: list[int], series: list[Series]) -> None:
        """Show ``series`` over ``years`` (Buddhist-era fiscal years, ascending)."""
        self.years, self.series = sorted(years), list(series)
        self.update()

    def has_data(self) -> bool:
        return bool(self.years) and any(s.values for s in self.series)

    def value_range(self) -> tuple[float, float]:
        values = [v for s in self.series for v in s.values.values()]
        low = min(values) if values else 0.0
        return (max(0.0, (int(low) // 10) * 10 - 10 if low < 100 else 80.0), 100.0)

    def x_of(self, area: QRectF, year: int) -> float:
        if len(self.years) == 1:
            return area.center().x()
        pad = min(40.0, area.width() / 8)
        step = (area.width() - 2 * pad) / (len(self.years) - 1)
        return area.left() + pad + self.years.index(year) * step

    def draw(self, p: QPainter, area: QRectF) -> None:
        low, high = self.value_range()
        self.draw_y_axis(p, area, low, high, 10 if high - low <= 50 else 20)
        p.setPen(TEXT_COLOUR)
        for year in self.years:
            x = self.x_of(area, year)
            p.drawText(QRectF(x - 40, area.bottom() + 2, 80, 20), Qt.AlignCenter, str(year))
        for series in self.series:
            self._draw_series(p, area, series, low, high)
        self._draw_legend(p, area)

    def _draw_series(self, p: QPainter, area: QRectF, s: Series, low: float, high: float) -> None:
        points = [QPointF(self.x_of(area, y), self.y_of(area, v, low, high))
                  for y, v in sorted(s.values.items()) if y in self.years]
        if not points:
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        p.setPen(QPen(s.colour, s.width, Qt.DashLine if s.dashed else Qt.SolidLine))
        p.setBrush(Qt.NoBrush)
        p.drawPath(path)
        p.setPen(QPen(s.colour, 1.5))
        p.setBrush(Qt.white if s.dashed else s.colour)
        for point in points:
            p.drawEllipse(point, 3.5, 3.5)
        p.setBrush(Qt.NoBrush)
        if s.labelled:
            values = [v for y, v in sorted(s.values.items()) if y in self.years]
            for point, value in zip(points, values):
                p.drawText(QRectF(point.x() - 30, point.y() + 4, 60, 18), Qt.AlignCenter, f"{value:.2f}")

    def _draw_legend(self, p: QPainter, area: QRectF) -> None:
        x, y = area.left(), area.bottom() + 30
        metrics = p.fontMetrics()
        for s in self.series:
            width = 26 + metrics.horizontalAdvance(s.name) + 16
            if x + width > self.width() and x > area.left():
                x, y = area.left(), y + 22  # wrap onto the next legend line
            p.setPen(QPen(s.colour, s.width, Qt.DashLine if s.dashed else Qt.SolidLine))
            p.drawLine(QPointF(x, y + 10), QPointF(x + 20, y + 10))
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(x + 24, y, width - 24, 22), Qt.AlignLeft | Qt.AlignVCenter, s.name)
            x += width
