"""Harfbuzz shaping of Thai words and drawing of the shaped glyphs on a reportlab canvas.

Each word is shaped once (cached) into grapheme clusters. A cluster of several
glyphs (a base with its marks; harfbuzz also reorders marks and decomposes ำ into
ํ + า) is drawn inside marked-content spans with ``/ActualText`` entries, so text
extraction returns exactly the source text; single glyphs rely on the ToUnicode
map that ``fonts.ThaiTTFont`` writes.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz

from ita_desktop.documents.fonts import ThaiTTFont, get_font

_FEATURES = {"kern": True, "liga": True}


@dataclass(frozen=True, slots=True)
class Glyph:
    """One glyph in 1/1000 em: the code point that draws it, its offset and advance."""

    code: int
    x_offset: float
    y_offset: float
    advance: float
    pdf_width: float  # the width the PDF /Widths array gives this code


@dataclass(frozen=True, slots=True)
class Cluster:
    """A grapheme cluster: its source text and the glyphs that draw it."""

    text: str
    glyphs: tuple[Glyph, ...]
    advance: float
    needs_actual_text: bool


@dataclass(frozen=True, slots=True)
class ShapedWord:
    """A shaped piece of text in one font; widths are in 1/1000 em."""

    text: str
    font_name: str
    clusters: tuple[Cluster, ...]
    advance: float
    spaces: int  # clusters that are white space, which justification widens

    @classmethod
    def of(cls, font_name: str, clusters: tuple[Cluster, ...]) -> "ShapedWord":
        """A word made of ``clusters``, with its totals computed once."""
        text = "".join(c.text for c in clusters)
        spaces = sum(1 for c in clusters if c.text.isspace())
        return cls(text, font_name, clusters, sum(c.advance for c in clusters), spaces)

    def width(self, size: float) -> float:
        """Width in points at ``size``."""
        return self.advance * size / 1000

    def slice(self, start: int, stop: int) -> "ShapedWord":
        """The clusters ``start:stop`` as a word of their own (for over-long words)."""
        return ShapedWord.of(self.font_name, self.clusters[start:stop])


@lru_cache(maxsize=16384)
def shape(text: str, font_name: str) -> ShapedWord:
    """Shape ``text`` with harfbuzz in the registered font ``font_name``."""
    font = get_font(font_name)
    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_GRAPHEMES
    uharfbuzz.shape(font.hb_font, buf, _FEATURES)
    scale = 1000 / font.units_per_em
    groups: dict[int, list[Glyph]] = {}
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        advance = pos.x_advance * scale
        code = font.glyph_code(info.codepoint, advance)
        glyph = Glyph(code, pos.x_offset * scale, pos.y_offset * scale, advance, font.face.getCharWidth(code))
        groups.setdefault(info.cluster, []).append(glyph)
    return ShapedWord.of(font_name, tuple(_clusters(text, groups, font)))


def _clusters(text: str, groups: dict[int, list[Glyph]], font: ThaiTTFont):
    starts = sorted(groups)
    for start, stop in zip(starts, starts[1:] + [len(text)]):
        glyphs = tuple(groups[start])
        spelled = "".join(font.code_text(g.code) for g in glyphs)
        # Marks are drawn around their base; extraction tools misplace them unless the
        # cluster carries its text, so every multi-glyph cluster gets ActualText.
        needs_actual_text = len(glyphs) > 1 or spelled != text[start:stop]
        yield Cluster(text[start:stop], glyphs, sum(g.advance for g in glyphs), needs_actual_text)


@dataclass(frozen=True, slots=True)
class PlacedWord:
    """A shaped word at a baseline position; ``cluster_gap`` is extra space after each cluster."""

    word: ShapedWord
    size: float
    x: float
    y: float
    cluster_gap: float = 0.0
    space_gap: float = 0.0


def draw_words(canvas, words: list[PlacedWord]) -> None:
    """Draw shaped words on ``canvas`` as one PDF text object."""
    if words:
        canvas.addLiteral(_TextWriter(canvas._doc).text_object(words))


def _hex_utf16(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be").hex().upper()


# Per PDF document: (font name, code point) -> (PDF font resource name, byte in that subset).
_encodings: "weakref.WeakKeyDictionary[object, dict]" = weakref.WeakKeyDictionary()


def _encoder(doc) -> dict:
    try:
        return _encodings[doc]
    except KeyError:
        return _encodings.setdefault(doc, {})


class _TextWriter:
    """Builds the operators of one BT/ET text object: runs of glyphs in TJ arrays."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.encoded = _encoder(doc)
        self.ops: list[str] = ["BT"]
        self.font_key = None
        self.run: list[str] = []
        self.pen: tuple[float, float] | None = None  # where the next glyph would land unadjusted

    def text_object(self, words: list[PlacedWord]) -> str:
        """The PDF operators drawing ``words``, from BT to ET."""
        for placed in words:
            self._word(placed)
        self._end_run()
        self.ops.append("ET")
        return "\n".join(self.ops)

    def _word(self, placed: PlacedWord) -> None:
        font = get_font(placed.word.font_name)
        x = placed.x
        for cluster in placed.word.clusters:
            positioned = []
            for glyph in cluster.glyphs:
                positioned.append((glyph, x))
                x += glyph.advance * placed.size / 1000
            if cluster.needs_actual_text:
                self._cluster_spans(font, placed, cluster.text, positioned)
            else:
                self._glyphs(font, placed, positioned)
            x += placed.cluster_gap + (placed.space_gap if cluster.text.isspace() else 0)

    def _cluster_spans(self, font, placed, text, positioned) -> None:
        # Extraction tools spread a span's text over the box from its first glyph's
        # origin to its last glyph's end. Marks have no advance and sit left of their
        # origin, so a span ending on a mark looks shorter than the cluster and a word
        # gap appears. An invisible copy (render mode 3) of the last advancing glyph
        # closes the span at the cluster's true end.
        self._end_run()
        self.ops.append(f"/Span <</ActualText <{_hex_utf16(text)}>>> BDC")
        self._glyphs(font, placed, positioned)
        advancing = [p for p in positioned if p[0].advance]
        if advancing and advancing[-1] is not positioned[-1]:
            self._end_run()
            self.ops.append("3 Tr")
            self._glyphs(font, placed, advancing[-1:])
            self._end_run()
            self.ops.append("0 Tr")
        self._end_run()
        self.ops.append("EMC")

    def _glyphs(self, font, placed, positioned) -> None:
        for glyph, x in positioned:
            self._glyph(font, placed.size, glyph, x, placed.y)

    def _glyph(self, font: ThaiTTFont, size: float, glyph: Glyph, x: float, y: float) -> None:
        resource, byte = self._encode(font, glyph.code)
        gx = x + glyph.x_offset * size / 1000
        gy = y + glyph.y_offset * size / 1000
        key = (resource, size)
        if key != self.font_key or self.pen is None or abs(self.pen[1] - gy) > 1e-6:
            self._end_run()
            if key != self.font_key:
                self.ops.append(f"{key[0]} {size:g} Tf")
                self.font_key = key
            self.ops.append(f"1 0 0 1 {gx:.3f} {gy:.3f} Tm")
        else:
            shift = (self.pen[0] - gx) * 1000 / size
            if abs(shift) > 0.01:
                self.run.append(f"{shift:.2f}")
        self.run.append(f"<{byte.hex()}>")
        self.pen = (gx + glyph.pdf_width * size / 1000, gy)

    def _encode(self, font: ThaiTTFont, code: int) -> tuple[str, bytes]:
        key = (font.fontName, code)
        if key not in self.encoded:
            ((subset, byte),) = font.splitString(chr(code), self.doc)
            self.encoded[key] = (font.getSubsetInternalName(subset, self.doc), byte)
        return self.encoded[key]

    def _end_run(self) -> None:
        if self.run:
            self.ops.append(f"[{' '.join(self.run)}] TJ")
            self.run = []
        self.pen = None
