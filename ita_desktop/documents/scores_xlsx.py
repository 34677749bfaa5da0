"""Export ITA scores to Excel in the layout the importer reads back to the same numbers.

Pure functions of plain data and an output path. One office-year uses the template's
layout (a labelled title block, an indicator sheet and an item sheet); all offices of a year
use one row per office with a column per indicator, and a long sheet of item scores.
Excel keeps 15 significant digits, so a score such as 90.63 comes back exactly, while a
long computed mean comes back as Excel holds it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from ita_desktop.core import progress as progress_of
from ita_desktop.core.progress import Progress
from ita_desktop.documents.xlsx import filling, save_workbook
from ita_desktop.importers import layout


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator's score; ``score`` None leaves the cell blank."""

    number: int
    name: str
    score: float | None
    tool: str = ""


@dataclass(frozen=True)
class ItemScore:
    """One question item's score, with the question text of that year."""

    code: str
    text: str
    score: float | None
    indicator: int | None = None


@dataclass(frozen=True)
class OfficeScores:
    """Everything exported for one office and one fiscal year."""

    org_name: str
    district: str | None
    province: str | None
    year: int
    indicators: tuple[IndicatorScore, ...] = ()
    items: tuple[ItemScore, ...] = ()


def write_office_scores_xlsx(office: OfficeScores, path: str | os.PathLike,
                             progress: Progress | None = None) -> Path:
    """Write one office-year to ``path`` (sheets คะแนนตัวชี้วัด and คะแนนข้อคำถาม).

    ``progress`` (or the thread's) hears the fraction done; when it raises no file is left."""
    counter = progress_of.Counter(filling(progress), len(office.indicators) + len(office.items))
    wb = Workbook()
    ws = wb.active
    ws.title = layout.SHEET_INDICATORS
    header_row = layout.write_title_block(ws, layout.TitleBlock(
        f"ผลคะแนนการประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. {office.year}",
        office.org_name, office.district, office.province, office.year))
    layout.write_header(ws, header_row, layout.INDICATOR_HEADER, (12, 22, 44, 12))
    for row, ind in enumerate(sorted(office.indicators, key=lambda i: i.number), header_row + 1):
        _put(ws, row, (ind.number, ind.tool, ind.name, ind.score))
        counter.step()
    items = wb.create_sheet(layout.SHEET_ITEMS)
    items.cell(1, 1, f"คะแนนรายข้อคำถาม ปีงบประมาณ พ.ศ. {office.year}")
    layout.write_header(items, 3, layout.ITEM_HEADER, (10, 12, 80, 12))
    for row, item in enumerate(office.items, 4):
        _put(items, row, (item.code, item.indicator, item.text, item.score))
        counter.step()
    return _save(wb, path, progress)


def write_year_scores_xlsx(offices: Sequence[OfficeScores], path: str | os.PathLike,
                           progress: Progress | None = None) -> Path:
    """Write every office of one fiscal year to ``path``: one row per office, then item scores.

    Raises ValueError when the offices are of different years (a programming error: the
    caller chooses one year).
    """
    years = {o.year for o in offices}
    if len(years) > 1:
        raise ValueError(f"offices of several years: {sorted(years)}")
    year = years.pop() if years else None
    counter = progress_of.Counter(filling(progress), len(offices) + sum(len(o.items) for o in offices))
    wb = Workbook()
    ws = wb.active
    ws.title = layout.SHEET_INDICATORS
    _wide_sheet(ws, offices, year, counter)
    _long_item_sheet(wb.create_sheet(layout.SHEET_ITEMS), offices, year, counter)
    return _save(wb, path, progress)


def _indicator_columns(offices: Sequence[OfficeScores]) -> list[tuple[int, str]]:
    names: dict[int, str] = {}
    for office in offices:
        for ind in office.indicators:
            names.setdefault(ind.number, ind.name)
    return sorted(names.items())


def _wide_sheet(ws, offices: Sequence[OfficeScores], year: int | None, counter: progress_of.Counter) -> None:
    ws.cell(1, 1, f"ผลคะแนนการประเมิน ITA รายหน่วยงาน ปีงบประมาณ พ.ศ. {year or ''}".strip())
    ws.cell(2, 1, layout.LABEL_YEAR)
    ws.cell(2, 2, year)
    columns = _indicator_columns(offices)
    header = layout.WIDE_FIXED_HEADER + tuple(f"ตัวชี้วัดที่ {n} {name}" for n, name in columns)
    layout.write_header(ws, 4, header, (8, 40, 18, 14) + (14,) * len(columns))
    for row, office in enumerate(offices, 5):
        scores = {i.number: i.score for i in office.indicators}
        _put(ws, row, (row - 4, office.org_name, office.district, office.province,
                       *(scores.get(n) for n, _ in columns)))
        counter.step()


def _long_item_sheet(ws, offices: Sequence[OfficeScores], year: int | None, counter: progress_of.Counter) -> None:
    ws.cell(1, 1, f"คะแนนรายข้อคำถาม รายหน่วยงาน ปีงบประมาณ พ.ศ. {year or ''}".strip())
    layout.write_header(ws, 3, layout.LONG_ITEM_HEADER, (40, 18, 14, 10, 70, 12))
    row = 4
    for office in offices:
        for item in office.items:
            _put(ws, row, (office.org_name, office.district, office.province, item.code, item.text, item.score))
            row += 1
            counter.step()


def _put(ws, row: int, values: tuple) -> None:
    for col, value in enumerate(values, 1):
        if value is not None and value != "":
            ws.cell(row, col, value)


def _save(wb: Workbook, path: str | os.PathLike, progress: Progress | None = None) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    return save_workbook(wb, out, progress)
