"""Forms of the มาตรการ tab: one measure (add or edit), the measures proposed from the analysis
(the clerk ticks which to make), and carrying unfinished measures into the next fiscal year.

A form does not store anything itself: ``on_save(value)`` (the tab's ``ops.change``) does, and the
form closes only when it returns True, so a refused entry keeps what the clerk typed.
"""

from __future__ import annotations

import re
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services.measures import MeasureInput, MeasureView
from ita_desktop.ui.models.measure_models import MEASURE_CATEGORIES, issue_text
from ita_desktop.ui.models.table import EntryError, date_text, date_value
from ita_desktop.ui.widgets.cell_editors import DATE_HINT
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel
from ita_desktop.ui.models import roles

MAX_SIZE = (1000, 680)  # every form fits a 1366x768 screen with its buttons
CATEGORY_CHOICES = (("", "ไม่ระบุ"),) + tuple((code, title) for code, (title, _) in MEASURE_CATEGORIES.items())


def multiline(text: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def date_edit(value: str | None) -> QLineEdit:
    edit = QLineEdit(date_text(value))
    edit.setPlaceholderText(DATE_HINT)
    edit.setToolTip(DATE_HINT)
    edit.setMaximumWidth(max(180, edit.fontMetrics().horizontalAdvance(DATE_HINT) + 24))  # the hint shows whole
    return edit


def read_date(edit: QLineEdit, label: str) -> str | None:
    """The ISO (CE) date typed as a Buddhist-era date; EntryError naming ``label`` otherwise."""
    try:
        value = date_value(edit.text())
    except EntryError as exc:
        raise EntryError(f"ช่อง '{label}': \"{edit.text()}\" ใช้ไม่ได้ เพราะ{exc}") from None
    return value.isoformat() if value else None


def thai_buttons(box: QDialogButtonBox) -> None:
    for role, text in ((QDialogButtonBox.Save, "บันทึก"), (QDialogButtonBox.Cancel, "ยกเลิก"),
                       (QDialogButtonBox.Ok, "ตกลง")):
        button = box.button(role)
        if button is not None:
            button.setText(text)


class FormDialog(QDialog):
    """A form in a scroll area with บันทึก/ยกเลิก; บันทึก calls :meth:`value` then ``on_save``."""

    def __init__(self, title: str, on_save: Callable[[object], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.on_save = on_save
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        inner = QWidget()
        inner.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        thai_buttons(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.setMaximumSize(*MAX_SIZE)
        self.resize(900, 640)

    def value(self):
        raise NotImplementedError

    def save(self) -> None:
        try:
            value = self.value()
        except EntryError as exc:
            QMessageBox.warning(self, "ข้อมูลไม่ถูกต้อง", str(exc))
            return
        if self.on_save(value):
            self.accept()


class MeasureDialog(FormDialog):
    """เพิ่ม/แก้ไขมาตรการ: issue, items and indicators, measure, steps, responsible divisions
    (chosen from the office profile or typed), period and deadline (Buddhist era), reporting, category."""

    def __init__(self, title: str, divisions: tuple[str, ...], on_save: Callable[[MeasureInput], bool],
                 data: MeasureInput | None = None, parent: QWidget | None = None):
        super().__init__(title, on_save, parent)
        data = data or MeasureInput()
        self.tool = data.tool
        self.issue = multiline(data.issue, 3)
        self.items = QLineEdit(" ".join(data.items))
        self.items.setPlaceholderText("รหัสข้อคำถาม คั่นด้วยช่องว่าง เช่น i1 e6 o10")
        self.indicators = QLineEdit(" ".join(str(n) for n in data.indicators))
        self.indicators.setPlaceholderText("เลขตัวชี้วัด คั่นด้วยช่องว่าง เช่น 1 9")
        self.measure = multiline(data.measure, 2)
        self.steps = multiline(data.steps, 5)
        self.steps.setPlaceholderText("หนึ่งขั้นตอนต่อหนึ่งบรรทัด เช่น 1. ประชุมชี้แจง")
        self.responsible = QLineEdit(data.responsible)
        self.responsible.setPlaceholderText("เลือกจากรายชื่อส่วนราชการ หรือพิมพ์เอง")
        self.reporting = multiline(data.reporting, 3)
        self.period = QLineEdit(data.period)
        self.period.setPlaceholderText("เช่น ตุลาคม 2567 - กันยายน 2568 (เว้นว่างได้ถ้ากรอกวันที่)")
        self.period_start, self.period_end = date_edit(data.period_start), date_edit(data.period_end)
        self.deadline = date_edit(data.deadline)
        self.category = QComboBox()
        for code, title_th in CATEGORY_CHOICES:
            self.category.addItem(title_th, code)
        self.category.setCurrentIndex(max(0, self.category.findData(data.category)))
        rows = (("ประเด็นที่ต้องปรับปรุงแก้ไข/พัฒนา", self.issue), ("ข้อคำถาม", self.items),
                ("ตัวชี้วัด", self.indicators), ("ประเภท", self.category), ("มาตรการ", self.measure),
                ("ขั้นตอนหรือวิธีการ", self.steps), ("ผู้รับผิดชอบ", self._responsible_row(divisions)),
                ("ระยะเวลาดำเนินการ", self.period), ("วันเริ่มต้น", self.period_start),
                ("วันสิ้นสุด", self.period_end), ("กำหนดเวลาแล้วเสร็จ", self.deadline),
                ("การรายงานผลและการกำกับติดตาม", self.reporting))
        for label, widget in rows:
            self.form.addRow(label, widget)

    def _responsible_row(self, divisions: tuple[str, ...]) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.responsible, 1)
        self.division_button = QToolButton()
        self.division_button.setText("เลือกส่วนราชการ")
        self.division_button.setPopupMode(QToolButton.InstantPopup)
        self.division_button.setMinimumWidth(self.division_button.sizeHint().width() + 16)
        menu = QMenu(self.division_button)
        for name in divisions:
            menu.addAction(name, lambda n=name: self.add_division(n))
        self.division_button.setMenu(menu)
        self.division_button.setEnabled(bool(divisions))
        if not divisions:
            self.division_button.setToolTip("ยังไม่มีรายชื่อส่วนราชการในข้อมูลหน่วยงาน (แฟ้ม → ข้อมูลหน่วยงาน)")
        row.addWidget(self.division_button)
        return box

    def add_division(self, name: str) -> None:
        words = self.responsible.text().split()
        if name not in words:
            self.responsible.setText(" ".join(words + [name]))

    def value(self) -> MeasureInput:
        indicators = tuple(int(x) if x.isdigit() else x for x in re.split(r"[\s,]+", self.indicators.text()) if x)
        return MeasureInput(
            issue=self.issue.toPlainText().strip(), measure=self.measure.toPlainText().strip(),
            steps=self.steps.toPlainText().strip(), responsible=self.responsible.text().strip(),
            reporting=self.reporting.toPlainText().strip(), period=self.period.text().strip(),
            period_start=read_date(self.period_start, "วันเริ่มต้น"),
            period_end=read_date(self.period_end, "วันสิ้นสุด"),
            deadline=read_date(self.deadline, "กำหนดเวลาแล้วเสร็จ"),
            category=self.category.currentData(), tool=self.tool,
            items=tuple(x for x in re.split(r"[\s,]+", self.items.text()) if x), indicators=indicators)


class ChecklistDialog(QDialog):
    """A list of ticked rows (all ticked at first) with เลือกทั้งหมด/ไม่เลือกเลย and ตกลง/ยกเลิก."""

    def __init__(self, title: str, intro: str, rows: list[tuple[str, object, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        for text, data, tip in rows:
            item = QListWidgetItem(text)
            item.setData(roles.USER, data)
            item.setToolTip(tip)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.list.addItem(item)
        label = ThaiWrapLabel(intro)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(label)
        self.layout_.addWidget(self.list, 1)
        ticks = QHBoxLayout()
        for text, state in (("เลือกทั้งหมด", Qt.Checked), ("ไม่เลือกเลย", Qt.Unchecked)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=state: self.tick_all(s))
            ticks.addWidget(button)
        ticks.addStretch(1)
        self.layout_.addLayout(ticks)
        self.extra = QVBoxLayout()
        self.layout_.addLayout(self.extra)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        thai_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.setMaximumSize(*MAX_SIZE)
        self.resize(860, 600)

    def tick_all(self, state) -> None:
        for n in range(self.list.count()):
            self.list.item(n).setCheckState(state)

    def chosen(self) -> list:
        return [self.list.item(n).data(roles.USER) for n in range(self.list.count())
                if self.list.item(n).checkState() == Qt.Checked]


def proposal_dialog(proposals, keys: list[str], target_year: int, based_on_year: int,
                    parent: QWidget | None = None) -> ChecklistDialog:
    """จัดทำมาตรการจากผลการวิเคราะห์: one ticked row per proposal (its key as data)."""
    rows = []
    for p, key in zip(proposals, keys):
        category = MEASURE_CATEGORIES.get(p.category, ("",))[0]
        first = p.steps.split("\n")[0] if p.steps else "(ยังไม่มีแนวทางการพัฒนา)"
        code = " ".join(p.items)  # item codes are official words; indicators name themselves
        rows.append((f"{code} {p.issue}".strip() + f"\n    แนวทาง: {first}", key, category))
    dialog = ChecklistDialog(
        "จัดทำมาตรการจากผลการวิเคราะห์",
        f"ข้อคำถามและตัวชี้วัดที่ต่ำกว่าเกณฑ์หรือควรพัฒนา จากผลการประเมินปีงบประมาณ พ.ศ. {based_on_year} "
        f"เลือกรายการที่จะจัดทำเป็นมาตรการของปีงบประมาณ พ.ศ. {target_year} "
        "(แนวทางการพัฒนาจะเป็นขั้นตอนแรกของมาตรการ แก้ไขภายหลังได้)", rows, parent)
    return dialog


class CarryOverDialog(ChecklistDialog):
    """ยกมาตรการที่ยังไม่แล้วเสร็จไปปีงบประมาณถัดไป: which measures, and copy or move."""

    def __init__(self, measures: tuple[MeasureView, ...], year: int, parent: QWidget | None = None):
        rows = [(issue_text(m) or m.measure, m.id, m.steps) for m in measures]
        super().__init__("ยกมาตรการไปปีงบประมาณถัดไป",
                         f"มาตรการของปีงบประมาณ พ.ศ. {year} ที่ยังไม่แล้วเสร็จ เลือกรายการที่จะยกไป"
                         f"ปีงบประมาณ พ.ศ. {year + 1}", rows, parent)
        self.copy = QRadioButton("คัดลอก (มาตรการเดิมยังอยู่ในปีนี้)")
        self.move_radio = QRadioButton("ย้าย (นำออกจากปีนี้)")
        self.copy.setChecked(True)
        self.extra.addWidget(self.copy)
        self.extra.addWidget(self.move_radio)
