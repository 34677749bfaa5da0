"""The office's anti-corruption action plans: reading them, and every edit a clerk makes
(plan, dimensions, projects with budgets, risks, targets), each in one audited transaction
with version checks and snapshots for undoing a deletion. Projects, risks and targets are
edited in plan_edit (re-exported here); the views live in plan_views."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.core.plan import NATIONAL_DIMENSIONS
from ita_desktop.models import Dimension, MonitoringRound, Office, Plan, PlanTarget, Project, ProjectBudget, Risk

from . import audit
from .errors import UserError
from .plan_edit import (  # re-exported: one entry point for the editing services
    ProjectInput, RiskInput, add_project, add_risk, delete_project, delete_risk, delete_target, get_project,
    move_project, project_input, restore_project, restore_risk, restore_target, set_target, snapshot_project,
    snapshot_risk,
    snapshot_target, update_project, update_risk, validate_project,
)
from .plan_rows import (
    CONFLICT_TH, _check_span, _get, _insert_project, _join_ints, _project_data, _refuse_existing, _split_ints,
    _text, bump, check_version, new_row, row_data,
)
from .plan_views import DimensionView, PlanView, ProjectView, RiskView, TargetView, _plan_view
from .queries import ita_targets  # noqa: F401  (the read side, re-exported)

__all__ = [
    "CONFLICT_TH", "DimensionView", "PlanView", "PlanSummary", "ProjectInput", "ProjectView", "RiskInput", "RiskView",
    "TargetView", "add_project", "add_risk", "check_version", "copy_plan", "create_plan", "delete_plan",
    "delete_project", "delete_risk", "delete_target", "get_plan", "get_project", "ita_targets", "list_plans",
    "move_project", "plan_for_year", "project_input", "rename_dimension", "restore_plan", "restore_project",
    "restore_risk",
    "restore_target", "row_data", "set_target", "snapshot_plan", "snapshot_project", "snapshot_risk",
    "snapshot_target", "update_plan", "update_project", "update_risk", "validate_project", "write_plan_report",
]


def plan_for_year(ctx, office_id: int, year: int | None) -> PlanView | None:
    """The office's plan covering ``year`` (the latest-starting one if several);
    else its latest plan; None when the office has no plan."""
    with ctx.db.session() as s:
        plans = s.scalars(
            select(Plan).where(Plan.office_id == office_id).order_by(Plan.start_year.desc(), Plan.id.desc())
        ).all()
        covering = [p for p in plans if year is not None and p.start_year <= year <= p.end_year]
        chosen = (covering or plans or [None])[0]
        return None if chosen is None else _plan_view(chosen)


def get_plan(ctx, plan_id: int) -> PlanView:
    """The plan ``plan_id``; UserError when it is gone."""
    with ctx.db.session() as s:
        return _plan_view(_get(s, Plan, plan_id, "แผน"))


@dataclass(frozen=True)
class PlanSummary:
    id: int
    title: str
    start_year: int
    end_year: int
    version: int


def list_plans(ctx, office_id: int) -> tuple[PlanSummary, ...]:
    """The office's plans, newest span first."""
    with ctx.db.session() as s:
        rows = s.scalars(select(Plan).where(Plan.office_id == office_id)
                         .order_by(Plan.start_year.desc(), Plan.id.desc()))
        return tuple(PlanSummary(p.id, p.title or "", p.start_year, p.end_year, p.version) for p in rows)


# --- the plan -------------------------------------------------------------------------------


def create_plan(ctx, office_id: int, start_year: int, end_year: int, title: str = "",
                dimension_names: tuple[str, ...] = NATIONAL_DIMENSIONS) -> int:
    """A new empty plan for the span with its dimensions (the national names unless given)."""
    _check_span(start_year, end_year)
    names = [_text(n, f"ชื่อมิติที่ {i}", required=True) for i, n in enumerate(dimension_names, 1)]
    with ctx.db.session() as s:
        _get(s, Office, office_id, "หน่วยงาน")
        _refuse_same_span(s, office_id, start_year, end_year)
        plan = Plan(office_id=office_id, title=_text(title, "ชื่อแผน") or _default_title(start_year, end_year),
                    start_year=start_year, end_year=end_year)
        plan.dimensions = [Dimension(number=i, name=n) for i, n in enumerate(names, 1)]
        s.add(plan)
        s.flush()
        audit.record(s, "plan.create", "plan", plan.id, new=row_data(plan))
        return plan.id


def _default_title(start_year: int, end_year: int) -> str:
    from ita_desktop.core.digits import to_thai_digits

    return to_thai_digits(f"แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. {start_year} - {end_year})")


def _refuse_same_span(s: Session, office_id: int, start_year: int, end_year: int, but: int | None = None) -> None:
    for other in s.scalars(select(Plan).where(Plan.office_id == office_id)):
        if other.id != but and other.start_year <= end_year and start_year <= other.end_year:
            raise UserError(f"หน่วยงานนี้มีแผน พ.ศ. {other.start_year}-{other.end_year} ซึ่งทับช่วงปี "
                            f"{start_year}-{end_year} อยู่แล้ว")


def update_plan(ctx, plan_id: int, title: str, start_year: int, end_year: int, objectives: str = "",
                expected_version: int | None = None) -> int:
    """Write the plan's title, span and objectives; returns the new version."""
    _check_span(start_year, end_year)
    with ctx.db.session() as s:
        plan = _get(s, Plan, plan_id, "แผน")
        check_version(plan, expected_version)
        _refuse_same_span(s, plan.office_id, start_year, end_year, but=plan.id)
        outside = sorted({b.year for d in plan.dimensions for p in d.projects for b in p.budgets
                          if not start_year <= b.year <= end_year})
        if outside:
            raise UserError(f"ย่อช่วงปีของแผนไม่ได้: ยังมีงบประมาณของปี {', '.join(map(str, outside))} "
                            f"ซึ่งอยู่นอกช่วง {start_year}-{end_year}")
        old = {k: getattr(plan, k) for k in ("title", "start_year", "end_year", "objectives")}
        plan.title, plan.start_year, plan.end_year = _text(title, "ชื่อแผน", True), start_year, end_year
        plan.objectives = (objectives or "").strip()
        bump(plan)
        audit.record(s, "plan.update", "plan", plan.id, old=old,
                     new={k: getattr(plan, k) for k in old})
        return plan.version


def snapshot_plan(ctx, plan_id: int) -> dict:
    """The whole plan with every child row (ids included), for undoing its deletion."""
    with ctx.db.session() as s:
        return _plan_snapshot(_get(s, Plan, plan_id, "แผน"))


def _plan_snapshot(plan: Plan) -> dict:
    return {
        "plan": row_data(plan),
        "dimensions": [row_data(d) for d in plan.dimensions],
        "projects": [_project_data(p) for d in plan.dimensions for p in d.projects],
        "targets": [row_data(t) for t in plan.targets],
        "risks": [row_data(r) for r in plan.risks],
        "rounds": [row_data(r) for r in plan.rounds],
    }


def delete_plan(ctx, plan_id: int, expected_version: int | None = None) -> dict:
    """Delete the plan and everything under it; returns its snapshot (for undo)."""
    with ctx.db.session() as s:
        plan = _get(s, Plan, plan_id, "แผน")
        check_version(plan, expected_version)
        snapshot = _plan_snapshot(plan)
        s.delete(plan)
        audit.record(s, "plan.delete", "plan", plan_id, old=snapshot["plan"],
                     projects=len(snapshot["projects"]))
        return snapshot


def restore_plan(ctx, snapshot: dict) -> int:
    """Put a deleted plan back exactly as :func:`snapshot_plan` saw it (same ids)."""
    with ctx.db.session() as s:
        data = snapshot["plan"]
        _refuse_existing(s, Plan, data["id"], "แผน")
        s.add(new_row(Plan, data))
        s.flush()
        for d in snapshot["dimensions"]:
            s.add(new_row(Dimension, d))
        s.flush()
        for rows, model in ((snapshot["targets"], PlanTarget), (snapshot["risks"], Risk),
                            (snapshot["rounds"], MonitoringRound)):
            s.add_all(new_row(model, r) for r in rows)
        s.flush()
        for p in snapshot["projects"]:
            _insert_project(s, p)
        audit.record(s, "plan.restore", "plan", data["id"], new=data)
        return data["id"]


def copy_plan(ctx, plan_id: int, start_year: int, end_year: int | None = None, title: str = "") -> int:
    """Last cycle's plan copied into a new span: dimensions, projects with their detail,
    risks; budgets and targets move with their position in the span (year 1 to year 1)."""
    with ctx.db.session() as s:
        src = _get(s, Plan, plan_id, "แผน")
        end_year = end_year if end_year is not None else start_year + (src.end_year - src.start_year)
        _check_span(start_year, end_year)
        _refuse_same_span(s, src.office_id, start_year, end_year)
        shift = start_year - src.start_year
        plan = Plan(office_id=src.office_id, title=_text(title, "ชื่อแผน") or _default_title(start_year, end_year),
                    start_year=start_year, end_year=end_year, intro_json=src.intro_json, objectives=src.objectives)
        for t in src.targets:
            if start_year <= t.year + shift <= end_year:
                plan.targets.append(PlanTarget(year=t.year + shift, ita_target=t.ita_target, other=t.other,
                                               fewer_cases_percent=t.fewer_cases_percent))
        plan.risks = [Risk(process=r.process, risk=r.risk, level=r.level, controls=r.controls,
                           sort_order=r.sort_order) for r in src.risks]
        for d in src.dimensions:
            dim = Dimension(number=d.number, name=d.name)
            dim.projects = [_copy_project(p, shift, start_year, end_year) for p in d.projects]
            plan.dimensions.append(dim)
        s.add(plan)
        s.flush()
        audit.record(s, "plan.copy", "plan", plan.id, source=src.id, new=row_data(plan))
        return plan.id


def _copy_project(p: Project, shift: int, start_year: int, end_year: int) -> Project:
    keep = {k: getattr(p, k) for k in (
        "code", "name", "kind", "remark", "rationale", "objectives", "target_group", "method", "period",
        "budget_text", "responsible", "outputs_outcomes", "sort_order", "no_budget", "quarters", "target_groups")}
    years = [y + shift for y in _split_ints(p.run_years) if start_year <= y + shift <= end_year]
    copy = Project(**keep, run_years=_join_ints(years))
    copy.budgets = [ProjectBudget(year=b.year + shift, amount=b.amount) for b in p.budgets
                    if start_year <= b.year + shift <= end_year]
    return copy


# --- dimensions -----------------------------------------------------------------------------


def rename_dimension(ctx, dimension_id: int, name: str, expected_version: int | None = None) -> int:
    """Write a dimension's name; returns the new version."""
    with ctx.db.session() as s:
        dim = _get(s, Dimension, dimension_id, "มิติ")
        name = _text(name, f"ชื่อมิติที่ {dim.number}", required=True)
        check_version(dim, expected_version)
        old, dim.name = dim.name, name
        bump(dim)
        audit.record(s, "dimension.update", "dimension", dim.id, old={"name": old}, new={"name": name})
        return dim.version


# --- the plan report ------------------------------------------------------------------------


def write_plan_report(ctx, plan_id: int, out_path):
    """The plan as PDF (targets, risks, summary table, detail pages) or Excel (summary table,
    the importable layout), by the file's suffix."""
    from pathlib import Path

    from ita_desktop.documents.plan_report import build_plan_pdf

    from .plan_xlsx import export_plan_xlsx

    out = Path(out_path)
    builders = {".pdf": build_plan_pdf, ".xlsx": export_plan_xlsx}
    if out.suffix.lower() not in builders:
        raise UserError(f"ไฟล์ผลลัพธ์ '{out.name}' ต้องลงท้ายด้วย .pdf หรือ .xlsx")
    return builders[out.suffix.lower()](get_plan(ctx, plan_id), out)
