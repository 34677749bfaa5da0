"""Offices: profile, divisions, signatories. Returns frozen dataclasses, never ORM rows.

Reading lives in queries.py (plain SQL); this module writes."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from ita_desktop.core.orgnames import canonical_org_name
from ita_desktop.models import Division, Office, Signatory
from ita_desktop.models.db import SessionReader

from . import audit
from . import snapshots
from .errors import UserError, bump, check_version
from .queries import (  # noqa: F401  (the read side, re-exported under its usual names)
    OfficeProfile,
    SignatoryInfo,
    find_office,
    find_office_id,
    get_office,
    list_offices,
    office_names,
    office_profiles,
)

ROLES = ("clerk", "head_of_office", "chief_administrator", "mayor")
ROLE_TITLES = {
    "clerk": "ผู้จัดทำ",
    "head_of_office": "หัวหน้าสำนักปลัด",
    "chief_administrator": "ปลัด",
    "mayor": "นายก",
}
KINDS = ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร")


def find_office_row(s: Session, name: str) -> Office | None:
    """The ORM row of the office called ``name`` (see :func:`queries.find_office_id`), for writing."""
    office_id = find_office_id(SessionReader(s), name)
    return None if office_id is None else s.get(Office, office_id)


def validate_profile(p: OfficeProfile) -> None:
    """Refuse an empty or malformed profile with a Thai message naming the field."""
    if not p.name.strip():
        raise UserError("กรุณากรอกชื่อหน่วยงาน (ช่อง 'ชื่อหน่วยงาน' ว่างอยู่)")
    if p.kind not in KINDS:
        raise UserError(f"ประเภทหน่วยงาน '{p.kind}' ไม่ถูกต้อง ต้องเป็นหนึ่งใน: {', '.join(KINDS)}")
    for sig in p.signatories:
        if sig.role not in ROLES:
            raise UserError(f"ตำแหน่งผู้ลงนาม '{sig.role}' ไม่รู้จัก")


def save_office(ctx, p: OfficeProfile) -> OfficeProfile:
    """Create or update an office with its divisions and signatories, in one transaction."""
    with ctx.db.session() as s:
        return store_office(s, p)


def save_office_from(p: OfficeProfile):
    """``save_office`` of ``p`` as a function of the context (for the operations helper)."""
    return lambda ctx: save_office(ctx, p)


def store_office(s: Session, p: OfficeProfile) -> OfficeProfile:
    """:func:`save_office` inside a caller's transaction."""
    validate_profile(p)
    name = canonical_org_name(p.name.strip())
    o = s.get(Office, p.id) if p.id else None
    clash = find_office_row(s, name)
    if clash is not None and (o is None or clash.id != o.id):
        raise UserError(f"มีหน่วยงานชื่อ '{clash.name}' อยู่แล้ว")
    if p.id and o is None:
        raise UserError(f"ไม่พบหน่วยงาน {p.name} (อาจถูกลบโดยผู้ใช้อื่นระหว่างนั้น)")
    old = None
    if o is None:
        o = Office(name=name, kind=p.kind)
        s.add(o)
    else:
        check_version(o, p.version or None, f"ข้อมูลหน่วยงาน {o.name}")
        old = office_profiles(SessionReader(s), o.id)[0]
        bump(o)
    _apply(o, p, name)
    s.flush()
    saved = office_profiles(SessionReader(s), o.id)[0]
    audit.record(s, "office.save", "office", o.id, office_id=o.id, name=o.name,
                 old=None if old is None else _audit_view(old), new=_audit_view(saved))
    return saved


def _audit_view(p: OfficeProfile) -> dict:
    view = asdict(p)
    view.pop("version", None)
    return view


def _apply(o: Office, p: OfficeProfile, name: str) -> None:
    o.name, o.kind = name, p.kind
    o.district, o.province = p.district.strip(), p.province.strip()
    o.website, o.phone = p.website.strip(), p.phone.strip()
    o.memo_unit, o.memo_number_prefix = p.memo_unit.strip(), p.memo_number_prefix.strip()
    o.garuda_path = p.garuda_path.strip()
    names = [d.strip() for d in dict.fromkeys(p.divisions) if d.strip()]
    _sync(o.divisions, names, key=lambda d: d.name, make=lambda n: Division(name=n))
    for n, d in enumerate(sorted(o.divisions, key=lambda d: names.index(d.name))):
        d.sort_order = n
    wanted = {x.role: x for x in p.signatories}
    _sync(o.signatories, list(wanted), key=lambda x: x.role, make=lambda r: Signatory(role=r))
    for row in o.signatories:
        x = wanted[row.role]
        row.name, row.position = x.name.strip(), x.position.strip()
        row.extra_positions = "\n".join(x.extra_positions)
        row.sort_order = ROLES.index(row.role)


def _sync(rows: list, keys: list, key, make) -> None:
    """Make ``rows`` hold exactly one row per key, updating in place (unique keys stay valid)."""
    present = {key(r): r for r in rows}
    for r in list(rows):
        if key(r) not in keys:
            rows.remove(r)
    for k in keys:
        if k not in present:
            rows.append(make(k))


@dataclass(frozen=True)
class OfficeContents:
    """What deleting an office takes with it, for the confirmation."""

    name: str
    years: tuple[int, ...]
    rows: int  # every stored row of the office, its own included

    def sentence(self) -> str:
        years = ", ".join(str(y) for y in self.years) or "ไม่มี"
        return (f"จะลบ {self.name} พร้อมข้อมูลทั้งหมดของหน่วยงานนี้: คะแนนปีงบประมาณ {years} "
                f"มาตรการ รายงานผล แผนปฏิบัติการ และเอกสารแนบ (รวม {self.rows:,} รายการ)")


def office_contents(ctx, office_id: int) -> OfficeContents:
    with ctx.db.session() as s:
        o = _office(s, office_id)
        snap = snapshots.take(s, "office", {"id": office_id})
        years = tuple(sorted(r["year"] for r in snap.rows.get("assessment", ())))
        return OfficeContents(o.name, years, sum(len(v) for v in snap.rows.values()))


def _office(s: Session, office_id: int) -> Office:
    o = s.get(Office, office_id)
    if o is None:
        raise UserError(f"ไม่พบหน่วยงานรหัส {office_id} (อาจถูกลบไปแล้ว)")
    return o


def delete_office(ctx, office_id: int, expected_version: int | None = None) -> snapshots.Snapshot:
    """Delete an office with everything it holds (a backup first); returns what was deleted (for undo)."""
    ctx.db.ensure_backup("before-delete")
    with ctx.db.session() as s:
        o = _office(s, office_id)
        check_version(o, expected_version, f"หน่วยงาน {o.name}")
        snap = snapshots.take(s, "office", {"id": office_id})
        audit.record(s, "office.delete", "office", office_id, office_id=office_id, name=o.name,
                     old={t: len(rows) for t, rows in snap.rows.items()}, new=None)
        s.expunge(o)
        snapshots.remove(s, "office", {"id": office_id})
        return snap


def restore_rows(ctx, snap: snapshots.Snapshot, what: str) -> None:
    """Put deleted rows back (undo of a deletion); refused when something now stands in the way."""
    from sqlalchemy.exc import IntegrityError

    try:
        with ctx.db.session() as s:
            snapshots.restore(s, snap)
            audit.record(s, "restore", what, None, new={t: len(rows) for t, rows in snap.rows.items()})
    except IntegrityError as exc:
        raise UserError(f"นำ{what}กลับมาไม่ได้ เพราะมีข้อมูลชื่อหรือรหัสเดียวกันถูกเพิ่มเข้ามาแล้ว") from exc
