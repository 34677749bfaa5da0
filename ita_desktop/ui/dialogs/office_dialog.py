"""The office profile: name, kind, address, memo details, divisions and signatories."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services import offices
from ita_desktop.services.changes import OFFICES, Changes
from ita_desktop.services.undo import value_step
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.screen_fit import fit_to_screen
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

ROLE_LABELS = {
    "clerk": "ผู้จัดทำ (ผู้เสนอบันทึก)",
    "head_of_office": "หัวหน้าสำนักปลัด",
    "chief_administrator": "ปลัด",
    "mayor": "นายก",
}

# Long real entries, to size the signatory fields so that a full Thai name and position show whole.
LONG_NAME = "นางสาวมัณฑนาภรณ์ โคตรนาวังศ์ไพบูลย์"
LONG_POSITION = "นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ"


class OfficeDialog(QDialog):
    """Create or edit an office. ``saved`` holds the stored profile after OK."""

    def __init__(self, ctx, profile: offices.OfficeProfile | None = None, parent: QWidget | None = None,
                 first_run: bool = False, ops=None):
        super().__init__(parent)
        from ita_desktop.ui.operations import Operations

        self.ctx = ctx
        self.ops = ops or Operations(ctx, self)
        self.profile = profile
        self.saved: offices.OfficeProfile | None = None
        self.wants_sample = False
        self.setWindowTitle("ข้อมูลหน่วยงาน" if profile else "เพิ่มหน่วยงาน")
        layout = QVBoxLayout(self)
        if first_run:
            intro = ThaiWrapLabel("ยินดีต้อนรับสู่ ITA Desktop กรุณากรอกข้อมูลหน่วยงานของท่าน "
                           "หรือกดปุ่ม 'ใช้ข้อมูลตัวอย่าง' เพื่อทดลองกับข้อมูลจากเอกสารจริงของ อบต. และเทศบาล")
            intro.setWordWrap(True)
            layout.addWidget(intro)
        # The fields scroll, the buttons stay: the dialog fits a 1366x768 screen.
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self._build_general())
        fields_layout.addWidget(self._build_signatories())
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.NoFrame)
        self.scroll.setWidget(fields)
        layout.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText("บันทึก")
        buttons.button(QDialogButtonBox.Cancel).setText("ยกเลิก")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if first_run:
            sample = buttons.addButton("ใช้ข้อมูลตัวอย่าง", QDialogButtonBox.ActionRole)
            sample.clicked.connect(self._choose_sample)
        layout.addWidget(buttons)
        if profile:
            self._fill(profile)
        self._fit(fields)

    def _fit(self, fields: QWidget) -> None:
        # As large as the fields want, no larger than the screen; the scroll area takes the rest.
        extra = self.sizeHint().height() - self.scroll.sizeHint().height()
        width = fields.sizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + 40
        fit_to_screen(self, width, fields.sizeHint().height() + extra + 8)

    def _build_general(self) -> QGroupBox:
        box = QGroupBox("หน่วยงาน")
        form = QFormLayout(box)
        self.name = QLineEdit(placeholderText="เช่น องค์การบริหารส่วนตำบลตะโกทอง")
        self.kind = QComboBox()
        self.kind.addItems(offices.KINDS)
        self.district, self.province = QLineEdit(), QLineEdit()
        self.website, self.phone = QLineEdit(), QLineEdit()
        self.memo_unit = QLineEdit(placeholderText="เช่น สำนักปลัด องค์การบริหารส่วนตำบล...")
        self.memo_prefix = QLineEdit(placeholderText="เช่น ขย ๗๙๙๐๑/")
        self.garuda = QLineEdit()
        pick = QPushButton("เลือกไฟล์...")
        pick.clicked.connect(self._pick_garuda)
        garuda_row = QHBoxLayout()
        garuda_row.addWidget(self.garuda)
        garuda_row.addWidget(pick)
        self.divisions = QPlainTextEdit(placeholderText="หนึ่งบรรทัดต่อหนึ่งกอง เช่น\nสำนักปลัด\nกองคลัง\nกองช่าง")
        self.divisions.setFixedHeight(90)
        for label, widget in [
            ("ชื่อหน่วยงาน *", self.name), ("ประเภท", self.kind), ("อำเภอ", self.district),
            ("จังหวัด", self.province), ("เว็บไซต์", self.website), ("โทรศัพท์", self.phone),
            ("ส่วนราชการ (ในบันทึกข้อความ)", self.memo_unit), ("เลขที่หนังสือ (ส่วนหน้า)", self.memo_prefix),
        ]:
            form.addRow(label, widget)
        form.addRow("ภาพตราครุฑ", garuda_row)
        form.addRow("กอง/สำนัก", self.divisions)
        return box

    def _build_signatories(self) -> QGroupBox:
        box = QGroupBox("ผู้ลงนาม")
        grid = QGridLayout(box)
        grid.addWidget(QLabel("ชื่อ-สกุล"), 0, 1)
        grid.addWidget(QLabel("ตำแหน่ง"), 0, 2)
        self.sig_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        metrics = self.fontMetrics()
        for row, role in enumerate(offices.ROLES, start=1):
            name, position = QLineEdit(), QLineEdit()
            name.setMinimumWidth(metrics.horizontalAdvance(LONG_NAME) + 24)
            position.setMinimumWidth(metrics.horizontalAdvance(LONG_POSITION) + 24)
            grid.addWidget(QLabel(ROLE_LABELS[role]), row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(position, row, 2)
            self.sig_edits[role] = (name, position)
        return box

    def _choose_sample(self) -> None:
        self.wants_sample = True
        self.reject()

    def _pick_garuda(self) -> None:
        path = file_dialogs.get_open_file(self, "เลือกภาพตราครุฑ", "", "รูปภาพ (*.png *.jpg *.jpeg)")
        if path:
            self.garuda.setText(path)

    def _fill(self, p: offices.OfficeProfile) -> None:
        self.name.setText(p.name)
        self.kind.setCurrentText(p.kind)
        for edit, value in [(self.district, p.district), (self.province, p.province), (self.website, p.website),
                            (self.phone, p.phone), (self.memo_unit, p.memo_unit),
                            (self.memo_prefix, p.memo_number_prefix), (self.garuda, p.garuda_path)]:
            edit.setText(value)
        self.divisions.setPlainText("\n".join(p.divisions))
        for sig in p.signatories:
            if sig.role in self.sig_edits:
                self.sig_edits[sig.role][0].setText(sig.name)
                self.sig_edits[sig.role][1].setText(sig.position)

    def current_profile(self) -> offices.OfficeProfile:
        old = {s.role: s for s in self.profile.signatories} if self.profile else {}
        sigs = tuple(
            offices.SignatoryInfo(role, name.text(), position.text(),
                                  old[role].extra_positions if role in old else ())
            for role, (name, position) in self.sig_edits.items()
            if name.text().strip() or position.text().strip()
        )
        return offices.OfficeProfile(
            id=self.profile.id if self.profile else None, version=self.profile.version if self.profile else 0,
            name=self.name.text(), kind=self.kind.currentText(),
            district=self.district.text(), province=self.province.text(), website=self.website.text(),
            phone=self.phone.text(), memo_unit=self.memo_unit.text(), memo_number_prefix=self.memo_prefix.text(),
            garuda_path=self.garuda.text(),
            divisions=tuple(x.strip() for x in self.divisions.toPlainText().splitlines() if x.strip()),
            signatories=sigs,
        )

    def accept(self) -> None:
        """Save through the operations helper: refused on a row someone else changed meanwhile."""
        new = self.current_profile()
        old = self.profile
        changed = Changes.of(OFFICES, office_id=new.id)
        label = f"แก้ข้อมูลหน่วยงาน {new.name.strip()}" if old else f"เพิ่มหน่วยงาน {new.name.strip()}"

        def write(ctx, profile, version):
            return offices.save_office(ctx, replace(profile, version=version)).version

        def step(saved):
            return None if old is None else value_step(label, write, old, new, saved.version, changed)

        done, saved = self.ops.change(offices.save_office_from(new), changes=changed, label="บันทึกข้อมูลหน่วยงาน",
                                      step=step, parent=self)
        if done:
            self.saved = saved
            super().accept()
