"""The provincial overview: one year's offices read in a few plain-SQL queries, ranked by core.overview."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ita_desktop.core.gcpause import collector_paused
from ita_desktop.core.overview import (Overview, OfficeYear, QuickScorer, build_overview, filter_offices,
                                       with_previous, with_weak)

from .errors import UserError
from .queries import read_criteria
from .reader import Reader


def read_office_years(r: Reader, year: int, province: str | None = None,
                      district: str | None = None, with_items: bool = True) -> list[OfficeYear]:
    """Every office with an assessment in ``year`` (in ``province``/``district`` when given), with its scores.

    A few queries for the whole year, whatever the number of offices.
    """
    offices, indicators, items, tools = _read_year(r, year, province, district, with_items)
    return [OfficeYear(office_id, name, district or "", province or "", indicators.get(aid, {}), items.get(aid, {}),
                       tools.get(aid, {}), total) for aid, office_id, name, district, province, total in offices]


def _read_year(r: Reader, year: int, province: str | None, district: str | None, with_items: bool = True):
    """(offices as (assessment id, office id, name, district, province, official total), and per
    assessment id its indicator scores by number, item scores by code, tool scores by code)."""
    where, params = ["a.year = :year"], {"year": year}
    if province:
        where.append("o.province = :province")
        params["province"] = province
    if district:
        where.append("o.district = :district")
        params["district"] = district
    cond = " AND ".join(where)
    number_of = dict(r.tuples("SELECT id, number FROM criteria_indicator WHERE year = :year", year=year))
    offices = r.tuples("SELECT a.id, o.id, o.name, o.district, o.province, a.official_total "
                       f"FROM assessment a JOIN office o ON o.id = a.office_id WHERE {cond} ORDER BY a.id", **params)
    # The indicator scores as plain rows, turned into one dict per office here: quicker than a
    # pivot in SQL (GROUP BY with a CASE per indicator) for a national year of 78,500 scores.
    indicators: dict[int, dict[int, float]] = {}
    joined = "JOIN office o ON o.id = a.office_id " if province or district else ""
    for aid, iid, score in r.tuples("SELECT s.assessment_id, s.indicator_id, s.score FROM indicator_score s "
                                    f"JOIN assessment a ON a.id = s.assessment_id {joined}WHERE {cond}", **params):
        number = number_of.get(iid)
        if number is not None and score is not None:
            found = indicators.get(aid)
            if found is None:
                found = indicators[aid] = {}
            found[number] = score
    base = f"FROM assessment a JOIN office o ON o.id = a.office_id WHERE {cond}"
    items: dict[int, dict[str, float]] = {}
    item_rows = r.tuples("SELECT s.assessment_id, c.code, s.score FROM item_score s "
                         "JOIN criteria_item c ON c.id = s.item_id "
                         f"WHERE s.assessment_id IN (SELECT a.id {base})", **params) if with_items else ()
    for aid, code, score in item_rows:
        items.setdefault(aid, {})[code] = score
    tools: dict[int, dict[str, float]] = {}
    for aid, code, score in r.tuples("SELECT assessment_id, tool_code, score FROM tool_score "
                                     f"WHERE assessment_id IN (SELECT a.id {base})", **params):
        tools.setdefault(aid, {})[code] = score
    return offices, indicators, items, tools


def years_with_many_offices(ctx, minimum: int = 2) -> list[int]:
    """Years in which at least ``minimum`` offices hold scores (when the overview is worth showing)."""
    with ctx.reader() as r:
        rows = r.rows("SELECT year, COUNT(*) AS n FROM assessment GROUP BY year ORDER BY year")
    return [row["year"] for row in rows if row["n"] >= minimum]


def has_many_offices(ctx, year: int) -> bool:
    """Whether more than one office holds scores for ``year`` (the overview tab is then shown)."""
    with ctx.reader() as r:
        rows = r.rows("SELECT office_id FROM assessment WHERE year = :year LIMIT 2", year=year)
    return len(rows) > 1


def places(ctx, year: int) -> dict[str, list[str]]:
    """Provinces of the year's offices, each with its districts (for the filters)."""
    with ctx.reader() as r:
        rows = r.rows("SELECT DISTINCT o.province, o.district FROM assessment a JOIN office o ON o.id = a.office_id "
                      "WHERE a.year = :year ORDER BY o.province, o.district", year=year)
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["province"] or "", [])
        if row["district"]:
            found[row["province"] or ""].append(row["district"])
    return found


def get_overview(ctx, year: int, province: str | None = None, district: str | None = None,
                 kind: str | None = None, line: float | None = None) -> Overview:
    """The overview of ``year``'s offices; the change is against each office's previous year.

    ``line`` is the pass line (the catalog's by default).
    """
    *_, complete = overview_stages(ctx, year, province, district, kind, line)
    return complete


def overview_stages(ctx, year: int, province: str | None = None, district: str | None = None,
                    kind: str | None = None, line: float | None = None) -> Iterator[Overview]:
    """:func:`get_overview` in two steps: first the ranking a clerk waits for, without the change
    since the previous year (``changes_known`` False) and the weak indicators and OIT items
    (``weak_known`` False), then complete."""
    with ctx.reader() as r:
        catalog = read_criteria(r, year)
        if catalog is None:
            raise UserError(f"ไม่พบเกณฑ์การประเมินของปีงบประมาณ {year}")
        with collector_paused():  # a national year: many small objects, no cycles (core.gcpause)
            rows = filter_offices(read_office_years(r, year, province, district), kind=kind)
        if not rows:
            where = " ".join(p for p in (f"จังหวัด{province}" if province else "",
                                         f"อำเภอ{district}" if district else "", kind or "") if p)
            raise UserError(f"ไม่มีหน่วยงานที่มีคะแนนปีงบประมาณ {year}" + (f" ใน {where}" if where else ""))
        filters = tuple((label, value) for label, value in (("province", province), ("district", district),
                                                            ("kind", kind)) if value)
        with collector_paused():
            first = build_overview(catalog, rows, None, line, filters, weak=False)
        yield replace(first, changes_known=False)
        with collector_paused():
            first = with_weak(first, catalog, rows)
            previous = _previous_totals(r, year - 1, {o.office_id for o in rows}, province, district)
    yield with_previous(first, previous)


def _previous_totals(r: Reader, year: int, office_ids: set[int], province, district) -> dict[int, float]:
    """Each office's total of ``year`` (the previous one), by the quick arithmetic where it will do."""
    catalog = read_criteria(r, year)
    if catalog is None:
        return {}
    scorer = QuickScorer(catalog, catalog.pass_line)
    offices, indicators, _, tools = _read_year(r, year, province, district, with_items=False)
    found, full = {}, []
    for aid, office_id, name, district_, province_, official in offices:
        if office_id not in office_ids:
            continue
        total = scorer.total(indicators.get(aid, {}), tools.get(aid), official)
        if total is False:  # an indicator missing: the total from the items, as the full computation gives it
            full.append(office_id)
        elif total is not None:
            found[office_id] = total
    if full:
        wanted = set(full)
        for o in read_office_years(r, year, province, district):
            if o.office_id in wanted and (total := scorer.score(o).total) is not None:
                found[o.office_id] = total
    return found
