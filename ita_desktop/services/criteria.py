"""The criteria catalog per fiscal year: bundled JSON files -> database -> core.Criteria."""

from __future__ import annotations

import json
import logging
from dataclasses import replace

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ita_desktop import paths
from ita_desktop.core.criteria import Criteria, load_criteria_file
from ita_desktop.models import (
    CriteriaIndicator,
    CriteriaItem,
    CriteriaSubIndicator,
    CriteriaTool,
    FiscalYear,
    IndicatorScore,
    ItemScore,
)

from . import audit
from .errors import UserError
from .queries import (  # noqa: F401  (the read side, re-exported)
    current_fiscal_year, get_criteria, is_soft, list_years, offered_years, read_criteria, soft_banner,
)

log = logging.getLogger(__name__)


def bundled_catalogs() -> dict[int, Criteria]:
    """The catalogs shipped in resources/forms/criteria_YYYY.json, by year."""
    found = {}
    for path in sorted(paths.forms_dir().glob("criteria_*.json")):
        try:
            catalog = load_criteria_file(path)
        except (ValueError, KeyError) as exc:  # a broken bundled file must not stop the program
            log.error("cannot read %s: %s", path, exc)
            continue
        found[catalog.year] = catalog
    return found


def sync_bundled_criteria(ctx) -> list[int]:
    """Store every bundled catalog whose year is not in the database yet; return the years added."""
    added = []
    with ctx.db.session() as s:
        have = set(s.execute(text("SELECT year FROM fiscal_year")).scalars())  # plain SQL: no ORM compile at start
        if not paths.bundled_criteria_years() - have:
            return added  # the usual start: nothing to parse
        for year, catalog in bundled_catalogs().items():
            if year not in have:
                store_catalog(s, catalog).soft = _bundled_soft(year)
                added.append(year)
    return added


def _bundled_soft(year: int) -> bool:
    """Whether the bundled catalog of ``year`` says its content is not confirmed (``"soft": true``)."""
    try:
        data = json.loads((paths.forms_dir() / f"criteria_{year}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(data.get("soft", False))


def store_catalog(s: Session, c: Criteria) -> FiscalYear:
    """Insert or update the catalog of ``c.year``, matching rows by code so scores keep their items."""
    fy = s.get(FiscalYear, c.year) or FiscalYear(year=c.year)
    fy.pass_line, fy.note = c.pass_line, c.note
    rules = c.level_rules
    fy.excellent_line, fy.good_line, fy.improve_line = rules.excellent, rules.good, rules.improve
    s.add(fy)
    _merge(s, fy.tools, _tool_rows(c), key=lambda r: r.code, make=lambda: CriteriaTool(year=c.year))
    _merge(s, fy.indicators, _indicator_rows(c), key=lambda r: r.number, make=lambda: CriteriaIndicator(year=c.year))
    _merge(s, fy.sub_indicators, _sub_rows(c), key=lambda r: r.code, make=lambda: CriteriaSubIndicator(year=c.year))
    _merge(s, fy.items, _item_rows(c), key=lambda r: r.code, make=lambda: CriteriaItem(year=c.year))
    s.flush()
    return fy


def _merge(s: Session, existing: list, wanted: list[dict], key, make) -> None:
    by_key = {key(row): row for row in existing}
    wanted_keys = set()
    for values in wanted:
        k = values["code"] if "code" in values else values["number"]
        wanted_keys.add(k)
        row = by_key.get(k)
        if row is None:
            row = make()
            existing.append(row)
        for name, value in values.items():
            setattr(row, name, value)
    for k, row in by_key.items():
        if k not in wanted_keys:
            existing.remove(row)


def _tool_rows(c: Criteria) -> list[dict]:
    rows, order = [], 0
    for tool in c.tools:
        rows.append(dict(code=tool.code, name=tool.name, weight=tool.weight, parent_code=None, sort_order=order))
        order += 1
        for part in tool.parts:
            rows.append(dict(code=part.code, name=part.name, weight=part.weight, parent_code=tool.code, sort_order=order))
            order += 1
    return rows


def _indicator_rows(c: Criteria) -> list[dict]:
    return [dict(number=i.number, name=i.name, tool=i.tool, aliases="\n".join(i.aliases)) for i in c.indicators]


def _sub_rows(c: Criteria) -> list[dict]:
    return [dict(code=x.code, name=x.name, indicator=x.indicator) for x in c.sub_indicators]


def _item_rows(c: Criteria) -> list[dict]:
    return [
        dict(code=i.code, text=i.text, indicator=i.indicator, sub_indicator=i.sub_indicator,
             text_known=i.text_known, topic=i.topic, sort_order=n)
        for n, i in enumerate(c.items)
    ]


def save_criteria(ctx, catalog: Criteria) -> None:
    """Replace the catalog of ``catalog.year``; refuses to drop items or indicators that have scores."""
    _check_weights(catalog)
    with ctx.db.session() as s:
        fy = s.get(FiscalYear, catalog.year)
        if fy is not None:
            _check_not_dropping_scored(s, fy, catalog)
        store_catalog(s, catalog).soft = False  # the clerk has looked at it and saved it
        audit.record(s, "criteria.save", "fiscal_year", catalog.year, items=len(catalog.items))


def copy_year(ctx, source_year: int, new_year: int) -> Criteria:
    """Start ``new_year``'s catalog as a copy of ``source_year``'s (the usual yearly step)."""
    source = get_criteria(ctx, source_year)
    if new_year in list_years(ctx):
        raise UserError(f"มีเกณฑ์ของปีงบประมาณ {new_year} อยู่แล้ว")
    copied = replace(source, year=new_year, note=f"คัดลอกจากปีงบประมาณ {source_year}")
    with ctx.db.session() as s:
        store_catalog(s, copied).soft = True  # a copy is a guess until the year's criteria are checked
        audit.record(s, "criteria.copy_year", "fiscal_year", new_year, source=source_year)
    return copied


def ensure_year(ctx, year: int) -> bool:
    """Give ``year`` a catalog if it has none: a copy of the newest earlier one, marked soft.

    Returns True when a catalog was created. The GUI then shows :func:`soft_banner`.
    """
    years = list_years(ctx)
    if year in years:
        return False
    earlier = [y for y in years if y < year] or years
    if not earlier:
        raise UserError(f"ไม่มีเกณฑ์การประเมินปีใดให้คัดลอกไปเป็นปีงบประมาณ {year}")
    copy_year(ctx, max(earlier), year)
    return True


def _check_weights(c: Criteria) -> None:
    total = sum(t.weight for t in c.tools)
    if abs(total - 100.0) > 0.001:
        raise UserError(f"น้ำหนักของเครื่องมือการประเมินรวมกันได้ {total:g} ต้องรวมเป็น 100")
    for t in c.tools:
        if t.parts and abs(sum(p.weight for p in t.parts) - t.weight) > 0.001:
            raise UserError(f"น้ำหนักส่วนย่อยของ {t.code} ต้องรวมกันเท่ากับ {t.weight:g}")
    if not 0 <= c.pass_line <= 100:
        raise UserError("เกณฑ์ผ่านต้องอยู่ระหว่าง 0 ถึง 100")


def _check_not_dropping_scored(s: Session, fy: FiscalYear, c: Criteria) -> None:
    keep_items = {i.code for i in c.items}
    keep_inds = {i.number for i in c.indicators}
    for row in fy.items:
        if row.code not in keep_items and s.scalar(select(ItemScore.id).where(ItemScore.item_id == row.id).limit(1)):
            raise UserError(f"ลบข้อคำถาม {row.code} ไม่ได้ เพราะมีคะแนนบันทึกไว้แล้ว")
    for row in fy.indicators:
        if row.number not in keep_inds and s.scalar(
            select(IndicatorScore.id).where(IndicatorScore.indicator_id == row.id).limit(1)
        ):
            raise UserError(f"ลบตัวชี้วัดที่ {row.number} ไม่ได้ เพราะมีคะแนนบันทึกไว้แล้ว")
