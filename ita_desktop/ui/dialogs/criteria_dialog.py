"""ตั้งค่า → เกณฑ์การประเมิน: a fiscal year's catalog (weights, pass line, names), new years, Excel."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.core import progress as progress_of
from ita_desktop.services import criteria as criteria_service
from ita_desktop.services.criteria_xlsx import export_criteria_xlsx, read_criteria_xlsx
from ita_desktop.services.changes import CRITERIA, Changes
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.screen_fit import fit_to_screen
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel
from ita_desktop.ui.models import catalog_models as cm

TITLE = "เกณฑ์การประเมิน"
UNSAVED_QUESTION = "เกณฑ์การประเมินปีงบประมาณ {year} มีการแก้ไขที่ยังไม่ได้บันทึก ต้องการบันทึกก่อนหรือไม่"
# The question's answers: save then go on, go on without saving, stay on the edits.
UNSAVED_ANSWERS = (
    (QMessageBox.Save, "บันทึก"),
    (QMessageBox.Discard, "ไม่บันทึก"),
    (QMessageBox.Cancel, "ยกเลิก"),
)


def _table(model: cm.CatalogTableModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return view


class CriteriaDialog(QDialog):
    """Edit the criteria catalog of one fiscal year; saving goes through services.criteria."""

    def __init__(self, ctx, year: int | None = None, parent: QWidget | None = None, ops=None):
        super().__init__(parent)
        self.ops = ops or Operations(ctx, self)
        self.ctx = ctx
        self.loaded = None  # the Criteria as last loaded or saved
        self._pass_line_shown = None  # the pass line box's value right after loading (it rounds)
        self.setWindowTitle(TITLE)
        fit_to_screen(self, 980, 680)
        self.weights = cm.weight_model(self)
        self.indicators = cm.indicator_model(self)
        self.items = cm.item_model(self)
        self._build()
        for model in (self.weights, self.indicators, self.items):
            model.rejected.connect(lambda text: QMessageBox.warning(self, TITLE, text))
        self.reload_years(year)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._year_row())
        note = ThaiWrapLabel("ดับเบิลคลิกหรือกด F2 เพื่อแก้น้ำหนัก ชื่อตัวชี้วัด หรือข้อความข้อคำถาม แล้วกด 'บันทึก'")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.tabs = QTabWidget()
        self.tabs.addTab(_table(self.weights, 1), "เครื่องมือการประเมินและน้ำหนัก")
        self.tabs.addTab(_table(self.indicators, 2), "ตัวชี้วัด")
        self.tabs.addTab(_table(self.items, 3), "ข้อคำถาม")
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._button_row())

    def _year_row(self) -> QHBoxLayout:
        self.year_combo = QComboBox()
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.pass_line = QDoubleSpinBox()
        self.pass_line.setRange(0, 100)
        self.pass_line.setDecimals(2)
        self.add_year_button = QPushButton("เพิ่มปีถัดไป (คัดลอกจากปีล่าสุด)")
        self.add_year_button.clicked.connect(self.add_next_year)
        row = QHBoxLayout()
        row.addWidget(QLabel("ปีงบประมาณ:"))
        row.addWidget(self.year_combo)
        row.addWidget(self.add_year_button)
        row.addStretch(1)
        row.addWidget(QLabel("เกณฑ์ผ่าน (คะแนน):"))
        row.addWidget(self.pass_line)
        return row

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (("นำเข้าจาก Excel...", self._choose_import), ("ส่งออกเป็น Excel...", self._choose_export)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        self.save_button = QPushButton("บันทึก")
        self.save_button.clicked.connect(self.save)
        close = QPushButton("ปิด")
        close.clicked.connect(self.reject)
        row.addWidget(self.save_button)
        row.addWidget(close)
        return row

    # -- loading -------------------------------------------------------------------------------
    def reload_years(self, select: int | None = None) -> None:
        """Refill the year selector and show ``select`` (else the latest year)."""
        years = criteria_service.list_years(self.ctx)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(f"พ.ศ. {year}", year)
        wanted = select if select in years else (years[-1] if years else None)
        self.year_combo.setCurrentIndex(self.year_combo.findData(wanted))
        self.year_combo.blockSignals(False)
        self._show_year()

    def current_year(self) -> int | None:
        return self.year_combo.currentData()

    def _select_year(self, year: int) -> None:
        """Put the selector on ``year`` without loading it."""
        self.year_combo.blockSignals(True)
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        self.year_combo.blockSignals(False)

    def _year_chosen(self) -> None:
        """The clerk picked another year: settle unsaved edits first, else stay on the edited year."""
        if self.loaded is not None and self.current_year() != self.loaded.year and not self._resolve_unsaved():
            self._select_year(self.loaded.year)
            return
        self._show_year()

    def _show_year(self) -> None:
        year = self.current_year()
        if year is None:
            return
        catalog = self.ops.query(lambda ctx: criteria_service.get_criteria(ctx, year), title=TITLE, parent=self)
        if catalog is not None:
            self.show_catalog(catalog)
        elif self.loaded is not None:  # the selector names the year still on screen
            self._select_year(self.loaded.year)

    def show_catalog(self, catalog) -> None:
        """Put a catalog into the editor (the state 'บันทึก' starts from)."""
        self.loaded = catalog
        self.pass_line.setValue(catalog.pass_line)
        self._pass_line_shown = self.pass_line.value()
        self.weights.set_rows(cm.weight_rows(catalog))
        self.indicators.set_rows(list(catalog.indicators))
        self.items.set_rows(list(catalog.items))

    def edited_catalog(self):
        """The catalog as edited on screen (an untouched pass line keeps its stored value)."""
        edited = cm.catalog_with(self.loaded, self.weights.rows, self.indicators.rows, self.items.rows,
                                 self.pass_line.value())
        if self.pass_line.value() == self._pass_line_shown:  # the box shows 2 decimals only
            edited = replace(edited, pass_line=self.loaded.pass_line)
        return edited

    def has_unsaved_edits(self) -> bool:
        return self.loaded is not None and self.edited_catalog() != self.loaded

    # -- unsaved edits ---------------------------------------------------------------------------
    def _resolve_unsaved(self) -> bool:
        """Before the shown catalog is left: True to go on (nothing unsaved, saved, or discarded)."""
        if not self.has_unsaved_edits():
            return True
        answer = self._ask_unsaved(self.loaded.year)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def _ask_unsaved(self, year: int) -> QMessageBox.StandardButton:
        """Ask whether to save the year's edits: Save, Discard or Cancel (Esc and the close box: Cancel)."""
        box = QMessageBox(QMessageBox.Question, TITLE, UNSAVED_QUESTION.format(year=year), parent=self)
        for button, text in UNSAVED_ANSWERS:
            box.addButton(button).setText(text)
        box.setDefaultButton(QMessageBox.Save)
        box.setEscapeButton(QMessageBox.Cancel)
        box.exec()
        return box.standardButton(box.clickedButton())

    def reject(self) -> None:
        """ปิด, Esc and the window's close box all come here: unsaved edits are asked about first."""
        if self._resolve_unsaved():
            super().reject()

    # -- actions -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Store the edited catalog; a Thai message (and nothing stored) when it is refused."""
        if self.loaded is None:
            return False
        catalog = self.edited_catalog()
        done, _ = self.ops.change(lambda ctx: criteria_service.save_criteria(ctx, catalog),
                                  changes=Changes.of(CRITERIA, year=catalog.year), label="บันทึกเกณฑ์การประเมิน",
                                  parent=self)
        if not done:
            return False
        self.loaded = catalog
        QMessageBox.information(self, TITLE, f"บันทึกเกณฑ์การประเมินปีงบประมาณ {catalog.year} แล้ว")
        return True

    def add_next_year(self) -> int | None:
        """Start the year after the latest as a copy of it (services.criteria.copy_year)."""
        if not self._resolve_unsaved():
            return None
        years = criteria_service.list_years(self.ctx)
        if not years:
            return None
        source, new = years[-1], years[-1] + 1
        done, _ = self.ops.change(lambda ctx: criteria_service.copy_year(ctx, source, new),
                                  changes=Changes.of(CRITERIA, year=new), label="เพิ่มปี", parent=self)
        if not done:
            return None
        self.reload_years(new)
        QMessageBox.information(self, TITLE, f"เพิ่มเกณฑ์ปีงบประมาณ {new} โดยคัดลอกจากปี {source} แล้ว "
                                             "แก้ไขตามเกณฑ์ของปีใหม่แล้วกด 'บันทึก'")
        return new

    def _choose_export(self) -> None:
        if self.loaded is None:
            return
        default = str(Path.home() / f"เกณฑ์การประเมิน_{self.loaded.year}.xlsx")
        path = file_dialogs.get_save_file(self, "ส่งออกเกณฑ์การประเมินเป็น Excel", default, "Excel (*.xlsx)")
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> Path | None:
        """Write the catalog as shown (including unsaved edits) to an Excel file.

        Off the GUI thread with the percent and ยกเลิก; ยกเลิก leaves no file."""
        catalog = self.ops.query(lambda ctx: self.edited_catalog(), title="ส่งออกไม่ได้", parent=self)
        if catalog is None:
            return None

        def work(report):
            return export_criteria_xlsx(catalog, path, progress_of.in_percent(report, "กำลังส่งออกเกณฑ์การประเมิน..."))

        done, target = self.ops.long_work(work, label="ส่งออกเกณฑ์การประเมิน", title="ส่งออกไม่ได้", parent=self)
        if not done:
            return None
        QMessageBox.information(self, TITLE, f"ส่งออกเกณฑ์การประเมินแล้วที่\n{target}")
        return target

    def _choose_import(self) -> None:
        path = file_dialogs.get_open_file(self, "นำเข้าเกณฑ์การประเมินจาก Excel", str(Path.home()), "Excel (*.xlsx)")
        if path:
            self.import_from(path)

    def import_from(self, path: str | Path) -> int | None:
        """Read a catalog from Excel and store it (asking first when its year exists or edits are unsaved)."""
        title = "นำเข้าเกณฑ์การประเมินไม่ได้"

        def read(report):
            return read_criteria_xlsx(path, progress_of.in_percent(report, "กำลังอ่านเกณฑ์การประเมินจากไฟล์..."))

        done, catalog = self.ops.long_work(read, label="นำเข้าเกณฑ์การประเมิน", title=title, parent=self)
        if not done:  # not read, or ยกเลิก: nothing stored
            return None
        if catalog.year in criteria_service.list_years(self.ctx) and not self._confirm_replace(catalog.year):
            return None
        if not self._resolve_unsaved():
            return None
        done, _ = self.ops.change(lambda ctx: criteria_service.save_criteria(ctx, catalog),
                                  changes=Changes.of(CRITERIA, year=catalog.year), label="นำเข้าเกณฑ์การประเมิน",
                                  backup="before-import", parent=self)
        if not done:
            return None
        self.reload_years(catalog.year)
        QMessageBox.information(self, TITLE, f"นำเข้าเกณฑ์การประเมินปีงบประมาณ {catalog.year} แล้ว")
        return catalog.year

    def _confirm_replace(self, year: int) -> bool:
        answer = QMessageBox.question(
            self, TITLE, f"มีเกณฑ์ของปีงบประมาณ {year} อยู่แล้ว ต้องการแทนที่ด้วยเกณฑ์จากไฟล์หรือไม่",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
        )
        return answer == QMessageBox.Yes
