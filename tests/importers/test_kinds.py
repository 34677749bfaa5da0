"""Recognising a table by its header words: scores, measures, results, plan."""

from pathlib import Path

import pytest

from ita_desktop.importers.kinds import detect_kind, detect_kinds, header_field

CORPUS = Path(__file__).parent / "corpus"


@pytest.mark.parametrize("name", ["template_filled.xlsx", "indicators_seed000.xlsx", "provincial_12.xlsx",
                                  "numbers_as_text.xlsx", "names_only.xlsx"])
def test_score_sheets_are_scores(name):
    assert detect_kind(CORPUS / name) == "scores"


def test_an_analysis_workbook_is_scores_then_measures():
    assert detect_kinds(CORPUS / "analysis_seed001.xlsx") == ("scores", "measures")


@pytest.mark.parametrize("name", ["encrypted.xlsx", "not_xlsx.xlsx", "zip_bomb.xlsx", "xml_bomb.xlsx", "truncated.xlsx"])
def test_unreadable_files_are_nothing(name):
    assert detect_kind(CORPUS / name) is None


@pytest.mark.parametrize("kind, header, field", [
    ("measures", "ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา", "issue"),
    ("measures", "ขั้นตอนหรือวิธีการ/มาตรการ", "steps"),
    ("measures", "มาตรการ/ขั้นตอน/วิธีการปฏิบัติ", "steps"),
    ("measures", "การรายงานผลและการกำกับติดตาม\nกำหนดเวลาแล้วเสร็จ", "reporting"),
    ("measures", "การดำเนินการ /รายงาน", "reporting"),
    ("measures", "ระยะเวลาดำเนินการ", "period"),
    ("measures", "กำหนดเวลาแล้วเสร็จ", "deadline"),
    ("measures", "ประเภท", "category"),
    ("results", "ผลลัพธ์หรือความสำเร็จของการดำเนินการ", "outcome"),
    ("results", "สรุปผลการดำเนินการตาม มาตรการ/กิจกรรม", "output"),
    ("results", "ผลการดำเนินการ (Output)", "output"),
    ("results", "ช่วงระยะเวลาดำเนินการ", "period"),
    ("results", "มาตรการ/โครงการ/กิจกรรม", "measure"),
    ("results", "ที่", "order"),
    ("results", "หมายเหตุ", None),
])
def test_header_words(kind, header, field):
    assert header_field(kind, header) == field


def test_measures_of_an_analysis_workbook_import(ctx):
    from ita_desktop.services import measures as ms
    from ita_desktop.services import measures_xlsx as mx
    from ita_desktop.services import offices

    office = offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลตะโกทอง",
                                                            kind="องค์การบริหารส่วนตำบล")).id
    summary = mx.import_measures(ctx, CORPUS / "analysis_seed001.xlsx", office, 2567)
    got = ms.measure_set_of_year(ctx, office, 2567).measures
    assert summary.count == len(got) > 0 and all(m.issue and m.responsible for m in got)


def test_every_kind_has_a_thai_title():
    from ita_desktop.importers.kinds import KIND_TITLES

    assert set(KIND_TITLES) == {"scores", "measures", "results", "plan"}
    assert all(title.startswith("ตาราง") for title in KIND_TITLES.values())
