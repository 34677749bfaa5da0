"""Importing score sheets: read and validate (importers), show what would change, store atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.core.orgnames import org_kind
from ita_desktop.importers import ImportProblem, ParsedOffice, ParsedWorkbook, read_score_workbook
from ita_desktop.importers.reader import detect_year
from ita_desktop.models import Office, SourceFile
from ita_desktop.models.db import SessionReader

from . import audit, criteria, offices, scores
from .errors import UserError

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class ScoreChange:
    """One score the import would set: ``old`` None means it is new."""

    key: str  # "ตัวชี้วัดที่ 2" or "i19"
    old: float | None
    new: float

    @property
    def replaces(self) -> bool:
        return self.old is not None and round(self.old, 2) != round(self.new, 2)


@dataclass(frozen=True)
class OfficePreview:
    org_name: str
    district: str | None
    province: str | None
    exists: bool
    indicators: tuple[ScoreChange, ...]
    items: tuple[ScoreChange, ...]

    @property
    def replacements(self) -> tuple[ScoreChange, ...]:
        return tuple(c for c in (*self.indicators, *self.items) if c.replaces)


@dataclass(frozen=True)
class ImportPreview:
    """What a file holds and what importing it would change; nothing is written yet."""

    file_name: str
    sha256: str
    year: int
    offices: tuple[OfficePreview, ...]
    warnings: tuple[str, ...]
    imported_before: str | None  # when the same file (by hash) was imported, else None

    @property
    def replacements(self) -> int:
        return sum(len(o.replacements) for o in self.offices)

    def summary_th(self) -> str:
        ind = sum(len(o.indicators) for o in self.offices)
        items = sum(len(o.items) for o in self.offices)
        new = sum(not o.exists for o in self.offices)
        text = (f"ไฟล์ {self.file_name}: ปีงบประมาณ {self.year} {len(self.offices)} หน่วยงาน"
                f" (หน่วยงานใหม่ {new}), คะแนนตัวชี้วัด {ind} รายการ, คะแนนข้อคำถาม {items} ข้อ")
        if self.replacements:
            text += f", แทนคะแนนเดิม {self.replacements} รายการ"
        return text


def read_file(ctx, path: str | Path, org: str | None = None, year: int | None = None) -> ParsedWorkbook:
    """Read and validate a score file; every problem becomes one Thai UserError."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"ไม่พบไฟล์ {path}")
    try:
        year = year or detect_year(path)
        if year is None:
            raise UserError(f"ไฟล์ {path.name}: ไม่พบปีงบประมาณในหัวเรื่องของไฟล์ กรุณาระบุปีงบประมาณ")
        catalog = criteria.get_criteria(ctx, year)
        return read_score_workbook(path, catalog, org_name=org, year=year)
    except ImportProblem as exc:
        raise UserError(str(exc)) from None


def _changes(old: dict, new: dict, label: Callable[[object], str]) -> tuple[ScoreChange, ...]:
    return tuple(ScoreChange(label(k), old.get(k), v) for k, v in sorted(new.items(), key=lambda kv: str(kv[0])))


def _office_preview(s: Session, parsed: ParsedOffice) -> OfficePreview:
    row = offices.find_office_row(s, parsed.org_name)
    stored = scores.read_scores(SessionReader(s), row.id, parsed.year) if row else None
    old_ind = stored.indicators if stored else {}
    old_items = stored.items if stored else {}
    return OfficePreview(
        parsed.org_name, parsed.district, parsed.province, row is not None,
        _changes(old_ind, parsed.indicator_scores, lambda n: f"ตัวชี้วัดที่ {n}"),
        _changes(old_items, parsed.item_scores, str),
    )


def preview(ctx, parsed: ParsedWorkbook) -> ImportPreview:
    """Compare a read file with the database: new offices, new scores, replaced scores."""
    with ctx.db.session() as s:
        before = s.scalar(select(SourceFile).where(SourceFile.sha256 == parsed.sha256).order_by(SourceFile.id))
        return ImportPreview(
            file_name=Path(parsed.path).name, sha256=parsed.sha256,
            year=parsed.offices[0].year if parsed.offices else 0,
            offices=tuple(_office_preview(s, o) for o in parsed.offices),
            warnings=parsed.warnings,
            imported_before=before.imported_at.strftime("%Y-%m-%d %H:%M") if before else None,
        )


def apply(ctx, parsed: ParsedWorkbook, replace: bool = False, progress=None) -> ImportPreview:
    """Store every office of a read file in one transaction.

    Scores that already exist with another value are replaced only with ``replace``; otherwise
    a Thai UserError lists them and nothing is written. ``progress(percent, text)`` hears after
    each office; when it raises (a cancelled task) the transaction rolls back.
    """
    plan = preview(ctx, parsed)
    if plan.replacements and not replace:
        raise UserError(_replacement_message(plan))
    if any(o.exists for o in plan.offices):
        ctx.db.ensure_backup("before-import")  # the CLI and the GUI alike: a copy before data is replaced
    with ctx.db.session() as s:
        source = SourceFile(file_name=plan.file_name, sha256=parsed.sha256, kind="scores")
        s.add(source)
        s.flush()
        total = len(parsed.offices)
        for n, (office, seen) in enumerate(zip(parsed.offices, plan.offices), start=1):
            row_id = _store_office(s, office, source)
            changes = (*seen.indicators, *seen.items)
            audit.record(s, "import.office", "office", row_id, office_id=row_id, year=office.year,
                         old={c.key: c.old for c in changes if c.old is not None} or None,
                         new={c.key: c.new for c in changes}, file=plan.file_name)
            if progress is not None:
                progress(100 * n // total, f"กำลังบันทึกหน่วยงานที่ {n:,} จาก {total:,}")
        audit.record(s, "import.scores", "source_file", source.id, file=plan.file_name, sha256=parsed.sha256,
                     year=plan.year, offices=len(parsed.offices), replaced=plan.replacements)
    return plan


def _store_office(s: Session, parsed: ParsedOffice, source: SourceFile) -> int:
    row = offices.find_office_row(s, parsed.org_name)
    if row is None:
        row = Office(name=parsed.org_name, kind=org_kind(parsed.org_name) or "องค์การบริหารส่วนตำบล",
                     district=parsed.district or "", province=parsed.province or "")
        s.add(row)
        s.flush()
    else:
        row.district = row.district or parsed.district or ""
        row.province = row.province or parsed.province or ""
    a = scores.get_assessment(s, row.id, parsed.year, create=True)
    scores.write_indicator_scores(s, a, parsed.indicator_scores, source)
    scores.write_item_scores(s, a, parsed.item_scores, source)
    return row.id


def _replacement_message(plan: ImportPreview) -> str:
    lines = [f"ไฟล์ {plan.file_name} จะแทนคะแนนที่มีอยู่แล้ว {plan.replacements} รายการ:"]
    for office in plan.offices:
        for c in office.replacements[:20]:
            lines.append(f"  {office.org_name} {c.key}: {c.old:.2f} → {c.new:.2f}")
    lines.append("ยืนยันการแทนค่าเดิมด้วยตัวเลือก --replace (หรือกดยืนยันในหน้าต่างนำเข้า)")
    return "\n".join(lines)


def import_file(ctx, path, org: str | None = None, year: int | None = None, replace: bool = False,
                dry_run: bool = False) -> ImportPreview:
    """Read, validate and (unless ``dry_run``) store a score file."""
    parsed = read_file(ctx, path, org, year)
    if dry_run:
        plan = preview(ctx, parsed)
        if plan.replacements and not replace:
            raise UserError(_replacement_message(plan))
        return plan
    return apply(ctx, parsed, replace)
