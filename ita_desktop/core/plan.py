"""Plan arithmetic: the vocabulary of the anti-corruption plan, budget cells as clerks write
them, and progress at a glance (projects by status, budget disbursed against planned, the ITA
score against the plan's targets). Plain data in, plain data out; no Qt, no SQLAlchemy."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .digits import to_arabic_digits

KINDS = ("โครงการ", "กิจกรรม", "มาตรการ", "แนวปฏิบัติ")

# e-PlanNACC's nine target groups (ita-domain.md §5)
TARGET_GROUPS = (
    "ผู้บริหาร", "สมาชิกสภาท้องถิ่น", "บุคลากร", "เด็กและเยาวชน", "ประชาชน/ภาคประชาสังคม",
    "สถานศึกษา", "หน่วยงานภาครัฐ", "รัฐวิสาหกิจ", "ภาคเอกชน",
)

# the national template's dimensions; offices rename them (seed 004 does)
NATIONAL_DIMENSIONS = (
    "การสร้างสังคมที่ไม่ทนต่อการทุจริต",
    "การบริหารราชการเพื่อป้องกันการทุจริต",
    "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
    "การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น",
)

STATUS_IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
STATUS_DONE = "ดำเนินการแล้วเสร็จ"
STATUS_NOT_POSSIBLE = "ไม่สามารถดำเนินการได้"
STATUSES = (STATUS_IN_PROGRESS, STATUS_DONE, STATUS_NOT_POSSIBLE)

REASON_OTHER = "อื่นๆ"
REASONS = ("ไม่ได้รับงบประมาณ", "นโยบายผู้บริหารเปลี่ยน", "บุคลากรไม่เพียงพอ", REASON_OTHER)

IN_ACT_PLAN = "บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน"
NO_BUDGET_TEXT = "ไม่ใช้งบประมาณ"

ROUND_MONTHS = {1: 6, 2: 12}  # round 1 = 6 months (October-March), round 2 = 12 months
ROUND_NAMES = {1: "รอบ ๖ เดือน (ตุลาคม - มีนาคม)", 2: "รอบ ๑๒ เดือน (ตุลาคม - กันยายน)"}


class BudgetTextError(ValueError):
    """A budget cell that is neither an amount, "-", empty nor ไม่ใช้งบประมาณ (message in Thai)."""


class NoBudget:
    """The cell says ไม่ใช้งบประมาณ."""

    def __repr__(self) -> str:
        return "NO_BUDGET"


NO_BUDGET = NoBudget()
_AMOUNT = re.compile(r"^\d+(\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_budget(value) -> float | None | NoBudget:
    """A budget cell as clerks write it: ``12,500``, ``๑๒,๕๐๐.๕๐``, ``12500 บาท``, ``-`` or empty
    (None: no amount), ``ไม่ใช้งบประมาณ`` (NO_BUDGET). Raises BudgetTextError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise BudgetTextError(f"'{value}' ไม่ใช่จำนวนเงิน")
    if isinstance(value, (int, float)):
        if value < 0:
            raise BudgetTextError(f"จำนวนเงินติดลบ ({value:g}) ไม่ได้")
        return float(value)
    text = to_arabic_digits(str(value)).strip()
    if text.replace(" ", "") == NO_BUDGET_TEXT:
        return NO_BUDGET
    text = re.sub(r"\s*บาท$", "", text).replace(" ", "")
    if text in ("", "-", "–", "—"):
        return None
    if _AMOUNT.match(text) or _GROUPED.match(text):
        return float(text.replace(",", ""))
    raise BudgetTextError(
        f"'{value}' ไม่ใช่จำนวนเงิน (ใส่ตัวเลข เช่น 12,500 หรือ - หรือ {NO_BUDGET_TEXT})")


def format_baht(amount: float | None, dash_for_zero: bool = True) -> str:
    """``12,500`` or ``12,500.50``; "-" for nothing, as the plan prints it."""
    if amount is None or (dash_for_zero and amount == 0):
        return "-"
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


# --- the summary table ---------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetLine:
    """A project as the summary table needs it."""

    dimension: int
    budgets: Mapping[int, float]  # year -> baht


@dataclass(frozen=True)
class BudgetTotals:
    by_dimension: dict[int, dict[int, float]]  # dimension -> year -> baht
    dimension_totals: dict[int, float]  # dimension -> baht over every year
    by_year: dict[int, float]
    overall: float


def budget_totals(lines: Iterable[BudgetLine], years: Iterable[int], dimensions: Iterable[int]) -> BudgetTotals:
    """Totals of the summary table: per dimension and year, per dimension, per year and overall."""
    years, dims = tuple(years), tuple(dimensions)
    grid = {d: {y: 0.0 for y in years} for d in dims}
    for line in lines:
        row = grid.setdefault(line.dimension, {y: 0.0 for y in years})
        for y in years:
            row[y] += float(line.budgets.get(y) or 0.0)
    by_year = {y: sum(grid[d][y] for d in grid) for y in years}
    return BudgetTotals(
        by_dimension=grid, dimension_totals={d: sum(row.values()) for d, row in grid.items()},
        by_year=by_year, overall=sum(by_year.values()),
    )


# --- progress at a glance ------------------------------------------------------------------


@dataclass(frozen=True)
class EntryLine:
    """One project's line of a monitoring round, as the arithmetic needs it."""

    dimension: int
    status: str
    planned: float | None = None  # budget in the development plan
    in_act: float | None = None  # budget in the ข้อบัญญัติ/เทศบัญญัติ
    disbursed: float | None = None


@dataclass(frozen=True)
class Progress:
    done: int = 0
    in_progress: int = 0
    not_possible: int = 0
    not_reported: int = 0
    planned: float = 0.0
    in_act: float = 0.0
    disbursed: float = 0.0

    @property
    def projects(self) -> int:
        return self.done + self.in_progress + self.not_possible + self.not_reported

    @property
    def disbursed_percent(self) -> float | None:
        """Disbursed against the development plan's budget; None when nothing was planned."""
        return None if not self.planned else 100.0 * self.disbursed / self.planned


@dataclass(frozen=True)
class RoundProgress:
    by_dimension: dict[int, Progress] = field(default_factory=dict)
    total: Progress = Progress()


_STATUS_FIELD = {STATUS_DONE: "done", STATUS_IN_PROGRESS: "in_progress", STATUS_NOT_POSSIBLE: "not_possible"}


def _progress(lines: list[EntryLine]) -> Progress:
    counts = {"done": 0, "in_progress": 0, "not_possible": 0, "not_reported": 0}
    for line in lines:
        counts[_STATUS_FIELD.get(line.status, "not_reported")] += 1
    return Progress(
        **counts,
        planned=sum(x.planned or 0.0 for x in lines),
        in_act=sum(x.in_act or 0.0 for x in lines),
        disbursed=sum(x.disbursed or 0.0 for x in lines),
    )


def round_progress(lines: Iterable[EntryLine], dimensions: Iterable[int] = ()) -> RoundProgress:
    """Projects done / in progress / not possible / not reported and budgets, per dimension and
    for the whole plan. ``dimensions`` lists dimensions to show even when they have no project."""
    lines = list(lines)
    dims = sorted(set(dimensions) | {x.dimension for x in lines})
    return RoundProgress(
        by_dimension={d: _progress([x for x in lines if x.dimension == d]) for d in dims},
        total=_progress(lines),
    )


@dataclass(frozen=True)
class YearBudget:
    year: int
    planned: float
    disbursed: float | None  # None: no round reported for that year

    @property
    def percent(self) -> float | None:
        if self.disbursed is None or not self.planned:
            return None
        return 100.0 * self.disbursed / self.planned


def budget_by_year(planned: Mapping[int, float], disbursed: Mapping[int, float],
                   years: Iterable[int]) -> tuple[tuple[YearBudget, ...], YearBudget]:
    """Planned against disbursed per plan year, and the whole span (year 0)."""
    rows = tuple(YearBudget(y, float(planned.get(y) or 0.0), disbursed.get(y)) for y in years)
    reported = [r.disbursed for r in rows if r.disbursed is not None]
    total = YearBudget(0, sum(r.planned for r in rows), sum(reported) if reported else None)
    return rows, total


@dataclass(frozen=True)
class ScoreAgainstTarget:
    year: int
    target: float | None
    score: float | None

    @property
    def met(self) -> bool | None:
        """True/False once both are known; None otherwise."""
        if self.target is None or self.score is None:
            return None
        return self.score >= self.target

    @property
    def gap(self) -> float | None:
        return None if self.met is None else round(self.score - self.target, 2)


def score_against_target(targets: Mapping[int, float | None], scores: Mapping[int, float],
                         years: Iterable[int]) -> tuple[ScoreAgainstTarget, ...]:
    """The ITA score of each plan year against the plan's target for it."""
    return tuple(ScoreAgainstTarget(y, targets.get(y), scores.get(y)) for y in years)
