"""The recorded corpus: every layout clerks receive is read to the right numbers, every
broken file is refused with the reasons in Thai, naming file, sheet, row and column."""

import time

import pytest

from ita_desktop.importers import ImportProblem, ParsedWorkbook, detect_year, read_score_workbook
from tests.importers.criteria_data import criteria_2566
from tests.importers.make_corpus import SEED000, SEED001, provincial_rows

SEED001_BY_NUMBER = dict(enumerate(SEED001, 1))
TAKOTHONG = "องค์การบริหารส่วนตำบลตะโกทอง"


def read(corpus, name, criteria=None, **kwargs) -> ParsedWorkbook:
    return read_score_workbook(corpus / name, criteria or criteria_2566(), **kwargs)


def problems(corpus, name, criteria=None, **kwargs) -> list[str]:
    with pytest.raises(ImportProblem) as info:
        read(corpus, name, criteria, **kwargs)
    assert info.value.problems, "an ImportProblem always carries its reasons"
    return [p.text for p in info.value.problems]


# --- layouts ------------------------------------------------------------------------------

def test_filled_template(corpus):
    result = read(corpus, "template_filled.xlsx")
    (office,) = result.offices
    assert (office.org_name, office.district, office.province, office.year) == (TAKOTHONG, "ซับใหญ่", "ชัยภูมิ", 2566)
    assert office.indicator_scores == SEED001_BY_NUMBER
    # i20 is left blank in the template: not a score, not a problem.
    assert office.item_scores == {"i7": 60.07, "i8": 44.40, "i9": 83.50, "i19": 64.60, "e10": 71.03,
                                  "o10": 0.0, "o36": 0.0}
    assert office.item_texts["i19"] == "ข้อคำถาม i19"
    assert result.warnings == ()
    assert len(result.sha256) == 64


def test_seed_001_analysis_with_merged_title_thai_digits_and_damaged_codes(corpus):
    result = read(corpus, "analysis_seed001.xlsx")
    (office,) = result.offices
    assert (office.org_name, office.district, office.province, office.year) == (TAKOTHONG, "ซับใหญ่", "ชัยภูมิ", 2566)
    # "การใช้ทรัพย์สินของทางราชการ" and "การปรับปรุงระบบการทำงาน" are read as indicators 4 and 8.
    assert office.indicator_scores == SEED001_BY_NUMBER
    assert office.item_scores == {
        "i7": 60.07, "i8": 44.40, "i9": 83.50,  # "๑๗", "๑๘" under indicator 2, "i๙"
        "i19": 64.60, "i20": 69.10,  # "i๑๙", "i๒๐"
        "e10": 71.03,  # "E10"
        "o10": 0.0, "o12": 0.0,  # "๐๑๐", "๐๑๒"
        "o36": 0.0,  # "O36"
        "i1": 84.10, "i2": 82.50, "i3": 83.00,  # second sheet, indicator in a merged column
    }
    assert office.item_texts["i19"].startswith("ท่านรู้แนวปฏิบัติของหน่วยงาน")
    assert office.item_texts["o10"] == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    # The letter-less codes were guessed from the indicator they sit under: the user is told.
    assert [w for w in result.warnings if "อ่านเป็น" in w] == [
        "ไฟล์ analysis_seed001.xlsx แผ่นงาน 'วิเคราะห์ผล' แถว 21: รหัสข้อคำถามเขียนไม่ชัด อ่านเป็น i7",
        "ไฟล์ analysis_seed001.xlsx แผ่นงาน 'วิเคราะห์ผล' แถว 22: รหัสข้อคำถามเขียนไม่ชัด อ่านเป็น i8",
        "ไฟล์ analysis_seed001.xlsx แผ่นงาน 'รายข้อ' แถว 4: รหัสข้อคำถามเขียนไม่ชัด อ่านเป็น i3",
    ]


def test_seed_001_sources_point_at_the_cells(corpus):
    office = read(corpus, "analysis_seed001.xlsx").offices[0]
    by_indicator = {s.indicator: s for s in office.source_rows if s.indicator}
    assert (by_indicator[1].sheet, by_indicator[1].row, by_indicator[1].column) == ("วิเคราะห์ผล", 7, "D")
    by_item = {s.item: s for s in office.source_rows if s.item}
    assert (by_item["o10"].row, by_item["o10"].column) == (33, "B")


def test_seed_000_indicator_table_fy_2568(corpus):
    (office,) = read(corpus, "indicators_seed000.xlsx", criteria_2566(2568)).offices
    assert (office.org_name, office.district, office.province, office.year) == \
        ("องค์การบริหารส่วนตำบลทุ่งท่าช้าง", "สระโบสถ์", "ลพบุรี", 2568)
    assert office.indicator_scores == dict(enumerate(SEED000, 1))
    assert office.item_scores == {}


def test_numbers_stored_as_text(corpus):
    (office,) = read(corpus, "numbers_as_text.xlsx").offices
    assert (office.org_name, office.district, office.province) == ("เทศบาลเมืองชัยภูมิ", "เมืองชัยภูมิ", "ชัยภูมิ")
    assert office.indicator_scores == SEED001_BY_NUMBER | {9: 80.5, 10: 55.0}


def test_indicator_names_only_with_office_and_year_from_the_caller(corpus):
    result = read(corpus, "names_only.xlsx", org_name="อบต. ตะโกทอง", year=2566, province="ชัยภูมิ")
    (office,) = result.offices
    assert (office.org_name, office.year, office.province) == (TAKOTHONG, 2566, "ชัยภูมิ")
    assert office.indicator_scores == SEED001_BY_NUMBER


def test_caller_overrides_the_title_and_is_warned_about_a_different_year(corpus):
    result = read(corpus, "template_filled.xlsx", criteria_2566(2567), org_name="ทต.วังไผ่", year=2567)
    (office,) = result.offices
    assert (office.org_name, office.year) == ("เทศบาลตำบลวังไผ่", 2567)
    assert any("2566" in w and "2567" in w for w in result.warnings)


def test_provincial_sheet_one_office_per_row(corpus):
    result = read(corpus, "provincial_12.xlsx")
    assert len(result.offices) == 12  # the province average row is not an office
    first = result.offices[0]
    assert (first.org_name, first.district, first.province, first.year) == \
        ("องค์การบริหารส่วนตำบลบ้านทดสอบ1", "เมืองชัยภูมิ", "ชัยภูมิ", 2566)
    assert result.offices[2].org_name == "เทศบาลตำบลบ้านทดสอบ3"  # "ทต." expanded
    expected = [dict(enumerate(scores, 1)) for _, _, scores in provincial_rows(12)]
    assert [o.indicator_scores for o in result.offices] == expected


def test_the_same_file_has_the_same_sha256(corpus, tmp_path):
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes((corpus / "template_filled.xlsx").read_bytes())
    assert read(corpus, "template_filled.xlsx").sha256 == read_score_workbook(copy, criteria_2566()).sha256
    assert read(corpus, "template_filled.xlsx").sha256 != read(corpus, "analysis_seed001.xlsx").sha256


# --- problems -----------------------------------------------------------------------------

def test_score_105_names_file_sheet_row_and_column(corpus):
    assert problems(corpus, "bad_score_105.xlsx") == [
        "ไฟล์ bad_score_105.xlsx แผ่นงาน 'คะแนน' แถว 10 คอลัมน์ C: ตัวชี้วัดที่ 7: คะแนน 105 ต้องอยู่ระหว่าง 0 ถึง 100"]


def test_text_that_is_not_a_number(corpus):
    assert problems(corpus, "bad_text_score.xlsx") == [
        "ไฟล์ bad_text_score.xlsx แผ่นงาน 'คะแนน' แถว 5 คอลัมน์ C: ตัวชี้วัดที่ 2: 'ดีมาก' ไม่ใช่ตัวเลข"]


def test_duplicate_indicator_and_item(corpus):
    assert problems(corpus, "bad_duplicate.xlsx") == [
        "ไฟล์ bad_duplicate.xlsx แผ่นงาน 'คะแนน' แถว 14 คอลัมน์ C: ตัวชี้วัดที่ 3 ซ้ำกับที่มีแล้วในแถว 6",
        "ไฟล์ bad_duplicate.xlsx แผ่นงาน 'คะแนน' แถว 18 คอลัมน์ B: ข้อ i19 ซ้ำกับที่มีแล้วในแถว 17",
    ]


def test_item_code_unknown_for_the_year(corpus):
    assert problems(corpus, "bad_unknown_code.xlsx") == [
        "ไฟล์ bad_unknown_code.xlsx แผ่นงาน 'คะแนน' แถว 16 คอลัมน์ A: ไม่มีข้อคำถามรหัส i31 ในเกณฑ์ปี 2566",
        "ไฟล์ bad_unknown_code.xlsx แผ่นงาน 'คะแนน' แถว 17 คอลัมน์ A: ไม่มีข้อคำถามรหัส o44 ในเกณฑ์ปี 2566",
    ]


def test_unknown_indicator_number(corpus):
    assert problems(corpus, "bad_unknown_indicator.xlsx") == [
        "ไฟล์ bad_unknown_indicator.xlsx แผ่นงาน 'คะแนน' แถว 14 คอลัมน์ C: ไม่มีตัวชี้วัดที่ 11 ในเกณฑ์ปี 2566"]


def test_missing_indicators(corpus):
    assert problems(corpus, "bad_missing_indicators.xlsx") == [
        "ไฟล์ bad_missing_indicators.xlsx แผ่นงาน 'คะแนน' แถว 4: องค์การบริหารส่วนตำบลตะโกทอง: "
        "ไม่มีคะแนนตัวชี้วัดที่ 9, 10 (ต้องมีครบ 10 ตัวชี้วัด)"]


def test_no_office_and_no_year(corpus):
    found = problems(corpus, "bad_no_office_no_year.xlsx")
    assert len(found) == 2
    assert found[0].startswith("ไฟล์ bad_no_office_no_year.xlsx: ไม่พบปีงบประมาณ")
    assert found[1].startswith("ไฟล์ bad_no_office_no_year.xlsx แผ่นงาน 'คะแนน': ไม่พบชื่อหน่วยงาน")


def test_the_caller_supplies_what_the_title_lacks(corpus):
    (office,) = read(corpus, "bad_no_office_no_year.xlsx", org_name="อบต.ตะโกทอง", year=2566).offices
    assert office.org_name == TAKOTHONG


def test_criteria_of_another_year_is_refused(corpus):
    assert problems(corpus, "template_filled.xlsx", criteria_2566(2567)) == [
        "ไฟล์ template_filled.xlsx: ปีงบประมาณ 2566 ไม่ตรงกับเกณฑ์การประเมินที่ใช้ตรวจ (ปี 2567)"]


def test_every_problem_is_reported_not_only_the_first(corpus):
    found = problems(corpus, "bad_many_problems.xlsx")
    assert [p.split(": ", 1)[0] for p in found] == [
        "ไฟล์ bad_many_problems.xlsx แผ่นงาน 'คะแนน' แถว 6 คอลัมน์ C",
        "ไฟล์ bad_many_problems.xlsx แผ่นงาน 'คะแนน' แถว 7 คอลัมน์ C",
        "ไฟล์ bad_many_problems.xlsx แผ่นงาน 'คะแนน' แถว 8 คอลัมน์ C",
        "ไฟล์ bad_many_problems.xlsx แผ่นงาน 'คะแนน' แถว 15 คอลัมน์ A",
        "ไฟล์ bad_many_problems.xlsx แผ่นงาน 'คะแนน' แถว 16 คอลัมน์ A",
        "ไฟล์ bad_many_problems.xlsx แผ่นงาน 'คะแนน' แถว 4",
    ]
    assert "คะแนน -1 ต้องอยู่ระหว่าง 0 ถึง 100" in found[0]
    assert "'N.A.x' ไม่ใช่ตัวเลข" in found[1]
    assert "ไม่พบรหัสข้อคำถาม" in found[3]
    assert "e99" in found[4]
    # Indicators 3-5 were reported at their cells; only 10 is reported missing.
    assert "ไม่มีคะแนนตัวชี้วัดที่ 10 (" in found[5]


@pytest.mark.parametrize("name, message", [
    ("not_xlsx.xlsx", "ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย"),
    ("truncated.xlsx", "ไฟล์ไม่สมบูรณ์หรือเสียหาย"),
    ("encrypted.xlsx", "ไฟล์ถูกตั้งรหัสผ่านไว้"),
    ("old_format.xls", "กรุณาบันทึกเป็น .xlsx"),
    ("old_format_renamed.xlsx", "กรุณาบันทึกเป็น .xlsx"),
    ("zip_bomb.xlsx", "เมื่อแตกออกจะมีขนาดใหญ่ผิดปกติ"),
    ("many_members.xlsx", "ส่วนประกอบมากผิดปกติ"),
    ("xml_bomb.xlsx", "ไม่ปลอดภัย (XML entity)"),
    ("tall_dimension.xlsx", "จำนวนแถวมากเกินไป"),
])
def test_hostile_or_broken_files_are_refused_quickly(corpus, name, message):
    started = time.perf_counter()
    (found,) = problems(corpus, name)
    assert found.startswith(f"ไฟล์ {name}")
    assert message in found
    assert time.perf_counter() - started < 1.0


def test_a_missing_file_is_an_import_problem(tmp_path):
    with pytest.raises(ImportProblem) as info:
        read_score_workbook(tmp_path / "nope.xlsx", criteria_2566())
    assert "เปิดไฟล์ไม่ได้" in info.value.problems[0].message_th


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(ImportProblem, match="ไฟล์ว่างเปล่า"):
        read_score_workbook(empty, criteria_2566())


@pytest.mark.parametrize("name, year", [
    ("template_filled.xlsx", 2566), ("analysis_seed001.xlsx", 2566), ("indicators_seed000.xlsx", 2568),
    ("provincial_12.xlsx", 2566), ("names_only.xlsx", None),
])
def test_detect_year_before_choosing_the_criteria(corpus, name, year):
    assert detect_year(corpus / name) == year


def test_detect_year_refuses_unsafe_files(corpus):
    with pytest.raises(ImportProblem, match="กรุณาบันทึกเป็น .xlsx"):
        detect_year(corpus / "old_format.xls")
