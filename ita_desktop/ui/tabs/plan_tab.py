"""ติดตามแผน: the anti-corruption action plan (projects with budgets and detail, targets, risks),
its monitoring rounds of the selected fiscal year, progress at a glance, and its documents.
Every change goes through ``self.ops.change`` with an undo step built on the plan services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services import changes, plans
from ita_desktop.services.changes import Changes
from ita_desktop.services.plans import PlanView, ProjectView
from ita_desktop.services.undo import Step, deletion_step, value_step
from ita_desktop.ui.dialogs import plan_dialogs as pd
from ita_desktop.ui.models import plan_models as pm
from ita_desktop.ui.models.score_base import KEY_ROLE
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel
from ita_desktop.ui.widgets.message_bar import MessageBar
from ita_desktop.ui.widgets.tables import WrappedTable, text_browser

from .base import NO_OFFICE_TEXT, Tab
from .plan_documents import PlanDocuments
from .plan_panels import MonitoringPanel, ProgressPanel

NO_PLAN_TEXT = "หน่วยงานนี้ยังไม่มีแผนปฏิบัติการป้องกันการทุจริต"
NO_PLAN_HINT = "กด 'สร้างแผนใหม่...' เพื่อเริ่มแผน หรือ 'นำเข้าแผนจาก Excel...' จากเมนูเอกสาร"


def not_covering_text(plan: PlanView, year: int) -> str:
    return (f"ไม่มีแผนที่ครอบคลุมปีงบประมาณ พ.ศ. {year} จึงแสดงแผนล่าสุดของหน่วยงาน "
            f"(พ.ศ. {plan.start_year} - {plan.end_year})")


def plan_heading(plan: PlanView) -> str:
    return f"<b style='font-size:13pt'>{plan.title or 'แผนปฏิบัติการป้องกันการทุจริต'}</b>"


def plan_facts(plan: PlanView) -> str:
    return (f"ปีงบประมาณ พ.ศ. {plan.start_year} - {plan.end_year} · {len(plan.dimensions)} มิติ · "
            f"{len(plan.projects)} โครงการ/กิจกรรม/มาตรการ · ความเสี่ยง {len(plan.risks)} ประเด็น")


def creation_step(label: str, delete, restore, changes_: Changes) -> Step:
    """Undo of a creation is its deletion; redo puts the deleted snapshot back (same id)."""
    state = {}

    def undo(ctx) -> None:
        state["snapshot"] = delete(ctx)

    def redo(ctx) -> None:
        restore(ctx, state["snapshot"])

    return Step(label, undo, redo, changes_)


def button(text: str, slot, row: QHBoxLayout | None = None) -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if row is not None:
        row.addWidget(b)
    return b


class PlanTab(PlanDocuments, Tab):
    """The ติดตามแผน tab."""

    title = "ติดตามแผน"

    kinds = frozenset({changes.PLAN, changes.SCORES, changes.OFFICES})

    def __init__(self, ctx, ops=None, parent: QWidget | None = None):
        super().__init__(ctx, ops, parent)
        self.plan: PlanView | None = None
        self.current_project: ProjectView | None = None
        self.document_dialog = None
        self._build()
        self.refresh_if_stale()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(textFormat=Qt.RichText, wordWrap=True)
        self.facts = ThaiWrapLabel()
        self.notice = MessageBar("warning")
        self.empty_bar = MessageBar("info")
        self.targets = pm.TargetTableModel(self)
        self.target_view = WrappedTable(self.targets, lambda: {0: "เป้าหมายอื่น__"})
        self.projects = pm.ProjectTableModel(self)
        self.project_view = WrappedTable(self.projects, self._project_columns)
        self.project_view.selectionModel().currentRowChanged.connect(self._project_chosen)
        self.project_view.doubleClicked.connect(lambda _i: self.edit_project())
        self.detail = text_browser()
        self.risks = pm.RiskTableModel(self)
        self.risk_view = WrappedTable(self.risks, lambda: {0: "ลำดับที่", 3: "Risk Score"})
        self.risk_view.doubleClicked.connect(lambda _i: self.edit_risk())
        for view, remove in ((self.project_view, self.delete_project), (self.risk_view, self.delete_risk)):
            QShortcut(QKeySequence.Delete, view, remove, context=Qt.WidgetShortcut)
        self.monitoring = MonitoringPanel(self)
        self.progress = ProgressPanel(self)
        self.sections = QTabWidget()
        self.sections.addTab(self._project_page(), "โครงการ/กิจกรรม/มาตรการ และงบประมาณ")
        self.sections.addTab(self.monitoring, "รายงานผลการดำเนินงาน")
        self.sections.addTab(self.progress, "ความก้าวหน้า")
        self.sections.addTab(self._target_page(), "วัตถุประสงค์และค่าเป้าหมาย")
        self.sections.addTab(self._risk_page(), "การประเมินความเสี่ยงการทุจริต")
        layout = self.content_layout()
        layout.addWidget(self.heading)
        top = QHBoxLayout()
        top.addWidget(self.facts, 1)
        top.addLayout(self._plan_buttons())
        layout.addLayout(top)
        for widget in (self.notice, self.empty_bar):
            layout.addWidget(widget)
        layout.addWidget(self.sections, 1)
        layout.addStretch(0)  # takes the room of the hidden sections in the empty state

    def _plan_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = button("สร้างแผนใหม่...", self.new_plan, row)
        self.copy_button = button("คัดลอกเป็นแผนรอบใหม่...", self.copy_plan, row)
        self.info_button = button("แก้ไขข้อมูลแผน...", self.edit_plan_info, row)
        self.delete_plan_button = button("ลบแผน...", self.delete_plan, row)
        self.documents_button = QToolButton(text="เอกสาร")
        self.documents_button.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self.documents_button)
        self.document_actions = {
            "plan": menu.addAction("พิมพ์แผน...", self.print_plan),
            "round": menu.addAction("พิมพ์รายงานผลรอบนี้...", self.print_round),
            "memo": menu.addAction("พิมพ์บันทึกข้อความนำส่งรายงานผล...", self.print_round_memo),
        }
        menu.addSeparator()
        self.document_actions["export"] = menu.addAction("ส่งออกแผนเป็น Excel...", self.export_plan)
        self.document_actions["import"] = menu.addAction("นำเข้าแผนจาก Excel...", self.import_plan)
        self.documents_button.setMenu(menu)
        row.addWidget(self.documents_button)
        return row

    def _project_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.add_project_button = button("เพิ่มโครงการ...", self.add_project, row)
        self.edit_project_button = button("แก้ไข...", self.edit_project, row)
        self.delete_project_button = button("ลบ", self.delete_project, row)
        self.up_button = button("เลื่อนขึ้น", lambda: self.move_project(-1), row)
        self.down_button = button("เลื่อนลง", lambda: self.move_project(1), row)
        row.addStretch(1)
        box.addLayout(row)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.project_view)
        panel = QWidget()
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("<b>รายละเอียดโครงการ</b>"))
        side.addWidget(self.detail, 1)
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 360])
        box.addWidget(self.splitter, 1)
        return page

    def _target_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel("ปีงบประมาณ"))
        self.target_year = QComboBox()
        row.addWidget(self.target_year)
        self.edit_target_button = button("แก้ไขค่าเป้าหมายของปีนี้...", self.edit_target, row)
        self.delete_target_button = button("ลบค่าเป้าหมายของปีนี้", self.delete_target, row)
        row.addStretch(1)
        box.addWidget(QLabel("<b>วัตถุประสงค์ของแผน</b> (แก้ไขได้ที่ 'แก้ไขข้อมูลแผน...')"))
        self.objectives = text_browser()
        box.addWidget(self.objectives, 1)
        box.addWidget(QLabel("<b>ค่าเป้าหมาย</b> (ดับเบิลคลิกที่ปีเพื่อแก้ไข)"))
        box.addLayout(row)
        box.addWidget(self.target_view, 1)
        self.target_view.doubleClicked.connect(self._target_clicked)
        return page

    def _target_clicked(self, index) -> None:
        if self.plan is not None and index.column() > 0:
            self.target_year.setCurrentIndex(index.column() - 1)
            self.edit_target()

    def _risk_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        button("เพิ่มความเสี่ยง...", self.add_risk, row)
        button("แก้ไข...", self.edit_risk, row)
        button("ลบ", self.delete_risk, row)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.risk_view, 1)
        return page

    def _project_columns(self) -> dict[int, str | None]:
        """Every column but the project name as wide as its contents (headings are spanned)."""
        return {c: None for c in range(self.projects.columnCount()) if c != pm.COL_NAME}

    # -- showing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the plan covering the selected year (else the office's latest plan)."""
        if self.office_id is None:
            self._show_nothing(NO_OFFICE_TEXT)
            return
        plan, error = self.read(plans.plan_for_year, self.office_id, self.year)
        if error:
            self._show_nothing(error)
        elif plan is None:
            self._show_nothing(f"{NO_PLAN_TEXT} {NO_PLAN_HINT}")
        else:
            self._show(plan)

    def _show(self, plan: PlanView) -> None:
        keep = self.current_project.id if self.current_project else None
        self.plan = plan
        self.heading.setText(plan_heading(plan))
        self.facts.setText(plan_facts(plan))
        covered = self.year is None or plan.covers(self.year)
        self.notice.set_messages([] if covered else [not_covering_text(plan, self.year)])
        self.empty_bar.set_messages([])
        highlight = self.year if covered else None
        self.targets.set_plan(plan, highlight)
        self.projects.set_plan(plan, highlight)
        self.risks.set_plan(plan)
        self._fill_target_years(plan, highlight)
        self.objectives.setPlainText(plan.objectives or "ยังไม่ได้ระบุวัตถุประสงค์ของแผน")
        self._set_visible(True)
        known = keep if keep in {p.id for p in plan.projects} else None
        self.select_project(known or (plan.projects[0].id if plan.projects else None))
        self.monitoring.show_plan(plan, self.year)
        self.progress.show_plan(plan, self.monitoring.year, self.monitoring.round_no())

    def _fill_target_years(self, plan: PlanView, year: int | None) -> None:
        keep = self.target_year.currentData() or year
        self.target_year.clear()
        for y in plan.years:
            self.target_year.addItem(f"พ.ศ. {y}", y)
        self.target_year.setCurrentIndex(max(0, self.target_year.findData(keep)))

    def _show_nothing(self, message: str) -> None:
        self.plan = None
        self.heading.setText("")
        self.facts.setText("")
        self.notice.set_messages([])
        self.empty_bar.set_messages([message])
        for model in (self.targets, self.projects, self.risks):
            model.set_plan(None)
        self.detail.setHtml(pm.project_detail_html(None))
        self.current_project = None
        self.monitoring.show_plan(None, None)
        self._set_visible(False)

    def _set_visible(self, on: bool) -> None:
        self.sections.setVisible(on)
        self.new_button.setEnabled(self.office_id is not None)
        for widget in (self.copy_button, self.info_button, self.delete_plan_button):
            widget.setEnabled(on)
        for key in ("plan", "round", "memo", "export"):
            self.document_actions[key].setEnabled(on)
        self.document_actions["import"].setEnabled(True)

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

    # -- helpers ---------------------------------------------------------------------------------
    def run_dialog(self, dialog) -> bool:
        """Show a form modally; tests replace this to fill the form and press บันทึก."""
        return bool(dialog.exec())

    def ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text, QMessageBox.Yes | QMessageBox.No,
                                    QMessageBox.No) == QMessageBox.Yes

    def changed(self) -> Changes:
        return Changes.of(changes.PLAN, office_id=self.office_id)

    def change(self, do, label: str, step=None, backup: str | None = None):
        return self.ops.change(do, changes=self.changed(), label=label, step=step, backup=backup, parent=self)

    def _need_project(self) -> ProjectView | None:
        if self.current_project is None:
            QMessageBox.information(self, "ติดตามแผน", "กรุณาเลือกโครงการในตารางก่อน")
        return self.current_project

    # -- the plan --------------------------------------------------------------------------------
    def new_plan(self) -> None:
        if self.office_id is None:
            return
        dialog = pd.NewPlanDialog(self.year or 2566, parent=self)
        if not self.run_dialog(dialog):
            return
        v = dialog.values()
        label = f"สร้างแผน พ.ศ. {v['start_year']}-{v['end_year']}"
        self.change(lambda ctx: plans.create_plan(ctx, self.office_id, **v), label,
                    step=lambda pid: creation_step(label, lambda ctx: plans.delete_plan(ctx, pid),
                                                   plans.restore_plan, self.changed()))

    def copy_plan(self) -> None:
        if self.plan is None:
            return
        source = self.plan
        dialog = pd.NewPlanDialog(source.end_year + 1, source=source, parent=self)
        if not self.run_dialog(dialog):
            return
        v = dialog.values()
        label = f"คัดลอกแผนเป็นแผน พ.ศ. {v['start_year']}-{v['end_year']}"
        self.change(lambda ctx: plans.copy_plan(ctx, source.id, v["start_year"], v["end_year"], v["title"]), label,
                    step=lambda pid: creation_step(label, lambda ctx: plans.delete_plan(ctx, pid),
                                                   plans.restore_plan, self.changed()))

    def edit_plan_info(self) -> None:
        if self.plan is None:
            return
        plan = self.plan
        dialog = pd.PlanInfoDialog(plan, parent=self)
        if not self.run_dialog(dialog):
            return
        old = {"title": plan.title, "start_year": plan.start_year, "end_year": plan.end_year,
               "objectives": plan.objectives}
        new = dialog.values()
        if new != old:
            def write(ctx, value, version):
                return plans.update_plan(ctx, plan.id, expected_version=version, **value)

            self.change(lambda ctx: write(ctx, new, plan.version), "แก้ไขข้อมูลแผน",
                        step=lambda ver: value_step("แก้ไขข้อมูลแผน", write, old, new, ver, self.changed()))
        for d in plan.dimensions:
            name = dialog.dimension_names()[d.id]
            if name != d.name:
                self._rename_dimension(d, name)

    def _rename_dimension(self, d, name: str) -> None:
        label = f"แก้ชื่อมิติที่ {d.number}"

        def write(ctx, value, version):
            return plans.rename_dimension(ctx, d.id, value, version)

        self.change(lambda ctx: write(ctx, name, d.version), label,
                    step=lambda ver: value_step(label, write, d.name, name, ver, self.changed()))

    def delete_plan(self) -> None:
        if self.plan is None:
            return
        plan = self.plan
        if not self.ask("ลบแผน", f"ลบ{plan.title} พร้อมโครงการ งบประมาณ และรายงานผลทุกรอบของแผนนี้หรือไม่?\n"
                                  "(เลิกทำได้จากเมนู แก้ไข → เลิกทำ)"):
            return
        label = f"ลบแผน พ.ศ. {plan.start_year}-{plan.end_year}"
        self.change(lambda ctx: plans.delete_plan(ctx, plan.id, plan.version), label, backup="before-delete",
                    step=lambda snap: deletion_step(label, lambda ctx: plans.delete_plan(ctx, plan.id),
                                                    plans.restore_plan, snap, self.changed()))

    # -- projects ------------------------------------------------------------------------------
    def add_project(self) -> None:
        if self.plan is None:
            return
        dim = self.current_project.dimension_id if self.current_project else None
        dialog = pd.ProjectDialog(self.plan, dimension_id=dim, parent=self)
        if not self.run_dialog(dialog):
            return
        data, dim_id = dialog.values(), dialog.dimension_id()
        label = f"เพิ่มโครงการ '{data.name}'"
        done, pid = self.change(
            lambda ctx: plans.add_project(ctx, dim_id, data), label,
            step=lambda pid: creation_step(label, lambda ctx: plans.delete_project(ctx, pid),
                                           plans.restore_project, self.changed()))
        if done:
            self.select_project(pid)

    def edit_project(self) -> None:
        project = self._need_project()
        if project is None or self.plan is None:
            return
        dialog = pd.ProjectDialog(self.plan, project, parent=self)
        if not self.run_dialog(dialog):
            return
        old, new = (plans.project_input(project), project.dimension_id), (dialog.values(), dialog.dimension_id())
        if old == new:
            return
        label = f"แก้ไขโครงการ '{new[0].name}'"

        def write(ctx, value, version):
            return plans.update_project(ctx, project.id, value[0], version, dimension_id=value[1])

        self.change(lambda ctx: write(ctx, new, project.version), label,
                    step=lambda ver: value_step(label, write, old, new, ver, self.changed()))

    def delete_project(self) -> None:
        project = self._need_project()
        if project is None:
            return
        question = f"ลบ{project.kind} '{project.name}' พร้อมงบประมาณและรายงานผลของโครงการนี้หรือไม่?"
        if not self.ask("ลบโครงการ", question):
            return
        label = f"ลบโครงการ '{project.name}'"
        self.change(lambda ctx: plans.delete_project(ctx, project.id, project.version), label, backup="before-delete",
                    step=lambda snap: deletion_step(label, lambda ctx: plans.delete_project(ctx, project.id),
                                                    plans.restore_project, snap, self.changed()))

    def move_project(self, offset: int) -> None:
        project = self._need_project()
        if project is None or self.plan is None:
            return
        siblings = next(d.projects for d in self.plan.dimensions if d.id == project.dimension_id)
        old = [p.id for p in siblings].index(project.id)
        new = old + offset
        if not 0 <= new < len(siblings):
            return
        label = f"เลื่อนโครงการ '{project.name}'"
        step = Step(label, lambda ctx: plans.move_project(ctx, project.id, old),
                    lambda ctx: plans.move_project(ctx, project.id, new), self.changed())
        done, _old = self.change(lambda ctx: plans.move_project(ctx, project.id, new, project.version), label,
                                 step=lambda _r: step)
        if done:
            self.select_project(project.id)

    # -- risks and targets ---------------------------------------------------------------------
    def _current_risk(self):
        index = self.risk_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.risks.rows):
            QMessageBox.information(self, "ความเสี่ยงการทุจริต", "กรุณาเลือกความเสี่ยงในตารางก่อน")
            return None
        return self.risks.rows[index.row()][1]

    def add_risk(self) -> None:
        if self.plan is None:
            return
        dialog = pd.RiskDialog(parent=self)
        if not self.run_dialog(dialog):
            return
        plan_id, data = self.plan.id, dialog.values()
        label = "เพิ่มความเสี่ยงการทุจริต"
        self.change(lambda ctx: plans.add_risk(ctx, plan_id, data), label,
                    step=lambda rid: creation_step(label, lambda ctx: plans.delete_risk(ctx, rid),
                                                   plans.restore_risk, self.changed()))

    def edit_risk(self) -> None:
        risk = self._current_risk()
        if risk is None:
            return
        dialog = pd.RiskDialog(risk, parent=self)
        if not self.run_dialog(dialog):
            return
        old = plans.RiskInput(risk.process, risk.risk, risk.level, risk.controls)
        new = dialog.values()
        if new == old:
            return
        label = "แก้ไขความเสี่ยงการทุจริต"

        def write(ctx, value, version):
            return plans.update_risk(ctx, risk.id, value, version)

        self.change(lambda ctx: write(ctx, new, risk.version), label,
                    step=lambda ver: value_step(label, write, old, new, ver, self.changed()))

    def delete_risk(self) -> None:
        risk = self._current_risk()
        if risk is None or not self.ask("ลบความเสี่ยง", f"ลบความเสี่ยง '{risk.process}' หรือไม่?"):
            return
        label = "ลบความเสี่ยงการทุจริต"
        self.change(lambda ctx: plans.delete_risk(ctx, risk.id, risk.version), label,
                    step=lambda snap: deletion_step(label, lambda ctx: plans.delete_risk(ctx, risk.id),
                                                    plans.restore_risk, snap, self.changed()))

    def edit_target(self) -> None:
        if self.plan is None or self.target_year.currentData() is None:
            return
        plan, year = self.plan, self.target_year.currentData()
        target = next((t for t in plan.targets if t.year == year), None)
        dialog = pd.TargetDialog(year, target, parent=self)
        if not self.run_dialog(dialog):
            return
        new = dialog.values()
        old = None if target is None else (target.ita_target, target.fewer_cases_percent, target.other)
        label = f"แก้ไขค่าเป้าหมายปี {year}"

        def put(ctx, value):
            if value is None:
                plans.delete_target(ctx, next(t.id for t in plans.get_plan(ctx, plan.id).targets if t.year == year))
            else:
                plans.set_target(ctx, plan.id, year, *value)

        step = Step(label, lambda ctx: put(ctx, old), lambda ctx: put(ctx, new), self.changed())
        self.change(lambda ctx: plans.set_target(ctx, plan.id, year, *new,
                                                 expected_version=target.version if target else None),
                    label, step=lambda _id: step)

    def delete_target(self) -> None:
        if self.plan is None:
            return
        year = self.target_year.currentData()
        target = next((t for t in self.plan.targets if t.year == year), None)
        if target is None:
            QMessageBox.information(self, "ค่าเป้าหมาย", f"ปี {year} ยังไม่มีค่าเป้าหมาย")
            return
        label = f"ลบค่าเป้าหมายปี {year}"
        self.change(lambda ctx: plans.delete_target(ctx, target.id, target.version), label,
                    step=lambda snap: deletion_step(label, lambda ctx: plans.delete_target(ctx, target.id),
                                                    plans.restore_target, snap, self.changed()))
