"""The measures document (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) as PDF and Excel,
in seed 001's layout (issue, responsible, steps, reporting and deadline) or seed 002's (issue,
measure, action/report, responsible, period). Pure functions of plain data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ita_desktop.core.progress import Progress
from ita_desktop.documents.report import Column
from ita_desktop.documents.xlsx import SheetColumn

LAYOUTS = ("001", "002")

COLUMNS = {
    "001": (Column("ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา", 2.6), Column("ผู้รับผิดชอบ", 1.5),
            Column("ขั้นตอนหรือวิธีการ/มาตรการ", 3.0),
            Column("การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ", 2.6)),
    "002": (Column("ประเด็นที่ต้องพัฒนา", 2.4), Column("มาตรการ/ขั้นตอน/วิธีการปฏิบัติ", 3.0),
            Column("การดำเนินการ /รายงาน", 2.6), Column("ผู้รับผิดชอบ", 1.4), Column("ระยะเวลาดำเนินการ", 1.3)),
}
XLSX_WIDTHS = {"001": (40, 22, 50, 40), "002": (36, 50, 40, 20, 20)}


@dataclass(frozen=True)
class MeasureDocRow:
    """One measure as printed; ``issue`` already carries the item code or indicator."""

    issue: str
    measure: str
    steps: str
    reporting: str
    responsible: str
    period: str  # the period or deadline as text (Buddhist-era dates)
    group: str = ""  # seed 001 prints a table per indicator under this heading (lines split by \n)


@dataclass(frozen=True)
class MeasuresDocument:
    title_lines: tuple[str, ...]
    intro: str
    rows: tuple[MeasureDocRow, ...]
    layout: str = "001"
    thai_digits: bool = True


def _check(layout: str) -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"รูปแบบเอกสารมาตรการ '{layout}' ไม่รู้จัก (มีได้: {', '.join(LAYOUTS)})")
    return layout


def _lines(*texts: str) -> str:
    return "\n".join(t.strip() for t in texts if t and t.strip())


def table_rows(doc: MeasuresDocument) -> list[list[str]]:
    """The cells of the measure table in the document's layout."""
    if _check(doc.layout) == "001":
        return [[r.issue, r.responsible, _lines(r.measure, r.steps), _lines(r.reporting, r.period)]
                for r in doc.rows]
    return [[r.issue, _lines(r.measure, r.steps), r.reporting, r.responsible, r.period] for r in doc.rows]


def groups(doc: MeasuresDocument) -> list[tuple[str, list[list[str]]]]:
    """Consecutive rows under the same heading: seed 001 has one table per indicator; seed 002 one table."""
    rows = table_rows(doc)
    if doc.layout != "001":
        return [("", rows)]
    found: list[tuple[str, list[list[str]]]] = []
    for source, cells in zip(doc.rows, rows):
        if not found or found[-1][0] != source.group:
            found.append((source.group, []))
        found[-1][1].append(cells)
    return found


def build_measures_pdf(doc: MeasuresDocument, path: str | Path, progress: Progress | None = None) -> Path:
    """Landscape A4: title lines, intro paragraph, the measure table(s) (header row on every page)."""
    from ita_desktop.documents.results_report import BODY_WIDTH, build_story_pdf, fit_columns

    # fitted once over every row, so that the tables of all indicators have the same columns
    columns = fit_columns(list(COLUMNS[_check(doc.layout)]), table_rows(doc), BODY_WIDTH, doc.thai_digits)
    return build_story_pdf(path, doc.title_lines, [(doc.intro,)] if doc.intro else [],
                           [(columns, rows, heading) for heading, rows in groups(doc)], doc.thai_digits,
                           progress=progress)


def build_measures_xlsx(doc: MeasuresDocument, path: str | Path, progress: Progress | None = None) -> Path:
    """The same table as one Excel sheet (header row frozen and repeated when printed)."""
    from ita_desktop.documents.xlsx import table_workbook

    columns = [SheetColumn(c.title, w) for c, w in zip(COLUMNS[_check(doc.layout)], XLSX_WIDTHS[doc.layout])]
    return table_workbook(path, "มาตรการ", columns, table_rows(doc), list(doc.title_lines), 14,
                          doc.thai_digits, landscape=True, progress=progress)
