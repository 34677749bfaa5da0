"""Evidence files of a result (หลักฐาน): copied into the data folder's attachments/ with their
SHA-256, listed, opened with the system's viewer (the opener is injected: the UI passes
QDesktopServices), renamed, removed and restored.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from ita_desktop.models import Attachment, ResultRow

from . import audit
from .errors import UserError

ENTITY = "result_row"
MAX_BYTES = 50 * 1024 * 1024
REMOVED_DIR = "removed"  # under attachments/: files of removed evidence, kept so undo can restore them
_FORBIDDEN = set('\\/:*?"<>|')


@dataclass(frozen=True)
class EvidenceView:
    id: int
    result_row_id: int
    file_name: str  # the name the clerk sees (may be renamed)
    stored_name: str  # the file in attachments/
    sha256: str
    size: int
    added_at: datetime


def _result_row(s, row_id: int) -> ResultRow:
    row = s.get(ResultRow, row_id)
    if row is None:
        raise UserError(f"ไม่พบผลการดำเนินการรหัส {row_id} (อาจถูกลบไปแล้ว) กรุณาโหลดใหม่")
    return row


def _view(ctx, a: Attachment) -> EvidenceView:
    path = ctx.attachments_dir / a.stored_name
    return EvidenceView(a.id, a.entity_id, a.file_name, a.stored_name, a.sha256,
                        path.stat().st_size if path.exists() else 0, a.added_at)


def _copy_with_hash(source: Path, dest: Path) -> str:
    """Copy ``source`` to ``dest`` while hashing it; a partial copy is removed on failure."""
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as src, open(dest, "wb") as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def check_file(path: str | Path) -> Path:
    """The file as a Path when it can be attached; a Thai message saying why not, otherwise."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"ไม่พบไฟล์ '{p}' หรือไม่ใช่ไฟล์")
    try:
        size = p.stat().st_size
        with open(p, "rb") as f:
            f.read(1)
    except OSError as exc:
        raise UserError(f"อ่านไฟล์ '{p.name}' ไม่ได้ (ไม่มีสิทธิ์หรือไฟล์เสียหาย) ไม่ได้แนบไฟล์") from exc
    if size > MAX_BYTES:
        raise UserError(f"ไฟล์ '{p.name}' มีขนาด {size / 1024 / 1024:.1f} MB เกิน 50 MB ไม่ได้แนบไฟล์ "
                        "กรุณาย่อขนาดหรือแยกไฟล์")
    return p


def add_evidence(ctx, result_row_id: int, path: str | Path) -> EvidenceView:
    """Copy the file into attachments/ and list it under the result row; nothing is kept on failure."""
    source = check_file(path)
    with ctx.db.session() as s:
        row = _result_row(s, result_row_id)
        folder = ctx.attachments_dir
        folder.mkdir(parents=True, exist_ok=True)
        stored = f"{uuid.uuid4().hex}{source.suffix.lower()}"
        try:
            sha = _copy_with_hash(source, folder / stored)
        except OSError as exc:
            raise UserError(f"คัดลอกไฟล์ '{source.name}' ไม่ได้: อ่านหรือเขียนไม่สำเร็จ ไม่ได้แนบไฟล์") from exc
        try:
            a = Attachment(office_id=row.report.office_id, year=row.report.year, entity=ENTITY, entity_id=row.id,
                           file_name=source.name, stored_name=stored, sha256=sha)
            s.add(a)
            s.flush()
            audit.record(s, "evidence.add", "attachment", a.id, result_row_id=row.id,
                         new={"file_name": source.name, "sha256": sha})
            return _view(ctx, a)
        except BaseException:
            (folder / stored).unlink(missing_ok=True)
            raise


def list_evidence(ctx, result_row_id: int) -> tuple[EvidenceView, ...]:
    with ctx.db.session() as s:
        rows = s.scalars(select(Attachment).where(Attachment.entity == ENTITY, Attachment.entity_id == result_row_id)
                         .order_by(Attachment.id))
        return tuple(_view(ctx, a) for a in rows)


def _attachment(s, evidence_id: int) -> Attachment:
    a = s.get(Attachment, evidence_id)
    if a is None or a.entity != ENTITY:
        raise UserError(f"ไม่พบไฟล์หลักฐานรหัส {evidence_id} (อาจถูกลบไปแล้ว) กรุณาโหลดใหม่")
    return a


def evidence_path(ctx, evidence_id: int, verify: bool = False) -> Path:
    """The stored file; with ``verify`` its SHA-256 is checked against the one recorded."""
    with ctx.db.session() as s:
        a = _attachment(s, evidence_id)
        name, sha, stored = a.file_name, a.sha256, a.stored_name
    path = ctx.attachments_dir / stored
    if not path.is_file():
        raise UserError(f"ไม่พบไฟล์หลักฐาน '{name}' ในโฟลเดอร์ {ctx.attachments_dir}")
    if verify:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != sha:
            raise UserError(f"ไฟล์หลักฐาน '{name}' ถูกแก้ไขหรือเสียหาย (checksum ไม่ตรงกับที่บันทึกไว้)")
    return path


def open_evidence(ctx, evidence_id: int, opener: Callable[[Path], object]) -> Path:
    """Check the file and hand its path to ``opener`` (the system's viewer in the UI)."""
    path = evidence_path(ctx, evidence_id, verify=True)
    if opener(path) is False:
        raise UserError(f"เปิดไฟล์ '{path.name}' ไม่ได้ ไม่มีโปรแกรมสำหรับเปิดไฟล์ชนิดนี้")
    return path


def rename_evidence(ctx, evidence_id: int, new_name: str) -> EvidenceView:
    """Change the name shown for the file (the stored copy keeps its name)."""
    name = (new_name or "").strip()
    if not name:
        raise UserError("กรุณากรอกชื่อไฟล์")
    bad = sorted(set(name) & _FORBIDDEN)
    if bad:
        raise UserError(f"ชื่อไฟล์ '{name}' มีอักขระที่ใช้ไม่ได้: {' '.join(bad)}")
    with ctx.db.session() as s:
        a = _attachment(s, evidence_id)
        old = a.file_name
        a.file_name = name
        s.flush()
        audit.record(s, "evidence.rename", "attachment", a.id, old={"file_name": old}, new={"file_name": name})
        return _view(ctx, a)


def remove_evidence(ctx, evidence_id: int) -> dict:
    """Remove the file from the list; its copy moves to attachments/removed/ so that
    :func:`restore_evidence` can bring it back. Returns the snapshot."""
    with ctx.db.session() as s:
        a = _attachment(s, evidence_id)
        snap = {"id": a.id, "office_id": a.office_id, "year": a.year, "result_row_id": a.entity_id,
                "file_name": a.file_name, "stored_name": a.stored_name, "sha256": a.sha256,
                "added_at": a.added_at.isoformat()}
        s.delete(a)
        audit.record(s, "evidence.remove", "attachment", evidence_id, old=snap)
    path = ctx.attachments_dir / snap["stored_name"]
    if path.exists():  # after the commit: a failed delete keeps its file
        trash = ctx.attachments_dir / REMOVED_DIR
        trash.mkdir(exist_ok=True)
        os.replace(path, trash / snap["stored_name"])
    return snap


def restore_evidence(ctx, snapshot: dict) -> int:
    trash = ctx.attachments_dir / REMOVED_DIR / snapshot["stored_name"]
    path = ctx.attachments_dir / snapshot["stored_name"]
    if not trash.exists() and not path.exists():
        raise UserError(f"ไม่พบสำเนาของไฟล์ '{snapshot['file_name']}' กู้คืนไม่ได้")
    with ctx.db.session() as s:
        if s.get(Attachment, snapshot["id"]) is not None:
            raise UserError("ไฟล์หลักฐานนี้มีอยู่แล้ว ไม่ต้องกู้คืน")
        _result_row(s, snapshot["result_row_id"])
        s.add(Attachment(id=snapshot["id"], office_id=snapshot["office_id"], year=snapshot["year"], entity=ENTITY,
                         entity_id=snapshot["result_row_id"], file_name=snapshot["file_name"],
                         stored_name=snapshot["stored_name"], sha256=snapshot["sha256"],
                         added_at=datetime.fromisoformat(snapshot["added_at"])))
        s.flush()
        audit.record(s, "evidence.restore", "attachment", snapshot["id"], new=snapshot)
        if trash.exists():
            shutil.move(trash, path)
    return snapshot["id"]
