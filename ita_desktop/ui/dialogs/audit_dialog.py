"""แฟ้ม → ประวัติการแก้ไข: who changed what and when, with old and new values; filters; Excel export."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta, timezone

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ita_desktop.core import progress as progress_of
from ita_desktop.services import audit, offices
from ita_desktop.services.backups import local_time
from ita_desktop.services.changes import SETTINGS, Changes
from ita_desktop.ui.operations import Operations

COLUMNS = ("วันเวลา", "ผู้แก้ไข", "ประเภท", "การกระทำ", "หน่วยงาน", "ปี", "ค่าเดิม", "ค่าใหม่")
ALL = "ทั้งหมด"


def _short(value) -> str:
    if value is None or value == "":
        return ""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 120 else text[:117] + "..."


def changed_only(old, new) -> tuple:
    """For two records, only the fields that differ (an office edit shows the phone, not the whole office)."""
    if isinstance(old, dict) and isinstance(new, dict):
        keys = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]
        if not keys:
            return "", "ไม่มีการเปลี่ยนแปลง"
        return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
    return old, new


class BuddhistDateEdit(QDateEdit):
    """A date field that shows and reads Buddhist-era years (30/11/2569)."""

    def __init__(self, date: QDate, parent: QWidget | None = None):
        super().__init__(date, parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")

    def textFromDateTime(self, dt) -> str:  # noqa: N802 (Qt override)
        d = dt.date()
        return f"{d.day():02d}/{d.month():02d}/{d.year() + 543}"

    def dateTimeFromText(self, text: str):  # noqa: N802 (Qt override)
        parsed = _parse_be(text)
        return QDateTime(parsed, QTime(0, 0)) if parsed is not None else self.dateTime()

    def validate(self, text: str, pos: int):
        state = QValidator.Acceptable if _parse_be(text) is not None else QValidator.Intermediate
        return state, text, pos


def _parse_be(text: str) -> QDate | None:
    from ita_desktop.core.digits import to_arabic_digits

    parts = to_arabic_digits(text).strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    date = QDate(year - 543 if year > 2400 else year, month, day)
    return date if date.isValid() else None


def _utc(day: QDate, end: bool = False) -> datetime:
    d = datetime.combine(day.toPython(), time.min) + (timedelta(days=1) if end else timedelta())
    return d.astimezone().astimezone(timezone.utc).replace(tzinfo=None)


class AuditDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None, ops: Operations | None = None):
        super().__init__(parent)
        self.ops = ops or Operations(ctx, self)
        self.ctx = ctx
        self.rows: list[audit.AuditView] = []
        self.setWindowTitle("ประวัติการแก้ไข")
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        me = QHBoxLayout()
        me.addWidget(QLabel("ชื่อผู้ใช้ในโปรแกรม (บันทึกไว้กับทุกการแก้ไขจากเครื่องนี้):"))
        self.person_edit = QLineEdit(audit.person())
        self.person_edit.setPlaceholderText("เช่น นางสาวสมใจ ใจดี")
        self.person_button = QPushButton("บันทึกชื่อ")
        me.addWidget(self.person_edit, 1)
        me.addWidget(self.person_button)
        layout.addLayout(me)
        filters = QHBoxLayout()
        today = QDate.currentDate()
        self.since = BuddhistDateEdit(today.addMonths(-1))
        self.until = BuddhistDateEdit(today)
        self.office_combo = QComboBox()
        self.office_combo.addItem(ALL, None)
        for o in offices.list_offices(ctx):
            self.office_combo.addItem(o.name, o.id)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(ALL, None)
        for kind, label in audit.ACTIONS_TH.items():
            self.kind_combo.addItem(label, kind)
        self.person_combo = QComboBox()
        self.person_combo.addItem(ALL, None)
        for name in audit.people(ctx):
            self.person_combo.addItem(name, name)
        for label, widget in (("ตั้งแต่", self.since), ("ถึง", self.until), ("หน่วยงาน", self.office_combo),
                              ("ประเภท", self.kind_combo), ("ผู้แก้ไข", self.person_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("ส่งออกเป็น Excel...", QDialogButtonBox.ActionRole)
        buttons.addButton("ปิด", QDialogButtonBox.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.export_button.clicked.connect(self.export)
        self.person_button.clicked.connect(self.save_person)
        for combo in (self.office_combo, self.kind_combo, self.person_combo):
            combo.currentIndexChanged.connect(self.reload)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        rows = self.ops.query(lambda c: audit.entries(
            c, since=_utc(self.since.date()), until=_utc(self.until.date(), end=True),
            office_id=self.office_combo.currentData(), kind=self.kind_combo.currentData(),
            who=self.person_combo.currentData()), title="อ่านประวัติการแก้ไขไม่ได้", parent=self)
        if rows is None:
            return
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for r, e in enumerate(self.rows):
            old, new = changed_only(e.old, e.new)
            cells = (local_time(e.at), e.person or e.user, e.kind_th, e.action, e.office,
                     str(e.year or ""), _short(old), _short(new))
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.count_label.setText(f"{len(self.rows):,} รายการ")

    def save_person(self) -> None:
        name = self.person_edit.text()
        self.ops.change(lambda c: audit.save_person(c, name), changes=Changes.of(SETTINGS), label="บันทึกชื่อ",
                        parent=self)

    def export(self, path=None) -> None:
        from ita_desktop.ui.dialogs.export_dialog import ask_xlsx_path

        path = path or ask_xlsx_path(self, "ส่งออกประวัติการแก้ไข", "ประวัติการแก้ไข.xlsx")
        if not path:
            return
        ctx, rows = self.ctx, self.rows

        def work(report):
            return audit.export_xlsx(ctx, rows, path, progress=progress_of.in_percent(report, "กำลังเขียนไฟล์..."))

        done, _ = self.ops.long_work(work, label="ส่งออกประวัติการแก้ไข", title="ส่งออกไม่ได้", parent=self)
        if not done:
            return
        QMessageBox.information(self, "ส่งออกประวัติการแก้ไข", f"บันทึกแล้วที่\n{path}")
