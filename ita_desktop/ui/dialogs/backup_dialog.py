"""แฟ้ม → สำรองและกู้คืนข้อมูล: the backups with date, reason and size; back up now; restore one.

Backing up and restoring run off the GUI thread with the percent and ยกเลิก: a stopped backup
leaves no file, a stopped restore leaves the data as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ita_desktop.core import progress as progress_of
from ita_desktop.services import backups
from ita_desktop.services.changes import Changes
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets import file_dialogs

COLUMNS = ("วันเวลาที่สำรอง", "เหตุผล", "ขนาด", "ไฟล์แนบ", "ไฟล์")


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024**2 else f"{n / 1024**2:,.1f} MB"


class BackupDialog(QDialog):
    """Lists ``ctx.backups_dir``; a restore backs up the present state first (services.backups)."""

    def __init__(self, ctx, parent: QWidget | None = None, confirm=None, ops: Operations | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ops = ops or Operations(ctx, self)
        self.restored: backups.BackupInfo | None = None
        self._confirm = confirm or self._ask
        self.setWindowTitle("สำรองและกู้คืนข้อมูล")
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "สำเนาสำรองเก็บไว้ในโฟลเดอร์ " + str(ctx.backups_dir) + "\nโปรแกรมเก็บทุกสำเนาใน 2 วันล่าสุด "
            "วันละ 1 สำเนาใน 14 วัน และเดือนละ 1 สำเนาใน 12 เดือน ก่อนกู้คืนจะสำรองข้อมูลปัจจุบันไว้ก่อนเสมอ"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.backup_button = QPushButton("สำรองข้อมูลเดี๋ยวนี้")
        self.restore_button = QPushButton("กู้คืนสำเนาที่เลือก...")
        self.file_button = QPushButton("กู้คืนจากไฟล์อื่น...")
        for b in (self.backup_button, self.restore_button, self.file_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("ปิด")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_from_file)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        if backups.sqlite_db(ctx) is None:
            for b in (self.backup_button, self.restore_button, self.file_button):
                b.setEnabled(False)
            layout.insertWidget(0, QLabel("ฐานข้อมูลอยู่บนเซิร์ฟเวอร์: ให้ผู้ดูแลสำรองและกู้คืนด้วยเครื่องมือของเซิร์ฟเวอร์"))
        self.reload()

    def reload(self) -> None:
        self.items = backups.backups_of(self.ctx)
        self.table.setRowCount(len(self.items))
        for r, b in enumerate(self.items):
            cells = (backups.local_time(b.made_at), b.reason_th, _size(b.size), str(b.attachments), b.path.name)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())
                                       and backups.sqlite_db(self.ctx) is not None)

    def selected(self) -> backups.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def backup_now(self) -> Path | None:
        ctx = self.ctx

        def work(report):
            return backups.create_backup(ctx, "manual", progress=progress_of.in_percent(report, "กำลังสำรองข้อมูล..."))

        done, path = self.ops.long_work(work, label="สำรองข้อมูล", parent=self)
        if not done:
            if self.ops.last_cancelled:
                QMessageBox.information(self, "สำรองข้อมูล", "ยกเลิกการสำรองข้อมูลแล้ว ไม่ได้สร้างไฟล์สำรอง")
            return None
        self.reload()
        QMessageBox.information(self, "สำรองข้อมูล", f"สำรองข้อมูลแล้วที่\n{path}")
        return path

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, "กู้คืนข้อมูล", text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def restore_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore(info.path, f"สำเนาเมื่อ {backups.local_time(info.made_at)} ({info.reason_th})")

    def restore_from_file(self) -> None:
        path = file_dialogs.get_open_file(self, "เลือกไฟล์สำรอง", str(Path.home()),
                                          "ไฟล์สำรอง ITA Desktop (*.itabak)")
        if path:
            self.restore(Path(path), Path(path).name)

    def restore(self, path: Path, label: str) -> bool:
        if not self._confirm(f"กู้คืนข้อมูลจาก{label}?\nข้อมูลปัจจุบันจะถูกแทนที่ "
                             "(โปรแกรมสำรองข้อมูลปัจจุบันไว้ก่อน จึงย้อนกลับได้)"):
            return False
        def work(ctx, report):
            return backups.restore_backup(ctx, path, progress=progress_of.in_percent(report, "กำลังกู้คืนข้อมูล..."))

        done, restored = self.ops.change_with_progress(work, changes=Changes.everything(), label="กู้คืนข้อมูล",
                                                       parent=self)
        if not done:
            return False
        if restored is None:  # ยกเลิก
            self.reload()  # the backup of the present state made first is listed
            QMessageBox.information(self, "กู้คืนข้อมูล", "ยกเลิกการกู้คืนแล้ว ข้อมูลปัจจุบันไม่ถูกเปลี่ยนแปลง")
            return False
        self.restored = restored
        self.reload()
        QMessageBox.information(self, "กู้คืนข้อมูล", f"กู้คืนข้อมูลแล้วจาก{label}")
        return True
