"""Editing the plan's projects (with yearly budgets and the nine-part detail), risks and
yearly targets: one audited transaction each, version checks, snapshots for undo."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.core import plan as core_plan
from ita_desktop.core.plan import KINDS, TARGET_GROUPS
from ita_desktop.models import Dimension, MonitoringRound, Plan, PlanTarget, Project, ProjectReport, Risk

from . import audit
from .errors import UserError
from .plan_rows import (
    _get, _insert_project, _join_ints, _project_data, _refuse_existing, _text, bump, check_version, new_row, row_data,
    set_budgets,
)
from .plan_views import ProjectView, _project_view

# --- projects -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectInput:
    """What the clerk enters for a project: summary-table fields, e-PlanNACC fields and the
    nine-part detail. ``budgets`` maps plan year -> baht."""

    name: str
    kind: str = "โครงการ"
    code: str = ""
    remark: str = ""
    budgets: dict[int, float] = field(default_factory=dict)
    no_budget: bool = False
    years: tuple[int, ...] = ()  # empty: every plan year
    quarters: tuple[int, ...] = ()
    target_groups: tuple[str, ...] = ()
    rationale: str = ""
    objectives: str = ""
    target_group: str = ""
    method: str = ""
    period: str = ""
    budget_text: str = ""
    responsible: str = ""
    outputs_outcomes: str = ""


_DETAIL = ("rationale", "objectives", "target_group", "method", "period", "budget_text", "responsible",
           "outputs_outcomes")


def project_input(view: ProjectView) -> ProjectInput:
    """The values of a project as an input (undo of an update writes these back)."""
    return ProjectInput(
        name=view.name, kind=view.kind, code=view.code, remark=view.remark, budgets=dict(view.budgets),
        no_budget=view.no_budget, years=view.years, quarters=view.quarters, target_groups=view.target_groups,
        **{k: getattr(view, k) for k in _DETAIL},
    )


def validate_project(data: ProjectInput, start_year: int, end_year: int) -> None:
    """Refuse a project the plan cannot hold, with a Thai message naming the field."""
    name = _text(data.name, "ชื่อโครงการ/กิจกรรม/มาตรการ", required=True)
    where = f"โครงการ '{name}'"
    if data.kind not in KINDS:
        raise UserError(f"{where}: ประเภท '{data.kind}' ไม่ถูกต้อง ต้องเป็นหนึ่งใน {' / '.join(KINDS)}")
    for year in (*data.budgets, *data.years):
        if not start_year <= int(year) <= end_year:
            raise UserError(f"{where}: ปี {year} อยู่นอกช่วงของแผน พ.ศ. {start_year}-{end_year}")
    for year, amount in data.budgets.items():
        if amount is None or not isinstance(amount, (int, float)) or amount < 0:
            raise UserError(f"{where}: งบประมาณปี {year} ต้องเป็นจำนวนเงินไม่ติดลบ (ได้รับ '{amount}')")
    if data.no_budget and any(data.budgets.values()):
        raise UserError(f"{where}: ระบุว่า{core_plan.NO_BUDGET_TEXT} แต่มีจำนวนเงินในบางปี")
    for q in data.quarters:
        if q not in (1, 2, 3, 4):
            raise UserError(f"{where}: ไตรมาส '{q}' ต้องเป็น 1 ถึง 4")
    for group in data.target_groups:
        if group not in TARGET_GROUPS:
            raise UserError(f"{where}: กลุ่มเป้าหมาย '{group}' ไม่อยู่ในรายการ ({', '.join(TARGET_GROUPS)})")


def _apply_project(p: Project, data: ProjectInput) -> None:
    p.name, p.kind, p.code, p.remark = data.name.strip(), data.kind, data.code.strip(), data.remark.strip()
    for k in _DETAIL:
        setattr(p, k, (getattr(data, k) or "").strip())
    p.no_budget = bool(data.no_budget)
    p.run_years = _join_ints(data.years)
    p.quarters = _join_ints(data.quarters)
    p.target_groups = "\n".join(g for g in TARGET_GROUPS if g in data.target_groups)
    set_budgets(p, data.budgets)


def _project_state(p: Project) -> dict:
    data = row_data(p)
    data["budgets"] = {b.year: b.amount for b in p.budgets}
    return data


def add_project(ctx, dimension_id: int, data: ProjectInput) -> int:
    """A new project at the end of the dimension; returns its id."""
    with ctx.db.session() as s:
        dim = _get(s, Dimension, dimension_id, "มิติ")
        validate_project(data, dim.plan.start_year, dim.plan.end_year)
        orders = [p.sort_order for p in dim.projects]
        project = Project(dimension_id=dim.id, name=data.name, sort_order=max(orders, default=-1) + 1)
        _apply_project(project, data)
        s.add(project)
        s.flush()
        audit.record(s, "project.create", "project", project.id, new=_project_state(project))
        return project.id


def update_project(ctx, project_id: int, data: ProjectInput, expected_version: int | None = None,
                   dimension_id: int | None = None) -> int:
    """Write the project's values (and move it to ``dimension_id`` of the same plan when given);
    returns the new version."""
    with ctx.db.session() as s:
        project = _get(s, Project, project_id, "โครงการ")
        plan = project.dimension.plan
        validate_project(data, plan.start_year, plan.end_year)
        check_version(project, expected_version)
        if dimension_id is not None and dimension_id != project.dimension_id:
            target = _get(s, Dimension, dimension_id, "มิติ")
            if target.plan_id != plan.id:
                raise UserError("ย้ายโครงการไปมิติของแผนอื่นไม่ได้")
            project.dimension = target
        old = _project_state(project)
        _apply_project(project, data)
        bump(project)
        s.flush()
        audit.record(s, "project.update", "project", project.id, old=old, new=_project_state(project))
        return project.version


def get_project(ctx, project_id: int) -> ProjectView:
    with ctx.db.session() as s:
        project = _get(s, Project, project_id, "โครงการ")
        plan = project.dimension.plan
        return _project_view(project, project.dimension, tuple(range(plan.start_year, plan.end_year + 1)))


def snapshot_project(ctx, project_id: int) -> dict:
    """The project with its budgets and monitoring entries (ids included), for undo."""
    with ctx.db.session() as s:
        return _project_data(_get(s, Project, project_id, "โครงการ"))


def delete_project(ctx, project_id: int, expected_version: int | None = None) -> dict:
    """Delete the project with its budgets and monitoring entries; returns its snapshot."""
    with ctx.db.session() as s:
        project = _get(s, Project, project_id, "โครงการ")
        check_version(project, expected_version)
        _refuse_locked_rounds(s, project)
        snapshot = _project_data(project)
        s.delete(project)
        audit.record(s, "project.delete", "project", project_id, old=snapshot["project"],
                     budgets=snapshot["budgets"])
        return snapshot


def _refuse_locked_rounds(s: Session, project: Project) -> None:
    locked = s.scalars(select(MonitoringRound).join(ProjectReport, ProjectReport.round_id == MonitoringRound.id)
                       .where(ProjectReport.project_id == project.id, MonitoringRound.finished)).first()
    if locked is not None:
        raise UserError(f"ลบโครงการ '{project.name}' ไม่ได้: มีรายงานในรอบการติดตามปี {locked.year} "
                        f"ที่ปิดแล้ว (แล้วเสร็จ) กรุณาเปิดรอบนั้นก่อน")


def restore_project(ctx, snapshot: dict) -> int:
    """Put a deleted project back exactly (same id, budgets and monitoring entries)."""
    data = snapshot["project"]
    with ctx.db.session() as s:
        _refuse_existing(s, Project, data["id"], "โครงการ")
        _get(s, Dimension, data["dimension_id"], "มิติของโครงการ")
        _insert_project(s, snapshot)
        audit.record(s, "project.restore", "project", data["id"], new=data)
        return data["id"]


# --- risks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RiskInput:
    process: str
    risk: str = ""
    level: str = ""
    controls: str = ""


def _apply_risk(r: Risk, data: RiskInput) -> None:
    r.process = _text(data.process, "กระบวนงาน/ขั้นตอนของความเสี่ยง", required=True)
    r.risk, r.level, r.controls = (data.risk or "").strip(), (data.level or "").strip(), (data.controls or "").strip()


def add_risk(ctx, plan_id: int, data: RiskInput) -> int:
    with ctx.db.session() as s:
        plan = _get(s, Plan, plan_id, "แผน")
        risk = Risk(plan_id=plan.id, sort_order=max((r.sort_order for r in plan.risks), default=-1) + 1)
        _apply_risk(risk, data)
        s.add(risk)
        s.flush()
        audit.record(s, "risk.create", "risk", risk.id, new=row_data(risk))
        return risk.id


def update_risk(ctx, risk_id: int, data: RiskInput, expected_version: int | None = None) -> int:
    with ctx.db.session() as s:
        risk = _get(s, Risk, risk_id, "ความเสี่ยง")
        check_version(risk, expected_version)
        old = row_data(risk)
        _apply_risk(risk, data)
        bump(risk)
        audit.record(s, "risk.update", "risk", risk.id, old=old, new=row_data(risk))
        return risk.version


def snapshot_risk(ctx, risk_id: int) -> dict:
    with ctx.db.session() as s:
        return row_data(_get(s, Risk, risk_id, "ความเสี่ยง"))


def delete_risk(ctx, risk_id: int, expected_version: int | None = None) -> dict:
    with ctx.db.session() as s:
        risk = _get(s, Risk, risk_id, "ความเสี่ยง")
        check_version(risk, expected_version)
        snapshot = row_data(risk)
        s.delete(risk)
        audit.record(s, "risk.delete", "risk", risk_id, old=snapshot)
        return snapshot


def restore_risk(ctx, snapshot: dict) -> int:
    with ctx.db.session() as s:
        _refuse_existing(s, Risk, snapshot["id"], "ความเสี่ยง")
        _get(s, Plan, snapshot["plan_id"], "แผน")
        s.add(new_row(Risk, snapshot))
        audit.record(s, "risk.restore", "risk", snapshot["id"], new=snapshot)
        return snapshot["id"]


# --- yearly targets -------------------------------------------------------------------------


def set_target(ctx, plan_id: int, year: int, ita_target: float | None, fewer_cases_percent: float | None = None,
               other: str = "", expected_version: int | None = None) -> int:
    """The plan's targets for ``year`` (created if absent); returns the target's id."""
    for value, what in ((ita_target, "คะแนน ITA เป้าหมาย"), (fewer_cases_percent, "ร้อยละคดีทุจริตที่ลดลง")):
        if value is not None and not 0 <= value <= 100:
            raise UserError(f"{what}ของปี {year} ต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ {value:g})")
    with ctx.db.session() as s:
        plan = _get(s, Plan, plan_id, "แผน")
        if not plan.start_year <= year <= plan.end_year:
            raise UserError(f"ปี {year} อยู่นอกช่วงของแผน พ.ศ. {plan.start_year}-{plan.end_year}")
        target = next((t for t in plan.targets if t.year == year), None)
        old = None
        if target is None:
            target = PlanTarget(plan_id=plan.id, year=year)
            s.add(target)
        else:
            check_version(target, expected_version)
            old = row_data(target)
            bump(target)
        target.ita_target, target.fewer_cases_percent = ita_target, fewer_cases_percent
        target.other = (other or "").strip()
        s.flush()
        audit.record(s, "target.update" if old else "target.create", "plan_target", target.id,
                     old=old, new=row_data(target))
        return target.id


def snapshot_target(ctx, target_id: int) -> dict:
    with ctx.db.session() as s:
        return row_data(_get(s, PlanTarget, target_id, "ค่าเป้าหมาย"))


def delete_target(ctx, target_id: int, expected_version: int | None = None) -> dict:
    with ctx.db.session() as s:
        target = _get(s, PlanTarget, target_id, "ค่าเป้าหมาย")
        check_version(target, expected_version)
        snapshot = row_data(target)
        s.delete(target)
        audit.record(s, "target.delete", "plan_target", target_id, old=snapshot)
        return snapshot


def restore_target(ctx, snapshot: dict) -> int:
    with ctx.db.session() as s:
        _refuse_existing(s, PlanTarget, snapshot["id"], "ค่าเป้าหมาย")
        _get(s, Plan, snapshot["plan_id"], "แผน")
        s.add(new_row(PlanTarget, snapshot))
        audit.record(s, "target.restore", "plan_target", snapshot["id"], new=snapshot)
        return snapshot["id"]


def move_project(ctx, project_id: int, position: int, expected_version: int | None = None) -> int:
    """Put the project at ``position`` (0-based) within its dimension; returns its old position
    (undo = moving it back)."""
    with ctx.db.session() as s:
        project = _get(s, Project, project_id, "โครงการ")
        check_version(project, expected_version)
        order = list(project.dimension.projects)
        if not 0 <= position < len(order):
            raise UserError(f"ลำดับที่ {position + 1} ไม่มีในมิติที่ {project.dimension.number} "
                            f"(มี {len(order)} โครงการ)")
        old = order.index(project)
        order.insert(position, order.pop(old))
        for n, p in enumerate(order):
            p.sort_order = n
        bump(project)
        audit.record(s, "project.move", "project", project.id, old={"position": old}, new={"position": position})
        return old
