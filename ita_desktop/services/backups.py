"""Backups of the data folder that keep the good copies, and restoring one.

A backup is one zip file (``*.itabak``) in ``backups/``: ``backup.json`` (when it was made, why,
the schema revision, sha256 of the database copy), ``ita.sqlite3`` (made with SQLite's backup
API and checked with ``PRAGMA integrity_check`` before it is kept) and ``attachments/``. It is
written under a temporary name and renamed only when complete, so a kill or a full disk never
leaves a file that counts as a backup. Rotation goes by the time stored inside each backup, not
by file name: every backup of the last 2 days, the newest of each day for 14 days and the newest
of each month for 12 months.

Making and restoring a backup take an optional ``progress`` (a fraction callable, see
:mod:`ita_desktop.core.progress`) told how far they are, by the bytes copied: the database page
by page through the backup API, attachments file by file. When it raises (ยกเลิก), a backup
leaves no file; a restore leaves the database and the attachments as they were (the backup API's
unfinished write transaction is rolled back; attachments wait in a staging folder until the
database is replaced, the point after which a restore is no longer stopped).
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import time
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath

from ita_desktop.core import progress as progress_of

from .errors import UserError

log = logging.getLogger(__name__)

SUFFIX = ".itabak"
MANIFEST = "backup.json"
DB_ENTRY = "ita.sqlite3"
FORMAT = "ita-desktop-backup"
KEEP_ALL = timedelta(days=2)
KEEP_DAILY = timedelta(days=14)
KEEP_MONTHLY = timedelta(days=366)
START_INTERVAL = timedelta(days=1)
STALE_TEMP = 3600  # seconds: a temporary file this old was left by a killed backup
MAX_RESTORE_BYTES = 8 * 1024**3  # a backup that unpacks to more than this is refused (zip bomb)
STEP_PAGES = 64  # database pages copied between two progress reports (256 KB of 4 KB pages)
CHUNK = 1 << 20  # bytes copied between two progress reports
MIN_FILE_UNITS = 64 * 1024  # a small attachment counts as this many bytes of work (opening, closing)

REASONS_TH = {
    "manual": "สำรองด้วยตนเอง",
    "start": "เปิดโปรแกรม",
    "close": "ปิดโปรแกรม",
    "before-upgrade": "ก่อนปรับรุ่นฐานข้อมูล",
    "before-import": "ก่อนนำเข้าคะแนน",
    "before-demo": "ก่อนโหลดข้อมูลตัวอย่าง",
    "before-restore": "ก่อนกู้คืนข้อมูล",
    "before-delete": "ก่อนลบข้อมูล",
    "before-replace": "ก่อนแทนข้อมูล",
    "before-package": "ก่อนนำเข้าชุดข้อมูล",
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup as listed: when (UTC), why, how big."""

    path: Path
    made_at: datetime  # UTC, naive
    reason: str
    size: int
    revision: str
    attachments: int

    @property
    def reason_th(self) -> str:
        return REASONS_TH.get(self.reason, self.reason)

    def to_json(self) -> dict:
        return {"file": str(self.path), "made_at": self.made_at.isoformat(timespec="seconds") + "Z",
                "reason": self.reason, "reason_th": self.reason_th, "size": self.size,
                "revision": self.revision, "attachments": self.attachments}


def local_time(made_at: datetime) -> str:
    """A stored UTC time as this PC's local time, Buddhist-era year: 30/11/2569 09:15."""
    local = made_at.replace(tzinfo=timezone.utc).astimezone()
    return f"{local.day:02d}/{local.month:02d}/{local.year + 543} {local:%H:%M}"


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


ZIP_CHUNK = 4 << 20


def _zip_file(z: zipfile.ZipFile, source: Path, name: str) -> None:
    """``z.write(source, name)`` in 4 MB pieces: ZipFile.write reads 8 KB at a time, and each piece
    gives up and takes back the GIL, which costs milliseconds when another thread is busy (ita-cli
    import reads its file while its backup is made)."""
    info = zipfile.ZipInfo.from_file(source, name)
    info.compress_type = z.compression
    info._compresslevel = z.compresslevel  # what ZipFile.write sets (a property alias from Python 3.13)
    with open(source, "rb") as src, z.open(info, "w") as dst:
        while chunk := src.read(ZIP_CHUNK):
            dst.write(chunk)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mb(n: int) -> str:
    return f"{max(n, 1) / 1024**2:.1f} MB"


def space_error(folder: Path, needed: int) -> UserError:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = 0
    return UserError(f"พื้นที่ดิสก์ไม่พอ: ต้องการประมาณ {_mb(needed)} ในโฟลเดอร์ {folder} "
                     f"(ว่างอยู่ {_mb(free)}) กรุณาลบไฟล์ที่ไม่ใช้หรือย้ายไปไว้ในดิสก์อื่น ข้อมูลไม่ถูกเปลี่ยนแปลง")


def os_error(exc: OSError, folder: Path, needed: int = 0) -> UserError:
    """A Thai message for a failed write in ``folder``."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return space_error(folder, needed)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(f"โฟลเดอร์ {folder} เขียนไม่ได้ (อ่านได้อย่างเดียวหรือไม่มีสิทธิ์) "
                         "กรุณาตรวจสิทธิ์ของโฟลเดอร์ หรือเลือกโฟลเดอร์ข้อมูลอื่นด้วย --data-dir ข้อมูลไม่ถูกเปลี่ยนแปลง")
    return UserError(f"เขียนไฟล์ในโฟลเดอร์ {folder} ไม่ได้: {exc.strerror or exc} ข้อมูลไม่ถูกเปลี่ยนแปลง")


def _folder_size(folder: Path) -> int:
    if not folder.is_dir():
        return 0
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _db_size(db_file: Path) -> int:
    total = 0
    for p in (db_file, db_file.with_name(db_file.name + "-wal")):
        if p.exists():
            total += p.stat().st_size
    return total


def _integrity(path: Path) -> str:
    from ita_desktop.models.db import sqlite_integrity

    return sqlite_integrity(path)


def _revision_of(path: Path) -> str:
    con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else ""
    except sqlite3.Error:
        return ""
    finally:
        con.close()


def _pages_progress(progress: progress_of.Progress | None):
    """A progress callback for sqlite3's backup API (status, remaining, total pages), or None."""
    if progress is None:
        return None

    def pages(status, remaining, total):
        # Not after the last step: the copy is committed then, and stopping would come too late.
        if remaining > 0:
            progress((total - remaining) / total)

    return pages


def _copy_database(db_file: Path, target: Path, progress: progress_of.Progress | None = None) -> None:
    """SQLite's backup API: a consistent copy of a live database (WAL included)."""
    src = sqlite3.connect(f"file:{db_file.as_posix()}?mode=ro", uri=True, timeout=5)
    try:
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a file that does not open stops here
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst, pages=STEP_PAGES if progress else -1, progress=_pages_progress(progress))
            dst.execute("PRAGMA journal_mode=DELETE")  # the copy is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def _file_units(size: int) -> int:
    return max(size, MIN_FILE_UNITS)


def make_backup(db_file: Path, data_dir: Path, reason: str, out: Path | None = None,
                now: datetime | None = None, progress: progress_of.Progress | None = None) -> Path:
    """Back up the database and attachments of ``data_dir``; return the new file.

    Raises UserError (nothing kept) when the database does not open or fails the integrity
    check, when the disk is full or the folder cannot be written. ``progress`` hears the
    fraction done; when it raises, nothing is kept and the exception passes.
    """
    backup_dir = data_dir / "backups"
    target_dir = out.parent if out is not None else backup_dir
    attachments = data_dir / "attachments"
    needed = _db_size(db_file) * 2 + _folder_size(attachments) + (1 << 20)
    if not db_file.is_file() or db_file.stat().st_size == 0:
        raise UserError(f"ยังไม่มีฐานข้อมูลที่จะสำรอง ({db_file})")
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, target_dir, needed) from exc
    try:
        if shutil.disk_usage(target_dir).free < needed:
            raise space_error(target_dir, needed)
    except OSError:
        pass
    made_at = now or utcnow()
    tag = uuid.uuid4().hex[:8]
    tmp_db = target_dir / f".tmp-{tag}.sqlite3"
    tmp_zip = target_dir / f".tmp-{tag}{SUFFIX}"
    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        final = backup_dir / f"ita-{stamp}-{tag}-{reason}{SUFFIX}"
    else:
        final = out
    db_units = _file_units(_db_size(db_file))
    files = sorted(p for p in attachments.rglob("*") if p.is_file()) if attachments.is_dir() else []
    sizes = [f.stat().st_size for f in files]
    # copy the database, check it (about half a copy), zip it, zip each attachment
    work = progress_of.Counter(progress or (lambda fraction: None),
                               db_units * 5 // 2 + sum(_file_units(s) for s in sizes))
    work.report(0.0)
    try:
        try:
            _copy_database(db_file, tmp_db, progress and (lambda f: work.report(f * db_units / work.total)))
            work.step(db_units)
        except sqlite3.Error as exc:
            log.exception("backup: the database %s does not open", db_file)
            raise UserError(f"สำรองข้อมูลไม่ได้: ฐานข้อมูล {db_file} เปิดไม่ได้หรือเสียหาย ({exc}) "
                            "จึงไม่สร้างสำเนาที่เสีย สำเนาเดิมในโฟลเดอร์ backups ยังอยู่ครบ") from exc
        check = _integrity(tmp_db)
        if check != "ok":
            raise UserError(f"สำรองข้อมูลไม่ได้: ฐานข้อมูล {db_file} ไม่ผ่านการตรวจความสมบูรณ์ ({check}) "
                            "จึงไม่สร้างสำเนาที่เสีย สำเนาเดิมในโฟลเดอร์ backups ยังอยู่ครบ "
                            "กู้คืนได้ที่ แฟ้ม → สำรองและกู้คืนข้อมูล หรือ ita-cli restore ไฟล์สำรอง")
        work.step(db_units // 2)
        manifest = {
            "format": FORMAT, "version": 1, "made_at": made_at.isoformat(timespec="microseconds"),
            "reason": reason, "revision": _revision_of(tmp_db), "db_sha256": _sha256(tmp_db),
            "db_size": tmp_db.stat().st_size, "attachments": len(files),
        }
        with zipfile.ZipFile(tmp_zip, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            _zip_file(z, tmp_db, DB_ENTRY)
            work.step(db_units)
            for f, size in zip(files, sizes):
                _zip_file(z, f, "attachments/" + f.relative_to(attachments).as_posix())
                work.step(_file_units(size))
        with open(tmp_zip, "rb+") as f:
            os.fsync(f.fileno())
        read_info(tmp_zip)  # the written zip reads back
        os.replace(tmp_zip, final)
        _fsync_dir(final.parent)
    except OSError as exc:
        log.exception("backup to %s failed", target_dir)
        raise os_error(exc, target_dir, needed) from exc
    finally:
        tmp_db.unlink(missing_ok=True)
        tmp_zip.unlink(missing_ok=True)
    if out is None:
        try:
            rotate(backup_dir, now=made_at, keep=final)
        except OSError:
            log.exception("backup rotation failed")
    log.info("backup %s (%s)", final, reason)
    return final


def read_info(path: Path) -> BackupInfo:
    """The facts stored in a backup; UserError when it is not a complete backup of this program."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(z.read(MANIFEST).decode("utf-8"))
            names = set(z.namelist())
        if manifest.get("format") != FORMAT or DB_ENTRY not in names:
            raise ValueError("not a backup")
        made_at = datetime.fromisoformat(manifest["made_at"])
        return BackupInfo(path, made_at, str(manifest.get("reason", "")), path.stat().st_size,
                          str(manifest.get("revision", "")), int(manifest.get("attachments", 0)))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise UserError(f"ไฟล์ {path} ไม่ใช่ไฟล์สำรองข้อมูลของ ITA Desktop หรือไฟล์ไม่สมบูรณ์") from exc


def _legacy_info(path: Path) -> BackupInfo:
    """A plain ``ita-*.sqlite3`` copy made by earlier versions: time from the file itself."""
    stat = path.stat()
    parts = path.stem.split("-")
    reason = "-".join(parts[4:]) if len(parts) > 4 else "manual"
    made_at = datetime.fromtimestamp(stat.st_mtime, timezone.utc).replace(tzinfo=None)
    return BackupInfo(path, made_at, reason, stat.st_size, "", 0)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Complete backups in ``backup_dir``, newest first (by the time stored in each)."""
    found: list[BackupInfo] = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.iterdir():
        if path.name.startswith(".tmp-"):
            continue
        if path.suffix == SUFFIX:
            try:
                found.append(read_info(path))
            except UserError:
                continue
        elif path.suffix == ".sqlite3" and path.name.startswith("ita-") and path.stat().st_size > 0:
            found.append(_legacy_info(path))
    found.sort(key=lambda b: b.made_at, reverse=True)
    return found


def to_keep(backups: list[BackupInfo], now: datetime) -> set[Path]:
    """The rotation rule. A backup dated in the future (a clock that ran ahead) counts as recent."""
    keep: set[Path] = set()
    days: set = set()
    months: set = set()
    for b in sorted(backups, key=lambda b: b.made_at, reverse=True):
        age = now - b.made_at
        if age < KEEP_ALL:
            keep.add(b.path)
        if age < KEEP_DAILY and b.made_at.date() not in days:
            days.add(b.made_at.date())
            keep.add(b.path)
        month = (b.made_at.year, b.made_at.month)
        if age < KEEP_MONTHLY and month not in months:
            months.add(month)
            keep.add(b.path)
    if backups:
        keep.add(max(backups, key=lambda b: b.made_at).path)
    return keep


def rotate(backup_dir: Path, now: datetime | None = None, keep: Path | None = None) -> list[Path]:
    """Delete the backups the rule does not keep and stale temporary files; return the deleted."""
    now = now or utcnow()
    backups = list_backups(backup_dir)
    kept = to_keep(backups, now)
    if keep is not None:
        kept.add(keep)
    removed = []
    for b in backups:
        if b.path not in kept:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    for tmp in backup_dir.glob(".tmp-*"):
        try:
            if time.time() - tmp.stat().st_mtime > STALE_TEMP:
                tmp.unlink(missing_ok=True)
        except OSError:
            pass
    return removed


def backup_due(backup_dir: Path, now: datetime | None = None) -> bool:
    """True when no backup was made within a day (a backup dated far ahead does not count)."""
    now = now or utcnow()
    backups = list_backups(backup_dir)
    return not any(abs(now - b.made_at) < START_INTERVAL for b in backups)


# ----------------------------------------------------------------------------------- restore


def _safe_member(name: str) -> PurePosixPath | None:
    p = PurePosixPath(name)
    if p.is_absolute() or ".." in p.parts or "\\" in name or ":" in name:
        return None
    return p


def check_restorable(path: Path) -> BackupInfo:
    """A backup that can be restored: complete, known schema, entries inside the folder, not a bomb."""
    from ita_desktop.models.db import known_revisions

    info = read_info(path)
    with zipfile.ZipFile(path) as z:
        total = 0
        for entry in z.infolist():
            if _safe_member(entry.filename) is None:
                raise UserError(f"ไฟล์สำรอง {path} มีรายการ '{entry.filename}' ที่ชี้ออกนอกโฟลเดอร์ข้อมูล จึงไม่กู้คืน")
            total += entry.file_size
        if total > MAX_RESTORE_BYTES:
            raise UserError(f"ไฟล์สำรอง {path} ขยายแล้วใหญ่เกินไป ({_mb(total)}) จึงไม่กู้คืน")
    if info.revision and info.revision not in known_revisions():
        raise UserError(f"ไฟล์สำรอง {path} มาจาก ITA Desktop รุ่นที่ใหม่กว่า กรุณาปรับปรุงโปรแกรมก่อนกู้คืน")
    return info


def _copy_stream(src, dst, progress: progress_of.Progress | None, size: int) -> None:
    """Copy in chunks, telling ``progress`` the fraction of ``size`` bytes copied."""
    done = 0
    for chunk in iter(lambda: src.read(CHUNK), b""):
        dst.write(chunk)
        done += len(chunk)
        if progress:
            progress(min(done / size, 1.0) if size else 1.0)


def _extract_db(path: Path, workdir: Path, progress: progress_of.Progress | None = None) -> Path:
    target = workdir / f".tmp-restore-{uuid.uuid4().hex[:8]}.sqlite3"
    try:
        with zipfile.ZipFile(path) as z:
            manifest = json.loads(z.read(MANIFEST).decode("utf-8"))
            with z.open(DB_ENTRY) as src, open(target, "wb") as dst:
                _copy_stream(src, dst, progress, z.getinfo(DB_ENTRY).file_size)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    if manifest.get("db_sha256") and _sha256(target) != manifest["db_sha256"]:
        target.unlink(missing_ok=True)
        raise UserError(f"ไฟล์สำรอง {path} ไม่สมบูรณ์ (ค่าตรวจสอบไม่ตรง) จึงไม่กู้คืน")
    check = _integrity(target)
    if check != "ok":
        target.unlink(missing_ok=True)
        raise UserError(f"ฐานข้อมูลในไฟล์สำรอง {path} ไม่ผ่านการตรวจความสมบูรณ์ จึงไม่กู้คืน")
    return target


def _write_into(source: Path, db_file: Path, progress: progress_of.Progress | None = None) -> None:
    """Copy ``source`` over the live database with the backup API: one write transaction.

    When ``progress`` raises between two steps, SQLite rolls the unfinished copy back."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(db_file), timeout=5)
        try:
            dst.execute("PRAGMA busy_timeout=5000")
            src.backup(dst, pages=STEP_PAGES if progress else -1, progress=_pages_progress(progress))
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    finally:
        src.close()


def _attachment_entries(z: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The backup's attachment files with their paths inside ``attachments/``."""
    found = []
    for entry in z.infolist():
        if not entry.filename.startswith("attachments/") or entry.is_dir():
            continue
        rel = _safe_member(entry.filename)
        if rel is not None and len(rel.parts) > 1:
            found.append((entry, PurePosixPath(*rel.parts[1:])))
    return found


def _stage_attachments(path: Path, staging: Path, progress: progress_of.Progress | None = None) -> list[PurePosixPath]:
    """Unpack the backup's attachments into ``staging``, file by file; return their paths."""
    with zipfile.ZipFile(path) as z:
        entries = _attachment_entries(z)
        work = progress_of.Counter(progress or (lambda fraction: None),
                                   sum(_file_units(e.file_size) for e, _ in entries))
        for entry, rel in entries:
            target = staging.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with z.open(entry) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            work.step(_file_units(entry.file_size))
    return [rel for _, rel in entries]


def _place_attachments(staging: Path, names: list[PurePosixPath], attachments: Path) -> int:
    """Move staged attachments into place (added or overwritten, each by one rename)."""
    for rel in names:
        target = attachments.joinpath(*rel.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging.joinpath(*rel.parts), target)
    return len(names)


def _restore_attachments(path: Path, attachments: Path) -> int:
    """Put the backup's attachments back (added or overwritten, each via a temporary name)."""
    staging = attachments.parent / f".tmp-restore-{uuid.uuid4().hex[:8]}-attachments"
    try:
        return _place_attachments(staging, _stage_attachments(path, staging), attachments)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def restore_files(path: Path, db_file: Path, data_dir: Path, backup_first: bool = True,
                  progress: progress_of.Progress | None = None) -> BackupInfo:
    """Restore a backup into the data folder (the database file need not open).

    The present state is backed up first when it opens (a damaged database is kept beside as
    ``ita.sqlite3.damaged-<time>``); the database is replaced in one transaction.

    ``progress`` hears the fraction done: unpacking and checking, the backup of the present
    state, unpacking the attachments, replacing the database. When it raises, the data folder
    is left as it was (the backup of the present state, if made, stays: it is a good backup).
    Once the database is replaced the restore finishes without asking ``progress`` again.
    """
    from ita_desktop.models.db import make_engine, upgrade

    path = Path(path)
    if not path.is_file():
        raise UserError(f"ไม่พบไฟล์สำรอง {path}")
    info = check_restorable(path)
    for stale in data_dir.glob(".tmp-restore-*"):  # left by a restore that was killed
        if time.time() - stale.stat().st_mtime > STALE_TEMP:
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
    stage = _restore_stages(progress)
    try:
        restored = _extract_db(path, data_dir, stage["extract"])
    except OSError as exc:
        raise os_error(exc, data_dir, info.size * 3) from exc
    staging = data_dir / f".tmp-restore-{uuid.uuid4().hex[:8]}-attachments"
    try:
        names = _stage_attachments(path, staging, stage["attachments"])
        if backup_first and db_file.is_file() and db_file.stat().st_size > 0:
            if _integrity(db_file) == "ok":
                make_backup(db_file, data_dir, "before-restore", progress=stage["backup"])
            else:
                keep = db_file.with_name(f"{db_file.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
                shutil.copy2(db_file, keep)
                for side in ("-wal", "-shm"):
                    db_file.with_name(db_file.name + side).unlink(missing_ok=True)
                db_file.unlink()
                stage["write"] = None  # nothing left to fall back on: this copy is not stopped
        _write_into(restored, db_file, stage["write"])
        _place_attachments(staging, names, data_dir / "attachments")  # the point of no return is behind
    except OSError as exc:
        raise os_error(exc, data_dir, info.size * 3) from exc
    finally:
        restored.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    engine = make_engine(f"sqlite:///{db_file.as_posix()}")
    try:
        upgrade(engine)  # a backup made before an upgrade comes back at today's schema
    finally:
        engine.dispose()
    return info


def _restore_stages(progress: progress_of.Progress | None) -> dict:
    """The parts of a restore's ``progress`` (None without one): shares measured on the demo data."""
    if progress is None:
        return dict.fromkeys(("extract", "attachments", "backup", "write"))
    return {"extract": progress_of.part(progress, 0.0, 0.2), "attachments": progress_of.part(progress, 0.2, 0.3),
            "backup": progress_of.part(progress, 0.3, 0.7), "write": progress_of.part(progress, 0.7, 1.0)}


def create_backup(ctx, reason: str = "manual", out: str | Path | None = None,
                  progress: progress_of.Progress | None = None) -> Path | None:
    """A verified backup of the context's data folder; None for a server database."""
    from ita_desktop.models.db import sqlite_path

    db_file = sqlite_path(ctx.db.engine)
    if db_file is None:
        return None
    if out is not None:
        out = Path(out)
        if out.suffix != SUFFIX:
            raise UserError(f"ไฟล์สำรอง '{out}' ต้องลงท้ายด้วย {SUFFIX}")
        if not out.parent.is_dir():
            raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์สำรอง")
    return make_backup(db_file, ctx.data_dir, reason, out=out, progress=progress)


def sqlite_db(ctx) -> Path | None:
    """The context's SQLite file, None for a server database."""
    from ita_desktop.models.db import sqlite_path

    return sqlite_path(ctx.db.engine)


def backups_of(ctx) -> list[BackupInfo]:
    return list_backups(ctx.backups_dir)


def restore_backup(ctx, path: str | Path, progress: progress_of.Progress | None = None) -> BackupInfo:
    """Restore a backup into the open context: back up the present state, replace, upgrade.

    ``progress``: see :func:`restore_files`; when it raises, nothing was restored."""
    from ita_desktop.models.db import sqlite_path

    from . import audit, criteria

    db_file = sqlite_path(ctx.db.engine)
    if db_file is None:
        raise UserError("ฐานข้อมูลอยู่บนเซิร์ฟเวอร์ ให้กู้คืนด้วยเครื่องมือของเซิร์ฟเวอร์ (เช่น pg_restore)")
    ctx.db.engine.dispose()  # no pooled connection keeps an old read transaction open
    info = restore_files(Path(path), db_file, ctx.data_dir, progress=progress)
    ctx.db.engine.dispose()
    criteria.sync_bundled_criteria(ctx)
    with ctx.db.session() as s:
        audit.record(s, "backup.restore", "backup", None, file=str(path),
                     new={"made_at": info.made_at.isoformat(timespec="seconds"), "reason": info.reason})
    return info

