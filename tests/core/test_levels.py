"""Old bands AA-F and the new five levels, with their exact boundaries."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.core.levels import (
    LEVEL_EXCELLENT,
    LEVEL_GOOD,
    LEVEL_IMPROVE,
    LEVEL_PASS,
    LEVEL_URGENT,
    NEW_LEVELS,
    LevelRules,
    level_rules_from_dict,
    level_rules_to_dict,
    new_level,
    old_band,
    round_score,
)

scores = st.integers(0, 10000).map(lambda n: n / 100)  # 0.00 .. 100.00, as published


@pytest.mark.parametrize(
    "total, band",
    [
        (100, "AA"),
        (95.00, "AA"),
        (94.99, "A"),
        (85.00, "A"),
        (84.99, "B"),
        (75.47, "B"),
        (75.00, "B"),
        (74.99, "C"),
        (65.00, "C"),
        (64.99, "D"),
        (55.00, "D"),
        (54.99, "E"),
        (50.00, "E"),
        (49.99, "F"),
        (0, "F"),
    ],
)
def test_old_band_boundaries(total, band):
    assert old_band(total) == band


def test_scores_are_compared_after_rounding_to_two_decimals():
    # 84.995 prints as 85.00, so it is 85; 84.994 prints as 84.99.
    assert round_score(84.995) == 85.0
    assert round_score(84.994) == 84.99
    assert old_band(84.995) == "A" and old_band(84.994) == "B"
    assert old_band(94.995) == "AA" and old_band(94.9949) == "A"
    # Binary noise of a weighted sum must not push an exact x.xx5 down.
    assert round_score(0.3 * 84.995 + 0.7 * 84.995) == 85.0


@pytest.mark.parametrize(
    "total, tools, level",
    [
        (95.00, [95, 95, 95], LEVEL_EXCELLENT),
        (100, [100, 100, 100], LEVEL_EXCELLENT),
        (94.99, [95, 95, 95], LEVEL_GOOD),
        (95.00, [95, 94.99, 100], LEVEL_GOOD),
        (85.00, [85, 85, 85], LEVEL_GOOD),
        (85.00, [85, 84.99, 90], LEVEL_PASS),
        (93.92, [99, 80, 99], LEVEL_PASS),  # seed 003 kind: total high, one tool low
        (84.99, [90, 90, 90], LEVEL_IMPROVE),
        (70.00, [70, 70, 70], LEVEL_IMPROVE),
        (69.99, [70, 70, 70], LEVEL_URGENT),
        (0, [0, 0, 0], LEVEL_URGENT),
    ],
)
def test_new_level_table(total, tools, level):
    assert new_level(total, dict(zip(("IIT", "EIT", "OIT"), tools))) == level


def test_seed_001_level():
    assert new_level(75.47, {"IIT": 82.112, "EIT": 79.123, "OIT": 67.75}) == LEVEL_IMPROVE


def test_parts_count_as_tools():
    # 2566: IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒ and OIT must each reach 85.
    assert new_level(88, {"IIT": 90, "EIT1": 90, "EIT2": 84.99, "OIT": 90}) == LEVEL_PASS


def test_unknown_tools_leave_the_level_open_unless_a_known_tool_fails():
    assert new_level(90, {"IIT": 90, "EIT": None, "OIT": 90}) is None
    assert new_level(90, {"IIT": 80, "EIT": None, "OIT": 90}) == LEVEL_PASS
    assert new_level(90, {}) is None
    assert new_level(80, {}) == LEVEL_IMPROVE  # below the line the tools do not matter


@given(total=st.integers(8500, 10000).map(lambda n: n / 100), tools=st.lists(scores, min_size=3, max_size=4), low=scores)
def test_one_tool_below_85_is_pass_never_good(total, tools, low):
    low = min(low, 84.99)
    tools = [*tools[1:], low]
    assert new_level(total, tools) == LEVEL_PASS


@given(total=scores, tools=st.lists(scores, min_size=3, max_size=4))
def test_new_level_follows_the_rules(total, tools):
    level = new_level(total, tools)
    if total < 70:
        assert level == LEVEL_URGENT
    elif total < 85:
        assert level == LEVEL_IMPROVE
    elif min(tools) < 85:
        assert level == LEVEL_PASS
    elif total >= 95 and min(tools) >= 95:
        assert level == LEVEL_EXCELLENT
    else:
        assert level == LEVEL_GOOD


@given(a=scores, b=scores, tools=st.lists(scores, min_size=3, max_size=3))
def test_higher_total_never_gets_a_worse_level(a, b, tools):
    low, high = sorted((a, b))
    assert NEW_LEVELS.index(new_level(high, tools)) <= NEW_LEVELS.index(new_level(low, tools))
    assert "AA A B C D E F".split().index(old_band(high)) <= "AA A B C D E F".split().index(old_band(low))


def test_rules_are_data():
    strict = LevelRules(excellent=97, good=90, improve=75)
    assert new_level(89.99, [95, 95, 95], strict) == LEVEL_IMPROVE
    assert new_level(90.00, [95, 95, 95], strict) == LEVEL_GOOD
    assert new_level(96.00, [96, 96, 96], strict) == LEVEL_GOOD
    assert new_level(74.99, [95, 95, 95], strict) == LEVEL_URGENT
    assert level_rules_from_dict(level_rules_to_dict(strict)) == strict
    assert level_rules_from_dict(None) == LevelRules()
    assert level_rules_from_dict({"improve": 60}) == LevelRules(95, 85, 60)


def test_inconsistent_rules_are_rejected():
    with pytest.raises(ValueError):
        LevelRules(excellent=80, good=85, improve=70)


def test_round_score_rejects_nan():
    with pytest.raises(ValueError):
        round_score(float("nan"))


def test_round_score_quick_path_agrees_with_the_decimal_rounding():
    """The quick path gives exactly what rounding the Decimal half up gives, for every kind of score."""
    import random
    from decimal import ROUND_HALF_UP, Decimal

    def by_decimal(value: float) -> float:
        return float(Decimal(repr(round(value, 9))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    rng = random.Random(14)
    values = [rng.uniform(0, 100) for _ in range(20_000)]
    values += [round(rng.uniform(0, 100), 2) for _ in range(5_000)]  # as stored
    values += [k / 1000 for k in range(0, 100_001, 5)]  # every half cent from 0 to 100
    values += [k / 1000 + d for k in range(0, 100_001, 5) for d in (1e-7, -1e-7, 1e-10, -1e-10)]
    weights = (30, 30, 40)  # weighted sums with their binary noise
    values += [sum(w * rng.choice((84.995, 76.125, 90.005, round(rng.uniform(0, 100), 2))) for w in weights) / 100
               for _ in range(5_000)]
    values += [0.0, 100.0, 1e5 + 0.005, 5e-10, 123456.785]
    assert [round_score(v) for v in values if v >= 0] == [by_decimal(v) for v in values if v >= 0]
    assert round_score(-0.005) == by_decimal(-0.005) and round_score(-12.344) == by_decimal(-12.344)
