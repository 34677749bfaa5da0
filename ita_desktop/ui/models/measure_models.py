"""Tables of the มาตรการ tab (the measures of a year, and their results with the rows made outside
the program), and the base they share with the analysis and plan tables: rows of long Thai text
that wrap."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ita_desktop.services.measure_results import DONE, IMPOSSIBLE, IN_PROGRESS, STATUS_TITLES, YearProgress
from ita_desktop.services.measures import MeasureSetView, MeasureView, ResultRowView

from .table import TOP_CENTER, TOP_LEFT, Column, TableModel, date_text
from . import roles

# Measure categories as stored (urgent | develop | maintain) -> Thai heading and row tint.
MEASURE_CATEGORIES = {
    "urgent": ("ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", QColor("#fdeceb")),
    "develop": ("ประเด็นที่ต้องพัฒนาให้ดีขึ้น", QColor("#fff6d6")),
    "maintain": ("รักษามาตรฐาน", QColor("#e8f5ea")),
}
STATUS_COLOURS = {DONE: QColor("#dff3e2"), IN_PROGRESS: QColor("#e3eefc"), IMPOSSIBLE: QColor("#eeeeee")}
OVERDUE_COLOUR = QColor("#f8c9c4")


class TextTableModel(TableModel):
    """A read-only table of frozen rows; subclasses give HEADERS and :meth:`display`.

    HEADERS may hold line breaks so long official titles stay in narrow columns; the tool tip
    shows the title on one line. Cells align top-left so wrapped text reads like the document.
    """

    HEADERS: tuple[str, ...] = ()
    CENTERED: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(None, parent)
        self._shown: dict[int, tuple[object, tuple[str, ...]]] = {}  # id(row) -> (row, its cells' texts)
        self._order: dict[int, int] = {}  # id(row) -> position

    def display(self, row, column: int) -> str:
        raise NotImplementedError

    def headers(self) -> tuple[str, ...]:
        return self.HEADERS

    def set_rows(self, rows) -> None:
        self._shown, self._order = {}, {}
        super().set_rows(rows)

    def order_of(self, row) -> int:
        """1-based position of ``row`` (the ลำดับ column)."""
        if not self._order and self.rows:
            self._order = {id(r): k for k, r in enumerate(self.rows)}
        k = self._order.get(id(row))
        return (k if k is not None and self.rows[k] is row else self.rows.index(row)) + 1

    def shown(self, row, column: int) -> str:
        """:meth:`display`, made once per row: views ask for every cell on every paint and sizing."""
        cached = self._shown.get(id(row))
        if cached is None or cached[0] is not row:
            cached = self._shown[id(row)] = (row, tuple(self.display(row, n) for n in range(len(self.headers()))))
        return cached[1][column]

    def columns(self):
        headers = self.headers()
        if getattr(self, "_columns_for", None) != headers:  # plan tables gain a column per year
            self._columns_for, self._shown = headers, {}
            self._text_columns = tuple(Column(header, lambda row, n=n: self.shown(row, n),
                                              align=TOP_CENTER if n in self.CENTERED else TOP_LEFT)
                                       for n, header in enumerate(headers))
        return self._text_columns


# --- มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ------------------------------------------

COL_ORDER, COL_ISSUE, COL_MEASURE, COL_STEPS, COL_RESPONSIBLE, COL_REPORTING, COL_PERIOD = range(7)


def issue_text(m: MeasureView) -> str:
    """The issue as the document prints it: the item codes (or indicator), then the text."""
    if m.items:
        prefix = " ".join(m.items)
        return m.issue if m.issue.startswith(prefix) else f"{prefix} {m.issue}".strip()
    if len(m.indicators) == 1 and "ตัวชี้วัด" not in m.issue:
        return f"ตัวชี้วัดที่ {m.indicators[0]} {m.issue}".strip()
    return m.issue


def period_and_deadline(m: MeasureView) -> str:
    parts = [m.period_text] if m.period_text else []
    if m.deadline:
        parts.append(f"กำหนดแล้วเสร็จ {m.deadline_text}")
    return "\n".join(parts)


def carried_text(m: MeasureView) -> str:
    return f"\n(ยกมาจากปีงบประมาณ พ.ศ. {m.carried_from_year})" if m.carried_from_year else ""


class MeasureTableModel(TextTableModel):
    """One row per measure of the year, in its printed order; the issue tinted by its category."""

    HEADERS = (
        "ลำดับ",
        "ประเด็นที่ต้องปรับปรุง\nแก้ไข/พัฒนา",
        "มาตรการ",
        "ขั้นตอนหรือวิธีการ",
        "ผู้รับผิดชอบ",
        "การรายงานผลและ\nการกำกับติดตาม",
        "ระยะเวลาดำเนินการ/\nกำหนดเวลาแล้วเสร็จ",
    )
    CENTERED = frozenset({COL_ORDER})

    def set_measure_set(self, measure_set: MeasureSetView | None) -> None:
        self.set_rows(measure_set.measures if measure_set else ())

    def row_key(self, row: MeasureView):
        return row.id

    def display(self, row: MeasureView, column: int) -> str:
        order = self.order_of(row)
        return (str(order), issue_text(row) + carried_text(row), row.measure, row.steps, row.responsible,
                row.reporting, period_and_deadline(row))[column]

    def decorate(self, row: MeasureView, column: int, role: int):
        known = MEASURE_CATEGORIES.get(row.category)
        if known and column == COL_ISSUE and role == roles.BACKGROUND:
            return known[1]
        if known and column == COL_ISSUE and role == roles.TOOLTIP:
            return f"{known[0]}\n{issue_text(row)}"
        return None


# --- ผลการดำเนินการ ---------------------------------------------------------------------------

(COL_R_ORDER, COL_R_MEASURE, COL_R_RESPONSIBLE, COL_R_DUE, COL_R_STATUS, COL_R_OUTPUT, COL_R_OUTCOME,
 COL_R_EVIDENCE) = range(8)


@dataclass(frozen=True)
class ProgressRow:
    """A row of the results table: a measure of the year with its result (None before anything
    is recorded), or a result row of an activity made outside the program (``measure`` None)."""

    measure: MeasureView | None
    result: ResultRowView | None
    overdue: bool = False
    evidence: int = 0  # files attached to the result

    @property
    def key(self) -> str:
        return f"m{self.measure.id}" if self.measure else f"r{self.result.id}"

    @property
    def status(self) -> str:
        return self.result.status if self.result else "not_started"

    @property
    def title(self) -> str:
        if self.measure is not None:
            m = self.measure
            return m.measure or issue_text(m) or m.steps.split("\n")[0]
        return self.result.measure

    @property
    def due(self) -> str | None:
        return self.measure.deadline or self.measure.period_end if self.measure else None


def progress_rows(progress: YearProgress, evidence: dict[int, int]) -> tuple[ProgressRow, ...]:
    """The measures (with their results), then the results without a measure."""
    rows = [ProgressRow(p.measure, p.result, p.overdue, evidence.get(p.result.id, 0) if p.result else 0)
            for p in progress.measures]
    rows += [ProgressRow(None, r, False, evidence.get(r.id, 0)) for r in progress.other_results]
    return tuple(rows)


class ProgressTableModel(TextTableModel):
    """The measures of the year with status, output, outcome and evidence; overdue rows in red."""

    HEADERS = (
        "ลำดับ",
        "มาตรการ/โครงการ/\nกิจกรรม",
        "ผู้รับผิดชอบ",
        "กำหนดเวลา\nแล้วเสร็จ",
        "สถานะ",
        "ผลการดำเนินการ\n(Output)",
        "ผลลัพธ์/\nผลสัมฤทธิ์\n(Outcome/Result)",
        "หลักฐาน",
    )
    CENTERED = frozenset({COL_R_ORDER, COL_R_EVIDENCE})

    def set_progress(self, rows: tuple[ProgressRow, ...]) -> None:
        self.set_rows(rows)

    def row_key(self, row: ProgressRow):
        return row.key

    def display(self, row: ProgressRow, column: int) -> str:
        r = row.result
        responsible = row.measure.responsible if row.measure else r.responsible
        status = STATUS_TITLES[row.status]
        if r is not None and r.reason and row.status == IMPOSSIBLE:
            status += f"\n({r.reason})"
        if row.measure is None:
            status += "\n(ไม่อยู่ในมาตรการของโปรแกรม)"
        return (str(self.order_of(row)), row.title, responsible, date_text(row.due), status,
                r.output if r else "", r.outcome if r else "", f"{row.evidence} ไฟล์" if row.evidence else "-")[column]

    def decorate(self, row: ProgressRow, column: int, role: int):
        if row.overdue and role == roles.BACKGROUND:
            return OVERDUE_COLOUR
        if row.overdue and role == roles.TOOLTIP:
            return overdue_tip(row)
        if column == COL_R_STATUS and role == roles.BACKGROUND:
            return STATUS_COLOURS.get(row.status)
        return None


def overdue_tip(row: ProgressRow) -> str:
    return (f"เลยกำหนดเวลาแล้วเสร็จ ({date_text(row.due)}) แล้ว แต่สถานะยังเป็น '{STATUS_TITLES[row.status]}' "
            "กรุณาบันทึกผลหรือปรับกำหนดเวลา")
