"""The office's anti-corruption action plans: reading them, and every edit a clerk makes
(plan, dimensions, projects with budgets, risks, targets), each in one audited transaction
with version checks and snapshots for undoing a deletion."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.core import plan as core_plan
from ita_desktop.core.plan import KINDS, NATIONAL_DIMENSIONS, TARGET_GROUPS
from ita_desktop.models import (
    Dimension, MonitoringRound, Office, Plan, PlanTarget, Project, ProjectBudget, ProjectReport, Risk,
)

from . import audit
from .errors import ConflictError, UserError

CONFLICT_TH = "ข้อมูลนี้ถูกแก้ไขโดยผู้ใช้อื่นระหว่างนั้น กรุณาโหลดใหม่"
MAX_SPAN = 10  # years; NACC cycles are 4 or 5


def ita_targets(ctx, office_id: int) -> dict[int, float]:
    """The office's yearly ITA score targets ``{year: target}`` from all its plans.

    Where two plans give a target for the same year, the later plan (by start year) wins.
    Years without a target are left out.
    """
    with ctx.db.session() as s:
        rows = s.execute(
            select(PlanTarget.year, PlanTarget.ita_target)
            .join(Plan, PlanTarget.plan_id == Plan.id)
            .where(Plan.office_id == office_id, PlanTarget.ita_target.is_not(None))
            .order_by(Plan.start_year, Plan.id, PlanTarget.year)
        )
        return {int(year): float(target) for year, target in rows}


# --- the plan as the ติดตามแผน tab shows it ------------------------------------------------


@dataclass(frozen=True)
class ProjectView:
    """A project, activity or measure of the plan with its budget per year and 9-part detail."""

    id: int
    dimension: int
    code: str
    name: str
    kind: str
    remark: str
    budgets: tuple[tuple[int, float], ...]  # (year, amount in baht), by year
    rationale: str = ""
    objectives: str = ""
    target_group: str = ""
    method: str = ""
    period: str = ""
    budget_text: str = ""
    responsible: str = ""
    outputs_outcomes: str = ""
    no_budget: bool = False  # ไม่ใช้งบประมาณ
    years: tuple[int, ...] = ()  # the plan years it runs in
    quarters: tuple[int, ...] = ()
    target_groups: tuple[str, ...] = ()
    version: int = 1
    dimension_id: int = 0

    def budget(self, year: int) -> float | None:
        """The amount for ``year``; 0 for a year it runs without budget; None when the plan
        gives none for that year."""
        amount = dict(self.budgets).get(year)
        if amount is None and self.no_budget and year in self.years:
            return 0.0
        return amount


@dataclass(frozen=True)
class DimensionView:
    number: int
    name: str
    projects: tuple[ProjectView, ...]
    id: int = 0
    version: int = 1


@dataclass(frozen=True)
class TargetView:
    year: int
    ita_target: float | None
    other: str
    fewer_cases_percent: float | None = None
    id: int = 0
    version: int = 1


@dataclass(frozen=True)
class RiskView:
    process: str
    risk: str
    level: str
    controls: str
    id: int = 0
    version: int = 1


@dataclass(frozen=True)
class PlanView:
    """An anti-corruption action plan with its targets, projects by dimension and risks."""

    id: int
    office_id: int
    title: str
    start_year: int
    end_year: int
    targets: tuple[TargetView, ...]
    dimensions: tuple[DimensionView, ...]
    risks: tuple[RiskView, ...]
    objectives: str = ""
    version: int = 1
    office_name: str = ""

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start_year, self.end_year + 1))

    @property
    def projects(self) -> tuple[ProjectView, ...]:
        return tuple(p for d in self.dimensions for p in d.projects)

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    def budget_totals(self) -> dict[int, float]:
        """Total budget per plan year over every project (0 where none is planned)."""
        return {y: sum(p.budget(y) or 0.0 for p in self.projects) for y in self.years}

    def totals(self) -> core_plan.BudgetTotals:
        """The summary table's totals per dimension, per year and overall."""
        lines = (core_plan.BudgetLine(p.dimension, dict(p.budgets)) for p in self.projects)
        return core_plan.budget_totals(lines, self.years, [d.number for d in self.dimensions])


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


def _split_ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in (text or "").replace(" ", "").split(",") if x)


def _join_ints(values) -> str:
    return ",".join(str(int(v)) for v in sorted(set(values)))


def _plan_view(p: Plan) -> PlanView:
    years = tuple(range(p.start_year, p.end_year + 1))
    return PlanView(
        id=p.id, office_id=p.office_id, title=p.title or "", start_year=p.start_year, end_year=p.end_year,
        targets=tuple(TargetView(t.year, t.ita_target, t.other or "", t.fewer_cases_percent, t.id, t.version)
                      for t in p.targets),
        dimensions=tuple(
            DimensionView(d.number, d.name, tuple(_project_view(x, d, years) for x in d.projects), d.id, d.version)
            for d in p.dimensions
        ),
        risks=tuple(RiskView(r.process or "", r.risk or "", r.level or "", r.controls or "", r.id, r.version)
                    for r in p.risks),
        objectives=p.objectives or "", version=p.version,
        office_name=_office_name(p),
    )


def _office_name(p: Plan) -> str:
    session = Session.object_session(p)
    office = session.get(Office, p.office_id) if session is not None else None
    return office.name if office is not None else ""


def _project_view(x: Project, d: Dimension, plan_years: tuple[int, ...]) -> ProjectView:
    return ProjectView(
        id=x.id, dimension=d.number, code=x.code or "", name=x.name, kind=x.kind or "", remark=x.remark or "",
        budgets=tuple((b.year, float(b.amount or 0.0)) for b in x.budgets),
        rationale=x.rationale or "", objectives=x.objectives or "", target_group=x.target_group or "",
        method=x.method or "", period=x.period or "", budget_text=x.budget_text or "",
        responsible=x.responsible or "", outputs_outcomes=x.outputs_outcomes or "",
        no_budget=bool(x.no_budget), years=_split_ints(x.run_years) or plan_years,
        quarters=_split_ints(x.quarters),
        target_groups=tuple(g for g in (x.target_groups or "").split("\n") if g),
        version=x.version, dimension_id=d.id,
    )


# --- shared helpers: rows, versions, snapshots ----------------------------------------------


def _get(s: Session, model, row_id: int, what: str):
    row = s.get(model, row_id)
    if row is None:
        raise UserError(f"ไม่พบ{what}นี้ (รหัส {row_id}) อาจถูกลบไปแล้ว กรุณาโหลดใหม่")
    return row


def check_version(row, expected_version: int | None) -> None:
    """ConflictError when the caller saw another version of ``row`` than the stored one."""
    if expected_version is not None and expected_version != row.version:
        raise ConflictError(CONFLICT_TH)


def bump(row) -> None:
    row.version = (row.version or 1) + 1


def row_data(row) -> dict:
    """The row's columns as JSON-able data (datetimes as ISO text)."""
    out = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        out[column.key] = value.isoformat() if isinstance(value, datetime) else value
    return out


def new_row(model, data: dict):
    """A row of ``model`` from :func:`row_data` output (same id)."""
    values = {}
    for column in model.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        if value is not None and _is_datetime(column):
            value = datetime.fromisoformat(value)
        values[column.key] = value
    return model(**values)


def _is_datetime(column) -> bool:
    try:
        return column.type.python_type is datetime
    except NotImplementedError:
        return False


def _refuse_existing(s: Session, model, row_id: int, what: str) -> None:
    if s.get(model, row_id) is not None:
        raise UserError(f"{what}นี้ (รหัส {row_id}) มีอยู่แล้ว ไม่ต้องกู้คืน")


# --- validation -----------------------------------------------------------------------------


def _check_span(start_year: int, end_year: int) -> None:
    for year in (start_year, end_year):
        if not isinstance(year, int) or not 2500 <= year <= 2700:
            raise UserError(f"ปีของแผน '{year}' ต้องเป็นปี พ.ศ. เช่น 2566")
    if end_year < start_year:
        raise UserError(f"ช่วงปีของแผนไม่ถูกต้อง: ปีสิ้นสุด {end_year} มาก่อนปีเริ่มต้น {start_year}")
    if end_year - start_year + 1 > MAX_SPAN:
        raise UserError(f"ช่วงปีของแผน {start_year}-{end_year} ยาวเกิน {MAX_SPAN} ปี")


def _text(value: str, where: str, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise UserError(f"กรุณากรอก{where} (ว่างอยู่)")
    return value


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


def _project_data(p: Project) -> dict:
    s = Session.object_session(p)
    reports = s.scalars(select(ProjectReport).where(ProjectReport.project_id == p.id)).all()
    return {"project": row_data(p), "budgets": [row_data(b) for b in p.budgets],
            "reports": [row_data(r) for r in reports]}


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


def _insert_project(s: Session, data: dict) -> None:
    s.add(new_row(Project, data["project"]))
    s.flush()
    s.add_all(new_row(ProjectBudget, b) for b in data["budgets"])
    s.add_all(new_row(ProjectReport, r) for r in data.get("reports") or ())
    s.flush()


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
    wanted = {int(y): float(a) for y, a in data.budgets.items() if a}
    current = {b.year: b for b in p.budgets}
    for year, row in current.items():
        if year not in wanted:
            p.budgets.remove(row)
    for year, amount in sorted(wanted.items()):
        if year in current:
            current[year].amount = amount
        else:
            p.budgets.append(ProjectBudget(year=year, amount=amount))


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
