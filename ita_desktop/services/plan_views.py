"""Read views of the plan: frozen dataclasses the screens, documents and CLI use."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ita_desktop.core import plan as core_plan
from ita_desktop.models import Dimension, Office, Plan, Project

from .plan_rows import _split_ints



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
