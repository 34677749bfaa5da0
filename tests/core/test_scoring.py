"""Score arithmetic, checked against seed 001 (อบต.ตะโกทอง FY 2566) and by properties."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ita_desktop.core.criteria import load_criteria_year
from ita_desktop.core.levels import LEVEL_IMPROVE, LEVEL_PASS, round_score
from ita_desktop.core.scoring import (
    SOURCE_INDICATORS,
    SOURCE_ITEMS,
    SOURCE_OFFICIAL,
    ScoreError,
    compute_scores,
    validate_score,
)

C2566 = load_criteria_year(2566)
SEED_001_INDICATORS = {
    1: 90.63,
    2: 78.75,
    3: 86.25,
    4: 78.84,
    5: 76.09,
    6: 80.97,
    7: 80.91,
    8: 75.49,
    9: 80.50,
    10: 55.00,
}
# OIT items seed 001 lists at 0; every other OIT item was published (100).
SEED_001_OIT_ZEROS = {"o10", "o12", "o28", "o29", "o30", "o31", "o35", "o36", "o37", "o42", "o43"}
SEED_001_OIT = {f"o{n}": (0.0 if f"o{n}" in SEED_001_OIT_ZEROS else 100.0) for n in range(1, 44)}

scores = st.integers(0, 10000).map(lambda n: n / 100)
indicator_sets = st.fixed_dictionaries({n: scores for n in range(1, 11)})


def test_seed_001_total_and_levels():
    r = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS)
    assert round_score(r.total) == 75.47
    assert r.level_old == "B"
    assert r.level == LEVEL_IMPROVE
    assert r.tools["IIT"] == pytest.approx(82.112)
    assert r.tools["EIT"] == pytest.approx(79.1233, abs=1e-4)
    assert r.tools["OIT"] == pytest.approx(67.75)
    assert r.total_source == SOURCE_INDICATORS
    assert r.discrepancies == () and r.missing == ()


def test_seed_001_indicator_pass_flags():
    r = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS)
    assert [i.number for i in r.indicators if i.passed] == [1, 3]
    assert all(i.source == SOURCE_OFFICIAL for i in r.indicators)


def test_seed_001_oit_items_explain_the_oit_indicators():
    r = compute_scores(C2566, item_scores=SEED_001_OIT)
    # 9 = mean(90, 87.5, 100, 100, 25); 10 = mean(50, 60): sub-indicator means, not item means.
    assert r.indicator(9).score == pytest.approx(80.50)
    assert r.indicator(10).score == pytest.approx(55.00)
    assert r.indicator(9).source == SOURCE_ITEMS
    assert {s.code: s.score for s in r.sub_indicators}["9.5"] == pytest.approx(25)
    assert r.tools["OIT"] == pytest.approx(67.75)


def test_official_figures_and_complete_items_agree():
    r = compute_scores(C2566, item_scores=SEED_001_OIT, indicator_scores=SEED_001_INDICATORS, total=75.47)
    assert r.discrepancies == ()
    assert r.total == 75.47 and r.total_source == SOURCE_OFFICIAL


def test_complete_items_that_disagree_are_reported():
    items = {**SEED_001_OIT, "o10": 100.0}  # indicator 9 from items becomes 82.50
    r = compute_scores(C2566, item_scores=items, indicator_scores=SEED_001_INDICATORS)
    assert r.indicator(9).score == 80.50  # the official figure stays the truth
    (d,) = r.discrepancies
    assert (d.scope, d.key, d.official, d.computed) == ("indicator", "9", 80.50, pytest.approx(82.5))
    assert "ตัวชี้วัดที่ ๙" in d.message and "๘๒.๕๐" in d.message


def test_partial_items_never_contradict_official_scores():
    # Seed 001 lists only the weak items of indicator 2; their mean is far below 78.75.
    r = compute_scores(C2566, item_scores={"i7": 60.07, "i8": 44.40, "i9": 83.50}, indicator_scores=SEED_001_INDICATORS)
    assert r.discrepancies == ()
    assert r.item("i8").passed is False and r.item("i8").score == 44.40
    assert r.indicator(2).items_score == pytest.approx((60.07 + 44.40 + 83.50) / 3)


def test_official_total_that_disagrees_is_reported():
    r = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS, total=80.00)
    assert r.total == 80.00
    (d,) = r.discrepancies
    assert d.scope == "total" and d.computed == pytest.approx(75.4706)
    assert "๘๐.๐๐" in d.message


def test_differences_within_rounding_are_not_discrepancies():
    r = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS, total=75.48)
    assert r.discrepancies == ()  # 75.4706 vs 75.48: 0.0094
    r = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS, total=75.49)
    assert len(r.discrepancies) == 1


def test_items_only_total_is_compared_with_the_official_total():
    all_items = {i.code: 90.0 for i in C2566.items}
    r = compute_scores(C2566, item_scores=all_items, total=90.0)
    assert r.discrepancies == ()
    r = compute_scores(C2566, item_scores=all_items, total=91.0)
    assert [d.key for d in r.discrepancies] == ["total", "items"]


def test_official_tool_score_is_used_and_checked():
    r = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS, tool_scores={"IIT": 90.0})
    assert r.tools["IIT"] == 90.0
    assert [(d.scope, d.key) for d in r.discrepancies] == [("tool", "IIT")]


def test_eit_parts_carry_their_own_weights_and_count_for_the_level():
    inds = {n: 90.0 for n in range(1, 11)}
    r = compute_scores(C2566, indicator_scores=inds, tool_scores={"EIT1": 96.0, "EIT2": 84.0})
    assert r.parts == {"EIT1": 96.0, "EIT2": 84.0}
    assert r.tools["EIT"] == pytest.approx(90.0)
    assert r.total == pytest.approx(0.3 * 90 + 0.15 * 96 + 0.15 * 84 + 0.4 * 90)
    assert r.level == LEVEL_PASS  # EIT ส่วนที่ ๒ is below 85


def test_item_codes_in_thai_digits_are_understood_and_strangers_ignored():
    r = compute_scores(C2566, item_scores={"i๑๙": "๖๔.๖๐", "๐๑๐": 0, "x1": 50, "o99": 10})
    assert r.item("i19").score == 64.60 and r.item("o10").score == 0
    assert r.ignored == ("x1", "o99")


def test_indicators_without_data_are_excluded_and_listed():
    inds = dict(SEED_001_INDICATORS)
    del inds[3]
    r = compute_scores(C2566, indicator_scores=inds)
    assert r.indicator(3).score is None and r.indicator(3).source is None and r.indicator(3).passed is None
    assert r.tools["IIT"] == pytest.approx((90.63 + 78.75 + 78.84 + 76.09) / 4)
    assert any("ตัวชี้วัดที่ ๓" in m for m in r.missing)


def test_partial_item_coverage_is_noted():
    r = compute_scores(C2566, item_scores={"i7": 60.0}, indicator_scores={n: 80 for n in range(3, 11)} | {1: 80})
    assert r.indicator(2).source == SOURCE_ITEMS and r.indicator(2).score == 60.0
    assert any("๑ จาก ๖" in m for m in r.missing)


def test_a_tool_without_any_score_leaves_the_total_open():
    r = compute_scores(C2566, indicator_scores={n: 90 for n in range(1, 9)})
    assert r.total is None and r.level is None and r.level_old is None
    assert r.tools["OIT"] is None
    assert any("OIT" in m for m in r.missing)


def test_official_total_alone_gives_old_band_but_not_an_undecidable_level():
    r = compute_scores(C2566, total=93.92)
    assert r.total == 93.92 and r.level_old == "A"
    assert r.level is None  # ผ่าน or ผ่านดี depends on the tool scores
    assert any("ระดับ" in m for m in r.missing)
    assert compute_scores(C2566, total=60).level == "ต้องปรับปรุงโดยด่วน"


def test_pass_line_can_be_overridden():
    r = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS, pass_line=90)
    assert [i.number for i in r.indicators if i.passed] == [1]
    assert r.pass_line == 90


def test_2568_catalog_scores_without_parts():
    c = load_criteria_year(2568)
    r = compute_scores(c, indicator_scores={n: 90 for n in range(1, 11)})
    assert r.total == pytest.approx(90) and r.parts == {}
    assert r.level == "ผ่านดี"


@pytest.mark.parametrize("value, expected", [(75.47, 75.47), (0, 0.0), (100, 100.0), ("๗๕.๔๗", 75.47), (" 85 ", 85.0), ("90.10", 90.1)])
def test_validate_score_accepts(value, expected):
    assert validate_score(value) == expected


@pytest.mark.parametrize(
    "value, message",
    [
        (-0.01, "คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"),
        (100.01, "คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"),
        (75.471, "ทศนิยม"),
        ("abc", "ตัวเลข"),
        ("", "กรุณากรอกคะแนน"),
        (None, "ตัวเลข"),
        (True, "ตัวเลข"),
        (float("nan"), "ตัวเลข"),
        (math.inf, "ตัวเลข"),
    ],
)
def test_validate_score_rejects_with_thai_message(value, message):
    with pytest.raises(ScoreError, match=message):
        validate_score(value)


def test_score_error_is_a_value_error_and_inputs_are_validated():
    assert issubclass(ScoreError, ValueError)
    with pytest.raises(ScoreError):
        compute_scores(C2566, indicator_scores={1: 101})


@given(inds=indicator_sets)
def test_total_stays_between_0_and_100(inds):
    r = compute_scores(C2566, indicator_scores=inds)
    assert 0 <= r.total <= 100
    assert r.level is not None and r.level_old is not None


@given(inds=indicator_sets, number=st.integers(1, 10), rise=st.integers(1, 10000).map(lambda n: n / 100))
def test_total_strictly_rises_when_an_indicator_rises(inds, number, rise):
    assume(inds[number] + rise <= 100)
    before = compute_scores(C2566, indicator_scores=inds)
    after = compute_scores(C2566, indicator_scores={**inds, number: round(inds[number] + rise, 2)})
    assert after.total > before.total  # every tool has weight > 0 and every indicator is used


@given(
    inds=st.dictionaries(st.integers(1, 10), scores, min_size=1),
    number=st.integers(1, 10),
    rise=st.integers(0, 10000).map(lambda n: n / 100),
    total=st.one_of(st.none(), scores),
)
def test_total_never_falls_when_a_score_rises(inds, number, rise, total):
    base = inds.get(number, 0.0)
    assume(base + rise <= 100)
    before = compute_scores(C2566, indicator_scores={**inds, number: base}, total=total)
    after = compute_scores(C2566, indicator_scores={**inds, number: round(base + rise, 2)}, total=total)
    if before.total is not None:
        assert after.total >= before.total


@given(
    items=st.fixed_dictionaries({i.code: scores for i in C2566.items}),
    code=st.sampled_from([i.code for i in C2566.items]),
    rise=st.integers(1, 10000).map(lambda n: n / 100),
)
def test_total_from_items_strictly_rises_when_an_item_rises(items, code, rise):
    assume(items[code] + rise <= 100)
    before = compute_scores(C2566, item_scores=items)
    after = compute_scores(C2566, item_scores={**items, code: round(items[code] + rise, 2)})
    assert 0 <= before.total <= 100
    assert after.total > before.total


@given(inds=indicator_sets, code=st.sampled_from(["i1", "e7", "o20"]), a=scores, b=scores)
def test_item_scores_do_not_move_an_official_total(inds, code, a, b):
    # Item scores explain official indicator scores; they never replace them.
    first = compute_scores(C2566, item_scores={code: a}, indicator_scores=inds)
    second = compute_scores(C2566, item_scores={code: b}, indicator_scores=inds)
    assert first.total == second.total


def test_unknown_indicator_numbers_and_tool_codes_are_ignored_not_used():
    r = compute_scores(C2566, indicator_scores={**SEED_001_INDICATORS, 11: 50}, tool_scores={"XYZ": 10, "oit": 67.75})
    assert r.ignored == ("11", "XYZ")
    assert r.tools["OIT"] == 67.75 and round(r.total, 2) == 75.47


@pytest.mark.parametrize(
    "total, level, band",
    [(84.99, LEVEL_IMPROVE, "B"), (85.00, "ผ่านดี", "A"), (94.99, "ผ่านดี", "A"), (95.00, "ผ่านดีเยี่ยม", "AA")],
)
def test_level_boundaries_through_compute_scores(total, level, band):
    tools = {"IIT": 96, "EIT1": 96, "EIT2": 96, "OIT": 96}
    r = compute_scores(C2566, tool_scores=tools, total=total)
    assert (r.level, r.level_old) == (level, band)


@given(
    tools=st.fixed_dictionaries({code: scores for code in ("IIT", "EIT1", "EIT2", "OIT")}),
    code=st.sampled_from(["IIT", "EIT1", "EIT2", "OIT"]),
    rise=st.integers(1, 10000).map(lambda n: n / 100),
)
def test_total_strictly_rises_when_a_tool_or_part_rises(tools, code, rise):
    assume(tools[code] + rise <= 100)
    before = compute_scores(C2566, tool_scores=tools)
    after = compute_scores(C2566, tool_scores={**tools, code: round(tools[code] + rise, 2)})
    assert 0 <= before.total <= 100
    assert after.total > before.total


def test_a_single_part_below_the_line_still_makes_it_pass_only():
    inds = {n: 90.0 for n in range(1, 11)}
    r = compute_scores(C2566, indicator_scores=inds, tool_scores={"EIT2": 80.0})
    assert r.tools["EIT"] == 90.0  # one part alone does not replace the indicator mean
    assert r.total == pytest.approx(90.0)
    assert r.level == LEVEL_PASS
