"""Gains on the total and the shortest path to a line, on seed 001's data and on random cases."""

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ita_desktop.core.criteria import load_criteria_year
from ita_desktop.core.gains import (
    PathStep,
    indicator_gains,
    indicator_weight,
    item_gains,
    item_weight,
    path_to,
    raised_total,
    shortest_path,
)
from ita_desktop.core.levels import round_score
from ita_desktop.core.scoring import compute_scores

C2566 = load_criteria_year(2566)
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "scores.json"


def _seed_001():
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    tako = next(o for o in data if o["source"] == "seed 001")
    return compute_scores(
        C2566,
        item_scores={i["code"]: i["score"] for i in tako["items"]},
        indicator_scores={i["number"]: i["score"] for i in tako["indicators"]},
        total=tako["official_total"],
    )


def _full_scores(seed: int = 7):
    """A fully scored office-year: every item of the 2566 catalog."""
    import random

    rng = random.Random(seed)
    return {i.code: (rng.choice([0, 100]) if i.code.startswith("o") else round(rng.uniform(40, 100), 2))
            for i in C2566.items}


def test_seed_001_indicator_10_gains():
    gains = {g.key: g for g in indicator_gains(C2566, _seed_001(), 85)}
    assert round_score(gains["10"].gain_to_100) == 9.00
    assert round_score(gains["10"].gain_to_line) == 6.00
    assert gains["1"].gain_to_line == 0  # 90.63 is above the line already
    assert gains["1"].gain_to_100 == pytest.approx(0.3 / 5 * (100 - 90.63))


def test_seed_001_indicator_gains_to_100_add_up_to_what_is_missing():
    result = _seed_001()
    total = sum(g.gain_to_100 for g in indicator_gains(C2566, result, 85))
    assert round_score(total) == pytest.approx(round_score(100 - result.total), abs=0.01)


def test_seed_001_o10_is_worth_0_40():
    gains = {g.key: g for g in item_gains(C2566, _seed_001(), 85)}
    assert round_score(gains["o10"].gain_to_100) == 0.40
    assert gains["o10"].gain_to_line == pytest.approx(0.34)
    assert item_weight(C2566, "o10") == pytest.approx(0.4 / 2 / 5 / 10)


def test_item_weights_of_a_tool_add_up_to_its_weight():
    for tool in C2566.tools:
        items = [i for i in C2566.items if C2566.indicator(i.indicator).tool == tool.code]
        assert sum(item_weight(C2566, i.code) for i in items) == pytest.approx(C2566.tool_weight(tool.code) / 100)
        assert sum(indicator_weight(C2566, i.number) for i in C2566.indicators_of(tool.code)) == pytest.approx(
            C2566.tool_weight(tool.code) / 100)


def test_every_item_to_100_gives_100():
    scores = _full_scores()
    result = compute_scores(C2566, item_scores=scores)
    after = raised_total(C2566, result.total, scores, {code: 100.0 for code in scores})
    assert after == pytest.approx(100)
    assert result.total + sum(g.gain_to_100 for g in item_gains(C2566, result, 85)) == pytest.approx(100)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 12))
def test_a_gain_is_what_scoring_gives(seed, n):
    """The linear gain of a raise equals the change core.scoring computes from the raised items."""
    import random

    scores = _full_scores(seed)
    rng = random.Random(seed)
    raises = {code: 100.0 for code in rng.sample(sorted(scores), n)}
    before = compute_scores(C2566, item_scores=scores).total
    after = compute_scores(C2566, item_scores={**scores, **raises}).total
    assert raised_total(C2566, before, scores, raises) == pytest.approx(after)


def test_seed_001_path_to_85():
    result = _seed_001()
    path = path_to(C2566, result, 85, 85)
    gains = [s.gain for s in path.steps]
    assert gains == sorted(gains, reverse=True)
    assert all(s.raise_to == (100 if s.code.startswith("o") else 85) for s in path.steps)
    assert path.total_after == pytest.approx(result.total + sum(gains))
    # Seed 001 lists only the weak items, so 85 is out of reach with them alone.
    assert path.reached is (round_score(path.total_after) >= 85)


def _brute_force(total, target, steps):
    for k in range(len(steps) + 1):
        for combo in itertools.combinations(steps, k):
            if round_score(total + sum(s.gain for s in combo)) >= target:
                return k
    return None


step_lists = st.lists(st.integers(1, 400).map(lambda n: n / 100), min_size=0, max_size=9)


@settings(max_examples=200, deadline=None)
@given(total=st.integers(5000, 9500).map(lambda n: n / 100), target=st.sampled_from([85.0, 90.0, 93.0]),
       gains=step_lists)
def test_shortest_path_is_minimal(total, target, gains):
    steps = [PathStep(f"o{n}", "OIT", 0.0, 100.0, g) for n, g in enumerate(gains, start=1)]
    path = shortest_path(total, target, steps)
    best = _brute_force(total, target, steps)
    if best is None:
        assert not path.reached and len(path.steps) == len(steps)
    else:
        assert path.reached and len(path.steps) == best


def test_path_on_a_fully_scored_year_reaches_the_line():
    scores = _full_scores(3)
    result = compute_scores(C2566, item_scores=scores)
    assert result.total < 85
    path = path_to(C2566, result, 85, 85)
    assert path.reached
    raised = {s.code: s.raise_to for s in path.steps}
    assert round_score(compute_scores(C2566, item_scores={**scores, **raised}).total) >= 85
    # One item fewer (drop the smallest gain) stays below.
    fewer = dict(list(raised.items())[:-1])
    assert round_score(compute_scores(C2566, item_scores={**scores, **fewer}).total) < 85


def test_path_to_target_raises_perception_items_to_the_target():
    scores = _full_scores(3)
    result = compute_scores(C2566, item_scores=scores)
    path = path_to(C2566, result, 93, 85)
    assert {s.raise_to for s in path.steps if not s.code.startswith("o")} <= {93}
    assert path.target == 93


def test_no_total_no_path():
    result = compute_scores(C2566, indicator_scores={1: 80})
    assert path_to(C2566, result, 85, 85) is None


@settings(max_examples=40, deadline=None)
@given(weak=st.lists(st.tuples(st.sampled_from([i.code for i in C2566.items]), st.integers(0, 8400)),
                     min_size=1, max_size=7, unique_by=lambda t: t[0]),
       target=st.sampled_from([85.0, 90.0, 93.0]))
def test_path_is_minimal_against_brute_force_through_scoring(weak, target):
    """Few weak items in an otherwise strong year: no smaller set of raises (recomputed by
    core.scoring) reaches the target than the path's."""
    scores = {i.code: (100.0 if i.code.startswith("o") else 95.0) for i in C2566.items}
    for code, value in weak:
        scores[code] = 0.0 if code.startswith("o") else value / 100
    result = compute_scores(C2566, item_scores=scores)
    path = path_to(C2566, result, target, 85)
    # Two float sums of one total may fall on either side of a x.xx5 rounding edge: not a case to judge.
    assume(all(abs((v * 100) % 1 - 0.5) > 1e-6 for v in (result.total, path.total_after)))
    perception_to = max(85.0, target)
    raises = {code: (100.0 if code.startswith("o") else perception_to) for code, _ in weak
              if scores[code] < (100.0 if code.startswith("o") else perception_to)}

    def reaches(codes):
        raised = {**scores, **{c: raises[c] for c in codes}}
        return round_score(compute_scores(C2566, item_scores=raised).total) >= target

    best = next((k for k in range(len(raises) + 1)
                 for combo in itertools.combinations(raises, k) if reaches(combo)), None)
    if best is None:
        assert not path.reached
    else:
        assert path.reached and len(path.steps) == best
        assert reaches(path.codes)
