"""Tables of the ติดตามแผน tab: projects by dimension with yearly budgets, targets, risks,
the 9-part project detail as HTML, a monitoring round edited in place, and progress at a glance."""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ita_desktop.core import plan as core_plan
from ita_desktop.services.monitoring import EntryInput, EntryView, RoundView
from ita_desktop.services.plans import DimensionView, PlanView, ProjectView, RiskView, TargetView

from .measure_models import TextTableModel
from .table import CHOICE, NUMBER, TOP_CENTER, TOP_LEFT, Column, EntryError, TableModel, text_value
from . import roles

DIMENSION_ROW, PROJECT_ROW, TOTAL_ROW = "dimension", "project", "total"
COL_CODE, COL_NAME, COL_KIND = range(3)  # then one column per plan year, then หมายเหตุ
DIMENSION_BG = QColor("#e3ebf6")
TOTAL_BG = QColor("#eeeeee")
YEAR_BG = QColor("#f3f8ff")  # the selected year's column
NO_BUDGET = "-"  # the plan prints "-" where no budget is needed


def format_baht(amount: float | None) -> str:
    """Baht with thousands separators; "-" for nothing, as the plan prints it; "" when absent."""
    if amount is None:
        return ""
    if amount == 0:
        return NO_BUDGET
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


@dataclass(frozen=True)
class PlanRow:
    kind: str
    dimension: DimensionView | None = None
    project: ProjectView | None = None


def plan_rows(plan: PlanView | None) -> list[PlanRow]:
    """Dimension heading, its projects, ...; then the รวมทั้งสิ้น row."""
    if plan is None:
        return []
    rows = []
    for dim in plan.dimensions:
        rows.append(PlanRow(DIMENSION_ROW, dimension=dim))
        rows.extend(PlanRow(PROJECT_ROW, dimension=dim, project=p) for p in dim.projects)
    rows.append(PlanRow(TOTAL_ROW))
    return rows


class ProjectTableModel(TextTableModel):
    """The summary table of part 2 of the plan: dimension, project, budget per year, remark."""

    CENTERED = frozenset({COL_CODE, COL_KIND})

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: PlanView | None = None
        self.highlight_year: int | None = None

    def set_plan(self, plan: PlanView | None, highlight_year: int | None = None) -> None:
        self.plan, self.highlight_year = plan, highlight_year
        self.set_rows(plan_rows(plan))

    @property
    def years(self) -> tuple[int, ...]:
        return self.plan.years if self.plan else ()

    @property
    def remark_column(self) -> int:
        return COL_KIND + 1 + len(self.years)

    def year_of(self, column: int) -> int | None:
        offset = column - COL_KIND - 1
        return self.years[offset] if 0 <= offset < len(self.years) else None

    def headers(self) -> tuple[str, ...]:
        years = tuple(f"ปี {y}\n(บาท)" for y in self.years)
        return ("ที่", "โครงการ/กิจกรรม/มาตรการ", "ประเภท", *years, "หมายเหตุ")

    def heading_rows(self) -> list[int]:
        return [n for n, row in enumerate(self.rows) if row.kind == DIMENSION_ROW]

    def row_of_project(self, project_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.project and r.project.id == project_id), -1)

    def display(self, row: PlanRow, column: int) -> str:
        if row.kind == DIMENSION_ROW:
            return f"มิติที่ {row.dimension.number} {row.dimension.name}" if column == COL_CODE else ""
        year = self.year_of(column)
        if row.kind == TOTAL_ROW:
            return self._total_cell(column, year)
        p = row.project
        if year is not None:
            return format_baht(p.budget(year))
        return {COL_CODE: p.code, COL_NAME: p.name, COL_KIND: p.kind}.get(column, p.remark)

    def _total_cell(self, column: int, year: int | None) -> str:
        if column == COL_NAME:
            return f"รวมทั้งสิ้น จำนวน {len(self.plan.projects)} โครงการ/กิจกรรม/มาตรการ"
        if year is not None:
            return format_baht(self.plan.budget_totals()[year])
        return ""

    def row_key(self, row: PlanRow):
        return row.project.id if row.project else None

    def decorate(self, row: PlanRow, column: int, role: int):
        if role == roles.BACKGROUND:
            if row.kind == DIMENSION_ROW:
                return DIMENSION_BG
            if row.kind == TOTAL_ROW:
                return TOTAL_BG
            return YEAR_BG if self.highlight_year and self.year_of(column) == self.highlight_year else None
        if role == roles.FONT and row.kind != PROJECT_ROW:
            font = QFont()
            font.setBold(True)
            return font
        if role == roles.ALIGNMENT and self.year_of(column) is not None:
            return int(Qt.AlignTop | Qt.AlignRight)
        if role == roles.ALIGNMENT and row.kind == DIMENSION_ROW:
            return int(Qt.AlignVCenter | Qt.AlignLeft)
        return None


class TargetTableModel(TextTableModel):
    """ค่าเป้าหมาย as the plan prints it: one row per target, one column per plan year."""

    ROW_LABELS = ("คะแนน ITA", "เป้าหมายอื่น")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.targets: dict[int, TargetView] = {}
        self.years: tuple[int, ...] = ()
        self.highlight_year: int | None = None

    def set_plan(self, plan: PlanView | None, highlight_year: int | None = None) -> None:
        self.targets = {t.year: t for t in plan.targets} if plan else {}
        self.years = plan.years if plan else ()
        self.highlight_year = highlight_year
        has_other = any(t.other or t.fewer_cases_percent is not None for t in self.targets.values())
        self.set_rows(self.ROW_LABELS if has_other else self.ROW_LABELS[:1])

    def headers(self) -> tuple[str, ...]:
        return ("ค่าเป้าหมาย", *(f"ปี {y}" for y in self.years))

    def display(self, row: str, column: int) -> str:
        if column == 0:
            return row
        target = self.targets.get(self.years[column - 1])
        if target is None:
            return ""
        if row == self.ROW_LABELS[0]:
            return "" if target.ita_target is None else f"{target.ita_target:g} คะแนน"
        fewer = ("" if target.fewer_cases_percent is None
                 else f"คดีทุจริตลดลงร้อยละ {target.fewer_cases_percent:g}")
        return "\n".join(t for t in (fewer, target.other) if t)

    def decorate(self, row: str, column: int, role: int):
        if role == roles.BACKGROUND and column and self.years[column - 1] == self.highlight_year:
            return YEAR_BG
        if role == roles.ALIGNMENT and column and row == self.ROW_LABELS[0]:
            return TOP_CENTER
        return None


class RiskTableModel(TextTableModel):
    """การประเมินความเสี่ยงการทุจริตในองค์กร (part 1 of the plan)."""

    HEADERS = ("ลำดับที่", "ขั้นตอนการดำเนินงาน", "ประเด็นความเสี่ยงการทุจริต", "Risk Score",
               "มาตรการควบคุมความเสี่ยงการทุจริต")
    CENTERED = frozenset({0, 3})

    def set_plan(self, plan: PlanView | None) -> None:
        self.set_rows(list(enumerate(plan.risks, start=1)) if plan else [])

    def display(self, row: tuple[int, RiskView], column: int) -> str:
        n, r = row
        return (str(n), r.process, r.risk, r.level, r.controls)[column]


DETAIL_PARTS = (
    ("ชื่อโครงการ", "name"),
    ("หลักการและเหตุผล", "rationale"),
    ("วัตถุประสงค์", "objectives"),
    ("เป้าหมาย", "target_group"),
    ("วิธีดำเนินการ", "method"),
    ("ระยะเวลาดำเนินการ", "period"),
    ("งบประมาณดำเนินการ", "budget_text"),
    ("ผู้รับผิดชอบโครงการ", "responsible"),
    ("ผลผลิต/ผลลัพธ์", "outputs_outcomes"),
)
THAI_NUMERALS = "๑๒๓๔๕๖๗๘๙"


def project_facts(p: ProjectView) -> str:
    """The e-PlanNACC fields in one line: years, quarters, budget, target groups."""
    years = ", ".join(str(y) for y in p.years)
    budgets = ", ".join(f"ปี {y} {core_plan.format_baht(a)} บาท" for y, a in p.budgets if a)
    money = budgets or (core_plan.NO_BUDGET_TEXT if p.no_budget else "ยังไม่ระบุงบประมาณ")
    facts = [f"ปีที่ดำเนินการ {years}", money]
    if p.quarters:
        facts.append("ไตรมาสที่ " + ", ".join(map(str, p.quarters)))
    if p.target_groups:
        facts.append("กลุ่มเป้าหมาย: " + ", ".join(p.target_groups))
    return " · ".join(facts)


def project_detail_html(project: ProjectView | None) -> str:
    """The 9 parts of a project (part 3 of the plan) as simple HTML; a hint without a project."""
    if project is None:
        return "<p style='color:#666'>เลือกโครงการในตารางเพื่อดูรายละเอียด ๙ หัวข้อ</p>"
    parts = [f"<p style='color:#555'>{escape(project.kind)} ที่ {escape(project.code)} "
             f"(มิติที่ {project.dimension})<br>{escape(project_facts(project))}</p>"]
    for n, (label, field) in enumerate(DETAIL_PARTS):
        text = getattr(project, field) or "–"
        body = "<br>".join(escape(line) for line in text.splitlines())
        parts.append(f"<p><b>{THAI_NUMERALS[n]}. {label}</b><br>{body}</p>")
    return "\n".join(parts)


# --- monitoring rounds ----------------------------------------------------------------------

IN_ACT_YES, IN_ACT_NO = "บรรจุแล้ว", "ยังไม่บรรจุ"
NOT_REPORTED = "(ยังไม่รายงาน)"
M_STATUS, M_PLAN, M_ACT, M_DISBURSED, M_IN_ACT, M_REASON, M_REMARK = range(2, 9)
STATUS_BG = {core_plan.STATUS_DONE: QColor("#e3f4e6"), core_plan.STATUS_IN_PROGRESS: QColor("#fff6d6"),
             core_plan.STATUS_NOT_POSSIBLE: QColor("#fbe3e1")}
LOCKED_BG = QColor("#f2f2f2")
RIGHT = int(Qt.AlignTop | Qt.AlignRight)


def amount_text(amount: float | None) -> str:
    return "" if amount is None else core_plan.format_baht(amount, dash_for_zero=False)


def amount_value(text: object):
    """A baht entry: a float, None (empty or "-") or core_plan.NO_BUDGET."""
    try:
        return core_plan.parse_budget(text)
    except core_plan.BudgetTextError as exc:
        raise EntryError(str(exc)) from None


def status_value(text: object) -> str:
    value = text_value(text)
    if value in ("", NOT_REPORTED):
        return ""
    if value not in core_plan.STATUSES:
        raise EntryError(f"สถานะต้องเป็นหนึ่งใน {' / '.join(core_plan.STATUSES)}")
    return value


def in_act_value(text: object) -> bool:
    value = text_value(text)
    if value not in (IN_ACT_YES, IN_ACT_NO, ""):
        raise EntryError(f"เลือก '{IN_ACT_YES}' หรือ '{IN_ACT_NO}'")
    return value == IN_ACT_YES


def reason_text(e: EntryView) -> str:
    if e.reason == core_plan.REASON_OTHER and e.reason_text:
        return f"{core_plan.REASON_OTHER}: {e.reason_text}"
    return e.reason


def reason_value(text: object) -> tuple[str, str]:
    """(reason, text after อื่นๆ): one of the listed reasons, or any other words as อื่นๆ."""
    value = text_value(text)
    if value in core_plan.REASONS[:-1] or not value:
        return value, ""
    other = value.removeprefix(core_plan.REASON_OTHER).lstrip(" :").strip()
    if not other:
        raise EntryError("เลือก 'อื่นๆ' แล้ว กรุณาพิมพ์เหตุผลต่อท้าย เช่น อื่นๆ: น้ำท่วมพื้นที่")
    return core_plan.REASON_OTHER, other


def entry_with(e: EntryView, column: int, value) -> EntryInput:
    """The entry's values with one column changed, keeping the status and reason consistent."""
    data = e.as_input()
    if column == M_STATUS:
        keep = value == core_plan.STATUS_NOT_POSSIBLE
        return replace(data, status=value, reason=data.reason if keep else "",
                       reason_text=data.reason_text if keep else "")
    if column in (M_PLAN, M_ACT, M_DISBURSED):
        field = {M_PLAN: "budget_in_plan", M_ACT: "budget_in_act", M_DISBURSED: "disbursed"}[column]
        if value is core_plan.NO_BUDGET:
            return replace(data, **{field: None}, no_budget=True)
        return replace(data, **{field: value}, no_budget=data.no_budget and not value)
    if column == M_IN_ACT:
        return replace(data, in_act_plan=value)
    if column == M_REASON:
        reason, other = value
        status = core_plan.STATUS_NOT_POSSIBLE if reason else (
            "" if data.status == core_plan.STATUS_NOT_POSSIBLE else data.status)
        return replace(data, reason=reason, reason_text=other, status=status)
    return replace(data, remark=value)


def _disbursed_text(e: EntryView) -> str:
    if e.disbursed is None and e.no_budget:
        return core_plan.NO_BUDGET_TEXT
    return amount_text(e.disbursed)


def monitoring_columns() -> tuple[Column, ...]:
    amount = dict(parse=amount_value, editor=NUMBER, align=RIGHT)
    return (
        Column("ที่", lambda e: e.code, align=TOP_CENTER),
        Column("โครงการ/กิจกรรม/มาตรการ", lambda e: e.project_name),
        Column("สถานะ", lambda e: e.status or NOT_REPORTED, parse=status_value, editor=CHOICE,
               choices=(NOT_REPORTED, *core_plan.STATUSES), value=lambda e: e.status),
        Column("งบประมาณ\nตามแผน\nพัฒนา (บาท)", lambda e: amount_text(e.budget_in_plan),
               value=lambda e: e.budget_in_plan, **amount),
        Column("งบประมาณตาม\nข้อบัญญัติ/\nเทศบัญญัติ\n(บาท)", lambda e: amount_text(e.budget_in_act),
               value=lambda e: e.budget_in_act, **amount),
        Column("เบิกจ่ายจริง\n(บาท)", _disbursed_text, value=lambda e: e.disbursed, **amount),
        Column("บรรจุไว้ใน\nข้อบัญญัติ/\nเทศบัญญัติ/\nแผนการ\nดำเนินงาน",
               lambda e: IN_ACT_YES if e.in_act_plan else IN_ACT_NO,
               parse=in_act_value, editor=CHOICE, choices=(IN_ACT_YES, IN_ACT_NO), value=lambda e: e.in_act_plan,
               align=TOP_CENTER, tooltip=lambda e: core_plan.IN_ACT_PLAN),
        Column("เหตุที่ไม่สามารถ\nดำเนินการได้", reason_text, parse=reason_value, editor=CHOICE,
               choices=("", *core_plan.REASONS), value=lambda e: (e.reason, e.reason_text)),
        Column("หมายเหตุ", lambda e: e.remark, parse=text_value),
    )


class MonitoringTableModel(TableModel):
    """One project per row of a monitoring round, edited in place (stored through the tab)."""

    DEFAULT_ALIGN = TOP_LEFT

    def __init__(self, parent=None):
        super().__init__(monitoring_columns(), parent)
        self.round: RoundView | None = None

    def set_round(self, view: RoundView | None) -> None:
        self.round = view
        self.editable = view is not None and not view.finished
        self.set_rows(list(view.entries) if view else [])

    def row_key(self, row: EntryView):
        return row.id

    def row_label(self, row: EntryView) -> str:
        return f"โครงการ '{row.project_name}'"

    def entry(self, entry_id: int) -> EntryView | None:
        return next((e for e in self.rows if e.id == entry_id), None)

    def decorate(self, row: EntryView, column: int, role: int):
        if role == roles.BACKGROUND:
            if self.round is not None and self.round.finished:
                return LOCKED_BG
            return STATUS_BG.get(row.status) if column == M_STATUS else None
        return None


# --- progress at a glance -------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


PROGRESS_COLUMNS = (
    Column("มิติ", lambda r: r[0], tooltip=lambda r: r[2] or None),
    Column("จำนวน", lambda r: str(r[1].projects), align=TOP_CENTER),
    Column("ดำเนินการ\nแล้วเสร็จ", lambda r: str(r[1].done), align=TOP_CENTER),
    Column("อยู่ระหว่าง\nดำเนินการ", lambda r: str(r[1].in_progress), align=TOP_CENTER),
    Column("ไม่สามารถ\nดำเนินการได้", lambda r: str(r[1].not_possible), align=TOP_CENTER),
    Column("ยังไม่\nรายงาน", lambda r: str(r[1].not_reported), align=TOP_CENTER),
    Column("งบประมาณตาม\nแผนพัฒนา (บาท)", lambda r: core_plan.format_baht(r[1].planned), align=RIGHT),
    Column("เบิกจ่ายจริง\n(บาท)", lambda r: core_plan.format_baht(r[1].disbursed), align=RIGHT),
    Column("ร้อยละ\nการเบิกจ่าย", lambda r: _percent(r[1].disbursed_percent), align=RIGHT),
)


def progress_rows(progress: core_plan.RoundProgress | None, names: dict[int, str]) -> list:
    if progress is None:
        return []
    rows = [(f"มิติที่ {d}", x, names.get(d, "")) for d, x in progress.by_dimension.items()]
    return rows + [("รวมทั้งแผน", progress.total, "")]


BUDGET_COLUMNS = (
    Column("ปีงบประมาณ", lambda y: "รวมทุกปี" if y.year == 0 else f"พ.ศ. {y.year}"),
    Column("งบประมาณตามแผน (บาท)", lambda y: core_plan.format_baht(y.planned), align=RIGHT),
    Column("เบิกจ่ายจริง (บาท)", lambda y: "ยังไม่รายงาน" if y.disbursed is None
           else core_plan.format_baht(y.disbursed), align=RIGHT),
    Column("ร้อยละ", lambda y: _percent(y.percent), align=RIGHT),
)


def _met(s: core_plan.ScoreAgainstTarget) -> str:
    if s.met is None:
        return "-"
    return f"บรรลุ ({s.gap:+.2f})" if s.met else f"ไม่บรรลุ ({s.gap:+.2f})"


SCORE_COLUMNS = (
    Column("ปีงบประมาณ", lambda s: f"พ.ศ. {s.year}"),
    Column("ค่าเป้าหมาย ITA", lambda s: "-" if s.target is None else f"{s.target:g}", align=RIGHT),
    Column("คะแนนที่ได้", lambda s: "-" if s.score is None else f"{s.score:.2f}", align=RIGHT),
    Column("ผล", _met, align=TOP_CENTER),
)


class BoldLastRowModel(TableModel):
    """A read-only table whose last row is the total."""

    def __init__(self, columns, bold_last: bool = True, parent=None):
        super().__init__(columns, parent)
        self.editable = False
        self.bold_last = bold_last

    def decorate(self, row, column: int, role: int):
        if self.bold_last and self.rows and row is self.rows[-1]:
            if role == roles.FONT:
                font = QFont()
                font.setBold(True)
                return font
            if role == roles.BACKGROUND:
                return TOTAL_BG
        return None
