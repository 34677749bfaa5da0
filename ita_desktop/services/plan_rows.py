"""Rows of the plan tables as the editing services need them: fetching with a Thai message,
version checks, JSON-able snapshots and exact re-insertion (undo), shared validation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.models import Project, ProjectBudget, ProjectReport

from .errors import CONFLICT_TEXT as CONFLICT_TH  # noqa: F401  (re-exported by plans)
from .errors import ConflictError, UserError, bump, check_version  # noqa: F401  (one version check for every service)

MAX_SPAN = 10  # years; NACC cycles are 4 or 5


def _split_ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in (text or "").replace(" ", "").split(",") if x)


def _join_ints(values) -> str:
    return ",".join(str(int(v)) for v in sorted(set(values)))


def _get(s: Session, model, row_id: int, what: str):
    row = s.get(model, row_id)
    if row is None:
        raise UserError(f"ไม่พบ{what}นี้ (รหัส {row_id}) อาจถูกลบไปแล้ว กรุณาโหลดใหม่")
    return row


def row_data(row) -> dict:
    """The row's columns as JSON-able data (datetimes as ISO text)."""
    out = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        out[column.key] = value.isoformat() if isinstance(value, datetime) else value
    return out


def new_row(model, data: dict):
    """A row of ``model`` from :func:`row_data` output (same id)."""
    values = {}
    for column in model.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        if value is not None and _is_datetime(column):
            value = datetime.fromisoformat(value)
        values[column.key] = value
    return model(**values)


def _is_datetime(column) -> bool:
    try:
        return column.type.python_type is datetime
    except NotImplementedError:
        return False


def _refuse_existing(s: Session, model, row_id: int, what: str) -> None:
    if s.get(model, row_id) is not None:
        raise UserError(f"{what}นี้ (รหัส {row_id}) มีอยู่แล้ว ไม่ต้องกู้คืน")


# --- validation -----------------------------------------------------------------------------


def _check_span(start_year: int, end_year: int) -> None:
    for year in (start_year, end_year):
        if not isinstance(year, int) or not 2500 <= year <= 2700:
            raise UserError(f"ปีของแผน '{year}' ต้องเป็นปี พ.ศ. เช่น 2566")
    if end_year < start_year:
        raise UserError(f"ช่วงปีของแผนไม่ถูกต้อง: ปีสิ้นสุด {end_year} มาก่อนปีเริ่มต้น {start_year}")
    if end_year - start_year + 1 > MAX_SPAN:
        raise UserError(f"ช่วงปีของแผน {start_year}-{end_year} ยาวเกิน {MAX_SPAN} ปี")


def _text(value: str, where: str, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise UserError(f"กรุณากรอก{where} (ว่างอยู่)")
    return value



def _project_data(p: Project) -> dict:
    s = Session.object_session(p)
    reports = s.scalars(select(ProjectReport).where(ProjectReport.project_id == p.id)).all()
    return {"project": row_data(p), "budgets": [row_data(b) for b in p.budgets],
            "reports": [row_data(r) for r in reports]}


def _insert_project(s: Session, data: dict) -> None:
    s.add(new_row(Project, data["project"]))
    s.flush()
    s.add_all(new_row(ProjectBudget, b) for b in data["budgets"])
    s.add_all(new_row(ProjectReport, r) for r in data.get("reports") or ())
    s.flush()


def set_budgets(p: Project, wanted: dict[int, float]) -> None:
    """The project's yearly amounts become ``wanted`` (rows updated in place: replacing the
    list would insert the new rows before deleting the old ones and break year uniqueness)."""
    wanted = {int(y): float(a) for y, a in wanted.items() if a}
    current = {b.year: b for b in p.budgets}
    for year, row in current.items():
        if year not in wanted:
            p.budgets.remove(row)
    for year, amount in sorted(wanted.items()):
        if year in current:
            current[year].amount = amount
        else:
            p.budgets.append(ProjectBudget(year=year, amount=amount))
