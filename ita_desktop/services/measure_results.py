"""Results of the measures during the year (ผลการดำเนินการ): status, output, outcome, dates;
rows for activities made outside the program; overdue measures and counts by status;
carrying unfinished measures over into the next fiscal year.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.models import Measure, MeasureSet, ResultReport, ResultRow

from . import audit
from .errors import UserError
from .measures import (
    MeasureView,
    ResultRowView,
    check_office_year,
    check_version,
    ensure_measure_set,
    measure_view,
    parse_iso,
    result_row_view,
)

NOT_STARTED, IN_PROGRESS, DONE, IMPOSSIBLE = "not_started", "in_progress", "done", "impossible"
STATUS_TITLES = {
    NOT_STARTED: "ยังไม่เริ่ม",
    IN_PROGRESS: "อยู่ระหว่างดำเนินการ",
    DONE: "ดำเนินการแล้วเสร็จ",
    IMPOSSIBLE: "ไม่สามารถดำเนินการได้",
}
UNFINISHED = (NOT_STARTED, IN_PROGRESS, IMPOSSIBLE)


@dataclass(frozen=True)
class ResultInput:
    """The editable fields of a result row; undo of an update writes the old input back."""

    measure: str = ""
    steps: str = ""
    period: str = ""
    responsible: str = ""
    output: str = ""
    outcome: str = ""
    status: str = NOT_STARTED
    reason: str = ""
    start_date: str | None = None
    end_date: str | None = None


@dataclass(frozen=True)
class MeasureProgress:
    """A measure of the year with its result row (None before anything is recorded)."""

    measure: MeasureView
    result: ResultRowView | None
    overdue: bool

    @property
    def status(self) -> str:
        return self.result.status if self.result else NOT_STARTED


@dataclass(frozen=True)
class YearProgress:
    """Every measure of an office-year with its result, the results without a measure, counts."""

    office_id: int
    year: int
    measures: tuple[MeasureProgress, ...]
    other_results: tuple[ResultRowView, ...]  # rows for activities not among the measures
    counts: dict[str, int]

    @property
    def overdue(self) -> tuple[MeasureProgress, ...]:
        return tuple(m for m in self.measures if m.overdue)


def result_input(view: ResultRowView) -> ResultInput:
    return ResultInput(view.measure, view.steps, view.period, view.responsible, view.output, view.outcome,
                       view.status, view.reason, view.start_date, view.end_date)


def validate_result(data: ResultInput) -> ResultInput:
    """Check the input; Thai message naming the field, before anything changes."""
    if data.status not in STATUS_TITLES:
        raise UserError(f"สถานะ '{data.status}' ไม่ถูกต้อง ต้องเป็น: {', '.join(STATUS_TITLES.values())}")
    if data.status == IMPOSSIBLE and not data.reason.strip():
        raise UserError("สถานะ 'ไม่สามารถดำเนินการได้' ต้องระบุเหตุผล")
    start = parse_iso(data.start_date, "วันที่เริ่มดำเนินการ")
    end = parse_iso(data.end_date, "วันที่ดำเนินการแล้วเสร็จ")
    if start and end and end < start:
        raise UserError("วันที่ดำเนินการแล้วเสร็จต้องไม่ก่อนวันที่เริ่มดำเนินการ")
    return replace(data, start_date=start, end_date=end)


def status_from_title(text: str) -> str:
    """The status code of a Thai title or a code; UserError for anything else."""
    value = (text or "").strip()
    for code, title in STATUS_TITLES.items():
        if value in (code, title):
            return code
    if not value:
        return NOT_STARTED
    raise UserError(f"สถานะ '{text}' ไม่ถูกต้อง ต้องเป็น: {', '.join(STATUS_TITLES.values())}")


def _values(data: ResultInput) -> dict:
    return asdict(data)


def write_result_fields(row: ResultRow, data: ResultInput) -> None:
    for key, value in asdict(data).items():
        setattr(row, key, value)


def ensure_report(s: Session, office_id: int, year: int) -> ResultReport:
    """The office's report of ``year`` inside a caller's transaction, created when missing."""
    report = s.scalar(select(ResultReport).where(ResultReport.office_id == office_id, ResultReport.year == year))
    if report is None:
        check_office_year(s, office_id, year)
        report = ResultReport(office_id=office_id, year=year, title="", intro="", summary="")
        s.add(report)
        s.flush()
    return report


def _row(s: Session, row_id: int) -> ResultRow:
    row = s.get(ResultRow, row_id)
    if row is None:
        raise UserError(f"ไม่พบผลการดำเนินการรหัส {row_id} (อาจถูกลบไปแล้ว) กรุณาโหลดใหม่")
    return row


def record_result(ctx, measure_id: int, data: ResultInput, expected_version: int | None = None) -> ResultRowView:
    """Write the result of a measure (its row in the report of the measure's year, created on the
    first call with the measure's texts where ``data`` leaves them empty). ``expected_version`` is
    the result row's version."""
    data = validate_result(data)
    with ctx.db.session() as s:
        measure = s.get(Measure, measure_id)
        if measure is None:
            raise UserError(f"ไม่พบมาตรการรหัส {measure_id} (อาจถูกลบไปแล้ว) กรุณาโหลดใหม่")
        ms = measure.measure_set
        report = ensure_report(s, ms.office_id, ms.year)
        row = s.scalar(select(ResultRow).where(ResultRow.measure_id == measure_id, ResultRow.report_id == report.id))
        old = None
        if row is None:
            row = ResultRow(measure_id=measure_id, sort_order=len(report.rows))
            report.rows.append(row)
        else:
            check_version(row, expected_version)
            old = _values(result_input(result_row_view(row, 0)))
            row.version = (row.version or 1) + 1
        view = measure_view(measure)
        data = replace(data, measure=data.measure or view.measure or view.issue, steps=data.steps or view.steps,
                       period=data.period or view.period_text, responsible=data.responsible or view.responsible)
        write_result_fields(row, data)
        s.flush()
        audit.record(s, "result.record", "result_row", row.id, measure_id=measure_id, old=old, new=_values(data))
        return result_row_view(row, report.rows.index(row) + 1)


def add_result_row(ctx, office_id: int, year: int, data: ResultInput, position: int | None = None) -> int:
    """A result row for an activity not among the program's measures (seed 000's rows)."""
    data = validate_result(data)
    if not data.measure.strip():
        raise UserError("กรุณากรอกช่อง 'มาตรการ/โครงการ/กิจกรรม'")
    with ctx.db.session() as s:
        report = ensure_report(s, office_id, year)
        row = ResultRow()
        write_result_fields(row, data)
        _insert(report, row, position)
        s.flush()
        audit.record(s, "result.create", "result_row", row.id, office_id=office_id, year=year, new=_values(data))
        return row.id


def _insert(report: ResultReport, row: ResultRow, position: int | None) -> None:
    rows = list(report.rows)
    at = len(rows) if position is None else max(0, min(position, len(rows)))
    report.rows.insert(at, row)
    for n, r in enumerate(report.rows):
        r.sort_order = n


def update_result_row(ctx, row_id: int, data: ResultInput, expected_version: int | None = None) -> ResultRowView:
    data = validate_result(data)
    with ctx.db.session() as s:
        row = _row(s, row_id)
        check_version(row, expected_version)
        old = _values(result_input(result_row_view(row, 0)))
        write_result_fields(row, data)
        row.version = (row.version or 1) + 1
        s.flush()
        audit.record(s, "result.update", "result_row", row.id, old=old, new=_values(data))
        return result_row_view(row, row.report.rows.index(row) + 1)


def snapshot_result_row(ctx, row_id: int) -> dict:
    with ctx.db.session() as s:
        return _snapshot(_row(s, row_id))


def _snapshot(row: ResultRow) -> dict:
    report = row.report
    return {"id": row.id, "office_id": report.office_id, "year": report.year, "measure_id": row.measure_id,
            "position": report.rows.index(row), "version": row.version or 1,
            "values": _values(result_input(result_row_view(row, 0)))}


def delete_result_row(ctx, row_id: int, expected_version: int | None = None) -> dict:
    """Delete a result row (its evidence files stay listed under its id for a restore); returns the snapshot."""
    with ctx.db.session() as s:
        row = _row(s, row_id)
        check_version(row, expected_version)
        snap = _snapshot(row)
        report = row.report
        report.rows.remove(row)
        s.delete(row)
        for n, r in enumerate(report.rows):
            r.sort_order = n
        audit.record(s, "result.delete", "result_row", row_id, old=snap)
        return snap


def restore_result_row(ctx, snapshot: dict) -> int:
    data = validate_result(ResultInput(**snapshot["values"]))
    with ctx.db.session() as s:
        if s.get(ResultRow, snapshot["id"]) is not None:
            raise UserError("ผลการดำเนินการนี้มีอยู่แล้ว ไม่ต้องกู้คืน")
        report = ensure_report(s, snapshot["office_id"], snapshot["year"])
        measure_id = snapshot.get("measure_id")
        row = ResultRow(id=snapshot["id"], version=snapshot.get("version") or 1,
                        measure_id=measure_id if measure_id and s.get(Measure, measure_id) else None)
        write_result_fields(row, data)
        _insert(report, row, snapshot.get("position"))
        s.flush()
        audit.record(s, "result.restore", "result_row", row.id, new=snapshot)
        return row.id


def reorder_result_rows(ctx, office_id: int, year: int, ordered_ids: list[int]) -> None:
    """Put the report's rows in the order of ``ordered_ids`` (every row, each once)."""
    with ctx.db.session() as s:
        report = s.scalar(select(ResultReport).where(ResultReport.office_id == office_id, ResultReport.year == year))
        current = [r.id for r in report.rows] if report else []
        if sorted(current) != sorted(ordered_ids) or len(set(ordered_ids)) != len(ordered_ids):
            raise UserError("ลำดับใหม่ต้องมีผลการดำเนินการของปีนี้ครบทุกรายการและไม่ซ้ำ กรุณาโหลดใหม่")
        by_id = {r.id: r for r in report.rows}
        for n, rid in enumerate(ordered_ids):
            by_id[rid].sort_order = n
        report.version = (report.version or 1) + 1
        audit.record(s, "result.reorder", "result_report", report.id, old=current, new=list(ordered_ids))


@dataclass(frozen=True)
class ReportTexts:
    """The title, intro and summary of a report (paragraphs separated by blank lines)."""

    title: str = ""
    intro: str = ""
    summary: str = ""


def report_texts(ctx, office_id: int, year: int) -> tuple[ReportTexts, int]:
    """The report's texts and version (empty texts and version 0 when there is no report yet)."""
    with ctx.db.session() as s:
        report = s.scalar(select(ResultReport).where(ResultReport.office_id == office_id, ResultReport.year == year))
        if report is None:
            return ReportTexts(), 0
        return ReportTexts(report.title or "", report.intro or "", report.summary or ""), report.version or 1


def update_report_texts(ctx, office_id: int, year: int, texts: ReportTexts,
                        expected_version: int | None = None) -> int:
    """Write the report's title, intro and summary; returns the new version."""
    with ctx.db.session() as s:
        report = ensure_report(s, office_id, year)
        check_version(report, expected_version or None)
        old = ReportTexts(report.title or "", report.intro or "", report.summary or "")
        report.title, report.intro, report.summary = texts.title.strip(), texts.intro.strip(), texts.summary.strip()
        report.version = (report.version or 1) + 1
        s.flush()
        audit.record(s, "result_report.update", "result_report", report.id, old=asdict(old), new=asdict(texts))
        return report.version


# --- progress, overdue, counts -------------------------------------------------------------

def is_overdue(measure: MeasureView, status: str, today: _dt.date) -> bool:
    """Past its deadline (else the end of its period) and not finished."""
    due = measure.deadline or measure.period_end
    return bool(due) and status in (NOT_STARTED, IN_PROGRESS) and _dt.date.fromisoformat(due) < today


def year_progress(ctx, office_id: int, year: int, today: _dt.date | None = None) -> YearProgress:
    """The measures carried out in ``year`` with their results, overdue flags and counts by status."""
    today = today or _dt.date.today()
    with ctx.db.session() as s:
        ms = s.scalar(select(MeasureSet).where(MeasureSet.office_id == office_id, MeasureSet.year == year))
        report = s.scalar(select(ResultReport).where(ResultReport.office_id == office_id, ResultReport.year == year))
        rows = list(report.rows) if report else []
        by_measure = {r.measure_id: result_row_view(r, n) for n, r in enumerate(rows, start=1) if r.measure_id}
        measures = [measure_view(m) for m in (ms.measures if ms else ())]
        progress = tuple(
            MeasureProgress(m, by_measure.get(m.id), is_overdue(m, by_measure[m.id].status if m.id in by_measure
                                                                 else NOT_STARTED, today))
            for m in measures)
        ids = {m.id for m in measures}
        others = tuple(result_row_view(r, n) for n, r in enumerate(rows, start=1) if r.measure_id not in ids)
    counts = {code: 0 for code in STATUS_TITLES}
    for status in [p.status for p in progress] + [r.status for r in others]:
        counts[status] += 1
    return YearProgress(office_id, year, progress, others, counts)


def status_counts(ctx, office_id: int, year: int) -> dict[str, int]:
    """How many measures and result rows of the year are in each status (codes of STATUS_TITLES)."""
    return year_progress(ctx, office_id, year).counts


def overdue_measures(ctx, office_id: int, year: int, today: _dt.date | None = None) -> tuple[MeasureProgress, ...]:
    return year_progress(ctx, office_id, year, today).overdue


# --- carry over ------------------------------------------------------------------------------

def unfinished_measures(ctx, office_id: int, year: int) -> tuple[MeasureView, ...]:
    """Measures of ``year`` whose result is not ดำเนินการแล้วเสร็จ (the candidates to carry over)."""
    return tuple(p.measure for p in year_progress(ctx, office_id, year).measures if p.status != DONE)


def carry_over(ctx, measure_ids: list[int], move: bool = False) -> list[int]:
    """Copy (or move) measures into the next fiscal year's measures of their office.

    A copy links to its source (``source_measure_id``); a moved measure keeps its id and
    remembers its old year (``carried_from_year``). Both remember the year. Returns the ids in
    the next year. Finished measures are refused.
    """
    if not measure_ids:
        raise UserError("ยังไม่ได้เลือกมาตรการที่จะยกไปปีงบประมาณถัดไป")
    with ctx.db.session() as s:
        rows = [s.get(Measure, mid) for mid in measure_ids]
        if any(r is None for r in rows):
            raise UserError("มาตรการบางรายการถูกลบไปแล้ว กรุณาโหลดใหม่")
        if len({r.measure_set_id for r in rows}) != 1:
            raise UserError("ยกไปปีถัดไปได้ครั้งละหนึ่งปีงบประมาณ")
        source = rows[0].measure_set
        done = [r for r in rows if _status_of(s, r) == DONE]
        if done:
            raise UserError(f"มาตรการ '{_label(done[0])}' ดำเนินการแล้วเสร็จ ไม่ต้องยกไปปีถัดไป")
        target = ensure_measure_set(s, source.office_id, source.year + 1, source.based_on_year, source.pass_line)
        copied = {m.source_measure_id for m in target.measures if m.source_measure_id}
        result = []
        for row in rows:
            if not move and row.id in copied:
                raise UserError(f"มาตรการ '{_label(row)}' ถูกยกไปปีงบประมาณ {target.year} แล้ว")
            if move:
                source.measures.remove(row)
                row.carried_from_year = source.year
                target.measures.append(row)
                row.version = (row.version or 1) + 1
                new = row
            else:
                new = Measure(source_measure_id=row.id, carried_from_year=source.year)
                for key in ("tool", "indicator", "item_code", "category", "issue", "responsible", "steps",
                            "reporting", "period", "measure", "items", "indicators", "period_start",
                            "period_end", "deadline"):
                    setattr(new, key, getattr(row, key))
                target.measures.append(new)
            new.sort_order = len(target.measures) - 1
            s.flush()
            result.append(new.id)
        for n, m in enumerate(source.measures):
            m.sort_order = n
        audit.record(s, "measure.carry_over", "measure_set", target.id, move=move, old=list(measure_ids), new=result,
                     from_year=source.year, to_year=target.year)
        return result


def undo_carry_over(ctx, measure_ids: list[int]) -> None:
    """Undo :func:`carry_over`: copies are deleted, moved measures go back to their old year."""
    with ctx.db.session() as s:
        rows = [s.get(Measure, mid) for mid in measure_ids]
        if any(r is None or r.carried_from_year is None for r in rows):
            raise UserError("มาตรการบางรายการไม่ได้ยกมาจากปีก่อนหรือถูกลบไปแล้ว กรุณาโหลดใหม่")
        for row in rows:
            ms = row.measure_set
            moved = row.source_measure_id is None
            # found and loaded before the row leaves its set: a query then would flush the orphan away
            back = ensure_measure_set(s, ms.office_id, row.carried_from_year) if moved else None
            if back is not None:
                list(back.measures)
            ms.measures.remove(row)
            if moved:  # back where it was, at the end
                row.carried_from_year = None
                back.measures.append(row)
                row.sort_order = len(back.measures) - 1
                row.version = (row.version or 1) + 1
            else:
                s.delete(row)
            for n, m in enumerate(ms.measures):
                m.sort_order = n
        audit.record(s, "measure.carry_over_undo", "measure", None, old=list(measure_ids))


def _status_of(s: Session, measure: Measure) -> str:
    row = s.scalar(select(ResultRow).join(ResultReport).where(
        ResultRow.measure_id == measure.id, ResultReport.year == measure.measure_set.year))
    return row.status if row else NOT_STARTED


def _label(m: Measure) -> str:
    text = (m.issue or m.measure or m.steps or "").split("\n")[0]
    return text[:60]
