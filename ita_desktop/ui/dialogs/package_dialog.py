"""แฟ้ม → ชุดข้อมูลหน่วยงาน: export one office as .itapkg; import one with a preview and a choice
for the records that already exist (คงของเดิม / แทนของเดิม / ข้าม)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox,
                               QMessageBox, QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ita_desktop.core import progress as progress_of
from ita_desktop.services import package
from ita_desktop.services.changes import Changes
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

FILTER = "ชุดข้อมูล ITA Desktop (*.itapkg)"
ACTION_TH = {"add": "เพิ่มใหม่", "keep": "คงของเดิม", "replace": "แทนของเดิม", "skip": "ข้าม"}
CHOICES = (("keep", "คงของเดิม (เพิ่มเฉพาะรายการที่ยังไม่มี)"), ("replace", "แทนของเดิมด้วยข้อมูลในชุดข้อมูล"),
           ("skip", "ข้ามหน่วยงานนี้ทั้งหมดถ้ามีอยู่แล้ว"))


def export_package(parent: QWidget | None, ctx, office_id: int | None, name: str = "", path=None,
                   ops: Operations | None = None) -> Path | None:
    """Ask where, then write the office's package; a Thai message on any problem."""
    if office_id is None:
        QMessageBox.information(parent, "ส่งออกชุดข้อมูลหน่วยงาน", "กรุณาเลือกหน่วยงานก่อน")
        return None
    if path is None:
        chosen = file_dialogs.get_save_file(parent, "ส่งออกชุดข้อมูลหน่วยงาน",
                                            str(Path.home() / f"{name or 'หน่วยงาน'}.itapkg"), FILTER)
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".itapkg") else Path(chosen + ".itapkg")
    ops = ops or Operations(ctx, parent)
    def work(report):
        return package.export_office(ctx, office_id, path,
                                     progress=progress_of.in_percent(report, "กำลังเขียนชุดข้อมูล..."))

    done, written = ops.long_work(work, label="ส่งออกชุดข้อมูลหน่วยงาน", title="ส่งออกชุดข้อมูลไม่ได้",
                                  parent=parent)
    if not done:
        if ops.last_cancelled:
            QMessageBox.information(parent, "ส่งออกชุดข้อมูลหน่วยงาน", "ยกเลิกแล้ว ไม่ได้สร้างไฟล์")
        return None
    QMessageBox.information(parent, "ส่งออกชุดข้อมูลหน่วยงาน", f"บันทึกชุดข้อมูลแล้วที่\n{written}")
    return written


class PackageImportDialog(QDialog):
    """The preview of a package and the conflict choice; นำเข้า writes it in one transaction."""

    def __init__(self, ctx, path: str | Path, parent: QWidget | None = None, ops: Operations | None = None):
        super().__init__(parent)
        self.ctx, self.path = ctx, Path(path)
        self.ops = ops or Operations(ctx, self)
        self.result_preview: package.PackagePreview | None = None
        self.setWindowTitle("นำเข้าชุดข้อมูลหน่วยงาน")
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.summary = ThaiWrapLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.group = QButtonGroup(self)
        for n, (key, label) in enumerate(CHOICES):
            radio = QRadioButton(f"รายการที่มีอยู่แล้ว: {label}")
            radio.setProperty("choice", key)
            self.group.addButton(radio, n)
            layout.addWidget(radio)
        self.group.button(0).setChecked(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(("ชนิด", "รายการ", "จะทำ"))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton("นำเข้า", QDialogButtonBox.AcceptRole)
        buttons.addButton("ยกเลิก", QDialogButtonBox.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.import_button.clicked.connect(self.run_import)
        self.group.idToggled.connect(lambda _id, on: on and self.refresh())
        self.preview = package.preview_package(ctx, self.path, self.choice)  # raises UserError for a bad file
        self._show(self.preview)

    @property
    def choice(self) -> str:
        return self.group.checkedButton().property("choice")

    def refresh(self) -> None:
        preview = self.ops.query(lambda c: package.preview_package(c, self.path, self.choice),
                                 title="อ่านชุดข้อมูลไม่ได้", parent=self)
        if preview is not None:
            self.preview = preview
            self._show(preview)

    def _show(self, p: package.PackagePreview) -> None:
        state = "มีอยู่แล้วในฐานข้อมูลนี้" if p.office_exists else "ยังไม่มีในฐานข้อมูลนี้"
        self.summary.setText(f"ไฟล์ {p.file_name}: {p.office} ({state}) รวม {len(p.units)} รายการ: "
                             f"เพิ่มใหม่ {p.count('add')}, แทนของเดิม {p.count('replace')}, "
                             f"คงของเดิม {p.count('keep')}, ข้าม {p.count('skip')}")
        self.table.setRowCount(len(p.units))
        for r, u in enumerate(p.units):
            for c, text in enumerate((u.kind_th, u.label, ACTION_TH[u.action])):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def run_import(self) -> None:
        path, choice = self.path, self.choice

        def work(ctx, report):
            return package.import_package(ctx, path, choice,
                                          progress=progress_of.in_percent(report, "กำลังนำเข้าชุดข้อมูล..."))

        done, result = self.ops.change_with_progress(work, changes=Changes.everything(), label="นำเข้าชุดข้อมูล",
                                                     backup="before-package", parent=self)
        if not done or result is None:  # an error (told), or ยกเลิก: nothing stored
            return
        self.result_preview = result
        QMessageBox.information(self, "นำเข้าชุดข้อมูลหน่วยงาน", self.result_preview.message_th())
        self.accept()


def import_package(parent: QWidget | None, ctx, path=None, ops: Operations | None = None) -> package.PackagePreview | None:
    """Ask for a file, show the preview dialog; the result when something was imported."""
    if path is None:
        chosen = file_dialogs.get_open_file(parent, "นำเข้าชุดข้อมูลหน่วยงาน", str(Path.home()), FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    ops = ops or Operations(ctx, parent)
    dialog = ops.query(lambda c: PackageImportDialog(c, path, parent, ops), title="นำเข้าชุดข้อมูลไม่ได้", parent=parent)
    if dialog is None:
        return None
    dialog.exec()
    result = dialog.result_preview
    dialog.deleteLater()
    return result
