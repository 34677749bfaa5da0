"""Exporting scores to Excel shows a rising percent ending at 100; ยกเลิก midway leaves no file and
an earlier file of that name unchanged; the dialog stays open."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from ita_desktop.services import offices, scores
from ita_desktop.ui.dialogs.export_dialog import ExportDialog
from tests.ui.progress_helpers import Watch, cancel_when_paused, pause_at, rising_to_100


@pytest.fixture
def dialog(qtbot, demo_ctx, answers):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    dialog = ExportDialog(demo_ctx, office.id, 2566)
    qtbot.addWidget(dialog)
    dialog.year_radio.setChecked(True)  # every office of the year
    return dialog


@pytest.fixture
def target(tmp_path):
    folder = tmp_path / "ส่งออก"
    folder.mkdir()
    return folder / "คะแนน ITA ทุกหน่วยงาน 2566.xlsx"


def test_year_export_shows_percentages_rising_to_100(dialog, target, demo_ctx, answers):
    watch = Watch(dialog.ops)
    assert dialog.export_to(target) == target
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    names = [row[1] for row in load_workbook(target).worksheets[0].iter_rows(min_row=5, values_only=True)]
    assert len(names) == len(scores.offices_with_scores(demo_ctx, 2566))
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert answers[-1][0] == "ส่งออกคะแนนแล้ว"


def test_cancelled_export_leaves_no_file(dialog, target, monkeypatch, answers):
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 40)
    seen = cancel_when_paused(watch, reached, go_on)
    assert dialog.export_to(target) is None
    assert 40 <= seen[-1] < 100 and 100 not in watch.shown
    assert list(target.parent.iterdir()) == [] and dialog.saved_path is None
    assert dialog.result() == 0 and not answers  # nothing told: the clerk pressed ยกเลิก


def test_cancelled_export_keeps_the_earlier_file(dialog, target, monkeypatch):
    target.write_bytes("ไฟล์คะแนนฉบับเดิม".encode())
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 10)  # still reading the scores
    cancel_when_paused(watch, reached, go_on)
    assert dialog.export_to(target) is None
    assert target.read_bytes() == "ไฟล์คะแนนฉบับเดิม".encode()
    assert [p.name for p in target.parent.iterdir()] == [target.name]
