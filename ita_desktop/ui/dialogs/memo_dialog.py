"""Print a memo (บันทึกข้อความ): edit its text, preview it, print it or save it as PDF."""

from __future__ import annotations

import calendar
import datetime as _dt
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.core import progress as progress_of
from ita_desktop.core.thaitext import BE_OFFSET, THAI_MONTHS
from ita_desktop.documents.memo import append_pages, build_memo_pdf
from ita_desktop.services import analysis_report, memos, offices, scores, settings
from ita_desktop.services.changes import Changes
from ita_desktop.services.errors import UserError
from ita_desktop.services.memo_text import sections_to_text, text_to_sections
from ita_desktop.ui import tasks
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.screen_fit import fit_to_screen
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel
from ita_desktop.ui.widgets.pdf_preview import PdfPreview, print_pdf

BODY_HINT = ("หัวข้ออยู่ในวงเล็บเหลี่ยม เช่น [ข้อเท็จจริง]  เว้นหนึ่งบรรทัดระหว่างย่อหน้า  "
             "บรรทัดที่ขึ้นต้นด้วย \"- \" เป็นรายการย่อย")
WARNING_STYLE = "background: #fff3b0; color: #5c4500; border: 1px solid #e0c040; padding: 6px;"
BUILD_WAIT_SECONDS = 30
REPORT_CHECK_TEXT = "แนบรายงานการวิเคราะห์"


def build_memo_with_report(ctx, office_id: int, year: int, data, path: Path, with_report: bool,
                           progress: progress_of.Progress | None = None) -> list[str]:
    """The memo at ``path``, followed by the analysis report's pages when ``with_report``
    (as ``ita-cli memo analysis --with-report``); returns the memo's Thai warnings.

    ``progress`` (or the thread's) hears the fraction done: the memo, then the report."""
    progress = progress or progress_of.current()
    memo_share = 0.3 if with_report else 1.0
    warnings = build_memo_pdf(data, path, progress=progress_of.part(progress, 0.0, memo_share))
    if with_report:
        report = path.with_name(path.stem + "-report.pdf")
        thai = settings.digits(ctx, "report") == settings.THAI
        try:
            with progress_of.reporting(progress_of.part(progress, memo_share, 0.95)):
                analysis_report.write_analysis_report(ctx, office_id, year, report, thai_digits=thai)
            append_pages(path, report)
        finally:
            report.unlink(missing_ok=True)
    return warnings


def _printing(path: Path, printer: QPrinter) -> int:
    try:
        return print_pdf(path, printer)
    except RuntimeError as exc:
        raise UserError("เริ่มการพิมพ์ไม่ได้ กรุณาตรวจสอบเครื่องพิมพ์") from exc


def check_can_open(ctx, office_id: int | None, year: int | None) -> None:
    """Raise UserError (Thai) unless a memo can be made for this office and year."""
    if office_id is None or year is None:
        raise UserError("กรุณาเลือกหน่วยงานและปีงบประมาณก่อนพิมพ์บันทึกข้อความ")
    if year not in scores.years_with_scores(ctx, office_id):
        raise UserError(f"ยังไม่มีคะแนน ITA ของปีงบประมาณ พ.ศ. {year} จึงยังจัดทำบันทึกข้อความไม่ได้ "
                        "กรุณานำเข้าคะแนนก่อน")


def _missing_short(missing: tuple[str, ...]) -> str:
    """One line for the warnings: "… ยังไม่มีคะแนนตัวชี้วัดที่ 6, 9, 10 และคะแนนรวม"; "" when nothing is missing."""
    if not missing:
        return ""
    prefix = "ตัวชี้วัดที่ "
    numbers = [m[len(prefix):].split()[0] for m in missing if m.startswith(prefix)]
    parts = ([prefix + ", ".join(numbers)] if numbers else []) + [m for m in missing if not m.startswith(prefix)]
    return "ยังแนบรายงานการวิเคราะห์ไม่ได้ ยังไม่มีคะแนน" + " และ".join(parts)


class ThaiDateEdit(QWidget):
    """A date as day, Thai month and Buddhist-era year (พ.ศ.)."""

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.month = QComboBox()
        self.month.addItems(THAI_MONTHS)
        self.year = QSpinBox()
        self.year.setRange(2400, 2700)
        self.year.setPrefix("พ.ศ. ")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.day, 0), (self.month, 1), (self.year, 0)):
            layout.addWidget(widget, stretch)
        self.day.valueChanged.connect(self.date_changed)
        self.month.currentIndexChanged.connect(self._month_or_year_changed)
        self.year.valueChanged.connect(self._month_or_year_changed)

    def date(self) -> _dt.date:
        """The Common-Era date shown."""
        return _dt.date(self.year.value() - BE_OFFSET, self.month.currentIndex() + 1, self.day.value())

    def set_date(self, value: _dt.date) -> None:
        """Show ``value`` (a Common-Era date)."""
        self.year.setValue(value.year + BE_OFFSET)
        self.month.setCurrentIndex(value.month - 1)
        self.day.setValue(value.day)

    def _month_or_year_changed(self) -> None:
        # 31 January -> February becomes the last day of February instead of an invalid date.
        self.day.setMaximum(calendar.monthrange(self.year.value() - BE_OFFSET, self.month.currentIndex() + 1)[1])
        self.date_changed.emit()


class MemoDialog(QDialog):
    """Edit, preview, save, print and export the memo of one office-year."""

    preview_ready = Signal(int)  # pages shown

    def __init__(self, ctx, office_id: int | None, year: int | None, parent: QWidget | None = None, ops=None):
        check_can_open(ctx, office_id, year)
        super().__init__(parent)
        self.ctx, self.office_id, self.year = ctx, office_id, year
        self.ops = ops or Operations(ctx, self)
        self._tmp = tempfile.TemporaryDirectory(prefix="ita-memo-")
        self._generation = 0
        self._builds: list[threading.Event] = []
        self._task: tasks.Task | None = None  # the preview being built
        self._running: set[tasks.Task] = set()  # previews in flight, older ones cancelled
        self._closed = False
        office = offices.get_office(ctx, office_id)
        self.setWindowTitle(f"พิมพ์บันทึกข้อความ – {office.short_name or office.name} ปีงบประมาณ พ.ศ. {year}")
        fit_to_screen(self, 1280, 700)  # inside a 1366x768 screen with the title bar and the taskbar
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self._build_editor())
        self.preview = PdfPreview()
        splitter.addWidget(self.preview)
        splitter.setSizes([620, 660])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())
        self._fill(memos.load_texts(ctx, office_id, year, self.kind()))
        self._update_report_check()
        self.refresh_preview()

    # -- building the widgets ---------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._build_header_form())
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        column.addWidget(QLabel("เนื้อความ"))
        column.addWidget(self.body, 1)
        hint = ThaiWrapLabel(BODY_HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        column.addWidget(hint)
        self.closing = QLineEdit()
        closing_form = QFormLayout()
        closing_form.addRow("ปิดท้าย", self.closing)
        column.addLayout(closing_form)
        self.warning_label = ThaiWrapLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        self.status_label = QLabel()
        column.addWidget(self.warning_label)
        column.addWidget(self.status_label)
        return box

    def _build_header_form(self) -> QFormLayout:
        self.kind_combo = QComboBox()
        for kind, title in memos.KIND_TITLES.items():
            self.kind_combo.addItem(title, kind)
        self._kind_index = 0
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.number, self.subject, self.salutation = QLineEdit(), QLineEdit(), QLineEdit()
        self.date_edit = ThaiDateEdit()
        self.report_check = QCheckBox(REPORT_CHECK_TEXT)
        self.report_refusal = ""  # why the report cannot go with the memo (Thai), "" when it can
        self.report_check.setChecked(True)
        self.report_check.toggled.connect(lambda _on: self.refresh_preview())
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo, 1)
        kind_row.addWidget(self.report_check)
        form = QFormLayout()
        for label, widget in (("ชนิดบันทึก", kind_row), ("ที่", self.number), ("วันที่", self.date_edit),
                              ("เรื่อง", self.subject), ("เรียน", self.salutation)):
            form.addRow(label, widget)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preview_button = self._button(row, "แสดงตัวอย่าง", self.refresh_preview)
        self.reset_button = self._button(row, "รีเซ็ตเป็นแม่แบบ", self.reset_to_template)
        self.save_button = self._button(row, "บันทึกร่าง", self.save_draft)
        row.addStretch(1)
        self.pdf_button = self._button(row, "บันทึกเป็น PDF...", self.save_pdf)
        self.print_button = self._button(row, "พิมพ์...", self.print_memo)
        self.close_button = self._button(row, "ปิด", self.close_asking)
        return row

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        row.addWidget(button)
        return button

    # -- texts ------------------------------------------------------------------------------
    def kind(self) -> str:
        """The memo kind chosen (a key of ``services.memos.KINDS``)."""
        return self.kind_combo.currentData()

    def with_report(self) -> bool:
        """Whether the analysis report's pages go after the memo."""
        return not self.report_check.isHidden() and self.report_check.isEnabled() and self.report_check.isChecked()

    def _update_report_check(self) -> None:
        """Offered with the analysis memo; disabled, naming what is missing, while the scores are incomplete."""
        offered = self.kind() in memos.REPORT_WRITERS
        self.report_check.setVisible(offered)
        missing = memos.missing_scores(self.ctx, self.office_id, self.year, self.kind()) if offered else ()
        self.report_refusal = _missing_short(missing)
        self.report_check.setEnabled(not missing)
        if missing:
            self.report_check.blockSignals(True)
            self.report_check.setChecked(False)
            self.report_check.blockSignals(False)
        self.report_check.setToolTip(
            f"ยังแนบรายงานการวิเคราะห์ไม่ได้ เพราะยังไม่มีคะแนน: {', '.join(missing)} (กรอกหรือนำเข้าคะแนนให้ครบก่อน)"
            if missing else "พิมพ์รายงานการวิเคราะห์ต่อท้ายบันทึกข้อความ")

    def texts(self) -> memos.MemoTexts:
        """The memo texts as the clerk has edited them."""
        return memos.MemoTexts(
            number=self.number.text().strip(), date=self.date_edit.date().isoformat(),
            subject=self.subject.text().strip(), salutation=self.salutation.text().strip(),
            sections=text_to_sections(self.body.toPlainText()), closing=self.closing.text().strip(),
        )

    def _fill(self, texts: memos.MemoTexts) -> None:
        self.number.setText(texts.number)
        self.date_edit.set_date(_dt.date.fromisoformat(texts.date))
        self.subject.setText(texts.subject)
        self.salutation.setText(texts.salutation)
        self.body.setPlainText(sections_to_text(texts.sections))
        self.closing.setText(texts.closing)
        for edit in (self.number, self.subject, self.salutation, self.closing):
            edit.setCursorPosition(0)  # show the start of a long subject, not its end
        self._baseline = self.texts()

    def is_modified(self) -> bool:
        """Whether the texts differ from the last loaded or saved ones."""
        return self.texts() != self._baseline

    def _discard_ok(self) -> bool:
        if not self.is_modified():
            return True
        answer = QMessageBox.question(self, "ข้อความยังไม่ได้บันทึก",
                                      "ข้อความที่แก้ไขยังไม่ได้บันทึกร่าง ต้องการทิ้งการแก้ไขหรือไม่")
        return answer == QMessageBox.Yes

    def _kind_changed(self, index: int) -> None:
        if index == self._kind_index:
            return
        if not self._discard_ok():
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(self._kind_index)
            self.kind_combo.blockSignals(False)
            return
        self._kind_index = index
        self._update_report_check()
        self._load(lambda: memos.load_texts(self.ctx, self.office_id, self.year, self.kind()))

    def reset_to_template(self) -> None:
        """Replace the texts with the filled template (not saved until บันทึกร่าง)."""
        if self._load(lambda: memos.default_texts(self.ctx, self.office_id, self.year, self.kind())):
            self._baseline = None  # differs from the saved draft until saved
            self.status_label.setText("ใช้ข้อความจากแม่แบบแล้ว (ยังไม่ได้บันทึกร่าง)")

    def _load(self, read) -> bool:
        texts = self.ops.query(lambda ctx: read(), title="อ่านบันทึกข้อความไม่ได้", parent=self)
        if texts is None:
            return False
        self._fill(texts)
        self.refresh_preview()
        return True

    def save_draft(self) -> bool:
        """Keep the edited texts as the draft of this office, year and kind."""
        texts = self.texts()
        office_id, year, kind = self.office_id, self.year, self.kind()
        done, _ = self.ops.change(lambda ctx: memos.save_texts(ctx, office_id, year, kind, texts),
                                  changes=Changes.of(office_id=office_id, year=year), label="บันทึกร่าง", parent=self)
        if not done:
            return False
        self._baseline = texts
        self.status_label.setText("บันทึกร่างแล้ว")
        return True

    # -- PDF --------------------------------------------------------------------------------
    def _memo_data(self):
        return memos.memo_data(self.ctx, self.office_id, self.texts())

    def _show_warnings(self, warnings: list[str]) -> None:
        warnings = list(warnings) + ([self.report_refusal] if self.report_refusal else [])
        self.warning_label.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warning_label.setVisible(bool(warnings))

    def refresh_preview(self) -> bool:
        """Rebuild the preview from the current texts in the background."""
        data = self.ops.query(lambda ctx: self._memo_data(), title="แสดงตัวอย่างไม่ได้", parent=self)
        if data is None:
            return False
        self._generation += 1
        generation, path = self._generation, Path(self._tmp.name) / f"preview-{self._generation}.pdf"
        finished = threading.Event()
        self._builds.append(finished)
        ctx, office_id, year, with_report = self.ctx, self.office_id, self.year, self.with_report()

        def build(report):
            try:
                return build_memo_with_report(ctx, office_id, year, data, path, with_report,
                                              progress_of.in_percent(report))
            finally:
                finished.set()

        def building(percent: int, text: str) -> None:
            if not self._closed and generation == self._generation:
                self.status_label.setText(f"กำลังสร้างตัวอย่าง... {percent}%")

        def built(warnings) -> None:
            self._running.discard(task)
            self._preview_built(generation, path, warnings)

        def failed(exc) -> None:
            self._running.discard(task)
            self._preview_failed(generation, exc)

        self.status_label.setText("กำลังสร้างตัวอย่าง...")
        if self._task is not None:
            self._task.cancel()  # an older preview stops at its next report
        task = self._task = tasks.start(build, built, failed, building)
        self._running.add(task)  # kept until it reports, as Operations keeps its tasks
        return True

    def _preview_built(self, generation: int, path: Path, warnings: list[str]) -> None:
        if self._closed or generation != self._generation:
            return  # a newer preview is on its way, or the dialog is gone
        pages = self.ops.query(lambda ctx: self.preview.load(path), title="แสดงตัวอย่างไม่ได้", parent=self)
        if pages is None:
            self.status_label.setText("")
            return
        for old in Path(self._tmp.name).glob("preview-*.pdf"):
            if old != path:
                old.unlink(missing_ok=True)
        self._show_warnings(warnings)
        self.status_label.setText("")
        self.preview_ready.emit(pages)

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if self._closed or generation != self._generation:
            return
        self.status_label.setText("")
        self.ops.report(exc, "แสดงตัวอย่างไม่ได้", self)

    def _write_pdf(self, path: Path) -> list[str] | None:
        """Build the memo at ``path`` off the GUI thread with the percent and ยกเลิก shown.

        None (after a Thai message, or after ยกเลิก: no file then) when it was not built."""
        title = "สร้างบันทึกข้อความไม่ได้"
        data = self.ops.query(lambda ctx: self._memo_data(), title=title, parent=self)
        if data is None:
            return None
        ctx, office_id, year, with_report = self.ctx, self.office_id, self.year, self.with_report()

        def work(report) -> list[str]:
            progress = progress_of.in_percent(report, "กำลังสร้างบันทึกข้อความ...")
            return progress_of.write_atomically(
                lambda target: build_memo_with_report(ctx, office_id, year, data, target, with_report, progress),
                path, progress)

        done, warnings = self.ops.long_work(work, label="สร้างบันทึกข้อความ", title=title, parent=self)
        if not done:
            if self.ops.last_cancelled:
                self.status_label.setText(f"ยกเลิกแล้ว ไม่ได้สร้างไฟล์ {path.name}")
            return None
        self._show_warnings(warnings)
        return warnings

    def save_pdf(self) -> None:
        """Ask for a file name and write the memo there as PDF."""
        suggested = f"บันทึกข้อความ-{self.kind()}-{self.year}.pdf"
        name = file_dialogs.get_save_file(self, "บันทึกเป็น PDF", suggested, "ไฟล์ PDF (*.pdf)")
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        if self._write_pdf(path) is not None:
            self.status_label.setText(f"บันทึกไฟล์แล้วที่ {path}")

    def print_memo(self) -> None:
        """Ask for a printer (A4) and print the memo."""
        printer = QPrinter(QPrinter.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.A4))
        printer.setDocName(self.subject.text().strip() or "บันทึกข้อความ")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("พิมพ์บันทึกข้อความ")
        if dialog.exec() == QDialog.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the current texts on ``printer``; return the number of pages printed."""
        path = Path(self._tmp.name) / "print.pdf"
        if self._write_pdf(path) is None:
            return 0
        pages = self.ops.query(lambda ctx: _printing(path, printer), title="พิมพ์ไม่ได้", parent=self)
        if pages is None:
            return 0
        self.status_label.setText(f"ส่งพิมพ์แล้ว {pages} หน้า")
        return pages

    # -- closing ----------------------------------------------------------------------------
    def close_asking(self) -> None:
        """ปิด: ask before dropping unsaved edits."""
        if self._discard_ok():
            self.reject()

    def done(self, result: int) -> None:
        self._release()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._release()
        super().closeEvent(event)

    def _release(self) -> None:
        """Wait for preview builds still writing into the temporary folder, then remove it."""
        if self._closed:
            return
        self._closed = True
        if self._task is not None:
            self._task.cancel()
        for finished in self._builds:
            finished.wait(BUILD_WAIT_SECONDS)
        self._tmp.cleanup()
