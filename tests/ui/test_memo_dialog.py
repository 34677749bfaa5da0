"""The print-memo dialog: preview, draft, PDF, printing, warnings and refusals."""

import datetime as dt
import subprocess
from dataclasses import replace

import pytest
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import memos, offices
from ita_desktop.services.errors import UserError
from ita_desktop.ui.dialogs.memo_dialog import MemoDialog, ThaiDateEdit
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.widgets import file_dialogs


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _open(qtbot, ctx, office_id, year) -> MemoDialog:
    dialog = MemoDialog(ctx, office_id, year)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1, timeout=20000)
    return dialog


@pytest.fixture
def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def takotong(demo_ctx):
    return offices.find_office(demo_ctx, "อบต.ตะโกทอง")


@pytest.fixture
def dialog(qtbot, demo_ctx, takotong):
    return _open(qtbot, demo_ctx, takotong.id, 2566)


def test_opens_with_the_saved_texts_and_a_preview(dialog, demo_ctx, takotong):
    assert dialog.preview.page_count() >= 1
    assert "หน้า" in dialog.preview.count_label.text()
    assert dialog.kind() == "analysis"
    assert dialog.subject.text() == memos.load_texts(demo_ctx, takotong.id, 2566, "analysis").subject
    assert "[เรื่องเดิม]" in dialog.body.toPlainText()
    assert not dialog.is_modified()


def test_edited_subject_is_saved_as_a_draft(dialog, demo_ctx, takotong):
    dialog.subject.setText("ส่งรายงานวิเคราะห์ที่แก้ไขแล้ว")
    dialog.number.setText("ชย ๗๘๔๐๑/๑๒๓")
    dialog.date_edit.set_date(dt.date(2023, 11, 2))
    assert dialog.is_modified()
    dialog.save_button.click()
    saved = memos.load_texts(demo_ctx, takotong.id, 2566, "analysis")
    assert saved.from_draft and saved.subject == "ส่งรายงานวิเคราะห์ที่แก้ไขแล้ว"
    assert saved.number == "ชย ๗๘๔๐๑/๑๒๓" and saved.date == "2023-11-02"
    assert not dialog.is_modified()


def test_body_edits_reach_the_sections(dialog):
    dialog.body.setPlainText("[ข้อเท็จจริง]\nย่อหน้าใหม่\n\n[ข้อพิจารณา]\n- ข้อเสนอหนึ่ง\n- ข้อเสนอสอง\n")
    sections = dialog.texts().sections
    assert [s.heading for s in sections] == ["ข้อเท็จจริง", "ข้อพิจารณา"]
    assert sections[1].bullets and sections[1].paragraphs == ["ข้อเสนอหนึ่ง", "ข้อเสนอสอง"]


def test_save_as_pdf_writes_the_edited_memo(dialog, tmp_path, monkeypatch):
    target = tmp_path / "out" / "memo"
    target.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "get_save_file", lambda *a, **k: str(target))
    dialog.subject.setText("เรื่องที่แก้ไขก่อนพิมพ์")
    dialog.pdf_button.click()
    written = target.with_suffix(".pdf")
    assert written.is_file()
    text = _pdf_text(written)
    assert "บันทึกข้อความ" in text and "เรื่องที่แก้ไขก่อนพิมพ์" in text
    assert str(written) in dialog.status_label.text()


def test_empty_subject_is_refused_and_nothing_saved(dialog, demo_ctx, takotong, warnings_shown):
    before = memos.load_texts(demo_ctx, takotong.id, 2566, "analysis")
    dialog.subject.setText("   ")
    dialog.number.setText("ไม่ควรถูกบันทึก")
    dialog.save_button.click()
    assert warnings_shown and "เรื่อง" in warnings_shown[0]
    assert memos.load_texts(demo_ctx, takotong.id, 2566, "analysis") == before
    pages = dialog.preview.page_count()
    dialog.preview_button.click()
    assert len(warnings_shown) == 2 and dialog.preview.page_count() == pages


def test_garuda_warning_is_shown_when_the_office_has_no_image(dialog):
    assert dialog.warning_label.isVisible()
    assert "ครุฑ" in dialog.warning_label.text()


def test_no_garuda_warning_once_the_office_has_an_image(qtbot, demo_ctx, takotong, tmp_path):
    image = QImage(60, 60, QImage.Format_RGB32)
    image.fill(0x000000)
    garuda = tmp_path / "garuda.png"
    assert image.save(str(garuda))
    offices.save_office(demo_ctx, replace(offices.get_office(demo_ctx, takotong.id), garuda_path=str(garuda)))
    dialog = _open(qtbot, demo_ctx, takotong.id, 2566)
    assert not dialog.warning_label.isVisible()


def test_results_kind_loads_the_saved_draft(qtbot, demo_ctx):
    maejedi = offices.find_office(demo_ctx, "อบต.แม่เจดีย์")
    dialog = _open(qtbot, demo_ctx, maejedi.id, 2567)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("results"))
    assert dialog.kind() == "results"
    assert dialog.number.text() == "ชร. ๗๙๓๐๑/๐๑๙"
    assert dialog.date_edit.date() == dt.date(2025, 1, 8)
    assert dialog.date_edit.year.value() == 2568 and dialog.date_edit.month.currentText() == "มกราคม"


def test_reset_to_template_replaces_the_edits(dialog, demo_ctx, takotong):
    dialog.subject.setText("ข้อความชั่วคราว")
    dialog.reset_button.click()
    assert dialog.subject.text() == memos.default_texts(demo_ctx, takotong.id, 2566, "analysis").subject


def test_print_paints_every_page(dialog, tmp_path):
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == dialog.preview.page_count()
    assert _pdf_pages(out) == dialog.preview.page_count()


def test_refuses_a_year_without_scores(demo_ctx, takotong):
    with pytest.raises(UserError, match="ยังไม่มีคะแนน"):
        MemoDialog(demo_ctx, takotong.id, 2568)
    with pytest.raises(UserError, match="กรุณาเลือกหน่วยงาน"):
        MemoDialog(demo_ctx, None, None)


def test_thai_date_edit_keeps_a_valid_day():
    edit = ThaiDateEdit()
    edit.set_date(dt.date(2024, 1, 31))
    assert edit.year.value() == 2567
    edit.month.setCurrentIndex(1)
    assert edit.date() == dt.date(2024, 2, 29)


def test_main_window_action_after_export_with_ctrl_p(qtbot, ctx, warnings_shown):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    action = window.actions["memo"]
    assert action.text() == "พิมพ์บันทึกข้อความ..." and action.shortcut() == QKeySequence("Ctrl+P")
    menu_actions = window.file_menu.actions()
    assert menu_actions[menu_actions.index(window.actions["template"]) + 1] is action
    action.trigger()  # no office yet: a Thai message, no dialog
    assert warnings_shown and "กรุณาเลือกหน่วยงาน" in warnings_shown[0]


def test_main_window_opens_the_dialog_for_the_selection(qtbot, demo_ctx, takotong, monkeypatch):
    opened = []
    monkeypatch.setattr(MemoDialog, "exec", lambda self: opened.append((self.office_id, self.year)) or self.reject() or 0)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.select(takotong.id, 2566)
    window.actions["memo"].trigger()
    assert opened == [(takotong.id, 2566)]
