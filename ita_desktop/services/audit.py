"""The audit log: who changed what, written in the same transaction as the change.

Who: the operating-system login and the name set in the program (แฟ้ม → ประวัติการแก้ไข, kept in
the data folder's ``user-name.txt``, so each PC has its own). What: the action, the record, the
office and year it belongs to, and the values before (``old``) and after (``new``) as JSON.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.models import AuditEntry
from ita_desktop.models.base import utcnow

from .errors import UserError

PERSON_FILE = "user-name.txt"
_person = ""

ACTIONS_TH = {
    "office": "ข้อมูลหน่วยงาน",
    "score": "คะแนน",
    "import": "นำเข้าคะแนน",
    "demo": "ข้อมูลตัวอย่าง",
    "criteria": "เกณฑ์การประเมิน",
    "memo": "บันทึกข้อความ",
    "measure": "มาตรการ",
    "plan": "แผน",
    "backup": "สำรอง/กู้คืน",
    "package": "ชุดข้อมูลหน่วยงาน",
}


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows service accounts
        return ""


def set_person(name: str) -> None:
    """The name written with every change from now on (this process)."""
    global _person
    _person = (name or "").strip()[:100]


def person() -> str:
    return _person


def load_person(data_dir: Path) -> str:
    try:
        set_person((Path(data_dir) / PERSON_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        set_person("")
    return _person


def save_person(ctx, name: str) -> str:
    """Keep the name set in the program for this data folder (this PC)."""
    name = (name or "").strip()
    if len(name) > 100:
        raise UserError("ชื่อผู้ใช้ยาวเกิน 100 ตัวอักษร")
    try:
        (Path(ctx.data_dir) / PERSON_FILE).write_text(name, encoding="utf-8")
    except OSError as exc:
        from .backups import os_error

        raise os_error(exc, Path(ctx.data_dir)) from exc
    set_person(name)
    return name


_ENCODE = json.JSONEncoder(ensure_ascii=False, default=str, sort_keys=True).encode  # made once, not per entry
_DETAIL = json.JSONEncoder(ensure_ascii=False, default=str).encode


def _json(value) -> str:
    if value is None:
        return ""
    return _ENCODE(value)


def record(session: Session, action: str, entity: str = "", entity_id: int | None = None,
           office_id: int | None = None, year: int | None = None, old=None, new=None, **detail) -> None:
    """Add an audit entry to ``session`` (committed together with the change it describes)."""
    session.add(
        AuditEntry(
            action=action,
            entity=entity,
            entity_id=entity_id,
            office_id=office_id,
            year=year,
            old=_json(old),
            new=_json(new),
            detail=_DETAIL(detail),
            user=_user(),
            person=_person,
        )
    )
    session.info["wrote"] = True


def record_many(session: Session, action: str, entity: str, entries) -> None:
    """Add many audit entries of one action at once (an import's one entry per office).

    ``entries`` yields dicts with ``entity_id``, ``office_id``, ``year``, ``old``, ``new`` and
    ``detail``; they are written in one executemany, without the ORM's per-object bookkeeping.
    """
    conn = session.connection()
    dialect = conn.dialect
    stamp = AuditEntry.__table__.c.at.type.dialect_impl(dialect).bind_processor(dialect)
    at = stamp(utcnow()) if stamp else utcnow()
    user = _user()
    rows = [(at, action, entity, e.get("entity_id"), e.get("office_id"), e.get("year"), _json(e.get("old")),
             _json(e.get("new")), _DETAIL(e.get("detail") or {}), user, _person)
            for e in entries]
    if rows:
        mark = "%s" if dialect.paramstyle in ("format", "pyformat") else "?"
        conn.exec_driver_sql(
            "INSERT INTO audit_log (at, action, entity, entity_id, office_id, year, old, new, detail, \"user\", "
            f"person) VALUES ({', '.join([mark] * 11)})", rows)
        session.info["wrote"] = True


def recent(session: Session, limit: int = 100) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))


@dataclass(frozen=True)
class AuditView:
    """One audit entry as plain data."""

    id: int
    at: datetime  # UTC
    action: str
    entity: str
    entity_id: int | None
    office_id: int | None
    office: str
    year: int | None
    user: str
    person: str
    old: object
    new: object
    detail: dict

    @property
    def kind(self) -> str:
        return self.action.split(".", 1)[0]

    @property
    def kind_th(self) -> str:
        return ACTIONS_TH.get(self.kind, self.kind)

    def to_json(self) -> dict:
        return {"id": self.id, "at": self.at.isoformat(timespec="seconds") + "Z", "action": self.action,
                "kind": self.kind, "entity": self.entity, "entity_id": self.entity_id,
                "office_id": self.office_id, "office": self.office, "year": self.year, "user": self.user,
                "person": self.person, "old": self.old, "new": self.new, "detail": self.detail}


def _load(text: str):
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def entries(ctx, since: datetime | None = None, until: datetime | None = None, office_id: int | None = None,
            kind: str | None = None, who: str | None = None, limit: int | None = 5000) -> list[AuditView]:
    """Audit entries, newest first, filtered by time (UTC), office, kind (action prefix) and person."""
    from ita_desktop.models import Office

    with ctx.db.session() as s:
        q = select(AuditEntry).order_by(AuditEntry.id.desc())
        if since is not None:
            q = q.where(AuditEntry.at >= since)
        if until is not None:
            q = q.where(AuditEntry.at < until)
        if office_id is not None:
            q = q.where(AuditEntry.office_id == office_id)
        if kind:
            q = q.where(AuditEntry.action.like(f"{kind}.%") | (AuditEntry.action == kind))
        if who:
            q = q.where((AuditEntry.person == who) | (AuditEntry.user == who))
        if limit:
            q = q.limit(limit)
        names = dict(s.execute(select(Office.id, Office.name)).all())
        return [
            AuditView(e.id, e.at, e.action, e.entity, e.entity_id, e.office_id, names.get(e.office_id, ""),
                      e.year, e.user, e.person, _load(e.old), _load(e.new), _load(e.detail) or {})
            for e in s.scalars(q)
        ]


def people(ctx) -> list[str]:
    """Everyone who appears in the log (names set in the program and logins)."""
    with ctx.db.session() as s:
        names = {p for p in s.scalars(select(AuditEntry.person).distinct()) if p}
        names |= {u for u in s.scalars(select(AuditEntry.user).distinct()) if u}
    return sorted(names)


def export_xlsx(ctx, rows: list[AuditView], out: str | Path, progress=None) -> Path:
    """The rows as an Excel sheet (ประวัติการแก้ไข); ``progress`` hears the fraction done per row and
    may raise (ยกเลิก): the file is written under a temporary name, so nothing half written stays."""
    from openpyxl import Workbook

    from ita_desktop.core import progress as progress_of

    report = progress_of.part(progress, 0.0, 0.9)

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"ไฟล์ '{out}' ต้องลงท้ายด้วย .xlsx")
    if not out.parent.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์")
    wb = Workbook()
    ws = wb.active
    ws.title = "ประวัติการแก้ไข"
    ws.append(["วันเวลา (UTC)", "ผู้แก้ไข", "ผู้ใช้เครื่อง", "ประเภท", "การกระทำ", "หน่วยงาน", "ปีงบประมาณ",
               "รายการ", "ค่าเดิม", "ค่าใหม่", "รายละเอียด"])
    for k, r in enumerate(rows):
        if k % 200 == 0:
            report(k / max(len(rows), 1))
        ws.append([r.at.strftime("%Y-%m-%d %H:%M:%S"), r.person, r.user, r.kind_th, r.action, r.office,
                   r.year, f"{r.entity} {r.entity_id or ''}".strip(), _json(r.old), _json(r.new),
                   _json(r.detail) if r.detail else ""])
    for col, width in zip("ABCDEFGHIJK", (20, 20, 14, 16, 20, 36, 12, 20, 50, 50, 40)):
        ws.column_dimensions[col].width = width
    try:
        with progress_of.atomic_target(out) as tmp:
            wb.save(tmp)
            progress_of.resolve(progress)(1.0)
    except OSError as exc:
        from .backups import os_error

        raise os_error(exc, out.parent) from exc
    return out
