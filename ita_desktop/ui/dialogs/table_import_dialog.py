"""นำเข้าตารางจาก Excel: a measures, results or plan table (this program's export, or a table
copied from Word into Excel). The dialog says what kind of table it found (importers.kinds), lists
the problems in Thai with row and column, stores nothing from a file with a problem, and asks
before replacing what the office already has. Each tab gives the kinds it accepts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.importers.kinds import KIND_TITLES, detect_kinds
from ita_desktop.services.changes import Changes
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

from .measure_dialog import MAX_SIZE, thai_buttons


@dataclass(frozen=True)
class ImportKind:
    """How one kind of table is checked and stored.

    ``check(ctx, path)`` returns (rows found, Thai problems); ``existing(ctx)`` how many records the
    import would replace; ``store(ctx, path, replace)`` imports in one transaction and returns
    something with ``message_th()``; ``step(result)`` its undo step (None: not undoable, the
    backup taken first remains); ``what`` names the records ("มาตรการ").
    """

    what: str
    check: Callable[[Any, Path], tuple[int, list[str]]]
    existing: Callable[[Any], int]
    store: Callable[[Any, Path, bool], Any]
    changes: Changes
    step: Callable[[Any], Any] | None = None


class TableImportDialog(QDialog):
    """Choose a file, see what it holds and its problems, then import (after a backup)."""

    def __init__(self, ctx, ops: Operations, kinds: dict[str, ImportKind], where: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.ops, self.kinds = ctx, ops, kinds
        self.path: Path | None = None
        self.kind: str | None = None
        self.count = 0
        self.result = None
        self.setWindowTitle("นำเข้าตารางจาก Excel")
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText("ยังไม่ได้เลือกไฟล์")
        choose = QPushButton("เลือกไฟล์...")
        choose.clicked.connect(self.choose)
        top = QHBoxLayout()
        top.addWidget(self.file, 1)
        top.addWidget(choose)
        accepted = " หรือ ".join(KIND_TITLES.get(k, k) for k in kinds)
        intro = ThaiWrapLabel(f"นำเข้า{accepted} ของ{where} จากไฟล์ Excel (.xlsx) ที่ส่งออกจากโปรแกรมนี้ "
                       "หรือตารางที่คัดลอกจากเอกสารมาวางใน Excel โปรแกรมจะตรวจทุกแถวก่อน "
                       "หากมีปัญหาแม้แถวเดียวจะไม่บันทึกข้อมูลใด ๆ")
        self.found = ThaiWrapLabel("")
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText("ผลการตรวจไฟล์จะแสดงที่นี่")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        thai_buttons(self.buttons)
        self.import_button = self.buttons.button(QDialogButtonBox.Ok)
        self.import_button.setText("นำเข้า")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.found)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.setMaximumSize(*MAX_SIZE)
        self.resize(860, 520)

    def choose(self) -> None:
        name = file_dialogs.get_open_file(self, "เลือกไฟล์ Excel", "", "ไฟล์ Excel (*.xlsx)")
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Check ``path``: what table it holds and its problems; True when it can be imported."""
        self.path, self.kind, self.count = Path(path), None, 0
        self.file.setText(str(path))
        self.problems.clear()
        self.import_button.setEnabled(False)
        found = detect_kinds(path)
        if not found:
            self.found.setText("ไม่พบตารางที่รู้จักในไฟล์นี้ (ตรวจหัวตาราง เช่น มาตรการ ขั้นตอนหรือวิธีการ "
                               "ผู้รับผิดชอบ ผลการดำเนินการ) หรือไฟล์ไม่ใช่ไฟล์ Excel ที่อ่านได้")
            return False
        titles = ", ".join(KIND_TITLES.get(k, k) for k in found)
        usable = [k for k in found if k in self.kinds]
        if not usable:
            self.found.setText(f"พบ: {titles} ซึ่งนำเข้าที่นี่ไม่ได้")
            return False
        self.kind = usable[0]
        checked = self.ops.query(lambda ctx: self.kinds[self.kind].check(ctx, self.path),
                                 title="ตรวจไฟล์ไม่ได้", parent=self)
        if checked is None:
            self.found.setText(f"พบ: {titles} แต่อ่านไฟล์ไม่ได้")
            return False
        self.count, problems = checked
        what = self.kinds[self.kind].what
        if problems:
            self.found.setText(f"พบ: {KIND_TITLES.get(self.kind)} แต่มีปัญหา {len(problems)} รายการ "
                               "ไม่สามารถนำเข้าได้ กรุณาแก้ไขไฟล์แล้วเลือกใหม่")
            self.problems.setPlainText("\n".join(problems))
            return False
        self.found.setText(f"พบ: {KIND_TITLES.get(self.kind)} จำนวน {self.count} {what} ไม่พบปัญหา พร้อมนำเข้า")
        self.import_button.setEnabled(True)
        return True

    def store(self) -> None:
        if self.kind is None or self.path is None:
            return
        kind = self.kinds[self.kind]
        existing = self.ops.query(kind.existing, title="ตรวจข้อมูลเดิมไม่ได้", parent=self, default=0)
        replace = False
        if existing:
            answer = QMessageBox.question(
                self, "แทนที่ข้อมูลเดิม",
                f"มี{kind.what}อยู่แล้ว {existing} รายการ ต้องการแทนที่ด้วย{kind.what}จากไฟล์ "
                f"{self.count} รายการหรือไม่? (โปรแกรมจะสำรองข้อมูลก่อนนำเข้า)",
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return
            replace = True
        path = self.path
        done, result = self.ops.change(lambda ctx: kind.store(ctx, path, replace), changes=kind.changes,
                                       label=f"นำเข้า{kind.what}", backup="before-import", parent=self,
                                       step=kind.step)
        if done:
            self.result = result
            QMessageBox.information(self, "นำเข้าแล้ว", result.message_th())
            self.accept()
