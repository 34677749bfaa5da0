"""What each point is worth: gains on the total and the shortest path to a line.

The total is linear in every score below it (see core.scoring): an IIT/EIT item moves its
indicator by its change divided by the indicator's item count, an OIT item moves its
sub-indicator by its change divided by the sub-indicator's item count and the sub-indicator
moves the indicator by its change divided by the sub-indicator count, an indicator moves its
tool by its change divided by the tool's indicator count, and a tool moves the total by its
weight (percent). So a raise of one score changes the total by ``weight * change`` whatever
the other scores are, and raises add up. The weights come from the year's catalog.
"""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.core.criteria import Criteria
from ita_desktop.core.levels import round_score
from ita_desktop.core.scoring import ScoreResult

FULL_SCORE = 100.0
OIT = "OIT"


def indicator_weight(criteria: Criteria, number: int) -> float:
    """Points of the total per point of indicator ``number``."""
    ind = criteria.indicator(number)
    siblings = len(criteria.indicators_of(ind.tool))
    return criteria.tool_weight(ind.tool) / 100 / siblings


def item_weight(criteria: Criteria, code: str) -> float:
    """Points of the total per point of item ``code`` (through its sub-indicator where it has one)."""
    item = criteria.item(code)
    if item is None:
        raise KeyError(code)
    if item.sub_indicator:
        subs = len(criteria.sub_indicators_of(item.indicator))
        share = 1 / subs / len(criteria.items_of_sub(item.sub_indicator))
    else:
        share = 1 / len(criteria.items_of(item.indicator))
    return indicator_weight(criteria, item.indicator) * share


def gain(weight: float, score: float | None, to: float) -> float:
    """What raising ``score`` to ``to`` adds to the total (0 when it is already there)."""
    if score is None:
        return 0.0
    return weight * max(0.0, to - score)


@dataclass(frozen=True)
class Gain:
    """The gains of one indicator (``key`` its number as text) or item (``key`` its code)."""

    key: str
    tool: str
    score: float | None
    weight: float  # points of the total per point of this score
    gain_to_line: float
    gain_to_100: float


def indicator_gains(criteria: Criteria, result: ScoreResult, line: float) -> tuple[Gain, ...]:
    """Gains of every indicator of ``result`` (0 for an unscored one)."""
    gains = []
    for ind in result.indicators:
        w = indicator_weight(criteria, ind.number)
        gains.append(Gain(str(ind.number), ind.tool, ind.score, w, gain(w, ind.score, line),
                          gain(w, ind.score, FULL_SCORE)))
    return tuple(gains)


def item_gains(criteria: Criteria, result: ScoreResult, line: float) -> tuple[Gain, ...]:
    """Gains of every scored item of ``result``, in catalog order."""
    gains = []
    for item in result.items:
        if item.score is None:
            continue
        w = item_weight(criteria, item.code)
        tool = criteria.indicator(item.indicator).tool
        gains.append(Gain(item.code, tool, item.score, w, gain(w, item.score, line), gain(w, item.score, FULL_SCORE)))
    return tuple(gains)


def raised_total(criteria: Criteria, total: float, scores: dict[str, float], raises: dict[str, float]) -> float:
    """The total after setting each item of ``raises`` to its new score (``scores`` the old ones)."""
    return total + sum(item_weight(criteria, code) * (new - scores[code]) for code, new in raises.items())


@dataclass(frozen=True)
class PathStep:
    code: str
    tool: str
    score: float
    raise_to: float
    gain: float


@dataclass(frozen=True)
class Path:
    """The fewest items whose raise lifts ``total`` to ``target``; ``reached`` False when all do not."""

    target: float
    total: float
    steps: tuple[PathStep, ...]
    total_after: float
    reached: bool

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.steps)


def raise_target(tool: str, line: float) -> float:
    """Publishing is all or nothing: an OIT item counts at 100; IIT/EIT items at ``line``."""
    return FULL_SCORE if tool == OIT else line


def candidates(criteria: Criteria, result: ScoreResult, perception_to: float) -> list[PathStep]:
    """Every scored item whose raise adds something: OIT to 100, IIT/EIT to ``perception_to``."""
    steps = []
    for g in item_gains(criteria, result, perception_to):
        to = raise_target(g.tool, perception_to)
        value = gain(g.weight, g.score, to)
        if value > 0:
            steps.append(PathStep(g.key, g.tool, g.score, to, value))
    return steps


def shortest_path(total: float, target: float, steps: list[PathStep]) -> Path:
    """The fewest ``steps`` that lift ``total`` to ``target`` (compared at 2 decimals).

    Gains are independent and add up, so the k largest gains are the best k items: taking
    them largest first gives the fewest items. Ties keep the given (catalog) order.
    """
    ordered = sorted(steps, key=lambda s: -s.gain)  # stable: catalog order among equals
    chosen: list[PathStep] = []
    reached_total = total
    for step in ordered:
        if round_score(reached_total) >= round_score(target):
            break
        chosen.append(step)
        reached_total += step.gain
    reached = round_score(reached_total) >= round_score(target)
    return Path(target, total, tuple(chosen), reached_total, reached)


def path_to(criteria: Criteria, result: ScoreResult, target: float, line: float) -> Path | None:
    """The path from the office-year's total to ``target``; None without a total.

    IIT/EIT items are raised to the line, or to ``target`` when that is higher (a perception
    score at the line cannot lift a total beyond it by much); OIT items to 100.
    """
    if result.total is None:
        return None
    return shortest_path(result.total, target, candidates(criteria, result, max(line, target)))
