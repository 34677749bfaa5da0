"""The weak-point analysis (วิเคราะห์จุดอ่อน) of one office-year, as plain data for screens.

core.analysis classifies every indicator and item; this module adds what is stored with the
scores (the development guideline of each item, the note of each indicator) and groups the
findings the way the analysis report reads: category -> indicator -> items.
"""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.core.analysis import Analysis, Category, IndicatorFinding, analyse, summary_sentence

from .criteria import get_criteria
from .scores import score_office_year

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
    """Classify the office-year's indicators and items against the year's pass line (or ``pass_line``)."""
    current = score_office_year(ctx, office_id, year)
    analysis = analyse(current.result, get_criteria(ctx, year), pass_line)
    stored = current.stored
    groups = group_findings(analysis, stored.guidelines, stored.indicator_notes)
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
