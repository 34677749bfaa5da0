"""Measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน): reading them as plain data for
screens, and the write services (create, update, delete with snapshot/restore, reorder, merge,
split). Proposals from the analysis are in :mod:`services.measure_proposals`.

Results of what was done live in :mod:`services.measure_results`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, fields, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ita_desktop.core.criteria import DEFAULT_PASS_LINE
from ita_desktop.core.thaitext import thai_date
from ita_desktop.models import Measure, MeasureSet, ResultReport, ResultRow

from . import audit
from .errors import CONFLICT_TEXT, UserError, check_version  # noqa: F401  (check_version re-exported)

CATEGORIES = ("urgent", "develop", "maintain", "")


@dataclass(frozen=True)
class MeasureView:
    """One row of the measure table: the weak item or issue and what the office will do."""

    tool: str
    indicator: int | None
    item_code: str | None
    category: str  # urgent | develop | maintain | ""
    issue: str
    responsible: str
    steps: str
    reporting: str
    period: str
    id: int | None = None
    version: int = 1
    measure: str = ""
    items: tuple[str, ...] = ()  # every item code the measure answers
    indicators: tuple[int, ...] = ()  # every indicator it answers
    period_start: str | None = None  # ISO (CE) dates
    period_end: str | None = None
    deadline: str | None = None
    source_measure_id: int | None = None
    carried_from_year: int | None = None
    measure_set_id: int | None = None

    @property
    def period_text(self) -> str:
        """The period as printed: the stored text, else the dates in the Buddhist era."""
        return self.period or period_text(self.period_start, self.period_end)

    @property
    def deadline_text(self) -> str:
        """The deadline in the Buddhist era (``'๓๑ ธันวาคม ๒๕๖๖'``), empty without one."""
        return period_text(self.deadline, None)


@dataclass(frozen=True)
class MeasureInput:
    """The editable fields of a measure; undo of an update writes the old input back."""

    issue: str = ""
    measure: str = ""
    steps: str = ""
    responsible: str = ""
    reporting: str = ""
    period: str = ""
    period_start: str | None = None
    period_end: str | None = None
    deadline: str | None = None
    category: str = ""
    tool: str = ""
    items: tuple[str, ...] = ()
    indicators: tuple[int, ...] = ()


@dataclass(frozen=True)
class MeasureSetView:
    """The measures of one office for the fiscal year ``year``, drawn from ``based_on_year``'s results."""

    id: int
    office_id: int
    year: int
    based_on_year: int | None
    pass_line: float
    intro: str
    measures: tuple[MeasureView, ...]
    version: int = 1

    @property
    def has_period(self) -> bool:
        """Whether any measure states a period (the column is shown only then)."""
        return any(m.period_text.strip() for m in self.measures)


@dataclass(frozen=True)
class ResultRowView:
    order: int  # 1-based, as printed in the ลำดับ column
    measure: str
    steps: str
    period: str
    responsible: str
    output: str
    outcome: str
    id: int | None = None
    version: int = 1
    measure_id: int | None = None
    status: str = "not_started"
    reason: str = ""
    start_date: str | None = None
    end_date: str | None = None


@dataclass(frozen=True)
class ResultReportView:
    """รายงานผลการดำเนินการ of one office-year with its intro and summary paragraphs."""

    id: int
    office_id: int
    year: int
    title: str
    intro_paragraphs: tuple[str, ...]
    summary_paragraphs: tuple[str, ...]
    rows: tuple[ResultRowView, ...]
    version: int = 1


def paragraphs(text: str) -> tuple[str, ...]:
    """Split stored text into paragraphs (separated by blank lines), dropping empty ones."""
    return tuple(p.strip() for p in (text or "").split("\n\n") if p.strip())


def period_text(start: str | None, end: str | None, thai_digits: bool = True) -> str:
    """``'๑ ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗'`` from ISO dates; one date alone; empty without."""
    parts = [thai_date(_dt.date.fromisoformat(d), thai_digits) for d in (start, end) if d]
    return " - ".join(parts)


# --- reading -----------------------------------------------------------------------------

def measure_sets_for_year(ctx, office_id: int, year: int) -> tuple[MeasureSetView, ...]:
    """The office's measure sets for ``year`` and those based on ``year``'s results.

    The set whose own year is ``year`` comes first, then the one derived from ``year``'s
    results (the measures for the following year).
    """
    with ctx.db.session() as s:
        rows = s.scalars(
            select(MeasureSet)
            .where(MeasureSet.office_id == office_id,
                   or_(MeasureSet.year == year, MeasureSet.based_on_year == year))
        ).all()
        rows = sorted(rows, key=lambda m: (m.year != year, m.year))
        return tuple(_measure_set_view(m) for m in rows)


def measures_for_year(ctx, office_id: int, year: int) -> MeasureSetView | None:
    """The first of :func:`measure_sets_for_year`, or None when the office has none for ``year``."""
    found = measure_sets_for_year(ctx, office_id, year)
    return found[0] if found else None


def measure_set_of_year(ctx, office_id: int, year: int) -> MeasureSetView | None:
    """The set whose own year is ``year`` (the measures carried out in ``year``), or None."""
    with ctx.db.session() as s:
        ms = _set_row(s, office_id, year)
        return None if ms is None else _measure_set_view(ms)


def get_measure(ctx, measure_id: int) -> MeasureView:
    """One measure; a Thai message when it no longer exists."""
    with ctx.db.session() as s:
        return measure_view(_measure_row(s, measure_id))


def _set_row(s: Session, office_id: int, year: int) -> MeasureSet | None:
    return s.scalar(select(MeasureSet).where(MeasureSet.office_id == office_id, MeasureSet.year == year))


def _measure_row(s: Session, measure_id: int) -> Measure:
    row = s.get(Measure, measure_id)
    if row is None:
        raise UserError(f"ไม่พบมาตรการรหัส {measure_id} (อาจถูกลบไปแล้ว) กรุณาโหลดใหม่")
    return row


def _measure_set_view(m: MeasureSet) -> MeasureSetView:
    return MeasureSetView(
        id=m.id, office_id=m.office_id, year=m.year, based_on_year=m.based_on_year,
        pass_line=float(m.pass_line if m.pass_line is not None else DEFAULT_PASS_LINE), intro=m.intro or "",
        measures=tuple(measure_view(x) for x in m.measures), version=m.version or 1,
    )


def split_words(text: str | None) -> tuple[str, ...]:
    return tuple((text or "").split())


def measure_view(x: Measure) -> MeasureView:
    """The frozen view of an ORM measure row."""
    return MeasureView(
        tool=x.tool or "", indicator=x.indicator, item_code=x.item_code, category=x.category or "",
        issue=x.issue or "", responsible=x.responsible or "", steps=x.steps or "",
        reporting=x.reporting or "", period=x.period or "", id=x.id, version=x.version or 1,
        measure=x.measure or "", items=split_words(x.items) or ((x.item_code,) if x.item_code else ()),
        indicators=tuple(int(n) for n in split_words(x.indicators))
        or ((x.indicator,) if x.indicator is not None else ()),
        period_start=x.period_start, period_end=x.period_end, deadline=x.deadline,
        source_measure_id=x.source_measure_id, carried_from_year=x.carried_from_year,
        measure_set_id=x.measure_set_id,
    )


def measure_input(view: MeasureView) -> MeasureInput:
    """The editable values of ``view`` (what an undo of an update writes back)."""
    return MeasureInput(**{f.name: getattr(view, f.name) for f in fields(MeasureInput)})


def result_report_for_year(ctx, office_id: int, year: int) -> ResultReportView | None:
    """The report of the measures carried out in ``year``, or None when there is none."""
    with ctx.db.session() as s:
        report = _report_row(s, office_id, year)
        if report is None:
            return None
        return result_report_view(report)


def result_report_view(report: ResultReport) -> ResultReportView:
    return ResultReportView(
        id=report.id, office_id=report.office_id, year=report.year, title=report.title or "",
        intro_paragraphs=paragraphs(report.intro), summary_paragraphs=paragraphs(report.summary),
        rows=tuple(result_row_view(r, n) for n, r in enumerate(report.rows, start=1)),
        version=report.version or 1,
    )


def _report_row(s: Session, office_id: int, year: int) -> ResultReport | None:
    return s.scalar(select(ResultReport).where(ResultReport.office_id == office_id, ResultReport.year == year))


def result_row_view(r: ResultRow, order: int) -> ResultRowView:
    return ResultRowView(order, r.measure or "", r.steps or "", r.period or "", r.responsible or "",
                         r.output or "", r.outcome or "", id=r.id, version=r.version or 1, measure_id=r.measure_id,
                         status=r.status or "not_started", reason=r.reason or "", start_date=r.start_date,
                         end_date=r.end_date)


def division_choices(ctx, office_id: int) -> tuple[str, ...]:
    """The divisions of the office profile, offered for ผู้รับผิดชอบ (free text is allowed too)."""
    from .queries import get_office

    return tuple(get_office(ctx, office_id).divisions)


# --- validation ----------------------------------------------------------------------------

def parse_iso(value: str | None, label: str) -> str | None:
    """An ISO (CE) date string or None; a Thai message naming ``label`` when it cannot be read."""
    if value is None or not str(value).strip():
        return None
    try:
        return _dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError as exc:
        raise UserError(f"{label} '{value}' ไม่ใช่วันที่ที่อ่านได้ (ปี-เดือน-วัน)") from exc


def validate_measure(data: MeasureInput) -> MeasureInput:
    """Check and normalise the input; raise UserError naming the field, before anything changes."""
    from ita_desktop.core.digits import normalize_item_code

    if not (data.issue.strip() or data.measure.strip() or data.steps.strip()):
        raise UserError("มาตรการต้องมีประเด็น มาตรการ หรือขั้นตอนอย่างน้อยหนึ่งช่อง")
    if data.category not in CATEGORIES:
        raise UserError(f"ประเภทของมาตรการ '{data.category}' ไม่ถูกต้อง (urgent, develop หรือ maintain)")
    items = []
    for code in data.items:
        normal = normalize_item_code(str(code))
        if normal is None:
            raise UserError(f"รหัสข้อคำถาม '{code}' ไม่ถูกต้อง (เช่น i1, e6, o10)")
        items.append(normal)
    indicators = []
    for number in data.indicators:
        if not str(number).isdigit() or not 1 <= int(number) <= 99:
            raise UserError(f"ตัวชี้วัด '{number}' ไม่ถูกต้อง ต้องเป็นเลขตัวชี้วัด เช่น 1 ถึง 10")
        indicators.append(int(number))
    start = parse_iso(data.period_start, "วันเริ่มต้นของระยะเวลาดำเนินการ")
    end = parse_iso(data.period_end, "วันสิ้นสุดของระยะเวลาดำเนินการ")
    if start and end and end < start:
        raise UserError("วันสิ้นสุดของระยะเวลาดำเนินการต้องไม่ก่อนวันเริ่มต้น")
    deadline = parse_iso(data.deadline, "กำหนดเวลาแล้วเสร็จ")
    return replace(data, items=tuple(dict.fromkeys(items)), indicators=tuple(dict.fromkeys(indicators)),
                   period_start=start, period_end=end, deadline=deadline)


def write_measure_fields(row: Measure, data: MeasureInput) -> None:
    row.issue, row.measure, row.steps = data.issue, data.measure, data.steps
    row.responsible, row.reporting, row.period = data.responsible, data.reporting, data.period
    row.period_start, row.period_end, row.deadline = data.period_start, data.period_end, data.deadline
    row.category, row.tool = data.category, data.tool
    row.items, row.indicators = " ".join(data.items), " ".join(str(n) for n in data.indicators)
    row.item_code = data.items[0] if data.items else None
    row.indicator = data.indicators[0] if data.indicators else None


def _values(data: MeasureInput) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(data).items()}


# --- writing -------------------------------------------------------------------------------

def check_office_year(s: Session, office_id: int, year: int) -> None:
    """Refuse an office that does not exist or a year that is not a Buddhist-era fiscal year."""
    from ita_desktop.models import Office

    if s.get(Office, office_id) is None:
        raise UserError(f"ไม่พบหน่วยงานรหัส {office_id} (อาจถูกลบไปแล้ว) กรุณาโหลดใหม่")
    if not 2500 <= int(year) <= 2700:
        raise UserError(f"ปีงบประมาณ '{year}' ต้องเป็นปี พ.ศ. เช่น 2567")


def ensure_measure_set(s: Session, office_id: int, year: int, based_on_year: int | None = None,
                       pass_line: float | None = None) -> MeasureSet:
    """The office's measure set of ``year`` inside a caller's transaction, created when missing."""
    ms = _set_row(s, office_id, year)
    if ms is None:
        from ita_desktop.core.criteria import DEFAULT_PASS_LINE

        check_office_year(s, office_id, year)

        ms = MeasureSet(office_id=office_id, year=year,
                        based_on_year=year - 1 if based_on_year is None else based_on_year,
                        pass_line=DEFAULT_PASS_LINE if pass_line is None else pass_line, intro="")
        s.add(ms)
        s.flush()
        audit.record(s, "measure_set.create", "measure_set", ms.id, office_id=office_id, year=year)
    return ms


def create_measure(ctx, office_id: int, year: int, data: MeasureInput, position: int | None = None) -> int:
    """Add a measure to the office's measures for ``year`` (at ``position``, else last); return its id."""
    data = validate_measure(data)
    with ctx.db.session() as s:
        ms = ensure_measure_set(s, office_id, year)
        row = Measure()
        write_measure_fields(row, data)
        insert_measure(ms, row, position)
        s.flush()
        audit.record(s, "measure.create", "measure", row.id, new=_values(data), year=year, office_id=office_id)
        return row.id


def insert_measure(ms: MeasureSet, row: Measure, position: int | None) -> None:
    ordered = list(ms.measures)
    at = len(ordered) if position is None else max(0, min(position, len(ordered)))
    ordered.insert(at, row)
    ms.measures.insert(at, row)
    for n, m in enumerate(ordered):
        m.sort_order = n


def update_measure(ctx, measure_id: int, data: MeasureInput, expected_version: int | None = None) -> MeasureView:
    """Write ``data`` over the measure; returns the new view (its ``version`` is one higher)."""
    data = validate_measure(data)
    with ctx.db.session() as s:
        row = _measure_row(s, measure_id)
        check_version(row, expected_version)
        old = measure_input(measure_view(row))
        write_measure_fields(row, data)
        row.version = (row.version or 1) + 1
        s.flush()
        audit.record(s, "measure.update", "measure", row.id, old=_values(old), new=_values(data))
        return measure_view(row)


def delete_measure(ctx, measure_id: int, expected_version: int | None = None) -> dict:
    """Delete a measure; returns its snapshot (what :func:`restore_measure` needs to undo it)."""
    with ctx.db.session() as s:
        row = _measure_row(s, measure_id)
        check_version(row, expected_version)
        snap = _snapshot(s, row)
        ms = row.measure_set
        ms.measures.remove(row)
        s.delete(row)
        for n, m in enumerate(ms.measures):
            m.sort_order = n
        audit.record(s, "measure.delete", "measure", measure_id, old=snap)
        return snap


def snapshot_measure(ctx, measure_id: int) -> dict:
    """Plain JSON-able data of a measure with its position and the result rows linked to it."""
    with ctx.db.session() as s:
        return _snapshot(s, _measure_row(s, measure_id))


def _snapshot(s: Session, row: Measure) -> dict:
    ms = row.measure_set
    linked = s.scalars(select(ResultRow.id).where(ResultRow.measure_id == row.id)).all()
    copied_from = s.scalars(select(Measure.id).where(Measure.source_measure_id == row.id)).all()
    return {
        "id": row.id, "measure_set_id": ms.id, "office_id": ms.office_id, "year": ms.year,
        "position": [m.id for m in ms.measures].index(row.id), "version": row.version or 1,
        "source_measure_id": row.source_measure_id, "carried_from_year": row.carried_from_year,
        "values": _values(measure_input(measure_view(row))), "result_row_ids": list(linked),
        "copies": list(copied_from),
    }


def restore_measure(ctx, snapshot: dict) -> int:
    """Re-insert a deleted measure exactly (same id, place, links); returns its id."""
    values = dict(snapshot["values"])
    values["items"], values["indicators"] = tuple(values["items"]), tuple(values["indicators"])
    data = validate_measure(MeasureInput(**values))
    with ctx.db.session() as s:
        if s.get(Measure, snapshot["id"]) is not None:
            raise UserError("มาตรการนี้มีอยู่แล้ว ไม่ต้องกู้คืน")
        ms = ensure_measure_set(s, snapshot["office_id"], snapshot["year"])
        row = Measure(id=snapshot["id"], version=snapshot.get("version") or 1,
                      source_measure_id=snapshot.get("source_measure_id"),
                      carried_from_year=snapshot.get("carried_from_year"))
        write_measure_fields(row, data)
        insert_measure(ms, row, snapshot.get("position"))
        s.flush()
        for rid in snapshot.get("result_row_ids") or ():
            rr = s.get(ResultRow, rid)
            if rr is not None and rr.measure_id is None:
                rr.measure_id = row.id
        for mid in snapshot.get("copies") or ():
            copy = s.get(Measure, mid)
            if copy is not None and copy.source_measure_id is None:
                copy.source_measure_id = row.id
        audit.record(s, "measure.restore", "measure", row.id, new=snapshot)
        return row.id


def reorder_measures(ctx, office_id: int, year: int, ordered_ids: list[int]) -> None:
    """Put the year's measures in the order of ``ordered_ids`` (every measure, each once)."""
    with ctx.db.session() as s:
        ms = _set_row(s, office_id, year)
        current = [m.id for m in ms.measures] if ms else []
        if sorted(current) != sorted(ordered_ids) or len(set(ordered_ids)) != len(ordered_ids):
            raise UserError("ลำดับใหม่ต้องมีมาตรการของปีนี้ครบทุกรายการและไม่ซ้ำ กรุณาโหลดใหม่")
        by_id = {m.id: m for m in ms.measures}
        for n, mid in enumerate(ordered_ids):
            by_id[mid].sort_order = n
        ms.version = (ms.version or 1) + 1
        audit.record(s, "measure.reorder", "measure_set", ms.id, old=current, new=list(ordered_ids))


def _joined(texts) -> str:
    return "\n".join(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


def merge_measures(ctx, measure_ids: list[int]) -> int:
    """Merge several measures of one year into the first: their items, indicators and texts
    are combined (repeated texts once); the others are deleted. Returns the kept id.

    Undo: snapshot every measure first, then restore the deleted ones and update the kept one.
    """
    if len(measure_ids) < 2:
        raise UserError("เลือกมาตรการอย่างน้อย ๒ รายการเพื่อรวมกัน")
    with ctx.db.session() as s:
        rows = [_measure_row(s, mid) for mid in measure_ids]
        if len({r.measure_set_id for r in rows}) != 1:
            raise UserError("รวมได้เฉพาะมาตรการของปีงบประมาณเดียวกัน")
        views = [measure_view(r) for r in rows]
        first = views[0]
        merged = MeasureInput(
            issue=_joined(v.issue for v in views), measure=_joined(v.measure for v in views),
            steps=_joined(v.steps for v in views), responsible=_joined_inline(v.responsible for v in views),
            reporting=_joined(v.reporting for v in views), period=first.period, period_start=first.period_start,
            period_end=first.period_end, deadline=max((v.deadline for v in views if v.deadline), default=None),
            category=_most_urgent(v.category for v in views), tool=first.tool,
            items=tuple(dict.fromkeys(c for v in views for c in v.items)),
            indicators=tuple(dict.fromkeys(n for v in views for n in v.indicators)),
        )
        keep = rows[0]
        ms = keep.measure_set
        for other in rows[1:]:
            for rr in s.scalars(select(ResultRow).where(ResultRow.measure_id == other.id)):
                rr.measure_id = keep.id
            ms.measures.remove(other)
            s.delete(other)
        write_measure_fields(keep, merged)
        keep.version = (keep.version or 1) + 1
        for n, m in enumerate(ms.measures):
            m.sort_order = n
        audit.record(s, "measure.merge", "measure", keep.id, old=[asdict(v) for v in views], new=_values(merged))
        return keep.id


def _joined_inline(texts) -> str:
    words = [w for t in texts for w in (t or "").split()]
    return " ".join(dict.fromkeys(words))


def _most_urgent(categories) -> str:
    found = set(categories)
    return next((c for c in CATEGORIES if c in found), "")


def split_measure(ctx, measure_id: int, expected_version: int | None = None) -> list[int]:
    """Split a measure answering several items or indicators into one measure per item (or per
    indicator when it names no items), placed where it was; texts are copied; when the issue has
    one line per item, each new measure gets its line. Returns the ids in order (the first is the
    original measure)."""
    with ctx.db.session() as s:
        row = _measure_row(s, measure_id)
        check_version(row, expected_version)
        view = measure_view(row)
        targets = [("item", c) for c in view.items] or [("indicator", n) for n in view.indicators]
        if len(targets) < 2:
            raise UserError("มาตรการนี้ตอบข้อคำถามหรือตัวชี้วัดเพียงรายการเดียว แยกไม่ได้")
        lines = [ln for ln in view.issue.split("\n") if ln.strip()]
        per_target = len(lines) == len(targets)
        ms = row.measure_set
        position = [m.id for m in ms.measures].index(row.id)
        ids = []
        for n, (kind, target) in enumerate(targets):
            data = replace(measure_input(view), issue=lines[n] if per_target else view.issue,
                           items=(target,) if kind == "item" else (),
                           indicators=(target,) if kind == "indicator" else
                           ((view.indicators[0],) if len(view.indicators) == 1 else ()))
            if n == 0:
                write_measure_fields(row, data)
                row.version = (row.version or 1) + 1
                ids.append(row.id)
                continue
            new = Measure()
            write_measure_fields(new, data)
            insert_measure(ms, new, position + n)
            s.flush()
            ids.append(new.id)
        audit.record(s, "measure.split", "measure", row.id, old=_values(measure_input(view)), new=ids)
        return ids
