"""Monitoring rounds: start from the plan or from round 1, entries, lock and unlock, progress."""

import json

import pytest

from ita_desktop.core.plan import STATUS_DONE, STATUS_IN_PROGRESS, STATUS_NOT_POSSIBLE
from ita_desktop.services import monitoring, offices, plans
from ita_desktop.services.errors import ConflictError, UserError
from ita_desktop.services.monitoring import EntryInput
from ita_desktop.services.plans import ProjectInput


@pytest.fixture
def plan_id(demo_ctx):
    """A 4-year plan: dimension 1 has two budgeted projects, dimension 2 one without budget."""
    office = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    pid = plans.create_plan(demo_ctx, office, 2571, 2574)
    dims = plans.get_plan(demo_ctx, pid).dimensions
    plans.add_project(demo_ctx, dims[0].id, ProjectInput(name="ก", budgets={2571: 10000, 2572: 5000}))
    plans.add_project(demo_ctx, dims[0].id, ProjectInput(name="ข", budgets={2571: 20000}, years=(2571,)))
    plans.add_project(demo_ctx, dims[1].id, ProjectInput(name="ค", kind="มาตรการ", no_budget=True))
    plans.add_project(demo_ctx, dims[2].id, ProjectInput(name="ง", years=(2573,)))
    return pid


def _entries(ctx, plan_id, year=2571, round_no=1):
    return {e.project_name: e for e in monitoring.get_round(ctx, plan_id, year, round_no).entries}


def test_round_one_starts_from_the_plan(demo_ctx, plan_id):
    assert monitoring.get_round(demo_ctx, plan_id, 2571, 1) is None
    rid = monitoring.start_round(demo_ctx, plan_id, 2571, 1)
    assert monitoring.start_round(demo_ctx, plan_id, 2571, 1) == rid  # started once
    e = _entries(demo_ctx, plan_id)
    assert list(e) == ["ก", "ข", "ค"]  # ง runs in 2573 only
    assert (e["ก"].budget_in_plan, e["ข"].budget_in_plan, e["ค"].no_budget) == (10000, 20000, True)
    assert e["ค"].dimension == 2 and e["ค"].kind == "มาตรการ"
    monitoring.start_round(demo_ctx, plan_id, 2572, 1)
    assert list(_entries(demo_ctx, plan_id, 2572)) == ["ก", "ค"]  # ข runs in 2571 only


def _record_mixed(ctx, plan_id):
    monitoring.start_round(ctx, plan_id, 2571, 1)
    e = _entries(ctx, plan_id)
    monitoring.update_entry(ctx, e["ก"].id, EntryInput(STATUS_DONE, 10000, 9000, 8500.5, in_act_plan=True),
                            expected_version=1)
    monitoring.update_entry(ctx, e["ข"].id, EntryInput(STATUS_NOT_POSSIBLE, 20000, reason="อื่นๆ",
                                                       reason_text="น้ำท่วมพื้นที่"))
    monitoring.update_entry(ctx, e["ค"].id, EntryInput(STATUS_IN_PROGRESS, no_budget=True, remark="ต่อเนื่อง"))


def test_mixed_statuses_give_counts_and_totals_per_dimension(demo_ctx, plan_id):
    _record_mixed(demo_ctx, plan_id)
    view = monitoring.get_round(demo_ctx, plan_id, 2571, 1)
    p = view.progress([1, 2, 3, 4])
    one, two, three = p.by_dimension[1], p.by_dimension[2], p.by_dimension[3]
    assert (one.done, one.in_progress, one.not_possible, one.planned, one.in_act, one.disbursed) == \
        (1, 0, 1, 30000, 9000, 8500.5)
    assert (two.done, two.in_progress, two.planned, two.disbursed) == (0, 1, 0, 0)
    assert three.projects == 0
    assert (p.total.done, p.total.in_progress, p.total.not_possible, p.total.disbursed) == (1, 1, 1, 8500.5)
    b = _entries(demo_ctx, plan_id)["ข"]
    assert (b.reason, b.reason_text, b.version) == ("อื่นๆ", "น้ำท่วมพื้นที่", 2)


@pytest.mark.parametrize("data, message", [
    (EntryInput("เสร็จแล้ว"), "สถานะ 'เสร็จแล้ว' ไม่ถูกต้อง"),
    (EntryInput(STATUS_NOT_POSSIBLE), "กรุณาเลือกเหตุที่ไม่สามารถดำเนินการได้"),
    (EntryInput(STATUS_NOT_POSSIBLE, reason="อื่นๆ"), "กรุณาระบุเหตุผล"),
    (EntryInput(STATUS_DONE, reason="บุคลากรไม่เพียงพอ"), "ระบุเหตุผลได้เฉพาะเมื่อ"),
    (EntryInput(STATUS_DONE, disbursed=-1), "จำนวนเงินที่เบิกจ่าย ต้องเป็นจำนวนเงินไม่ติดลบ"),
    (EntryInput(STATUS_DONE, disbursed=5, no_budget=True), "ไม่ใช้งบประมาณ แต่มีจำนวนเงินที่เบิกจ่าย"),
])
def test_bad_entry_refused_naming_the_project(demo_ctx, plan_id, data, message):
    monitoring.start_round(demo_ctx, plan_id, 2571, 1)
    entry = _entries(demo_ctx, plan_id)["ก"]
    with pytest.raises(UserError, match=message) as err:
        monitoring.update_entry(demo_ctx, entry.id, data)
    assert "โครงการ 'ก'" in str(err.value)
    assert _entries(demo_ctx, plan_id)["ก"] == entry


def test_finished_round_refuses_edits_until_unlocked(demo_ctx, plan_id):
    _record_mixed(demo_ctx, plan_id)
    view = monitoring.get_round(demo_ctx, plan_id, 2571, 1)
    entry = _entries(demo_ctx, plan_id)["ค"]
    assert monitoring.finish_round(demo_ctx, view.id, expected_version=1) == 2
    assert monitoring.get_round(demo_ctx, plan_id, 2571, 1).finished
    with pytest.raises(UserError, match="ปิดแล้ว \\(แล้วเสร็จ\\) แก้ไขไม่ได้"):
        monitoring.update_entry(demo_ctx, entry.id, EntryInput(STATUS_DONE))
    with pytest.raises(UserError, match="ปิดแล้ว"):
        monitoring.delete_round(demo_ctx, view.id)
    with pytest.raises(UserError, match="มีรายงานในรอบการติดตามปี 2571 ที่ปิดแล้ว"):
        plans.delete_project(demo_ctx, entry.project_id)
    assert _entries(demo_ctx, plan_id)["ค"].status == STATUS_IN_PROGRESS
    with pytest.raises(ConflictError):
        monitoring.unlock_round(demo_ctx, view.id, expected_version=1)
    monitoring.unlock_round(demo_ctx, view.id, expected_version=2)
    monitoring.update_entry(demo_ctx, entry.id, EntryInput(STATUS_DONE, no_budget=True))
    assert _entries(demo_ctx, plan_id)["ค"].status == STATUS_DONE


def test_unlock_is_audited(demo_ctx, plan_id):
    from sqlalchemy import select

    from ita_desktop.models import AuditEntry

    rid = monitoring.start_round(demo_ctx, plan_id, 2571, 1)
    monitoring.finish_round(demo_ctx, rid)
    monitoring.unlock_round(demo_ctx, rid)
    with demo_ctx.db.session() as s:
        e = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (e.action, e.entity_id, json.loads(e.old)) == ("monitoring.unlock", rid, {"finished": True})


def test_round_two_starts_from_round_one(demo_ctx, plan_id):
    _record_mixed(demo_ctx, plan_id)
    monitoring.start_round(demo_ctx, plan_id, 2571, 2)
    one, two = _entries(demo_ctx, plan_id, 2571, 1), _entries(demo_ctx, plan_id, 2571, 2)
    assert list(two) == list(one)
    assert two["ก"].as_input() == one["ก"].as_input() and two["ข"].reason_text == "น้ำท่วมพื้นที่"
    assert two["ก"].id != one["ก"].id


def test_delete_and_restore_round(demo_ctx, plan_id):
    _record_mixed(demo_ctx, plan_id)
    before = monitoring.get_round(demo_ctx, plan_id, 2571, 1)
    snap = monitoring.delete_round(demo_ctx, before.id)
    assert monitoring.get_round(demo_ctx, plan_id, 2571, 1) is None
    monitoring.restore_round(demo_ctx, json.loads(json.dumps(snap)))
    assert monitoring.get_round(demo_ctx, plan_id, 2571, 1) == before


def test_project_undo_brings_back_its_entries(demo_ctx, plan_id):
    _record_mixed(demo_ctx, plan_id)
    entry = _entries(demo_ctx, plan_id)["ก"]
    snap = plans.delete_project(demo_ctx, entry.project_id)
    assert "ก" not in _entries(demo_ctx, plan_id)
    plans.restore_project(demo_ctx, snap)
    assert _entries(demo_ctx, plan_id)["ก"] == entry


def test_bad_round_or_year(demo_ctx, plan_id):
    with pytest.raises(UserError, match="รอบการรายงาน '3' ไม่ถูกต้อง"):
        monitoring.start_round(demo_ctx, plan_id, 2571, 3)
    with pytest.raises(UserError, match="ปี 2580 อยู่นอกช่วงของแผน"):
        monitoring.start_round(demo_ctx, plan_id, 2580, 1)


def test_plan_progress_budget_and_scores(demo_ctx, plan_id):
    _record_mixed(demo_ctx, plan_id)
    p = monitoring.plan_progress(demo_ctx, plan_id, 2571, 2)  # falls back to round 1
    assert p.round.round == 1 and p.by_status.total.done == 1
    assert [(b.year, b.planned, b.disbursed) for b in p.budget_years][:2] == [(2571, 30000, 8500.5), (2572, 5000, None)]
    assert (p.budget_total.planned, p.budget_total.disbursed) == (35000, 8500.5)
    assert [s.year for s in p.scores] == [2571, 2572, 2573, 2574]


def test_sample_plan_scores_against_targets(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    plan = plans.plan_for_year(demo_ctx, office, 2567)
    p = monitoring.plan_progress(demo_ctx, plan.id)
    assert [(s.year, s.target) for s in p.scores] == [(2566, 90), (2567, 93), (2568, 95), (2569, 97), (2570, 99)]
    assert p.round is None and p.budget_total.planned == 0


def test_scenario_of_the_gui_test_below_the_ui(demo_ctx, tmp_path):
    """Add a project with budgets for two years, record round 1 for it, lock the round, export
    the report; its deletion is refused while the round is locked, and undone after unlocking."""
    office = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    plan = plans.plan_for_year(demo_ctx, office, 2567)
    pid = plans.add_project(demo_ctx, plan.dimensions[0].id,
                            ProjectInput(name="โครงการใหม่", budgets={2567: 10000, 2568: 12000}))
    rid = monitoring.start_round(demo_ctx, plan.id, 2567, 1)
    entry = _entries(demo_ctx, plan.id, 2567)["โครงการใหม่"]
    assert entry.budget_in_plan == 10000
    monitoring.update_entry(demo_ctx, entry.id, EntryInput(STATUS_DONE, 10000, 10000, 9800, in_act_plan=True))
    monitoring.finish_round(demo_ctx, rid)
    out = monitoring.write_monitoring_report(demo_ctx, plan.id, 2567, 1, tmp_path / "r.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(UserError, match="กรุณาเปิดรอบนั้นก่อน"):
        plans.delete_project(demo_ctx, pid)
    monitoring.unlock_round(demo_ctx, rid)
    snap = plans.delete_project(demo_ctx, pid)
    assert "โครงการใหม่" not in [p.name for p in plans.get_plan(demo_ctx, plan.id).projects]
    plans.restore_project(demo_ctx, snap)
    restored = plans.get_project(demo_ctx, pid)
    assert (restored.budget(2567), restored.budget(2568)) == (10000, 12000)
    assert _entries(demo_ctx, plan.id, 2567)["โครงการใหม่"].disbursed == 9800


def test_a_project_added_after_the_round_started_gets_its_line(demo_ctx, plan_id):
    rid = monitoring.start_round(demo_ctx, plan_id, 2571, 1)
    assert monitoring.missing_projects(demo_ctx, rid) == []
    dim = plans.get_plan(demo_ctx, plan_id).dimensions[3]
    plans.add_project(demo_ctx, dim.id, ProjectInput(name="จ", budgets={2571: 3000}))
    plans.add_project(demo_ctx, dim.id, ProjectInput(name="ฉ", years=(2572,)))  # not this year
    assert monitoring.missing_projects(demo_ctx, rid) == ["จ"]
    added = monitoring.add_missing_entries(demo_ctx, rid)
    assert _entries(demo_ctx, plan_id)["จ"].budget_in_plan == 3000
    assert monitoring.missing_projects(demo_ctx, rid) == []
    snapshots = monitoring.remove_entries(demo_ctx, added)
    assert "จ" not in _entries(demo_ctx, plan_id)
    monitoring.restore_entries(demo_ctx, snapshots)
    assert _entries(demo_ctx, plan_id)["จ"].id == added[0]
    monitoring.finish_round(demo_ctx, rid)
    with pytest.raises(UserError, match="ปิดแล้ว"):
        monitoring.remove_entries(demo_ctx, added)
