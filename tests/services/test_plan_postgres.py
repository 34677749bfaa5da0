"""The plan and monitoring services on both databases (booleans, restored ids, budgets in place)."""

from ita_desktop.core.plan import STATUS_DONE
from ita_desktop.services import monitoring, offices, plans
from ita_desktop.services.context import open_app
from ita_desktop.services.monitoring import EntryInput
from ita_desktop.services.plans import ProjectInput


def test_plan_flow(db_url, tmp_path):
    ctx = open_app(tmp_path / "data", db_url)
    try:
        office = offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลเขาทอง",
                                                                kind="องค์การบริหารส่วนตำบล")).id
        plan_id = plans.create_plan(ctx, office, 2569, 2572)
        dim = plans.get_plan(ctx, plan_id).dimensions[0]
        pid = plans.add_project(ctx, dim.id, ProjectInput(name="ก", budgets={2569: 100, 2570: 200}))
        plans.update_project(ctx, pid, ProjectInput(name="ก", budgets={2569: 150, 2571: 300}), expected_version=1)
        rid = monitoring.start_round(ctx, plan_id, 2569, 1)
        entry = monitoring.get_round(ctx, plan_id, 2569, 1).entries[0]
        monitoring.update_entry(ctx, entry.id, EntryInput(STATUS_DONE, 150, 150, 140, in_act_plan=True))
        monitoring.finish_round(ctx, rid)
        assert monitoring.get_round(ctx, plan_id, 2569, 1).finished
        monitoring.unlock_round(ctx, rid)
        snap = plans.delete_project(ctx, pid)
        plans.restore_project(ctx, snap)
        restored = plans.get_project(ctx, pid)
        assert restored.budgets == ((2569, 150.0), (2571, 300.0))
        assert monitoring.get_round(ctx, plan_id, 2569, 1).entries[0].in_act_plan is True
        new = plans.add_project(ctx, dim.id, ProjectInput(name="ข"))  # the sequence is past restored ids
        assert new != pid
    finally:
        ctx.close()
