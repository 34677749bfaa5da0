"""Data packages (.itapkg): one office with all its data and attachments, to carry on a USB stick.

A package is a zip holding ``manifest.json`` (format, schema revision, office, the sha256 of every
other entry), ``data.json`` (the rows of every table that belongs to the office, found from the
foreign keys of the models, so tables added later travel too) and ``attachments/<file>``. Ids are
not carried over: rows are re-numbered on import, and references to the criteria catalog are
written as their natural keys (year and indicator number or item code).

Import shows a preview first. For a record that already exists (the office by name; a year's
assessment, measures, results, memo; a division, signatory, plan or attachment) the choice is:
``keep`` the stored record and add only what is new, ``replace`` it with the package's, or
``skip`` the office altogether when it exists. Entries that would escape the folder, unknown
kinds, checksums that do not match and zip bombs are refused in Thai, with nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ita_desktop.core import progress as progress_of
from ita_desktop.dbschema import HEAD_REVISION

from . import audit
from .errors import UserError

log = logging.getLogger(__name__)

FORMAT = "ita-desktop-package"
SUFFIX = ".itapkg"
MAX_ENTRIES = 20000
MAX_TOTAL = 2 * 1024**3  # bytes unpacked
MAX_RATIO = 200  # unpacked / packed, for entries above 1 MB
CONFLICT_CHOICES = ("keep", "replace", "skip")
ROOT = "office"
# Columns that identify a record of an office when its table has no unique constraint.
IDENTITY = {"plan": ("start_year", "end_year"), "attachment": ("entity", "file_name", "sha256")}
SKIP_COLUMNS = {"id"}

KIND_TH = {
    "office": "ข้อมูลหน่วยงาน", "division": "ส่วนราชการ", "signatory": "ผู้ลงนาม",
    "assessment": "ผลการประเมิน", "measure_set": "มาตรการ", "result_report": "รายงานผลการดำเนินการ",
    "plan": "แผนปฏิบัติการป้องกันการทุจริต", "memo_draft": "บันทึกข้อความ", "attachment": "ไฟล์แนบ",
}


# ------------------------------------------------------------------------------ the schema walk


def _metadata():
    from ita_desktop.models import Base

    return Base.metadata


def owned_tables() -> list[sa.Table]:
    """The office's tables in insert order: ``office`` and every table below it by foreign keys."""
    owned: list[sa.Table] = []
    names = {ROOT}
    for table in _metadata().sorted_tables:
        if table.name == ROOT:
            owned.append(table)
            continue
        if any(fk.column.table.name in names and not fk.parent.nullable for fk in table.foreign_keys):
            owned.append(table)
            names.add(table.name)
    return owned


def _owner_fk(table: sa.Table, names: set[str]) -> sa.ForeignKey:
    return next(fk for fk in table.foreign_keys if fk.column.table.name in names and not fk.parent.nullable)


def _natural_key(table: sa.Table) -> tuple[str, ...] | None:
    for c in table.constraints:
        if isinstance(c, sa.UniqueConstraint):
            return tuple(col.name for col in c.columns)
    return None


def _encode(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _decode(column: sa.Column, value):
    if value is None:
        return None
    if isinstance(column.type, sa.DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value)
    if isinstance(column.type, sa.Date) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


# ---------------------------------------------------------------------------------------- export


def export_office(ctx, office_id: int, out: str | Path, progress: progress_of.Progress | None = None) -> Path:
    """Write the office's package to ``out`` (.itapkg) via a temporary name.

    ``progress`` hears the fraction done (tables, then each attachment hashed and written); when
    it raises (ยกเลิก) the temporary file is removed and ``out`` is left as it was.
    """
    from .backups import os_error

    report = progress_of.resolve(progress)

    out = Path(out)
    if out.suffix.lower() != SUFFIX:
        raise UserError(f"ไฟล์ '{out}' ต้องลงท้ายด้วย {SUFFIX}")
    if not out.parent.is_dir():
        raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์")
    tables = owned_tables()
    data: dict[str, list[dict]] = {}
    with ctx.db.session() as s:
        office = s.execute(sa.select(tables[0]).where(tables[0].c.id == office_id)).mappings().first()
        if office is None:
            raise UserError(f"ไม่พบหน่วยงานรหัส {office_id}")
        ids: dict[str, set] = {ROOT: {office_id}}
        names = {ROOT}
        for number, table in enumerate(tables):
            report(0.3 * number / len(tables))
            if table.name == ROOT:
                rows = [dict(office)]
            else:
                fk = _owner_fk(table, names)
                parent_ids = ids.get(fk.column.table.name, set())
                rows = [dict(r) for r in s.execute(sa.select(table).order_by(table.c.id)).mappings()
                        if r[fk.parent.name] in parent_ids]
                names.add(table.name)
            ids[table.name] = {r["id"] for r in rows}
            data[table.name] = [_export_row(s, table, r) for r in rows]
    files = {}
    for row in data.get("attachment", []):
        src = Path(ctx.attachments_dir) / row["stored_name"]
        if src.is_file():
            files["attachments/" + PurePosixPath(row["stored_name"]).name] = src
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    manifest = {
        "format": FORMAT, "version": 1, "schema": HEAD_REVISION, "office": office["name"],
        "created_at": datetime.now().isoformat(timespec="seconds"),
        "counts": {k: len(v) for k, v in data.items() if v},
        "files": {"data.json": hashlib.sha256(payload).hexdigest(),
                  **{name: _hashed(p, progress_of.part(report, 0.3, 0.6), k, len(files))
                     for k, (name, p) in enumerate(files.items())}},
    }
    tmp = out.with_name(f".tmp-{uuid.uuid4().hex[:8]}{SUFFIX}")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
            z.writestr("data.json", payload)
            for k, (name, path) in enumerate(files.items()):
                z.write(path, name)
                report(0.6 + 0.4 * (k + 1) / len(files))
        report(1.0)
        os.replace(tmp, out)
    except OSError as exc:
        raise os_error(exc, out.parent) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _hashed(path: Path, progress: progress_of.Progress, done: int, total: int) -> str:
    digest = _sha256_file(path)
    progress((done + 1) / total)
    return digest


def _export_row(s: Session, table: sa.Table, row: dict) -> dict:
    owned = {t.name for t in owned_tables()}
    out = {k: _encode(v) for k, v in row.items()}
    for fk in table.foreign_keys:
        ref = fk.column.table
        value = row[fk.parent.name]
        if ref.name in owned or value is None or fk.column.name != "id":
            continue
        key = _natural_key(ref)
        if key is None:  # e.g. the source file of a score: not carried
            out[fk.parent.name] = None
            continue
        found = s.execute(sa.select(*[ref.c[k] for k in key]).where(ref.c.id == value)).mappings().first()
        out[fk.parent.name] = {"ref": ref.name, **{k: found[k] for k in key}} if found else None
    return out


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ------------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class PackageContents:
    path: Path
    office: str
    schema: str
    data: dict
    files: dict  # entry name -> bytes


def _bad(path: Path, why: str) -> UserError:
    return UserError(f"ชุดข้อมูล {path.name}: {why} จึงไม่นำเข้า ข้อมูลไม่ถูกเปลี่ยนแปลง")


def read_package(path: str | Path) -> PackageContents:
    """Open and check a package completely before anything is written."""
    from ita_desktop.models.db import known_revisions

    path = Path(path)
    if not path.is_file():
        raise UserError(f"ไม่พบไฟล์ {path}")
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _bad(path, "ไม่ใช่ไฟล์ชุดข้อมูล .itapkg (ไม่ใช่ไฟล์ zip หรือไฟล์เสียหาย)") from None
    with z:
        infos = z.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _bad(path, f"มีรายการมากเกินไป ({len(infos)} รายการ)")
        total = 0
        for info in infos:
            name = info.filename
            p = PurePosixPath(name)
            if p.is_absolute() or ".." in p.parts or "\\" in name or ":" in name or name.startswith("/"):
                raise _bad(path, f"มีรายการ '{name}' ที่ชี้ออกนอกโฟลเดอร์ปลายทาง")
            if name not in ("manifest.json", "data.json") and not (
                    len(p.parts) == 2 and p.parts[0] == "attachments" and not info.is_dir()):
                raise _bad(path, f"มีรายการ '{name}' ที่ไม่รู้จัก")
            total += info.file_size
            if total > MAX_TOTAL:
                raise _bad(path, "ขยายแล้วใหญ่เกินไป (อาจเป็นไฟล์ zip bomb)")
            if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bad(path, f"รายการ '{name}' บีบอัดผิดปกติ (อาจเป็นไฟล์ zip bomb)")
        entries = {}
        for info in infos:
            with z.open(info) as f:
                content = f.read(info.file_size + 1)
            if len(content) > info.file_size:
                raise _bad(path, f"รายการ '{info.filename}' ใหญ่กว่าที่ระบุ (อาจเป็นไฟล์ zip bomb)")
            entries[info.filename] = content
    try:
        manifest = json.loads(entries.pop("manifest.json").decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError):
        raise _bad(path, "ไม่มีรายการ manifest.json ที่อ่านได้") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _bad(path, "ไม่ใช่ชุดข้อมูลของ ITA Desktop")
    schema = str(manifest.get("schema", ""))
    if schema not in known_revisions():
        raise _bad(path, f"สร้างด้วย ITA Desktop รุ่นที่ใหม่กว่า (รุ่นฐานข้อมูล {schema}) กรุณาปรับปรุงโปรแกรมก่อน")
    sums = manifest.get("files") or {}
    if set(sums) != set(entries):
        missing = sorted(set(sums) ^ set(entries))
        raise _bad(path, f"รายการไม่ตรงกับ manifest ({', '.join(missing[:5])})")
    for name, content in entries.items():
        if hashlib.sha256(content).hexdigest() != sums[name]:
            raise _bad(path, f"ค่าตรวจสอบ (sha256) ของ '{name}' ไม่ตรง ไฟล์อาจเสียหายหรือถูกแก้ไข")
    try:
        data = json.loads(entries.pop("data.json").decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError):
        raise _bad(path, "ไม่มีรายการ data.json ที่อ่านได้") from None
    _check_kinds(path, data)
    offices = data.get(ROOT) or []
    if len(offices) != 1 or not str(offices[0].get("name", "")).strip():
        raise _bad(path, "ต้องมีข้อมูลหน่วยงาน 1 หน่วยงาน")
    return PackageContents(path, offices[0]["name"], schema, data, entries)


def _check_kinds(path: Path, data) -> None:
    if not isinstance(data, dict):
        raise _bad(path, "data.json ไม่ถูกต้อง")
    tables = {t.name: t for t in owned_tables()}
    for kind, rows in data.items():
        if kind not in tables:
            raise _bad(path, f"มีข้อมูลชนิด '{kind}' ที่ไม่รู้จัก")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise _bad(path, f"ข้อมูลชนิด '{kind}' ไม่ถูกต้อง")
        columns = set(tables[kind].c.keys())
        for row in rows:
            unknown = set(row) - columns
            if unknown:
                raise _bad(path, f"ข้อมูลชนิด '{kind}' มีช่อง '{sorted(unknown)[0]}' ที่ไม่รู้จัก")
            if not isinstance(row.get("id"), int):
                raise _bad(path, f"ข้อมูลชนิด '{kind}' ไม่มีรหัสรายการ")
            if kind == "attachment":
                name = PurePosixPath(str(row.get("stored_name", ""))).name
                if name != row.get("stored_name") or name in ("", ".", ".."):
                    raise _bad(path, f"ไฟล์แนบ '{row.get('stored_name')}' ชี้ออกนอกโฟลเดอร์ปลายทาง")


# ------------------------------------------------------------------------------ preview, import


@dataclass(frozen=True)
class UnitPreview:
    """One record the package holds, at the level a conflict is decided."""

    kind: str
    label: str
    exists: bool
    action: str  # add | keep | replace | skip

    @property
    def kind_th(self) -> str:
        return KIND_TH.get(self.kind, self.kind)


@dataclass(frozen=True)
class PackagePreview:
    file_name: str
    office: str
    office_exists: bool
    on_conflict: str
    units: tuple[UnitPreview, ...]
    counts: dict = field(default_factory=dict)
    dry_run: bool = True

    def count(self, action: str) -> int:
        return sum(u.action == action for u in self.units)

    def message_th(self) -> str:
        verb = "ตรวจสอบชุดข้อมูลแล้ว (ยังไม่บันทึก)" if self.dry_run else "นำเข้าชุดข้อมูลแล้ว"
        return (f"{verb}: {self.office} จากไฟล์ {self.file_name}: เพิ่มใหม่ {self.count('add')} รายการ, "
                f"แทนของเดิม {self.count('replace')} รายการ, คงของเดิม {self.count('keep')} รายการ, "
                f"ข้าม {self.count('skip')} รายการ")


def _label(kind: str, row: dict) -> str:
    """A record for the preview, in Thai: ปีงบประมาณ 2566, สำนักปลัด, แผน พ.ศ. 2566-2570."""
    parts = []
    if row.get("start_year") and row.get("end_year"):
        parts.append(f"พ.ศ. {row['start_year']}-{row['end_year']}")
    elif row.get("year"):
        parts.append(f"ปีงบประมาณ {row['year']}")
    keys = ("kind",) if kind == "memo_draft" else ("name", "role", "title", "file_name")
    text = next((str(row[k]) for k in keys if row.get(k)), "")
    if text:
        parts.append(text[:60])
    return " ".join(parts) or f"รายการที่ {row.get('id')}"


def _identity(table: sa.Table) -> tuple[str, ...]:
    key = _natural_key(table)
    if key is not None:
        return tuple(k for k in key if k != "office_id")
    return IDENTITY.get(table.name) or tuple(
        c.name for c in table.columns if c.name not in ("id", "office_id") and not isinstance(c.type, sa.DateTime))


def _find_existing(s: Session, table: sa.Table, office_id: int | None, row: dict) -> int | None:
    if office_id is None:
        return None
    keys = _identity(table)
    q = sa.select(table.c.id).where(table.c.office_id == office_id)
    for k in keys:
        q = q.where(table.c[k] == _decode(table.c[k], row.get(k)))
    return s.execute(q.limit(1)).scalar()


def _plan(s: Session, pkg: PackageContents, on_conflict: str):
    """(office id or None, [(table, row, existing id, action)], units) for the office's direct children."""
    from .queries import find_office_id
    from ita_desktop.models.db import SessionReader

    office_id = find_office_id(SessionReader(s), pkg.office)
    units = [UnitPreview("office", pkg.office, office_id is not None,
                         "add" if office_id is None else ("skip" if on_conflict == "skip" else on_conflict))]
    decisions = []
    for table in owned_tables():
        fk = next((f for f in table.foreign_keys if f.column.table.name == ROOT and not f.parent.nullable), None)
        if fk is None:
            continue
        for row in pkg.data.get(table.name, []):
            existing = _find_existing(s, table, office_id, row)
            if existing is None:
                action = "skip" if (office_id is not None and on_conflict == "skip") else "add"
            else:
                action = on_conflict
            decisions.append((table, row, existing, action))
            units.append(UnitPreview(table.name, _label(table.name, row), existing is not None, action))
    return office_id, decisions, units


def preview_package(ctx, path: str | Path, on_conflict: str = "keep") -> PackagePreview:
    """What importing the package would do; nothing is written."""
    _check_choice(on_conflict)
    pkg = read_package(path)
    with ctx.db.session() as s:
        office_id, _decisions, units = _plan(s, pkg, on_conflict)
    counts = {k: len(v) for k, v in pkg.data.items() if v}
    return PackagePreview(Path(path).name, pkg.office, office_id is not None, on_conflict, tuple(units), counts)


def _check_choice(on_conflict: str) -> None:
    if on_conflict not in CONFLICT_CHOICES:
        raise UserError(f"ตัวเลือก '{on_conflict}' ไม่ถูกต้อง เลือกได้: keep (คงของเดิม), replace (แทนของเดิม), skip (ข้าม)")


def import_package(ctx, path: str | Path, on_conflict: str = "keep", dry_run: bool = False,
                   progress: progress_of.Progress | None = None) -> PackagePreview:
    """Import a package in one transaction (attachments are written first under their own names).

    ``progress`` hears the fraction done (each attachment, then the data); when it raises
    (ยกเลิก) no data is stored (attachments already written stay, unused, under their own names).
    """
    _check_choice(on_conflict)
    report = progress_of.resolve(progress)
    pkg = read_package(path)
    if dry_run:
        return preview_package(ctx, path, on_conflict)
    with ctx.db.session() as s:
        exists = _plan(s, pkg, on_conflict)[0] is not None
    report(0.1)  # read and checked
    if exists:
        ctx.db.ensure_backup("before-package")
    report(0.2)
    _write_attachments(ctx, pkg, progress_of.part(report, 0.2, 0.7))
    report(0.7)
    with ctx.db.session() as s:
        office_id, decisions, units = _plan(s, pkg, on_conflict)
        report(0.8)
        _apply(s, pkg, office_id, decisions, on_conflict)
        report(1.0)  # the last chance to stop: the transaction commits when the block ends
    counts = {k: len(v) for k, v in pkg.data.items() if v}
    return PackagePreview(Path(path).name, pkg.office, office_id is not None, on_conflict, tuple(units), counts,
                          dry_run=False)


def _write_attachments(ctx, pkg: PackageContents, progress: progress_of.Progress | None = None) -> None:
    from .backups import os_error

    report = progress_of.resolve(progress)
    folder = Path(ctx.attachments_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for k, (name, content) in enumerate(pkg.files.items()):
            report(k / max(len(pkg.files), 1))
            target = folder / PurePosixPath(name).name
            if target.is_file() and _sha256_file(target) == hashlib.sha256(content).hexdigest():
                continue
            tmp = folder / f".tmp-{uuid.uuid4().hex[:8]}"
            tmp.write_bytes(content)
            os.replace(tmp, target)
    except OSError as exc:
        raise os_error(exc, folder, sum(len(c) for c in pkg.files.values())) from exc


def _resolve_ref(s: Session, path: Path, value: dict):
    ref = _metadata().tables.get(value.get("ref", ""))
    if ref is None:
        raise _bad(path, f"อ้างถึงข้อมูลชนิด '{value.get('ref')}' ที่ไม่รู้จัก")
    key = _natural_key(ref) or ()
    q = sa.select(ref.c.id)
    for k in key:
        q = q.where(ref.c[k] == value.get(k))
    found = s.execute(q).scalar()
    if found is None:
        what = " ".join(f"{k} {value.get(k)}" for k in key)
        raise _bad(path, f"ฐานข้อมูลนี้ยังไม่มีเกณฑ์การประเมินที่ชุดข้อมูลอ้างถึง ({what}) "
                         "กรุณาเพิ่มเกณฑ์ของปีนั้นก่อน")
    return found


def _apply(s: Session, pkg: PackageContents, office_id: int | None, decisions, on_conflict: str) -> None:
    tables = owned_tables()
    office_table = tables[0]
    office_row = pkg.data[ROOT][0]
    id_map: dict[str, dict[int, int]] = {t.name: {} for t in tables}
    if office_id is not None and on_conflict == "skip":
        audit.record(s, "package.import", "office", office_id, office_id=office_id, file=pkg.path.name,
                     skipped=True)
        return
    old_office = None
    if office_id is None:
        values = _values(s, pkg, office_table, office_row, id_map)
        office_id = s.execute(sa.insert(office_table).values(**values)).inserted_primary_key[0]
    elif on_conflict == "replace":
        old_office = dict(s.execute(sa.select(office_table).where(office_table.c.id == office_id)).mappings().one())
        values = _values(s, pkg, office_table, office_row, id_map)
        values.pop("name", None)
        s.execute(sa.update(office_table).where(office_table.c.id == office_id).values(**values))
    id_map[ROOT][office_row["id"]] = office_id
    replaced = []
    take_subtree: set[tuple[str, int]] = set()
    for table, row, existing, action in decisions:
        if action == "replace" and existing is not None:
            replaced.append({"kind": table.name, "label": _label(table.name, row), "id": existing})
            s.execute(sa.delete(table).where(table.c.id == existing))  # children go by ON DELETE CASCADE
        if action in ("add", "replace"):
            take_subtree.add((table.name, row["id"]))
    names = {ROOT}
    for table in tables[1:]:
        fk = _owner_fk(table, names)
        names.add(table.name)
        direct = fk.column.table.name == ROOT
        for row in pkg.data.get(table.name, []):
            if direct and (table.name, row["id"]) not in take_subtree:
                continue
            if not direct and row[fk.parent.name] not in id_map[fk.column.table.name]:
                continue  # its parent was kept or skipped
            values = _values(s, pkg, table, row, id_map)
            new_id = s.execute(sa.insert(table).values(**values)).inserted_primary_key[0]
            id_map[table.name][row["id"]] = new_id
    _remap_attachment_entities(s, pkg, id_map)
    audit.record(s, "package.import", "office", office_id, office_id=office_id, file=pkg.path.name,
                 old={"office": {k: _encode(v) for k, v in old_office.items()} if old_office else None,
                      "replaced": replaced} if (old_office or replaced) else None,
                 new={k: len(v) for k, v in id_map.items() if v}, on_conflict=on_conflict)


def _values(s: Session, pkg: PackageContents, table: sa.Table, row: dict, id_map) -> dict:
    values = {}
    for name, value in row.items():
        if name in SKIP_COLUMNS:
            continue
        column = table.c[name]
        fk = next(iter(column.foreign_keys), None)
        if fk is not None and value is not None:
            ref = fk.column.table.name
            if ref in id_map:
                value = id_map[ref].get(value)
                if value is None:
                    if column.nullable:
                        values[name] = None
                        continue
                    raise _bad(pkg.path, f"ข้อมูลชนิด '{table.name}' อ้างถึงรายการที่ไม่มีในชุดข้อมูล")
            elif isinstance(value, dict):
                value = _resolve_ref(s, pkg.path, value)
            elif fk.column.name == "id":
                value = None  # an id of another database (e.g. a source file) means nothing here
        values[name] = _decode(column, value)
    return values


def _remap_attachment_entities(s: Session, pkg: PackageContents, id_map) -> None:
    table = _metadata().tables.get("attachment")
    if table is None:
        return
    for old_id, new_id in id_map.get("attachment", {}).items():
        row = next(r for r in pkg.data["attachment"] if r["id"] == old_id)
        entity_map = id_map.get(row.get("entity") or "", {})
        if row.get("entity_id") is not None and entity_map:
            s.execute(sa.update(table).where(table.c.id == new_id)
                      .values(entity_id=entity_map.get(row["entity_id"])))
