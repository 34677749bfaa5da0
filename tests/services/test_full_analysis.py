"""The full analysis of an office-year: categories, gains, paths, year over year, guidelines."""

import pytest

from ita_desktop.core.analysis import Category
from ita_desktop.core.levels import round_score
from ita_desktop.services import guidelines, offices, scores
from ita_desktop.services.analysis import full_analysis
from ita_desktop.services.errors import UserError


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def test_seed_001_categories_and_gains(demo_ctx):
    a = full_analysis(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    cats = {i.number: i.category for i in a.indicators}
    assert [n for n, c in cats.items() if c == Category.DEVELOP] == [1, 3]
    assert [n for n, c in cats.items() if c == Category.URGENT] == [2, 4, 5, 6, 7, 8, 9, 10]
    ind10 = a.indicators[9]
    assert (round_score(ind10.gain_to_100), round_score(ind10.gain_to_line)) == (9.00, 6.00)
    assert round_score(sum(i.gain_to_100 for i in a.indicators)) == pytest.approx(100 - 75.47, abs=0.01)
    o10 = next(i for i in a.items if i.code == "o10")
    assert round_score(o10.gain_to_100) == 0.40 and o10.tool == "OIT"
    assert a.complete and a.missing == ()
    assert a.path_to_line.reached and a.path_to_target is None and a.previous_year is None


def test_every_item_carries_a_guideline(demo_ctx):
    a = full_analysis(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    assert len(a.items) == 38
    assert all(i.guideline.text for i in a.items)
    assert all(i.guideline.text for i in a.indicators)
    assert next(i for i in a.items if i.code == "i7").guideline.source == guidelines.IMPORTED


def test_seed_002_office_with_its_line_of_90(demo_ctx):
    oid = _id(demo_ctx, "ทต.วังไผ่")
    at_90 = {i.number: i.category for i in full_analysis(demo_ctx, oid, 2565, 90).indicators}
    assert [n for n, c in at_90.items() if c == Category.DEVELOP] == [1, 2, 3, 4, 5]
    assert [n for n, c in at_90.items() if c == Category.URGENT] == [7, 8]
    assert [n for n, c in at_90.items() if c is None] == [6, 9, 10]
    by_setting = full_analysis(demo_ctx, oid, 2565)  # the office's own line for 2565 is 90 (settings)
    assert {i.number: i.category for i in by_setting.indicators} == at_90
    at_85 = full_analysis(demo_ctx, oid, 2565, 85)
    assert {i.category for i in at_85.indicators if i.score is not None} == {Category.DEVELOP}
    assert at_85.missing == ("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล",
                             "ตัวชี้วัดที่ 10 การป้องกันการทุจริต", "คะแนนรวม")


def test_bad_line_is_a_thai_user_error(demo_ctx):
    with pytest.raises(UserError, match="เกณฑ์ผ่าน"):
        full_analysis(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566, 120)


def test_path_to_next_years_target_from_the_plan(demo_ctx):
    oid = _id(demo_ctx, "อบต.เขาทอง")  # seed 004's plan: 93 for 2567
    with demo_ctx.db.session() as s:
        a = scores.get_assessment(s, oid, 2566, create=True)
        scores.write_indicator_scores(s, a, dict(zip(range(1, 11), [90, 90, 90, 90, 90, 88, 88, 88, 80, 70])))
        scores.write_item_scores(s, a, {"o1": 0, "o31": 0, "o42": 0, "o43": 0, "i7": 70})
    result = full_analysis(demo_ctx, oid, 2566)
    assert result.path_to_target.target == 93
    assert result.path_to_target.total_after >= result.path_to_line.total_after
    assert result.path_to_line.target == 85


def test_year_over_year_and_measure_effect(demo_ctx):
    oid = _id(demo_ctx, "อบต.ตะโกทอง")  # its measures for 2567 (seed 001) cover i7, i8, o10, ...
    with demo_ctx.db.session() as s:
        a = scores.get_assessment(s, oid, 2567, create=True)
        scores.write_indicator_scores(s, a, dict(zip(range(1, 11), [91, 80, 86, 80, 77, 82, 82, 77, 90, 75])))
        scores.write_item_scores(s, a, {"i7": 70, "i8": 40, "o10": 100, "i1": 90})
    result = full_analysis(demo_ctx, oid, 2567)
    assert result.previous_year == 2566
    assert result.indicators[9].change == 20.0 and result.indicators[0].change == pytest.approx(0.37)
    items = {i.code: i for i in result.items}
    assert items["i7"].change == pytest.approx(9.93) and items["i7"].had_measure
    assert items["i1"].change is None
    effect = result.measure_effect
    assert set(effect.compared) == {"i7", "i8", "o10"} and set(effect.rose) == {"i7", "o10"}
    assert effect.sentence == "มาตรการได้ผล 2 จาก 3 ข้อ"
