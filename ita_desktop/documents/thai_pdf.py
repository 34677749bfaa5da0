"""Thai paragraphs for reportlab: word-boundary line breaking, shaping, left/justified/centred.

``ThaiParagraph`` is a platypus Flowable (usable in frames and table cells); the
line breaker is exposed as :func:`layout_lines` so tests and other flowables
(memo label lines) can use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from ita_desktop.core.digits import digits
from ita_desktop.documents.fonts import font_name
from ita_desktop.documents.shaping import PlacedWord, ShapedWord, draw_words, shape
from ita_desktop.documents.wordbreak import break_units, word_units

# Extra space per cluster when justifying; above ~0.1 em extraction tools see a word gap.
MAX_CLUSTER_GAP_EM = 0.06
# Extra space per space character; gaps over ~1.3 em make pdftotext split a line into columns.
MAX_SPACE_GAP_EM = 0.8
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:go|co|or|ac|in)\.th\S*")


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph looks. Lengths in points."""

    size: float = 16
    bold: bool = False
    align: str = "left"  # left, justify, center, right
    leading: float | None = None  # default 1.3 x size: room for stacked tone marks
    first_indent: float = 0
    left_indent: float = 0
    right_indent: float = 0
    space_before: float = 0
    space_after: float = 0
    bullet: str = ""  # drawn at bullet_indent on the first line; the text keeps its indents
    bullet_indent: float = 0

    @property
    def font(self) -> str:
        """The registered font name of this style's face."""
        return font_name(bold=self.bold)

    @property
    def line_height(self) -> float:
        """Baseline-to-baseline distance in points."""
        return self.leading or self.size * 1.3

    def derive(self, **changes) -> "TextStyle":
        """A copy with some fields changed."""
        return replace(self, **changes)


def localize_digits(text: str, thai: bool) -> str:
    """Digits in Thai or Arabic, leaving web addresses and e-mail addresses as written."""
    parts, last = [], 0
    for match in _URL_OR_EMAIL.finditer(text):
        parts.append(digits(text[last:match.start()], thai))
        parts.append(match.group())
        last = match.end()
    parts.append(digits(text[last:], thai))
    return "".join(parts)


@dataclass(frozen=True)
class Line:
    """One laid-out line: shaped words, natural width, and whether it ends a paragraph.

    ``trail`` is the white space dropped at the break, kept so a split paragraph
    can be put back together exactly.
    """

    words: tuple[ShapedWord, ...]
    width: float
    last: bool
    indent: float
    trail: str = ""

    @property
    def text(self) -> str:
        """The characters drawn on this line."""
        return "".join(w.text for w in self.words)


def layout_lines(text: str, style: TextStyle, width: float) -> list[Line]:
    """Break ``text`` into lines of at most ``width`` points; ``\\n`` forces a break."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        lines.extend(_paragraph_lines(paragraph, style, width, first=not lines))
    return lines


def _paragraph_lines(text: str, style: TextStyle, width: float, first: bool) -> list[Line]:
    builder = _LineBuilder(style, width, first)
    for unit in break_units(text):
        shaped = shape(unit, style.font)
        if shaped.width(style.size) <= builder.room() or len(parts := word_units(unit)) == 1:
            builder.add(shaped)
        else:  # a never-split term wider than a whole line: cut between its words after all
            for part in parts:
                builder.add(shape(part, style.font))
    builder.flush(last=True)
    return builder.lines


class _LineBuilder:
    """Greedy line filling: a unit that does not fit starts the next line."""

    def __init__(self, style: TextStyle, width: float, first: bool) -> None:
        self.style, self.width, self.first = style, width, first
        self.lines: list[Line] = []
        self.current: list[ShapedWord] = []
        self.used = 0.0

    def _indent(self) -> float:
        return self.style.first_indent if self.first and not self.lines else 0

    def room(self) -> float:
        """Width available to the line being filled."""
        return self.width - self.style.left_indent - self.style.right_indent - self._indent()

    def add(self, word: ShapedWord) -> None:
        """Put the next unit on the current line, or start a new line for it."""
        size = self.style.size
        if word.text.isspace() and not self.current and self.lines:
            # Space at a break belongs to the line before; it is not drawn.
            self.lines[-1] = replace(self.lines[-1], trail=self.lines[-1].trail + word.text)
            return
        if self.current and not word.text.isspace() and self.used + word.width(size) > self.room():
            self.flush(last=False)
        for index, piece in enumerate(_fit_pieces(word, size, self.room())):
            if index:
                self.flush(last=False)
            self.current.append(piece)
            self.used += piece.width(size)

    def flush(self, last: bool) -> None:
        """Close the current line; ``last`` when it ends the paragraph."""
        trail = ""
        while self.current and self.current[-1].text.isspace():
            trail = self.current.pop().text + trail
        width = sum(w.width(self.style.size) for w in self.current)
        self.lines.append(Line(tuple(self.current), width, last, self._indent(), trail))
        self.current, self.used = [], 0.0


def _fit_pieces(word: ShapedWord, size: float, room: float) -> list[ShapedWord]:
    """``word`` whole, or cut between grapheme clusters when it is wider than a line."""
    if word.width(size) <= room or not word.clusters:
        return [word]
    pieces, start, used = [], 0, 0.0
    for i, cluster in enumerate(word.clusters):
        w = cluster.advance * size / 1000
        if used + w > room and i > start:
            pieces.append(word.slice(start, i))
            start, used = i, 0.0
        used += w
    pieces.append(word.slice(start, len(word.clusters)))
    return pieces


def place_line(line: Line, style: TextStyle, x: float, y: float, width: float) -> list[PlacedWord]:
    """Position the words of ``line`` on the baseline ``y`` inside ``[x, x + width]``."""
    size = style.size
    left = x + style.left_indent + line.indent
    room = width - style.left_indent - style.right_indent - line.indent
    slack = max(room - line.width, 0)
    cluster_gap = space_gap = 0.0
    if style.align == "center":
        left += slack / 2
    elif style.align == "right":
        left += slack
    elif style.align == "justify" and not line.last:
        cluster_gap, space_gap = _justify_gaps(line, slack, size)
    placed, pen = [], left
    for word in line.words:
        placed.append(PlacedWord(word, size, pen, y, cluster_gap, space_gap))
        pen += word.width(size) + cluster_gap * len(word.clusters) + space_gap * word.spaces
    return placed


def _justify_gaps(line: Line, slack: float, size: float) -> tuple[float, float]:
    """Share ``slack`` between spaces and cluster gaps (Thai lines often have no spaces)."""
    clusters = sum(len(w.clusters) for w in line.words)
    spaces = sum(w.spaces for w in line.words)
    if clusters <= 1:
        return 0.0, 0.0
    cluster_gap = min(slack / (clusters - 1), MAX_CLUSTER_GAP_EM * size)
    if spaces:
        space_gap = (slack - cluster_gap * (clusters - 1)) / spaces
        return cluster_gap, min(space_gap, MAX_SPACE_GAP_EM * size)
    return cluster_gap, 0.0


def baseline_offset(style: TextStyle) -> float:
    """Distance from the top of a line box down to its baseline."""
    return style.line_height - style.size * 0.3


def _lines_text(lines: list[Line]) -> str:
    return "".join(line.text + line.trail + ("\n" if line.last else "") for line in lines).removesuffix("\n")


class ThaiParagraph(Flowable):
    """A paragraph of Thai text (plain text; ``\\n`` breaks lines).

    ``continues`` marks text that does not end its paragraph (the rest of a split
    paragraph whose first part was itself a split part): its last line is justified.
    """

    def __init__(self, text: str, style: TextStyle = TextStyle(), continues: bool = False) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.continues = continues
        self._lines: list[Line] = []
        self._fixed_width: float | None = None  # set for the first part of a split

    @classmethod
    def _laid_out(cls, lines: list[Line], style: TextStyle, width: float) -> "ThaiParagraph":
        """A paragraph drawn with ``lines`` as they are (no new layout, no new tokenising)."""
        para = cls(_lines_text(lines), style)
        para._lines, para._fixed_width = list(lines), width
        return para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fixed_width is None:
            self._lines = layout_lines(self.text, self.style, avail_width)
            if self.continues and self._lines:
                self._lines[-1] = replace(self._lines[-1], last=False)
        self.width = self._fixed_width or avail_width
        self.height = len(self._lines) * self.style.line_height
        return self.width, self.height

    @property
    def lines(self) -> list[Line]:
        """The lines of the last ``wrap``."""
        return list(self._lines)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # reportlab's table row splitting passes the column width without the cell
        # padding; the width of the last wrap is the one the lines were made for.
        self.wrap(self.width if self._lines else avail_width, avail_height)
        fit = int((avail_height + 1e-6) // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return []
        # The first part keeps its lines: laying out a text cut inside a long word
        # again would tokenise it differently and could need more lines.
        head = ThaiParagraph._laid_out(self._lines[:fit], self.style.derive(space_after=0), self.width)
        tail = ThaiParagraph(_lines_text(self._lines[fit:]),
                             self.style.derive(space_before=0, first_indent=0, bullet=""),
                             continues=not self._lines[-1].last)
        return [head, tail]

    def getSpaceBefore(self) -> float:
        return self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after

    def draw(self) -> None:
        top = self.height
        if self.style.bullet and self._lines:
            marker = shape(self.style.bullet, self.style.font)
            y = top - baseline_offset(self.style)
            draw_words(self.canv, [PlacedWord(marker, self.style.size, self.style.bullet_indent, y)])
        for line in self._lines:
            y = top - baseline_offset(self.style)
            draw_words(self.canv, place_line(line, self.style, 0, y, self.width))
            top -= self.style.line_height


def paragraph(text: str, style: TextStyle = TextStyle(), thai_digits: bool = True) -> ThaiParagraph:
    """A ThaiParagraph of ``text`` with its digits written the document's way."""
    return ThaiParagraph(localize_digits(text, thai_digits), style)
