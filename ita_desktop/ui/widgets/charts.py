"""Charts drawn with QPainter (QtCharts is not part of PySide6-Essentials).

IndicatorBarChart: the ten indicators as bars with the pass line; TrendChart: total and tool
scores over the years against the plan's yearly targets (dashed). Both take plain data.
``place_value_labels`` is the trend chart's label placement, kept free of painting for tests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ita_desktop.core.criteria import DEFAULT_PASS_LINE

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
    labelled: bool = False  # print the value beside each point (where there is room)


class _Chart(QWidget):
    """Title, plot rectangle, y axis 0-100 style grid; subclasses draw the data."""

    title = ""
    empty_text = ""
    margins = (46, 40, 16, 58)  # left, top, right, bottom

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(320, 140)  # (a 1366x768 screen: the คะแนน tab must fit; sizeHint is 340 high)
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
        self.pass_line = DEFAULT_PASS_LINE
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


# Value labels of the trend chart. One rule set, in priority order (series as given, then years):
# a label goes below its point, else above, else right, else left (sliding along the plot's edge when
# the point is near it), at the first spot that stays inside
# the plot, clears every label already placed and every point, and crosses no line; when each of these
# spots crosses a line, the first spot that only crosses a line is used (the label gets a white backing);
# when none is free the label is left out and the point's tooltip still shows the value.
MARKER_RADIUS = 5.0  # a drawn point: radius 3.5 plus its outline
LABEL_GAP = 2.0  # between a point's marker and its label
LABEL_PAD_X, LABEL_PAD_Y = 2.0, 1.0  # around the ink of the digits
LINE_HALF_WIDTH = 1.5  # the widest line (3 px) is this far either side of its path
DIGITS = "0123456789.-"


@dataclass(frozen=True)
class LabelSpot:
    """Where one value label goes; ``rect`` is None when no free spot was found."""

    anchor: QPointF
    text: str
    rect: QRectF | None
    crosses_line: bool = False


def label_ink(metrics: QFontMetricsF, text: str) -> QRectF:
    """The ink box of ``text`` relative to its baseline origin, with the full digit height.

    All numbers get the same height so labels line up; ``x`` runs from 0 to the advance.
    """
    own = metrics.tightBoundingRect(text)
    top = min(own.top(), metrics.tightBoundingRect(DIGITS).top())
    bottom = max(own.bottom(), metrics.tightBoundingRect(DIGITS).bottom())
    width = max(metrics.horizontalAdvance(text), own.right())
    return QRectF(0.0, top, width, bottom - top)


def label_size(metrics: QFontMetricsF, text: str) -> QSizeF:
    """The size of a value label's box: the text's ink plus a little padding."""
    ink = label_ink(metrics, text)
    return QSizeF(ink.width() + 2 * LABEL_PAD_X, ink.height() + 2 * LABEL_PAD_Y)


def label_candidates(anchor: QPointF, size: QSizeF, bounds: QRectF, radius: float = MARKER_RADIUS,
                     gap: float = LABEL_GAP) -> list[QRectF]:
    """The spots tried for a label of ``size`` at ``anchor``: below, above, right, left.

    Below and above are centred on the point, right and left level with it; near an edge of ``bounds``
    a spot slides along that edge as long as it still faces the point.
    """
    w, h, x, y, off = size.width(), size.height(), anchor.x(), anchor.y(), radius + gap
    left = min(max(x - w / 2, bounds.left()), bounds.right() - w)
    top = min(max(y - h / 2, bounds.top()), bounds.bottom() - h)
    spots = [QRectF(left, y + off, w, h), QRectF(left, y - off - h, w, h),
             QRectF(x + off, top, w, h), QRectF(x - off - w, top, w, h)]
    return [r for n, r in enumerate(spots)
            if (r.left() <= x <= r.right() if n < 2 else r.top() <= y <= r.bottom())]


def segment_hits_rect(a: QPointF, b: QPointF, rect: QRectF) -> bool:
    """Whether the segment ``a``-``b`` passes through ``rect`` (Liang-Barsky clipping)."""
    x0, y0 = a.x(), a.y()
    dx, dy = b.x() - x0, b.y() - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.left()), (dx, rect.right() - x0),
                 (-dy, y0 - rect.top()), (dy, rect.bottom() - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def place_value_labels(anchors: Sequence[tuple[QPointF, str]], metrics: QFontMetricsF, bounds: QRectF,
                       markers: Sequence[QPointF] = (), lines: Sequence[Sequence[QPointF]] = (),
                       radius: float = MARKER_RADIUS, gap: float = LABEL_GAP) -> list[LabelSpot]:
    """A spot for the label ``text`` of each ``(point, text)``, earlier anchors first (see the rules above).

    ``bounds`` is where labels may go (the plot area); ``markers`` are the drawn points to keep clear of
    and ``lines`` the drawn polylines. Placed rectangles never intersect each other nor any marker and
    always lie inside ``bounds``.
    """
    marker_rects = [QRectF(m.x() - radius, m.y() - radius, 2 * radius, 2 * radius) for m in markers]
    segments = [(line[n], line[n + 1]) for line in lines for n in range(len(line) - 1)]
    placed: list[QRectF] = []
    spots = []
    for anchor, text in anchors:
        free, crossing = None, None
        for rect in label_candidates(anchor, label_size(metrics, text), bounds, radius, gap):
            if not bounds.contains(rect):
                continue
            spaced = rect.adjusted(-1, -1, 1, 1)  # keep a pixel between neighbours
            if any(spaced.intersects(other) for other in placed):
                continue
            if any(rect.intersects(m) for m in marker_rects):
                continue
            widened = rect.adjusted(-LINE_HALF_WIDTH, -LINE_HALF_WIDTH, LINE_HALF_WIDTH, LINE_HALF_WIDTH)
            if not any(segment_hits_rect(a, b, widened) for a, b in segments):
                free = rect
                break
            crossing = crossing or rect
        chosen = free or crossing
        if chosen is not None:
            placed.append(chosen)
        spots.append(LabelSpot(anchor, text, chosen, chosen is not None and free is None))
    return spots


@dataclass(frozen=True)
class ValueLabel:
    """A labelled point of the trend chart and where its value is printed (``rect`` None: left out)."""

    series: Series
    year: int
    value: float
    anchor: QPointF
    text: str
    rect: QRectF | None
    crosses_line: bool = False


class TrendChart(_Chart):
    """Lines of total and tool scores per fiscal year, with the plan's targets dashed."""

    title = "แนวโน้มคะแนนรายปี"
    empty_text = "ยังไม่มีคะแนนของหน่วยงานนี้"
    margins = (46, 40, 24, 82)  # the bottom one is computed: year row and as many legend rows as needed
    YEAR_GAP, LEGEND_GAP, BOTTOM_PAD = 4.0, 6.0, 4.0  # axis-year row, year row-legend, legend-edge
    HOVER_DISTANCE = 14.0  # how near a year's column the mouse shows that year's values

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.years: list[int] = []
        self.series: list[Series] = []
        self.setMouseTracking(True)

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

    # --- layout -------------------------------------------------------------------------------------

    def label_metrics(self) -> QFontMetricsF:
        """Metrics of the font the values, years and legend are drawn in."""
        return QFontMetricsF(self.small_font(), self)

    def legend_row_height(self, metrics: QFontMetricsF) -> float:
        return float(max(22, math.ceil(metrics.height())))  # full line height: Thai marks are never cut

    def _legend_layout(self, metrics: QFontMetricsF) -> list[tuple[int, float, float, str, Series]]:
        """``(row, x, width, shown name, series)`` of each legend entry, wrapping at the widget's edge.

        An entry is a 20 px line sample, 4 px, the name (+2 px slack); entries are 16 px apart.
        """
        left, right = float(self.margins[0]), self.width() - 4.0
        x, row, items = left, 0, []
        for s in self.series:
            name = s.name
            width = 24 + metrics.horizontalAdvance(name) + 2
            if x + width > right and x > left:
                x, row = left, row + 1
            if x + width > right:  # one entry wider than the widget: shorten its name
                name = metrics.elidedText(s.name, Qt.ElideRight, max(10.0, right - x - 24 - 2))
                width = 24 + metrics.horizontalAdvance(name) + 2
            items.append((row, x, width, name, s))
            x += width + 16
        return items

    def _year_row_height(self, metrics: QFontMetricsF) -> float:
        return label_ink(metrics, "2568").height() + 2 * LABEL_PAD_Y

    def plot_rect(self) -> QRectF:
        left, top, right, _ = self.margins
        metrics = self.label_metrics()
        rows = 1 + max((row for row, *_ in self._legend_layout(metrics)), default=0)
        bottom = (self.YEAR_GAP + self._year_row_height(metrics) + self.LEGEND_GAP
                  + rows * self.legend_row_height(metrics) + self.BOTTOM_PAD)
        return QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))

    def year_label_rects(self, area: QRectF | None = None) -> list[tuple[int, QRectF]]:
        """Each year and the box its label is drawn in, under the x axis."""
        area = self.plot_rect() if area is None else area
        metrics = self.label_metrics()
        top, height = area.bottom() + self.YEAR_GAP, self._year_row_height(metrics)
        rects = []
        for year in self.years:
            width = label_ink(metrics, str(year)).width() + 2 * LABEL_PAD_X
            rects.append((year, QRectF(self.x_of(area, year) - width / 2, top, width, height)))
        return rects

    def legend_rects(self, area: QRectF | None = None) -> list[tuple[Series, str, QRectF]]:
        """Each legend entry: its series, the name as shown and the box of line sample and name."""
        area = self.plot_rect() if area is None else area
        metrics = self.label_metrics()
        top = area.bottom() + self.YEAR_GAP + self._year_row_height(metrics) + self.LEGEND_GAP
        row_height = self.legend_row_height(metrics)
        return [(s, name, QRectF(x, top + row * row_height, width, row_height))
                for row, x, width, name, s in self._legend_layout(metrics)]

    def _points(self, area: QRectF, s: Series, low: float, high: float) -> list[tuple[int, float, QPointF]]:
        return [(y, v, QPointF(self.x_of(area, y), self.y_of(area, v, low, high)))
                for y, v in sorted(s.values.items()) if y in self.years]

    def value_labels(self, area: QRectF | None = None) -> list[ValueLabel]:
        """Every point of the labelled series with the spot of its value label (None where left out).

        Placement follows ``place_value_labels``: series in their order (the total first), years ascending,
        inside the plot area so no label reaches the year row, the legend or the widget's edge.
        """
        if not self.has_data():
            return []
        area = self.plot_rect() if area is None else area
        low, high = self.value_range()
        lines = [[point for *_, point in self._points(area, s, low, high)] for s in self.series]
        wanted = [(s, year, value, point) for s in self.series if s.labelled
                  for year, value, point in self._points(area, s, low, high)]
        bounds = area.adjusted(2, 0, 0, -2)  # off the axis lines
        spots = place_value_labels([(point, f"{value:.2f}") for _, _, value, point in wanted],
                                   self.label_metrics(), bounds, [point for line in lines for point in line], lines)
        return [ValueLabel(s, year, value, spot.anchor, spot.text, spot.rect, spot.crosses_line)
                for (s, year, value, _), spot in zip(wanted, spots)]

    # --- painting -----------------------------------------------------------------------------------

    def draw(self, p: QPainter, area: QRectF) -> None:
        low, high = self.value_range()
        self.draw_y_axis(p, area, low, high, 10 if high - low <= 50 else 20)
        p.setPen(TEXT_COLOUR)
        for year, rect in self.year_label_rects(area):
            self._draw_number(p, rect, str(year))
        for series in self.series:
            self._draw_series(p, area, series, low, high)
        for label in self.value_labels(area):  # after every line, so no line is drawn over a value
            if label.rect is not None:
                self._draw_value_label(p, label)
        self._draw_legend(p, area)

    def _draw_number(self, p: QPainter, rect: QRectF, text: str) -> None:
        """``text`` with its ink box (``label_ink``) padded into ``rect``."""
        ink = label_ink(self.label_metrics(), text)
        p.drawText(QPointF(rect.left() + LABEL_PAD_X, rect.top() + LABEL_PAD_Y - ink.top()), text)

    def _draw_series(self, p: QPainter, area: QRectF, s: Series, low: float, high: float) -> None:
        points = [point for *_, point in self._points(area, s, low, high)]
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

    def _draw_value_label(self, p: QPainter, label: ValueLabel) -> None:
        p.fillRect(label.rect, QColor(255, 255, 255, 235))  # a line may pass under the value
        p.setPen(label.series.colour.darker(115))
        self._draw_number(p, label.rect, label.text)

    def _draw_legend(self, p: QPainter, area: QRectF) -> None:
        for s, name, rect in self.legend_rects(area):
            y = rect.center().y()
            p.setPen(QPen(s.colour, s.width, Qt.DashLine if s.dashed else Qt.SolidLine))
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + 20, y))
            p.setPen(TEXT_COLOUR)
            p.drawText(rect.adjusted(24, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, name)

    def mouseMoveEvent(self, event) -> None:
        """Over a year's column: that year's value of every series, also those whose label was left out."""
        pos = event.position()
        area = self.plot_rect()
        if self.has_data() and area.adjusted(-4, -8, 4, 8).contains(pos):
            year = min(self.years, key=lambda y: abs(self.x_of(area, y) - pos.x()))
            if abs(self.x_of(area, year) - pos.x()) <= self.HOVER_DISTANCE:
                lines = [f"{s.name}: {s.values[year]:.2f}" for s in self.series if year in s.values]
                if lines:
                    text = "\n".join([f"ปีงบประมาณ {year}", *lines])
                    QToolTip.showText(event.globalPosition().toPoint(), text, self)
                    return
        QToolTip.hideText()
