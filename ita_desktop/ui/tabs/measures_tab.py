"""มาตรการ: the measures of a fiscal year (made from the analysis of the year before, added,
edited, reordered, merged, split, carried over), their results during the year with evidence
files, the two documents and the import of a measures or results table.

Every change goes through ``self.ops.change`` with an undo step built from the services'
update/delete/snapshot/restore functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services import changes, measures, settings
from ita_desktop.services import measure_results as mr
from ita_desktop.services.changes import Changes
from ita_desktop.services.measures import MeasureSetView
from ita_desktop.services.undo import Step
from ita_desktop.ui.models import measure_models as mm
from ita_desktop.ui.widgets.message_bar import MessageBar
from ita_desktop.ui.widgets.tables import WrappedTable

from .base import NO_OFFICE_TEXT, Tab
from .measure_actions import MeasureActions
from .measure_results_panel import ResultsPanel, button
from ita_desktop.ui.models import roles

MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
RESULTS_TITLE = "ผลการดำเนินการ"
MEASURE_LAYOUTS = {"001": ("ตาราง ๔ ช่อง", "ประเด็น | ผู้รับผิดชอบ | ขั้นตอนหรือวิธีการ | การรายงานผลและกำหนดเวลา "
                                            "(แยกตามเครื่องมือและตัวชี้วัด)"),
                   "002": ("ตาราง ๕ ช่อง", "ประเด็น | มาตรการ | การดำเนินการ/การรายงานผล | ผู้รับผิดชอบ | ระยะเวลา")}
RESULT_LAYOUTS = {"000": ("มีตารางคะแนน", "ตารางคะแนนตัวชี้วัดและประเด็นที่ต้องพัฒนา แล้วตามด้วยตารางผลการดำเนินการ "
                                          "และสรุปผล"),
                  "003": ("ตาราง ๖ ช่อง", "ตารางผลการดำเนินการ ๖ ช่อง: มาตรการ ขั้นตอน ระยะเวลา ผู้รับผิดชอบ "
                                         "ผลการดำเนินการ ผลลัพธ์")}


def layout_key(kind: str, office_id: int) -> str:
    return f"layout/{kind}/{office_id}"


def no_measures_text(year: int) -> str:
    return (f"ยังไม่มี{MEASURES_TITLE}ของปีงบประมาณ พ.ศ. {year} กดปุ่ม 'จัดทำมาตรการจากผลการวิเคราะห์' "
            f"(จากผลการประเมินปีงบประมาณ พ.ศ. {year - 1}) หรือ 'เพิ่มมาตรการ' หรือนำเข้าตารางจาก Excel")


@dataclass(frozen=True)
class TabData:
    """What the tab shows for one office and target year."""

    target: int
    choices: tuple[tuple[int, str], ...]
    measure_set: MeasureSetView | None
    rows: tuple[mm.ProgressRow, ...]
    counts: dict
    divisions: tuple[str, ...]
    layouts: tuple[str, str]


def default_target(ctx, office_id: int, year: int) -> int:
    """The window's year when it has measures or results; else the next year when it has measures
    or the window's year has scores (the next step is to make measures from their analysis)."""
    from ita_desktop.services.queries import years_with_scores

    if measures.measure_set_of_year(ctx, office_id, year) or measures.result_report_for_year(ctx, office_id, year):
        return year
    if measures.measure_set_of_year(ctx, office_id, year + 1) or year in years_with_scores(ctx, office_id):
        return year + 1
    return year


def load_data(ctx, office_id: int, year: int, target: int | None) -> TabData:
    from ita_desktop.services import evidence

    target = target or default_target(ctx, office_id, year)
    choices = ((year, f"ปีงบประมาณ พ.ศ. {year}"), (year + 1, f"ปีงบประมาณ พ.ศ. {year + 1}"))
    progress = mr.year_progress(ctx, office_id, target)
    result_ids = [p.result.id for p in progress.measures if p.result] + [r.id for r in progress.other_results]
    files = {rid: len(evidence.list_evidence(ctx, rid)) for rid in result_ids}
    layouts = (settings.get_raw(ctx, layout_key("measures", office_id)) or "001",
               settings.get_raw(ctx, layout_key("results", office_id)) or "000")
    return TabData(target, choices, measures.measure_set_of_year(ctx, office_id, target),
                   mm.progress_rows(progress, files), progress.counts,
                   measures.division_choices(ctx, office_id), layouts)


def counts_html(counts: dict, overdue: int) -> str:
    parts = [f"{mr.STATUS_TITLES[code]} <b>{n}</b>" for code, n in counts.items()]
    if overdue:
        parts.append(f"<span style='background:{mm.OVERDUE_COLOUR.name()}'>&nbsp;เลยกำหนด <b>{overdue}</b>&nbsp;</span>")
    return " · ".join(parts)


class MeasuresTab(MeasureActions, Tab):
    """The มาตรการ tab: the measures of the chosen fiscal year and their results."""

    title = "มาตรการ"

    kinds = frozenset({changes.MEASURES, changes.RESULTS, changes.OFFICES, changes.SETTINGS})

    def __init__(self, ctx, ops=None, parent: QWidget | None = None, opener=None):
        super().__init__(ctx, ops, parent)
        self.opener = opener or (lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        self.data: TabData | None = None
        self.target: int | None = None
        self._target_for: tuple | None = None
        self.document_dialog = None  # the last document or memo dialog opened (tests look at it)
        self.last_dialog = None  # the last form or checklist opened
        self._select_after: int | None = None
        layout = self.content_layout()
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_top())
        self.sections = QTabWidget()
        self.sections.addTab(self._build_measures(), MEASURES_TITLE)
        self.results = ResultsPanel(self)
        self.sections.addTab(self.results, RESULTS_TITLE)
        layout.addWidget(self.sections, 1)
        self.refresh_if_stale()

    # -- building ------------------------------------------------------------------------------
    def _build_top(self) -> QVBoxLayout:
        self.year_combo = QComboBox()
        self.year_combo.activated.connect(self._year_chosen)
        self.counts = QLabel(wordWrap=True)
        first = QHBoxLayout()
        first.addWidget(QLabel("มาตรการของ"))
        first.addWidget(self.year_combo)
        first.addSpacing(12)
        first.addWidget(self.counts, 1)
        second = QHBoxLayout()
        self.print_measures_button = button(second, "พิมพ์มาตรการ...", self.print_measures)
        self.measures_layout = self._layout_combo(second, MEASURE_LAYOUTS, "measures")
        second.addSpacing(16)
        self.print_results_button = button(second, "พิมพ์รายงานผล...", self.print_results)
        self.results_layout = self._layout_combo(second, RESULT_LAYOUTS, "results")
        second.addStretch(1)
        self.import_button = button(second, "นำเข้าตารางจาก Excel...", self.import_table,
                                    "นำเข้าตารางมาตรการหรือตารางรายงานผลการดำเนินการจากไฟล์ Excel")
        self.memo_button = button(second, "พิมพ์บันทึกข้อความ...", self.print_memo,
                                  "บันทึกข้อความนำส่งมาตรการหรือรายงานผลการดำเนินการ")
        box = QVBoxLayout()
        box.addLayout(first)
        box.addLayout(second)
        return box

    def _layout_combo(self, row: QHBoxLayout, layouts: dict, kind: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip("รูปแบบของเอกสาร (จำไว้สำหรับหน่วยงานนี้)")
        for n, (code, (text, tip)) in enumerate(layouts.items()):
            combo.addItem(f"รูปแบบ{text}", code)
            combo.setItemData(n, tip, roles.TOOLTIP)
        combo.activated.connect(lambda _=0, c=combo, k=kind: self.set_layout(k, c.currentData()))
        row.addWidget(combo)
        return combo

    def _build_measures(self) -> QWidget:
        page = QWidget()
        self.heading = ""  # the page's tool tip: the year chosen above says the rest
        row = QHBoxLayout()
        self.propose_button = button(row, "จัดทำมาตรการจากผลการวิเคราะห์...", self.propose)
        self.add_button = button(row, "เพิ่มมาตรการ...", self.add_measure)
        self.edit_button = button(row, "แก้ไข...", self.edit_measure)
        self.delete_button = button(row, "ลบ", self.delete_measure)
        self.up_button = button(row, "เลื่อนขึ้น", lambda: self.move_measure(-1))
        self.down_button = button(row, "เลื่อนลง", lambda: self.move_measure(1))
        self.merge_button = button(row, "รวมมาตรการ", self.merge_measures,
                                   "รวมมาตรการที่เลือกไว้ (ตั้งแต่ ๒ รายการ กด Ctrl ค้างแล้วคลิก) เป็นมาตรการเดียว")
        self.split_button = button(row, "แยกมาตรการ", self.split_measure,
                                   "แยกมาตรการที่ตอบหลายข้อคำถามเป็นหนึ่งมาตรการต่อข้อ")
        self.carry_button = button(row, "ยกไปปีถัดไป...", self.carry_over,
                                   "คัดลอกหรือย้ายมาตรการที่ยังไม่แล้วเสร็จไปปีงบประมาณถัดไป")
        row.addStretch(1)
        self.empty_bar = MessageBar("info")
        self.model = mm.MeasureTableModel(self)
        self.view = WrappedTable(self.model, lambda: {mm.COL_ORDER: None})
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.doubleClicked.connect(lambda _: self.edit_measure())
        delete_key = QShortcut(QKeySequence.Delete, self.view, context=Qt.WidgetShortcut)
        delete_key.activated.connect(self.delete_measure)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.legend = QLabel(_legend())
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.empty_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        return page

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the measures and results of the office and the chosen fiscal year."""
        context = (self.office_id, self.year)
        if self._target_for != context:
            self.target, self._target_for = None, context
        if self.office_id is None or self.year is None:
            self._show_error(NO_OFFICE_TEXT)
            return
        data, error = self.read(load_data, self.office_id, self.year, self.target)
        if error:
            self._show_error(error)
            return
        self.data, self.target = data, data.target
        self.year_combo.clear()
        for n, (year, text) in enumerate(data.choices):
            self.year_combo.addItem(text, year)
            self.year_combo.setItemData(n, f"มาตรการที่ดำเนินการในปีงบประมาณ พ.ศ. {year} "
                                           f"จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. {year - 1}", roles.TOOLTIP)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(data.target)))
        overdue = sum(r.overdue for r in data.rows)
        self.counts.setText(counts_html(data.counts, overdue))
        self._show_measures(data)
        self.results.show_data(data)
        for combo, code in ((self.measures_layout, data.layouts[0]), (self.results_layout, data.layouts[1])):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        self._enable()

    def _show_error(self, text: str) -> None:
        self.data = None
        self.year_combo.clear()
        self.counts.setText("")
        self.heading = ""
        self.model.set_measure_set(None)
        self.empty_bar.set_messages([text])
        self.results.show_data(None, text)
        self._enable()

    def _show_measures(self, data: TabData) -> None:
        s = data.measure_set
        self.model.set_measure_set(s)
        based = f" · จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. {s.based_on_year}" if s and s.based_on_year else ""
        count = f" · {len(s.measures)} มาตรการ" if s else ""
        self.heading = f"มาตรการสำหรับปีงบประมาณ พ.ศ. {data.target}{based}{count}"
        self.sections.setTabToolTip(0, self.heading)
        self.empty_bar.set_messages([] if s and s.measures else [no_measures_text(data.target)])
        if self._select_after is not None:
            row = self.model.row_of(self._select_after)
            if row >= 0:
                self.view.selectRow(row)
            self._select_after = None

    def _enable(self) -> None:
        ready = self.data is not None
        chosen = self.selected_measures()
        for b in (self.propose_button, self.add_button, self.import_button, self.print_measures_button,
                  self.print_results_button, self.memo_button, self.carry_button):
            b.setEnabled(ready)
        for b in (self.edit_button, self.up_button, self.down_button, self.split_button):
            b.setEnabled(len(chosen) == 1)
        self.delete_button.setEnabled(bool(chosen))
        self.merge_button.setEnabled(len(chosen) >= 2)

    def _year_chosen(self, index: int) -> None:
        target = self.year_combo.itemData(index)
        if target is not None and target != self.target:
            self.target = target
            self.stale = True
            self.refresh_if_stale()

    def select_measure(self, measure_id: int) -> None:
        """Select the measure's row now, or after the next redraw when it is not shown yet."""
        row = self.model.row_of(measure_id)
        if row >= 0 and not self.stale:
            self.view.selectRow(row)
        else:
            self._select_after = measure_id

    def selected_measures(self) -> list:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def changes(self, year: int | None = -1) -> Changes:
        return Changes.of(changes.MEASURES, changes.RESULTS, office_id=self.office_id,
                          year=self.target if year == -1 else year)

    # -- documents -----------------------------------------------------------------------------
    def set_layout(self, kind: str, code: str) -> None:
        key = layout_key(kind, self.office_id)
        office, label = self.office_id, "เปลี่ยนรูปแบบเอกสาร"
        where = Changes.of(changes.SETTINGS, office_id=office)

        def step(old):
            return Step(label, lambda ctx: settings.set_raw(ctx, key, old, office_id=office),
                        lambda ctx: settings.set_raw(ctx, key, code, office_id=office), where)

        self.ops.change(lambda ctx: settings.set_raw(ctx, key, code, office_id=office), changes=where, label=label,
                        step=step, parent=self)

    def _document(self, title: str, writer, layout: str, name: str):
        from ita_desktop.ui.dialogs.document_dialog import DocumentDialog

        office, target = self.office_id, self.target
        dialog = DocumentDialog(self.ctx, title, lambda ctx, path: writer(ctx, office, target, path, layout),
                                f"{name}-{target}", lambda ctx, path: writer(ctx, office, target, path, layout),
                                parent=self, ops=self.ops)
        self.document_dialog = dialog
        dialog.open()
        return dialog

    def print_measures(self):
        from ita_desktop.services import measure_documents  # reportlab and openpyxl load when printing

        if not (self.data and self.data.measure_set and self.data.measure_set.measures):
            QMessageBox.information(self, "พิมพ์มาตรการ", f"ยังไม่มีมาตรการของปีงบประมาณ พ.ศ. {self.target}")
            return None
        return self._document(f"{MEASURES_TITLE} ปีงบประมาณ พ.ศ. {self.target}",
                              measure_documents.write_measures_report, self.measures_layout.currentData(), "มาตรการ")

    def print_results(self):
        from ita_desktop.services import measure_documents

        if not (self.data and any(r.result for r in self.data.rows)):
            QMessageBox.information(self, "พิมพ์รายงานผล",
                                    f"ยังไม่มีผลการดำเนินการของปีงบประมาณ พ.ศ. {self.target} "
                                    "กรุณาบันทึกผลในหน้า 'ผลการดำเนินการ' ก่อน")
            return None
        return self._document(f"รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ. {self.target}",
                              measure_documents.write_results_report, self.results_layout.currentData(),
                              "รายงานผลการดำเนินการ")

    def print_memo(self):
        from ita_desktop.ui.dialogs.memo_dialog import MemoDialog

        # the measures memo goes with the assessment they answer (the year before), the results
        # memo with the year they were carried out in
        kind = "results" if self.sections.currentIndex() == 1 else "measures"
        office, year = self.office_id, self.target if kind == "results" else self.target - 1
        dialog = self.ops.query(lambda ctx: MemoDialog(ctx, office, year, parent=self, ops=self.ops),
                                title="พิมพ์บันทึกข้อความไม่ได้", parent=self)
        if dialog is None:
            return None
        dialog.resize(min(dialog.width(), 1340), min(dialog.height(), 700))  # a 1366x768 screen
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
        self.document_dialog = dialog
        dialog.open()
        return dialog

    # -- import --------------------------------------------------------------------------------
    def import_dialog(self):
        from ita_desktop.services import measures_xlsx
        from ita_desktop.services.queries import get_office
        from ita_desktop.ui.dialogs.table_import_dialog import ImportKind, TableImportDialog

        office, target = self.office_id, self.target

        def check(kind):
            def run(ctx, path: Path):
                table = measures_xlsx.read_table(path, kind)
                return len(table.rows), table.problems
            return run

        def measure_ids(ctx):
            return [m.id for m in getattr(measures.measure_set_of_year(ctx, office, target), "measures", ())]

        def row_ids(ctx):
            return [r.id for r in getattr(measures.result_report_for_year(ctx, office, target), "rows", ())]

        kinds = {
            "measures": ImportKind("มาตรการ", check("measures"), lambda ctx: len(measure_ids(ctx)),
                                   imported(measure_ids, measures.snapshot_measure,
                                            lambda ctx, p, r: measures_xlsx.import_measures(ctx, p, office, target, r)),
                                   self.changes(), lambda done: self.import_step(
                                       "นำเข้ามาตรการ", done, measures.delete_measure, measures.restore_measure,
                                       lambda ctx, p: measures_xlsx.import_measures(ctx, p, office, target, True))),
            "results": ImportKind("ผลการดำเนินการ", check("results"), lambda ctx: len(row_ids(ctx)),
                                  imported(row_ids, mr.snapshot_result_row,
                                           lambda ctx, p, r: measures_xlsx.import_results(ctx, p, office, target, r)),
                                  self.changes(), lambda done: self.import_step(
                                      "นำเข้าผลการดำเนินการ", done, mr.delete_result_row, mr.restore_result_row,
                                      lambda ctx, p: measures_xlsx.import_results(ctx, p, office, target, True))),
        }
        name = self.ops.query(lambda ctx: get_office(ctx, office).name, title="นำเข้าไม่ได้", parent=self) or ""
        return TableImportDialog(self.ctx, self.ops, kinds, f"{name} ปีงบประมาณ พ.ศ. {target}", self)

    def import_step(self, label: str, done: "Imported", delete, restore, again) -> Step:
        """Undo of an import: delete what it stored, restore what it replaced; redo: import again."""
        state = {"ids": done.new_ids, "snaps": []}

        def undo(ctx):
            state["snaps"] = [delete(ctx, i) for i in reversed(state["ids"])]
            for snap in done.old:
                restore(ctx, snap)

        def redo(ctx):
            again(ctx, done.path)
            state["ids"] = done.ids_now(ctx)

        return Step(label, undo, redo, self.changes())

    def import_table(self) -> None:
        dialog = self.import_dialog()
        self.last_dialog = dialog
        dialog.exec()


@dataclass
class Imported:
    """What an import stored (its summary, the ids now) and the snapshots of what it replaced."""

    summary: object
    old: list
    new_ids: list
    path: Path
    ids_now: object

    def message_th(self) -> str:
        return self.summary.message_th()


def imported(ids_now, snapshot, store):
    """``store`` wrapped to keep snapshots of the records it replaces, for its undo."""
    def run(ctx, path: Path, replace: bool) -> Imported:
        old = [snapshot(ctx, i) for i in ids_now(ctx)] if replace else []
        summary = store(ctx, path, replace)
        return Imported(summary, old, ids_now(ctx), Path(path), ids_now)
    return run


def _legend() -> str:
    chips = " &nbsp; ".join(
        f"<span style='background:{colour.name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {name}"
        for name, colour in mm.MEASURE_CATEGORIES.values()
    )
    return f"<span style='color:#444'>สีของประเด็น: {chips}</span>"
