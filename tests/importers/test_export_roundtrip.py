"""documents.scores_xlsx writes what the importer reads back to the same numbers."""

import random

import pytest

from ita_desktop.documents.scores_xlsx import (
    IndicatorScore, ItemScore, OfficeScores, write_office_scores_xlsx, write_year_scores_xlsx,
)
from ita_desktop.importers import read_score_workbook
from tests.importers.criteria_data import INDICATOR_NAMES, criteria_2566
from tests.importers.make_corpus import DISTRICTS


def office(k: int, rnd: random.Random, items: int = 88) -> OfficeScores:
    criteria = criteria_2566()
    return OfficeScores(
        org_name=f"องค์การบริหารส่วนตำบลทดสอบ{k}" if k % 2 else f"เทศบาลตำบลทดสอบ{k}",
        district=DISTRICTS[k % len(DISTRICTS)], province="ชัยภูมิ", year=2566,
        indicators=tuple(IndicatorScore(n, name, round(rnd.uniform(0, 100), 2), tool)
                         for n, (name, tool) in INDICATOR_NAMES.items()),
        items=tuple(ItemScore(i.code, i.text, round(rnd.uniform(0, 100), 6), i.indicator)
                    for i in rnd.sample(criteria.items, items)),
    )


def assert_same(parsed, original: OfficeScores):
    assert parsed.org_name == original.org_name
    assert (parsed.district, parsed.province, parsed.year) == (original.district, original.province, original.year)
    assert parsed.indicator_scores == {i.number: i.score for i in original.indicators}
    assert parsed.item_scores == {i.code: i.score for i in original.items}
    assert parsed.item_texts == {i.code: i.text for i in original.items}


@pytest.mark.parametrize("seed", range(5))
def test_one_office_round_trip(tmp_path, seed):
    rnd = random.Random(seed)
    original = office(seed, rnd, items=rnd.randint(0, 88))
    path = write_office_scores_xlsx(original, tmp_path / "office.xlsx")
    (parsed,) = read_score_workbook(path, criteria_2566()).offices
    assert_same(parsed, original)


def test_all_offices_of_a_year_round_trip(tmp_path):
    rnd = random.Random(7)
    originals = [office(k, rnd, items=rnd.randint(0, 20)) for k in range(30)]
    path = write_year_scores_xlsx(originals, tmp_path / "year.xlsx")
    parsed = read_score_workbook(path, criteria_2566()).offices
    assert len(parsed) == 30
    for p, o in zip(parsed, originals):
        assert_same(p, o)


def test_an_office_without_district_and_items(tmp_path):
    original = OfficeScores("อบต.ตะโกทอง", None, None, 2566,
                            tuple(IndicatorScore(n, name, 90.0) for n, (name, _) in INDICATOR_NAMES.items()))
    (parsed,) = read_score_workbook(write_office_scores_xlsx(original, tmp_path / "o.xlsx"), criteria_2566()).offices
    assert parsed.org_name == "องค์การบริหารส่วนตำบลตะโกทอง"
    assert (parsed.district, parsed.province, parsed.item_scores) == (None, None, {})


def test_offices_of_several_years_are_a_programming_error(tmp_path):
    a = OfficeScores("อบต.ก", None, None, 2566)
    with pytest.raises(ValueError):
        write_year_scores_xlsx([a, OfficeScores("อบต.ข", None, None, 2567)], tmp_path / "x.xlsx")
