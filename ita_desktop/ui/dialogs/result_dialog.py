"""บันทึกผลการดำเนินการ: the status (with the reason when it cannot be done), output, outcome and
dates of a measure's result, or of a row for an activity made outside the program (then its
measure, steps, period and responsible are typed too)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ita_desktop.services.measure_results import IMPOSSIBLE, STATUS_TITLES, ReportTexts, ResultInput
from ita_desktop.ui.models.table import EntryError
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

from .measure_dialog import FormDialog, date_edit, multiline, read_date


class ResultDialog(FormDialog):
    """One result row. ``measure_text`` given: the row of that measure (its texts come from it)."""

    def __init__(self, title: str, on_save: Callable[[ResultInput], bool], data: ResultInput | None = None,
                 measure_text: str | None = None, parent: QWidget | None = None):
        super().__init__(title, on_save, parent)
        data = data or ResultInput()
        self.data = data
        self.with_texts = measure_text is None
        if measure_text is not None:
            label = ThaiWrapLabel(measure_text)
            self.form.addRow("มาตรการ", label)
        else:
            self.measure = multiline(data.measure, 2)
            self.steps = multiline(data.steps, 4)
            self.period = QLineEdit(data.period)
            self.responsible = QLineEdit(data.responsible)
            for text, widget in (("มาตรการ/โครงการ/กิจกรรม", self.measure), ("ขั้นตอนหรือวิธีการปฏิบัติ", self.steps),
                                 ("ช่วงระยะเวลาดำเนินการ", self.period), ("ผู้รับผิดชอบ", self.responsible)):
                self.form.addRow(text, widget)
        self.status = QComboBox()
        for code, text in STATUS_TITLES.items():
            self.status.addItem(text, code)
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.reason = QLineEdit(data.reason)
        self.reason.setPlaceholderText("ไม่ได้รับงบประมาณ / นโยบายผู้บริหารเปลี่ยน / บุคลากรไม่เพียงพอ / อื่น ๆ")
        self.output = multiline(data.output, 4)
        self.outcome = multiline(data.outcome, 4)
        self.start, self.end = date_edit(data.start_date), date_edit(data.end_date)
        for text, widget in (("สถานะ", self.status), ("เหตุผลที่ดำเนินการไม่ได้", self.reason),
                             ("ผลการดำเนินการ (ผลผลิต)", self.output), ("ผลลัพธ์/ผลสัมฤทธิ์", self.outcome),
                             ("วันที่เริ่มดำเนินการ", self.start), ("วันที่ดำเนินการแล้วเสร็จ", self.end)):
            self.form.addRow(text, widget)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.resize(900, 670)  # the reasons hint shows whole

    def _status_changed(self) -> None:
        self.reason.setEnabled(self.status.currentData() == IMPOSSIBLE)

    def value(self) -> ResultInput:
        status = self.status.currentData()
        reason = self.reason.text().strip() if status == IMPOSSIBLE else ""
        if status == IMPOSSIBLE and not reason:
            raise EntryError("ช่อง 'เหตุผลที่ดำเนินการไม่ได้': ต้องกรอกเมื่อสถานะเป็น 'ไม่สามารถดำเนินการได้'")
        texts = self.data
        if self.with_texts:
            texts = ResultInput(self.measure.toPlainText().strip(), self.steps.toPlainText().strip(),
                                self.period.text().strip(), self.responsible.text().strip())
            if not texts.measure:
                raise EntryError("ช่อง 'มาตรการ/โครงการ/กิจกรรม': ว่างไม่ได้")
        return ResultInput(texts.measure, texts.steps, texts.period, texts.responsible,
                           self.output.toPlainText().strip(), self.outcome.toPlainText().strip(), status, reason,
                           read_date(self.start, "วันที่เริ่มดำเนินการ"),
                           read_date(self.end, "วันที่ดำเนินการแล้วเสร็จ"))


class ReportTextsDialog(FormDialog):
    """ข้อความรายงานผล: the report's title, intro and summary (paragraphs separated by a blank line)."""

    def __init__(self, on_save: Callable[[ReportTexts], bool], texts: ReportTexts | None = None,
                 parent: QWidget | None = None):
        super().__init__("ข้อความรายงานผลการดำเนินการ", on_save, parent)
        texts = texts or ReportTexts()
        self.title_edit = QLineEdit(texts.title)
        self.title_edit.setPlaceholderText("เว้นว่างได้: ใช้ชื่อรายงานตามแบบที่เลือก")
        self.intro = multiline(texts.intro, 7)
        self.summary = multiline(texts.summary, 7)
        hint = QLabel("เว้นหนึ่งบรรทัดระหว่างย่อหน้า")
        hint.setStyleSheet("color:#555")
        for text, widget in (("ชื่อรายงาน", self.title_edit), ("บทนำ", self.intro),
                             ("สรุปผลการดำเนินการ", self.summary), ("", hint)):
            self.form.addRow(text, widget)

    def value(self) -> ReportTexts:
        return ReportTexts(self.title_edit.text().strip(), self.intro.toPlainText().strip(),
                           self.summary.toPlainText().strip())
