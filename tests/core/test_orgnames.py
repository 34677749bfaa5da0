"""Office names written in full or abbreviated, and title rows of score sheets."""

import pytest

from ita_desktop.core.orgnames import (
    TitleInfo, canonical_org_name, org_key, org_kind, parse_title, parse_year, short_org_name,
)

FULL = "องค์การบริหารส่วนตำบลตะโกทอง"


@pytest.mark.parametrize("written", [
    "อบต.ตะโกทอง", "อบต. ตะโกทอง", "อบต ตะโกทอง", "อบต.  ตะโกทอง ", "องค์การบริหารส่วนตำบลตะโกทอง",
    "องค์การบริหารส่วนตำบล ตะโกทอง", "องค้การบริหารส่วนตำบลตะโกทอง", "อบตตะโกทอง",
])
def test_spellings_of_one_office_are_one_name(written):
    assert canonical_org_name(written) == FULL
    assert org_key(written) == org_key(FULL)


@pytest.mark.parametrize("short, full, kind", [
    ("ทต.วังไผ่", "เทศบาลตำบลวังไผ่", "เทศบาลตำบล"),
    ("ทม.ชัยภูมิ", "เทศบาลเมืองชัยภูมิ", "เทศบาลเมือง"),
    ("ทน.นครราชสีมา", "เทศบาลนครนครราชสีมา", "เทศบาลนคร"),
    ("อบต.แม่เจดีย์", "องค์การบริหารส่วนตำบลแม่เจดีย์", "องค์การบริหารส่วนตำบล"),
])
def test_each_kind_abbreviates_and_expands(short, full, kind):
    assert canonical_org_name(short) == full
    assert short_org_name(full) == short
    assert short_org_name(short) == short
    assert org_kind(short) == kind == org_kind(full)


def test_not_an_office_has_no_kind_and_is_kept():
    assert org_kind("สำนักงาน ป.ป.ช.") is None
    assert canonical_org_name("  สำนักงาน  ป.ป.ช. ") == "สำนักงาน ป.ป.ช."
    assert short_org_name("เทศบาลตำบล") == "เทศบาลตำบล"  # a kind without a name is no office


def test_org_key_ignores_spaces_thai_digits_and_decomposed_sara_am():
    assert org_key("อบต.บ้านหนอง ๒") == org_key("องค์การบริหารส่วนตำบลบ้านหนอง2")
    assert org_key("เทศบาลตำบลน\u0e49\u0e4d\u0e32พอง") == org_key("เทศบาลตำบลน\u0e49\u0e33พอง")
    assert org_key("อบต.ตะโกทอง") != org_key("ทต.ตะโกทอง")


def test_title_of_seed_001_on_one_line():
    title = ("ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ "
             "องค์การบริหารส่วนตำบลตะโกทอง อำเภอซับใหญ่ จังหวัดชัยภูมิ")
    assert parse_title(title) == TitleInfo(2566, FULL, "ซับใหญ่", "ชัยภูมิ")


def test_title_pieces_on_separate_rows_arabic_digits():
    rows = ["รายงานผลการดำเนินการตามมาตรการ", "ประจำปีงบประมาณ พ.ศ. 2566", "เทศบาลตำบลวังไผ่",
            "อำเภอเมืองชุมพร จังหวัดชุมพร"]
    assert parse_title(rows) == TitleInfo(2566, "เทศบาลตำบลวังไผ่", "เมืองชุมพร", "ชุมพร")


def test_title_with_abbreviations():
    assert parse_title("คะแนน ITA อบต. ตะโกทอง อ.ซับใหญ่ จ.ชัยภูมิ ปี 2567") == \
        TitleInfo(2567, FULL, "ซับใหญ่", "ชัยภูมิ")


def test_title_of_a_provincial_sheet_has_no_office():
    assert parse_title("ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๘ จังหวัดลพบุรี") == TitleInfo(2568, None, None, "ลพบุรี")


def test_first_year_wins_and_empty_labels_are_not_names():
    assert parse_year("ประจำปีงบประมาณ พ.ศ. 2566 จากผลการประเมินประจำปีงบประมาณ พ.ศ. 2565") == 2566
    assert parse_title("หน่วยงาน อำเภอ จังหวัด ปีงบประมาณ พ.ศ.") == TitleInfo()


def test_no_year_in_plain_text():
    assert parse_year("ผลคะแนน 90.63 และ 1234") is None
