"""The provincial overview (ภาพรวมหลายหน่วยงาน): many offices' results for one year.

Pure: plain office-year figures in, a frozen :class:`Overview` out. Totals and levels come
from :func:`core.scoring.compute_scores` rules; an office scored by its ten indicators only (the
usual provincial sheet) goes through :class:`QuickScorer`, the same arithmetic without the item
bookkeeping, so that thousands of offices are scored in well under a second. Everything else
(items, missing indicators) takes the full computation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Iterable, Mapping, NamedTuple

from ita_desktop.core.criteria import Criteria
from ita_desktop.core.levels import (LEVEL_EXCELLENT, LEVEL_GOOD, LEVEL_IMPROVE, LEVEL_PASS, LEVEL_URGENT,
                                     new_level)
from ita_desktop.core.orgnames import canonical_org_name, org_kind
from ita_desktop.core.scoring import compute_scores

LEVEL_ORDER = (LEVEL_EXCELLENT, LEVEL_GOOD, LEVEL_PASS, LEVEL_IMPROVE, LEVEL_URGENT)
LEVEL_UNKNOWN = "ยังระบุระดับไม่ได้"


@dataclass(frozen=True)
class OfficeYear:
    """What is stored for one office in one year, as plain data."""

    office_id: int
    name: str
    district: str = ""
    province: str = ""
    indicators: Mapping[int, float] = field(default_factory=dict)
    items: Mapping[str, float] = field(default_factory=dict)
    tools: Mapping[str, float] = field(default_factory=dict)
    official_total: float | None = None


class Scored(NamedTuple):  # (tuples: made once per office of a national year, a frozen dataclass costs more)
    total: float | None
    level: str | None
    below: tuple[int, ...]  # indicators below the line


def _one(number: int):
    """Like itemgetter(number), as a one-item tuple (itemgetter of one key gives the item itself)."""
    return lambda scores: (scores[number],)


class QuickScorer:
    """Totals and levels of one catalog, computed once per office.

    Offices with all indicator scores are scored here with the arithmetic of :func:`compute_scores`
    (given indicator scores take precedence over their items there, so items change nothing; tool =
    mean of its indicators unless an official tool or complete parts are given; total = weighted
    sum unless the official total is given); all others through it.
    """

    def __init__(self, criteria: Criteria, line: float):
        self.criteria, self.line = criteria, line
        self.numbers = tuple(i.number for i in criteria.indicators)
        self._number_set = frozenset(self.numbers)
        # (tool, its indicators, its weight, its parts): looked up once, used for every office.
        self.plan = tuple((t.code, tuple(i.number for i in criteria.indicators if i.tool == t.code),
                           criteria.tool_weight(t.code), tuple(t.parts)) for t in criteria.tools)
        # The usual office of a national year (its indicators only, no tool scores, so that a
        # tool's parts play no part): each tool's indicators fetched at once.
        self._plain = None
        if all(numbers for _, numbers, _, _ in self.plan):
            self._plain = tuple((code, itemgetter(*numbers) if len(numbers) > 1 else _one(numbers[0]),
                                 len(numbers), weight) for code, numbers, weight, parts in self.plan)

    def score(self, o: OfficeYear) -> Scored:
        if self._plain is not None and not o.tools and self._number_set <= o.indicators.keys():
            return self._score_plain(o)
        quick = self._quick(o.indicators, o.tools)
        if quick is None:
            return self._full(o)
        total, level_tools = quick
        if o.official_total is not None:
            total = o.official_total
        line, ind = self.line, o.indicators
        below = tuple(n for n in self.numbers if ind[n] < line)
        return Scored(total, new_level(total, level_tools, self.criteria.level_rules), below)

    def _score_plain(self, o: OfficeYear) -> Scored:
        """:meth:`score` of an office with every indicator and no tool score: the same sums in the
        same order as :meth:`_quick`, so the same totals to the last bit."""
        ind = o.indicators
        total = 0.0
        level_tools = {}
        for code, fetch, count, weight in self._plain:
            score = sum(fetch(ind)) / count
            level_tools[code] = score
            total += weight * score / 100
        if o.official_total is not None:
            total = o.official_total
        line = self.line
        below = tuple([n for n in self.numbers if ind[n] < line])
        return Scored(total, new_level(total, level_tools, self.criteria.level_rules), below)

    def total(self, indicators: Mapping[int, float], tools: Mapping[str, float] | None = None,
              official_total: float | None = None) -> float | None | bool:
        """The total alone (the previous year's, for the change): ``False`` when the office needs
        the full computation (an indicator missing), which then takes :meth:`score`."""
        if official_total is not None:
            return official_total
        quick = self._quick(indicators, tools)
        return False if quick is None else quick[0]

    def _quick(self, ind: Mapping[int, float], tools: Mapping[str, float] | None):
        """(total, tool scores for the level) by the quick arithmetic, or None for the full one."""
        if not self._number_set <= ind.keys():
            return None
        total = 0.0
        level_tools: dict[str, float | None] = {}
        for code, numbers, weight, parts in self.plan:
            given = [p for p in parts if p.code in tools] if parts and tools else []
            if parts and len(given) == len(parts):
                total += sum(p.weight * tools[p.code] for p in parts) / 100
                level_tools.update({p.code: tools[p.code] for p in parts})
                continue
            score = tools.get(code) if tools else None
            if score is None:
                if not numbers:
                    return None
                score = sum(map(ind.__getitem__, numbers)) / len(numbers)  # the same sum, in order
            level_tools[code] = score
            for p in given:
                level_tools[p.code] = tools[p.code]
            total += weight * score / 100
        return total, level_tools

    def _full(self, o: OfficeYear) -> Scored:
        result = compute_scores(self.criteria, dict(o.items), dict(o.indicators), dict(o.tools), o.official_total,
                                pass_line=self.line)
        below = tuple(i.number for i in result.indicators if i.score is not None and i.score < self.line)
        return Scored(result.total, result.level, below)


class RankedOffice(NamedTuple):
    rank: int | None  # None when the total is unknown
    office_id: int
    name: str
    district: str
    province: str
    total: float | None
    level: str | None
    previous_total: float | None
    below: tuple[int, ...]

    @property
    def change(self) -> float | None:
        """Change of the total since the office's previous year."""
        if self.total is None or self.previous_total is None:
            return None
        return round(self.total - self.previous_total, 2)


@dataclass(frozen=True)
class IndicatorBelow:
    number: int
    name: str
    tool: str
    below: int  # offices below the line
    scored: int  # offices with a score
    mean: float | None


@dataclass(frozen=True)
class ItemZero:
    code: str
    text: str
    zero: int
    scored: int


@dataclass(frozen=True)
class Overview:
    year: int
    line: float
    filters: tuple[tuple[str, str], ...]  # (label, value) of the filters applied
    offices: tuple[RankedOffice, ...]  # ranked, best first
    level_counts: tuple[tuple[str, int], ...]
    indicators: tuple[IndicatorBelow, ...]  # most often below the line first
    oit_zero: tuple[ItemZero, ...]  # OIT items most often 0 first (offices with item scores)
    mean_total: float | None
    mean_change: float | None
    changes_known: bool = True  # False: built before the previous year was read (see with_previous)
    weak_known: bool = True  # False: indicators and oit_zero not looked at yet (see with_weak)

    @property
    def scored_offices(self) -> int:
        return sum(o.total is not None for o in self.offices)


def kind_matches(name: str, kind: str | None) -> bool:
    """Whether an office is of ``kind`` (full name or อบต./ทต./ทม./ทน.)."""
    if not kind:
        return True
    wanted = org_kind(canonical_org_name(kind.strip() + "ก")) or canonical_org_name(kind.strip())
    return org_kind(name) == wanted


def filter_offices(rows: Iterable[OfficeYear], province: str | None = None, district: str | None = None,
                   kind: str | None = None) -> list[OfficeYear]:
    """Offices in ``province`` / ``district`` / of ``kind`` (each optional)."""
    return [o for o in rows
            if (not province or o.province == province) and (not district or o.district == district)
            and kind_matches(o.name, kind)]


def build_overview(criteria: Criteria, rows: Iterable[OfficeYear], previous: Mapping[int, float] | None = None,
                   line: float | None = None, filters: tuple[tuple[str, str], ...] = (),
                   weak: bool = True) -> Overview:
    """Rank the offices, count levels, find the indicators and OIT items most often weak.

    ``previous`` maps office ids to last year's total (for the change); ``line`` defaults to the
    catalog's pass line. Without ``weak`` the indicators and OIT items are left for
    :func:`with_weak` (``weak_known`` False): the ranking is on screen sooner.
    """
    line = criteria.pass_line if line is None else float(line)
    scorer = QuickScorer(criteria, line)
    rows = list(rows)
    scored = [(o, scorer.score(o)) for o in rows]
    previous = previous or {}
    ranked = _rank(scored, previous)
    counts = {level: 0 for level in (*LEVEL_ORDER, LEVEL_UNKNOWN)}
    for _, s in scored:
        if s.total is not None:
            counts[s.level or LEVEL_UNKNOWN] += 1
    totals = [r.total for r in ranked if r.total is not None]
    changes = [r.change for r in ranked if r.change is not None]
    return Overview(
        year=criteria.year, line=line, filters=filters, offices=tuple(ranked),
        level_counts=tuple((k, v) for k, v in counts.items() if v or k != LEVEL_UNKNOWN),
        indicators=_indicators_below(criteria, rows, line) if weak else (),
        oit_zero=_oit_zero(criteria, rows) if weak else (),
        mean_total=round(sum(totals) / len(totals), 2) if totals else None,
        mean_change=round(sum(changes) / len(changes), 2) if changes else None,
        weak_known=weak,
    )


def with_weak(ov: Overview, criteria: Criteria, rows: Iterable[OfficeYear]) -> Overview:
    """``ov``, built without ``weak``, with the indicators and OIT items most often weak: what
    :func:`build_overview` gives for the same ``rows``."""
    rows = list(rows)
    return replace(ov, indicators=_indicators_below(criteria, rows, ov.line), oit_zero=_oit_zero(criteria, rows),
                   weak_known=True)


def with_previous(ov: Overview, previous: Mapping[int, float]) -> Overview:
    """``ov``, built without the previous year's totals, with them: what :func:`build_overview`
    gives when given ``previous`` (the overview screen shows the ranking before the change)."""
    ranked = tuple(RankedOffice(r.rank, r.office_id, r.name, r.district, r.province, r.total, r.level,
                                previous.get(r.office_id), r.below) for r in ov.offices)
    changes = [r.change for r in ranked if r.change is not None]
    return replace(ov, offices=ranked, changes_known=True,
                   mean_change=round(sum(changes) / len(changes), 2) if changes else None)


def _rank(scored: list[tuple[OfficeYear, Scored]], previous: Mapping[int, float]) -> list[RankedOffice]:
    order = sorted(scored, key=lambda pair: (pair[1].total is None, -(pair[1].total or 0), pair[0].name))
    ranked, rank, last = [], 0, None
    for n, (o, s) in enumerate(order, 1):
        if s.total is not None and (last is None or round(s.total, 2) != last):
            rank, last = n, round(s.total, 2)  # equal totals share a rank (1, 2, 2, 4)
        ranked.append(RankedOffice(rank if s.total is not None else None, o.office_id, o.name, o.district,
                                   o.province, s.total, s.level, previous.get(o.office_id), s.below))
    return ranked


def _indicators_below(criteria: Criteria, rows: list[OfficeYear], line: float) -> tuple[IndicatorBelow, ...]:
    values: dict[int, list[float]] = {ind.number: [] for ind in criteria.indicators}
    for o in rows:  # one pass over the offices, each office's few indicators
        for number, score in o.indicators.items():
            found = values.get(number)
            if found is not None:
                found.append(score)
    found = []
    for ind in criteria.indicators:
        scores = values[ind.number]
        below = sum(v < line for v in scores)
        mean = round(sum(scores) / len(scores), 2) if scores else None
        found.append(IndicatorBelow(ind.number, ind.name, ind.tool, below, len(scores), mean))
    return tuple(sorted(found, key=lambda i: (-i.below, i.number)))


def _oit_zero(criteria: Criteria, rows: list[OfficeYear]) -> tuple[ItemZero, ...]:
    oit = {i.number for i in criteria.indicators if i.tool == "OIT"}
    rows = [o for o in rows if o.items]  # a national year: items for a few offices only
    found = []
    for item in criteria.items:
        if item.indicator not in oit:
            continue
        values = [o.items[item.code] for o in rows if item.code in o.items]
        if values:
            found.append(ItemZero(item.code, item.text, sum(v == 0 for v in values), len(values)))
    found.sort(key=lambda z: (-z.zero, _code_order(z.code)))
    return tuple(z for z in found if z.zero)


def _code_order(code: str) -> tuple[str, int]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return code.rstrip("0123456789"), int(digits or 0)


def overview_json(ov: Overview) -> dict:
    """The stable JSON shape of ``ita-cli overview --json`` (numbers rounded to 2 decimals)."""
    r2 = (lambda v: None if v is None else round(float(v), 2) + 0.0)  # + 0.0: no "-0.0"
    return {
        "year": ov.year, "line": r2(ov.line), "filters": {k: v for k, v in ov.filters},
        "offices": len(ov.offices), "mean_total": r2(ov.mean_total), "mean_change": r2(ov.mean_change),
        "levels": {k: v for k, v in ov.level_counts},
        "ranking": [{"rank": o.rank, "office_id": o.office_id, "org": o.name, "district": o.district,
                     "province": o.province, "total": r2(o.total), "level": o.level,
                     "previous_total": r2(o.previous_total), "change": r2(o.change),
                     "indicators_below_line": list(o.below)} for o in ov.offices],
        "indicators_below_line": [{"number": i.number, "name": i.name, "tool": i.tool, "offices_below": i.below,
                                   "offices_scored": i.scored, "mean": r2(i.mean)} for i in ov.indicators],
        "oit_items_zero": [{"code": z.code, "text": z.text, "offices_zero": z.zero, "offices_scored": z.scored}
                           for z in ov.oit_zero],
    }
