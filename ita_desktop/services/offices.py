"""Offices: profile, divisions, signatories. Returns frozen dataclasses, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.core.orgnames import canonical_org_name, org_key, org_kind, short_org_name
from ita_desktop.models import Division, Office, Signatory

from . import audit
from .errors import UserError

ROLES = ("clerk", "head_of_office", "chief_administrator", "mayor")
ROLE_TITLES = {
    "clerk": "ผู้จัดทำ",
    "head_of_office": "หัวหน้าสำนักปลัด",
    "chief_administrator": "ปลัด",
    "mayor": "นายก",
}
KINDS = ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร")


@dataclass(frozen=True)
class SignatoryInfo:
    role: str
    name: str = ""
    position: str = ""
    extra_positions: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfficeProfile:
    """Everything the office profile dialog edits. ``id`` is None for a new office."""

    name: str
    kind: str
    district: str = ""
    province: str = ""
    website: str = ""
    phone: str = ""
    memo_unit: str = ""
    memo_number_prefix: str = ""
    garuda_path: str = ""
    divisions: tuple[str, ...] = ()
    signatories: tuple[SignatoryInfo, ...] = ()
    id: int | None = None

    @property
    def short_name(self) -> str:
        return short_org_name(self.name)

    def signatory(self, role: str) -> SignatoryInfo:
        return next((x for x in self.signatories if x.role == role), SignatoryInfo(role))


def _profile(o: Office) -> OfficeProfile:
    return OfficeProfile(
        id=o.id, name=o.name, kind=o.kind, district=o.district, province=o.province, website=o.website,
        phone=o.phone, memo_unit=o.memo_unit, memo_number_prefix=o.memo_number_prefix,
        garuda_path=o.garuda_path, divisions=tuple(d.name for d in o.divisions),
        signatories=tuple(
            SignatoryInfo(x.role, x.name, x.position, tuple(p for p in x.extra_positions.splitlines() if p))
            for x in o.signatories
        ),
    )


def list_offices(ctx) -> list[OfficeProfile]:
    with ctx.db.session() as s:
        return [_profile(o) for o in s.scalars(select(Office).order_by(Office.name))]


def get_office(ctx, office_id: int) -> OfficeProfile:
    with ctx.db.session() as s:
        o = s.get(Office, office_id)
        if o is None:
            raise UserError(f"ไม่พบหน่วยงานรหัส {office_id}")
        return _profile(o)


def find_office_row(s: Session, name: str) -> Office | None:
    """The office called ``name``, written in full or abbreviated (อบต./ทต./ทม./ทน.).

    A bare place name ("ตะโกทอง") finds the one office of that name; when several kinds of
    office share it, the name is ambiguous and a Thai UserError lists them.
    """
    key = org_key(name)
    rows = list(s.scalars(select(Office)))
    exact = [o for o in rows if org_key(o.name) == key]
    if exact:
        return exact[0]
    if org_kind(canonical_org_name(name)) is not None:
        return None
    bare = [o for o in rows if org_kind(o.name) and org_key(o.name) == org_key(org_kind(o.name) + name.strip())]
    if len(bare) > 1:
        raise UserError(f"ชื่อ '{name}' ตรงกับหลายหน่วยงาน: {', '.join(o.name for o in bare)} กรุณาระบุให้ชัดเจน")
    return bare[0] if bare else None


def find_office(ctx, name: str) -> OfficeProfile:
    """Like :func:`find_office_row` but a Thai UserError when there is no such office."""
    with ctx.db.session() as s:
        o = find_office_row(s, name)
        if o is None:
            raise UserError(f"ไม่พบหน่วยงาน '{name}' ในฐานข้อมูล")
        return _profile(o)


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


def store_office(s: Session, p: OfficeProfile) -> OfficeProfile:
    """:func:`save_office` inside a caller's transaction."""
    validate_profile(p)
    name = canonical_org_name(p.name.strip())
    o = s.get(Office, p.id) if p.id else None
    clash = find_office_row(s, name)
    if clash is not None and (o is None or clash.id != o.id):
        raise UserError(f"มีหน่วยงานชื่อ '{clash.name}' อยู่แล้ว")
    if o is None:
        o = Office(name=name, kind=p.kind)
        s.add(o)
    _apply(o, p, name)
    s.flush()
    audit.record(s, "office.save", "office", o.id, name=o.name)
    return _profile(o)


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


def delete_office(ctx, office_id: int) -> None:
    with ctx.db.session() as s:
        o = s.get(Office, office_id)
        if o is None:
            raise UserError(f"ไม่พบหน่วยงานรหัส {office_id}")
        audit.record(s, "office.delete", "office", office_id, name=o.name)
        s.delete(o)
