"""core.overview: many offices ranked, levels counted, weak indicators and OIT items found."""

import random

import pytest

from ita_desktop.core.criteria import load_criteria_year
from ita_desktop.core.overview import (LEVEL_UNKNOWN, OfficeYear, QuickScorer, build_overview, filter_offices,
                                       kind_matches, overview_json, with_previous, with_weak)
from ita_desktop.core.scoring import compute_scores


def office(i, name, scores, **kw):
    return OfficeYear(i, name, kw.pop("district", "ซับใหญ่"), kw.pop("province", "ชัยภูมิ"),
                      {n: s for n, s in enumerate(scores, 1)}, **kw)


SEED001 = [90.63, 78.75, 86.25, 78.84, 76.09, 80.97, 80.91, 75.49, 80.5, 55.0]


@pytest.mark.parametrize("year", [2566, 2567, 2568, 2569])
def test_quick_scorer_agrees_with_compute_scores(year):
    catalog = load_criteria_year(year)
    scorer = QuickScorer(catalog, catalog.pass_line)
    rng = random.Random(year)
    for k in range(300):
        ind = {n: round(rng.uniform(40, 100), 2) for n in range(1, 11)}
        tools = {}
        if k % 3 == 0:
            tools["OIT"] = round(rng.uniform(0, 100), 2)
        if k % 5 == 0 and year == 2566:
            tools.update({"EIT1": round(rng.uniform(60, 100), 2), "EIT2": round(rng.uniform(60, 100), 2)})
        official = round(rng.uniform(50, 100), 2) if k % 7 == 0 else None
        items = {i.code: rng.choice((0.0, 100.0, 55.5)) for i in catalog.items} if k % 4 == 0 else {}
        quick = scorer.score(OfficeYear(k, "x", indicators=ind, items=items, tools=tools, official_total=official))
        full = compute_scores(catalog, items, ind, tools, official)
        assert quick.total == pytest.approx(full.total, abs=1e-9) and quick.level == full.level
        assert scorer.total(ind, tools, official) == quick.total  # the previous year's total alone
    missing = {n: 70.0 for n in range(1, 10)}  # indicator 10 missing: only the full computation knows
    assert scorer.total(missing) is False and scorer.total(missing, official_total=71.5) == 71.5


@pytest.mark.parametrize("year", [2566, 2567, 2568, 2569])
def test_the_plain_office_path_scores_to_the_last_bit_as_the_general_one(year):
    """An office with its indicators only (the national case) takes a shorter path: the same
    totals, levels and weak indicators exactly."""
    catalog = load_criteria_year(year)
    quick, general = QuickScorer(catalog, catalog.pass_line), QuickScorer(catalog, catalog.pass_line)
    general._plain = None
    rng = random.Random(year)
    offices = [OfficeYear(k, "x", indicators={n: rng.choice((round(rng.uniform(40, 100), 2), 84.995, 85.0, 100.0))
                                              for n in range(1, 11)},
                          official_total=round(rng.uniform(50, 100), 2) if k % 9 == 0 else None)
               for k in range(2_000)]
    assert [quick.score(o) for o in offices] == [general.score(o) for o in offices]
    assert quick._plain is not None


def test_seed_001_total_and_weak_indicators():
    catalog = load_criteria_year(2566)
    ov = build_overview(catalog, [office(1, "องค์การบริหารส่วนตำบลตะโกทอง", SEED001)])
    (only,) = ov.offices
    assert round(only.total, 2) == 75.47 and only.level == "ต้องปรับปรุง" and only.rank == 1
    assert only.below == (2, 4, 5, 6, 7, 8, 9, 10)


def test_ranking_ties_levels_change_and_weak_indicators():
    catalog = load_criteria_year(2567)
    rows = [office(1, "องค์การบริหารส่วนตำบลก", [95] * 10), office(2, "เทศบาลตำบลข", [90] * 9 + [80]),
            office(3, "องค์การบริหารส่วนตำบลค", [90] * 9 + [80]), office(4, "เทศบาลเมืองง", [60] * 10),
            OfficeYear(5, "องค์การบริหารส่วนตำบลจ", "เมือง", "ขอนแก่น", {1: 90.0})]
    ov = build_overview(catalog, rows, previous={1: 90.0, 4: 65.5})
    assert [o.rank for o in ov.offices][:4] == [1, 2, 2, 4]
    assert [o.office_id for o in ov.offices][:4] in ([1, 2, 3, 4], [1, 3, 2, 4])
    assert ov.offices[-1].office_id == 5 and ov.offices[-1].rank is None and ov.offices[-1].total is None
    assert ov.offices[0].change == 5.0 and ov.offices[3].change == -5.5 and ov.offices[1].change is None
    assert ov.offices[1].previous_total is None
    levels = dict(ov.level_counts)
    assert levels["ผ่านดีเยี่ยม"] == 1 and levels["ผ่านดี"] == 2 and levels["ต้องปรับปรุงโดยด่วน"] == 1
    assert LEVEL_UNKNOWN not in levels and sum(levels.values()) == ov.scored_offices == 4
    assert ov.indicators[0].number == 10 and ov.indicators[0].below == 3 and ov.indicators[0].scored == 4
    assert ov.indicators[1].below == 1  # indicator 1: office 4 only (office 5's 90 is above)
    assert ov.mean_change == -0.25
    first = build_overview(catalog, rows)  # the ranking shown before the previous year is read
    assert first.mean_change is None and all(o.previous_total is None for o in first.offices)
    assert with_previous(first, {1: 90.0, 4: 65.5}) == ov
    ranking = build_overview(catalog, rows, weak=False)  # the ranking alone, the weak lists after
    assert not ranking.weak_known and ranking.indicators == () and ranking.oit_zero == ()
    assert ranking.offices == first.offices and ranking.level_counts == first.level_counts
    assert with_previous(with_weak(ranking, catalog, rows), {1: 90.0, 4: 65.5}) == ov and ov.weak_known


def test_a_line_of_90_counts_more_indicators_below():
    catalog = load_criteria_year(2567)
    rows = [office(1, "องค์การบริหารส่วนตำบลก", [88] * 10)]
    assert build_overview(catalog, rows).indicators[0].below == 0
    assert build_overview(catalog, rows, line=90).indicators[0].below == 1


def test_oit_items_most_often_zero():
    catalog = load_criteria_year(2566)
    rows = [OfficeYear(k, f"อบต.{k}", items={"o1": 0.0, "o2": 100.0, "o10": 0.0 if k < 2 else 100.0})
            for k in range(3)]
    ov = build_overview(catalog, rows)
    assert [(z.code, z.zero, z.scored) for z in ov.oit_zero] == [("o1", 3, 3), ("o10", 2, 3)]


def test_filters_by_province_district_and_kind():
    rows = [office(1, "องค์การบริหารส่วนตำบลก", SEED001), office(2, "เทศบาลตำบลข", SEED001, district="เมือง"),
            office(3, "เทศบาลเมืองค", SEED001, province="ขอนแก่น", district="เมือง")]
    assert [o.office_id for o in filter_offices(rows, province="ชัยภูมิ")] == [1, 2]
    assert [o.office_id for o in filter_offices(rows, district="เมือง")] == [2, 3]
    assert [o.office_id for o in filter_offices(rows, kind="ทต.")] == [2]
    assert [o.office_id for o in filter_offices(rows, kind="อบต")] == [1]
    assert [o.office_id for o in filter_offices(rows, kind="เทศบาลเมือง")] == [3]
    assert kind_matches("องค์การบริหารส่วนตำบลก", None)


def test_json_shape():
    catalog = load_criteria_year(2566)
    data = overview_json(build_overview(catalog, [office(1, "องค์การบริหารส่วนตำบลตะโกทอง", SEED001)],
                                        previous={1: 70.0}, filters=(("province", "ชัยภูมิ"),)))
    assert set(data) == {"year", "line", "filters", "offices", "mean_total", "mean_change", "levels", "ranking",
                         "indicators_below_line", "oit_items_zero"}
    assert data["filters"] == {"province": "ชัยภูมิ"} and data["ranking"][0]["total"] == 75.47
    assert data["ranking"][0]["change"] == 5.47 and data["indicators_below_line"][0]["offices_below"] == 1
