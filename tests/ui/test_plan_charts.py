"""The plan's progress charts: scales and what they draw from core.plan's figures."""

from ita_desktop.core import plan as core_plan
from ita_desktop.ui.widgets.plan_charts import BudgetChart, StatusChart, nice_step, short_baht


def test_scales():
    assert nice_step(15) == 5 and nice_step(20000) == 5000 and nice_step(3_000_000) == 1_000_000
    assert short_baht(1_500_000) == "1.5 ล้าน" and short_baht(250_000) == "250,000"


def test_status_chart_draws_each_dimension_and_the_plan(qtbot):
    lines = [core_plan.EntryLine(1, core_plan.STATUS_DONE), core_plan.EntryLine(2, core_plan.STATUS_NOT_POSSIBLE),
             core_plan.EntryLine(2, "")]
    chart = StatusChart()
    qtbot.addWidget(chart)
    assert not chart.has_data()
    chart.set_data(core_plan.round_progress(lines, [1, 2, 3, 4]))
    assert chart.has_data() and [label for label, _x in chart.bars] == [
        "มิติที่ 1", "มิติที่ 2", "มิติที่ 3", "มิติที่ 4", "ทั้งแผน"]
    assert chart.bars[-1][1].not_possible == 1 and chart.bars[-1][1].not_reported == 1
    chart.resize(600, 300)
    assert not chart.grab().isNull()


def test_budget_chart(qtbot):
    rows, _total = core_plan.budget_by_year({2567: 12500.0, 2568: 20000.0}, {2567: 12000.0}, [2566, 2567, 2568])
    chart = BudgetChart()
    qtbot.addWidget(chart)
    chart.set_data(rows)
    assert chart.has_data() and rows[1].percent == 96.0
    chart.resize(600, 300)
    assert not chart.grab().isNull()
