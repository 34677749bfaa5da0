"""ผลการดำเนินการ, the second page of the มาตรการ tab: per measure its status, output, outcome and
dates, rows for activities made outside the program, the report's own texts, and the evidence
files of the selected row (added, opened with the system's viewer, renamed, removed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services import evidence
from ita_desktop.services import measure_results as mr
from ita_desktop.services.undo import Step, deletion_step, value_step
from ita_desktop.ui.models import measure_models as mm
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.message_bar import MessageBar
from ita_desktop.ui.widgets.tables import WrappedTable
from ita_desktop.ui.models import roles

NO_RESULTS_TEXT = ("ยังไม่มีมาตรการหรือผลการดำเนินการของปีงบประมาณ พ.ศ. {year} "
                   "เพิ่มมาตรการในหน้าแรก หรือกด 'เพิ่มกิจกรรมอื่น...' สำหรับกิจกรรมที่ไม่ได้จัดทำในโปรแกรม")


def button(row: QHBoxLayout, text: str, slot, tip: str = "") -> QPushButton:
    """A push button added to ``row`` that calls ``slot()`` (never the default button of a dialog)."""
    b = QPushButton(text)
    b.setAutoDefault(False)
    b.clicked.connect(lambda: slot())
    if tip:
        b.setToolTip(tip)
    row.addWidget(b)
    return b


class ResultsPanel(QWidget):
    """The results table with its buttons, and the evidence box of the selected row."""

    def __init__(self, tab):
        super().__init__()
        self.tab = tab
        self.heading = ""  # the page's tool tip
        row = QHBoxLayout()
        self.record_button = button(row, "บันทึกผล...", self.record,
                                    "สถานะ ผลการดำเนินการ ผลลัพธ์ และวันที่ ของรายการที่เลือก")
        self.add_button = button(row, "เพิ่มกิจกรรมอื่น...", self.add_other,
                                 "ผลการดำเนินการของกิจกรรมที่ไม่ได้อยู่ในมาตรการของโปรแกรม")
        self.delete_button = button(row, "ลบผลการดำเนินการ", self.delete_result)
        self.texts_button = button(row, "ข้อความรายงาน...", self.edit_texts,
                                   "ชื่อรายงาน บทนำ และสรุปผลการดำเนินการ")
        row.addStretch(1)
        overdue = QLabel(f"<span style='background:{mm.OVERDUE_COLOUR.name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"
                         " เลยกำหนดเวลาแล้วเสร็จแต่ยังไม่แล้วเสร็จ")
        row.addWidget(overdue)
        self.empty_bar = MessageBar("info")
        self.model = mm.ProgressTableModel(self)
        self.view = WrappedTable(self.model, lambda: {mm.COL_R_ORDER: None, mm.COL_R_DUE: None,
                                                      mm.COL_R_STATUS: None, mm.COL_R_EVIDENCE: None})
        self.view.doubleClicked.connect(lambda _: self.record())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self._build_evidence())
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([1080, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.empty_bar)
        layout.addWidget(splitter, 1)

    def _build_evidence(self) -> QWidget:
        box = QGroupBox("หลักฐาน")
        self.files = QListWidget()
        self.files.setWordWrap(True)
        self.files.setSelectionMode(QAbstractItemView.SingleSelection)
        self.files.itemDoubleClicked.connect(lambda _: self.open_file())
        self.files.itemSelectionChanged.connect(self._enable)
        self.files_hint = QLabel(wordWrap=True)
        self.files_hint.setStyleSheet("color:#555")
        buttons = QHBoxLayout()
        self.add_file_button = button(buttons, "เพิ่มไฟล์...", self.choose_files,
                                      "คัดลอกไฟล์หลักฐาน (ไม่เกิน 50 MB) เก็บไว้ในโฟลเดอร์ข้อมูลของโปรแกรม")
        self.open_file_button = button(buttons, "เปิด", self.open_file)
        buttons2 = QHBoxLayout()
        self.rename_file_button = button(buttons2, "เปลี่ยนชื่อ...", self.rename_file)
        self.remove_file_button = button(buttons2, "นำออก", self.remove_file)
        layout = QVBoxLayout(box)
        layout.addWidget(self.files_hint)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        layout.addLayout(buttons2)
        box.setMinimumWidth(240)
        return box

    # -- showing -------------------------------------------------------------------------------
    def show_data(self, data, error: str = "") -> None:
        keep = self.current.key if self.current else None
        self.model.set_progress(data.rows if data else ())
        if data is None:
            self.heading = ""
            self.empty_bar.set_messages([error])
        else:
            self.heading = f"ผลการดำเนินการตามมาตรการ ปีงบประมาณ พ.ศ. {data.target}"
            self.tab.sections.setTabToolTip(1, self.heading)
            self.empty_bar.set_messages([] if data.rows else [NO_RESULTS_TEXT.format(year=data.target)])
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.view.selectRow(row)
        self._selected()

    @property
    def current(self) -> mm.ProgressRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()]

    def select_key(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.view.selectRow(row)

    def _selected(self) -> None:
        self.files.clear()
        row = self.current
        if row is None:
            self.files_hint.setText("เลือกรายการในตารางเพื่อดูและแนบไฟล์หลักฐาน")
        elif row.result is None:
            self.files_hint.setText("ยังไม่มีไฟล์หลักฐาน (เพิ่มไฟล์ได้ทันที)")
        else:
            found, error = self.tab.read(evidence.list_evidence, row.result.id)
            for view in found or ():
                item = QListWidgetItem(f"{view.file_name}  ({_size(view.size)})")
                item.setData(roles.USER, view)
                item.setToolTip(f"เพิ่มเมื่อ {view.added_at:%d/%m}/{view.added_at.year + 543} · SHA-256 {view.sha256[:16]}…")
                self.files.addItem(item)
            self.files_hint.setText(error or ("ยังไม่มีไฟล์หลักฐาน" if not found else f"{len(found)} ไฟล์"))
        self._enable()

    def _enable(self) -> None:
        ready, row = self.tab.data is not None, self.current
        self.add_button.setEnabled(ready)
        self.texts_button.setEnabled(ready)
        self.record_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.result is not None)
        self.add_file_button.setEnabled(row is not None)
        chosen = self.files.currentItem() is not None and bool(self.files.selectedItems())
        for b in (self.open_file_button, self.rename_file_button, self.remove_file_button):
            b.setEnabled(chosen)

    def current_file(self):
        items = self.files.selectedItems()
        return items[0].data(roles.USER) if items else None

    # -- results -------------------------------------------------------------------------------
    def record(self) -> None:
        from ita_desktop.ui.dialogs.result_dialog import ResultDialog

        row = self.current
        if row is None:
            return
        data = mr.result_input(row.result) if row.result else None
        text = row.title if row.measure else None
        dialog = ResultDialog("บันทึกผลการดำเนินการ", lambda value: self.save_result(row, value), data, text, self)
        self.tab.last_dialog = dialog
        dialog.exec()

    def save_result(self, row: mm.ProgressRow, data: mr.ResultInput) -> bool:
        tab, label = self.tab, "บันทึกผลการดำเนินการ"
        changes = tab.changes()
        old = row.result

        def write(ctx, value, version):
            return mr.update_result_row(ctx, old.id, value, version).version

        def step(new):
            if old is None:  # the first result of the measure: its undo deletes the row
                return self._created_result_step(label, new.id)
            return value_step(label, write, mr.result_input(old), mr.result_input(new), new.version, changes)

        if row.measure is not None:
            do = lambda ctx: mr.record_result(ctx, row.measure.id, data, old.version if old else None)  # noqa: E731
        else:
            do = lambda ctx: mr.update_result_row(ctx, old.id, data, old.version)  # noqa: E731
        done, _ = tab.ops.change(do, changes=changes, label=label, step=step, parent=self)
        if done:
            self.select_key(row.key)
        return done

    def _created_result_step(self, label: str, row_id: int) -> Step:
        state = {"snap": None}

        def undo(ctx):
            state["snap"] = mr.delete_result_row(ctx, row_id)

        def redo(ctx):
            mr.restore_result_row(ctx, state["snap"])

        return Step(label, undo, redo, self.tab.changes())

    def add_other(self) -> None:
        from ita_desktop.ui.dialogs.result_dialog import ResultDialog

        dialog = ResultDialog("เพิ่มผลการดำเนินการของกิจกรรมอื่น", self.create_other, parent=self)
        self.tab.last_dialog = dialog
        dialog.exec()

    def create_other(self, data: mr.ResultInput) -> bool:
        tab, label = self.tab, "เพิ่มผลการดำเนินการ"
        office, target = tab.office_id, tab.target
        done, rid = tab.ops.change(lambda ctx: mr.add_result_row(ctx, office, target, data), changes=tab.changes(),
                                   label=label, step=lambda rid: self._created_result_step(label, rid), parent=self)
        if done:
            self.select_key(f"r{rid}")
        return done

    def delete_result(self) -> None:
        row = self.current
        if row is None or row.result is None:
            return
        what = "ผลการดำเนินการของมาตรการนี้ (มาตรการยังอยู่ สถานะกลับเป็น 'ยังไม่เริ่ม')" if row.measure else \
            f"รายการ '{row.title[:80]}'"
        if QMessageBox.question(self, "ลบผลการดำเนินการ", f"ลบ{what} หรือไม่? (เลิกทำได้ที่เมนู แก้ไข → เลิกทำ)",
                                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return
        tab, rid, version, label = self.tab, row.result.id, row.result.version, "ลบผลการดำเนินการ"
        tab.ops.change(lambda ctx: mr.delete_result_row(ctx, rid, version), changes=tab.changes(), label=label,
                       backup="before-delete", parent=self,
                       step=lambda snap: deletion_step(label, lambda ctx: mr.delete_result_row(ctx, rid),
                                                       mr.restore_result_row, snap, tab.changes()))

    def edit_texts(self) -> None:
        from ita_desktop.ui.dialogs.result_dialog import ReportTextsDialog

        tab = self.tab
        office, target = tab.office_id, tab.target
        found = tab.ops.query(lambda ctx: mr.report_texts(ctx, office, target), title="อ่านข้อความรายงานไม่ได้",
                              parent=self)
        if found is None:
            return
        texts, version = found
        dialog = ReportTextsDialog(lambda value: self.save_texts(texts, value, version), texts, self)
        tab.last_dialog = dialog
        dialog.exec()

    def save_texts(self, old: mr.ReportTexts, new: mr.ReportTexts, version: int) -> bool:
        tab, label = self.tab, "แก้ข้อความรายงานผล"
        office, target = tab.office_id, tab.target

        def write(ctx, value, expected):
            return mr.update_report_texts(ctx, office, target, value, expected)

        done, _ = tab.ops.change(lambda ctx: write(ctx, new, version), changes=tab.changes(), label=label,
                                 step=lambda v: value_step(label, write, old, new, v, tab.changes()), parent=self)
        return done

    # -- evidence ------------------------------------------------------------------------------
    def choose_files(self) -> None:
        names = file_dialogs.get_open_files(self, "เลือกไฟล์หลักฐาน", "", "ทุกไฟล์ (*)")
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> bool:
        """Attach ``paths`` to the selected row (its result row is made first when it has none)."""
        row, tab, label = self.current, self.tab, "เพิ่มไฟล์หลักฐาน"
        if row is None:
            return False

        def do(ctx):
            rid = row.result.id if row.result else mr.record_result(ctx, row.measure.id, mr.ResultInput()).id
            return [evidence.add_evidence(ctx, rid, p) for p in paths]

        def step(views):
            state = {"snaps": []}

            def undo(ctx):
                state["snaps"] = [evidence.remove_evidence(ctx, v.id) for v in views]

            def redo(ctx):
                for snap in state["snaps"]:
                    evidence.restore_evidence(ctx, snap)

            return Step(label, undo, redo, tab.changes())

        done, _ = tab.ops.change(do, changes=tab.changes(), label=label, step=step, parent=self)
        if done:
            self.select_key(row.key)
        return done

    def open_file(self):
        view = self.current_file()
        if view is None:
            return None
        return self.tab.ops.query(lambda ctx: evidence.open_evidence(ctx, view.id, self.tab.opener),
                                  title="เปิดไฟล์หลักฐานไม่ได้", parent=self)

    def rename_file(self) -> None:
        view = self.current_file()
        if view is None:
            return
        name, ok = QInputDialog.getText(self, "เปลี่ยนชื่อไฟล์หลักฐาน", "ชื่อไฟล์ใหม่", QLineEdit.Normal, view.file_name)
        if ok:
            self.rename_to(view, name)

    def rename_to(self, view, name: str) -> bool:
        tab, label, row = self.tab, "เปลี่ยนชื่อไฟล์หลักฐาน", self.current
        eid, old = view.id, view.file_name
        done, new = tab.ops.change(lambda ctx: evidence.rename_evidence(ctx, eid, name), changes=tab.changes(),
                                   label=label, parent=self,
                                   step=lambda new: Step(label, lambda ctx: evidence.rename_evidence(ctx, eid, old),
                                                         lambda ctx: evidence.rename_evidence(ctx, eid, new.file_name),
                                                         tab.changes()))
        if done and row is not None:
            self.select_key(row.key)
        return done

    def remove_file(self) -> None:
        view = self.current_file()
        if view is None:
            return
        if QMessageBox.question(self, "นำไฟล์หลักฐานออก", f"นำไฟล์ '{view.file_name}' ออกจากหลักฐานหรือไม่? "
                                "(เลิกทำได้ที่เมนู แก้ไข → เลิกทำ)",
                                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return
        tab, label, eid, row = self.tab, "นำไฟล์หลักฐานออก", view.id, self.current
        done, _ = tab.ops.change(lambda ctx: evidence.remove_evidence(ctx, eid), changes=tab.changes(), label=label,
                                 parent=self, step=lambda snap: deletion_step(
                                     label, lambda ctx: evidence.remove_evidence(ctx, eid), evidence.restore_evidence,
                                     snap, tab.changes()))
        if done and row is not None:
            self.select_key(row.key)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"
