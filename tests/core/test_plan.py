"""Plan arithmetic: budget cells, summary totals, round progress, score against target."""

import pytest

from ita_desktop.core.plan import (
    NO_BUDGET, STATUS_DONE, STATUS_IN_PROGRESS, STATUS_NOT_POSSIBLE, BudgetLine, BudgetTextError, EntryLine,
    budget_by_year, budget_totals, format_baht, parse_budget, round_progress, score_against_target,
)


@pytest.mark.parametrize("cell, value", [
    ("12,500", 12500.0), ("๑๒,๕๐๐.๕๐", 12500.5), ("20000 บาท", 20000.0), ("1,234,567", 1234567.0),
    ("-", None), ("", None), (None, None), ("  ", None), (3000, 3000.0), (0, 0.0),
    ("ไม่ใช้งบประมาณ", NO_BUDGET), (" ไม่ใช้ งบประมาณ ", NO_BUDGET),
])
def test_parse_budget(cell, value):
    assert parse_budget(cell) == value


@pytest.mark.parametrize("cell", ["สองหมื่น", "12,50", "1,2345", "-5", -5, "12.5.1", True])
def test_parse_budget_refuses_with_thai_message(cell):
    with pytest.raises(BudgetTextError) as err:
        parse_budget(cell)
    assert "จำนวนเงิน" in str(err.value)


def test_format_baht():
    assert [format_baht(x) for x in (None, 0, 12500, 2500.5)] == ["-", "-", "12,500", "2,500.50"]


def test_budget_totals_per_dimension_year_and_overall():
    lines = [BudgetLine(1, {2566: 100, 2567: 50}), BudgetLine(1, {2566: 10}), BudgetLine(3, {2568: 7})]
    t = budget_totals(lines, (2566, 2567, 2568), (1, 2, 3, 4))
    assert t.by_dimension[1] == {2566: 110, 2567: 50, 2568: 0}
    assert t.by_dimension[2] == {2566: 0, 2567: 0, 2568: 0}
    assert t.dimension_totals == {1: 160, 2: 0, 3: 7, 4: 0}
    assert t.by_year == {2566: 110, 2567: 50, 2568: 7} and t.overall == 167


def test_round_progress_mixed_statuses():
    lines = [
        EntryLine(1, STATUS_DONE, 1000, 1000, 900), EntryLine(1, STATUS_IN_PROGRESS, 500, 400, 100),
        EntryLine(2, STATUS_NOT_POSSIBLE, 300, None, None), EntryLine(2, STATUS_DONE, None, None, None),
        EntryLine(2, ""),
    ]
    p = round_progress(lines, dimensions=(1, 2, 3, 4))
    one, two, three = p.by_dimension[1], p.by_dimension[2], p.by_dimension[3]
    assert (one.done, one.in_progress, one.not_possible, one.planned, one.disbursed) == (1, 1, 0, 1500, 1000)
    assert (two.done, two.not_possible, two.not_reported, two.planned, two.disbursed) == (1, 1, 1, 300, 0)
    assert three.projects == 0 and three.disbursed_percent is None
    assert (p.total.projects, p.total.done, p.total.in_act, p.total.disbursed) == (5, 2, 1400, 1000)
    assert p.total.disbursed_percent == pytest.approx(1000 / 1800 * 100)


def test_budget_by_year_and_total():
    rows, total = budget_by_year({2566: 1000, 2567: 2000}, {2566: 800}, (2566, 2567, 2568))
    assert [(r.year, r.planned, r.disbursed) for r in rows] == [(2566, 1000, 800), (2567, 2000, None), (2568, 0, None)]
    assert rows[0].percent == 80 and rows[1].percent is None
    assert (total.planned, total.disbursed) == (3000, 800)


def test_score_against_target():
    rows = score_against_target({2566: 90, 2567: 93}, {2566: 91.5, 2567: 88.25}, (2566, 2567, 2568))
    assert [(r.met, r.gap) for r in rows] == [(True, 1.5), (False, -4.75), (None, None)]
