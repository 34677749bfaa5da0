"""Saving a document from the shared DocumentDialog shows a rising percent ending at 100, and
ยกเลิก leaves no file: neither a new one nor a change to an earlier file of that name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.documents.report import build_table_report
from ita_desktop.documents.xlsx import SheetColumn, table_workbook
from ita_desktop.ui.dialogs.document_dialog import DocumentDialog
from tests.ui.progress_helpers import Watch, cancel_when_paused, pause_at, rising_to_100

ROWS = [[str(n), f"มาตรการป้องกันการทุจริตข้อที่ {n} การเปิดเผยข้อมูลต่อสาธารณะ", "ดำเนินการแล้ว"]
        for n in range(1, 161)]


def build_pdf(ctx, path: Path):
    return build_table_report(path, "รายงานผลการดำเนินการ", ["ปีงบประมาณ พ.ศ. ๒๕๖๗"],
                              ["ลำดับ", "มาตรการ", "ผล"], ROWS)


def build_xlsx(ctx, path: Path):
    return table_workbook(path, "มาตรการ", [SheetColumn("ลำดับ"), SheetColumn("มาตรการ"), SheetColumn("ผล")],
                          ROWS * 10, ["รายงานผลการดำเนินการ"])


@pytest.fixture
def dialog(qtbot, ctx):
    dialog = DocumentDialog(ctx, "รายงานผลการดำเนินการ", build_pdf, "รายงานผล", build_xlsx=build_xlsx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview_path is not None, timeout=30000)
    return dialog


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "เอกสาร"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_saving_shows_percentages_rising_to_100(dialog, out, kind):
    watch = Watch(dialog.ops)
    save = dialog.save_pdf_to if kind == "pdf" else dialog.save_xlsx_to
    saved = save(out / "รายงานผล")
    assert saved == out / f"รายงานผล.{kind}" and saved.stat().st_size > 0
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    assert sorted(p.name for p in out.iterdir()) == [saved.name]  # no temporary file left
    assert dialog.status.text() == f"บันทึกไฟล์แล้วที่ {saved}"


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_cancel_midway_leaves_no_file(dialog, out, monkeypatch, kind):
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 30)
    seen = cancel_when_paused(watch, reached, go_on)
    save = dialog.save_pdf_to if kind == "pdf" else dialog.save_xlsx_to
    assert save(out / "รายงานผล") is None
    assert 30 <= seen[-1] < 100 and 100 not in watch.shown
    assert dialog.ops.last_cancelled
    assert list(out.iterdir()) == []
    assert dialog.status.text() == f"ยกเลิกการบันทึกแล้ว ไม่ได้สร้างไฟล์ รายงานผล.{kind}"


def test_cancel_keeps_an_earlier_file_of_that_name(dialog, out, monkeypatch):
    earlier = out / "รายงานผล.pdf"
    earlier.write_bytes("%PDF-1.4 ฉบับเดิม".encode())
    watch = Watch(dialog.ops)
    reached, go_on = pause_at(monkeypatch, 50)
    cancel_when_paused(watch, reached, go_on)
    assert dialog.save_pdf_to(earlier) is None
    assert earlier.read_bytes() == "%PDF-1.4 ฉบับเดิม".encode()
    assert [p.name for p in out.iterdir()] == [earlier.name]


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_overview_export_shows_percentages_and_cancels(qtbot, ctx, tmp_path, monkeypatch, kind):
    from ita_desktop.services import imports, offices
    from ita_desktop.ui.tabs.overview_tab import OverviewTab
    from tests.services.test_imports_many import wide_sheet

    names = [f"อบต.บ้านทดสอบ{k}" for k in range(1, 41)]
    imports.import_file(ctx, wide_sheet(tmp_path / "คะแนน.xlsx", names))
    tab = OverviewTab(ctx)
    qtbot.addWidget(tab)
    tab.set_context(offices.find_office(ctx, names[0]).id, 2566)
    tab.show()
    qtbot.waitUntil(lambda: tab.ranking.rowCount() == 40 and not tab.computing, timeout=10_000)
    folder = tmp_path / "ภาพรวม"
    folder.mkdir()
    watch = Watch(tab.ops)
    saved = tab.export(kind, str(folder / f"ภาพรวม.{kind}"))
    assert saved == str(folder / f"ภาพรวม.{kind}") and rising_to_100(watch.shown, at_least=10), watch.shown
    reached, go_on = pause_at(monkeypatch, 40)
    cancel_when_paused(watch, reached, go_on)
    assert tab.export(kind, str(folder / f"ภาพรวมใหม่.{kind}")) is None
    assert [p.name for p in folder.iterdir()] == [f"ภาพรวม.{kind}"]
