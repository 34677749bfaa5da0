"""Measures proposed from the analysis of the year before (จัดทำมาตรการจากผลการวิเคราะห์): one per
urgent and to-develop item (or indicator without scored items), its guideline as the first step."""

from __future__ import annotations

from ita_desktop.core.analysis import Category
from ita_desktop.models import Measure

from . import audit
from .measures import (
    MeasureInput,
    ensure_measure_set,
    insert_measure,
    measure_view,
    validate_measure,
    write_measure_fields,
)

CATEGORY_OF = {Category.URGENT: "urgent", Category.DEVELOP: "develop", Category.MAINTAIN: "maintain"}


def propose_measures(ctx, office_id: int, based_on_year: int, pass_line: float | None = None) -> tuple[MeasureInput, ...]:
    """One proposed measure per urgent and to-develop item (or indicator without scored items)
    of ``based_on_year``'s analysis, with the item's development guideline as the first step."""
    from .analysis import analyse_office_year

    analysis = analyse_office_year(ctx, office_id, based_on_year, pass_line)
    proposals: list[MeasureInput] = []
    seen: set[str] = set()
    for group in analysis.groups:
        if group.category not in (Category.URGENT, Category.DEVELOP):
            continue
        category = CATEGORY_OF[group.category]
        for ind in group.indicators:
            for item in ind.items:
                if item.code in seen:
                    continue
                seen.add(item.code)
                proposals.append(MeasureInput(
                    issue=item.text, steps=_first_step(item.guideline), category=category, tool=ind.tool,
                    items=(item.code,), indicators=(ind.number,)))
            key = f"ind{ind.number}"
            if not ind.items and ind.category == group.category and key not in seen:
                seen.add(key)
                proposals.append(MeasureInput(
                    issue=f"ตัวชี้วัดที่ {ind.number} {ind.name}", steps=_first_step(ind.note), category=category,
                    tool=ind.tool, indicators=(ind.number,)))
    return tuple(proposals)


def _target_keys(m) -> tuple[str, ...]:
    """What a measure answers, as keys: its item codes, else its indicators."""
    return m.items or tuple(f"ind{n}" for n in m.indicators)


def proposal_key(m) -> str:
    """One key naming what a proposal answers (``'i1'``, ``'ind5'``), for choosing among them."""
    return " ".join(_target_keys(m))


def _first_step(guideline: str) -> str:
    text = (guideline or "").strip()
    return f"1. {text}" if text and not text[0].isdigit() and not text.startswith("๑") else text


def create_measures_from_analysis(ctx, office_id: int, year: int, based_on_year: int | None = None,
                                  pass_line: float | None = None, only: set[str] | None = None) -> list[int]:
    """Add the proposals of :func:`propose_measures` to the measures of ``year`` in one transaction.

    Items that already have a measure of that year are skipped; with ``only`` (keys of
    :func:`proposal_key`), so are the proposals the clerk did not choose. Returns the new ids.
    """
    based_on = year - 1 if based_on_year is None else based_on_year
    proposals = propose_measures(ctx, office_id, based_on, pass_line)
    with ctx.db.session() as s:
        ms = ensure_measure_set(s, office_id, year, based_on, pass_line)
        taken = {k for m in ms.measures for k in _target_keys(measure_view(m))}
        ids = []
        for p in proposals:
            if only is not None and proposal_key(p) not in only:
                continue
            if set(_target_keys(p)) & taken:
                continue
            row = Measure()
            write_measure_fields(row, validate_measure(p))
            insert_measure(ms, row, None)
            s.flush()
            ids.append(row.id)
        audit.record(s, "measure.propose", "measure_set", ms.id, new=ids, based_on_year=based_on)
        return ids
