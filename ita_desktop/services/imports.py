"""Importing score sheets: read and validate (importers), show what would change, store atomically."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NamedTuple

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ita_desktop.core.office_index import OfficeIndex, closest_names
from ita_desktop.core.orgnames import org_kind
from ita_desktop.importers import ImportProblem, ParsedWorkbook, read_score_workbook
from ita_desktop.importers.problems import YearConflict
from ita_desktop.models import (Assessment, CriteriaIndicator, CriteriaItem, IndicatorScore, ItemScore, Office,
                                SourceFile, ToolScore)
from ita_desktop.models.base import utcnow

from ita_desktop.core.gcpause import collector_paused

from . import audit, criteria
from .errors import UserError

Progress = Callable[[int, str], None]


class ScoreChange(NamedTuple):
    """One score the import would set: ``old`` None means it is new.

    (A NamedTuple, immutable like the other views: a national sheet makes ~80,000 of them.)
    """

    key: str  # "ตัวชี้วัดที่ 2" or "i19"
    old: float | None
    new: float

    @property
    def replaces(self) -> bool:
        return self.old is not None and round(self.old, 2) != round(self.new, 2)


@dataclass(frozen=True)
class OfficePreview:
    org_name: str
    district: str | None
    province: str | None
    exists: bool
    indicators: tuple[ScoreChange, ...]
    items: tuple[ScoreChange, ...]
    similar_to: str | None = None  # an existing office whose name differs by a letter or two
    tools: tuple[ScoreChange, ...] = ()
    total: ScoreChange | None = None  # the official total the sheet prints (key "คะแนนรวม")

    @functools.cached_property  # asked several times per office of a national sheet
    def replacements(self) -> tuple[ScoreChange, ...]:
        if not self.exists:
            return ()  # a new office has no scores to replace
        total = (self.total,) if self.total is not None else ()
        return tuple(c for c in (*self.indicators, *self.items, *total) if c.replaces)


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds and what importing it would change; nothing is written yet."""

    file_name: str
    sha256: str
    year: int
    offices: tuple[OfficePreview, ...]
    warnings: tuple[str, ...]
    imported_before: str | None  # when the same file (by hash) was imported, else None
    learned_texts: tuple[tuple[str, str], ...] = ()  # (item code, text) new to the year's catalog
    notes: tuple[str, ...] = ()  # what the importer did that the summary should say (points read)

    @functools.cached_property
    def replacements(self) -> int:
        return sum(len(o.replacements) for o in self.offices)

    def summary_th(self) -> str:
        ind = sum(len(o.indicators) for o in self.offices)
        items = sum(len(o.items) for o in self.offices)
        new = sum(not o.exists for o in self.offices)
        totals = sum(o.total is not None for o in self.offices)
        text = (f"ไฟล์ {self.file_name}: ปีงบประมาณ {self.year} {len(self.offices)} หน่วยงาน"
                f" (หน่วยงานใหม่ {new}), คะแนนตัวชี้วัด {ind} รายการ, คะแนนข้อคำถาม {items} ข้อ")
        if totals:
            text += f", คะแนนรวมตามประกาศ {totals} หน่วยงาน"
        if self.replacements:
            text += f", แทนคะแนนเดิม {self.replacements} รายการ"
        for note in self.notes:
            text += f"\n{note}"
        if self.learned_texts:
            codes = ", ".join(code for code, _ in self.learned_texts)
            text += (f"\nเพิ่มข้อความข้อคำถามที่เกณฑ์ปี {self.year} ยังไม่มี จากไฟล์ {len(self.learned_texts)} ข้อ: "
                     f"{codes}")
        return text


class YearConflictError(UserError):
    """The file names two fiscal years; ``years`` lists them so that a dialog can ask which."""

    def __init__(self, message: str, years: list[int]):
        super().__init__(message)
        self.years = list(years)


def read_file(ctx, path: str | Path, org: str | None = None, year: int | None = None,
              prepare_year: bool = False, ahead=None) -> ParsedWorkbook:
    """Read and validate a score file; every problem becomes one Thai UserError.

    The file is opened once: its title rows give the year (unless ``year`` is given), then that
    year's catalog checks the scores. Titles, year cells and the file name that disagree about
    the year raise :class:`YearConflictError`; ``year`` decides. With ``prepare_year`` (the GUI),
    a year the year selectors offer (the current fiscal year and the next) that has no catalog
    yet gets one, a copy of the newest marked soft, as the main window's selector does. ``ahead``
    may hold the file's cells read in another process (``ita-cli import``, importers.reader.CellsAhead).
    """
    path = Path(path)
    if not path.exists():
        raise UserError(f"ไม่พบไฟล์ {path}")

    def catalog(y: int):
        if prepare_year and y in criteria.offered_years(ctx):
            criteria.ensure_year(ctx, y)
        return criteria.get_criteria(ctx, y)

    try:
        with collector_paused():  # hundreds of thousands of small objects, no cycles (core.gcpause)
            return read_score_workbook(path, catalog, org_name=org, year=year, ahead=ahead)
    except YearConflict as exc:
        raise YearConflictError(str(exc), exc.years) from None
    except ImportProblem as exc:
        raise UserError(str(exc)) from None


_CHUNK = 500  # ids per IN (...): well under every engine's parameter limit
TOTAL_KEY = "คะแนนรวม"  # how an office's official total is named in previews, messages and the audit log
UNKNOWN_TEXT_MARK = "(ยังไม่ทราบข้อความ"  # how catalogs mark an item whose text is not known


def _executemany(s: Session, sql: str, rows: list[tuple]) -> None:
    """One DB-API executemany of plain SQL written with ``?`` placeholders (any engine).

    Used for the tens of thousands of score rows of a provincial or national sheet, where the
    ORM's per-row bookkeeping would cost more than the database itself.
    """
    if not rows:
        return
    conn = s.connection()
    if conn.dialect.paramstyle in ("format", "pyformat"):
        sql = sql.replace("?", "%s")
    conn.exec_driver_sql(sql, rows)


def _stamp(s: Session):
    """The current time as the database column stores it (SQLAlchemy's DateTime processing)."""
    dialect = s.connection().dialect
    processor = IndicatorScore.__table__.c.updated_at.type.dialect_impl(dialect).bind_processor(dialect)
    now = utcnow()
    return processor(now) if processor else now


def _chunks(values: list) -> list[list]:
    return [values[k:k + _CHUNK] for k in range(0, len(values), _CHUNK)]


@dataclass
class _Stored:
    """What the database holds for the file's offices and year, read in a few queries."""

    office_ids: dict[str, int | None]  # parsed org_name -> office id (None: new office)
    assessments: dict[int, int]  # office id -> assessment id
    totals: dict[int, float | None]  # assessment id -> official total stored
    indicator_rows: dict[int, dict[int, tuple[int, float]]]  # assessment -> number -> (row id, score)
    item_rows: dict[int, dict[str, tuple[int, float]]]  # assessment -> code -> (row id, score)
    tool_rows: dict[int, dict[str, tuple[int, float]]]
    indicator_ids: dict[int, int]  # number -> criteria_indicator.id
    item_ids: dict[str, int]  # code -> criteria_item.id
    unknown_texts: set[str]  # item codes whose text the catalog does not know
    similar: dict[str, str]  # parsed org_name -> existing office name a letter or two away
    places: dict[int, tuple[str, str]]  # office id -> (district, province) as stored
    last_office_id: int  # the highest office id before the import


def _load_stored(s: Session, parsed: ParsedWorkbook, year: int) -> _Stored:
    # Whole reads rather than IN (...) lists: one query each however many offices the file names.
    offices = s.execute(select(Office.id, Office.name, Office.province, Office.district)).all()
    index = OfficeIndex((i, name, province) for i, name, province, _ in offices)
    places = {i: (district or "", province or "") for i, _, province, district in offices}
    office_ids = {o.org_name: index.find(o.org_name) for o in parsed.offices}
    similar = {}
    for o in parsed.offices:
        if office_ids[o.org_name] is None and not index.empty and (near := index.near(o.org_name, o.province)):
            similar[o.org_name] = near
    known = {i for i in office_ids.values() if i is not None}
    assessments: dict[int, int] = {}
    totals: dict[int, float | None] = {}
    for office_id, aid, total in s.execute(select(Assessment.office_id, Assessment.id, Assessment.official_total)
                                           .where(Assessment.year == year)):
        if office_id in known:
            assessments[office_id], totals[aid] = aid, total
    has_items = any(o.item_scores for o in parsed.offices)
    has_tools = any(o.tool_scores for o in parsed.offices)
    ind, items, tools = {}, {}, {}
    for chunk in _chunks(list(assessments.values())):
        for aid, number, row_id, score in s.execute(
                select(IndicatorScore.assessment_id, CriteriaIndicator.number, IndicatorScore.id, IndicatorScore.score)
                .join(CriteriaIndicator, CriteriaIndicator.id == IndicatorScore.indicator_id)
                .where(IndicatorScore.assessment_id.in_(chunk))):
            ind.setdefault(aid, {})[number] = (row_id, score)
        if has_items:
            for aid, code, row_id, score in s.execute(
                    select(ItemScore.assessment_id, CriteriaItem.code, ItemScore.id, ItemScore.score)
                    .join(CriteriaItem, CriteriaItem.id == ItemScore.item_id).where(ItemScore.assessment_id.in_(chunk))):
                items.setdefault(aid, {})[code] = (row_id, score)
        if has_tools:
            for aid, code, row_id, score in s.execute(
                    select(ToolScore.assessment_id, ToolScore.tool_code, ToolScore.id, ToolScore.score)
                    .where(ToolScore.assessment_id.in_(chunk))):
                tools.setdefault(aid, {})[code] = (row_id, score)
    indicator_ids = dict(s.execute(select(CriteriaIndicator.number, CriteriaIndicator.id)
                                   .where(CriteriaIndicator.year == year)).all())
    item_ids, unknown = {}, set()
    for code, item_id, text, text_known in s.execute(
            select(CriteriaItem.code, CriteriaItem.id, CriteriaItem.text, CriteriaItem.text_known)
            .where(CriteriaItem.year == year)):
        item_ids[code] = item_id
        if not text_known or not (text or "").strip() or text.startswith(UNKNOWN_TEXT_MARK):
            unknown.add(code)
    return _Stored(office_ids, assessments, totals, ind, items, tools, indicator_ids, item_ids, unknown, similar,
                   places, max(places, default=0))



def _changes(old: dict, new: dict, label: Callable[[object], str]) -> tuple[ScoreChange, ...]:
    if not new:
        return ()
    keys = sorted(new, key=str)
    if not old:  # a new office or year: the common case of a national sheet
        return tuple([ScoreChange(label(k), None, new[k]) for k in keys])
    return tuple([ScoreChange(label(k), old[k][1] if k in old else None, new[k]) for k in keys])


@functools.lru_cache(maxsize=256)
def _indicator_label(number) -> str:
    return f"ตัวชี้วัดที่ {number}"


def _preview_from(parsed: ParsedWorkbook, stored: _Stored, imported_before: str | None) -> ImportPreview:
    year = parsed.offices[0].year if parsed.offices else 0
    previews = []
    for o in parsed.offices:
        office_id = stored.office_ids[o.org_name]
        aid = stored.assessments.get(office_id) if office_id is not None else None
        previews.append(OfficePreview(
            o.org_name, o.district, o.province, office_id is not None,
            _changes(stored.indicator_rows.get(aid, {}), o.indicator_scores, _indicator_label),
            _changes(stored.item_rows.get(aid, {}), o.item_scores, str),
            similar_to=stored.similar.get(o.org_name),
            tools=_changes(stored.tool_rows.get(aid, {}), o.tool_scores, str),
            total=None if o.official_total is None else ScoreChange(TOTAL_KEY, stored.totals.get(aid), o.official_total),
        ))
    warnings = list(parsed.warnings)
    for name, near in stored.similar.items():
        warnings.append(f"หน่วยงาน '{name}' ในไฟล์ไม่ตรงกับหน่วยงานใดที่มีอยู่ แต่ชื่อคล้าย '{near}' "
                        "(ต่างกันหนึ่งหรือสองตัวอักษร) จะสร้างเป็นหน่วยงานใหม่ กรุณาตรวจการสะกด")
    return ImportPreview(
        file_name=Path(parsed.path).name, sha256=parsed.sha256, year=year, offices=tuple(previews),
        warnings=tuple(warnings), imported_before=imported_before,
        learned_texts=_learned_texts(parsed, stored), notes=parsed.notes,
    )


def _learned_texts(parsed: ParsedWorkbook, stored: _Stored) -> tuple[tuple[str, str], ...]:
    """Texts the file gives for items whose text the year's catalog does not know (first seen wins)."""
    found: dict[str, str] = {}
    for o in parsed.offices:
        for code, text in o.item_texts.items():
            if code in stored.unknown_texts and code not in found and len(text.strip()) >= 4:
                found[code] = text.strip()
    return tuple(sorted(found.items(), key=lambda kv: (kv[0][0], int(kv[0][1:]) if kv[0][1:].isdigit() else 0)))


def _imported_before(s: Session, sha256: str) -> str | None:
    before = s.scalar(select(SourceFile.imported_at).where(SourceFile.sha256 == sha256).order_by(SourceFile.id))
    return before.strftime("%Y-%m-%d %H:%M") if before else None


def preview(ctx, parsed: ParsedWorkbook) -> ImportPreview:
    """Compare a read file with the database: new offices, new scores, replaced scores."""
    with ctx.db.session() as s:
        year = parsed.offices[0].year if parsed.offices else 0
        return _preview_from(parsed, _load_stored(s, parsed, year), _imported_before(s, parsed.sha256))


def apply(ctx, parsed: ParsedWorkbook, replace: bool = False, progress=None) -> ImportPreview:
    """Store every office of a read file in one transaction.

    Offices are matched in one pass and rows are written in bulk, so the time grows with the
    number of offices, the same for new and existing ones. Scores that already exist with another
    value are replaced only with ``replace``; otherwise a Thai UserError lists them and nothing
    is written. A backup is made first when stored offices are touched; ``progress(percent,
    text)`` hears after each stage; when it raises (a cancelled task) the transaction rolls back.
    """
    report = progress or (lambda percent, text="": None)
    with collector_paused(), ctx.db.session() as s:
        year = parsed.offices[0].year if parsed.offices else 0
        stored = _load_stored(s, parsed, year)
        plan = _preview_from(parsed, stored, _imported_before(s, parsed.sha256))
        if plan.replacements and not replace:
            raise UserError(_replacement_message(plan))
        if any(o.exists for o in plan.offices):
            ctx.db.ensure_backup("before-import")  # the CLI and the GUI alike: a copy before data is replaced
        report(10, f"กำลังบันทึกหน่วยงาน {len(parsed.offices):,} แห่ง")
        source_id = s.execute(insert(SourceFile).values(file_name=plan.file_name, sha256=parsed.sha256,
                                                        kind="scores")).inserted_primary_key[0]
        office_ids = _store_offices(s, parsed, stored)
        assessments = _store_assessments(s, office_ids.values(), year, stored.assessments)
        report(30, "กำลังบันทึกคะแนนตัวชี้วัด")
        for o in parsed.offices:
            if (missing := set(o.item_scores) - set(stored.item_ids)):
                raise UserError(f"ปีงบประมาณ {year} ไม่มีข้อคำถาม {', '.join(sorted(missing))}")
        _store_scores(s, "indicator_score", "indicator_id", stored.indicator_ids, stored.indicator_rows, assessments,
                      {o.org_name: o.indicator_scores for o in parsed.offices}, office_ids, source_id)
        report(60, "กำลังบันทึกคะแนนข้อคำถาม")
        _store_scores(s, "item_score", "item_id", stored.item_ids, stored.item_rows, assessments,
                      {o.org_name: o.item_scores for o in parsed.offices}, office_ids, source_id)
        _store_tools(s, stored, assessments, parsed, office_ids)
        _store_totals(s, assessments, parsed, office_ids)
        _store_texts(s, year, plan.learned_texts)
        report(90, "กำลังบันทึกประวัติการแก้ไข")
        audit.record_many(s, "import.office", "office", _office_audit(plan, office_ids, year))
        report(100, f"บันทึกคะแนนของ {len(parsed.offices):,} หน่วยงานแล้ว")
        audit.record(s, "import.scores", "source_file", source_id, file=plan.file_name, sha256=parsed.sha256,
                     year=plan.year, offices=len(parsed.offices), replaced=plan.replacements,
                     new_offices=sum(not o.exists for o in plan.offices),
                     learned_texts=[code for code, _ in plan.learned_texts])
    return plan


def _office_audit(plan: ImportPreview, office_ids: dict[str, int], year: int):
    """One audit entry per office: the scores it had and the scores the file gave."""
    for office in plan.offices:
        changes = (*office.indicators, *office.items, *((office.total,) if office.total is not None else ()))
        office_id = office_ids.get(office.org_name)
        yield {"entity_id": office_id, "office_id": office_id, "year": year,
               "old": {c.key: c.old for c in changes if c.old is not None} or None,
               "new": {c.key: c.new for c in changes}, "detail": {"file": plan.file_name}}


def _store_offices(s: Session, parsed: ParsedWorkbook, stored: _Stored) -> dict[str, int]:
    """Office ids by parsed name: new offices inserted in bulk, blank districts and provinces filled."""
    ids = {name: i for name, i in stored.office_ids.items() if i is not None}
    new = [o for o in parsed.offices if stored.office_ids[o.org_name] is None]
    if new:
        now = _stamp(s)
        _executemany(s, "INSERT INTO office (name, kind, district, province, website, phone, memo_unit, "
                        "memo_number_prefix, garuda_path, created_at) VALUES (?, ?, ?, ?, '', '', '', '', '', ?)",
                     [(o.org_name, org_kind(o.org_name) or "องค์การบริหารส่วนตำบล", o.district or "",
                       o.province or "", now) for o in new])
        names = {o.org_name for o in new}
        ids.update((name, i) for name, i in s.execute(
            select(Office.name, Office.id).where(Office.id > stored.last_office_id)) if name in names)
    known = [o for o in parsed.offices if stored.office_ids[o.org_name] is not None and (o.district or o.province)]
    fills = []
    for o in known:
        district, province = stored.places[ids[o.org_name]]
        if (not district and o.district) or (not province and o.province):
            fills.append(dict(id=ids[o.org_name], district=district or o.district or "",
                              province=province or o.province or ""))
    if fills:
        s.execute(update(Office), fills)
    return ids


def _store_assessments(s: Session, office_ids, year: int, existing: dict[int, int]) -> dict[int, int]:
    """Assessment ids by office id for ``year``; the missing ones inserted in bulk."""
    found = dict(existing)
    missing = sorted(set(office_ids) - set(found))
    if missing:
        _executemany(s, "INSERT INTO assessment (office_id, year, official_level, note) VALUES (?, ?, '', '')",
                     [(i, year) for i in missing])
        wanted = set(missing)
        found.update((office_id, aid) for office_id, aid in s.execute(
            select(Assessment.office_id, Assessment.id).where(Assessment.year == year)) if office_id in wanted)
    return found


def _store_scores(s: Session, table: str, fk: str, criteria_ids: dict, existing: dict, assessments: dict[int, int],
                  scores_by_office: dict[str, dict], office_ids: dict[str, int], source_id: int) -> None:
    """Insert new score rows and update existing ones, each in one executemany."""
    inserts, updates = [], []
    now = _stamp(s)
    for name, values in scores_by_office.items():
        aid = assessments[office_ids[name]]
        current = existing.get(aid, {})
        for key, score in values.items():
            value = round(float(score), 2)
            if key in current:
                updates.append((value, source_id, now, current[key][0]))
            else:
                inserts.append((aid, criteria_ids[key], value, source_id, now))
    extra = "note" if table == "indicator_score" else "guideline"
    _executemany(s, f"INSERT INTO {table} (assessment_id, {fk}, score, source_file_id, updated_at, {extra}) "
                    "VALUES (?, ?, ?, ?, ?, '')", inserts)
    # version + 1: a screen still showing the old value is refused when it saves (services.errors)
    _executemany(s, f"UPDATE {table} SET score = ?, source_file_id = ?, updated_at = ?, version = version + 1 "
                    "WHERE id = ?", updates)


def _store_tools(s: Session, stored: _Stored, assessments: dict[int, int], parsed: ParsedWorkbook,
                 office_ids: dict[str, int]) -> None:
    inserts, updates = [], []
    for o in parsed.offices:
        aid = assessments[office_ids[o.org_name]]
        current = stored.tool_rows.get(aid, {})
        for code, score in (o.tool_scores or {}).items():
            value = round(float(score), 2)
            if code in current:
                updates.append({"id": current[code][0], "score": value})
            else:
                inserts.append({"assessment_id": aid, "tool_code": code, "score": value})
    if inserts:
        s.execute(insert(ToolScore), inserts)
    if updates:
        s.execute(update(ToolScore), updates)


def _store_totals(s: Session, assessments: dict[int, int], parsed: ParsedWorkbook, office_ids: dict[str, int]) -> None:
    """The official totals the sheet prints, on the offices' assessments (version + 1)."""
    rows = [(round(float(o.official_total), 2), assessments[office_ids[o.org_name]])
            for o in parsed.offices if o.official_total is not None]
    _executemany(s, "UPDATE assessment SET official_total = ?, version = version + 1 WHERE id = ?", rows)


def _store_texts(s: Session, year: int, learned: tuple[tuple[str, str], ...]) -> None:
    """Keep item texts the file taught in the year's catalog."""
    for code, text in learned:
        s.execute(update(CriteriaItem).where(CriteriaItem.year == year, CriteriaItem.code == code)
                  .values(text=text, text_known=True))


def _replacement_message(plan: ImportPreview) -> str:
    lines = [f"ไฟล์ {plan.file_name} จะแทนคะแนนที่มีอยู่แล้ว {plan.replacements} รายการ:"]
    shown = 0
    for office in plan.offices:
        for c in office.replacements:
            if shown < 20:
                lines.append(f"  {office.org_name} {c.key}: {c.old:.2f} → {c.new:.2f}")
            shown += 1
    if shown > 20:
        lines.append(f"  ... และอีก {shown - 20} รายการ")
    lines.append("ยืนยันการแทนค่าเดิมด้วยตัวเลือก --replace (หรือกดยืนยันในหน้าต่างนำเข้า)")
    return "\n".join(lines)


def check_org(ctx, org: str) -> None:
    """Refuse an office name that matches no office, naming the closest ones (typos, not new offices)."""
    with ctx.db.session() as s:
        index = OfficeIndex(s.execute(select(Office.id, Office.name)).all())
    if index.empty or index.find(org) is not None:
        return
    close = closest_names(org, index.names)
    hint = f" ชื่อที่ใกล้เคียง: {', '.join(close)}" if close else ""
    raise UserError(f"ไม่พบหน่วยงาน '{org}' ในฐานข้อมูล{hint}\n"
                    "หากเป็นหน่วยงานใหม่จริง ให้เพิ่มตัวเลือก --new-office")


def import_file(ctx, path, org: str | None = None, year: int | None = None, replace: bool = False,
                dry_run: bool = False, new_office: bool = False, ahead=None) -> ImportPreview:
    """Read, validate and (unless ``dry_run``) store a score file.

    ``org`` must name an office already in the database (a typo must not create an office)
    unless ``new_office``; on a database without offices any name is taken.
    """
    if org and not new_office:
        check_org(ctx, org)
    parsed = read_file(ctx, path, org, year, ahead=ahead)
    if dry_run:
        plan = preview(ctx, parsed)
        if plan.replacements and not replace:
            raise UserError(_replacement_message(plan))
        return plan
    return apply(ctx, parsed, replace)
