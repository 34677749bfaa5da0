"""Tables of the ติดตามแผน tab: projects by dimension with yearly budgets, targets, risks,
and the 9-part project detail as HTML."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ita_desktop.services.plans import DimensionView, PlanView, ProjectView, RiskView, TargetView

from .measure_models import TOP_CENTER, TextTableModel

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
        if role == Qt.BackgroundRole:
            if row.kind == DIMENSION_ROW:
                return DIMENSION_BG
            if row.kind == TOTAL_ROW:
                return TOTAL_BG
            return YEAR_BG if self.highlight_year and self.year_of(column) == self.highlight_year else None
        if role == Qt.FontRole and row.kind != PROJECT_ROW:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and self.year_of(column) is not None:
            return int(Qt.AlignTop | Qt.AlignRight)
        if role == Qt.TextAlignmentRole and row.kind == DIMENSION_ROW:
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
        if target.other or target.fewer_cases_percent is None:
            return target.other
        return f"คดีทุจริตลดลงร้อยละ {target.fewer_cases_percent:g}"

    def decorate(self, row: str, column: int, role: int):
        if role == Qt.BackgroundRole and column and self.years[column - 1] == self.highlight_year:
            return YEAR_BG
        if role == Qt.TextAlignmentRole and column and row == self.ROW_LABELS[0]:
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


def project_detail_html(project: ProjectView | None) -> str:
    """The 9 parts of a project (part 3 of the plan) as simple HTML; a hint without a project."""
    if project is None:
        return "<p style='color:#666'>เลือกโครงการในตารางเพื่อดูรายละเอียด ๙ หัวข้อ</p>"
    parts = [f"<p style='color:#555'>{escape(project.kind)} ที่ {escape(project.code)} "
             f"(มิติที่ {project.dimension})</p>"]
    for n, (label, field) in enumerate(DETAIL_PARTS):
        text = getattr(project, field) or "–"
        body = "<br>".join(escape(line) for line in text.splitlines())
        parts.append(f"<p><b>{THAI_NUMERALS[n]}. {label}</b><br>{body}</p>")
    return "\n".join(parts)
