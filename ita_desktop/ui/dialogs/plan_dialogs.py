"""Forms of the ติดตามแผน tab: a new plan (or a copy of the last cycle's), the plan's title and
objectives, a project with its budgets and nine-part detail, a risk, a year's targets and one
project's line of a monitoring round. Each form checks what it can before closing and names the
field in Thai; the services check again when the change is stored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.core import plan as core_plan
from ita_desktop.core.digits import to_arabic_digits
from ita_desktop.services.monitoring import EntryInput, EntryView
from ita_desktop.services.plans import PlanView, ProjectInput, ProjectView, RiskInput, RiskView, TargetView
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

DETAIL_FIELDS = (
    ("หลักการและเหตุผล", "rationale"),
    ("วัตถุประสงค์", "objectives"),
    ("เป้าหมาย", "target_group"),
    ("วิธีดำเนินการ", "method"),
    ("ระยะเวลาดำเนินการ", "period"),
    ("งบประมาณดำเนินการ", "budget_text"),
    ("ผู้รับผิดชอบโครงการ", "responsible"),
    ("ผลผลิต/ผลลัพธ์", "outputs_outcomes"),
)
MAX_DIALOG_HEIGHT = 680  # fits 1366x768 with the title bar and the task bar
MAX_DIALOG_WIDTH = 1340


class FormDialog(QDialog):
    """A QDialog with a form in a scroll area and บันทึก/ยกเลิก; ``check()`` returns a Thai
    problem (the dialog stays open) or "" (it closes)."""

    def __init__(self, title: str, parent: QWidget | None = None, width: int = 640):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form_widget = QWidget()
        self.form = QFormLayout(self.form_widget)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the form follows the dialog's width
        scroll.setWidget(self.form_widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText("บันทึก")
        self.buttons.button(QDialogButtonBox.Cancel).setText("ยกเลิก")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(width, 300)

    def fit(self) -> None:
        """As tall as the form needs, never taller than the screen allows; long lines show their start."""
        for box in self.form_widget.findChildren(QLineEdit):
            box.setCursorPosition(0)
        wanted = self.form_widget.sizeHint().height() + self.buttons.sizeHint().height() + 48
        self.resize(min(max(self.width(), self._width_for_texts()), MAX_DIALOG_WIDTH), min(wanted, MAX_DIALOG_HEIGHT))

    def _width_for_texts(self) -> int:
        """The width that shows the longest one-line entry whole (a long plan title, a dimension's name)."""
        labels = [self.form.itemAt(row, QFormLayout.LabelRole) for row in range(self.form.rowCount())]
        label_width = max((item.widget().sizeHint().width() for item in labels if item and item.widget()), default=0)
        text_width = max((box.fontMetrics().horizontalAdvance(box.text()) + 16
                          for box in self.form_widget.findChildren(QLineEdit)), default=0)
        return label_width + text_width + self.form.horizontalSpacing() + 80  # margins, frame and scroll bar

    def check(self) -> str:
        return ""

    def accept(self) -> None:
        problem = self.check()
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        super().accept()


def text_box(text: str = "", lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def year_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(2500, 2700)
    box.setValue(value)
    return box


# --- the plan -------------------------------------------------------------------------------


class NewPlanDialog(FormDialog):
    """A new plan: span, title, the four dimensions' names; or a copy of ``source``."""

    def __init__(self, start_year: int, source: PlanView | None = None, parent: QWidget | None = None):
        super().__init__("คัดลอกแผนรอบที่แล้วเป็นแผนใหม่" if source else "สร้างแผนปฏิบัติการป้องกันการทุจริต", parent,
                         width=900)
        self.source = source
        span = (source.end_year - source.start_year + 1) if source else 4
        self.start = year_box(source.end_year + 1 if source else start_year)
        self.end = year_box(self.start.value() + span - 1)
        self.title = QLineEdit()
        self.title.setPlaceholderText("เว้นว่างได้: แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ... - ...)")
        if source:
            span = f"{source.start_year}-{source.end_year}"
            named = span in to_arabic_digits(source.title).replace(" ", "")  # the title names its years already
            shown = source.title if named else f"{source.title} (พ.ศ. {span})"
            self.form.addRow("คัดลอกจาก", ThaiWrapLabel(shown))  # the whole title, wrapped between words
        self.form.addRow("ปีงบประมาณเริ่มต้น (พ.ศ.)", self.start)
        self.form.addRow("ปีงบประมาณสิ้นสุด (พ.ศ.)", self.end)
        self.form.addRow("ชื่อแผน", self.title)
        self.dimensions = [QLineEdit(name) for name in core_plan.NATIONAL_DIMENSIONS]
        if source is None:
            for n, box in enumerate(self.dimensions, 1):
                self.form.addRow(f"ชื่อมิติที่ {n}", box)
        self.fit()

    def check(self) -> str:
        if self.end.value() < self.start.value():
            return "ปีงบประมาณสิ้นสุดต้องไม่ก่อนปีเริ่มต้น"
        if self.end.value() - self.start.value() > 9:
            return "ช่วงของแผนยาวได้ไม่เกิน 10 ปี"
        for n, box in enumerate(self.dimensions, 1):
            if not box.text().strip():
                return f"กรุณากรอกชื่อมิติที่ {n}"
        return ""

    def values(self) -> dict:
        return {"start_year": self.start.value(), "end_year": self.end.value(), "title": self.title.text().strip(),
                "dimension_names": tuple(b.text().strip() for b in self.dimensions)}


class PlanInfoDialog(FormDialog):
    """The plan's title, span and objectives, and the names of its dimensions."""

    def __init__(self, plan: PlanView, parent: QWidget | None = None):
        super().__init__("แก้ไขข้อมูลแผน", parent, width=960)
        self.title = QLineEdit(plan.title)
        self.start = year_box(plan.start_year)
        self.end = year_box(plan.end_year)
        self.objectives = text_box(plan.objectives, 6)
        self.form.addRow("ชื่อแผน", self.title)
        self.form.addRow("ปีงบประมาณเริ่มต้น (พ.ศ.)", self.start)
        self.form.addRow("ปีงบประมาณสิ้นสุด (พ.ศ.)", self.end)
        self.form.addRow("วัตถุประสงค์ของแผน", self.objectives)
        self.dimensions = {}
        for d in plan.dimensions:
            self.dimensions[d.id] = QLineEdit(d.name)
            self.form.addRow(f"ชื่อมิติที่ {d.number}", self.dimensions[d.id])
        self.fit()

    def check(self) -> str:
        if not self.title.text().strip():
            return "กรุณากรอกชื่อแผน"
        if self.end.value() < self.start.value():
            return "ปีงบประมาณสิ้นสุดต้องไม่ก่อนปีเริ่มต้น"
        empty = next((n for n, (_id, box) in enumerate(self.dimensions.items(), 1) if not box.text().strip()), None)
        return f"กรุณากรอกชื่อมิติที่ {empty}" if empty else ""

    def values(self) -> dict:
        return {"title": self.title.text().strip(), "start_year": self.start.value(), "end_year": self.end.value(),
                "objectives": self.objectives.toPlainText().strip()}

    def dimension_names(self) -> dict[int, str]:
        return {dim_id: box.text().strip() for dim_id, box in self.dimensions.items()}


# --- a project ------------------------------------------------------------------------------


def budget_text(amount: float | None) -> str:
    return "" if amount is None else core_plan.format_baht(amount, dash_for_zero=False)


class ProjectDialog(FormDialog):
    """A project, activity, measure or guideline: summary-table fields, e-PlanNACC fields
    (years, quarters, budget per year or ไม่ใช้งบประมาณ, target groups) and the nine-part detail."""

    def __init__(self, plan: PlanView, project: ProjectView | None = None, dimension_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__("แก้ไขโครงการ/กิจกรรม/มาตรการ" if project else "เพิ่มโครงการ/กิจกรรม/มาตรการ", parent,
                         width=1000)
        self.plan, self.project = plan, project
        p = project or ProjectView(0, 0, "", "", "โครงการ", "", ())
        self.name = text_box(p.name, 2)
        self.kind = QComboBox()
        self.kind.addItems(core_plan.KINDS)
        self.kind.setCurrentText(p.kind or "โครงการ")
        self.code = QLineEdit(p.code)
        self.dimension = QComboBox()
        for d in plan.dimensions:
            self.dimension.addItem(f"มิติที่ {d.number} {d.name}", d.id)
        chosen = project.dimension_id if project else dimension_id
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(chosen)))
        self.form.addRow("ชื่อโครงการ/กิจกรรม/มาตรการ", self.name)
        self.form.addRow("ประเภท", self.kind)
        self.form.addRow("ลำดับที่", self.code)
        self.form.addRow("มิติ", self.dimension)
        self._years_and_budgets(p)
        self._quarters(p)
        self._target_groups(p)
        self.details = {}
        for label, field in DETAIL_FIELDS:
            self.details[field] = text_box(getattr(p, field), 3)
            self.form.addRow(label, self.details[field])
        self.remark = QLineEdit(p.remark)
        self.form.addRow("หมายเหตุ", self.remark)
        self.resize(self.width(), MAX_DIALOG_HEIGHT)

    def _years_and_budgets(self, p: ProjectView) -> None:
        grid = QGridLayout()
        self.year_ticks, self.budgets = {}, {}
        runs = set(p.years) if self.project else set(self.plan.years)
        amounts = dict(p.budgets)
        for col, year in enumerate(self.plan.years):
            self.year_ticks[year] = QCheckBox(f"ปี {year}", checked=year in runs)
            self.budgets[year] = QLineEdit(budget_text(amounts.get(year)))
            self.budgets[year].setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.budgets[year].setPlaceholderText("บาท")
            grid.addWidget(self.year_ticks[year], 0, col)
            grid.addWidget(self.budgets[year], 1, col)
        self.no_budget = QCheckBox(core_plan.NO_BUDGET_TEXT, checked=p.no_budget)
        self.no_budget.toggled.connect(self._no_budget_toggled)
        self._no_budget_toggled(p.no_budget)
        self.form.addRow("ปีที่ดำเนินการ / งบประมาณ (บาท)", _wrap(grid))
        self.form.addRow("", self.no_budget)

    def _no_budget_toggled(self, on: bool) -> None:
        for box in self.budgets.values():
            box.setEnabled(not on)

    def _quarters(self, p: ProjectView) -> None:
        row = QHBoxLayout()
        self.quarter_ticks = {q: QCheckBox(f"ไตรมาสที่ {q}", checked=q in p.quarters) for q in (1, 2, 3, 4)}
        for box in self.quarter_ticks.values():
            row.addWidget(box)
        row.addStretch(1)
        self.form.addRow("ไตรมาส", _wrap(row))

    def _target_groups(self, p: ProjectView) -> None:
        grid = QGridLayout()
        self.group_ticks = {}
        for n, group in enumerate(core_plan.TARGET_GROUPS):
            self.group_ticks[group] = QCheckBox(group, checked=group in p.target_groups)
            grid.addWidget(self.group_ticks[group], n // 3, n % 3)
        self.form.addRow("กลุ่มเป้าหมาย", _wrap(grid))

    def _parsed_budgets(self) -> tuple[dict[int, float], bool, str]:
        """(budgets, no budget, problem)."""
        if self.no_budget.isChecked():
            return {}, True, ""
        budgets, no_budget = {}, False
        for year, box in self.budgets.items():
            try:
                value = core_plan.parse_budget(box.text())
            except core_plan.BudgetTextError as exc:
                return {}, False, f"ช่องงบประมาณปี {year}: {exc}"
            if value is core_plan.NO_BUDGET:
                no_budget = True
            elif value is not None:
                budgets[year] = value
        if no_budget and any(budgets.values()):
            return {}, False, f"ระบุว่า{core_plan.NO_BUDGET_TEXT}ในบางปี แต่มีจำนวนเงินในปีอื่น"
        return budgets, no_budget, ""

    def check(self) -> str:
        if not self.name.toPlainText().strip():
            return "กรุณากรอกชื่อโครงการ/กิจกรรม/มาตรการ"
        budgets, _no, problem = self._parsed_budgets()
        if problem:
            return problem
        if not any(t.isChecked() for t in self.year_ticks.values()):
            return "กรุณาเลือกปีที่ดำเนินการอย่างน้อยหนึ่งปี"
        unticked = [y for y in budgets if budgets[y] and not self.year_ticks[y].isChecked()]
        if unticked:
            return f"มีงบประมาณปี {unticked[0]} แต่ไม่ได้เลือกว่าดำเนินการในปีนั้น"
        return ""

    def values(self) -> ProjectInput:
        budgets, no_budget, _problem = self._parsed_budgets()
        years = tuple(y for y, t in self.year_ticks.items() if t.isChecked())
        return ProjectInput(
            name=" ".join(self.name.toPlainText().split()), kind=self.kind.currentText(), code=self.code.text().strip(),
            remark=self.remark.text().strip(), budgets=budgets, no_budget=no_budget,
            years=() if years == self.plan.years else years,
            quarters=tuple(q for q, t in self.quarter_ticks.items() if t.isChecked()),
            target_groups=tuple(g for g, t in self.group_ticks.items() if t.isChecked()),
            **{field: box.toPlainText().strip() for field, box in self.details.items()},
        )

    def dimension_id(self) -> int:
        return self.dimension.currentData()


def _wrap(layout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget


# --- a risk and a year's targets ------------------------------------------------------------

RISK_LEVELS = ("ต่ำ", "กลาง", "สูง")  # as seed 004 grades them


class RiskDialog(FormDialog):
    def __init__(self, risk: RiskView | None = None, parent: QWidget | None = None):
        super().__init__("แก้ไขความเสี่ยงการทุจริต" if risk else "เพิ่มความเสี่ยงการทุจริต", parent, width=720)
        self.process = text_box(risk.process if risk else "", 2)
        self.risk = text_box(risk.risk if risk else "", 4)
        self.level = QComboBox(editable=True)
        self.level.addItems(RISK_LEVELS)
        self.level.setCurrentText(risk.level if risk else "")
        self.controls = text_box(risk.controls if risk else "", 4)
        self.form.addRow("ขั้นตอนการดำเนินงาน", self.process)
        self.form.addRow("ประเด็นความเสี่ยงการทุจริต", self.risk)
        self.form.addRow("ระดับความเสี่ยง", self.level)
        self.form.addRow("มาตรการควบคุมความเสี่ยง", self.controls)
        self.fit()

    def check(self) -> str:
        return "" if self.process.toPlainText().strip() else "กรุณากรอกขั้นตอนการดำเนินงาน"

    def values(self) -> RiskInput:
        return RiskInput(self.process.toPlainText().strip(), self.risk.toPlainText().strip(),
                         self.level.currentText().strip(), self.controls.toPlainText().strip())


def percent_value(text: str, what: str) -> tuple[float | None, str]:
    """(value, problem) of a 0-100 entry; empty is None."""
    text = to_arabic_digits(text or "").strip().replace(",", "")
    if not text:
        return None, ""
    try:
        value = float(text)
    except ValueError:
        return None, f"ช่อง '{what}': '{text}' ไม่ใช่ตัวเลข"
    if not 0 <= value <= 100:
        return None, f"ช่อง '{what}': ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ {value:g})"
    return value, ""


class TargetDialog(FormDialog):
    """The plan's targets for one year: ITA score, percent fewer corruption cases, free text."""

    def __init__(self, year: int, target: TargetView | None = None, parent: QWidget | None = None):
        super().__init__(f"ค่าเป้าหมายปี {year}", parent, width=560)
        self.ita = QLineEdit("" if not target or target.ita_target is None else f"{target.ita_target:g}")
        self.fewer = QLineEdit("" if not target or target.fewer_cases_percent is None
                               else f"{target.fewer_cases_percent:g}")
        self.other = text_box(target.other if target else "", 3)
        self.form.addRow("คะแนน ITA เป้าหมาย", self.ita)
        self.form.addRow("ร้อยละคดีทุจริตที่ลดลง", self.fewer)
        self.form.addRow("เป้าหมายอื่น", self.other)
        self.fit()

    def check(self) -> str:
        return percent_value(self.ita.text(), "คะแนน ITA เป้าหมาย")[1] or \
            percent_value(self.fewer.text(), "ร้อยละคดีทุจริตที่ลดลง")[1]

    def values(self) -> tuple[float | None, float | None, str]:
        return (percent_value(self.ita.text(), "")[0], percent_value(self.fewer.text(), "")[0],
                self.other.toPlainText().strip())


# --- a project's line of a monitoring round -------------------------------------------------


class EntryDialog(FormDialog):
    """One project's line of a round, as e-PlanNACC asks for it."""

    def __init__(self, entry: EntryView, parent: QWidget | None = None):
        super().__init__(f"รายงานผล: {entry.project_name}", parent, width=920)
        self.entry = entry
        self.status = QComboBox()
        self.status.addItems(["(ยังไม่รายงาน)", *core_plan.STATUSES])
        self.status.setCurrentText(entry.status or "(ยังไม่รายงาน)")
        self.amounts = {}
        for field, label in (("budget_in_plan", "งบประมาณตามแผนพัฒนา (บาท)"),
                             ("budget_in_act", "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)"),
                             ("disbursed", "เบิกจ่ายจริง (บาท)")):
            self.amounts[field] = QLineEdit(budget_text(getattr(entry, field)))
            self.amounts[field].setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.form.addRow(label, self.amounts[field])
        self.no_budget = QCheckBox(core_plan.NO_BUDGET_TEXT, checked=entry.no_budget)
        self.in_act_plan = QCheckBox(core_plan.IN_ACT_PLAN, checked=entry.in_act_plan)
        self.reason = QComboBox()
        self.reason.addItems(["", *core_plan.REASONS])
        self.reason.setCurrentText(entry.reason)
        self.reason_text = QLineEdit(entry.reason_text)
        self.reason_text.setPlaceholderText("ระบุเหตุผลเมื่อเลือก อื่นๆ")
        self.remark = text_box(entry.remark, 2)
        self.form.insertRow(0, "สถานะ", self.status)
        self.form.addRow("", self.no_budget)
        self.form.addRow("", self.in_act_plan)
        self.form.addRow("เหตุที่ไม่สามารถดำเนินการได้", self.reason)
        self.form.addRow("เหตุผลอื่น", self.reason_text)
        self.form.addRow("หมายเหตุ", self.remark)
        self.status.currentTextChanged.connect(self._status_chosen)
        self._status_chosen(self.status.currentText())
        self.fit()

    def _status_chosen(self, status: str) -> None:
        possible = status != core_plan.STATUS_NOT_POSSIBLE
        self.reason.setEnabled(not possible)
        self.reason_text.setEnabled(not possible)

    def _amounts(self) -> tuple[dict, str]:
        values = {}
        labels = {"budget_in_plan": "งบประมาณตามแผนพัฒนา", "budget_in_act": "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ",
                  "disbursed": "เบิกจ่ายจริง"}
        for field, box in self.amounts.items():
            try:
                value = core_plan.parse_budget(box.text())
            except core_plan.BudgetTextError as exc:
                return {}, f"ช่อง '{labels[field]}': {exc}"
            values[field] = None if value is core_plan.NO_BUDGET else value
        return values, ""

    def check(self) -> str:
        problem = self._amounts()[1]
        if problem:
            return problem
        if self.status.currentText() == core_plan.STATUS_NOT_POSSIBLE:
            if not self.reason.currentText():
                return "สถานะไม่สามารถดำเนินการได้: กรุณาเลือกเหตุที่ไม่สามารถดำเนินการได้"
            if self.reason.currentText() == core_plan.REASON_OTHER and not self.reason_text.text().strip():
                return "เลือกเหตุ 'อื่นๆ' แล้ว กรุณาระบุเหตุผล"
        return ""

    def values(self) -> EntryInput:
        amounts, _problem = self._amounts()
        status = self.status.currentText() if self.status.currentIndex() > 0 else ""
        not_possible = status == core_plan.STATUS_NOT_POSSIBLE
        reason = self.reason.currentText() if not_possible else ""
        return EntryInput(
            status=status, no_budget=self.no_budget.isChecked(), in_act_plan=self.in_act_plan.isChecked(),
            reason=reason, reason_text=self.reason_text.text().strip() if reason == core_plan.REASON_OTHER else "",
            remark=self.remark.toPlainText().strip(), **amounts,
        )
