"""The largest gains: what raising one item adds to the total, as horizontal bars (QPainter).

The light bar is the gain of raising the item to 100, the dark part the gain of raising it to
the pass line; the items come sorted, largest gain first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from .charts import AXIS_COLOUR, TEXT_COLOUR, _Chart

TO_LINE_COLOUR = QColor("#c0392b")
TO_100_COLOUR = QColor("#f2b8b0")
MAX_BARS = 8


@dataclass(frozen=True)
class GainBar:
    code: str
    text: str
    gain_to_line: float
    gain_to_100: float


def largest_gains(items, count: int = MAX_BARS) -> list[GainBar]:
    """The ``count`` items (services.analysis.ItemRow) that add the most to the total at 100."""
    bars = [GainBar(i.code, i.text if i.text_known else "", i.gain_to_line, i.gain_to_100) for i in items]
    return _largest(bars, count)


def largest_indicator_gains(indicators, count: int = MAX_BARS) -> list[GainBar]:
    """The same for indicators (services.analysis.IndicatorRow), when the items have no scores."""
    bars = [GainBar(f"ตัวชี้วัดที่ {i.number}", i.name, i.gain_to_line, i.gain_to_100) for i in indicators]
    return _largest(bars, count)


def _largest(bars: list[GainBar], count: int) -> list[GainBar]:
    bars = [b for b in bars if b.gain_to_100 > 0.005]
    bars.sort(key=lambda b: (-b.gain_to_100, -b.gain_to_line))
    return bars[:count]


class GainChart(_Chart):
    """Horizontal bars of the items with the largest gains on the total."""

    ITEMS_TITLE, INDICATORS_TITLE = "ข้อที่เพิ่มคะแนนรวมได้มากที่สุด", "ตัวชี้วัดที่เพิ่มคะแนนรวมได้มากที่สุด"
    title = ITEMS_TITLE
    empty_text = "ไม่มีข้อคำถามที่ยังเพิ่มคะแนนรวมได้"
    margins = (52, 34, 52, 30)  # left, top, right, bottom (legend)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(280, 200)
        self.bars: list[GainBar] = []
        self._rects: list[tuple[QRectF, GainBar]] = []
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(360, 280)

    def set_data(self, bars: list[GainBar], title: str = ITEMS_TITLE) -> None:
        self.bars, self.title = list(bars), title
        self._rects = []  # no tool tips of the old bars until the new ones are painted
        self.update()

    def plot_rect(self) -> QRectF:
        """Room on the left for the widest label."""
        area = super().plot_rect()
        metrics = QFontMetricsF(self.small_font())
        left = max((metrics.horizontalAdvance(b.code) for b in self.bars), default=0) + 12
        return QRectF(max(area.left(), left), area.top(), area.right() - max(area.left(), left), area.height())

    def has_data(self) -> bool:
        return bool(self.bars)

    def draw(self, p: QPainter, area: QRectF) -> None:
        top = max(b.gain_to_100 for b in self.bars) or 1.0
        slot = area.height() / len(self.bars)
        self._rects = []
        for n, bar in enumerate(self.bars):
            cell = QRectF(area.left(), area.top() + n * slot, area.width(), slot)
            self._draw_bar(p, cell, bar, top)
        p.setPen(AXIS_COLOUR)
        p.drawLine(area.topLeft(), area.bottomLeft())
        self._draw_legend(p, area)

    def _draw_bar(self, p: QPainter, cell: QRectF, bar: GainBar, top: float) -> None:
        height = min(22.0, cell.height() * 0.7)
        y = cell.center().y() - height / 2
        full = QRectF(cell.left(), y, cell.width() * bar.gain_to_100 / top, height)
        p.fillRect(full, TO_100_COLOUR)
        p.fillRect(QRectF(cell.left(), y, cell.width() * bar.gain_to_line / top, height), TO_LINE_COLOUR)
        p.setPen(TEXT_COLOUR)
        p.drawText(QRectF(0, y, cell.left() - 6, height), Qt.AlignRight | Qt.AlignVCenter, bar.code)
        p.drawText(QRectF(full.right() + 4, y, 60, height), Qt.AlignLeft | Qt.AlignVCenter, f"+{bar.gain_to_100:.2f}")
        self._rects.append((QRectF(0, cell.top(), self.width(), cell.height()), bar))

    def _draw_legend(self, p: QPainter, area: QRectF) -> None:
        x, y = area.left(), area.bottom() + 8
        for colour, text in ((TO_LINE_COLOUR, "ยกถึงเกณฑ์ผ่าน"), (TO_100_COLOUR, "ยกถึง 100")):
            p.fillRect(QRectF(x, y + 3, 12, 12), colour)
            p.setPen(TEXT_COLOUR)
            width = p.fontMetrics().horizontalAdvance(text) + 8
            p.drawText(QRectF(x + 16, y, width, 18), Qt.AlignLeft | Qt.AlignVCenter, text)
            x += 16 + width + 12

    def bar_at(self, x: float, y: float) -> GainBar | None:
        return next((bar for rect, bar in self._rects if rect.contains(x, y)), None)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt override)
        bar = self.bar_at(event.position().x(), event.position().y())
        if bar is None:
            QToolTip.hideText()
            return
        text = (f"ข้อ {bar.code} {bar.text}\nคะแนนรวมเพิ่ม {bar.gain_to_line:.2f} เมื่อถึงเกณฑ์ผ่าน, "
                f"{bar.gain_to_100:.2f} เมื่อได้ 100 คะแนน")
        QToolTip.showText(event.globalPosition().toPoint(), text, self)
