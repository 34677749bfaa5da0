"""Catalogs for the years offices live in: FY 2569 bundled (soft), the current fiscal year and the next offered."""

import datetime as dt

from ita_desktop.services import criteria


def test_fiscal_year_starts_in_october():
    assert criteria.current_fiscal_year(dt.date(2026, 11, 30)) == 2570
    assert criteria.current_fiscal_year(dt.date(2026, 9, 30)) == 2569
    assert criteria.current_fiscal_year(dt.date(2026, 10, 1)) == 2570


def test_2569_is_bundled_soft_with_the_new_oit_and_unknown_texts_marked(ctx):
    catalog = criteria.get_criteria(ctx, 2569)
    assert [i.number for i in catalog.indicators] == list(range(1, 11))
    assert {t.code: t.weight for t in catalog.tools} == {"IIT": 30, "EIT": 30, "OIT": 40}
    oit = [i for i in catalog.items if i.code.startswith("o")]
    assert len(oit) == 26
    assert catalog.item("o25").text == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"
    assert catalog.item("o11").text.startswith("สรุปผลการจัดซื้อจัดจ้างรายเดือน")
    assert {i.code for i in oit if not i.text_known} == {"o2", "o6", "o7"}
    assert not catalog.item("i1").text_known
    assert criteria.is_soft(ctx, 2569) and not criteria.is_soft(ctx, 2566)
    assert "ตั้งค่า → เกณฑ์การประเมิน" in criteria.soft_banner(ctx, 2569)
    assert criteria.soft_banner(ctx, 2566) is None


def test_selector_offers_the_current_and_next_fiscal_year(ctx):
    years = criteria.offered_years(ctx, dt.date(2026, 11, 30))
    assert years == [2566, 2567, 2568, 2569, 2570, 2571]


def test_a_year_without_catalog_starts_as_a_soft_copy_of_the_newest(ctx):
    assert criteria.ensure_year(ctx, 2571)
    assert criteria.get_criteria(ctx, 2571).items == criteria.get_criteria(ctx, 2569).items
    assert criteria.is_soft(ctx, 2571)
    banner = criteria.soft_banner(ctx, 2571)
    assert "2571" in banner and "Excel" in banner
    assert not criteria.ensure_year(ctx, 2571)  # once only
    # Saving it in the criteria editor confirms it.
    criteria.save_criteria(ctx, criteria.get_criteria(ctx, 2571))
    assert not criteria.is_soft(ctx, 2571) and criteria.soft_banner(ctx, 2571) is None
