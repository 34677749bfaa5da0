"""Saving the memo (with the analysis report appended) shows a rising percent ending at 100;
ยกเลิก midway leaves no file and an earlier file of that name unchanged."""

from __future__ import annotations

import pytest

from ita_desktop.services import offices
from ita_desktop.ui.dialogs.memo_dialog import MemoDialog
from ita_desktop.ui.widgets import file_dialogs
from tests.ui.progress_helpers import Watch, cancel_when_paused, pause_at, rising_to_100


@pytest.fixture
def dialog(qtbot, demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    dialog = MemoDialog(demo_ctx, office.id, 2566)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.with_report()  # the memo and the report's pages: long enough to watch
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 10, timeout=30000)
    return dialog


@pytest.fixture
def target(tmp_path, monkeypatch):
    folder = tmp_path / "บันทึก"
    folder.mkdir()
    path = folder / "บันทึกข้อความ.pdf"
    monkeypatch.setattr(file_dialogs, "get_save_file", lambda *a, **k: str(path))
    return path


def test_saving_the_memo_shows_percentages_rising_to_100(dialog, target):
    watch = Watch(dialog.ops)
    dialog.pdf_button.click()
    assert target.read_bytes()[:4] == b"%PDF"
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert dialog.status_label.text() == f"บันทึกไฟล์แล้วที่ {target}"


def test_cancelled_memo_leaves_no_file(dialog, target, monkeypatch):
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 40)  # in the report, after the memo's own pages
    seen = cancel_when_paused(watch, reached, go_on)
    dialog.pdf_button.click()
    assert 40 <= seen[-1] < 100 and 100 not in watch.shown
    assert list(target.parent.iterdir()) == []
    assert dialog.status_label.text() == f"ยกเลิกแล้ว ไม่ได้สร้างไฟล์ {target.name}"


def test_cancelled_memo_keeps_the_earlier_file(dialog, target, monkeypatch):
    target.write_bytes("%PDF-1.4 บันทึกฉบับเดิม".encode())
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 10)  # in the memo's own pages
    cancel_when_paused(watch, reached, go_on)
    dialog.pdf_button.click()
    assert target.read_bytes() == "%PDF-1.4 บันทึกฉบับเดิม".encode()
    assert [p.name for p in target.parent.iterdir()] == [target.name]
