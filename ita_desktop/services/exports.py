"""Exporting scores to Excel in the layout the importer reads back.

``progress`` (a fraction callable, :mod:`ita_desktop.core.progress`) hears how far an export has
come, reading and then writing; when it raises, the export stops and leaves no file."""

from __future__ import annotations

from pathlib import Path

from ita_desktop.core import progress as progress_of

from ita_desktop.documents.scores_xlsx import (
    IndicatorScore,
    ItemScore,
    OfficeScores,
    write_office_scores_xlsx,
    write_year_scores_xlsx,
)

from . import criteria, offices, scores
from .errors import UserError


def office_scores(ctx, office_id: int, year: int) -> OfficeScores:
    """One office-year as the plain data the Excel writer takes."""
    catalog = criteria.get_criteria(ctx, year)
    office = offices.get_office(ctx, office_id)
    stored = scores.load_scores(ctx, office_id, year)
    return OfficeScores(
        org_name=office.name, district=office.district or None, province=office.province or None, year=year,
        indicators=tuple(IndicatorScore(i.number, i.name, stored.indicators.get(i.number), i.tool)
                         for i in catalog.indicators),
        items=tuple(ItemScore(i.code, i.text, stored.items[i.code], i.indicator)
                    for i in catalog.items if i.code in stored.items),
    )


def _check_target(path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"ไฟล์ผลลัพธ์ '{path}' ต้องลงท้ายด้วย .xlsx")
    if not path.parent.exists():
        raise UserError(f"ไม่พบโฟลเดอร์ '{path.parent}' สำหรับบันทึกไฟล์")
    return path


# Share of an export spent reading the scores from the database (the rest writes the workbook).
READ_SHARE = 0.3


def export_office_year(ctx, office_id: int, year: int, path: str | Path,
                       progress: progress_of.Progress | None = None) -> Path:
    target = _check_target(path)
    progress = progress_of.resolve(progress)
    progress(0.0)
    data = office_scores(ctx, office_id, year)
    progress(READ_SHARE)
    return write_office_scores_xlsx(data, target, progress_of.part(progress, READ_SHARE, 1.0))


def export_year(ctx, year: int, path: str | Path, progress: progress_of.Progress | None = None) -> Path:
    """All offices with scores in ``year`` on one provincial-style sheet."""
    ids = scores.offices_with_scores(ctx, year)
    if not ids:
        raise UserError(f"ยังไม่มีหน่วยงานที่มีคะแนนในปีงบประมาณ {year}")
    target = _check_target(path)
    reading = progress_of.Counter(progress_of.part(progress, 0.0, READ_SHARE), len(ids))
    data = []
    for oid, _ in ids:
        data.append(office_scores(ctx, oid, year))
        reading.step()
    return write_year_scores_xlsx(data, target, progress_of.part(progress, READ_SHARE, 1.0))
