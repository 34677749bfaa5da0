"""Scores over the years, plan targets, and the change against last year."""

import pytest

from ita_desktop.services import offices, plans, scores, trends
from ita_desktop.models import Plan, PlanTarget

SEED_001 = {1: 90.63, 2: 78.75, 3: 86.25, 4: 78.84, 5: 76.09, 6: 80.97, 7: 80.91, 8: 75.49, 9: 80.50, 10: 55.00}


@pytest.fixture
def office(ctx):
    return offices.save_office(ctx, offices.OfficeProfile(name="อบต.ตะโกทอง", kind="องค์การบริหารส่วนตำบล")).id


def _enter(ctx, office, year, values):
    for number, value in values.items():
        scores.set_indicator_score(ctx, office, year, number, value)


def _plan(ctx, office, start, targets):
    with ctx.db.session() as s:
        plan = Plan(office_id=office, title="แผน", start_year=start, end_year=start + 4)
        plan.targets = [PlanTarget(year=y, ita_target=t) for y, t in targets.items()]
        s.add(plan)


def test_trend_has_every_scored_year_with_total_and_tools(ctx, office):
    _enter(ctx, office, 2566, SEED_001)
    _enter(ctx, office, 2567, {n: 90.0 for n in range(1, 11)})
    trend = trends.office_trend(ctx, office)
    assert [p.year for p in trend.points] == [2566, 2567]
    assert round(trend.points[0].total, 2) == 75.47
    assert trend.points[0].level == "ต้องปรับปรุง"
    assert trend.series("total")[2567] == pytest.approx(90.0)
    assert round(trend.series("IIT")[2566], 3) == 82.112


def test_targets_come_from_the_plan_and_later_plans_win(ctx, office):
    _plan(ctx, office, 2561, {2565: 80.0, 2566: 85.0})
    _plan(ctx, office, 2566, {2566: 90.0, 2567: 93.0, 2568: None})
    assert plans.ita_targets(ctx, office) == {2565: 80.0, 2566: 90.0, 2567: 93.0}
    _enter(ctx, office, 2566, SEED_001)
    trend = trends.office_trend(ctx, office)
    assert trend.years == [2565, 2566, 2567]


def test_targets_of_another_office_are_not_mixed_in(ctx, office):
    other = offices.save_office(ctx, offices.OfficeProfile(name="อบต.เขาทอง", kind="องค์การบริหารส่วนตำบล")).id
    _plan(ctx, other, 2566, {2566: 90.0})
    assert plans.ita_targets(ctx, office) == {}


def test_change_against_last_year_per_indicator(ctx, office):
    _enter(ctx, office, 2566, SEED_001)
    assert trends.change_from_last_year(ctx, office, 2566) is None
    _enter(ctx, office, 2567, {**SEED_001, 2: 80.00, 10: 50.00})
    comparison = trends.change_from_last_year(ctx, office, 2567)
    changes = trends.indicator_changes(comparison)
    assert changes[2].change == pytest.approx(1.25)
    assert changes[10].change == pytest.approx(-5.0)
    assert changes[1].direction == "same"
    assert trends.indicator_changes(None) == {}
