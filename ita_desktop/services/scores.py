"""Stored scores of an office-year: read them as plain data, write them transactionally."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.models import (
    Assessment,
    CriteriaIndicator,
    CriteriaItem,
    FiscalYear,
    IndicatorScore,
    ItemScore,
    SourceFile,
    ToolScore,
)

from . import audit
from .errors import UserError, bump, check_version
from .queries import (  # noqa: F401  (the read side, re-exported under its usual names)
    OfficeYearScores,
    StoredScores,
    load_scores,
    offices_with_scores,
    read_scores,
    score_office_year,
    years_with_scores,
)


def get_assessment(s: Session, office_id: int, year: int, create: bool = False) -> Assessment | None:
    a = s.scalar(select(Assessment).where(Assessment.office_id == office_id, Assessment.year == year))
    if a is None and create:
        if s.get(FiscalYear, year) is None:
            raise UserError(f"ไม่มีเกณฑ์การประเมินของปีงบประมาณ {year} จึงบันทึกคะแนนไม่ได้")
        a = Assessment(office_id=office_id, year=year)
        s.add(a)
        s.flush()
    return a


def _indicator_rows(s: Session, year: int) -> dict[int, CriteriaIndicator]:
    return {r.number: r for r in s.scalars(select(CriteriaIndicator).where(CriteriaIndicator.year == year))}


def _item_rows(s: Session, year: int) -> dict[str, CriteriaItem]:
    return {r.code: r for r in s.scalars(select(CriteriaItem).where(CriteriaItem.year == year))}


def _check(score: float, where: str) -> float:
    if score is None or not 0 <= float(score) <= 100:
        raise UserError(f"{where}: คะแนน {score} ต้องอยู่ระหว่าง 0 ถึง 100")
    return round(float(score), 2)


def _write(collection: list, rows: dict, scores: dict, fk: str, make, label, extra: dict | None,
           extra_field: str, source: SourceFile | None, year: int) -> None:
    """Insert or replace scores in ``collection`` (an assessment's indicator or item scores)."""
    current = {getattr(x, fk): x for x in collection}
    for key, score in scores.items():
        crit = rows.get(key)
        if crit is None:
            raise UserError(f"ปีงบประมาณ {year} ไม่มี{label(key)}")
        row = current.get(crit.id)
        if row is None:
            row = current[crit.id] = make(crit.id)
            collection.append(row)
        row.score = _check(score, label(key))
        row.source_file_id = source.id if source else None
        if extra and key in extra:
            setattr(row, extra_field, extra[key] or "")


def write_indicator_scores(
    s: Session, a: Assessment, scores: dict[int, float], source: SourceFile | None = None,
    notes: dict[int, str] | None = None,
) -> None:
    """Set (insert or replace) indicator scores of an assessment."""
    _write(a.indicator_scores, _indicator_rows(s, a.year), scores, "indicator_id",
           lambda cid: IndicatorScore(indicator_id=cid), lambda n: f"ตัวชี้วัดที่ {n}", notes, "note", source, a.year)


def write_item_scores(
    s: Session, a: Assessment, scores: dict[str, float], source: SourceFile | None = None,
    guidelines: dict[str, str] | None = None,
) -> None:
    """Set (insert or replace) item scores of an assessment."""
    _write(a.item_scores, _item_rows(s, a.year), scores, "item_id",
           lambda cid: ItemScore(item_id=cid), lambda c: f"ข้อคำถาม {c}", guidelines, "guideline", source, a.year)


def write_tool_scores(a: Assessment, scores: dict[str, float]) -> None:
    current = {x.tool_code: x for x in a.tool_scores}
    for code, score in scores.items():
        row = current.get(code) or ToolScore(tool_code=code)
        if row.id is None:
            a.tool_scores.append(row)
        row.score = _check(score, f"เครื่องมือ {code}")


def set_official(a: Assessment, total: float | None, level: str) -> None:
    a.official_total = None if total is None else _check(total, "คะแนนรวม")
    a.official_level = level or ""


def set_indicator_score(ctx, office_id: int, year: int, number: int, score: float | None,
                        expected_version: int | None = None) -> int:
    """Enter or correct one indicator score by hand (None removes it).

    ``expected_version`` is the row version the clerk saw (0: no score); returns the version
    now stored (0 when removed), which an undo carries back.
    """
    return _set_one(ctx, office_id, year, "indicator", number, score, expected_version)


def set_item_score(ctx, office_id: int, year: int, code: str, score: float | None,
                   expected_version: int | None = None) -> int:
    """Enter or correct one item score by hand (None removes it); see :func:`set_indicator_score`."""
    return _set_one(ctx, office_id, year, "item", code, score, expected_version)


def _set_one(ctx, office_id: int, year: int, kind: str, key, score: float | None,
             expected_version: int | None) -> int:
    label = f"ตัวชี้วัดที่ {key}" if kind == "indicator" else f"ข้อคำถาม {key}"
    with ctx.db.session() as s:
        a = get_assessment(s, office_id, year, create=True)
        if kind == "indicator":
            collection, fk, rows, write = a.indicator_scores, "indicator_id", _indicator_rows, write_indicator_scores
        else:
            collection, fk, rows, write = a.item_scores, "item_id", _item_rows, write_item_scores
        crit = rows(s, year).get(key)
        if crit is None:
            raise UserError(f"ปีงบประมาณ {year} ไม่มี{label}")
        row = next((x for x in collection if getattr(x, fk) == crit.id), None)
        check_version(row, expected_version, f"คะแนน{label}")
        old = None if row is None else row.score
        if score is None:
            collection[:] = [x for x in collection if getattr(x, fk) != crit.id]
            version = 0
        else:
            write(s, a, {key: score})
            row = next(x for x in collection if getattr(x, fk) == crit.id)
            if row.id is not None:
                bump(row)
            s.flush()
            version = row.version
        audit.record(s, f"score.{kind}", "assessment", a.id, office_id=office_id, year=year,
                     old={str(key): old}, new={str(key): score},
                     **{"number" if kind == "indicator" else "code": key}, score=score)
        return version


def delete_year_scores(ctx, office_id: int, year: int):
    """Delete one office-year's scores (indicators, items, tools, the official total).

    Returns the deleted rows (a :class:`snapshots.Snapshot`) so the deletion can be undone
    with :func:`offices.restore_rows`.
    """
    from . import snapshots

    with ctx.db.session() as s:
        a = get_assessment(s, office_id, year)
        if a is None:
            raise UserError(f"ปีงบประมาณ {year} ยังไม่มีคะแนนของหน่วยงานนี้ จึงไม่มีอะไรให้ลบ")
        snap = snapshots.take(s, "assessment", {"id": a.id})
        audit.record(s, "scores.delete", "assessment", a.id, office_id=office_id, year=year,
                     old={t: len(rows) for t, rows in snap.rows.items()}, new=None)
        s.expunge(a)
        snapshots.remove(s, "assessment", {"id": a.id})
        return snap
