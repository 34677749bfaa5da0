"""Excel helpers shared by every export: Thai font, A4 fitted to width, repeated headers.

TH Sarabun PSK is named as the font (Excel on a government PC has it); where it is
missing, Excel substitutes, and Laksaman has the same metrics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ita_desktop.core import progress as progress_of
from ita_desktop.documents.thai_pdf import localize_digits
from ita_desktop.documents.wordbreak import is_combining

THAI_FONT = "TH Sarabun PSK"
# One Excel width unit is about one digit of the default font; TH Sarabun characters
# are narrower than Calibri's digits, so a Thai character needs about 0.85 of a unit at 16 pt.
_UNITS_PER_CHAR_AT_16PT = 0.85
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="E6E6E6")
# Share of the work reported while cells are filled; the rest is saving the file (measured:
# filling a 3,000-row table took 1.4 s, saving it 0.2 s).
FILL_SHARE = 0.85

Progress = Callable[[float], None]


@dataclass(frozen=True)
class SheetColumn:
    """A column: heading, optional fixed width (Excel units), horizontal alignment."""

    title: str
    width: float | None = None
    align: str = "left"


def display_length(text: str) -> int:
    """Characters that take horizontal room: Thai marks above/below the line do not count.

    ำ is kept: it joins its consonant for line breaking but has the width of า.
    """
    return sum(1 for ch in str(text) if not is_combining(ch) or ch == "\u0e33")


def estimate_width(texts: Iterable[Any], font_size: float = 16, minimum: float = 6, maximum: float = 60) -> float:
    """A column width (Excel units) for the longest line of ``texts``, clamped to [minimum, maximum]."""
    longest = max((display_length(line) for t in texts for line in str(t or "").split("\n")), default=0)
    width = longest * _UNITS_PER_CHAR_AT_16PT * font_size / 16 + 2
    return float(min(max(width, minimum), maximum))


def thai_font(size: float = 16, bold: bool = False, name: str = THAI_FONT) -> Font:
    """The document font at ``size``."""
    return Font(name=name, size=size, bold=bold)


def localize_value(value: Any, thai_digits: bool) -> Any:
    """Text cells get Thai or Arabic digits; numbers and dates stay as they are."""
    return localize_digits(value, thai_digits) if isinstance(value, str) else value


def setup_page(ws: Worksheet, landscape: bool = False, header_row: int | None = None) -> None:
    """A4, fitted to one page wide, with ``header_row`` (1-based) repeated on every printed page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"


def write_titles(ws: Worksheet, lines: list[str], ncols: int, font_size: float = 16,
                 thai_digits: bool = False) -> int:
    """Centred bold title rows merged across ``ncols`` columns; returns the next free row."""
    for row, text in enumerate(lines, start=1):
        cell = ws.cell(row=row, column=1, value=localize_value(text, thai_digits))
        cell.font = thai_font(font_size + (2 if row == 1 else 0), bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if ncols > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    return len(lines) + 1


def filling(progress: Progress | None) -> Progress:
    """The part of a workbook's ``progress`` (or the thread's) that filling its cells reports to."""
    return progress_of.part(progress, 0.0, FILL_SHARE)


def sheet_parts(progress: Progress | None, *weights: float) -> list[Progress]:
    """The filling part of ``progress`` (or the thread's) shared among sheets by ``weights`` (rows)."""
    fill = filling(progress)
    total = sum(max(w, 1) for w in weights)
    parts, start = [], 0.0
    for w in weights:
        end = start + max(w, 1) / total
        parts.append(progress_of.part(fill, start, end))
        start = end
    return parts


def save_workbook(wb: Workbook, path: str | Path, progress: Progress | None = None) -> Path:
    """Save ``wb`` under a temporary name renamed to ``path`` only when complete.

    ``progress`` (or the thread's) hears the saving part row by row; when it raises, no file is
    left and an earlier file named ``path`` is unchanged.
    """
    report = progress_of.part(progress, FILL_SHARE, 1.0)
    report(0.0)
    with progress_of.atomic_target(path) as tmp:
        _save_reporting(wb, tmp, report)
        report(1.0)
    return Path(path)


def _save_reporting(wb: Workbook, path: Path, report: Progress) -> None:
    """``wb.save(path)``, telling ``report`` after each row written (openpyxl 3.1's writer)."""
    import datetime
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    if wb.write_only or not hasattr(ExcelWriter, "write_worksheet"):
        wb.save(path)
        return
    counter = progress_of.Counter(report, sum(ws.max_row for ws in wb.worksheets))

    class RowWriter(WorksheetWriter):
        def write_row(self, xf, row, row_idx):
            super().write_row(xf, row, row_idx)
            counter.step()

    class Writer(ExcelWriter):
        def write_worksheet(self, ws):  # as openpyxl 3.1's, with RowWriter
            from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = RowWriter(ws)
            try:
                writer.write()
            except BaseException:  # stopped: the row file in the temporary folder goes too
                writer.xf.close()
                writer.cleanup()
                raise
            ws._rels = writer._rels
            self._archive.write(writer.out, ws.path[1:])
            self.manifest.append(ws)
            writer.cleanup()

    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        wb.properties.modified = datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
        Writer(wb, archive).save()


def write_table(ws: Worksheet, columns: list[SheetColumn], rows: list[list[Any]], title_lines: list[str] = (),
                font_size: float = 14, thai_digits: bool = False, landscape: bool = False,
                progress: Progress | None = None) -> None:
    """Titles, a bold bordered header row (frozen, repeated when printed) and wrapped data rows.

    ``progress`` (or the thread's) hears the fraction of rows written."""
    counter = progress_of.Counter(progress, len(rows))
    header_row = write_titles(ws, list(title_lines), len(columns), font_size, thai_digits)
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=col, value=localize_value(column.title, thai_digits))
        cell.font = thai_font(font_size, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border, cell.fill = BORDER, HEADER_FILL
    for r, values in enumerate(rows, start=header_row + 1):
        for col, (value, column) in enumerate(zip(values, columns), start=1):
            cell = ws.cell(row=r, column=col, value=localize_value(value, thai_digits))
            cell.font = thai_font(font_size)
            cell.alignment = Alignment(horizontal=column.align, vertical="top", wrap_text=True)
            cell.border = BORDER
        counter.step()
    widths = []
    for col, column in enumerate(columns, start=1):
        texts = [column.title] + [row[col - 1] for row in rows if col - 1 < len(row)]
        widths.append(column.width or estimate_width(texts, font_size))
        ws.column_dimensions[get_column_letter(col)].width = widths[-1]
    # Excel does not grow rows for wrapped text in files it did not write itself.
    for r, values in enumerate(rows, start=header_row + 1):
        texts = ["" if v is None else str(v) for v in values]
        ws.row_dimensions[r].height = row_height_for(texts, widths, font_size)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    setup_page(ws, landscape, header_row)


def table_workbook(path: str | Path, sheet_title: str, columns: list[SheetColumn], rows: list[list[Any]],
                   title_lines: list[str] = (), font_size: float = 14, thai_digits: bool = False,
                   landscape: bool = False, progress: Progress | None = None) -> Path:
    """Write a one-sheet workbook with :func:`write_table`; return the path."""
    progress = progress or progress_of.current()
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title[:31]
    write_table(ws, columns, rows, title_lines, font_size, thai_digits, landscape, progress=filling(progress))
    return save_workbook(wb, path, progress)


def row_height_for(texts: list[str], widths: list[float], font_size: float = 14) -> float:
    """Row height (points) that shows every wrapped line of ``texts`` in columns of ``widths``."""
    lines = 1
    for text, width in zip(texts, widths):
        chars_per_line = max(width / (_UNITS_PER_CHAR_AT_16PT * font_size / 16), 1)
        lines = max(lines, sum(math.ceil(max(display_length(p), 1) / chars_per_line) for p in str(text).split("\n")))
    return lines * font_size * 1.35
