"""The report of the measures carried out (รายงานผลการดำเนินการ) as PDF and Excel, in seed
000's layout (indicator table with the issue to develop; 7-column table; summary) or seed 003's
(6-column table). Pure functions of plain data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Spacer

from ita_desktop.core import progress as progress_of
from ita_desktop.core.progress import Progress
from ita_desktop.documents.fonts import register_fonts
from ita_desktop.documents.report import (
    CELL_STYLE,
    HEADER_STYLE,
    SUBTITLE_STYLE,
    TITLE_STYLE,
    Column,
    numbered_canvas,
    page_doc,
    thai_table,
)
from ita_desktop.documents.thai_pdf import TextStyle, ThaiParagraph, localize_digits
from ita_desktop.documents.xlsx import SheetColumn

LAYOUTS = ("000", "003")
BODY_STYLE = TextStyle(size=16, align="left", first_indent=2.5 * cm, space_after=4)
HEADING_STYLE = TextStyle(size=16, bold=True, space_before=8, space_after=4)
GROUP_STYLE = TextStyle(size=16, bold=True, space_before=8, space_after=2)

INDICATOR_COLUMNS = (Column("ตัวชี้วัดที่", 0.8, "center"), Column("รายละเอียดตัวชี้วัด", 2.6),
                     Column("คะแนน", 0.9, "center"), Column("ประเด็นที่นำไปใช้พัฒนา", 5.0))
COLUMNS = {
    "000": (Column("ลำดับ", 0.8, "center"), Column("มาตรการ/โครงการ/กิจกรรม", 2.0),
            Column("ขั้นตอนหรือวิธีการปฏิบัติ", 2.8), Column("ช่วงระยะเวลาดำเนินการ", 1.3),
            Column("ผู้รับผิดชอบ", 1.4), Column("ผลการดำเนินการ (Output)", 2.0),
            Column("ผลลัพธ์/ผลสัมฤทธิ์ (Outcome/Result)", 2.2)),
    "003": (Column("มาตรการหรือกิจกรรม", 2.2), Column("วิธีดำเนินการ", 2.6), Column("ผู้รับผิดชอบ", 1.3),
            Column("ระยะเวลา", 1.3), Column("สรุปผลการดำเนินการตาม มาตรการ/กิจกรรม", 2.6),
            Column("ผลลัพธ์หรือความสำเร็จของการดำเนินการ", 2.6)),
}
XLSX_WIDTHS = {"000": (7, 30, 42, 18, 22, 32, 34), "003": (32, 38, 18, 18, 38, 38)}


@dataclass(frozen=True)
class IndicatorIssue:
    number: int
    name: str
    score: str  # as printed, e.g. "85.95" or "-"
    issue: str


@dataclass(frozen=True)
class ResultDocRow:
    measure: str
    steps: str
    period: str
    responsible: str
    output: str
    outcome: str


@dataclass(frozen=True)
class ResultsDocument:
    title_lines: tuple[str, ...]
    intro_paragraphs: tuple[str, ...]
    rows: tuple[ResultDocRow, ...]
    indicators: tuple[IndicatorIssue, ...] = ()
    summary_paragraphs: tuple[str, ...] = ()
    layout: str = "000"
    thai_digits: bool = True


def _check(layout: str) -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"รูปแบบรายงานผล '{layout}' ไม่รู้จัก (มีได้: {', '.join(LAYOUTS)})")
    return layout


def table_rows(doc: ResultsDocument) -> list[list[str]]:
    """The cells of the result table in the document's layout."""
    if _check(doc.layout) == "000":
        return [[str(n), r.measure, r.steps, r.period, r.responsible, r.output, r.outcome]
                for n, r in enumerate(doc.rows, start=1)]
    return [[f"{n}. {r.measure}", r.steps, r.responsible, r.period, r.output, r.outcome]
            for n, r in enumerate(doc.rows, start=1)]


def indicator_rows(doc: ResultsDocument) -> list[list[str]]:
    return [[str(i.number), i.name, i.score, i.issue] for i in doc.indicators]


SIDE_MARGIN = 1.5 * cm
BODY_WIDTH = landscape(A4)[0] - 2 * SIDE_MARGIN  # the width of every table
CELL_PADDING = 6.5  # left + right padding of a table cell (report.thai_table) and a little room
MAX_WORD_SHARE = 0.4  # a longer unbreakable word (a web address) is cut rather than widen its column more


def _widest_word(texts, style, thai_digits: bool) -> float:
    from ita_desktop.documents.shaping import shape
    from ita_desktop.documents.wordbreak import word_units

    # Words, not the terms kept whole: a term wider than its column is cut between its words.
    widest = 0.0
    for text in texts:
        for line in localize_digits(str(text), thai_digits).split("\n"):
            for unit in word_units(line):
                if not unit.isspace():
                    widest = max(widest, shape(unit.strip(), style.font).width(style.size))
    return widest


def fit_columns(columns: list[Column], rows: list[list[str]], width: float, thai_digits: bool = True) -> list[Column]:
    """The columns with weights changed so that no word is wider than its column (a word would
    otherwise be cut inside); the room comes from columns with more than they need."""
    total = sum(c.weight for c in columns)
    widths = [width * c.weight / total for c in columns]
    needs = [min(max(_widest_word([c.title], HEADER_STYLE, thai_digits),
                     _widest_word([r[i] for r in rows if i < len(r)], CELL_STYLE, thai_digits)) + CELL_PADDING,
                 width * MAX_WORD_SHARE) for i, c in enumerate(columns)]
    if sum(needs) > width or all(w >= n for w, n in zip(widths, needs)):
        return list(columns)
    short = sum(max(n - w, 0) for w, n in zip(widths, needs))
    spare = [max(w - n, 0) for w, n in zip(widths, needs)]
    new = [max(w, n) - (short * sp / sum(spare) if sum(spare) else 0) for w, n, sp in zip(widths, needs, spare)]
    return [Column(c.title, w, c.align) for c, w in zip(columns, new)]


def build_story_pdf(path: str | Path, title_lines, intro: list[tuple[str, ...]], tables, thai_digits: bool = True,
                    summary: tuple[str, ...] = (), summary_heading: str = "", progress: Progress | None = None) -> Path:
    """Landscape A4 with page numbers: centred titles, paragraphs, tables (headers repeated), summary.

    ``tables`` holds (columns, rows) or (columns, rows, heading); a heading's lines are printed
    bold above its table and kept on the page with the table's first rows."""
    register_fonts()
    doc = page_doc(path, landscape(A4), (SIDE_MARGIN, SIDE_MARGIN, 1.5 * cm, 1.8 * cm), title_lines[0] if title_lines else "",
                   progress=progress)
    local = lambda text: localize_digits(text, thai_digits)  # noqa: E731
    story = [ThaiParagraph(local(title_lines[0]), TITLE_STYLE)] if title_lines else []
    story += [ThaiParagraph(local(t), SUBTITLE_STYLE) for t in title_lines[1:]]
    story.append(Spacer(1, 8))
    for block in intro:
        story += [ThaiParagraph(local(p), BODY_STYLE) for p in block]
    for columns, rows, *heading in tables:
        lines = [t for t in (heading[0] if heading else "").split("\n") if t.strip()]
        block = [ThaiParagraph(local(t), GROUP_STYLE) for t in lines]
        story += [CondPageBreak(4 * cm), *block] if block else [Spacer(1, 6)]
        story.append(thai_table(fit_columns(columns, rows, doc.width, thai_digits), rows, doc.width, thai_digits))
    if summary:
        story.append(ThaiParagraph(local(summary_heading), HEADING_STYLE))
        story += [ThaiParagraph(local(p), BODY_STYLE) for p in summary]
    doc.build(story, canvasmaker=numbered_canvas(thai_digits))
    return Path(path)


def build_results_pdf(doc: ResultsDocument, path: str | Path, progress: Progress | None = None) -> Path:
    tables = []
    if _check(doc.layout) == "000" and doc.indicators:
        tables.append((list(INDICATOR_COLUMNS), indicator_rows(doc)))
    tables.append((list(COLUMNS[doc.layout]), table_rows(doc)))
    return build_story_pdf(path, doc.title_lines, [doc.intro_paragraphs] if doc.intro_paragraphs else [], tables,
                           doc.thai_digits, doc.summary_paragraphs, "สรุปผลการดำเนินการ", progress=progress)


def build_results_xlsx(doc: ResultsDocument, path: str | Path, progress: Progress | None = None) -> Path:
    """The result table on the first sheet; seed 000's indicator table on a second sheet when present."""
    from openpyxl import Workbook

    from ita_desktop.documents.xlsx import save_workbook, sheet_parts, write_table

    progress = progress or progress_of.current()
    rows, indicators = table_rows(doc), (indicator_rows(doc) if doc.layout == "000" and doc.indicators else [])
    rows_part, indicators_part = sheet_parts(progress, len(rows), len(indicators))
    wb = Workbook()
    ws = wb.active
    ws.title = "ผลการดำเนินการ"
    columns = [SheetColumn(c.title, w) for c, w in zip(COLUMNS[_check(doc.layout)], XLSX_WIDTHS[doc.layout])]
    write_table(ws, columns, rows, list(doc.title_lines), 14, doc.thai_digits, landscape=True, progress=rows_part)
    if indicators:
        widths = (10, 30, 10, 70)
        write_table(wb.create_sheet("ตัวชี้วัด"), [SheetColumn(c.title, w) for c, w in zip(INDICATOR_COLUMNS, widths)],
                    indicators, list(doc.title_lines[:1]), 14, doc.thai_digits, landscape=True,
                    progress=indicators_part)
    if doc.summary_paragraphs:
        summary = wb.create_sheet("สรุปผล")
        summary.column_dimensions["A"].width = 120
        from openpyxl.styles import Alignment

        from ita_desktop.documents.xlsx import localize_value, thai_font
        for n, text in enumerate(("สรุปผลการดำเนินการ", *doc.summary_paragraphs), start=1):
            cell = summary.cell(row=n, column=1, value=localize_value(text, doc.thai_digits))
            cell.font, cell.alignment = thai_font(16, bold=n == 1), Alignment(wrap_text=True, vertical="top")
    return save_workbook(wb, path, progress)
