"""The plans service: the plan of a year, targets, projects by dimension, budget totals, risks."""

import pytest

from ita_desktop.models import Dimension, Plan, Project, ProjectBudget
from ita_desktop.services import offices
from ita_desktop.services.plans import ita_targets, plan_for_year


def _id(ctx, name):
    return offices.find_office(ctx, name).id


@pytest.fixture
def khaothong(demo_ctx):
    return _id(demo_ctx, "อบต.เขาทอง")


def test_sample_plan_shape(demo_ctx, khaothong):
    p = plan_for_year(demo_ctx, khaothong, 2567)
    assert (p.start_year, p.end_year, p.years) == (2566, 2570, (2566, 2567, 2568, 2569, 2570))
    assert p.title.startswith("แผนปฏิบัติการป้องกันการทุจริต")
    assert [d.number for d in p.dimensions] == [1, 2, 3, 4]
    assert [len(d.projects) for d in p.dimensions] == [2, 8, 2, 3]
    assert [x.code for x in p.projects] == [str(n) for n in range(1, 16)]
    assert [(t.year, t.ita_target) for t in p.targets] == [(2566, 90), (2567, 93), (2568, 95), (2569, 97), (2570, 99)]
    assert len(p.risks) == 5 and p.risks[0].level == "ต่ำ" and p.risks[0].controls


def test_project_detail_and_budgets(demo_ctx, khaothong):
    first = plan_for_year(demo_ctx, khaothong, 2566).projects[0]
    assert first.kind == "มาตรการ" and first.dimension == 1
    assert first.rationale and first.objectives and first.method and first.responsible
    assert "ผลผลิต" in first.outputs_outcomes
    assert first.budget(2568) == 0 and first.budget(2575) is None


def test_sample_budgets_total_zero(demo_ctx, khaothong):
    assert plan_for_year(demo_ctx, khaothong, 2566).budget_totals() == {y: 0 for y in range(2566, 2571)}


def _add_plan(ctx, office, start, end, budgets):
    with ctx.db.session() as s:
        plan = Plan(office_id=office, title=f"แผน {start}-{end}", start_year=start, end_year=end)
        dim = Dimension(number=1, name="มิติที่ ๑")
        for n, amounts in enumerate(budgets):
            project = Project(code=str(n + 1), name=f"โครงการ {n + 1}", sort_order=n)
            project.budgets = [ProjectBudget(year=y, amount=a) for y, a in amounts.items()]
            dim.projects.append(project)
        plan.dimensions.append(dim)
        s.add(plan)


def test_budget_totals_per_year(demo_ctx, khaothong):
    _add_plan(demo_ctx, khaothong, 2571, 2573, [{2571: 10000, 2572: 2500.5}, {2571: 5000, 2573: 1_000_000}])
    p = plan_for_year(demo_ctx, khaothong, 2572)
    assert p.budget_totals() == {2571: 15000, 2572: 2500.5, 2573: 1_000_000}


def test_plan_selection_by_year(demo_ctx, khaothong):
    _add_plan(demo_ctx, khaothong, 2561, 2565, [])
    assert plan_for_year(demo_ctx, khaothong, 2563).start_year == 2561
    assert plan_for_year(demo_ctx, khaothong, 2570).start_year == 2566
    # no plan covers 2580: the latest plan is shown
    assert plan_for_year(demo_ctx, khaothong, 2580).start_year == 2566
    assert plan_for_year(demo_ctx, khaothong, None).start_year == 2566
    assert plan_for_year(demo_ctx, khaothong, 2580).covers(2580) is False


def test_office_without_plan(demo_ctx):
    assert plan_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566) is None


def test_ita_targets_unchanged(demo_ctx, khaothong):
    assert ita_targets(demo_ctx, khaothong) == {2566: 90, 2567: 93, 2568: 95, 2569: 97, 2570: 99}
