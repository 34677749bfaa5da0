"""The office's anti-corruption action plans, as far as other screens need them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ita_desktop.models import Plan, PlanTarget, Project


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

    def budget(self, year: int) -> float | None:
        """The amount for ``year``; None when the plan gives none for that year."""
        return dict(self.budgets).get(year)


@dataclass(frozen=True)
class DimensionView:
    number: int
    name: str
    projects: tuple[ProjectView, ...]


@dataclass(frozen=True)
class TargetView:
    year: int
    ita_target: float | None
    other: str


@dataclass(frozen=True)
class RiskView:
    process: str
    risk: str
    level: str
    controls: str


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


def _plan_view(p: Plan) -> PlanView:
    return PlanView(
        id=p.id, office_id=p.office_id, title=p.title or "", start_year=p.start_year, end_year=p.end_year,
        targets=tuple(TargetView(t.year, t.ita_target, t.other or "") for t in p.targets),
        dimensions=tuple(
            DimensionView(d.number, d.name, tuple(_project_view(x, d.number) for x in d.projects))
            for d in p.dimensions
        ),
        risks=tuple(RiskView(r.process or "", r.risk or "", r.level or "", r.controls or "") for r in p.risks),
    )


def _project_view(x: Project, dimension: int) -> ProjectView:
    return ProjectView(
        id=x.id, dimension=dimension, code=x.code or "", name=x.name, kind=x.kind or "", remark=x.remark or "",
        budgets=tuple((b.year, float(b.amount or 0.0)) for b in x.budgets),
        rationale=x.rationale or "", objectives=x.objectives or "", target_group=x.target_group or "",
        method=x.method or "", period=x.period or "", budget_text=x.budget_text or "",
        responsible=x.responsible or "", outputs_outcomes=x.outputs_outcomes or "",
    )
