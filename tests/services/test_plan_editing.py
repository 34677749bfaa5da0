"""Editing the plan: create, copy, projects with budgets, risks, targets; versions, audit, undo."""

import json

import pytest
from sqlalchemy import func, select

from ita_desktop.models import AuditEntry, Project, ProjectBudget
from ita_desktop.services import offices, plans
from ita_desktop.services.errors import ConflictError, UserError
from ita_desktop.services.plans import ProjectInput, RiskInput


@pytest.fixture
def khaothong(demo_ctx):
    return offices.find_office(demo_ctx, "อบต.เขาทอง").id


@pytest.fixture
def new_plan(demo_ctx, khaothong):
    return plans.create_plan(demo_ctx, khaothong, 2571, 2574)


def _count(ctx, model):
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _detail(e) -> dict:
    """An audit entry's detail with its old and new values (kept in their own columns)."""
    detail = json.loads(e.detail or "{}")
    for key in ("old", "new"):
        value = getattr(e, key)
        if value:
            detail[key] = json.loads(value)
    return detail


def _last_audit(ctx):
    with ctx.db.session() as s:
        e = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        return e.action, _detail(e)


def test_create_plan_with_national_dimensions_and_span_as_data(demo_ctx, new_plan):
    p = plans.get_plan(demo_ctx, new_plan)
    assert p.years == (2571, 2572, 2573, 2574) and p.version == 1
    assert [d.name for d in p.dimensions][0] == "การสร้างสังคมที่ไม่ทนต่อการทุจริต"
    assert p.title == "แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๗๑ - ๒๕๗๔)"
    assert p.office_name == "องค์การบริหารส่วนตำบลเขาทอง"


def test_create_plan_refuses_bad_or_overlapping_span(demo_ctx, khaothong):
    with pytest.raises(UserError, match="ทับช่วงปี"):
        plans.create_plan(demo_ctx, khaothong, 2569, 2572)
    with pytest.raises(UserError, match="ปีสิ้นสุด 2570 มาก่อนปีเริ่มต้น 2575"):
        plans.create_plan(demo_ctx, khaothong, 2575, 2570)
    assert len(plans.list_plans(demo_ctx, khaothong)) == 1


def test_add_project_with_budgets_and_nacc_fields(demo_ctx, new_plan):
    dim = plans.get_plan(demo_ctx, new_plan).dimensions[1]
    pid = plans.add_project(demo_ctx, dim.id, ProjectInput(
        name="โครงการอบรมคุณธรรม", kind="โครงการ", budgets={2571: 15000, 2572: 20000.5},
        years=(2571, 2572), quarters=(1, 2), target_groups=("บุคลากร", "ผู้บริหาร")))
    x = plans.get_project(demo_ctx, pid)
    assert (x.dimension, x.budget(2571), x.budget(2572), x.budget(2573)) == (2, 15000, 20000.5, None)
    assert x.years == (2571, 2572) and x.quarters == (1, 2)
    assert x.target_groups == ("ผู้บริหาร", "บุคลากร")  # in e-PlanNACC's order
    assert plans.get_plan(demo_ctx, new_plan).totals().by_year == {2571: 15000, 2572: 20000.5, 2573: 0, 2574: 0}
    action, detail = _last_audit(demo_ctx)
    assert action == "project.create" and detail["new"]["budgets"] == {"2571": 15000.0, "2572": 20000.5}


@pytest.mark.parametrize("data, message", [
    (ProjectInput(name="  "), "กรุณากรอกชื่อโครงการ"),
    (ProjectInput(name="ก", kind="แผนงาน"), "ประเภท 'แผนงาน' ไม่ถูกต้อง"),
    (ProjectInput(name="ก", budgets={2580: 100}), "ปี 2580 อยู่นอกช่วงของแผน พ.ศ. 2571-2574"),
    (ProjectInput(name="ก", budgets={2571: -5}), "งบประมาณปี 2571 ต้องเป็นจำนวนเงินไม่ติดลบ"),
    (ProjectInput(name="ก", no_budget=True, budgets={2571: 5}), "ไม่ใช้งบประมาณ แต่มีจำนวนเงิน"),
    (ProjectInput(name="ก", quarters=(5,)), "ไตรมาส '5'"),
    (ProjectInput(name="ก", target_groups=("นักท่องเที่ยว",)), "กลุ่มเป้าหมาย 'นักท่องเที่ยว'"),
])
def test_bad_project_is_refused_and_nothing_changes(demo_ctx, new_plan, data, message):
    dim = plans.get_plan(demo_ctx, new_plan).dimensions[0]
    before = _count(demo_ctx, Project)
    with pytest.raises(UserError, match=message):
        plans.add_project(demo_ctx, dim.id, data)
    assert _count(demo_ctx, Project) == before


def test_update_project_versions_and_conflict(demo_ctx, new_plan):
    dim = plans.get_plan(demo_ctx, new_plan).dimensions[0]
    pid = plans.add_project(demo_ctx, dim.id, ProjectInput(name="ก", budgets={2571: 100, 2572: 200}))
    v1 = plans.get_project(demo_ctx, pid)
    old = plans.project_input(v1)
    v2 = plans.update_project(demo_ctx, pid, ProjectInput(name="ข", budgets={2572: 300}), expected_version=1)
    assert v2 == 2 and plans.get_project(demo_ctx, pid).budgets == ((2572, 300.0),)
    with pytest.raises(ConflictError, match="ถูกแก้ไขโดยผู้ใช้อื่น"):
        plans.update_project(demo_ctx, pid, ProjectInput(name="ค"), expected_version=1)
    assert plans.get_project(demo_ctx, pid).name == "ข"
    action, detail = _last_audit(demo_ctx)
    assert action == "project.update" and detail["old"]["name"] == "ก" and detail["new"]["name"] == "ข"
    plans.update_project(demo_ctx, pid, old, expected_version=2)  # undo = the old values written back
    back = plans.get_project(demo_ctx, pid)
    assert (back.name, back.budgets, back.version) == ("ก", ((2571, 100.0), (2572, 200.0)), 3)


def test_move_project_to_another_dimension(demo_ctx, new_plan):
    dims = plans.get_plan(demo_ctx, new_plan).dimensions
    pid = plans.add_project(demo_ctx, dims[0].id, ProjectInput(name="ก"))
    plans.update_project(demo_ctx, pid, ProjectInput(name="ก"), dimension_id=dims[3].id)
    assert plans.get_project(demo_ctx, pid).dimension == 4


def test_delete_project_and_undo_restores_same_ids(demo_ctx, khaothong):
    plan = plans.plan_for_year(demo_ctx, khaothong, 2567)
    dim = plan.dimensions[0]
    pid = plans.add_project(demo_ctx, dim.id, ProjectInput(name="โครงการใหม่", budgets={2567: 5000, 2568: 7000}))
    before = plans.get_project(demo_ctx, pid)
    budget_ids = _budget_ids(demo_ctx, pid)
    snapshot = plans.delete_project(demo_ctx, pid, expected_version=1)
    with pytest.raises(UserError, match="ไม่พบโครงการนี้"):
        plans.get_project(demo_ctx, pid)
    json.dumps(snapshot)  # plain data
    assert plans.restore_project(demo_ctx, snapshot) == pid
    assert plans.get_project(demo_ctx, pid) == before and _budget_ids(demo_ctx, pid) == budget_ids
    with pytest.raises(UserError, match="มีอยู่แล้ว"):
        plans.restore_project(demo_ctx, snapshot)


def _budget_ids(ctx, pid):
    with ctx.db.session() as s:
        return sorted(s.scalars(select(ProjectBudget.id).where(ProjectBudget.project_id == pid)))


def test_delete_plan_and_restore_whole_tree(demo_ctx, khaothong):
    before = plans.plan_for_year(demo_ctx, khaothong, 2567)
    snapshot = plans.snapshot_plan(demo_ctx, before.id)
    assert plans.delete_plan(demo_ctx, before.id) == snapshot
    assert plans.plan_for_year(demo_ctx, khaothong, 2567) is None
    plans.restore_plan(demo_ctx, json.loads(json.dumps(snapshot)))
    assert plans.plan_for_year(demo_ctx, khaothong, 2567) == before


def test_copy_plan_into_new_span(demo_ctx, khaothong):
    src = plans.plan_for_year(demo_ctx, khaothong, 2567)
    pid = plans.add_project(demo_ctx, src.dimensions[1].id, ProjectInput(name="ก", budgets={2566: 10, 2570: 50}))
    new_id = plans.copy_plan(demo_ctx, src.id, 2571)
    new = plans.get_plan(demo_ctx, new_id)
    assert new.years == (2571, 2572, 2573, 2574, 2575)
    assert [d.name for d in new.dimensions] == [d.name for d in src.dimensions]
    assert [p.name for p in new.projects] == [p.name for p in plans.get_plan(demo_ctx, src.id).projects]
    copied = next(p for p in new.projects if p.name == "ก")
    assert copied.budgets == ((2571, 10.0), (2575, 50.0)) and copied.id != pid
    assert [(t.year, t.ita_target) for t in new.targets][0] == (2571, 90)
    assert len(new.risks) == len(src.risks) and new.projects[0].no_budget


def test_shorter_copy_drops_years_outside(demo_ctx, khaothong):
    src = plans.plan_for_year(demo_ctx, khaothong, 2567)
    new = plans.get_plan(demo_ctx, plans.copy_plan(demo_ctx, src.id, 2571, 2574))
    assert new.years == (2571, 2572, 2573, 2574) and [t.year for t in new.targets] == [2571, 2572, 2573, 2574]


def test_update_plan_and_dimension_names(demo_ctx, new_plan):
    v = plans.update_plan(demo_ctx, new_plan, "แผนใหม่", 2571, 2575, "เพื่อ ก\nเพื่อ ข", expected_version=1)
    p = plans.get_plan(demo_ctx, new_plan)
    assert (v, p.title, p.end_year, p.objectives) == (2, "แผนใหม่", 2575, "เพื่อ ก\nเพื่อ ข")
    dim = p.dimensions[0]
    assert plans.rename_dimension(demo_ctx, dim.id, "การสร้างวัฒนธรรมสุจริต", expected_version=1) == 2
    with pytest.raises(ConflictError):
        plans.rename_dimension(demo_ctx, dim.id, "x", expected_version=1)
    with pytest.raises(UserError, match="กรุณากรอกชื่อมิติที่ 1"):
        plans.rename_dimension(demo_ctx, dim.id, " ")
    assert plans.get_plan(demo_ctx, new_plan).dimensions[0].name == "การสร้างวัฒนธรรมสุจริต"


def test_plan_span_cannot_drop_years_with_budget(demo_ctx, new_plan):
    dim = plans.get_plan(demo_ctx, new_plan).dimensions[0]
    plans.add_project(demo_ctx, dim.id, ProjectInput(name="ก", budgets={2574: 100}))
    with pytest.raises(UserError, match="ยังมีงบประมาณของปี 2574"):
        plans.update_plan(demo_ctx, new_plan, "แผน", 2571, 2573)
    assert plans.get_plan(demo_ctx, new_plan).end_year == 2574


def test_risks_crud_with_undo(demo_ctx, new_plan):
    rid = plans.add_risk(demo_ctx, new_plan, RiskInput("การจัดซื้อจัดจ้าง", "เอกสารผิดพลาด", "สูง", "ตรวจทาน"))
    assert plans.get_plan(demo_ctx, new_plan).risks[0].level == "สูง"
    assert plans.update_risk(demo_ctx, rid, RiskInput("การจัดซื้อจัดจ้าง", level="กลาง"), expected_version=1) == 2
    with pytest.raises(UserError, match="กรุณากรอกกระบวนงาน"):
        plans.update_risk(demo_ctx, rid, RiskInput(""))
    snap = plans.delete_risk(demo_ctx, rid, expected_version=2)
    assert plans.get_plan(demo_ctx, new_plan).risks == ()
    plans.restore_risk(demo_ctx, snap)
    r = plans.get_plan(demo_ctx, new_plan).risks[0]
    assert (r.id, r.level, r.version) == (rid, "กลาง", 2)


def test_targets_set_update_delete_restore(demo_ctx, new_plan):
    tid = plans.set_target(demo_ctx, new_plan, 2572, 93, 20, "คดีลดลง")
    assert plans.set_target(demo_ctx, new_plan, 2572, 94, 20, expected_version=1) == tid
    t = plans.get_plan(demo_ctx, new_plan).targets[0]
    assert (t.year, t.ita_target, t.fewer_cases_percent, t.version) == (2572, 94, 20, 2)
    with pytest.raises(UserError, match="ปี 2580 อยู่นอกช่วง"):
        plans.set_target(demo_ctx, new_plan, 2580, 90)
    with pytest.raises(UserError, match="ต้องอยู่ระหว่าง 0 ถึง 100"):
        plans.set_target(demo_ctx, new_plan, 2572, 120)
    snap = plans.delete_target(demo_ctx, tid)
    assert plans.get_plan(demo_ctx, new_plan).targets == ()
    plans.restore_target(demo_ctx, snap)
    assert plans.get_plan(demo_ctx, new_plan).targets == (t,)


def test_move_project_within_its_dimension_and_back(demo_ctx, khaothong):
    plan = plans.plan_for_year(demo_ctx, khaothong, 2567)
    dim = plan.dimensions[1]
    last = dim.projects[-1]
    assert plans.move_project(demo_ctx, last.id, 0) == len(dim.projects) - 1
    names = [p.name for p in plans.get_plan(demo_ctx, plan.id).dimensions[1].projects]
    assert names[0] == last.name and names[1:] == [p.name for p in dim.projects[:-1]]
    plans.move_project(demo_ctx, last.id, len(dim.projects) - 1)  # undo
    assert [p.name for p in plans.get_plan(demo_ctx, plan.id).dimensions[1].projects] == [p.name for p in dim.projects]
    with pytest.raises(UserError, match="ลำดับที่ 99 ไม่มีในมิติที่ 2"):
        plans.move_project(demo_ctx, last.id, 98)
