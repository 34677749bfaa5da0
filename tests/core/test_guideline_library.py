"""The guidelines library covers every item and indicator of every bundled catalog year."""

import pytest

from ita_desktop.core.criteria import available_years, load_criteria_year
from ita_desktop.core.guidelines import INDICATOR, ITEM, library_years, load_library

SEED_001_I7 = ("ควรจัดให้มีการประชุมเพื่อชี้แจงงบประมาณของหน่วยงานเพื่อกำกับติดตามแผนการดำเนินงานและ"
               "แผนการใช้จ่ายงบประมาณให้บุคลากรภายในทราบ")


def test_library_years_are_2566_to_2569():
    assert set(library_years()) >= {2566, 2567, 2568, 2569}


@pytest.mark.parametrize("year", available_years())
def test_every_item_and_indicator_has_a_guideline(year):
    catalog, library = load_criteria_year(year), load_library(year)
    assert library.year == year
    missing = [i.code for i in catalog.items if not library.text(ITEM, i.code).strip()]
    missing += [str(i.number) for i in catalog.indicators if not library.text(INDICATOR, str(i.number)).strip()]
    assert missing == []


def test_seed_001_texts_are_the_starting_point():
    library = load_library(2566)
    assert library.text(ITEM, "i7") == SEED_001_I7


@pytest.mark.parametrize("year", [2566, 2567, 2568, 2569])
def test_oit_guidelines_say_what_when_and_where(year):
    library = load_library(year)
    oit = {k: v for k, v in library.items.items() if k.startswith("o")}
    assert oit and all("เว็บไซต์" in t and "ควรเผยแพร่" in t for t in oit.values())
    assert all(("ปีงบประมาณ" in t) or ("ปัจจุบัน" in t) for t in oit.values())


def test_a_year_without_a_library_uses_the_nearest_earlier_one():
    assert load_library(2570).year == 2569
    assert load_library(2560).year == 2566
