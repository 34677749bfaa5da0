"""ติดตามแผน: the anti-corruption action plan, its targets, projects, budgets and risks
(read-only for now; the 6/12-month monitoring rounds come later)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ita_desktop.services import changes, plans
from ita_desktop.services.plans import PlanView, ProjectView
from ita_desktop.ui.models import plan_models as pm
from ita_desktop.ui.models.score_base import KEY_ROLE
from ita_desktop.ui.widgets.message_bar import MessageBar

from .base import Tab
from ita_desktop.ui.widgets.tables import WrappedTable, text_browser

from .measures_tab import NO_OFFICE_TEXT

NO_PLAN_TEXT = "หน่วยงานนี้ยังไม่มีแผนปฏิบัติการป้องกันการทุจริต"


def not_covering_text(plan: PlanView, year: int) -> str:
    return (f"ไม่มีแผนที่ครอบคลุมปีงบประมาณ พ.ศ. {year} จึงแสดงแผนล่าสุดของหน่วยงาน "
            f"(พ.ศ. {plan.start_year} - {plan.end_year})")


def plan_heading(plan: PlanView) -> str:
    return (f"<b style='font-size:16pt'>{plan.title or 'แผนปฏิบัติการป้องกันการทุจริต'}</b><br>"
            f"ปีงบประมาณ พ.ศ. {plan.start_year} - {plan.end_year} · {len(plan.dimensions)} มิติ · "
            f"{len(plan.projects)} โครงการ/กิจกรรม/มาตรการ · ความเสี่ยงการทุจริต {len(plan.risks)} ประเด็น")


class PlanTab(Tab):
    """The ติดตามแผน tab: heading, yearly targets, projects by dimension with detail, risks."""

    title = "ติดตามแผน"

    kinds = frozenset({changes.PLAN, changes.SCORES, changes.OFFICES})

    def __init__(self, ctx, ops=None, parent: QWidget | None = None):
        super().__init__(ctx, ops, parent)
        self.plan: PlanView | None = None
        self.current_project: ProjectView | None = None
        self._build()
        self.refresh_if_stale()

    def _build(self) -> None:
        self.heading = QLabel(textFormat=Qt.RichText, wordWrap=True)
        self.notice = MessageBar("warning")
        self.empty_bar = MessageBar("info")
        self.targets = pm.TargetTableModel(self)
        self.target_view = WrappedTable(self.targets, lambda: {0: "เป้าหมายอื่น__"})
        self.target_view.fit_height = True
        self.projects = pm.ProjectTableModel(self)
        self.project_view = WrappedTable(self.projects, self._project_columns)
        self.project_view.selectionModel().currentRowChanged.connect(self._project_chosen)
        self.detail = text_browser()
        self.risks = pm.RiskTableModel(self)
        self.risk_view = WrappedTable(self.risks, lambda: {0: "ลำดับที่", 3: "Risk Score"})
        self.sections = QTabWidget()
        self.sections.addTab(self._project_page(), "โครงการ/กิจกรรม/มาตรการ และงบประมาณ")
        self.sections.addTab(self.risk_view, "การประเมินความเสี่ยงการทุจริต")
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.notice, self.empty_bar):
            layout.addWidget(widget)
        self.targets_label = QLabel("<b>ค่าเป้าหมาย</b>")
        layout.addWidget(self.targets_label)
        layout.addWidget(self.target_view)
        layout.addWidget(self.sections, 1)
        layout.addStretch(0)  # takes the room of the hidden tables in the empty state

    def _project_page(self) -> QSplitter:
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.project_view)
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel("<b>รายละเอียดโครงการ</b>"))
        box.addWidget(self.detail, 1)
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 360])
        return self.splitter

    def _project_columns(self) -> dict[int, str | None]:
        """Every column but the project name as wide as its contents (headings are spanned)."""
        return {c: None for c in range(self.projects.columnCount()) if c != pm.COL_NAME}

    def refresh(self) -> None:
        """Reload the plan covering the selected year (else the office's latest plan)."""
        if self.office_id is None:
            self._show_nothing(NO_OFFICE_TEXT)
            return
        plan, error = self.read(plans.plan_for_year, self.office_id, self.year)
        if error:
            self._show_nothing(error)
            return
        if plan is None:
            self._show_nothing(NO_PLAN_TEXT)
            return
        self._show(plan)

    def _show(self, plan: PlanView) -> None:
        self.plan = plan
        self.heading.setText(plan_heading(plan))
        covered = self.year is None or plan.covers(self.year)
        self.notice.set_messages([] if covered else [not_covering_text(plan, self.year)])
        self.empty_bar.set_messages([])
        highlight = self.year if covered else None
        self.targets.set_plan(plan, highlight)
        self.projects.set_plan(plan, highlight)
        self.risks.set_plan(plan)
        self._set_visible(True)
        self.select_project(plan.projects[0].id if plan.projects else None)

    def _show_nothing(self, message: str) -> None:
        self.plan = None
        self.heading.setText("")
        self.notice.set_messages([])
        self.empty_bar.set_messages([message])
        for model in (self.targets, self.projects, self.risks):
            model.set_plan(None)
        self.detail.setHtml(pm.project_detail_html(None))
        self._set_visible(False)

    def _set_visible(self, on: bool) -> None:
        for widget in (self.targets_label, self.target_view, self.sections):
            widget.setVisible(on)

    def select_project(self, project_id: int | None) -> None:
        """Select a project's row and show its 9-part detail (None clears the detail)."""
        row = -1 if project_id is None else self.projects.row_of_project(project_id)
        if row >= 0:
            self.project_view.selectRow(row)
            self.project_view.setCurrentIndex(self.projects.index(row, pm.COL_CODE))
        self._show_detail(self._project(project_id))

    def _project_chosen(self, current, _previous) -> None:
        project_id = current.data(KEY_ROLE) if current.isValid() else None
        if project_id is not None:
            self._show_detail(self._project(project_id))

    def _project(self, project_id: int | None) -> ProjectView | None:
        if self.plan is None or project_id is None:
            return None
        return next((p for p in self.plan.projects if p.id == project_id), None)

    def _show_detail(self, project: ProjectView | None) -> None:
        self.current_project = project
        self.detail.setHtml(pm.project_detail_html(project))
