"""One dialog for every printable document of a tab: a preview of its pages, พิมพ์, บันทึก PDF and
(where the document has one) บันทึก Excel. The document itself is built by a service function
``build(ctx, path)``; the dialog only shows, prints and saves what it makes.

Building runs off the GUI thread. The document engines report their progress to the one set for
the worker thread (:func:`ita_desktop.core.progress.reporting`), so a builder need not pass it
on: the preview shows the percent in its status line, a save shows it in a dialog with ยกเลิก.
A save writes under a temporary name renamed only when complete: ยกเลิก leaves no new file and
an earlier file of that name as it was."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ita_desktop.core import progress as progress_of
from ita_desktop.ui import tasks
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.pdf_preview import PdfPreview, print_pdf

Builder = Callable[[Any, Path], Any]


class DocumentDialog(QDialog):
    """Preview, print and save one document (PDF, and Excel when ``build_xlsx`` is given)."""

    preview_ready = Signal(int)  # pages shown

    def __init__(self, ctx, title: str, build_pdf: Builder, suggested_name: str,
                 build_xlsx: Builder | None = None, parent: QWidget | None = None, ops: Operations | None = None):
        super().__init__(parent)
        self.ctx, self.build_pdf, self.build_xlsx = ctx, build_pdf, build_xlsx
        self.ops = ops or Operations(ctx, self)
        self.suggested_name = suggested_name
        self._tmp = tempfile.TemporaryDirectory(prefix="ita-doc-")
        self._task = None
        self.preview_path: Path | None = None
        self.setWindowTitle(title)
        self.resize(1000, 700)
        self.preview = PdfPreview()
        self.status = QLabel("กำลังสร้างเอกสาร...")
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.refresh_preview()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = self._button(row, "พิมพ์...", self.print_document)
        self.pdf_button = self._button(row, "บันทึกเป็น PDF...", self.save_pdf)
        self.xlsx_button = self._button(row, "บันทึกเป็น Excel...", self.save_xlsx)
        self.xlsx_button.setVisible(self.build_xlsx is not None)
        row.addStretch(1)
        self._button(row, "ปิด", self.reject)
        return row

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # -- preview -------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Build the PDF in the background and show its pages."""
        path = Path(self._tmp.name) / "preview.pdf"
        ctx = self.ctx
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(False)

        def build(report):
            with progress_of.reporting(progress_of.in_percent(report)):
                self.build_pdf(ctx, path)
            return path

        self._task = tasks.start(build, self._built, self._failed, self._building)

    def _building(self, percent: int, text: str) -> None:
        self.status.setText(f"กำลังสร้างเอกสาร... {percent}%")

    def _built(self, path: Path) -> None:
        pages = self.ops.query(lambda ctx: self.preview.load(path), title="แสดงตัวอย่างไม่ได้", parent=self)
        if pages is None:
            return
        self.preview_path = path
        self.status.setText(f"{pages} หน้า")
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(True)
        self.preview_ready.emit(pages)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, tasks.Cancelled):
            return  # the dialog was closed while the preview was being built
        self.status.setText("สร้างเอกสารไม่ได้")
        self.ops.report(exc, "สร้างเอกสารไม่ได้", self)

    # -- print and save ------------------------------------------------------------------------
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.A4))
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.windowTitle())
        if dialog.exec() == QDialog.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        if self.preview_path is None:
            return 0
        pages = self.ops.query(lambda ctx: print_pdf(self.preview_path, printer), title="พิมพ์ไม่ได้", parent=self)
        if pages:
            self.status.setText(f"ส่งพิมพ์แล้ว {pages} หน้า")
        return pages or 0

    def save_pdf(self) -> None:
        name = file_dialogs.get_save_file(self, "บันทึกเป็น PDF", f"{self.suggested_name}.pdf", "ไฟล์ PDF (*.pdf)")
        if name:
            self.save_pdf_to(Path(name))

    def save_xlsx(self) -> None:
        name = file_dialogs.get_save_file(self, "บันทึกเป็น Excel", f"{self.suggested_name}.xlsx",
                                          "ไฟล์ Excel (*.xlsx)")
        if name:
            self.save_xlsx_to(Path(name))

    def save_pdf_to(self, path: Path) -> Path | None:
        return self._save(self.build_pdf, _with_suffix(path, ".pdf"))

    def save_xlsx_to(self, path: Path) -> Path | None:
        return None if self.build_xlsx is None else self._save(self.build_xlsx, _with_suffix(path, ".xlsx"))

    def _save(self, build: Builder, path: Path) -> Path | None:
        """Build into ``path`` with the percent and ยกเลิก shown; the saved path, or None."""
        ctx = self.ctx
        saved = self.ops.save_with_progress(lambda target: build(ctx, target), path, title="บันทึกไฟล์ไม่ได้",
                                            parent=self)
        if saved is not None:
            self.status.setText(f"บันทึกไฟล์แล้วที่ {path}")
        elif self.ops.last_cancelled:
            self.status.setText(f"ยกเลิกการบันทึกแล้ว ไม่ได้สร้างไฟล์ {path.name}")
        return saved

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
        super().done(result)


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
