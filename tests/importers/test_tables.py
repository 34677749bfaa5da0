"""Small sheets built in the test, one table shape or rule each."""

import openpyxl
import pytest

from ita_desktop.importers import ImportProblem, read_score_workbook
from tests.importers.criteria_data import INDICATOR_NAMES, criteria_2566

TITLE = ["อบต.ตะโกทอง อำเภอซับใหญ่ จังหวัดชัยภูมิ ปีงบประมาณ พ.ศ. ๒๕๖๖"]


def sheet(tmp_path, rows, merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "คะแนน"
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    path = tmp_path / "s.xlsx"
    wb.save(path)
    return path


def problems(path) -> list[str]:
    with pytest.raises(ImportProblem) as info:
        read_score_workbook(path, criteria_2566())
    return [p.text for p in info.value.problems]


def ten(score=80.0):
    return [[n, "IIT", INDICATOR_NAMES[n][0], score] for n in range(1, 11)]


def test_seed_001_second_table_two_indicator_columns(tmp_path):
    rows = [TITLE, ["ตัวชี้วัด", "เครื่องมือการประเมิน", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"], *ten()]
    (office,) = read_score_workbook(sheet(tmp_path, rows), criteria_2566()).offices
    assert office.indicator_scores == {n: 80.0 for n in range(1, 11)}


def test_number_and_name_that_disagree(tmp_path):
    rows = [TITLE, ["ตัวชี้วัดที่", "เครื่องมือ", "ตัวชี้วัด", "คะแนน"], *ten()]
    rows[3][0] = 3  # indicator 2's row numbered 3
    assert problems(sheet(tmp_path, rows))[0] == (
        "ไฟล์ s.xlsx แผ่นงาน 'คะแนน' แถว 4 คอลัมน์ D: "
        "หมายเลขตัวชี้วัด 3 ไม่ตรงกับชื่อตัวชี้วัด (ชื่อเป็นของตัวชี้วัดที่ 2)")


def test_unknown_indicator_name(tmp_path):
    rows = [TITLE, ["รายละเอียดตัวชี้วัด", "คะแนน"], *[[INDICATOR_NAMES[n][0], 80] for n in range(1, 11)],
            ["ความพึงพอใจของประชาชน", 75]]
    assert problems(sheet(tmp_path, rows)) == [
        "ไฟล์ s.xlsx แผ่นงาน 'คะแนน' แถว 13 คอลัมน์ B: ไม่รู้จักตัวชี้วัด 'ความพึงพอใจของประชาชน' ในเกณฑ์ปี 2566"]


def test_sub_indicator_and_total_rows_are_skipped(tmp_path):
    rows = [TITLE, ["ตัวชี้วัดที่", "ตัวชี้วัด", "คะแนน"],
            *[[n, INDICATOR_NAMES[n][0], 90] for n in range(1, 10)],
            ["9.1", "ข้อมูลพื้นฐาน", 100], ["9.2", "การบริหารงาน", 80],
            [10, INDICATOR_NAMES[10][0], 55], [None, "คะแนนรวม", 75.47], ["IIT", None, 82.11]]
    (office,) = read_score_workbook(sheet(tmp_path, rows), criteria_2566()).offices
    assert office.indicator_scores == {**{n: 90.0 for n in range(1, 10)}, 10: 55.0}


def test_long_item_table_with_merged_office_cells(tmp_path):
    rows = [["ปีงบประมาณ 2566"], ["ชื่อหน่วยงาน", "อำเภอ", "รหัสข้อ", "ข้อคำถาม", "คะแนน"],
            ["อบต.ตะโกทอง", "ซับใหญ่", "i1", "ข้อ 1", 90], [None, None, "i2", "ข้อ 2", 80],
            ["ทต.วังไผ่", "เมืองชุมพร", "i1", "ข้อ 1", 70], [None, None, "o43", "ข้อ 43", 100]]
    offices = read_score_workbook(sheet(tmp_path, rows, ["A3:A4", "B3:B4", "A5:A6", "B5:B6"]),
                                  criteria_2566()).offices
    assert [(o.org_name, o.district, o.item_scores) for o in offices] == [
        ("องค์การบริหารส่วนตำบลตะโกทอง", "ซับใหญ่", {"i1": 90.0, "i2": 80.0}),
        ("เทศบาลตำบลวังไผ่", "เมืองชุมพร", {"i1": 70.0, "o43": 100.0}),
    ]


def test_item_under_another_indicator_is_kept_with_a_warning(tmp_path):
    rows = [TITLE, ["IIT ตัวชี้วัดที่ 2 การใช้งบประมาณ"], ["ประเด็นข้อคำถาม", "คะแนน"], ["i19 ท่านรู้", 64.6]]
    result = read_score_workbook(sheet(tmp_path, rows), criteria_2566())
    assert result.offices[0].item_scores == {"i19": 64.6}
    assert result.warnings == ("ไฟล์ s.xlsx แผ่นงาน 'คะแนน' แถว 4: ข้อ i19 อยู่ในตัวชี้วัดที่ 4 ไม่ใช่ตัวชี้วัดที่ 2",)


def test_a_letterless_code_without_context_is_refused(tmp_path):
    rows = [TITLE, ["ประเด็นข้อคำถาม", "คะแนน"], ["๑๗ ท่านทราบข้อมูลงบประมาณ", 60]]
    assert problems(sheet(tmp_path, rows)) == [
        "ไฟล์ s.xlsx แผ่นงาน 'คะแนน' แถว 3 คอลัมน์ A: ไม่พบรหัสข้อคำถาม (เช่น i19, e6, o10) ที่ต้นข้อความ"]


def test_sheets_naming_different_years(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["อบต.ตะโกทอง ปีงบประมาณ 2566"])
    wb.active.append(["ประเด็นข้อคำถาม", "คะแนน"])
    wb.active.append(["i1", 50])
    other = wb.create_sheet("อื่น")
    other.append(["อบต.ตะโกทอง ปีงบประมาณ 2567"])
    wb.save(tmp_path / "y.xlsx")
    assert problems(tmp_path / "y.xlsx") == [
        "ไฟล์ y.xlsx: ปีงบประมาณในไฟล์ไม่ตรงกัน: หัวเรื่องของแผ่นงาน 'Sheet' ระบุปี 2566 "
        "แต่หัวเรื่องของแผ่นงาน 'อื่น' ระบุปี 2567 กรุณาระบุปีที่ถูกต้อง (ita-cli import --year ปี "
        "หรือเลือกปีในหน้าต่างนำเข้า)"]


def test_a_workbook_without_any_score_table(tmp_path):
    path = sheet(tmp_path, [TITLE, ["บันทึกข้อความ"], ["เรื่อง รายงานผล"]])
    assert problems(path) == [
        "ไฟล์ s.xlsx: ไม่พบตารางคะแนน (ต้องมีหัวตาราง เช่น 'ตัวชี้วัด' และ 'คะแนน' หรือ 'ประเด็นข้อคำถาม' และ 'คะแนน')"]
