"""Help: the guide opens from F1 with contents and search, its screenshots are current,
every action has a tooltip, the guide lists the shortcuts, the About box and recent files."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from ita_desktop.ui.action_help import ACTION_HELP, TAB_SHORTCUTS
from ita_desktop.ui.dialogs.help_dialog import HelpDialog, guide_file, table_of_contents
from ita_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"


def _screenshots_script():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["screenshots"] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def window(qtbot, demo_ctx):
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_f1_opens_the_guide_with_contents(window, qtbot):
    assert window.actions["help"].shortcut().toString() == "F1"
    qtbot.keyClick(window, Qt.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert "คู่มือการใช้งาน ITA Desktop" in dialog.browser.toPlainText()
    top = [dialog.toc.topLevelItem(i).text(0) for i in range(dialog.toc.topLevelItemCount())]
    assert top[0] == "1. เริ่มต้นใช้งาน" and "7. แป้นพิมพ์ลัด" in top
    assert dialog.toc.topLevelItem(0).child(0).text(0) == "1.1 ข้อมูลหน่วยงาน"
    assert not dialog.browser.document().toPlainText().count("ไม่พบไฟล์คู่มือ")
    window.actions["help"].trigger()  # a second F1 brings the same window forward
    assert len(window.findChildren(HelpDialog)) == 1


def test_contents_jump_and_search(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.browser.verticalScrollBar().setValue(0)
    item = dialog.toc.topLevelItem(dialog.toc.topLevelItemCount() - 1)
    dialog.toc.itemClicked.emit(item, 0)
    assert dialog.browser.verticalScrollBar().value() > 0
    dialog.search.setText("สำรองข้อมูล")
    assert dialog.count_matches("สำรองข้อมูล") >= 3
    assert dialog.found.text() == f"พบ {dialog.count_matches('สำรองข้อมูล')} แห่ง"
    assert dialog.browser.textCursor().selectedText() == "สำรองข้อมูล"
    first = dialog.browser.textCursor().position()
    assert dialog.find_next() and dialog.browser.textCursor().position() > first
    dialog.search.setText("ไม่มีคำนี้ในคู่มือแน่นอน")
    assert dialog.found.text() == "พบ 0 แห่ง" and not dialog.find_next()


def test_guide_is_found_and_every_picture_exists_and_is_listed():
    assert guide_file() == GUIDE / "index.html"
    text = guide_file().read_text(encoding="utf-8")
    manifest = {entry["file"]: entry for entry in json.loads((GUIDE / "screenshots.json").read_text("utf-8"))}
    images = re.findall(r'<img src="([^"]+)"', text)
    assert images and set(images) == set(manifest), "run scripts/screenshots.py"
    for image in images:
        picture = QImage(str(GUIDE / image))
        assert not picture.isNull() and picture.width() >= 400, image
    anchors = [anchor for _, anchor, _ in table_of_contents(text)]
    assert len(anchors) == len(set(anchors))


def test_every_screenshot_shows_the_current_screen(qtbot, demo_ctx):
    """Each guide picture's screen, rebuilt now, has the recorded signature (else re-run the script)."""
    script = _screenshots_script()
    manifest = {e["file"]: e["screen"] for e in json.loads((GUIDE / "screenshots.json").read_text("utf-8"))}
    assert set(manifest) == {shot.file for shot in script.GUIDE_SHOTS}
    window = script.main_window(demo_ctx)
    qtbot.addWidget(window)
    for shot in script.GUIDE_SHOTS:
        widget = shot.make(demo_ctx, window)
        assert script.signature(widget) == manifest[shot.file], (
            f"{shot.file} is out of date: run QT_QPA_PLATFORM=offscreen python scripts/screenshots.py")
        if widget is not window:
            widget.close()


def test_every_action_has_a_tooltip_and_the_guide_lists_the_shortcuts(window):
    guide = guide_file().read_text(encoding="utf-8")
    for key, action in window.actions.items():
        assert action.toolTip().strip() and action.toolTip() != action.text(), key
    for key, (tip, shortcut) in ACTION_HELP.items():
        if shortcut:
            assert window.actions[key].shortcut().toString() == shortcut, key
            assert f"<td>{shortcut}</td>" in guide, shortcut
    for n, shortcut in enumerate(TAB_SHORTCUTS, start=1):
        assert window.actions[f"tab_{n}"].shortcut().toString() == shortcut
    assert "Ctrl+1 ถึง Ctrl+4" in guide
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu.toolTipsVisible()


def test_tab_shortcut_switches_tab(window):
    window.actions["tab_3"].trigger()
    assert window.tabs.currentIndex() == 2


def test_about_shows_version_data_folder_database_and_licences(window, monkeypatch):
    from ita_desktop import __version__
    from ita_desktop.ui.dialogs.about_dialog import AboutDialog

    seen = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: seen.append(self.text.toPlainText()) or 0)
    window.actions["about"].trigger()
    text = seen[0]
    assert f"รุ่น {__version__}" in text
    assert str(window.ctx.data_dir) in text and "SQLite:" in text and "ita.sqlite3" in text
    for licence in ("Laksaman", "GPL", "words_th.txt", "Apache License 2.0", "PySide6", "LGPL"):
        assert licence in text, licence


def test_about_hides_a_server_password():
    from types import SimpleNamespace

    from sqlalchemy.engine import make_url

    from ita_desktop.ui.dialogs.about_dialog import database_text

    ctx = SimpleNamespace(db=SimpleNamespace(engine=SimpleNamespace(
        url=make_url("postgresql+psycopg2://ita:secret@server/ita"))))
    assert database_text(ctx) == "PostgreSQL: postgresql+psycopg2://ita:***@server/ita"


def test_recent_files_menu_lists_imported_sheets_and_reopens_them(window, tmp_path, monkeypatch):
    sheet = tmp_path / "คะแนน 2568.xlsx"
    sheet.write_bytes(b"x")
    opened = []
    monkeypatch.setattr(MainWindow, "import_scores", lambda self, path=None: opened.append(path))
    window.recent.add(sheet)
    window.recent.add(tmp_path / "gone.xlsx")  # a file that no longer exists is not listed
    window._fill_recent_menu()
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&1")]
    assert entries and entries[0].text() == "&1 คะแนน 2568.xlsx" and entries[0].toolTip() == str(sheet.resolve())
    entries[0].trigger()
    assert opened == [str(sheet.resolve())]
    window.actions["recent_clear"].trigger()
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions() if a.text()][0] == "(ยังไม่มี)"
    assert window.file_menu.actions()[1].menu() is window.recent_menu  # right under นำเข้า


def test_a_score_sheet_given_on_the_command_line_opens_the_import(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ita_desktop.app import parse_args

    sheet = tmp_path / "scores.xlsx"
    sheet.write_bytes(b"x")
    assert parse_args([str(sheet)]).file == str(sheet)
    opened, warned = [], []
    monkeypatch.setattr(MainWindow, "import_scores", lambda self, path=None: opened.append(path))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window.open_file(str(sheet))
    window.open_file(str(tmp_path / "notes.docx"))
    assert opened == [str(sheet)] and "เปิดไฟล์นี้ไม่ได้" in warned[0]
