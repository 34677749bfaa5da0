"""Table reports: title, subtitle lines, a Thai table with repeated header rows, page numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape as landscape_of
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageTemplate, Spacer, Table, TableStyle

from ita_desktop.core import progress as progress_of
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
            report = getattr(self, "page_progress", None) or (lambda fraction: None)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width = self._pagesize[0]
                draw_text(self, width / 2, 1.0 * cm, page_number_text(number, total, thai_digits), 14,
                          align="center")
                Canvas.showPage(self)
                report(number / total)
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


# Share of the work reported while flowables are laid out; the rest is writing the pages out.
LAYOUT_SHARE = 0.85


def _weight(flowable) -> int:
    """Work units of a flowable: a table counts its rows, anything else one."""
    return max(int(getattr(flowable, "_nrows", 1) or 1), 1)


class ProgressDocTemplate(BaseDocTemplate):
    """A doc template that reports progress per flowable (a table per row) and per page written,
    and writes its file under a temporary name renamed only when complete.

    ``progress`` (a fraction callable, see :mod:`ita_desktop.core.progress`) defaults to the
    one set for the thread; when it raises (ยกเลิก), no file is left and an earlier file of the
    same name is unchanged.
    """

    def __init__(self, filename, progress: Callable[[float], None] | None = None, **kwargs):
        super().__init__(filename, **kwargs)
        self.progress = progress

    def build(self, flowables, filename=None, canvasmaker=Canvas):
        report = progress_of.monotonic(self.progress or progress_of.current())
        self._layout_progress = progress_of.part(report, 0.0, LAYOUT_SHARE)
        self._write_progress = progress_of.part(report, LAYOUT_SHARE, 1.0)
        self._units_total = sum(_weight(f) for f in flowables) or 1
        self._units_done = 0
        self._story = flowables  # handle_flowable also takes the page's hanging flowables: not counted
        report(0.0)
        target = filename or self.filename
        if not isinstance(target, (str, Path)):
            super().build(flowables, filename, canvasmaker)
        else:
            with progress_of.atomic_target(target) as tmp:
                super().build(flowables, str(tmp), canvasmaker)

    def handle_flowable(self, flowables):
        if flowables is not getattr(self, "_story", None):
            return super().handle_flowable(flowables)
        first, before = flowables[0], len(flowables)
        super().handle_flowable(flowables)
        # A split puts its parts back at the front in place of the first flowable.
        added = flowables[:max(len(flowables) - (before - 1), 0)]
        self._units_done += _weight(first) - sum(_weight(f) for f in added)
        self._layout_progress(self._units_done / self._units_total)

    def _endBuild(self):
        self._layout_progress(1.0)
        self.canv.page_progress = self._write_progress
        super()._endBuild()
        self._write_progress(1.0)  # written to the temporary name; ยกเลิก still leaves no file


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
             on_later_pages=None, progress: Callable[[float], None] | None = None) -> ProgressDocTemplate:
    """A doc template whose text area is exactly the page minus ``margins`` (left, right, top, bottom).

    Frames get no padding, so a 3 cm margin measures 3 cm on paper. ``progress`` hears the
    fraction done while it builds (see :class:`ProgressDocTemplate`).
    """
    left, right, top, bottom = margins
    doc = ProgressDocTemplate(str(path), pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
                              bottomMargin=bottom, title=title, initialFontName=font_name(), progress=progress)
    frame = Frame(left, bottom, doc.width, doc.height, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    templates = [PageTemplate("First", [frame], autoNextPageTemplate="Later")]
    templates.append(PageTemplate("Later", [frame], onPage=on_later_pages or (lambda canvas, doc: None)))
    doc.addPageTemplates(templates)
    return doc


def build_table_report(path: str | Path, title: str, subtitle_lines: list[str], columns: list[Column | str],
                       rows: list[list[str]], landscape: bool = False, thai_digits: bool = True,
                       progress: Callable[[float], None] | None = None) -> Path:
    """Write a PDF report: centred title and subtitles, then the table; pages numbered."""
    register_fonts()
    pagesize = landscape_of(A4) if landscape else A4
    doc = page_doc(path, pagesize, (2 * cm, 2 * cm, 1.5 * cm, 2 * cm), title, progress=progress)
    story = [ThaiParagraph(localize_digits(title, thai_digits), TITLE_STYLE)]
    story += [ThaiParagraph(localize_digits(s, thai_digits), SUBTITLE_STYLE) for s in subtitle_lines]
    story += [Spacer(1, 8), thai_table(columns, rows, doc.width, thai_digits)]
    doc.build(story, canvasmaker=numbered_canvas(thai_digits))
    return Path(path)
