"""The bundled criteria catalogs (resources/forms/criteria_YYYY.json) and the catalog helpers."""

import json
import re
from dataclasses import replace

import pytest

from ita_desktop.core.criteria import (
    Criteria,
    Item,
    available_years,
    criteria_from_dict,
    criteria_to_dict,
    load_criteria_file,
    load_criteria_year,
    validate_criteria,
)
from ita_desktop.core.digits import normalize_item_code
from ita_desktop.core.levels import LevelRules
from ita_desktop.paths import forms_dir

YEARS = (2566, 2567, 2568)
TOOL_OF_LETTER = {"i": "IIT", "e": "EIT", "o": "OIT"}
OFFICIAL_NAMES = {
    1: "การปฏิบัติหน้าที่",
    2: "การใช้งบประมาณ",
    3: "การใช้อำนาจ",
    4: "การใช้ทรัพย์สินของราชการ",
    5: "การแก้ไขปัญหาการทุจริต",
    6: "คุณภาพการดำเนินงาน",
    7: "ประสิทธิภาพการสื่อสาร",
    8: "การปรับปรุงการทำงาน",
    9: "การเปิดเผยข้อมูล",
    10: "การป้องกันการทุจริต",
}
OIT_SUBS_2566 = {
    "9.1": range(1, 11),
    "9.2": range(11, 19),
    "9.3": range(19, 23),
    "9.4": range(23, 27),
    "9.5": range(27, 31),
    "10.1": range(31, 39),
    "10.2": range(39, 44),
}


@pytest.fixture(params=YEARS)
def catalog(request) -> Criteria:
    return load_criteria_year(request.param)


def test_bundled_years_are_available():
    assert set(YEARS) <= set(available_years())


def test_catalog_year_matches_file_name(catalog):
    assert (forms_dir() / f"criteria_{catalog.year}.json").exists()


def test_bundled_catalogs_have_no_problems(catalog):
    assert validate_criteria(catalog) == []


def test_weights_sum_to_100(catalog):
    assert sum(catalog.tool_weight(t.code) for t in catalog.tools) == pytest.approx(100)
    assert {t.code: t.weight for t in catalog.tools} == {"IIT": 30, "EIT": 30, "OIT": 40}


@pytest.mark.parametrize("year", [2566, 2567])
def test_eit_is_split_into_two_parts_of_15(year):
    eit = load_criteria_year(year).tool("EIT")
    assert [(p.code, p.name, p.weight) for p in eit.parts] == [
        ("EIT1", "EIT ส่วนที่ ๑", 15),
        ("EIT2", "EIT ส่วนที่ ๒", 15),
    ]


def test_2568_eit_has_no_parts_and_says_what_is_soft():
    c = load_criteria_year(2568)
    assert c.tool("EIT").parts == ()
    assert c.note  # the soft points are written down for the user


def test_indicator_names_are_official_with_seed_aliases(catalog):
    assert {i.number: i.name for i in catalog.indicators} == OFFICIAL_NAMES
    assert "การใช้ทรัพย์สินของทางราชการ" in catalog.indicator(4).aliases
    assert "การแก้ปัญหาการทุจริต" in catalog.indicator(5).aliases
    assert "การปรับปรุงระบบการทำงาน" in catalog.indicator(8).aliases


def test_indicators_belong_to_their_tools(catalog):
    tools = {i.number: i.tool for i in catalog.indicators}
    assert tools == {**dict.fromkeys(range(1, 6), "IIT"), **dict.fromkeys(range(6, 9), "EIT"), 9: "OIT", 10: "OIT"}


def test_item_codes_unique_and_canonical(catalog):
    codes = [i.code for i in catalog.items]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert re.fullmatch(r"[ieo][1-9][0-9]*", code)
        assert normalize_item_code(code) == code


def test_every_item_maps_to_an_indicator_of_its_tool(catalog):
    numbers = {i.number for i in catalog.indicators}
    for item in catalog.items:
        assert item.indicator in numbers
        assert catalog.indicator(item.indicator).tool == TOOL_OF_LETTER[item.code[0]]


def test_oit_items_sit_in_a_sub_indicator_of_their_indicator(catalog):
    subs = {s.code: s.indicator for s in catalog.sub_indicators}
    for item in catalog.items:
        if item.code.startswith("o"):
            assert subs[item.sub_indicator] == item.indicator
        else:
            assert item.sub_indicator is None


@pytest.mark.parametrize("year", [2566, 2567])
def test_2566_2567_item_sets_and_mapping(year):
    c = load_criteria_year(year)
    by_code = {i.code: i for i in c.items}
    assert {f"i{n}" for n in range(1, 31)} | {f"e{n}" for n in range(1, 16)} | {f"o{n}" for n in range(1, 44)} == set(by_code)
    for n in range(1, 31):
        assert by_code[f"i{n}"].indicator == (n - 1) // 6 + 1
    for n in range(1, 16):
        assert by_code[f"e{n}"].indicator == (n - 1) // 5 + 6
    for sub, numbers in OIT_SUBS_2566.items():
        assert [i.code for i in c.items_of_sub(sub)] == [f"o{n}" for n in numbers]
    assert [s.code for s in c.sub_indicators] == list(OIT_SUBS_2566)


def test_2568_has_o1_to_o26_with_unknown_ones_marked():
    c = load_criteria_year(2568)
    oit = [i for i in c.items if i.code.startswith("o")]
    assert [i.code for i in oit] == [f"o{n}" for n in range(1, 27)]
    unknown = {i.code for i in oit if not i.text_known}
    assert {"o5", "o6", "o7"} <= unknown
    assert c.item("o21").text_known and "No Gift" in c.item("o21").text


def test_seed_001_texts_are_present_and_cleaned():
    c = load_criteria_year(2566)
    assert c.item("i19").text.startswith("ท่านรู้แนวปฏิบัติของหน่วยงานของท่านเกี่ยวกับการใช้ทรัพย์สินของราชการ")
    assert "ทรัพย์สิน ของขวัญ" in c.item("i4").text  # OCR wrote "ทริพลิสน์"
    assert "ประพฤติมิชอบ" in c.item("i25").text  # OCR wrote "ประพฤตินิยมขบ"
    assert c.item("o10").text == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    assert c.item("e10").text.startswith("หน่วยงานมีช่องทางที่ท่านสามารถแจ้งให้ข้อมูล")
    for item in c.items:
        assert "มากนักน้อย" not in item.text and "  " not in item.text


def test_unknown_texts_carry_a_thai_placeholder(catalog):
    for item in catalog.items:
        if not item.text_known:
            assert item.text == "(ยังไม่ทราบข้อความของปีนี้)"
        else:
            assert item.text and "ยังไม่ทราบ" not in item.text
    unknown_2566 = {i.code for i in load_criteria_year(2566).items if not i.text_known}
    assert {"i5", "i6", "i10", "i11", "i12", "i16", "i18", "i22", "i23", "e13"} <= unknown_2566


def test_pass_line_and_level_rules_default(catalog):
    assert catalog.pass_line == 85
    assert catalog.level_rules == LevelRules(95, 85, 70)


def test_round_trip_through_dict(catalog):
    again = criteria_from_dict(json.loads(json.dumps(criteria_to_dict(catalog), ensure_ascii=False)))
    assert again == catalog
    assert [i.topic for i in again.items] == [i.topic for i in catalog.items]


def test_old_shape_without_new_keys_still_loads(tmp_path):
    path = tmp_path / "criteria_2599.json"
    path.write_text(
        json.dumps(
            {
                "year": 2599,
                "tools": [{"code": "IIT", "name": "x", "weight": 100}],
                "indicators": [{"number": 1, "name": "การปฏิบัติหน้าที่", "tool": "IIT"}],
                "items": [{"code": "i1", "text": "ข้อ", "indicator": 1}],
            }
        ),
        encoding="utf-8",
    )
    c = load_criteria_file(path)
    assert c.level_rules == LevelRules() and c.item("i1").topic == "" and c.pass_line == 85
    assert available_years(tmp_path) == (2599,)
    assert load_criteria_year(2599, tmp_path) == c


def test_find_indicator_by_name_alias_and_broken_spacing():
    c = load_criteria_year(2566)
    assert c.find_indicator("การปรับปรุงระบบการทำงาน").number == 8
    assert c.find_indicator("การใช้ทรัพย์สิน ของทางราชการ").number == 4
    assert c.find_indicator("ไม่มีตัวชี้วัดนี้") is None


def test_tool_weight_of_split_tool_is_sum_of_parts():
    c = load_criteria_year(2566)
    assert c.tool_weight("EIT") == 30 and c.tool_weight("OIT") == 40


def test_validate_reports_broken_catalogs():
    c = load_criteria_year(2566)
    broken_items = c.items + (Item("I99", "x", 1), Item("e1", "dup", 6), Item("e77", "wrong tool", 1))
    problems = validate_criteria(replace(c, items=broken_items))
    assert any("I99" in p for p in problems)
    assert any("e1" in p and "ซ้ำ" in p for p in problems)
    assert any("e77" in p for p in problems)
    bad_weights = replace(c, tools=(replace(c.tools[0], weight=35), *c.tools[1:]))
    assert any("100" in p for p in validate_criteria(bad_weights))
