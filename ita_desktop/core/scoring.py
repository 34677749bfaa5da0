"""ITA score arithmetic: item -> (OIT sub-indicator) -> indicator -> tool -> weighted total.

Inputs are plain numbers keyed by code. Official figures (indicator, tool, part, total
scores as printed in the NACC result) are the truth; item scores explain them. Where both
exist and disagree by more than :data:`TOLERANCE`, the result lists a discrepancy instead of
silently preferring one. Scores keep full precision; levels and pass/fail decisions use
the score rounded to 2 decimals (see :mod:`ita_desktop.core.levels`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from statistics import fmean

from ita_desktop.core.criteria import Criteria, Indicator, Tool
from ita_desktop.core.digits import normalize_item_code, to_arabic_digits, to_thai_digits
from ita_desktop.core.levels import new_level, old_band, round_score

SOURCE_OFFICIAL = "official"
SOURCE_ITEMS = "items"
SOURCE_INDICATORS = "indicators"  # total/tool derived from indicator scores

# Published figures carry 2 decimals, so two correct figures can differ by rounding up
# to 0.01; anything beyond that is a real disagreement worth showing the clerk.
TOLERANCE = 0.01


class ScoreError(ValueError):
    """A score that cannot be accepted; the message is Thai, for the user."""


@dataclass(frozen=True)
class ItemResult:
    code: str
    text: str
    indicator: int
    score: float | None
    passed: bool | None  # score >= pass line; None without a score
    sub_indicator: str | None = None
    text_known: bool = True


@dataclass(frozen=True)
class SubIndicatorResult:
    code: str  # "9.1"
    name: str
    indicator: int
    score: float | None  # mean of its scored items
    scored_items: int = 0
    total_items: int = 0


@dataclass(frozen=True)
class IndicatorResult:
    number: int
    name: str
    tool: str
    score: float | None  # the score used: official when given, else from items
    passed: bool | None
    source: str | None  # SOURCE_OFFICIAL, SOURCE_ITEMS or None (no data)
    items_score: float | None = None  # what the item scores alone give
    scored_items: int = 0
    total_items: int = 0


@dataclass(frozen=True)
class Discrepancy:
    scope: str  # "indicator", "tool", "total"
    key: str  # indicator number, tool code or "total"
    official: float  # the figure used
    computed: float  # what the finer-grained data give
    message: str  # Thai, for the user


@dataclass(frozen=True)
class ScoreResult:
    year: int
    total: float | None
    level: str | None  # new level (ผ่านดีเยี่ยม ...), None when it cannot be decided
    level_old: str | None  # AA ... F
    tools: dict[str, float | None]  # "IIT", "EIT", "OIT"
    indicators: tuple[IndicatorResult, ...]
    items: tuple[ItemResult, ...]
    discrepancies: tuple[Discrepancy, ...] = ()
    missing: tuple[str, ...] = ()  # Thai notes on data that is absent or partial
    parts: dict[str, float | None] = field(default_factory=dict)  # "EIT1", "EIT2" where given
    sub_indicators: tuple[SubIndicatorResult, ...] = ()
    pass_line: float = 85.0
    total_source: str | None = None  # SOURCE_OFFICIAL, SOURCE_INDICATORS or None
    ignored: tuple[str, ...] = ()  # input keys (item codes, indicator numbers, tool codes) the catalog does not know

    def indicator(self, number: int) -> IndicatorResult | None:
        return next((i for i in self.indicators if i.number == number), None)

    def item(self, code: str) -> ItemResult | None:
        return next((i for i in self.items if i.code == code), None)


def validate_score(value: object) -> float:
    """Accept a score 0-100 with at most 2 decimals (number, or text with Thai or Arabic digits).

    Raises :class:`ScoreError` with a Thai message otherwise.
    """
    number = _to_decimal(value)
    if not Decimal(0) <= number <= Decimal(100):
        raise ScoreError("คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐")
    if number != number.quantize(Decimal("0.01")):
        raise ScoreError("คะแนนมีทศนิยมได้ไม่เกิน ๒ ตำแหน่ง")
    return float(number)


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise ScoreError("คะแนนต้องเป็นตัวเลข")
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        raise ScoreError("คะแนนต้องเป็นตัวเลข")
    if isinstance(value, str):
        text = to_arabic_digits(value.strip())
    elif isinstance(value, Decimal):
        text = str(value)
    else:
        text = repr(value)  # shortest form: 75.47 stays "75.47", not its binary expansion
    if text == "":
        raise ScoreError("กรุณากรอกคะแนน")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ScoreError("คะแนนต้องเป็นตัวเลข") from None
    if not number.is_finite():
        raise ScoreError("คะแนนต้องเป็นตัวเลข")
    return number


def compute_scores(
    criteria: Criteria,
    item_scores: Mapping[str, object] | None = None,
    indicator_scores: Mapping[int, object] | None = None,
    tool_scores: Mapping[str, object] | None = None,
    total: object | None = None,
    *,
    pass_line: float | None = None,
) -> ScoreResult:
    """Score one office's year from whatever figures are known.

    ``item_scores`` {"i19": 64.6, ...} (codes may be written "i๑๙" or "๐๑๐");
    ``indicator_scores`` {1: 90.63, ...}; ``tool_scores`` {"IIT": .., "EIT1": .., ...}
    (tool or part codes); ``total`` the official total. All are optional and validated
    with :func:`validate_score`. ``pass_line`` defaults to the catalog's.
    """
    line = criteria.pass_line if pass_line is None else float(pass_line)
    given = _clean_inputs(criteria, item_scores, indicator_scores, tool_scores, total)

    items = tuple(_item_result(it, given.items.get(it.code), line) for it in criteria.items)
    subs = tuple(_sub_result(criteria, s, given.items) for s in criteria.sub_indicators)
    indicators = tuple(
        _indicator_result(criteria, ind, given.items, subs, given.indicators, line) for ind in criteria.indicators
    )

    state = _Totals(criteria, indicators, given.tools)
    computed_total = state.weighted_total()
    final_total = given.total if given.total is not None else computed_total
    level_tools = state.level_tool_scores()
    level = None if final_total is None else new_level(final_total, level_tools, criteria.level_rules)

    discrepancies = [
        *_indicator_discrepancies(indicators),
        *state.discrepancies(),
        *_total_discrepancies(criteria, indicators, given.total, computed_total, final_total),
    ]
    return ScoreResult(
        year=criteria.year,
        total=final_total,
        level=level,
        level_old=None if final_total is None else old_band(final_total),
        tools=state.tool_scores,
        indicators=indicators,
        items=items,
        discrepancies=tuple(discrepancies),
        missing=tuple(_missing_notes(indicators, state, final_total, level, level_tools)),
        parts=state.part_scores,
        sub_indicators=subs,
        pass_line=line,
        total_source=_total_source(given.total, computed_total),
        ignored=given.ignored,
    )


@dataclass(frozen=True)
class _Inputs:
    """The caller's figures, validated and keyed canonically."""

    items: dict[str, float]
    indicators: dict[int, float]
    tools: dict[str, float]  # tool and part codes
    total: float | None
    ignored: tuple[str, ...]


def _clean_inputs(criteria: Criteria, item_scores, indicator_scores, tool_scores, total) -> _Inputs:
    items, ignored_items = _clean_items(criteria, item_scores or {})
    indicators, ignored_inds = _clean_keyed(indicator_scores, {i.number for i in criteria.indicators}, int)
    tool_codes = {t.code for t in criteria.tools} | {p.code for t in criteria.tools for p in t.parts}
    tools, ignored_tools = _clean_keyed(tool_scores, tool_codes, lambda k: str(k).strip().upper())
    official_total = None if total is None else validate_score(total)
    return _Inputs(items, indicators, tools, official_total, (*ignored_items, *ignored_inds, *ignored_tools))


def _total_source(official_total: float | None, computed_total: float | None) -> str | None:
    if official_total is not None:
        return SOURCE_OFFICIAL
    return SOURCE_INDICATORS if computed_total is not None else None


def passes(score: float | None, pass_line: float) -> bool | None:
    """Whether a score reaches the pass line, compared at 2 decimals; None without a score."""
    return None if score is None else round_score(score) >= round_score(pass_line)


def _clean_items(criteria: Criteria, raw: Mapping[str, object]) -> tuple[dict[str, float], list[str]]:
    known, ignored = {}, []
    for code, value in raw.items():
        canonical = normalize_item_code(str(code))
        if canonical is None or criteria.item(canonical) is None:
            ignored.append(str(code))
            continue
        known[canonical] = validate_score(value)
    return known, ignored


def _clean_keyed(raw: Mapping | None, known: set, key) -> tuple[dict, list[str]]:
    """Validate the values of ``raw`` and keep those whose normalised key is in ``known``."""
    kept, ignored = {}, []
    for k, value in (raw or {}).items():
        try:
            normal = key(k)
        except (TypeError, ValueError):
            normal = None
        if normal in known:
            kept[normal] = validate_score(value)
        else:
            ignored.append(str(k))
    return kept, ignored


def _mean(values) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def _item_result(item, score: float | None, line: float) -> ItemResult:
    return ItemResult(item.code, item.text, item.indicator, score, passes(score, line), item.sub_indicator, item.text_known)


def _sub_result(criteria: Criteria, sub, scores: dict[str, float]) -> SubIndicatorResult:
    members = criteria.items_of_sub(sub.code)
    values = [scores[i.code] for i in members if i.code in scores]
    return SubIndicatorResult(sub.code, sub.name, sub.indicator, _mean(values), len(values), len(members))


def _indicator_result(criteria, ind: Indicator, scores, subs, official, line) -> IndicatorResult:
    members = criteria.items_of(ind.number)
    scored = sum(1 for i in members if i.code in scores)
    own_subs = [s for s in subs if s.indicator == ind.number]
    # OIT: the indicator is the mean of its sub-indicators, not of all its items.
    if own_subs:
        items_score = _mean(s.score for s in own_subs)
    else:
        items_score = _mean(scores.get(i.code) for i in members)
    if ind.number in official:
        score, source = official[ind.number], SOURCE_OFFICIAL
    elif items_score is not None:
        score, source = items_score, SOURCE_ITEMS
    else:
        score, source = None, None
    return IndicatorResult(
        ind.number, ind.name, ind.tool, score, passes(score, line), source, items_score, scored, len(members)
    )


class _Totals:
    """Tool, part and total arithmetic for one catalog and its indicator results."""

    def __init__(self, criteria: Criteria, indicators: tuple[IndicatorResult, ...], official: dict[str, float]):
        self.criteria = criteria
        self.official = official
        self.from_indicators = {
            t.code: _mean(i.score for i in indicators if i.tool == t.code) for t in criteria.tools
        }
        self.part_scores = {p.code: official[p.code] for t in criteria.tools for p in t.parts if p.code in official}
        self.tool_scores = {t.code: self._tool_score(t) for t in criteria.tools}

    def _parts_complete(self, tool: Tool) -> bool:
        return bool(tool.parts) and all(p.code in self.part_scores for p in tool.parts)

    def _parts_mean(self, tool: Tool) -> float:
        weight = sum(p.weight for p in tool.parts)
        return sum(p.weight * self.part_scores[p.code] for p in tool.parts) / weight

    def _tool_score(self, tool: Tool) -> float | None:
        if tool.code in self.official:
            return self.official[tool.code]
        if self._parts_complete(tool):
            return self._parts_mean(tool)
        return self.from_indicators[tool.code]

    def weighted_total(self) -> float | None:
        """Weighted sum over tools; None when any tool lacks a score."""
        total = 0.0
        for tool in self.criteria.tools:
            if self._parts_complete(tool):
                # Each part carries its own weight (EIT ส่วนที่ ๑/๒ at 15 % each in 2566).
                total += sum(p.weight * self.part_scores[p.code] for p in tool.parts) / 100
                continue
            score = self.tool_scores[tool.code]
            if score is None:
                return None
            total += self.criteria.tool_weight(tool.code) * score / 100
        return total

    def level_tool_scores(self) -> dict[str, float | None]:
        """The scores that must each reach the level line: parts where given, else tools."""
        scores: dict[str, float | None] = {}
        for tool in self.criteria.tools:
            if not self._parts_complete(tool):
                scores[tool.code] = self.tool_scores[tool.code]
            # A lone part below the line still means "some tool < 85".
            scores.update({p.code: self.part_scores[p.code] for p in tool.parts if p.code in self.part_scores})
        return scores

    def discrepancies(self) -> list[Discrepancy]:
        found = []
        for tool in self.criteria.tools:
            if tool.code not in self.official and not self._parts_complete(tool):
                continue  # the tool score is the indicator mean itself
            used, derived = self.tool_scores[tool.code], self.from_indicators[tool.code]
            if used is None or derived is None:
                continue
            if _differs(used, derived):
                found.append(
                    Discrepancy(
                        "tool",
                        tool.code,
                        used,
                        derived,
                        f"คะแนนแบบวัด {tool.code} {_fmt(used)} ไม่ตรงกับค่าเฉลี่ยของตัวชี้วัด {_fmt(derived)}",
                    )
                )
        return found


def _differs(a: float, b: float) -> bool:
    return round(abs(a - b), 9) > TOLERANCE


def _fmt(value: float) -> str:
    return to_thai_digits(f"{round_score(value):.2f}")


def _indicator_discrepancies(indicators: tuple[IndicatorResult, ...]) -> list[Discrepancy]:
    found = []
    for ind in indicators:
        # Only a full set of item scores can contradict the official figure; seed documents
        # often list just the weak items, whose mean is of course lower.
        complete = ind.total_items > 0 and ind.scored_items == ind.total_items
        if ind.source != SOURCE_OFFICIAL or not complete or ind.items_score is None:
            continue
        if _differs(ind.score, ind.items_score):
            message = (
                f"ตัวชี้วัดที่ {to_thai_digits(str(ind.number))} {ind.name}: คะแนนทางการ {_fmt(ind.score)} "
                f"ไม่ตรงกับคะแนนที่คำนวณจากข้อคำถาม {_fmt(ind.items_score)}"
            )
            found.append(Discrepancy("indicator", str(ind.number), ind.score, ind.items_score, message))
    return found


def _items_only_total(criteria: Criteria, indicators: tuple[IndicatorResult, ...]) -> float | None:
    """The total from item scores alone, or None unless every indicator has all its items."""
    if any(i.total_items == 0 or i.scored_items < i.total_items for i in indicators):
        return None
    total = 0.0
    for tool in criteria.tools:
        score = _mean(i.items_score for i in indicators if i.tool == tool.code)
        if score is None:
            return None
        total += criteria.tool_weight(tool.code) * score / 100
    return total


def _total_discrepancies(criteria, indicators, official_total, computed_total, final_total) -> list[Discrepancy]:
    found = []
    if official_total is not None and computed_total is not None and _differs(official_total, computed_total):
        found.append(
            Discrepancy(
                "total",
                "total",
                official_total,
                computed_total,
                f"คะแนนรวมทางการ {_fmt(official_total)} ไม่ตรงกับคะแนนที่คำนวณจากตัวชี้วัด {_fmt(computed_total)}",
            )
        )
    from_items = _items_only_total(criteria, indicators)
    if final_total is not None and from_items is not None and _differs(final_total, from_items):
        found.append(
            Discrepancy(
                "total",
                "items",
                final_total,
                from_items,
                f"คะแนนรวม {_fmt(final_total)} ไม่ตรงกับคะแนนที่คำนวณจากข้อคำถามทั้งหมด {_fmt(from_items)}",
            )
        )
    return found


def _missing_notes(indicators, state: _Totals, total, level, level_tools) -> list[str]:
    notes = []
    for ind in indicators:
        number = to_thai_digits(str(ind.number))
        if ind.score is None:
            notes.append(f"ตัวชี้วัดที่ {number} {ind.name} ยังไม่มีคะแนน จึงไม่นำมาเฉลี่ย")
        elif ind.source == SOURCE_ITEMS and ind.scored_items < ind.total_items:
            counts = to_thai_digits(f"{ind.scored_items} จาก {ind.total_items}")
            notes.append(f"ตัวชี้วัดที่ {number} {ind.name} คำนวณจากข้อคำถามเพียง {counts} ข้อ")
    for code, score in state.tool_scores.items():
        if score is None:
            notes.append(f"แบบวัด {code} ยังไม่มีคะแนน")
    if total is None:
        notes.append("ยังคำนวณคะแนนรวมไม่ได้ เพราะคะแนนแบบวัดไม่ครบ")
    elif level is None:
        absent = ", ".join(code for code, score in level_tools.items() if score is None)
        notes.append(f"ยังตัดสินระดับผลการประเมินไม่ได้ เพราะไม่มีคะแนนของ {absent}")
    return notes
