"""Read-only tables of the มาตรการ tab (measures and the report of what was done), and the
base they share with the analysis and plan tables: rows of long Thai text that wrap."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ita_desktop.services.measures import MeasureSetView, MeasureView, ResultReportView, ResultRowView

from .table import TOP_CENTER, TOP_LEFT, Column, TableModel

# Measure categories as stored (urgent | develop | maintain) -> Thai heading and row tint.
MEASURE_CATEGORIES = {
    "urgent": ("ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", QColor("#fdeceb")),
    "develop": ("ประเด็นที่ต้องพัฒนาให้ดีขึ้น", QColor("#fff6d6")),
    "maintain": ("รักษามาตรฐาน", QColor("#e8f5ea")),
}


class TextTableModel(TableModel):
    """A read-only table of frozen rows; subclasses give HEADERS and :meth:`display`.

    HEADERS may hold line breaks so long official titles stay in narrow columns; the tool tip
    shows the title on one line. Cells align top-left so wrapped text reads like the document.
    """

    HEADERS: tuple[str, ...] = ()
    CENTERED: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(None, parent)

    def display(self, row, column: int) -> str:
        raise NotImplementedError

    def headers(self) -> tuple[str, ...]:
        return self.HEADERS

    def columns(self):
        headers = self.headers()
        if getattr(self, "_columns_for", None) != headers:  # plan tables gain a column per year
            self._columns_for = headers
            self._text_columns = tuple(Column(header, lambda row, n=n: self.display(row, n),
                                              align=TOP_CENTER if n in self.CENTERED else TOP_LEFT)
                                       for n, header in enumerate(headers))
        return self._text_columns


# --- มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ------------------------------------------

COL_ISSUE, COL_RESPONSIBLE, COL_STEPS, COL_REPORTING, COL_PERIOD = range(5)
MEASURE_HEADERS = (
    "ประเด็นที่ต้องปรับปรุงแก้ไข/\nประเด็นที่ต้องพัฒนา",
    "ผู้รับผิดชอบ",
    "ขั้นตอนหรือวิธีการ/มาตรการ",
    "การรายงานผลและการกำกับติดตาม\nกำหนดเวลาแล้วเสร็จ",
    "ระยะเวลาดำเนินการ",
)


def issue_text(m: MeasureView) -> str:
    """The issue as the document prints it: the item code, then the question or issue."""
    if m.item_code:
        return f"{m.item_code} {m.issue}".strip()
    if m.indicator is not None:
        return f"ตัวชี้วัดที่ {m.indicator} {m.issue}".strip()
    return m.issue


class MeasureTableModel(TextTableModel):
    """One row per measure; the ระยะเวลาดำเนินการ column only when a measure states a period."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.with_period = False

    def set_measure_set(self, measure_set: MeasureSetView | None) -> None:
        self.with_period = bool(measure_set and measure_set.has_period)
        self.set_rows(measure_set.measures if measure_set else ())

    def headers(self) -> tuple[str, ...]:
        return MEASURE_HEADERS if self.with_period else MEASURE_HEADERS[:COL_PERIOD]

    def display(self, row: MeasureView, column: int) -> str:
        return (issue_text(row), row.responsible, row.steps, row.reporting, row.period_text)[column]

    def decorate(self, row: MeasureView, column: int, role: int):
        known = MEASURE_CATEGORIES.get(row.category)
        if known and column == COL_ISSUE and role == Qt.BackgroundRole:
            return known[1]
        if known and column == COL_ISSUE and role == Qt.ToolTipRole:
            return f"{known[0]}\n{issue_text(row)}"
        return None


# --- รายงานผลการดำเนินการ -----------------------------------------------------------------

(COL_ORDER, COL_MEASURE, COL_RESULT_STEPS, COL_RESULT_PERIOD, COL_RESULT_RESPONSIBLE,
 COL_OUTPUT, COL_OUTCOME) = range(7)


class ResultTableModel(TextTableModel):
    """The 7 columns of the report of what was done (seeds 000 and 003)."""

    HEADERS = (
        "ลำดับ",
        "มาตรการ/โครงการ/\nกิจกรรม",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ช่วงระยะเวลา\nดำเนินการ",
        "ผู้รับผิดชอบ",
        "ผลการดำเนินการ\n(Output)",
        "ผลลัพธ์/ผลสัมฤทธิ์\n(Outcome/Result)",
    )
    CENTERED = frozenset({COL_ORDER})

    def set_report(self, report: ResultReportView | None) -> None:
        self.set_rows(report.rows if report else ())

    def display(self, row: ResultRowView, column: int) -> str:
        return (str(row.order), row.measure, row.steps, row.period, row.responsible, row.output, row.outcome)[column]
