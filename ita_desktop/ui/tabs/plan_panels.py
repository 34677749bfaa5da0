"""The ติดตามแผน tab's pages for the selected fiscal year: the monitoring round (edited in the
table or a form, closed and reopened) and progress at a glance (tables and charts). Changes go
through the tab's ``change`` (ops.change with an undo step)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.core import plan as core_plan
from ita_desktop.services import monitoring
from ita_desktop.services.errors import UserError
from ita_desktop.services.plans import PlanView
from ita_desktop.services.undo import Step, deletion_step, value_step
from ita_desktop.ui.dialogs import plan_dialogs as pd
from ita_desktop.ui.models import plan_models as pm
from ita_desktop.ui.widgets.cell_editors import ColumnDelegate
from ita_desktop.ui.widgets.charts import Series, TrendChart
from ita_desktop.ui.widgets.message_bar import MessageBar
from ita_desktop.ui.widgets.plan_charts import BudgetChart, StatusChart
from ita_desktop.ui.widgets.score_panels import TARGET_COLOUR, TREND_COLOURS
from ita_desktop.ui.widgets.tables import WrappedTable

LOCKED_TEXT = ("รอบการรายงานนี้ปิดแล้ว (แล้วเสร็จ) แก้ไขไม่ได้ หากต้องการแก้ไขให้กด 'เปิดรอบเพื่อแก้ไข'")
CHART_HEIGHT = 250
UNLOCK_QUESTION = ("เปิดรอบการรายงานที่ปิดแล้วเพื่อแก้ไขหรือไม่?\n"
                   "การเปิดรอบจะถูกบันทึกในประวัติการแก้ไข และต้องปิดรอบอีกครั้งเมื่อแก้ไขเสร็จ")


def not_started_text(year: int, round_no: int) -> str:
    start = " (เริ่มจากรายงานรอบ ๖ เดือน)" if round_no == 2 else ""
    return (f"ยังไม่ได้เริ่มรายงานผล{core_plan.ROUND_NAMES[round_no]} ปีงบประมาณ พ.ศ. {year} "
            f"กด 'เริ่มรายงานรอบนี้'{start}")


def missing_text(names: list[str]) -> str:
    listed = ", ".join(names[:3]) + (f" และอีก {len(names) - 3} รายการ" if len(names) > 3 else "")
    return (f"มีโครงการที่เพิ่มในแผนหลังเริ่มรอบนี้ {len(names)} รายการ ({listed}) "
            "กด 'เพิ่มโครงการใหม่เข้ารอบ' เพื่อรายงานผลด้วย")


def _button(text: str, slot, row: QHBoxLayout):
    from .plan_tab import button

    return button(text, slot, row)


class MonitoringPanel(QWidget):
    """A monitoring round of the selected fiscal year: one project per row."""

    def __init__(self, tab):
        super().__init__()
        self.tab = tab
        self.plan: PlanView | None = None
        self.year: int | None = None
        self.round = None
        self._chosen: tuple[int | None, int] | None = None  # (the window's year, the year chosen here)
        self.title = QLabel("ปีงบประมาณ พ.ศ.")
        self.year_box = QComboBox()
        self.year_box.activated.connect(self._year_chosen)
        self.round_box = QComboBox()
        for n, name in core_plan.ROUND_NAMES.items():
            self.round_box.addItem(name, n)
        self.round_box.currentIndexChanged.connect(lambda _i: self.tab.refresh())
        self.bar = MessageBar("info")
        self.model = pm.MonitoringTableModel(self)
        self.model.entered.connect(self._entered)
        self.model.rejected.connect(lambda text: self.tab.ops.report(UserError(text), "บันทึกรายงานผลไม่ได้", self))
        self.view = WrappedTable(self.model, lambda: {0: "ที่_", 2: "อยู่ระหว่าง_", 3: "งบประมาณ_",
                                                      4: "งบประมาณตาม", 5: "เบิกจ่ายจริง", 6: "ข้อบัญญัติ/_",
                                                      7: "เหตุที่ไม่สามารถ", 8: "หมายเหตุหมายเหตุ"})
        self.view.setItemDelegate(ColumnDelegate(self.view))
        self.view.setEditTriggers(QTableView.DoubleClicked | QTableView.EditKeyPressed | QTableView.AnyKeyPressed)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.title)
        row.addWidget(self.year_box)
        row.addWidget(self.round_box)
        self.start_button = _button("เริ่มรายงานรอบนี้", self.start_round, row)
        self.add_missing_button = _button("เพิ่มโครงการใหม่เข้ารอบ", self.add_missing, row)
        self.edit_button = _button("แก้ไขรายการ...", self.edit_entry, row)
        self.finish_button = _button("ปิดรอบการรายงาน", self.finish_round, row)
        self.unlock_button = _button("เปิดรอบเพื่อแก้ไข", self.unlock_round, row)
        self.delete_button = _button("ลบรอบนี้", self.delete_round, row)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)

    def round_no(self) -> int:
        return self.round_box.currentData() or 1

    def _year_chosen(self, _index: int) -> None:
        self._chosen = (self.tab.year, self.year_box.currentData())
        self.tab.refresh()

    def pick_year(self, plan: PlanView, window_year: int | None) -> int:
        """The year chosen here while the window's year stays; else the window's year when the
        plan covers it; else the plan's first year."""
        if self._chosen and self._chosen[0] == window_year and plan.covers(self._chosen[1]):
            return self._chosen[1]
        return window_year if window_year is not None and plan.covers(window_year) else plan.start_year

    def show_plan(self, plan: PlanView | None, window_year: int | None) -> None:
        """The chosen round of the plan year shown (the window's year by default)."""
        self.plan, self.round, self.missing = plan, None, []
        self.year = None if plan is None else self.pick_year(plan, window_year)
        self.year_box.clear()
        for y in plan.years if plan else ():
            self.year_box.addItem(str(y), y)
        self.year_box.setCurrentIndex(self.year_box.findData(self.year))
        if plan is not None:
            self.round, error = self.tab.read(monitoring.get_round, plan.id, self.year, self.round_no())
            if self.round is not None and not self.round.finished:
                self.missing = self.tab.read(monitoring.missing_projects, self.round.id)[0] or []
            if error:
                self.bar.set_messages([error])
        scrolled, row = self.view.verticalScrollBar().value(), self.view.currentIndex().row()
        self.model.set_round(self.round)
        if 0 <= row < self.model.rowCount():  # a redraw after an edit keeps the clerk's place
            self.view.setCurrentIndex(self.model.index(row, 1))
        self.view.verticalScrollBar().setValue(scrolled)
        self._show_state()

    def _show_state(self) -> None:
        r, started = self.round, self.round is not None
        if self.year is None:
            self.bar.set_messages([])
        elif not started:
            self.bar.set_messages([not_started_text(self.year, self.round_no())])
        elif r.finished:
            self.bar.set_messages([LOCKED_TEXT])
        else:
            self.bar.set_messages([missing_text(self.missing)] if self.missing else [])
        self.add_missing_button.setVisible(bool(self.missing))
        self.start_button.setEnabled(self.year is not None and not started)
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(started)
        self.finish_button.setEnabled(started and not r.finished)
        self.unlock_button.setEnabled(started and r.finished)
        self.view.setVisible(started)

    def _changed(self):
        return self.tab.changed()

    def start_round(self) -> None:
        if self.plan is None or self.year is None:
            return
        plan_id, year, n = self.plan.id, self.year, self.round_no()
        label = f"เริ่มรายงานผลรอบ {core_plan.ROUND_MONTHS[n]} เดือน ปี {year}"
        from .plan_tab import creation_step

        self.tab.change(lambda ctx: monitoring.start_round(ctx, plan_id, year, n), label,
                        step=lambda rid: creation_step(label, lambda ctx: monitoring.delete_round(ctx, rid),
                                                       monitoring.restore_round, self._changed()))

    def add_missing(self) -> None:
        if self.round is None:
            return
        rid, label = self.round.id, "เพิ่มโครงการใหม่เข้ารอบการรายงาน"
        from .plan_tab import creation_step

        def step(ids):
            return creation_step(label, lambda ctx: monitoring.remove_entries(ctx, ids), monitoring.restore_entries,
                                 self._changed())

        self.tab.change(lambda ctx: monitoring.add_missing_entries(ctx, rid), label, step=step)

    def _store(self, entry, new, label: str) -> bool:
        old = entry.as_input()
        if new == old:
            return False

        def write(ctx, value, version):
            return monitoring.update_entry(ctx, entry.id, value, version)

        done, _ver = self.tab.change(lambda ctx: write(ctx, new, entry.version), label,
                                     step=lambda ver: value_step(label, write, old, new, ver, self._changed()))
        return done

    def _entered(self, entry_id, column: int, _old, new) -> None:
        entry = self.model.entry(entry_id)
        if entry is None:
            return
        if column == pm.M_STATUS and new == core_plan.STATUS_NOT_POSSIBLE and not entry.reason:
            self.edit_entry(replace(entry, status=new))  # the reason is asked in the form
            return
        header = self.model.column(column).header.replace("\n", "")
        self._store(entry, pm.entry_with(entry, column, new), f"แก้{header} '{entry.project_name}'")

    def current_entry(self):
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return self.model.rows[0] if self.model.rows else None
        return self.model.rows[index.row()]

    def edit_entry(self, shown=None) -> None:
        """The form of the current line (``shown``: the line with an entry the table took)."""
        entry = self.current_entry() if shown is None else self.model.entry(shown.id)
        if entry is None:
            return
        dialog = pd.EntryDialog(shown or entry, parent=self)
        if self.tab.run_dialog(dialog):
            self._store(entry, dialog.values(), f"แก้ไขรายงานผล '{entry.project_name}'")

    def finish_round(self) -> None:
        r = self.round
        if r is None:
            return
        label = f"ปิดรอบการรายงานปี {r.year}"
        step = Step(label, lambda ctx: monitoring.unlock_round(ctx, r.id),
                    lambda ctx: monitoring.finish_round(ctx, r.id), self._changed())
        self.tab.change(lambda ctx: monitoring.finish_round(ctx, r.id, r.version), label, step=lambda _v: step)

    def unlock_round(self) -> None:
        r = self.round
        if r is None or not self.tab.ask("เปิดรอบเพื่อแก้ไข", UNLOCK_QUESTION):
            return
        label = f"เปิดรอบการรายงานปี {r.year}"
        step = Step(label, lambda ctx: monitoring.finish_round(ctx, r.id),
                    lambda ctx: monitoring.unlock_round(ctx, r.id), self._changed())
        self.tab.change(lambda ctx: monitoring.unlock_round(ctx, r.id, r.version), label, step=lambda _v: step)

    def delete_round(self) -> None:
        r = self.round
        if r is None or not self.tab.ask("ลบรอบการรายงาน", f"ลบรายงานผล{core_plan.ROUND_NAMES[r.round]} "
                                                           f"ปี {r.year} ทั้งรอบหรือไม่?"):
            return
        label = f"ลบรายงานผลรอบ {core_plan.ROUND_MONTHS[r.round]} เดือน ปี {r.year}"
        self.tab.change(lambda ctx: monitoring.delete_round(ctx, r.id, r.version), label, backup="before-delete",
                        step=lambda snap: deletion_step(label, lambda ctx: monitoring.delete_round(ctx, r.id),
                                                        monitoring.restore_round, snap, self._changed()))


class ProgressPanel(QWidget):
    """Progress at a glance: the round's projects by status per dimension, the budget disbursed
    against planned per year, and the ITA score against the plan's target."""

    def __init__(self, tab):
        super().__init__()
        self.tab = tab
        self.caption = QLabel()
        self.status_model = pm.BoldLastRowModel(pm.PROGRESS_COLUMNS, parent=self)
        self.budget_model = pm.BoldLastRowModel(pm.BUDGET_COLUMNS, parent=self)
        self.score_model = pm.BoldLastRowModel(pm.SCORE_COLUMNS, bold_last=False, parent=self)
        self.status_view = WrappedTable(self.status_model, lambda: {0: "รวมทั้งแผน__"} | {c: None for c in range(1, 6)})
        self.budget_view = WrappedTable(self.budget_model, lambda: {0: "รวมทุกปี__", 3: "ร้อยละ__"})
        self.score_view = WrappedTable(self.score_model, lambda: {0: "พ.ศ. 2566__", 3: "ไม่บรรลุ (-10.00)"})
        self.status_chart = StatusChart()
        self.budget_chart = BudgetChart()
        self.trend = TrendChart()
        self.trend.title = "คะแนน ITA เทียบค่าเป้าหมายตามแผน"
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.addWidget(self.caption, 0, 0, 1, 2)
        grid.addWidget(self.status_view, 1, 0, 1, 2)
        grid.addWidget(self.status_chart, 2, 0)
        grid.addWidget(self.budget_chart, 2, 1)
        grid.addWidget(self.budget_view, 3, 0)
        grid.addWidget(self.score_view, 3, 1)
        grid.addWidget(self.trend, 4, 0, 1, 2)
        for chart in (self.status_chart, self.budget_chart, self.trend):
            chart.setMinimumSize(300, CHART_HEIGHT)
        self.status_view.fit_height = True
        self.budget_view.fit_height = True
        self.score_view.fit_height = True
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)

    def show_plan(self, plan: PlanView | None, year: int | None, round_no: int) -> None:
        if plan is None:
            return
        progress, error = self.tab.read(monitoring.plan_progress, plan.id, year, round_no)
        if error or progress is None:
            self.caption.setText(error or "")
            return
        r = progress.round
        self.caption.setText(
            f"<b>สถานะโครงการตามรายงานผล{core_plan.ROUND_NAMES[r.round]} ปี {r.year}</b>" if r else
            "<b>ยังไม่มีรายงานผลของปีงบประมาณที่เลือก</b> (งบประมาณและคะแนนด้านล่างเป็นของทั้งแผน)")
        names = {d.number: d.name for d in plan.dimensions}
        self.status_model.set_rows(pm.progress_rows(progress.by_status, names))
        self.status_chart.set_data(progress.by_status)
        self.budget_model.set_rows([*progress.budget_years, progress.budget_total])
        self.budget_chart.set_data(progress.budget_years)
        self.score_model.set_rows(list(progress.scores))
        scores = {s.year: s.score for s in progress.scores if s.score is not None}
        targets = {s.year: s.target for s in progress.scores if s.target is not None}
        self.trend.set_data(list(plan.years), [
            Series("คะแนนรวม", TREND_COLOURS["total"], scores, width=3.0, labelled=True),
            Series("เป้าหมายตามแผน", TARGET_COLOUR, targets, dashed=True),
        ])
