"""An office's scores over the years: the trend chart's data and the change against last year."""

from __future__ import annotations

from dataclasses import dataclass, field

from ita_desktop.core.analysis import ScoreChange, YearComparison, compare_years

from . import queries


@dataclass(frozen=True)
class TrendPoint:
    """One fiscal year of an office: total, tool scores and level as computed from stored scores."""

    year: int
    total: float | None
    tools: dict[str, float | None] = field(default_factory=dict)
    level: str | None = None


@dataclass(frozen=True)
class OfficeTrend:
    """Every year with scores (ascending) and the plan's yearly ITA targets."""

    office_id: int
    points: tuple[TrendPoint, ...]
    targets: dict[int, float] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        """Scored years and target years together, ascending."""
        return sorted({p.year for p in self.points} | set(self.targets))

    def series(self, key: str) -> dict[int, float]:
        """``{year: score}`` of "total" or a tool code, leaving out years without that figure."""
        found = {}
        for p in self.points:
            value = p.total if key == "total" else p.tools.get(key)
            if value is not None:
                found[p.year] = value
        return found


def office_trend(ctx, office_id: int) -> OfficeTrend:
    """Scores of every year the office has scores for, with its plan targets."""
    points = []
    with ctx.reader() as r:  # one session for every year (a national database holds ten per office)
        for year in queries.read_years_with_scores(r, office_id):
            oys = queries.read_office_year_scores(r, office_id, year)
            points.append(TrendPoint(year, oys.result.total, dict(oys.result.tools), oys.level))
    return OfficeTrend(office_id, tuple(points), queries.ita_targets(ctx, office_id))


def change_from_last_year(ctx, office_id: int, year: int) -> YearComparison | None:
    """Total, tool and indicator change of ``year`` against ``year - 1``; None without last year's scores."""
    previous = year - 1
    with ctx.reader() as r:
        if previous not in queries.read_years_with_scores(r, office_id):
            return None
        before = queries.read_office_year_scores(r, office_id, previous).result
        now = queries.read_office_year_scores(r, office_id, year).result
    return compare_years(before, now)


def indicator_changes(comparison: YearComparison | None) -> dict[int, ScoreChange]:
    """The comparison's indicator changes keyed by indicator number (empty without a comparison)."""
    if comparison is None:
        return {}
    return {int(c.key): c for c in comparison.indicators}
