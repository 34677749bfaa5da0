"""Table reports: title, subtitle lines, a Thai table with repeated header rows, page numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape as landscape_of
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageTemplate, Spacer, Table, TableStyle

from ita_desktop.core.digits import digits
from ita_desktop.documents.fonts import font_name, register_fonts
from ita_desktop.documents.shaping import draw_words, shape, PlacedWord
from ita_desktop.documents.thai_pdf import TextStyle, ThaiParagraph, localize_digits

TITLE_STYLE = TextStyle(size=18, bold=True, align="center")
SUBTITLE_STYLE = TextStyle(size=16, bold=True, align="center")
CELL_STYLE = TextStyle(size=14, leading=17.5)
HEADER_STYLE = CELL_STYLE.derive(bold=True, align="center")


@dataclass(frozen=True)
class Column:
    """A table column: its heading, relative width and cell alignment."""

    title: str
    weight: float = 1.0
    align: str = "left"


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float = 14,
              bold: bool = False, align: str = "left") -> float:
    """Draw one shaped line of ``text`` with its baseline at ``y``; return its width."""
    word = shape(text, font_name(bold=bold))
    width = word.width(size)
    left = {"left": x, "center": x - width / 2, "right": x - width}[align]
    draw_words(canvas, [PlacedWord(word, size, left, y)])
    return width


def page_number_text(page: int, total: int, thai_digits: bool = True) -> str:
    """``'หน้า ๑ / ๓'``."""
    return digits(f"หน้า {page} / {total}", thai_digits)


def numbered_canvas(thai_digits: bool = True):
    """A canvas class that writes ``หน้า n / total`` at the foot of every page."""

    class NumberedCanvas(Canvas):
        """Keeps every page until ``save`` so that the total page count is known."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font_name()
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                draw_text(self, width / 2, 1.0 * cm, page_number_text(number, total, thai_digits), 14,
                          align="center")
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class ContinuedTable(Table):
    """A Table whose part after a page split always starts on the next page.

    reportlab splits between rows when it can; the remainder would then be placed
    in the space left on the same page, splitting a row there under a repeated
    header in mid-page.
    """

    def split(self, avail_width, avail_height):
        parts = super().split(avail_width, avail_height)
        if len(parts) != 2:
            return parts
        _, used = parts[0].wrap(avail_width, avail_height)
        return [parts[0], CondPageBreak(avail_height - used + 1), parts[1]]


def cell(text: str, style: TextStyle = CELL_STYLE, thai_digits: bool = True) -> ThaiParagraph:
    """A wrapping table cell."""
    return ThaiParagraph(localize_digits(str(text), thai_digits), style)


def thai_table(columns: list[Column | str], rows: list[list[str]], width: float,
               thai_digits: bool = True, header_rows: int = 1) -> Table:
    """A reportlab Table of wrapping Thai cells whose header row repeats on every page.

    ``columns`` are Column objects or plain titles (equal widths, left aligned).
    """
    columns = [Column(c) if isinstance(c, str) else c for c in columns]
    total = sum(c.weight for c in columns)
    widths = [width * c.weight / total for c in columns]
    # Cells are lists of flowables: reportlab splits a tall row only through list cells
    # (a bare flowable cell would be emptied by the split).
    header = [[cell(c.title, HEADER_STYLE, thai_digits)] for c in columns]
    body = [[[cell(v, CELL_STYLE.derive(align=c.align), thai_digits)] for v, c in zip(row, columns)]
            for row in rows]
    table = ContinuedTable([header] + body, colWidths=widths, repeatRows=header_rows, splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def page_doc(path: str | Path, pagesize, margins: tuple[float, float, float, float], title: str,
             on_later_pages=None) -> BaseDocTemplate:
    """A doc template whose text area is exactly the page minus ``margins`` (left, right, top, bottom).

    Frames get no padding, so a 3 cm margin measures 3 cm on paper.
    """
    left, right, top, bottom = margins
    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, title=title, initialFontName=font_name())
    frame = Frame(left, bottom, doc.width, doc.height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    templates = [PageTemplate("First", [frame], autoNextPageTemplate="Later")]
    templates.append(PageTemplate("Later", [frame], onPage=on_later_pages or (lambda canvas, doc: None)))
    doc.addPageTemplates(templates)
    return doc


def build_table_report(path: str | Path, title: str, subtitle_lines: list[str], columns: list[Column | str],
                       rows: list[list[str]], landscape: bool = False, thai_digits: bool = True) -> Path:
    """Write a PDF report: centred title and subtitles, then the table; pages numbered."""
    register_fonts()
    pagesize = landscape_of(A4) if landscape else A4
    doc = page_doc(path, pagesize, (2 * cm, 2 * cm, 1.5 * cm, 2 * cm), title)
    story = [ThaiParagraph(localize_digits(title, thai_digits), TITLE_STYLE)]
    story += [ThaiParagraph(localize_digits(s, thai_digits), SUBTITLE_STYLE) for s in subtitle_lines]
    story += [Spacer(1, 8), thai_table(columns, rows, doc.width, thai_digits)]
    doc.build(story, canvasmaker=numbered_canvas(thai_digits))
    return Path(path)
