"""ตั้งค่า → เกณฑ์ผ่านและรูปแบบเอกสาร: the typed settings of services.settings, saved undoably."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
   
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services import settings
from ita_desktop.services.changes import SETTINGS, Changes
from ita_desktop.services.undo import Step
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

DIGIT_CHOICES = ((settings.THAI, "เลขไทย (๑ ๒ ๓)"), (settings.ARABIC, "เลขอารบิก (1 2 3)"))


class SettingsDialog(QDialog):
    def __init__(self, ctx, ops, office_id: int | None, year: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.ops, self.office_id, self.year = ctx, ops, office_id, year
        self.setWindowTitle("เกณฑ์ผ่านและรูปแบบเอกสาร")
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addWidget(self._pass_line_box())
        layout.addWidget(self._documents_box())
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("บันทึก")
        buttons.button(QDialogButtonBox.Cancel).setText("ยกเลิก")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _pass_line_box(self) -> QGroupBox:
        box = QGroupBox("เกณฑ์ผ่าน (ใช้ในการวิเคราะห์จุดอ่อนและมาตรการ)")
        form = QFormLayout(box)
        self.line = QDoubleSpinBox(decimals=2, minimum=1, maximum=100, singleStep=1)
        self.all_years = QCheckBox("ใช้กับทุกปีของหน่วยงานนี้")
        self.source = ThaiWrapLabel()
        self.source.setWordWrap(True)
        if self.office_id is None or self.year is None:
            self.line.setEnabled(False)
            self.all_years.setEnabled(False)
            self.source.setText("เลือกหน่วยงานและปีก่อน")
        else:
            current = settings.pass_line(self.ctx, self.office_id, self.year)
            self.line.setValue(current.value)
            self.all_years.setChecked(current.source == "office")
            self.source.setText(current.describe(self.year))
        self.initial_line = self.line.value()
        form.addRow("ร้อยละ", self.line)
        form.addRow("", self.all_years)
        form.addRow("", self.source)
        return box

    def _documents_box(self) -> QGroupBox:
        box = QGroupBox("ตัวเลขในเอกสาร")
        form = QFormLayout(box)
        self.digits: dict[str, QComboBox] = {}
        for kind, label in settings.DOCUMENT_KINDS.items():
            combo = QComboBox()
            for value, text in DIGIT_CHOICES:
                combo.addItem(text, value)
            combo.setCurrentIndex(combo.findData(settings.digits(self.ctx, kind)))
            self.digits[kind] = combo
            form.addRow(label, combo)
        self.garuda = QLineEdit(settings.get_raw(self.ctx, settings.GARUDA_IMAGE) or "")
        self.garuda.setPlaceholderText("ไฟล์ภาพครุฑ (ใช้เมื่อข้อมูลหน่วยงานไม่ได้ระบุไว้)")
        choose = QPushButton("เลือกไฟล์...")
        choose.clicked.connect(self._choose_garuda)
        row = QHBoxLayout()
        row.addWidget(self.garuda, 1)
        row.addWidget(choose)
        form.addRow("ภาพครุฑ", row)
        return box

    def _choose_garuda(self) -> None:
        path = file_dialogs.get_open_file(self, "เลือกภาพครุฑ", "", "รูปภาพ (*.png *.jpg *.jpeg)")
        if path:
            self.garuda.setText(path)

    def wanted(self) -> dict[str, str | None]:
        """Setting key -> the text to store (None deletes), for what the clerk changed."""
        out: dict[str, str | None] = {}
        if self.office_id is not None and self.year is not None and self.line.isEnabled():
            for_year = settings.pass_line_key(self.office_id, self.year)
            for_office = settings.pass_line_key(self.office_id)
            value = f"{self.line.value():g}"
            current = settings.pass_line(self.ctx, self.office_id, self.year)
            if self.line.value() != self.initial_line or self.all_years.isChecked() != (current.source == "office"):
                out[for_office if self.all_years.isChecked() else for_year] = value
                out[for_year if self.all_years.isChecked() else for_office] = None
        for kind, combo in self.digits.items():
            if combo.currentData() != settings.digits(self.ctx, kind):
                out[settings.digits_key(kind)] = combo.currentData()
        garuda = self.garuda.text().strip() or None
        if garuda != (settings.get_raw(self.ctx, settings.GARUDA_IMAGE) or None):
            out[settings.GARUDA_IMAGE] = garuda
        return out

    def accept(self) -> None:
        wanted = self.wanted()
        if not wanted:
            super().accept()
            return
        label = "แก้การตั้งค่า"
        changed = Changes.of(SETTINGS, office_id=self.office_id)

        def step(old: dict[str, str | None]) -> Step:
            return Step(label, lambda ctx: settings.set_many(ctx, old, self.office_id),
                        lambda ctx: settings.set_many(ctx, wanted, self.office_id), changed)

        done, _ = self.ops.change(lambda ctx: settings.set_many(ctx, wanted, self.office_id), changes=changed, label="บันทึกการตั้งค่า", step=step, parent=self)
        if done:
            super().accept()
