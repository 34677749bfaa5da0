"""Sheets with one office per row: 250 offices generated at test time, and small variants."""

import openpyxl
import pytest

from ita_desktop.importers import ImportProblem, read_score_workbook
from tests.importers.criteria_data import criteria_2566
from tests.importers.make_corpus import provincial_rows, write_provincial


def test_250_offices(tmp_path):
    path = write_provincial(tmp_path / "province.xlsx", 250)
    result = read_score_workbook(path, criteria_2566())  # speed: bench/bench_import.py
    assert len(result.offices) == 250
    expected = provincial_rows(250)
    assert [o.indicator_scores for o in result.offices] == [dict(enumerate(s, 1)) for _, _, s in expected]
    assert {o.province for o in result.offices} == {"ชัยภูมิ"}


def _workbook(tmp_path, rows):
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    path = tmp_path / "sheet.xlsx"
    wb.save(path)
    return path


def test_one_office_written_across_a_row(tmp_path):
    path = _workbook(tmp_path, [
        ["ผลคะแนน ITA ทต.วังไผ่ อำเภอเมืองชุมพร จังหวัดชุมพร ปีงบประมาณ พ.ศ. ๒๕๖๖"],
        [f"ตัวชี้วัดที่ {n}" for n in range(1, 11)],
        [float(80 + n) for n in range(1, 11)],
    ])
    (office,) = read_score_workbook(path, criteria_2566()).offices
    assert office.org_name == "เทศบาลตำบลวังไผ่"
    assert office.indicator_scores == {n: 80.0 + n for n in range(1, 11)}


def test_header_numbers_beside_an_office_column(tmp_path):
    path = _workbook(tmp_path, [
        ["ปีงบประมาณ 2566"],
        ["หน่วยงาน", "อำเภอ", "จังหวัด", *range(1, 11), "คะแนนรวม"],
        ["อบต.ตะโกทอง", "ซับใหญ่", "ชัยภูมิ", *[90] * 10, 90],
        ["ทม.ชัยภูมิ", "เมืองชัยภูมิ", "ชัยภูมิ", *[85.5] * 9, "๑๐๐", 87],
        ["รวม", None, None, *[1] * 10],
    ])
    offices = read_score_workbook(path, criteria_2566()).offices
    assert [(o.org_name, o.district, o.province) for o in offices] == [
        ("องค์การบริหารส่วนตำบลตะโกทอง", "ซับใหญ่", "ชัยภูมิ"), ("เทศบาลเมืองชัยภูมิ", "เมืองชัยภูมิ", "ชัยภูมิ")]
    assert offices[1].indicator_scores[10] == 100.0


def test_a_score_row_without_an_office_is_a_problem(tmp_path):
    path = _workbook(tmp_path, [
        ["ปีงบประมาณ 2566 จังหวัดชัยภูมิ"],
        ["ชื่อหน่วยงาน", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)]],
        [None, *[90] * 10],
    ])
    with pytest.raises(ImportProblem) as info:
        read_score_workbook(path, criteria_2566())
    assert [p.text for p in info.value.problems] == [
        "ไฟล์ sheet.xlsx แผ่นงาน 'Sheet' แถว 3 คอลัมน์ A: ไม่มีชื่อหน่วยงานในแถวที่มีคะแนน"]
