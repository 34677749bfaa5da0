"""Monitoring rounds of the plan (e-PlanNACC): round 1 (6 months, October-March) and round 2
(12 months) per fiscal year, one entry per project; a finished round is locked."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.core import plan as core_plan
from ita_desktop.core.plan import REASON_OTHER, REASONS, ROUND_MONTHS, STATUS_NOT_POSSIBLE, STATUSES
from ita_desktop.models import MonitoringRound, Plan, Project, ProjectReport
from ita_desktop.models.base import utcnow

from . import audit
from .errors import UserError
from .plan_rows import _get, _refuse_existing, bump, check_version, new_row, row_data

_ROUND_BY_MONTHS = {m: n for n, m in ROUND_MONTHS.items()}


@dataclass(frozen=True)
class EntryInput:
    """One project's line of a round, as the clerk enters it."""

    status: str = ""
    budget_in_plan: float | None = None  # in the development plan
    budget_in_act: float | None = None  # in the ข้อบัญญัติ/เทศบัญญัติ
    disbursed: float | None = None
    no_budget: bool = False  # ไม่ใช้งบประมาณ
    in_act_plan: bool = False  # the tick บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน
    reason: str = ""  # when not possible: one of REASONS
    reason_text: str = ""  # the words after อื่นๆ
    remark: str = ""


@dataclass(frozen=True)
class EntryView(EntryInput):
    id: int = 0
    version: int = 1
    project_id: int = 0
    project_name: str = ""
    kind: str = ""
    dimension: int = 0
    code: str = ""

    def as_input(self) -> EntryInput:
        return EntryInput(**{k: getattr(self, k) for k in EntryInput.__dataclass_fields__})


@dataclass(frozen=True)
class RoundView:
    id: int
    plan_id: int
    year: int
    round: int  # 1 or 2
    finished: bool
    version: int
    entries: tuple[EntryView, ...]

    @property
    def months(self) -> int:
        return ROUND_MONTHS[self.round]

    def progress(self, dimensions=()) -> core_plan.RoundProgress:
        """Projects by status and budgets, per dimension and for the whole plan."""
        return core_plan.round_progress(
            (core_plan.EntryLine(e.dimension, e.status, e.budget_in_plan, e.budget_in_act, e.disbursed)
             for e in self.entries), dimensions)


def _check_round_no(round_no: int) -> int:
    if round_no not in ROUND_MONTHS:
        raise UserError(f"รอบการรายงาน '{round_no}' ไม่ถูกต้อง ต้องเป็น 1 (๖ เดือน) หรือ 2 (๑๒ เดือน)")
    return ROUND_MONTHS[round_no]


def _find(s: Session, plan_id: int, year: int, round_no: int) -> MonitoringRound | None:
    months = _check_round_no(round_no)
    return s.scalar(select(MonitoringRound).where(MonitoringRound.plan_id == plan_id, MonitoringRound.year == year,
                                                  MonitoringRound.months == months))


def get_round(ctx, plan_id: int, year: int, round_no: int) -> RoundView | None:
    """The round as recorded; None when it has not been started."""
    with ctx.db.session() as s:
        r = _find(s, plan_id, year, round_no)
        return None if r is None else _view(s, r)


def get_round_by_id(ctx, round_id: int) -> RoundView:
    with ctx.db.session() as s:
        return _view(s, _get(s, MonitoringRound, round_id, "รอบการรายงาน"))


def _view(s: Session, r: MonitoringRound) -> RoundView:
    projects = {p.id: p for p in _plan_projects(s, r.plan_id)}
    order = {pid: n for n, pid in enumerate(projects)}
    entries = sorted(r.reports, key=lambda e: order.get(e.project_id, len(order)))
    return RoundView(r.id, r.plan_id, r.year, _ROUND_BY_MONTHS[r.months], bool(r.finished), r.version,
                     tuple(_entry_view(e, projects[e.project_id]) for e in entries))


def _entry_view(e: ProjectReport, p: Project) -> EntryView:
    return EntryView(
        status=e.status or "", budget_in_plan=e.budget_in_plan, budget_in_act=e.budget_in_act,
        disbursed=e.disbursed, no_budget=bool(e.no_budget), in_act_plan=bool(e.in_act_plan),
        reason=e.reason or "", reason_text=e.reason_text or "", remark=e.remark or "",
        id=e.id, version=e.version, project_id=p.id, project_name=p.name, kind=p.kind or "",
        dimension=p.dimension.number, code=p.code or "",
    )


def _plan_projects(s: Session, plan_id: int) -> list[Project]:
    plan = s.get(Plan, plan_id)
    return [p for d in plan.dimensions for p in d.projects]


def _runs_in(p: Project, year: int) -> bool:
    years = [int(y) for y in (p.run_years or "").split(",") if y]
    return not years or year in years


def start_round(ctx, plan_id: int, year: int, round_no: int) -> int:
    """Start the round (or return the started one's id): one entry per project running that
    year; round 2 starts from round 1's entries, round 1 from the plan's budgets."""
    with ctx.db.session() as s:
        plan = _get(s, Plan, plan_id, "แผน")
        if not plan.start_year <= year <= plan.end_year:
            raise UserError(f"ปี {year} อยู่นอกช่วงของแผน พ.ศ. {plan.start_year}-{plan.end_year}")
        existing = _find(s, plan_id, year, round_no)
        if existing is not None:
            return existing.id
        r = MonitoringRound(plan_id=plan_id, year=year, months=ROUND_MONTHS[round_no])
        first = _find(s, plan_id, year, 1) if round_no == 2 else None
        earlier = {e.project_id: e for e in first.reports} if first is not None else {}
        for p in _plan_projects(s, plan_id):
            if _runs_in(p, year) or p.id in earlier:
                r.reports.append(_start_entry(p, year, earlier.get(p.id)))
        s.add(r)
        s.flush()
        audit.record(s, "monitoring.start", "monitoring_round", r.id, new=row_data(r),
                     from_round_1=first.id if first is not None else None, entries=len(r.reports))
        return r.id


def _start_entry(p: Project, year: int, earlier: ProjectReport | None) -> ProjectReport:
    if earlier is not None:
        keep = {k: getattr(earlier, k) for k in (
            "budget_in_plan", "budget_in_act", "disbursed", "no_budget", "status", "reason", "remark",
            "in_act_plan", "reason_text")}
        return ProjectReport(project_id=p.id, **keep)
    amount = next((b.amount for b in p.budgets if b.year == year), None)
    return ProjectReport(project_id=p.id, budget_in_plan=amount, no_budget=bool(p.no_budget))


def missing_projects(ctx, round_id: int) -> list[str]:
    """Names of the projects running in the round's year that the round has no entry for
    (added to the plan after the round was started)."""
    with ctx.db.session() as s:
        r = _get(s, MonitoringRound, round_id, "รอบการรายงาน")
        return [p.name for p in _missing(s, r)]


def _missing(s: Session, r: MonitoringRound) -> list[Project]:
    reported = {e.project_id for e in r.reports}
    return [p for p in _plan_projects(s, r.plan_id) if _runs_in(p, r.year) and p.id not in reported]


def add_missing_entries(ctx, round_id: int) -> list[int]:
    """Entries for the projects :func:`missing_projects` names (round 2 from round 1's line when
    there is one, else from the plan's budget); refused in a finished round. Returns their ids."""
    with ctx.db.session() as s:
        r = _get(s, MonitoringRound, round_id, "รอบการรายงาน")
        _refuse_locked(r)
        first = _find(s, r.plan_id, r.year, 1) if _ROUND_BY_MONTHS[r.months] == 2 else None
        earlier = {e.project_id: e for e in first.reports} if first is not None else {}
        added = [_start_entry(p, r.year, earlier.get(p.id)) for p in _missing(s, r)]
        r.reports.extend(added)
        s.flush()
        audit.record(s, "monitoring.entries.add", "monitoring_round", r.id, entries=[e.id for e in added])
        return [e.id for e in added]


def remove_entries(ctx, entry_ids: list[int]) -> list[dict]:
    """Take entries out of their round (the undo of :func:`add_missing_entries`); returns them."""
    with ctx.db.session() as s:
        rows = [_get(s, ProjectReport, i, "รายการรายงาน") for i in entry_ids]
        for e in rows:
            _refuse_locked(e.round)
        snapshots = [row_data(e) for e in rows]
        for e in rows:
            s.delete(e)
        audit.record(s, "monitoring.entries.remove", "project_report", None, old=snapshots)
        return snapshots


def restore_entries(ctx, snapshots: list[dict]) -> None:
    with ctx.db.session() as s:
        for data in snapshots:
            _refuse_existing(s, ProjectReport, data["id"], "รายการรายงาน")
        s.add_all(new_row(ProjectReport, data) for data in snapshots)
        audit.record(s, "monitoring.entries.restore", "project_report", None, new=snapshots)


def validate_entry(data: EntryInput, where: str) -> None:
    """Refuse an entry e-PlanNACC would not take, with a Thai message naming the field."""
    if data.status and data.status not in STATUSES:
        raise UserError(f"{where}: สถานะ '{data.status}' ไม่ถูกต้อง ต้องเป็นหนึ่งใน {' / '.join(STATUSES)}")
    for value, what in ((data.budget_in_plan, "งบประมาณตามแผนพัฒนา"),
                        (data.budget_in_act, "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ"),
                        (data.disbursed, "จำนวนเงินที่เบิกจ่าย")):
        if value is not None and (not isinstance(value, (int, float)) or value < 0):
            raise UserError(f"{where}: {what} ต้องเป็นจำนวนเงินไม่ติดลบ (ได้รับ '{value}')")
    if data.no_budget and data.disbursed:
        raise UserError(f"{where}: ระบุว่าไม่ใช้งบประมาณ แต่มีจำนวนเงินที่เบิกจ่าย")
    if data.status == STATUS_NOT_POSSIBLE:
        if data.reason not in REASONS:
            raise UserError(f"{where}: กรุณาเลือกเหตุที่ไม่สามารถดำเนินการได้ ({' / '.join(REASONS)})")
        if data.reason == REASON_OTHER and not data.reason_text.strip():
            raise UserError(f"{where}: เลือกเหตุ 'อื่นๆ' แล้ว กรุณาระบุเหตุผล")
    elif data.reason or data.reason_text.strip():
        raise UserError(f"{where}: ระบุเหตุผลได้เฉพาะเมื่อสถานะเป็น '{STATUS_NOT_POSSIBLE}'")


def _refuse_locked(r: MonitoringRound) -> None:
    if r.finished:
        raise UserError(f"รอบการรายงาน{core_plan.ROUND_NAMES[_ROUND_BY_MONTHS[r.months]]} ปี {r.year} "
                        "ปิดแล้ว (แล้วเสร็จ) แก้ไขไม่ได้ หากต้องการแก้ไขให้เปิดรอบการรายงานก่อน")


def update_entry(ctx, entry_id: int, data: EntryInput, expected_version: int | None = None) -> int:
    """Write a project's line of the round; returns the new version. Refused in a finished round."""
    with ctx.db.session() as s:
        e = _get(s, ProjectReport, entry_id, "รายการรายงาน")
        project = s.get(Project, e.project_id)
        validate_entry(data, f"โครงการ '{project.name}'")
        _refuse_locked(e.round)
        check_version(e, expected_version)
        old = row_data(e)
        for k in EntryInput.__dataclass_fields__:
            value = getattr(data, k)
            setattr(e, k, value.strip() if isinstance(value, str) else value)
        bump(e)
        audit.record(s, "monitoring.entry.update", "project_report", e.id, old=old, new=row_data(e))
        return e.version


def finish_round(ctx, round_id: int, expected_version: int | None = None) -> int:
    """Mark the round แล้วเสร็จ: locked against edits; returns the new version."""
    return _set_finished(ctx, round_id, True, expected_version)


def unlock_round(ctx, round_id: int, expected_version: int | None = None) -> int:
    """Open a finished round again (the GUI asks first); audited. Returns the new version."""
    return _set_finished(ctx, round_id, False, expected_version)


def _set_finished(ctx, round_id: int, finished: bool, expected_version: int | None) -> int:
    with ctx.db.session() as s:
        r = _get(s, MonitoringRound, round_id, "รอบการรายงาน")
        check_version(r, expected_version)
        if bool(r.finished) == finished:
            state = "ปิดแล้ว" if finished else "เปิดอยู่แล้ว"
            raise UserError(f"รอบการรายงานปี {r.year} {state}")
        old = {"finished": bool(r.finished)}
        r.finished, r.finished_at = finished, utcnow() if finished else None
        bump(r)
        audit.record(s, "monitoring.finish" if finished else "monitoring.unlock", "monitoring_round", r.id,
                     old=old, new={"finished": finished})
        return r.version


def snapshot_round(ctx, round_id: int) -> dict:
    with ctx.db.session() as s:
        return _snapshot(_get(s, MonitoringRound, round_id, "รอบการรายงาน"))


def _snapshot(r: MonitoringRound) -> dict:
    return {"round": row_data(r), "entries": [row_data(e) for e in r.reports]}


def delete_round(ctx, round_id: int, expected_version: int | None = None) -> dict:
    """Delete a round with its entries (refused when finished); returns its snapshot."""
    with ctx.db.session() as s:
        r = _get(s, MonitoringRound, round_id, "รอบการรายงาน")
        check_version(r, expected_version)
        _refuse_locked(r)
        snapshot = _snapshot(r)
        s.delete(r)
        audit.record(s, "monitoring.delete", "monitoring_round", round_id, old=snapshot["round"],
                     entries=len(snapshot["entries"]))
        return snapshot


def restore_round(ctx, snapshot: dict) -> int:
    data = snapshot["round"]
    with ctx.db.session() as s:
        _refuse_existing(s, MonitoringRound, data["id"], "รอบการรายงาน")
        _get(s, Plan, data["plan_id"], "แผน")
        s.add(new_row(MonitoringRound, data))
        s.flush()
        s.add_all(new_row(ProjectReport, e) for e in snapshot["entries"])
        audit.record(s, "monitoring.restore", "monitoring_round", data["id"], new=data)
        return data["id"]


def disbursed_by_year(ctx, plan_id: int) -> dict[int, float]:
    """Money disbursed per plan year, from the latest round reported in each year."""
    with ctx.db.session() as s:
        rounds = s.scalars(select(MonitoringRound).where(MonitoringRound.plan_id == plan_id)
                           .order_by(MonitoringRound.year, MonitoringRound.months)).all()
        latest = {r.year: r for r in rounds}  # 12 months after 6 months
        return {y: sum(e.disbursed or 0.0 for e in r.reports) for y, r in latest.items()}


@dataclass(frozen=True)
class PlanProgress:
    """Progress at a glance: a round's projects by status per dimension, budget disbursed against
    planned per year, and the ITA score against the plan's target year by year."""

    round: RoundView | None
    by_status: core_plan.RoundProgress | None
    budget_years: tuple[core_plan.YearBudget, ...]
    budget_total: core_plan.YearBudget
    scores: tuple[core_plan.ScoreAgainstTarget, ...]


def plan_progress(ctx, plan_id: int, year: int | None = None, round_no: int = 2) -> PlanProgress:
    """The figures of :class:`PlanProgress` for the plan (the round of ``year`` when given)."""
    from . import plans, trends

    plan = plans.get_plan(ctx, plan_id)
    view = get_round(ctx, plan_id, year, round_no) if year is not None else None
    if view is None and year is not None and round_no == 2:
        view = get_round(ctx, plan_id, year, 1)
    rows, total = core_plan.budget_by_year(plan.budget_totals(), disbursed_by_year(ctx, plan_id), plan.years)
    trend = trends.office_trend(ctx, plan.office_id)
    targets = {t.year: t.ita_target for t in plan.targets}
    return PlanProgress(
        round=view, by_status=view.progress([d.number for d in plan.dimensions]) if view else None,
        budget_years=rows, budget_total=total,
        scores=core_plan.score_against_target(targets, trend.series("total"), plan.years),
    )


# --- reports and the cover memo -------------------------------------------------------------


def monitoring_data(ctx, plan_id: int, year: int, round_no: int):
    """The round as the monitoring report prints it; UserError when it was not started."""
    from ita_desktop.documents.monitoring_report import MonitoringData

    from . import plans

    plan = plans.get_plan(ctx, plan_id)
    view = get_round(ctx, plan_id, year, round_no)
    if view is None:
        raise UserError(f"ยังไม่มีรายงานผล{core_plan.ROUND_NAMES[round_no]} ปีงบประมาณ {year} "
                        f"ของแผน พ.ศ. {plan.start_year}-{plan.end_year}")
    return MonitoringData(office_name=plan.office_name, plan_title=plan.title, year=year, round=round_no,
                          dimensions={d.number: d.name for d in plan.dimensions}, entries=view.entries,
                          finished=view.finished)


def write_monitoring_report(ctx, plan_id: int, year: int, round_no: int, out_path):
    """The round's report as PDF or Excel (by the file's suffix)."""
    from pathlib import Path

    from ita_desktop.documents.monitoring_report import build_monitoring_pdf, build_monitoring_xlsx

    out = Path(out_path)
    builders = {".pdf": build_monitoring_pdf, ".xlsx": build_monitoring_xlsx}
    if out.suffix.lower() not in builders:
        raise UserError(f"ไฟล์ผลลัพธ์ '{out.name}' ต้องลงท้ายด้วย .pdf หรือ .xlsx")
    return builders[out.suffix.lower()](monitoring_data(ctx, plan_id, year, round_no), out)


def memo_context(ctx, plan_id: int, year: int, round_no: int) -> dict:
    """The placeholder values of resources/forms/memo_monitoring.json."""
    from . import plans, queries

    data = monitoring_data(ctx, plan_id, year, round_no)
    office = queries.get_office(ctx, plans.get_plan(ctx, plan_id).office_id)
    t = data.progress().total
    mayor = office.signatory("mayor")
    return {
        "office_name": office.name, "office_short": office.short_name, "year": str(year),
        "round_name": core_plan.ROUND_NAMES[round_no], "plan_title": data.plan_title,
        "projects": str(t.projects), "done": str(t.done), "in_progress": str(t.in_progress),
        "not_possible": str(t.not_possible), "not_reported": str(t.not_reported),
        "planned": core_plan.format_baht(t.planned), "in_act": core_plan.format_baht(t.in_act),
        "disbursed": core_plan.format_baht(t.disbursed),
        "percent": "-" if t.disbursed_percent is None else f"{t.disbursed_percent:.2f}",
        "website": office.website or "ของหน่วยงาน", "mayor_title": mayor.position or f"นายก{office.name}",
    }


def write_monitoring_memo_pdf(ctx, plan_id: int, year: int, round_no: int, out_path, today=None) -> list[str]:
    """The cover memo (บันทึกข้อความ) of the round's report, in the memo engine; returns warnings."""
    import datetime as _dt

    from ita_desktop.documents.memo import build_memo_pdf
    from ita_desktop.documents.memo_templates import TemplateError, fill_template, load_template

    from . import memos, plans, queries

    try:
        filled = fill_template(load_template("memo_monitoring"), memo_context(ctx, plan_id, year, round_no))
    except TemplateError as exc:
        raise UserError(f"แม่แบบบันทึกข้อความ memo_monitoring: {exc}") from exc
    office = queries.get_office(ctx, plans.get_plan(ctx, plan_id).office_id)
    texts = memos.MemoTexts(number=office.memo_number_prefix, date=(today or _dt.date.today()).isoformat(),
                            subject=filled.subject, salutation=filled.salutation, sections=tuple(filled.sections),
                            closing=filled.closing)
    return build_memo_pdf(memos.memo_data(ctx, office.id, texts), out_path)
