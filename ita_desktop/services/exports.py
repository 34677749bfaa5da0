"""Exporting scores to Excel in the layout the importer reads back."""

from __future__ import annotations

from pathlib import Path

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


def export_office_year(ctx, office_id: int, year: int, path: str | Path) -> Path:
    return write_office_scores_xlsx(office_scores(ctx, office_id, year), _check_target(path))


def export_year(ctx, year: int, path: str | Path) -> Path:
    """All offices with scores in ``year`` on one provincial-style sheet."""
    ids = scores.offices_with_scores(ctx, year)
    if not ids:
        raise UserError(f"ยังไม่มีหน่วยงานที่มีคะแนนในปีงบประมาณ {year}")
    return write_year_scores_xlsx([office_scores(ctx, oid, year) for oid, _ in ids], _check_target(path))
