"""แฟ้ม → ส่งออก: scores to Excel (one office-year or every office of a year), and the blank
score template (แฟ้ม → บันทึกแบบฟอร์มคะแนน)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QGridLayout,
                               QLabel, QMessageBox, QRadioButton, QVBoxLayout, QWidget)

from ita_desktop.core import progress as progress_of
from ita_desktop.importers.template import build_score_template
from ita_desktop.services import criteria, exports, offices, scores
from ita_desktop.services.errors import UserError
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets import file_dialogs

log = logging.getLogger(__name__)

XLSX_FILTER = "Excel (*.xlsx)"


def _save_error(path: Path, exc: OSError) -> UserError:
    # Typically the file is open in Excel (Windows locks it) or the folder is read-only.
    log.warning("cannot write %s: %s", path, exc)
    return UserError(f"บันทึกไฟล์ {path} ไม่ได้ ไฟล์อาจเปิดค้างอยู่ในโปรแกรม Excel หรือไม่มีสิทธิ์บันทึกในโฟลเดอร์นี้ "
                     "กรุณาปิดไฟล์หรือเลือกที่บันทึกอื่น")


def ask_xlsx_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """A save-as dialog for an .xlsx file; the suffix is added when the clerk leaves it out."""
    path = file_dialogs.get_save_file(parent, title, str(Path.home() / suggested), XLSX_FILTER)
    if not path:
        return None
    path = Path(path)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class ExportDialog(QDialog):
    """Choose what to export (the selected office-year, or all offices of a year) and where."""

    def __init__(self, ctx, office_id: int | None, year: int | None, parent: QWidget | None = None, ops=None):
        super().__init__(parent)
        self.ctx, self.office_id, self.year = ctx, office_id, year
        self.ops = ops or Operations(ctx, self)
        self.saved_path: Path | None = None
        self.office = offices.get_office(ctx, office_id) if office_id is not None else None
        self.setWindowTitle("ส่งออกคะแนนเป็น Excel")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("เลือกคะแนนที่จะส่งออก (ไฟล์ที่ได้นำเข้ากลับได้ด้วย แฟ้ม → นำเข้า)"))
        layout.addLayout(self._build_choices())
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("ส่งออก...", QDialogButtonBox.AcceptRole)
        buttons.addButton("ปิด", QDialogButtonBox.RejectRole).clicked.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        layout.addWidget(buttons)

    def _build_choices(self) -> QGridLayout:
        name = self.office.name if self.office else "ยังไม่ได้เลือกหน่วยงาน"
        year_text = f" ปีงบประมาณ พ.ศ. {self.year}" if self.year else ""
        self.office_radio = QRadioButton(f"หน่วยงานที่เลือก: {name}{year_text}")
        self.year_radio = QRadioButton("ทุกหน่วยงานที่มีคะแนนในปีงบประมาณ")
        self.office_radio.setEnabled(self.office is not None and self.year is not None)
        group = QButtonGroup(self)
        for radio in (self.office_radio, self.year_radio):
            group.addButton(radio)
        (self.office_radio if self.office_radio.isEnabled() else self.year_radio).setChecked(True)
        self.year_combo = QComboBox()
        for y in sorted(set(criteria.list_years(self.ctx)) | ({self.year} if self.year else set())):
            self.year_combo.addItem(f"พ.ศ. {y}", y)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(self.year)))
        self.year_combo.currentIndexChanged.connect(lambda: self.year_radio.setChecked(True))
        grid = QGridLayout()
        grid.addWidget(self.office_radio, 0, 0, 1, 2)
        grid.addWidget(self.year_radio, 1, 0)
        grid.addWidget(self.year_combo, 1, 1)
        return grid

    def suggested_name(self) -> str:
        """The file name offered in the save-as dialog."""
        if self.office_radio.isChecked():
            return f"คะแนน ITA {self.office.short_name or self.office.name} {self.year}.xlsx"
        return f"คะแนน ITA ทุกหน่วยงาน {self.year_combo.currentData()}.xlsx"

    def export(self) -> None:
        """Ask where to save, write the file, tell the clerk (Thai) and close."""
        path = ask_xlsx_path(self, "บันทึกคะแนนเป็นไฟล์ Excel", self.suggested_name())
        if path is None:
            return
        self.export_to(path)

    def export_to(self, path: Path) -> Path | None:
        """Write the chosen scores to ``path`` off the GUI thread, with the percent and ยกเลิก shown.

        ยกเลิก leaves no file (and an earlier file of that name as it was); the dialog stays open."""
        write = self._writer()

        def work(report) -> Path:
            progress = progress_of.in_percent(report, f"กำลังส่งออก {path.name}")
            return _saving(path, lambda: write(path, progress))

        done, saved = self.ops.long_work(work, label="ส่งออกคะแนน", title="ส่งออกคะแนนไม่ได้", parent=self)
        if not done:
            return None
        self.saved_path = saved
        QMessageBox.information(self, "ส่งออกคะแนนแล้ว", f"บันทึกไฟล์คะแนนแล้วที่\n{self.saved_path}")
        self.accept()
        return saved

    def _writer(self):
        """``write(path, progress)`` for the choice made now (read on the GUI thread, run on a worker)."""
        ctx = self.ctx
        if self.office_radio.isChecked():
            office_id, year, name = self.office_id, self.year, self.office.name

            def office_year(path: Path, progress) -> Path:
                if year not in scores.years_with_scores(ctx, office_id):
                    raise UserError(f"{name} ยังไม่มีคะแนนในปีงบประมาณ พ.ศ. {year}")
                return exports.export_office_year(ctx, office_id, year, path, progress)

            return office_year
        year = self.year_combo.currentData()
        return lambda path, progress: exports.export_year(ctx, year, path, progress)


def _saving(path: Path, write):
    """Run ``write()``; a file that cannot be written becomes a Thai UserError naming it."""
    try:
        return write()
    except OSError as exc:
        raise _save_error(path, exc) from exc


def save_template(parent: QWidget | None, ctx, year: int | None, ops=None) -> Path | None:
    """Save the blank score template (listing ``year``'s indicators and items when it has criteria)."""
    suggested = f"แบบฟอร์มคะแนน ITA {year}.xlsx" if year else "แบบฟอร์มคะแนน ITA.xlsx"
    path = ask_xlsx_path(parent, "บันทึกแบบฟอร์มกรอกคะแนน", suggested)
    if path is None:
        return None
    def write(ctx):
        found = criteria.get_criteria(ctx, year) if year in criteria.list_years(ctx) else None
        _saving(path, lambda: build_score_template(path, found))
        return [found]

    done = (ops or Operations(ctx, parent)).query(write, title="บันทึกแบบฟอร์มไม่ได้", parent=parent)
    if done is None:
        return None
    catalog = done[0]
    detail = f"ตามเกณฑ์ปีงบประมาณ พ.ศ. {year}" if catalog else "แบบทั่วไป"
    QMessageBox.information(parent, "บันทึกแบบฟอร์มแล้ว",
                            f"บันทึกแบบฟอร์มกรอกคะแนน ({detail}) แล้วที่\n{path}\n"
                            "กรอกคะแนนแล้วนำเข้าด้วย แฟ้ม → นำเข้าคะแนนจาก Excel")
    return path
