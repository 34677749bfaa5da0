"""Qt's own words in Thai: standard buttons, message boxes, file and print dialogs, context menus."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
                               QSpinBox, QTextEdit)

from ita_desktop import paths
from ita_desktop.ui.widgets import file_dialogs

from .dialog_texts import english_texts, english_words, handle_next_modal, shown_texts

ROOT = Path(__file__).resolve().parents[2]


def _lrelease() -> str:
    import PySide6

    for candidate in (shutil.which("pyside6-lrelease"), Path(sys.executable).with_name("pyside6-lrelease"),
                      Path(PySide6.__file__).with_name("lrelease")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    pytest.fail("PySide6's lrelease is missing")


def test_the_committed_qm_is_the_compiled_ts(tmp_path):
    ts = paths.resource_path("i18n", "qtbase_th.ts")
    rebuilt = tmp_path / "qtbase_th.qm"
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(rebuilt)], check=True, timeout=120)
    assert rebuilt.read_bytes() == paths.resource_path("i18n", "qtbase_th.qm").read_bytes(), \
        "run: pyside6-lrelease resources/i18n/qtbase_th.ts -qm resources/i18n/qtbase_th.qm"


def test_every_translation_is_thai_and_keeps_its_place_markers():
    text = paths.resource_path("i18n", "qtbase_th.ts").read_text(encoding="utf-8")
    pairs = re.findall(r"<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?<translation>(.*?)</translation>",
                       text, re.S)
    assert len(pairs) > 400
    for source, translation in pairs:
        assert translation, source
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), source
    assert ("OK", "ตกลง") in pairs and ("Cancel", "ยกเลิก") in pairs


def test_english_detector_finds_english():
    assert english_words("&Look in:") == ["Look", "in"]
    assert english_words("ไฟล์ Excel (*.xlsx)") == []
    assert english_words("เลิกทำ") == []


def test_every_standard_button_is_thai(qtbot):
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    every = QDialogButtonBox.StandardButton(0)
    for button in QDialogButtonBox.StandardButton:
        if button not in (QDialogButtonBox.NoButton,):
            every |= button
    box.setStandardButtons(every)
    texts = {box.standardButton(b): b.text() for b in box.buttons()}
    assert len(texts) >= 18
    assert texts[QDialogButtonBox.Ok] == "ตกลง" and texts[QDialogButtonBox.Cancel] == "ยกเลิก"
    assert texts[QDialogButtonBox.Yes] == "ใช่" and texts[QDialogButtonBox.No] == "ไม่ใช่"
    assert texts[QDialogButtonBox.RestoreDefaults] == "คืนค่าเริ่มต้น"
    assert [t for t in texts.values() if english_words(t)] == []


def test_message_box_buttons_and_details_are_thai(qtbot):
    box = QMessageBox(QMessageBox.Question, "ยืนยัน", "ต้องการลบหรือไม่",
                      QMessageBox.Yes | QMessageBox.No | QMessageBox.YesToAll | QMessageBox.NoToAll
                      | QMessageBox.Save | QMessageBox.Discard | QMessageBox.Abort | QMessageBox.Retry
                      | QMessageBox.Ignore | QMessageBox.Close | QMessageBox.Help)
    box.setDetailedText("รายละเอียด")
    qtbot.addWidget(box)
    box.show()
    assert len(box.buttons()) >= 12
    assert english_texts(box) == []
    assert "แสดงรายละเอียด..." in [t for _, t in shown_texts(box)]


@pytest.mark.parametrize("save", [False, True])
def test_file_dialogs_are_qt_widgets_in_thai(qtbot, tmp_path, save):
    dialog = file_dialogs.file_dialog(None, "เลือกไฟล์คะแนน", str(tmp_path), "Excel (*.xlsx)", save=save)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.testOption(QFileDialog.DontUseNativeDialog)
    texts = [t for _, t in shown_texts(dialog)]
    for expected in ("ค้นหาใน:", "ชื่อไฟล์:", "ชนิดไฟล์:", "ย้อนกลับ", "ไปข้างหน้า", "โฟลเดอร์ระดับบน",
                     "สร้างโฟลเดอร์ใหม่", "แบบรายการ", "แบบรายละเอียด", "ชื่อ", "ขนาด", "วันที่แก้ไข",
                     "บันทึก" if save else "เปิด", "ยกเลิก", "เปลี่ยนชื่อ", "ลบ", "แสดงไฟล์ที่ซ่อน"):
        assert expected in texts, expected
    # The look-in box lists folder paths: names on disk, not words of the program.
    assert [(w, t) for w, t in english_texts(dialog) if not t.startswith("/")] == []


def test_file_dialog_names_folders_and_file_types_in_thai(qtbot, tmp_path):
    from PySide6.QtWidgets import QTreeView

    (tmp_path / "โฟลเดอร์ย่อย").mkdir()
    for name in ("คะแนน.xlsx", "บันทึก.pdf", "ครุฑ.png"):
        (tmp_path / name).write_bytes(b"x" * 2000)
    dialog = file_dialogs.file_dialog(None, "เลือกไฟล์", str(tmp_path), "ทุกไฟล์ (*)")
    qtbot.addWidget(dialog)
    dialog.show()
    view = next(v for v in dialog.findChildren(QTreeView))
    model, root = view.model(), view.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 4, timeout=5000)
    root = view.rootIndex()
    types = {model.index(r, 0, root).data(): model.index(r, 2, root).data() for r in range(4)}
    assert types == {"โฟลเดอร์ย่อย": "โฟลเดอร์", "คะแนน.xlsx": "ตารางคำนวณ Excel", "บันทึก.pdf": "เอกสาร PDF",
                     "ครุฑ.png": "ภาพ PNG"}


def test_replacing_a_file_is_confirmed_in_thai(qtbot, tmp_path):
    existing = tmp_path / "คะแนน.xlsx"
    existing.write_bytes(b"x")
    dialog = file_dialogs.file_dialog(None, "ส่งออก", str(tmp_path), "Excel (*.xlsx)", save=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.selectFile("คะแนน")  # the suffix comes from the filter, so the existing file is found
    asked = {}

    def answer(box):
        asked["english"] = english_texts(box)
        asked["text"] = box.text()
        asked["buttons"] = sorted(b.text() for b in box.buttons())
        box.button(QMessageBox.No).click()

    seen = handle_next_modal(answer, ignore=(dialog,))
    dialog.accept()
    assert seen == ["QMessageBox"]
    assert asked["text"] == "มีไฟล์ คะแนน.xlsx อยู่แล้ว\nต้องการเขียนทับหรือไม่"
    assert asked["buttons"] == ["ใช่", "ไม่ใช่"]
    assert asked["english"] == []
    assert dialog.isVisible()  # "No" keeps the dialog open, nothing is written


def test_helpers_return_the_chosen_path_or_nothing(qtbot, tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"x")

    def choose(dialog):
        assert isinstance(dialog, QFileDialog) and dialog.testOption(QFileDialog.DontUseNativeDialog)
        dialog.selectFile(str(tmp_path / "a.xlsx"))
        dialog.accept()

    handle_next_modal(choose)
    assert file_dialogs.get_open_file(None, "เปิด", str(tmp_path), "Excel (*.xlsx)") == str(tmp_path / "a.xlsx")

    def name_without_suffix(dialog):
        dialog.selectFile(str(tmp_path / "ใหม่"))
        dialog.accept()

    handle_next_modal(name_without_suffix)
    assert file_dialogs.get_save_file(None, "บันทึก", str(tmp_path), "ไฟล์ PDF (*.pdf)") == str(tmp_path / "ใหม่.pdf")
    handle_next_modal(lambda dialog: dialog.reject())
    assert file_dialogs.get_open_file(None, "เปิด", str(tmp_path), "Excel (*.xlsx)") == ""


def test_several_files_are_chosen_in_the_thai_dialog(qtbot, tmp_path):
    for name in ("หลักฐาน 1.pdf", "ภาพ.png"):
        (tmp_path / name).write_bytes(b"x")

    def choose(dialog):
        assert dialog.testOption(QFileDialog.DontUseNativeDialog) and dialog.fileMode() == QFileDialog.ExistingFiles
        dialog.selectFile('"หลักฐาน 1.pdf" "ภาพ.png"')
        dialog.accept()

    handle_next_modal(choose)
    chosen = file_dialogs.get_open_files(None, "เลือกไฟล์หลักฐาน", str(tmp_path), "ทุกไฟล์ (*)")
    assert sorted(chosen) == sorted(str(tmp_path / n) for n in ("หลักฐาน 1.pdf", "ภาพ.png"))
    handle_next_modal(lambda dialog: dialog.reject())
    assert file_dialogs.get_open_files(None, "เลือกไฟล์หลักฐาน", str(tmp_path), "ทุกไฟล์ (*)") == []


def test_no_code_in_ui_calls_qfiledialog_directly():
    helper = ROOT / "ita_desktop" / "ui" / "widgets" / "file_dialogs.py"
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ita_desktop" / "ui").rglob("*.py")
                 if p != helper and re.search(r"QFileDialog\s*[.(]", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_print_dialog_and_printer_properties_are_thai(qtbot):
    printer = QPrinter(QPrinter.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [t for _, t in shown_texts(dialog)]
    for expected in ("พิมพ์", "ยกเลิก", "เครื่องพิมพ์", "ช่วงที่พิมพ์", "จำนวนชุด:", "ตัวเลือก >>"):
        assert expected in texts, expected
    assert english_texts(dialog) == []
    properties = next(b for b in dialog.findChildren(QPushButton) if b.text() == "คุณสมบัติ")
    found = {}

    def look(widget):
        found["english"] = [(w, t) for w, t in english_texts(widget) if w != "QComboBox.paper"]
        found["combos"] = sorted({c.objectName() for c in widget.findChildren(QComboBox)})
        found["texts"] = [t for _, t in shown_texts(widget)]
        widget.reject()

    seen = handle_next_modal(look, ignore=(dialog,))
    properties.click()
    assert seen == ["QDialog"]  # QPrintPropertiesDialog is private; Python sees its QDialog base
    assert "แนวตั้ง" in found["texts"] and "ระยะขอบ" in found["texts"]
    assert found["english"] == [], (found["combos"], found["english"])


@pytest.mark.parametrize("make", [QLineEdit, QTextEdit, QPlainTextEdit])
def test_text_context_menus_are_thai(qtbot, make):
    editor = make()
    qtbot.addWidget(editor)
    menu = editor.createStandardContextMenu()
    words = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    for expected in ("เลิกทำ", "ทำซ้ำ", "ตัด", "คัดลอก", "วาง", "ลบ", "เลือกทั้งหมด"):
        assert expected in words
    assert [w for w in words if english_words(w)] == []


def test_spin_box_menu_is_thai(qtbot):
    spin = QSpinBox()
    qtbot.addWidget(spin)
    assert QCoreApplication.translate("QAbstractSpinBox", "&Step up") == "เพิ่มขึ้น"
    menu = spin.findChild(QLineEdit).createStandardContextMenu()
    assert [a.text() for a in menu.actions() if english_words(a.text().split("\t")[0])] == []


def test_the_application_start_loads_the_thai_translation(tmp_path):
    import os

    code = ("import sys; from PySide6.QtCore import QCoreApplication, QLocale; from ita_desktop import app; "
            "rc = app.main(['--smoke-test']); "
            "print(QCoreApplication.translate('QPlatformTheme', 'Cancel'), QLocale().name(), rc)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ITA_DESKTOP_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "ยกเลิก th_TH 0"
