"""แฟ้ม → ชุดข้อมูลหน่วยงาน: export one office as .itapkg; import one with a preview and a choice
for the records that already exist (คงของเดิม / แทนของเดิม / ข้าม)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QFileDialog, QLabel,
                               QMessageBox, QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ita_desktop.services import package
from ita_desktop.ui.messages import show_error

FILTER = "ชุดข้อมูล ITA Desktop (*.itapkg)"
ACTION_TH = {"add": "เพิ่มใหม่", "keep": "คงของเดิม", "replace": "แทนของเดิม", "skip": "ข้าม"}
CHOICES = (("keep", "คงของเดิม (เพิ่มเฉพาะรายการที่ยังไม่มี)"), ("replace", "แทนของเดิมด้วยข้อมูลในชุดข้อมูล"),
           ("skip", "ข้ามหน่วยงานนี้ทั้งหมดถ้ามีอยู่แล้ว"))


def export_package(parent: QWidget | None, ctx, office_id: int | None, name: str = "", path=None) -> Path | None:
    """Ask where, then write the office's package; a Thai message on any problem."""
    if office_id is None:
        QMessageBox.information(parent, "ส่งออกชุดข้อมูลหน่วยงาน", "กรุณาเลือกหน่วยงานก่อน")
        return None
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, "ส่งออกชุดข้อมูลหน่วยงาน",
                                                str(Path.home() / f"{name or 'หน่วยงาน'}.itapkg"), FILTER)
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".itapkg") else Path(chosen + ".itapkg")
    try:
        written = package.export_office(ctx, office_id, path)
    except Exception as exc:
        show_error(parent, exc, "ส่งออกชุดข้อมูลไม่ได้")
        return None
    QMessageBox.information(parent, "ส่งออกชุดข้อมูลหน่วยงาน", f"บันทึกชุดข้อมูลแล้วที่\n{written}")
    return written


class PackageImportDialog(QDialog):
    """The preview of a package and the conflict choice; นำเข้า writes it in one transaction."""

    def __init__(self, ctx, path: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.path = ctx, Path(path)
        self.result_preview: package.PackagePreview | None = None
        self.setWindowTitle("นำเข้าชุดข้อมูลหน่วยงาน")
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
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
        try:
            self.preview = package.preview_package(self.ctx, self.path, self.choice)
        except Exception as exc:
            show_error(self, exc, "อ่านชุดข้อมูลไม่ได้")
            return
        self._show(self.preview)

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
        try:
            self.result_preview = package.import_package(self.ctx, self.path, self.choice)
        except Exception as exc:
            show_error(self, exc, "นำเข้าชุดข้อมูลไม่ได้")
            return
        QMessageBox.information(self, "นำเข้าชุดข้อมูลหน่วยงาน", self.result_preview.message_th())
        self.accept()


def import_package(parent: QWidget | None, ctx, path=None) -> package.PackagePreview | None:
    """Ask for a file, show the preview dialog; the result when something was imported."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, "นำเข้าชุดข้อมูลหน่วยงาน", str(Path.home()), FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    try:
        dialog = PackageImportDialog(ctx, path, parent)
    except Exception as exc:
        show_error(parent, exc, "นำเข้าชุดข้อมูลไม่ได้")
        return None
    dialog.exec()
    result = dialog.result_preview
    dialog.deleteLater()
    return result
