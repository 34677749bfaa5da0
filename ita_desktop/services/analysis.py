"""The weak-point analysis (วิเคราะห์จุดอ่อน) of one office-year, as plain data for screens.

core.analysis classifies every indicator and item; this module adds what is stored with the
scores (the development guideline of each item, the note of each indicator) and groups the
findings the way the analysis report reads: category -> indicator -> items.
"""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.core.analysis import (
    Analysis,
    Category,
    IndicatorFinding,
    MeasureEffect,
    check_line,
    analyse,
    compare_items,
    compare_years,
    measure_effect,
    summary_sentence,
)
from ita_desktop.core.criteria import Criteria
from ita_desktop.core.gains import PathStep, indicator_gains, item_gains, path_to
from ita_desktop.core.guidelines import INDICATOR, ITEM

from .errors import UserError
from .guidelines import GuidelineView, guidelines_for
from .queries import get_criteria, score_office_year, years_with_scores

CATEGORY_ORDER = (Category.URGENT, Category.DEVELOP, Category.MAINTAIN)


@dataclass(frozen=True)
class ItemView:
    """One question item under an indicator, with its development guideline (may be empty)."""

    code: str
    text: str
    score: float
    passed: bool
    category: Category
    guideline: str = ""
    text_known: bool = True


@dataclass(frozen=True)
class IndicatorView:
    """An indicator as listed under one category: only its items of that category."""

    number: int
    name: str
    tool: str
    score: float | None
    passed: bool | None
    category: Category | None  # the indicator's own category
    note: str = ""  # the stored issue or remark of the indicator
    items: tuple[ItemView, ...] = ()


@dataclass(frozen=True)
class CategoryGroup:
    category: Category
    indicators: tuple[IndicatorView, ...]

    @property
    def item_count(self) -> int:
        return sum(len(i.items) for i in self.indicators)


@dataclass(frozen=True)
class OfficeYearAnalysis:
    """Everything the วิเคราะห์จุดอ่อน tab shows for one office-year."""

    office_id: int
    office_name: str
    year: int
    pass_line: float
    total: float | None
    level: str | None
    summary_text: str  # the seed-001 sentence; empty without indicator scores
    groups: tuple[CategoryGroup, ...]  # urgent, develop, maintain; empty groups left out

    @property
    def has_scores(self) -> bool:
        return bool(self.groups)

    def group(self, category: Category) -> CategoryGroup | None:
        return next((g for g in self.groups if g.category == category), None)


def analyse_office_year(ctx, office_id: int, year: int, pass_line: float | None = None) -> OfficeYearAnalysis:
    """Classify the office-year's indicators and items against the year's pass line (or ``pass_line``);
    every scored item carries its guideline (see services.guidelines)."""
    current = score_office_year(ctx, office_id, year)
    analysis = analyse(current.result, get_criteria(ctx, year), pass_line)
    stored = current.stored
    # Each scored item's guideline: the office's own, else last year's, else the library's.
    keys = [(ITEM, i.code) for i in current.result.items if i.score is not None]
    texts = {key: view.text for (_, key), view in guidelines_for(ctx, office_id, year, keys).items()}
    groups = group_findings(analysis, texts, stored.indicator_notes)
    scored = any(i.score is not None for i in analysis.indicators)
    return OfficeYearAnalysis(
        office_id=office_id,
        office_name=current.office_name,
        year=year,
        pass_line=analysis.pass_line,
        total=analysis.total,
        level=current.level,
        summary_text=summary_sentence(analysis.summary, thai_digits=False) if scored else "",
        groups=groups,
    )


def group_findings(
    analysis: Analysis, guidelines: dict[str, str] | None = None, notes: dict[int, str] | None = None
) -> tuple[CategoryGroup, ...]:
    """Group scored findings by category; an indicator is listed under its own category
    and under every category one of its scored items falls in."""
    guidelines, notes = guidelines or {}, notes or {}
    groups = []
    for category in CATEGORY_ORDER:
        views = tuple(
            _indicator_view(ind, category, guidelines, notes.get(ind.number, ""))
            for ind in analysis.indicators
            if ind.category == category or ind.items_in(category)
        )
        if views:
            groups.append(CategoryGroup(category, views))
    return tuple(groups)


def _indicator_view(ind: IndicatorFinding, category: Category, guidelines: dict[str, str], note: str) -> IndicatorView:
    items = tuple(
        ItemView(i.code, i.text, i.score, i.category != Category.URGENT, i.category, guidelines.get(i.code, ""),
                 i.text_known)
        for i in ind.items_in(category)
        if i.score is not None
    )
    return IndicatorView(ind.number, ind.name, ind.tool, ind.score, ind.passed, ind.category, note, items)


# --- the full analysis: gains, paths, year over year, guidelines (JSON, report, memo) ---------

@dataclass(frozen=True)
class IndicatorRow:
    number: int
    name: str
    tool: str
    score: float | None
    category: Category | None
    passed: bool | None
    gain_to_line: float
    gain_to_100: float
    change: float | None  # since the previous scored year
    guideline: GuidelineView


@dataclass(frozen=True)
class ItemRow:
    code: str
    text: str
    indicator: int
    tool: str
    score: float
    category: Category
    gain_to_line: float
    gain_to_100: float
    change: float | None
    guideline: GuidelineView
    had_measure: bool = False
    text_known: bool = True


@dataclass(frozen=True)
class PathView:
    target: float
    steps: tuple[PathStep, ...]
    total_after: float
    reached: bool

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.steps)


@dataclass(frozen=True)
class FullAnalysis:
    """Everything the analysis report, its memo and ``ita-cli analysis`` need for one office-year."""

    office_id: int
    office_name: str
    year: int
    line: float
    total: float | None
    level: str | None
    level_old: str | None
    tools: dict[str, float | None]
    criteria: Criteria
    indicators: tuple[IndicatorRow, ...]
    items: tuple[ItemRow, ...]
    summary_text: str
    path_to_line: PathView | None
    path_to_target: PathView | None
    previous_year: int | None
    measure_effect: MeasureEffect | None
    missing: tuple[str, ...]  # Thai notes: what keeps the analysis from being complete

    @property
    def complete(self) -> bool:
        return not self.missing

    def indicators_in(self, category: Category) -> tuple[IndicatorRow, ...]:
        return tuple(i for i in self.indicators if i.category == category)

    def items_of(self, number: int, category: Category | None = None) -> tuple[ItemRow, ...]:
        return tuple(i for i in self.items if i.indicator == number and (category is None or i.category == category))


def full_analysis(ctx, office_id: int, year: int, line: float | None = None) -> FullAnalysis:
    """Categories, gains, paths to the line and to next year's target, change since the previous
    scored year with the measures' effect, and each guideline, for one office-year."""
    current = score_office_year(ctx, office_id, year)
    catalog = get_criteria(ctx, year)
    result = current.result
    pass_line = _line(result.pass_line if line is None else line)
    analysis = analyse(result, catalog, pass_line)
    previous_year, ind_changes, item_changes, effect = _year_over_year(ctx, office_id, year, result)
    keys = [(INDICATOR, str(i.number)) for i in result.indicators]
    keys += [(ITEM, i.code) for i in result.items if i.score is not None]
    texts = guidelines_for(ctx, office_id, year, keys)
    measured = set(effect.compared) if effect else set()
    ind_gains = {g.key: g for g in indicator_gains(catalog, result, pass_line)}
    item_gain = {g.key: g for g in item_gains(catalog, result, pass_line)}
    indicators = tuple(
        IndicatorRow(f.number, f.name, f.tool, f.score, f.category, f.passed, ind_gains[str(f.number)].gain_to_line,
                     ind_gains[str(f.number)].gain_to_100, ind_changes.get(f.number),
                     texts[(INDICATOR, str(f.number))])
        for f in analysis.indicators
    )
    items = tuple(
        ItemRow(i.code, i.text, i.indicator, item_gain[i.code].tool, i.score, i.category,
                item_gain[i.code].gain_to_line, item_gain[i.code].gain_to_100,
                item_changes[i.code].change if i.code in item_changes else None, texts[(ITEM, i.code)],
                i.code in measured, i.text_known)
        for f in analysis.indicators for i in f.items if i.score is not None
    )
    target = _targets(ctx, office_id).get(year + 1)
    scored = any(i.score is not None for i in analysis.indicators)
    return FullAnalysis(
        office_id=office_id, office_name=current.office_name, year=year, line=pass_line, total=result.total,
        level=current.level, level_old=result.level_old, tools=dict(result.tools), criteria=catalog,
        indicators=indicators, items=items,
        summary_text=summary_sentence(analysis.summary, thai_digits=False) if scored else "",
        path_to_line=_path(catalog, result, pass_line, pass_line),
        path_to_target=None if target is None else _path(catalog, result, target, pass_line),
        previous_year=previous_year, measure_effect=effect, missing=missing_for_analysis(result),
    )


def _line(value: float) -> float:
    try:
        return check_line(value)
    except (TypeError, ValueError) as exc:
        raise UserError(f"เกณฑ์ผ่าน {value} ไม่ถูกต้อง: ต้องมากกว่า 0 และไม่เกิน 100") from exc


def _path(catalog: Criteria, result, target: float, line: float) -> PathView | None:
    path = path_to(catalog, result, target, line)
    return None if path is None else PathView(path.target, path.steps, path.total_after, path.reached)


def missing_for_analysis(result) -> tuple[str, ...]:
    """What an analysis report needs and the office-year lacks: every indicator score and the total."""
    notes = [f"ตัวชี้วัดที่ {i.number} {i.name}" for i in result.indicators if i.score is None]
    if result.total is None:
        notes.append("คะแนนรวม")
    return tuple(notes)


def _targets(ctx, office_id: int) -> dict[int, float]:
    """The office's yearly ITA targets from its plans; a later plan wins (as services.plans)."""
    with ctx.reader() as r:
        rows = r.rows("SELECT t.year, t.ita_target FROM plan_target t JOIN plan p ON p.id = t.plan_id "
                      "WHERE p.office_id = :office_id AND t.ita_target IS NOT NULL "
                      "ORDER BY p.start_year, p.id, t.year", office_id=office_id)
    return {int(x["year"]): float(x["ita_target"]) for x in rows}


def _year_over_year(ctx, office_id: int, year: int, result):
    """(previous year, indicator changes, item changes, measure effect) against the latest earlier
    year with scores; empty without one."""
    earlier = [y for y in years_with_scores(ctx, office_id) if y < year]
    for previous_year in reversed(earlier):
        before = score_office_year(ctx, office_id, previous_year).result
        if before.total is None and all(i.score is None for i in before.indicators):
            continue
        comparison = compare_years(before, result)
        ind_changes = {int(c.key): c.change for c in comparison.indicators}
        item_changes = compare_items(before, result)
        effect = measure_effect(item_changes, _measured_items(ctx, office_id, previous_year, year))
        return previous_year, ind_changes, {k: v for k, v in item_changes.items()}, effect
    return None, {}, {}, None


def _measured_items(ctx, office_id: int, after: int, up_to: int) -> set[str]:
    """Items that had a measure for a year after ``after`` and up to ``up_to``."""
    with ctx.reader() as r:
        rows = r.rows("SELECT m.item_code FROM measure m JOIN measure_set s ON s.id = m.measure_set_id "
                      "WHERE s.office_id = :office_id AND s.year > :after AND s.year <= :up_to "
                      "AND m.item_code IS NOT NULL", office_id=office_id, after=after, up_to=up_to)
    return {x["item_code"] for x in rows if x["item_code"]}
