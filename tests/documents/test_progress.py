"""Every document writer reports rising fractions ending at 1 to a ``progress`` it is given, and
stops when it raises, leaving no file and an earlier file of the name as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita_desktop.documents.memo_templates import sample_memo
from ita_desktop.documents.memo import build_memo_pdf
from ita_desktop.documents.report import build_table_report
from ita_desktop.documents.scores_xlsx import IndicatorScore, ItemScore, OfficeScores, write_year_scores_xlsx
from ita_desktop.documents.xlsx import SheetColumn, table_workbook

ROWS = [[str(n), f"ข้อคำถามที่ {n} หน่วยงานมีการเปิดเผยข้อมูลการจัดซื้อจัดจ้างต่อสาธารณะ", "ร้อยละ ๘๕"]
        for n in range(1, 121)]


def _pdf(path: Path, progress) -> None:
    build_table_report(path, "ผลการประเมิน", ["ปีงบประมาณ พ.ศ. ๒๕๖๗"], ["ข้อ", "ประเด็น", "ผล"], ROWS,
                       progress=progress)


def _xlsx(path: Path, progress) -> None:
    table_workbook(path, "ผลการประเมิน", [SheetColumn("ข้อ"), SheetColumn("ประเด็น"), SheetColumn("ผล")], ROWS,
                   ["ผลการประเมิน"], progress=progress)


def _memo(path: Path, progress) -> None:
    build_memo_pdf(sample_memo(), path, progress=progress)


def _scores(path: Path, progress) -> None:
    offices = [OfficeScores(f"องค์การบริหารส่วนตำบลทดสอบ {n}", "เมือง", "ราชบุรี", 2567,
                            (IndicatorScore(1, "การปฏิบัติหน้าที่", 90.0, "IIT"),),
                            tuple(ItemScore(f"i{k}", f"ข้อคำถามที่ {k}", 80.0, 1) for k in range(1, 31)))
               for n in range(20)]
    write_year_scores_xlsx(offices, path, progress=progress)


WRITERS = {"table.pdf": _pdf, "table.xlsx": _xlsx, "memo.pdf": _memo, "scores.xlsx": _scores}


@pytest.mark.parametrize("name", WRITERS)
def test_fractions_rise_to_one(tmp_path, name):
    seen = []
    WRITERS[name](tmp_path / name, seen.append)
    assert (tmp_path / name).stat().st_size > 0
    assert len(seen) >= 5 and seen == sorted(seen) and seen[0] < 0.5 and seen[-1] == pytest.approx(1.0)
    assert [p.name for p in tmp_path.iterdir()] == [name]


class Stop(Exception):
    pass


@pytest.mark.parametrize("name", WRITERS)
def test_raising_progress_leaves_no_file_and_keeps_the_earlier_one(tmp_path, name):
    target = tmp_path / name
    target.write_bytes("ฉบับเดิม".encode())

    def progress(fraction):
        if fraction >= 0.5:
            raise Stop

    with pytest.raises(Stop):
        WRITERS[name](target, progress)
    assert target.read_bytes() == "ฉบับเดิม".encode()
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_workbook_stopped_while_saving_leaves_no_row_file(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "ชั่วคราว"))
    (tmp_path / "ชั่วคราว").mkdir()
    seen = []

    def progress(fraction):
        seen.append(fraction)
        if fraction >= 0.95:  # in the saving part, among the rows
            raise Stop

    with pytest.raises(Stop):
        _xlsx(tmp_path / "table.xlsx", progress)
    assert any(0.85 < f < 0.95 for f in seen)  # the save reported rows before it was stopped
    assert list((tmp_path / "ชั่วคราว").iterdir()) == [] and not (tmp_path / "table.xlsx").exists()
