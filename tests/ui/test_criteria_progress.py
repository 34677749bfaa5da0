"""Criteria to and from Excel show a rising percent ending at 100; ยกเลิก midway leaves no file (an
earlier file of that name unchanged) on export, and stores nothing on import."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from ita_desktop.services import criteria as criteria_service
from ita_desktop.ui.dialogs.criteria_dialog import CriteriaDialog
from tests.ui.progress_helpers import Watch, cancel_when_paused, pause_at, rising_to_100


@pytest.fixture
def shown(told):
    return told  # the texts of the message boxes (tests/ui/conftest.py)


@pytest.fixture
def dialog(qtbot, ctx, shown):
    widget = CriteriaDialog(ctx, 2566)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "เกณฑ์"
    path.mkdir()
    return path


@pytest.fixture
def next_year_file(dialog, folder):
    """The 2566 catalog exported and renamed to 2570 (not stored yet)."""
    path = dialog.export_to(folder / "เกณฑ์ 2570.xlsx")
    wb = load_workbook(path)
    wb["ข้อมูลทั่วไป"]["B1"] = 2570
    wb.save(path)
    return path


def test_export_shows_percentages_rising_to_100(dialog, folder, shown):
    watch = Watch(dialog.ops)
    path = dialog.export_to(folder / "เกณฑ์การประเมิน_2566.xlsx")
    assert path == folder / "เกณฑ์การประเมิน_2566.xlsx"
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    assert [p.name for p in folder.iterdir()] == [path.name]
    assert shown[-1] == f"ส่งออกเกณฑ์การประเมินแล้วที่\n{path}"


def test_cancelled_export_leaves_no_file_and_keeps_the_earlier_one(dialog, folder, monkeypatch):
    earlier = folder / "เกณฑ์การประเมิน_2566.xlsx"
    earlier.write_bytes("เกณฑ์ฉบับเดิม".encode())
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 40)
    seen = cancel_when_paused(watch, reached, go_on)
    assert dialog.export_to(earlier) is None
    assert 40 <= seen[-1] < 100 and 100 not in watch.shown
    assert earlier.read_bytes() == "เกณฑ์ฉบับเดิม".encode()
    assert [p.name for p in folder.iterdir()] == [earlier.name]


def test_import_shows_percentages_rising_to_100(ctx, dialog, next_year_file):
    watch = Watch(dialog.ops)
    assert dialog.import_from(next_year_file) == 2570
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    assert criteria_service.get_criteria(ctx, 2570).items == criteria_service.get_criteria(ctx, 2566).items


def test_cancelled_import_stores_nothing(ctx, dialog, next_year_file, monkeypatch, shown):
    years = criteria_service.list_years(ctx)
    told = len(shown)
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 50)  # among the items
    seen = cancel_when_paused(watch, reached, go_on)
    assert dialog.import_from(next_year_file) is None
    assert 50 <= seen[-1] < 100 and 100 not in watch.shown
    assert criteria_service.list_years(ctx) == years and 2570 not in years
    assert len(shown) == told  # no message: the clerk pressed ยกเลิก
