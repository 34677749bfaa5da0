"""แฟ้ม → นำเข้า: choose a score sheet, see what was understood, confirm replacements, store it.

Reading and storing run in the background; nothing is written before นำเข้า is pressed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget, QMessageBox,
                               QProgressBar, QPushButton, QTableView, QVBoxLayout, QWidget)

from ita_desktop.services import criteria, imports, offices
from ita_desktop.services.errors import UserError
from ita_desktop.ui import tasks
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.screen_fit import fit_to_screen
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel
from ita_desktop.ui.models import roles

log = logging.getLogger(__name__)

FILE_FILTER = "Excel (*.xlsx *.xls)"
FROM_FILE = "ตามไฟล์"
INTERNAL_ERROR_TH = "เกิดข้อผิดพลาดภายในโปรแกรม ไม่ได้บันทึกข้อมูลใด ๆ รายละเอียดถูกบันทึกในไฟล์บันทึกของโปรแกรม"
OFFICE_HEADERS = ("หน่วยงาน", "อำเภอ", "จังหวัด", "สถานะ", "คะแนนตัวชี้วัด", "คะแนนข้อคำถาม", "คะแนนรวมตามประกาศ",
                  "แทนคะแนนเดิม")
REPLACEMENT_HEADERS = ("หน่วยงาน", "รายการ", "คะแนนเดิม", "คะแนนใหม่")
PROBLEM_STYLE = "QGroupBox { color: #a40000; font-weight: bold; }"
NOTE_STYLE = "background: #fff3b0; color: #5c4500; border: 1px solid #e0c040; padding: 4px;"


class TextTableModel(QAbstractTableModel):
    """Read-only rows of text under Thai headers; numbers (int/float) are right-aligned."""

    def __init__(self, headers: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple] = []

    def set_rows(self, rows: list[tuple]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = roles.DISPLAY):
        value = self.rows[index.row()][index.column()]
        if role == roles.DISPLAY:
            return "–" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)
        if role == roles.ALIGNMENT and isinstance(value, (int, float)):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = roles.DISPLAY):  # noqa: N802
        if role == roles.DISPLAY and orientation == Qt.Horizontal:
            return self.headers[section]
        return None


def office_rows(plan: imports.ImportPreview) -> list[tuple]:
    """One row per office of the file, in OFFICE_HEADERS order."""
    return [(o.org_name, o.district or "", o.province or "", _status(o),
             len(o.indicators), len(o.items), "" if o.total is None else f"{o.total.new:.2f}",
             len(o.replacements)) for o in plan.offices]


def _status(o: imports.OfficePreview) -> str:
    if o.exists:
        return "มีอยู่แล้ว"
    return f"หน่วยงานใหม่ (ชื่อคล้าย {o.similar_to} โปรดตรวจ)" if o.similar_to else "หน่วยงานใหม่"


def replacement_rows(plan: imports.ImportPreview) -> list[tuple]:
    """One row per stored score the import would change, in REPLACEMENT_HEADERS order."""
    return [(o.org_name, c.key, c.old, c.new) for o in plan.offices for c in o.replacements]


def problem_lines(exc: BaseException) -> list[str]:
    """The Thai lines to show for a failed read or import; never a traceback."""
    if isinstance(exc, UserError):
        return [line.strip() for line in str(exc).splitlines() if line.strip()]
    log.error("import failed", exc_info=(type(exc), exc, exc.__traceback__))
    return [INTERNAL_ERROR_TH]


def _read_body(ctx, path: str, org: str | None, year: int | None):
    def body(progress):
        progress(5, "กำลังอ่านและตรวจสอบไฟล์...")
        parsed = imports.read_file(ctx, path, org, year, prepare_year=True)
        progress(70, "กำลังเปรียบเทียบกับข้อมูลที่มีอยู่...")
        plan = imports.preview(ctx, parsed)
        progress(100, "อ่านไฟล์เสร็จแล้ว")
        return parsed, plan
    return body


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView(selectionBehavior=QTableView.SelectRows, editTriggers=QTableView.NoEditTriggers,
                      alternatingRowColors=True)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)  # the office name
    return view


def _fit_height(view: QTableView) -> None:
    """No taller than its rows: a one-office file leaves room for the replacements below."""
    rows = view.model().rowCount()
    view.setMaximumHeight(view.horizontalHeader().sizeHint().height() + max(rows, 1)
                          * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth() + 2)


class ImportDialog(QDialog):
    """Choose a score file, preview it, confirm replacements and import it."""

    preview_ready = Signal(object)  # ImportPreview, or None when the file has problems
    imported = Signal(object)  # ImportPreview of what was stored

    def __init__(self, ctx, parent: QWidget | None = None, default_org: str | None = None,
                 default_year: int | None = None):
        super().__init__(parent)
        self.ctx, self.default_org, self.default_year = ctx, default_org, default_year
        self.path: str | None = None
        self.parsed, self.plan, self.result_plan = None, None, None  # plans: imports.ImportPreview
        self._task: tasks.Task | None = None
        self._generation, self._importing = 0, False
        self.setWindowTitle("นำเข้าคะแนนจาก Excel")
        fit_to_screen(self, 1000, 720)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addLayout(self._build_status())
        layout.addWidget(self._build_results(), 1)
        layout.addWidget(self._build_buttons())
        self._show_plan(None)

    # -- building the widgets ---------------------------------------------------------------
    def _build_form(self) -> QFormLayout:
        self.path_edit = QLineEdit(readOnly=True, placeholderText="ยังไม่ได้เลือกไฟล์")
        self.choose_button = QPushButton("เลือกไฟล์...")
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow("ไฟล์คะแนน", file_row)
        form.addRow("หน่วยงาน", self._build_org_row())
        form.addRow("ปีงบประมาณ", self._build_year_combo())
        form.addRow("", QLabel("เว้นไว้เป็น 'ตามไฟล์' เมื่อไฟล์ระบุหน่วยงานและปีไว้แล้ว เลือกเองเฉพาะเมื่อไฟล์ไม่ได้ระบุ",
                               styleSheet="color: #555;"))
        return form

    def _build_org_row(self) -> QHBoxLayout:
        self.org_combo = QComboBox(editable=True, insertPolicy=QComboBox.NoInsert)
        self.org_combo.addItems(["", *(o.name for o in offices.list_offices(self.ctx))])
        self.org_combo.lineEdit().setPlaceholderText(FROM_FILE)
        self.org_combo.activated.connect(self._org_edited)
        self.org_combo.lineEdit().editingFinished.connect(self._org_edited)
        self._last_org = ""
        row = QHBoxLayout()
        row.addWidget(self.org_combo, 1)
        self.defaults_button = QPushButton("ใช้หน่วยงานและปีที่เลือกอยู่")
        self.defaults_button.setVisible(bool(self.default_org or self.default_year))
        self.defaults_button.clicked.connect(self.use_defaults)
        row.addWidget(self.defaults_button)
        return row

    def _build_year_combo(self) -> QComboBox:
        self.year_combo = QComboBox()
        self.year_combo.addItem(FROM_FILE, None)
        for year in criteria.offered_years(self.ctx):  # with the current fiscal year and the next
            self.year_combo.addItem(f"พ.ศ. {year}", year)
        self.year_combo.currentIndexChanged.connect(self.reread)
        return self.year_combo

    def _build_status(self) -> QHBoxLayout:
        # Busy until the task reports a percentage, then the percent done.
        self.progress = QProgressBar(minimum=0, maximum=0, maximumWidth=220, format="%p%")
        self.status_label = QLabel()
        self.stop_button = QPushButton("หยุดอ่าน")
        self.stop_button.clicked.connect(self.cancel_task)
        row = QHBoxLayout()
        for widget, stretch in ((self.progress, 0), (self.status_label, 1), (self.stop_button, 0)):
            row.addWidget(widget, stretch)
        self._set_busy(False)
        return row

    def _build_results(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.summary_label = ThaiWrapLabel()
        self.note_label = ThaiWrapLabel(styleSheet=NOTE_STYLE)
        self.office_model = TextTableModel(OFFICE_HEADERS, self)
        self.office_view = _table(self.office_model)
        for widget, stretch in ((self.summary_label, 0), (self.note_label, 0), (self.office_view, 2),
                                (self._build_problems(), 1), (self._build_warnings(), 0),
                                (self._build_replacements(), 1)):
            column.addWidget(widget, stretch)
        return box

    def _build_problems(self) -> QGroupBox:
        self.problems_box = QGroupBox("ไฟล์นี้ยังนำเข้าไม่ได้ กรุณาแก้ไขในไฟล์ตามรายการต่อไปนี้ แล้วเลือกไฟล์อีกครั้ง")
        self.problems_box.setStyleSheet(PROBLEM_STYLE)
        self.problem_list = QListWidget(wordWrap=True, styleSheet="font-weight: normal; color: black;")
        QVBoxLayout(self.problems_box).addWidget(self.problem_list)
        return self.problems_box

    def _build_warnings(self) -> QGroupBox:
        self.warnings_box = QGroupBox("ข้อสังเกต (นำเข้าได้ แต่ควรตรวจดู)")
        self.warning_list = QListWidget(wordWrap=True, maximumHeight=110)
        QVBoxLayout(self.warnings_box).addWidget(self.warning_list)
        return self.warnings_box

    def _build_replacements(self) -> QGroupBox:
        self.replace_box = QGroupBox("คะแนนที่มีอยู่แล้วและจะถูกแทนด้วยคะแนนในไฟล์")
        self.replacement_model = TextTableModel(REPLACEMENT_HEADERS, self)
        self.replacement_view = _table(self.replacement_model)
        self.replace_check = QCheckBox("แทนคะแนนเดิม")
        self.replace_check.toggled.connect(self._update_buttons)
        column = QVBoxLayout(self.replace_box)
        for widget in (self.replacement_view, self.replace_check):
            column.addWidget(widget)
        return self.replace_box

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("นำเข้า", QDialogButtonBox.AcceptRole)
        self.cancel_button = buttons.addButton("ยกเลิก", QDialogButtonBox.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        return buttons

    # -- choosing and reading ---------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a file (QFileDialog) and read it."""
        start = str(Path(self.path).parent) if self.path else str(Path.home())
        path = file_dialogs.get_open_file(self, "เลือกไฟล์คะแนน", start, FILE_FILTER)
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read ``path`` in the background with the chosen office and year."""
        self.path = str(path)
        self.path_edit.setText(self.path)
        self.reread()

    def use_defaults(self) -> None:
        """Fill the office and year with the main window's selection (for files lacking them)."""
        self.year_combo.blockSignals(True)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(self.default_year)))
        self.year_combo.blockSignals(False)
        self._last_org = self.default_org or ""
        self.org_combo.setEditText(self._last_org)
        self.reread()

    def _org_edited(self) -> None:
        if self.org_combo.currentText() != self._last_org:
            self._last_org = self.org_combo.currentText()
            self.reread()

    def reread(self) -> None:
        """Read the chosen file again (after the office or year changed)."""
        if not self.path:
            return
        self._show_plan(None)
        org = self.org_combo.currentText().strip() or None
        self._run(_read_body(self.ctx, self.path, org, self.year_combo.currentData()), self._read_done,
                  "กำลังอ่านไฟล์...")

    def _read_done(self, generation: int, result) -> None:
        if self._finish(generation):
            parsed, plan = result
            self._show_plan(plan, parsed)

    # -- background tasks -------------------------------------------------------------------
    def _run(self, body, on_done, text: str) -> None:
        self.cancel_task(quiet=True)
        self._generation += 1
        generation = self._generation
        self._task = tasks.start(body, lambda result: on_done(generation, result),
                                 lambda exc: self._task_failed(generation, exc),
                                 lambda percent, txt: self._progress(generation, txt, percent))
        self._set_busy(True, text)

    def _finish(self, generation: int) -> bool:
        """True when ``generation`` is the task still awaited; it is then no longer running."""
        if generation != self._generation:
            return False
        self._task = None
        self._set_busy(False)
        return True

    def cancel_task(self, quiet: bool = False) -> None:
        """Stop waiting for the running read; its result (if it still comes) is ignored."""
        if self._task is None:
            return
        self._task.cancel()
        self._task = None
        self._generation += 1
        self._set_busy(False, "" if quiet else "หยุดอ่านไฟล์แล้ว")

    def _progress(self, generation: int, text: str, percent: int | None = None) -> None:
        if generation == self._generation and percent is not None:
            self.progress.setRange(0, 100)
            self.progress.setValue(max(0, min(100, percent)))
        if generation == self._generation and text:
            self.status_label.setText(text)

    def _task_failed(self, generation: int, exc: BaseException) -> None:
        self._importing = False
        if self._finish(generation) and not isinstance(exc, tasks.Cancelled):
            self._show_problems(problem_lines(exc))
            if isinstance(exc, imports.YearConflictError):
                self._resolve_year(exc)

    def ask_year(self, message: str, years: list[int]) -> int | None:
        """Which of ``years`` the file is for (the file names several); None when cancelled."""
        labels = [f"พ.ศ. {y}" for y in years]
        choice, ok = QInputDialog.getItem(self, "ปีงบประมาณไม่ตรงกัน", f"{message}\n\nนำเข้าเป็นปีงบประมาณ:",
                                          labels, 0, False)
        return years[labels.index(choice)] if ok and choice in labels else None

    def _resolve_year(self, exc) -> None:
        year = self.ask_year(str(exc), exc.years)
        if year is None:
            return
        if self.year_combo.findData(year) < 0:
            self.year_combo.addItem(f"พ.ศ. {year}", year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))  # reads the file again

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.stop_button.setVisible(busy and not self._importing)
        self.status_label.setText(text)
        self.choose_button.setEnabled(not busy)
        for widget in (self.org_combo, self.year_combo, self.defaults_button):
            widget.setEnabled(not (busy and self._importing))
        if hasattr(self, "import_button"):
            self.cancel_button.setEnabled(not (busy and self._importing))
            self._update_buttons()

    def is_busy(self) -> bool:
        """True while a read or an import runs in the background."""
        return self._task is not None

    # -- showing results --------------------------------------------------------------------
    def _show_plan(self, plan: imports.ImportPreview | None, parsed=None) -> None:
        self.plan, self.parsed = plan, parsed
        self.office_model.set_rows(office_rows(plan) if plan else [])
        self.office_view.setVisible(plan is not None)
        self.summary_label.setVisible(plan is not None)
        self.summary_label.setText(plan.summary_th() if plan else "")
        before = plan.imported_before if plan else None
        self.note_label.setText(f"ไฟล์นี้เคยนำเข้าแล้วเมื่อ {before} (นำเข้าซ้ำได้ คะแนนเดิมที่ตรงกันไม่เปลี่ยน)"
                                if before else "")
        self.note_label.setVisible(bool(before))
        self._fill_list(self.warning_list, self.warnings_box, plan.warnings if plan else ())
        self._fill_list(self.problem_list, self.problems_box, ())
        self.replacement_model.set_rows(replacement_rows(plan) if plan else [])
        self.replace_check.setChecked(False)
        self.replace_box.setVisible(bool(plan and plan.replacements))
        for view in (self.office_view, self.replacement_view):
            _fit_height(view)
        self._update_buttons()
        if plan is not None:
            self.preview_ready.emit(plan)

    def _show_problems(self, lines: list[str]) -> None:
        self._show_plan(None)
        self._fill_list(self.problem_list, self.problems_box, lines)
        self.preview_ready.emit(None)

    @staticmethod
    def _fill_list(widget: QListWidget, box: QGroupBox, lines) -> None:
        widget.clear()
        widget.addItems(list(lines))
        box.setVisible(bool(lines))

    def problems(self) -> list[str]:
        """The problem lines shown (empty when the file was read)."""
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]

    def _update_buttons(self) -> None:
        ready = self.plan is not None and self.parsed is not None and not self.is_busy()
        confirmed = not (self.plan and self.plan.replacements) or self.replace_check.isChecked()
        self.import_button.setEnabled(ready and confirmed)

    # -- importing --------------------------------------------------------------------------
    def start_import(self) -> None:
        """Store the previewed file in the background (replacing only when confirmed)."""
        if not self.import_button.isEnabled():
            return
        replace = bool(self.plan.replacements) and self.replace_check.isChecked()
        self._importing = True
        parsed = self.parsed
        self._run(lambda progress: imports.apply(self.ctx, parsed, replace=replace, progress=progress),
                  self._import_done,
                  "กำลังบันทึกคะแนน...")

    def _import_done(self, generation: int, plan: imports.ImportPreview) -> None:
        self._importing = False
        if not self._finish(generation):
            return
        self.result_plan = plan
        self.imported.emit(plan)
        QMessageBox.information(self, "นำเข้าคะแนนแล้ว", f"นำเข้าคะแนนเรียบร้อยแล้ว\n{plan.summary_th()}")
        self.accept()

    def imported_office_id(self, prefer: int | None = None) -> int | None:
        """The office to select after importing: ``prefer`` when the file had it, else the first."""
        if not self.result_plan or not self.result_plan.offices:
            return None
        ids = [offices.find_office(self.ctx, o.org_name).id for o in self.result_plan.offices]
        return prefer if prefer in ids else ids[0]

    def reject(self) -> None:
        """ยกเลิก: stop a running read; while storing, the dialog waits (one short transaction)."""
        if self._importing:
            return
        self.cancel_task(quiet=True)
        super().reject()
