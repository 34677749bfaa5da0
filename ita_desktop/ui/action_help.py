"""Tooltips and keyboard shortcuts of the main window's actions, in one table.

The user guide (docs/guide/index.html, section แป้นพิมพ์ลัด) lists the same shortcuts;
tests/ui/test_help.py checks that every action has a tooltip and that the guide agrees."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

# action key -> (tooltip, shortcut or None)
ACTION_HELP: dict[str, tuple[str, str | None]] = {
    "import": ("อ่านไฟล์คะแนน ITA (.xlsx) ตรวจสอบ แล้วบันทึกลงฐานข้อมูล", "Ctrl+O"),
    "export": ("บันทึกคะแนนของหน่วยงานและปีที่เลือกเป็นไฟล์ Excel", "Ctrl+E"),
    "template": ("บันทึกแบบฟอร์มคะแนนเปล่าของปีที่เลือก สำหรับกรอกแล้วนำเข้า", "Ctrl+T"),
    "memo": ("สร้างและพิมพ์บันทึกข้อความรายงานผลการประเมิน/การวิเคราะห์", "Ctrl+P"),
    "office_new": ("เพิ่มหน่วยงานใหม่ (ชื่อ อำเภอ จังหวัด กอง ผู้ลงนาม)", "Ctrl+N"),
    "office_edit": ("แก้ไขข้อมูลหน่วยงานที่เลือกอยู่", "Ctrl+I"),
    "office_delete": ("ลบหน่วยงานที่เลือกพร้อมข้อมูลทั้งหมด (สำรองข้อมูลก่อน เลิกทำได้)", None),
    "scores_delete": ("ลบคะแนนทั้งหมดของหน่วยงานในปีที่เลือก (สำรองข้อมูลก่อน เลิกทำได้)", None),
    "undo": ("เลิกทำการแก้ไขครั้งล่าสุด ไม่ว่าจะทำในแท็บใด", "Ctrl+Z"),
    "redo": ("ทำซ้ำสิ่งที่เพิ่งเลิกทำ", "Ctrl+Y"),
    "demo": ("โหลดข้อมูลตัวอย่างจากเอกสารจริงของ อบต. และเทศบาล เพื่อทดลองใช้", None),
    "backup": ("คัดลอกฐานข้อมูลไปไว้ในโฟลเดอร์สำรองข้อมูล", "Ctrl+B"),
    "exit": ("ปิดโปรแกรม (ข้อมูลบันทึกไว้แล้วทุกครั้งที่แก้ไข)", "Ctrl+Q"),
    "criteria": ("ตั้งค่าเกณฑ์การประเมิน: น้ำหนัก เกณฑ์ผ่าน ข้อคำถาม และปีใหม่", "Ctrl+K"),
    "settings": ("เกณฑ์ผ่านของหน่วยงานและปี ตัวเลขไทยหรืออารบิกในเอกสาร และภาพครุฑ", None),
    "recent_clear": ("ล้างรายการไฟล์ที่ใช้ล่าสุด", None),
    "help": ("เปิดคู่มือการใช้งาน มีสารบัญและช่องค้นหา", "F1"),
    "about": ("รุ่นของโปรแกรม ที่เก็บข้อมูล ฐานข้อมูลที่ใช้ และสัญญาอนุญาต", None),
}
# Switching tabs: Ctrl+1 .. Ctrl+4 (คะแนน, วิเคราะห์จุดอ่อน, มาตรการ, ติดตามแผน).
TAB_SHORTCUTS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4")


def apply_action_help(actions: dict[str, QAction]) -> None:
    """Give each known action its tooltip (shown in menus too) and shortcut."""
    for key, action in actions.items():
        tip, shortcut = ACTION_HELP.get(key, (action.text().rstrip("."), None))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        shortcut = action.shortcut().toString()
        if shortcut:
            tip = f"{tip} ({shortcut})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if action.menu() is None:
            action.setWhatsThis(tip)
