"""Charts of the plan's progress, drawn with QPainter like ui/widgets/charts.py:
StatusChart (projects by status per dimension, stacked) and BudgetChart (budget planned against
disbursed per plan year). Both take plain data from core.plan."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ita_desktop.core import plan as core_plan

from .charts import AXIS_COLOUR, TEXT_COLOUR, _Chart

STATUS_COLOURS = (
    ("done", core_plan.STATUS_DONE, QColor("#3c9a4e")),
    ("in_progress", core_plan.STATUS_IN_PROGRESS, QColor("#e0a800")),
    ("not_possible", core_plan.STATUS_NOT_POSSIBLE, QColor("#d0473c")),
    ("not_reported", "ยังไม่รายงาน", QColor("#c8c8c8")),
)
PLANNED_COLOUR = QColor("#8fb3de")
DISBURSED_COLOUR = QColor("#2b5c9e")


def nice_step(high: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about ``ticks`` grid lines up to ``high``."""
    if high <= 0:
        return 1.0
    raw = high / ticks
    power = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1.0
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def short_baht(amount: float) -> str:
    """An axis label: 1.5 ล้าน, 250,000."""
    if amount >= 1_000_000:
        return f"{amount / 1_000_000:g} ล้าน"
    return f"{amount:,.0f}"


class _Legend:
    def draw_legend(self, p: QPainter, items, left: float) -> None:
        """Coloured squares with their names in the bottom row, under the bar labels."""
        x, y = left, self.height() - 24
        p.setFont(self.small_font(-3))
        for name, colour in items:
            p.fillRect(QRectF(x, y + 6, 12, 12), colour)
            width = p.fontMetrics().horizontalAdvance(name)
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(x + 16, y, width + 2, 24), Qt.AlignLeft | Qt.AlignVCenter, name)
            x += width + 24


class StatusChart(_Legend, _Chart):
    """One stacked bar per dimension (and the whole plan): projects done / in progress / not
    possible / not reported."""

    title = "สถานะโครงการรายมิติ"
    empty_text = "ยังไม่มีรายงานผลของรอบนี้"
    margins = (46, 40, 16, 56)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[tuple[str, core_plan.Progress]] = []

    def set_data(self, progress: core_plan.RoundProgress | None) -> None:
        self.bars = [] if progress is None else [
            *((f"มิติที่ {d}", x) for d, x in progress.by_dimension.items()), ("ทั้งแผน", progress.total)]
        self.update()

    def has_data(self) -> bool:
        return any(x.projects for _label, x in self.bars)

    def draw(self, p: QPainter, area: QRectF) -> None:
        high = max(x.projects for _label, x in self.bars)
        step = max(1.0, nice_step(high))
        top = step * -(-high // step)
        self.draw_y_axis(p, area, 0, top, step)
        slot = area.width() / len(self.bars)
        for n, (label, x) in enumerate(self.bars):
            cell = QRectF(area.left() + n * slot, area.top(), slot, area.height())
            self._draw_stack(p, area, cell, x, top)
            p.setPen(TEXT_COLOUR)
            p.drawText(QRectF(cell.left(), area.bottom() + 2, cell.width(), 20), Qt.AlignCenter, label)
        self.draw_legend(p, [(name, colour) for _f, name, colour in STATUS_COLOURS], area.left())

    def _draw_stack(self, p: QPainter, area: QRectF, cell: QRectF, x: core_plan.Progress, top: float) -> None:
        width = cell.width() * 0.5
        left = cell.center().x() - width / 2
        base = 0
        for field, _name, colour in STATUS_COLOURS:
            count = getattr(x, field)
            if not count:
                continue
            y1, y0 = self.y_of(area, base + count, 0, top), self.y_of(area, base, 0, top)
            rect = QRectF(left, y1, width, y0 - y1)
            p.fillRect(rect, colour)
            if rect.height() >= 16:
                p.setPen(Qt.white if field != "not_reported" else TEXT_COLOUR)
                p.drawText(rect, Qt.AlignCenter, str(count))
            base += count


class BudgetChart(_Legend, _Chart):
    """Per plan year: the budget planned beside the amount disbursed."""

    title = "งบประมาณตามแผนเทียบกับที่เบิกจ่าย (บาท)"
    empty_text = "แผนยังไม่มีงบประมาณ"
    margins = (74, 40, 16, 56)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.years: tuple[core_plan.YearBudget, ...] = ()

    def set_data(self, years) -> None:
        self.years = tuple(years)
        self.update()

    def has_data(self) -> bool:
        return any(y.planned or y.disbursed for y in self.years)

    def draw(self, p: QPainter, area: QRectF) -> None:
        high = max(max(y.planned, y.disbursed or 0.0) for y in self.years)
        step = nice_step(high)
        top = step * -(-high // step)
        self._draw_axis(p, area, top, step)
        slot = area.width() / len(self.years)
        for n, y in enumerate(self.years):
            cell = QRectF(area.left() + n * slot, area.top(), slot, area.height())
            width = cell.width() * 0.3
            for k, (value, colour) in enumerate(((y.planned, PLANNED_COLOUR), (y.disbursed, DISBURSED_COLOUR))):
                if value:
                    y_top = self.y_of(area, value, 0, top)
                    p.fillRect(QRectF(cell.center().x() - width + k * width, y_top, width - 2,
                                      area.bottom() - y_top), colour)
            p.setPen(TEXT_COLOUR)
            label = f"ปี {y.year}" + ("" if y.percent is None else f" ({y.percent:.0f}%)")
            p.drawText(QRectF(cell.left(), area.bottom() + 2, cell.width(), 20), Qt.AlignCenter, label)
        self.draw_legend(p, [("ตามแผน", PLANNED_COLOUR), ("เบิกจ่าย", DISBURSED_COLOUR)], area.left())

    def _draw_axis(self, p: QPainter, area: QRectF, top: float, step: float) -> None:
        tick = 0.0
        while tick <= top + 1e-9:
            y = self.y_of(area, tick, 0, top)
            p.setPen(QPen(QColor("#e4e4e4"), 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(AXIS_COLOUR)
            p.drawText(QRectF(0, y - 10, area.left() - 6, 20), Qt.AlignRight | Qt.AlignVCenter, short_baht(tick))
            tick += step
        p.setPen(QPen(AXIS_COLOUR, 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawLine(area.bottomLeft(), area.topLeft())
