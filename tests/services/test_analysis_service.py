"""The analysis service: categories, guidelines and the summary sentence on the sample data."""

import pytest

from ita_desktop.core.analysis import Category
from ita_desktop.services import offices, scores
from ita_desktop.services.analysis import CATEGORY_ORDER, analyse_office_year


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def test_takothong_2566_groups_by_category(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    assert a.pass_line == 85 and a.total == pytest.approx(75.47)
    assert [g.category for g in a.groups] == list(CATEGORY_ORDER)
    urgent = a.group(Category.URGENT)
    assert [i.number for i in urgent.indicators] == [2, 4, 5, 6, 7, 8, 9, 10]
    assert all(i.passed is False for i in urgent.indicators)
    assert all(item.score < 85 and not item.passed for i in urgent.indicators for item in i.items)
    assert urgent.item_count == 36


def test_items_carry_the_stored_guidelines(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    stored = scores.load_scores(demo_ctx, a.office_id, 2566)
    items = [item for g in a.groups for i in g.indicators for item in i.items]
    assert len(items) == len(stored.items) == 38
    assert all(item.guideline == stored.guidelines.get(item.code, "") for item in items)
    i7 = next(item for item in items if item.code == "i7")
    assert i7.guideline and i7.category == Category.URGENT and i7.text


def test_an_indicator_is_listed_under_each_category_of_its_items(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    develop = {i.number for i in a.group(Category.DEVELOP).indicators}
    maintain = a.group(Category.MAINTAIN).indicators
    assert develop == {1, 3}
    assert [(i.number, [x.code for x in i.items]) for i in maintain] == [(1, ["i4"])]
    assert maintain[0].category == Category.DEVELOP  # its own category stays visible


def test_summary_sentence_in_the_words_of_seed_001(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    assert a.summary_text.startswith("จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ 85 มี 2 ตัวชี้วัด")
    assert "ต่ำกว่า 85 มี 8 ตัวชี้วัด" in a.summary_text


def test_a_higher_pass_line_moves_indicators_to_urgent(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566, pass_line=90)
    assert a.pass_line == 90
    assert 3 in {i.number for i in a.group(Category.URGENT).indicators}


def test_indicator_notes_without_items(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ทุ่งท่าช้าง"), 2568)
    indicators = [i for g in a.groups for i in g.indicators]
    assert sorted(i.number for i in indicators) == list(range(1, 11))
    assert all(i.items == () for i in indicators)
    assert all(i.note for i in indicators)


def test_no_scores_gives_an_empty_analysis(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.เขาทอง"), 2567)
    assert not a.has_scores and a.groups == () and a.summary_text == ""
    assert a.pass_line == 85


def test_views_are_frozen(demo_ctx):
    a = analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    with pytest.raises(AttributeError):
        a.year = 2000


def test_items_without_a_stored_guideline_get_the_suggestion(demo_ctx):
    from ita_desktop.core.guidelines import ITEM, load_library

    oid = _id(demo_ctx, "อบต.ตะโกทอง")
    scores.set_item_score(demo_ctx, oid, 2566, "o1", 0)
    a = analyse_office_year(demo_ctx, oid, 2566)
    o1 = next(item for g in a.groups for i in g.indicators for item in i.items if item.code == "o1")
    assert o1.guideline == load_library(2566).text(ITEM, "o1") and "เว็บไซต์" in o1.guideline
