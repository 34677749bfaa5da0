"""The first-run wizard: the office, divisions, signatories, Garuda image, pass line, then how to start.

Sized for a 1366x768 screen (every page fits in ``MAX_SIZE``). Nothing is written before the
last page: on เสร็จสิ้น the office profile, its pass line and the Garuda image are saved through
the services, and ``choice`` tells the main window what to do next (an empty start, an import of
a score sheet, or the sample data)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QMessageBox,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ita_desktop.core.criteria import DEFAULT_PASS_LINE
from ita_desktop.services import offices, queries, settings
from ita_desktop.services.changes import OFFICES, SETTINGS, Changes
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

# A 1366x768 screen less the Windows taskbar and the window frame.
MAX_SIZE = QSize(1366, 768 - 40 - 32)
EMPTY, IMPORT, SAMPLE = "empty", "import", "sample"
ROLE_LABELS = {
    "clerk": "ผู้จัดทำ (ผู้เสนอบันทึก)",
    "head_of_office": "หัวหน้าสำนักปลัด",
    "chief_administrator": "ปลัด",
    "mayor": "นายก",
}
PAGE_OFFICE, PAGE_DIVISIONS, PAGE_SIGNATORIES, PAGE_GARUDA, PAGE_PASS_LINE, PAGE_START = range(6)


def _heading(layout: QVBoxLayout, title: str, subtitle: str) -> None:
    """The page's title and explanation above its fields, wrapped between Thai words (QWizard's own
    title and subtitle labels would break a line inside a word)."""
    heading = ThaiWrapLabel(title)
    heading.setObjectName("wizardTitle")
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.25)
    heading.setFont(font)
    layout.addWidget(heading)
    note = ThaiWrapLabel(subtitle)
    note.setObjectName("wizardSubtitle")
    layout.addWidget(note)
    layout.addSpacing(8)


def _page(title: str, subtitle: str, name: str) -> tuple[QWizardPage, QVBoxLayout]:
    """A page with its title and explanation; its fields go into the returned layout."""
    page = QWizardPage()
    page.setObjectName(name)
    layout = QVBoxLayout(page)
    _heading(layout, title, subtitle)
    return page, layout


class OfficePage(QWizardPage):
    """Page 1: the office; a clerk who only wants to try the program can skip to the sample data."""

    def __init__(self, wizard: "FirstRunWizard"):
        super().__init__()
        self.wiz = wizard
        self.setObjectName("wizardOfficePage")
        outer = QVBoxLayout(self)
        _heading(outer, "ยินดีต้อนรับสู่ ITA Desktop: ข้อมูลหน่วยงาน",
                 "กรอกข้อมูลหน่วยงานของท่าน (แก้ไขได้ภายหลังที่ แฟ้ม → ข้อมูลหน่วยงาน)")
        form = QFormLayout()
        outer.addLayout(form)
        self.name = QLineEdit(placeholderText="เช่น องค์การบริหารส่วนตำบลตะโกทอง หรือ อบต.ตะโกทอง")
        self.name.setObjectName("wizardOfficeName")
        self.kind = QComboBox()
        self.kind.addItems(offices.KINDS)
        self.district, self.province = QLineEdit(), QLineEdit()
        self.website, self.phone = QLineEdit(), QLineEdit()
        for label, widget in [("ชื่อหน่วยงาน *", self.name), ("ประเภท", self.kind), ("อำเภอ", self.district),
                              ("จังหวัด", self.province), ("เว็บไซต์", self.website), ("โทรศัพท์", self.phone)]:
            form.addRow(label, widget)
        self.skip = QPushButton("ข้ามไปใช้ข้อมูลตัวอย่าง")
        self.skip.setObjectName("wizardSkipToSample")
        self.skip.setToolTip("ทดลองใช้โปรแกรมกับข้อมูลจากเอกสารจริงของ อบต. และเทศบาล โดยยังไม่กรอกข้อมูลหน่วยงาน")
        self.skip.clicked.connect(wizard.skip_to_sample)
        form.addRow("", self.skip)

    def validatePage(self) -> bool:
        if self.wiz.skipping or self.name.text().strip():
            return True
        QMessageBox.warning(self, "ข้อมูลหน่วยงาน", "กรุณากรอกชื่อหน่วยงาน (ช่อง 'ชื่อหน่วยงาน' ว่างอยู่) "
                                                   "หรือกด 'ข้ามไปใช้ข้อมูลตัวอย่าง'")
        return False

    def nextId(self) -> int:
        return PAGE_START if self.wiz.skipping else PAGE_DIVISIONS


class GarudaPage(QWizardPage):
    """The Garuda image memos print: a preview and the size it will print at."""

    def __init__(self):
        super().__init__()
        self.setObjectName("wizardGarudaPage")
        layout = QVBoxLayout(self)
        _heading(layout, "ภาพตราครุฑสำหรับบันทึกข้อความ",
                 "เลือกไฟล์ภาพตราครุฑ (ไฟล์ .png หรือ .jpg) ถ้ายังไม่มี บันทึกข้อความจะเว้นที่ว่างไว้")
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("wizardGarudaPath")
        self.path.textChanged.connect(self.update_preview)
        pick = QPushButton("เลือกไฟล์...")
        pick.setToolTip("เลือกไฟล์ภาพตราครุฑที่จะพิมพ์ที่มุมบนซ้ายของบันทึกข้อความ")
        pick.clicked.connect(self._pick)
        row.addWidget(self.path)
        row.addWidget(pick)
        layout.addLayout(row)
        self.preview = QLabel()
        self.preview.setObjectName("wizardGarudaPreview")
        self.preview.setFixedSize(160, 160)
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #999; background: white;")
        self.size_note = ThaiWrapLabel()
        self.size_note.setObjectName("wizardGarudaSize")
        layout.addWidget(self.preview)
        layout.addWidget(self.size_note)
        layout.addStretch(1)
        self.update_preview()

    def _pick(self) -> None:
        path = file_dialogs.get_open_file(self, "เลือกภาพตราครุฑ", "", "รูปภาพ (*.png *.jpg *.jpeg)")
        if path:
            self.path.setText(path)

    def update_preview(self) -> None:
        path = self.path.text().strip()
        pixmap = QPixmap(path) if path else QPixmap()
        if not path:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("(ยังไม่ได้เลือกภาพ)")
            self.size_note.setText("บันทึกข้อความจะเว้นที่ว่างขนาด 1.5 × 1.5 ซม. ไว้แทนตราครุฑ")
            return
        problem = settings.garuda_problem(path)
        if pixmap.isNull() or problem:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("(เปิดภาพไม่ได้)")
            self.size_note.setText(problem or f"อ่านไฟล์ภาพไม่ได้: {path}")
            return
        self.preview.setPixmap(pixmap.scaled(self.preview.size() - QSize(8, 8), Qt.KeepAspectRatio,
                                             Qt.SmoothTransformation))
        width_cm, height_cm = settings.garuda_print_size_cm(pixmap.width(), pixmap.height())
        dpi = pixmap.width() / (width_cm / 2.54) if width_cm else 0
        self.size_note.setText(
            f"ภาพขนาด {pixmap.width()} × {pixmap.height()} พิกเซล จะพิมพ์กว้าง {width_cm:.2f} ซม. "
            f"สูง {height_cm:.2f} ซม. ({dpi:.0f} จุดต่อนิ้ว)"
            + ("" if dpi >= 150 else " ภาพละเอียดน้อย อาจพิมพ์ออกมาไม่คมชัด ควรใช้ภาพอย่างน้อย 150 จุดต่อนิ้ว"))

    def validatePage(self) -> bool:
        path = self.path.text().strip()
        problem = settings.garuda_problem(path) if path else None
        if problem:
            QMessageBox.warning(self, "ภาพตราครุฑ", f"ภาพตราครุฑ: {problem}")
            return False
        return True


class FirstRunWizard(QWizard):
    """The first start. After exec(): ``saved`` (the office or None) and ``choice`` (empty/import/sample)."""

    def __init__(self, ctx, parent: QWidget | None = None, ops=None):
        super().__init__(parent)
        from ita_desktop.ui.operations import Operations

        self.ctx = ctx
        self.ops = ops or Operations(ctx, self)
        self.saved: offices.OfficeProfile | None = None
        self.choice = EMPTY
        self.skipping = False
        self.setObjectName("firstRunWizard")
        self.setWindowTitle("เริ่มใช้งาน ITA Desktop")
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        for button, text in [(QWizard.BackButton, "< ย้อนกลับ"), (QWizard.NextButton, "ถัดไป >"),
                             (QWizard.FinishButton, "เสร็จสิ้น"), (QWizard.CancelButton, "ยกเลิก"),
                             (QWizard.CommitButton, "ยืนยัน"), (QWizard.HelpButton, "ช่วยเหลือ")]:
            self.setButtonText(button, text)
        self.office_page = OfficePage(self)
        self.setPage(PAGE_OFFICE, self.office_page)
        self.setPage(PAGE_DIVISIONS, self._divisions_page())
        self.setPage(PAGE_SIGNATORIES, self._signatories_page())
        self.garuda_page = GarudaPage()
        self.setPage(PAGE_GARUDA, self.garuda_page)
        self.setPage(PAGE_PASS_LINE, self._pass_line_page())
        self.setPage(PAGE_START, self._start_page())
        self.currentIdChanged.connect(self._page_changed)
        self.setMaximumSize(MAX_SIZE)
        self.resize(self.sizeHint().boundedTo(MAX_SIZE).expandedTo(QSize(720, 520)))

    # -- pages -----------------------------------------------------------------------------
    def _divisions_page(self) -> QWizardPage:
        page, layout = _page("กอง/สำนัก", "หนึ่งบรรทัดต่อหนึ่งกอง ใช้ในมาตรการและแผน (เว้นว่างได้)", "wizardDivisionsPage")
        self.divisions = QPlainTextEdit(placeholderText="เช่น\nสำนักปลัด\nกองคลัง\nกองช่าง\nกองการศึกษา ศาสนาและวัฒนธรรม")
        self.divisions.setObjectName("wizardDivisions")
        layout.addWidget(self.divisions)
        return page

    def _signatories_page(self) -> QWizardPage:
        page, layout = _page("ผู้ลงนามในบันทึกข้อความ", "ชื่อและตำแหน่งตามที่จะพิมพ์ใต้ลายมือชื่อ (เว้นว่างได้)",
                             "wizardSignatoriesPage")
        grid = QGridLayout()
        layout.addLayout(grid, 1)
        grid.addWidget(QLabel("ชื่อ-สกุล"), 0, 1)
        grid.addWidget(QLabel("ตำแหน่ง"), 0, 2)
        self.sig_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for row, role in enumerate(offices.ROLES, start=1):
            name, position = QLineEdit(), QLineEdit()
            name.setObjectName(f"wizardSignatoryName_{role}")
            grid.addWidget(QLabel(ROLE_LABELS[role]), row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(position, row, 2)
            self.sig_edits[role] = (name, position)
        grid.setRowStretch(len(offices.ROLES) + 1, 1)
        return page

    def _pass_line_page(self) -> QWizardPage:
        page, layout = _page("เกณฑ์ผ่าน", "คะแนนที่ถือว่าผ่าน ตัวชี้วัดและข้อคำถามที่ต่ำกว่านี้จะแสดงในแท็บวิเคราะห์จุดอ่อน",
                             "wizardPassLinePage")
        form = QFormLayout()
        layout.addLayout(form)
        layout.addStretch(1)
        self.pass_line = QDoubleSpinBox()
        self.pass_line.setObjectName("wizardPassLine")
        self.pass_line.setRange(0, 100)
        self.pass_line.setDecimals(2)
        self.pass_line.setSuffix(" คะแนน")
        self.pass_line.setValue(self.catalog_pass_line())
        form.addRow("เกณฑ์ผ่าน", self.pass_line)
        note = ThaiWrapLabel(f"ค่าตามเกณฑ์การประเมินของสำนักงาน ป.ป.ช. คือ {self.catalog_pass_line():g} คะแนน")
        form.addRow("", note)
        return page

    def _start_page(self) -> QWizardPage:
        page, layout = _page("เริ่มต้นใช้งาน", "เลือกวิธีเริ่มต้น", "wizardStartPage")
        self.start_group = QButtonGroup(page)
        self.start_buttons: dict[str, QRadioButton] = {}
        for key, text in [(EMPTY, "เริ่มจากฐานข้อมูลว่าง (กรอกหรือนำเข้าคะแนนภายหลัง)"),
                          (IMPORT, "นำเข้าคะแนนจากไฟล์ Excel ทันที"),
                          (SAMPLE, "โหลดข้อมูลตัวอย่างจากเอกสารจริงของ อบต. และเทศบาล เพื่อทดลองใช้")]:
            button = QRadioButton(text)
            button.setObjectName(f"wizardStart_{key}")
            self.start_group.addButton(button)
            self.start_buttons[key] = button
            layout.addWidget(button)
        self.start_buttons[EMPTY].setChecked(True)
        layout.addStretch(1)
        return page

    # -- behaviour -------------------------------------------------------------------------
    def catalog_pass_line(self) -> float:
        """The pass line of the newest criteria year (the default offered)."""
        years = queries.list_years(self.ctx)
        return queries.get_criteria(self.ctx, years[-1]).pass_line if years else DEFAULT_PASS_LINE

    def skip_to_sample(self) -> None:
        self.skipping = True
        self.start_buttons[SAMPLE].setChecked(True)
        self.next()

    def _page_changed(self, page_id: int) -> None:
        if page_id == PAGE_OFFICE:  # back on the first page: the clerk may fill the office in after all
            self.skipping = False

    def chosen_start(self) -> str:
        return next(key for key, button in self.start_buttons.items() if button.isChecked())

    def profile(self) -> offices.OfficeProfile:
        p = self.office_page
        sigs = tuple(offices.SignatoryInfo(role, name.text(), position.text(), ())
                     for role, (name, position) in self.sig_edits.items()
                     if name.text().strip() or position.text().strip())
        return offices.OfficeProfile(
            id=None, name=p.name.text(), kind=p.kind.currentText(), district=p.district.text(),
            province=p.province.text(), website=p.website.text(), phone=p.phone.text(), memo_unit="",
            memo_number_prefix="", garuda_path=self.garuda_page.path.text().strip(),
            divisions=tuple(x.strip() for x in self.divisions.toPlainText().splitlines() if x.strip()),
            signatories=sigs)

    def accept(self) -> None:
        """Save what was entered (unless the office was skipped), then close with ``choice`` set."""
        self.choice = self.chosen_start()
        if not (self.skipping and not self.office_page.name.text().strip()):
            line, profile = self.pass_line.value(), self.profile()

            def save(ctx):
                settings.parse_pass_line(line)
                saved = offices.save_office(ctx, profile)
                values = {settings.pass_line_key(saved.id): f"{float(line):g}"}
                if saved.garuda_path:
                    values[settings.GARUDA_IMAGE] = saved.garuda_path
                settings.set_many(ctx, values, saved.id)
                return saved

            done, saved = self.ops.change(save, changes=Changes.of(OFFICES, SETTINGS), label="บันทึกข้อมูลหน่วยงาน",
                                          parent=self)
            if not done:
                return  # the Thai message was shown; the wizard stays open
            self.saved = saved
        super().accept()

