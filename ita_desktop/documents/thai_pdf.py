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
from ita_desktop.documents.wordbreak import break_units

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
    leading: float | None = None  # default 1.2 x size
    first_indent: float = 0
    left_indent: float = 0
    right_indent: float = 0
    space_before: float = 0
    space_after: float = 0

    @property
    def font(self) -> str:
        return font_name(bold=self.bold)

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.2

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
        return "".join(w.text for w in self.words)


def layout_lines(text: str, style: TextStyle, width: float) -> list[Line]:
    """Break ``text`` into lines of at most ``width`` points; ``\\n`` forces a break."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        lines.extend(_paragraph_lines(paragraph, style, width, first=not lines))
    return lines


def _paragraph_lines(text: str, style: TextStyle, width: float, first: bool) -> list[Line]:
    size = style.size
    lines: list[Line] = []
    current: list[ShapedWord] = []

    def available() -> float:
        indent = style.first_indent if first and not lines else 0
        return width - style.left_indent - style.right_indent - indent

    def flush(last: bool) -> None:
        trail = ""
        while current and current[-1].text.isspace():
            trail = current.pop().text + trail
        indent = style.first_indent if first and not lines else 0
        lines.append(Line(tuple(current), sum(w.width(size) for w in current), last, indent, trail))
        current.clear()

    for unit in break_units(text):
        word = shape(unit, style.font)
        if unit.isspace() and not current and lines:
            lines[-1] = replace(lines[-1], trail=lines[-1].trail + unit)
            continue
        used = sum(w.width(size) for w in current)
        if current and not unit.isspace() and used + word.width(size) > available():
            flush(last=False)
        for piece in _fit_pieces(word, size, available(), current):
            if current is not None and piece is not word and current:
                flush(last=False)
            current.append(piece)
    flush(last=True)
    return lines


def _fit_pieces(word: ShapedWord, size: float, room: float, current: list) -> list[ShapedWord]:
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
        item = PlacedWord(word, size, pen, y, cluster_gap, space_gap)
        placed.append(item)
        spaces = sum(1 for c in word.clusters if c.text.isspace())
        pen += word.width(size) + cluster_gap * len(word.clusters) + space_gap * spaces
    return placed


def _justify_gaps(line: Line, slack: float, size: float) -> tuple[float, float]:
    """Share ``slack`` between spaces and cluster gaps (Thai lines often have no spaces)."""
    clusters = sum(len(w.clusters) for w in line.words)
    spaces = sum(1 for w in line.words for c in w.clusters if c.text.isspace())
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

    ``continues`` marks the first part of a split paragraph: its last line is
    justified like any inner line.
    """

    def __init__(self, text: str, style: TextStyle = TextStyle(), continues: bool = False) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.continues = continues
        self._lines: list[Line] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._lines = layout_lines(self.text, self.style, avail_width)
        if self.continues and self._lines:
            self._lines[-1] = replace(self._lines[-1], last=False)
        self.width = avail_width
        self.height = len(self._lines) * self.style.line_height
        return avail_width, self.height

    @property
    def lines(self) -> list[Line]:
        """The lines of the last ``wrap``."""
        return list(self._lines)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int((avail_height + 1e-6) // self.style.line_height)
        if fit <= 0 or fit >= len(self._lines):
            return []
        head = ThaiParagraph(_lines_text(self._lines[:fit]), self.style.derive(space_after=0),
                             continues=not self._lines[fit - 1].last)
        tail = ThaiParagraph(_lines_text(self._lines[fit:]), self.style.derive(space_before=0, first_indent=0),
                             continues=self.continues)
        return [head, tail]

    def getSpaceBefore(self) -> float:
        return self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after

    def draw(self) -> None:
        top = self.height
        for line in self._lines:
            y = top - baseline_offset(self.style)
            draw_words(self.canv, place_line(line, self.style, 0, y, self.width))
            top -= self.style.line_height


def paragraph(text: str, style: TextStyle = TextStyle(), thai_digits: bool = True) -> ThaiParagraph:
    """A ThaiParagraph of ``text`` with its digits written the document's way."""
    return ThaiParagraph(localize_digits(text, thai_digits), style)
