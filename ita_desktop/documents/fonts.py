"""The Laksaman font family (TH Sarabun PSK metrics) registered once for reportlab.

The PDF writers shape Thai text themselves (see ``shaping``), so the fonts are
registered with ``ThaiTTFont``: a TTFont whose ToUnicode map sends substituted
glyphs (``uni0E49.low``, legacy PUA code points) back to the Unicode character
named by the glyph, so text extraction and search see real Thai characters.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import uharfbuzz
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, makeToUnicodeCMap

from ita_desktop.paths import fonts_dir

FAMILY = "Laksaman"
# (bold, italic) -> (registered name, file name)
FACES = {
    (False, False): ("Laksaman", "Laksaman.ttf"),
    (True, False): ("Laksaman-Bold", "Laksaman-Bold.ttf"),
    (False, True): ("Laksaman-Italic", "Laksaman-Italic.ttf"),
    (True, True): ("Laksaman-BoldItalic", "Laksaman-BoldItalic.ttf"),
}

_PUA_FIRST, _PUA_LAST = 0xE000, 0xF8FF
_GLYPH_NAME_UNICODE = re.compile(r"^(?:uni([0-9A-F]{4})|u([0-9A-F]{4,6}))(?:[._]|$)")
_lock = threading.Lock()
_registered: dict[str, Path] = {}


def font_paths() -> dict[str, Path]:
    """Registered font name -> TTF file, for every face of the family (Qt registers the same files)."""
    return {name: fonts_dir() / file for name, file in FACES.values()}


def font_name(bold: bool = False, italic: bool = False) -> str:
    """The registered name of a face of the family, registering the family if needed."""
    register_fonts()
    return FACES[(bold, italic)][0]


def glyph_name_unicode(name: str) -> str | None:
    """The character a glyph name stands for: ``'uni0E49.low'`` -> ``'\\u0e49'``."""
    match = _GLYPH_NAME_UNICODE.match(name)
    if not match:
        return None
    return chr(int(match.group(1) or match.group(2), 16))


class ThaiTTFont(TTFont):
    """TTFont that can emit any glyph by id and writes an honest ToUnicode map."""

    def __init__(self, name: str, filename: str | Path) -> None:
        super().__init__(name, str(filename), asciiReadable=True, shapable=False)
        self._hb_font: uharfbuzz.Font | None = None
        self._next_private = _PUA_FIRST

    @property
    def hb_font(self) -> uharfbuzz.Font:
        """The harfbuzz font of the same file, in font units (upem scale)."""
        if self._hb_font is None:
            self._hb_font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(self.face._ttf_data)))
        return self._hb_font

    @property
    def units_per_em(self) -> int:
        """Font units per em (1000 for Laksaman)."""
        return self.hb_font.face.upem

    def glyph_code(self, gid: int, advance_1000: float) -> int:
        """The code point reportlab should use to draw glyph ``gid``.

        Glyphs without a cmap entry get a private-use code point added to the face,
        as reportlab's own shaping does.
        """
        chars = self.face.glyphToChar.get(gid)
        if chars:
            return chars[0]
        with _lock:
            return self._add_private(gid, advance_1000)

    def _add_private(self, gid: int, advance_1000: float) -> int:
        if gid in self.face.glyphToChar:  # another thread added it meanwhile
            return self.face.glyphToChar[gid][0]
        code = self._next_private
        while code in self.face.charToGlyph:
            code += 1
        self._next_private = code + 1
        self.face.charToGlyph[code] = gid
        self.face.glyphToChar[gid] = [code]
        self.face.charWidths[code] = advance_1000
        return code

    def code_text(self, code: int) -> str:
        """What the ToUnicode map says code point ``code`` of this font means."""
        if not _PUA_FIRST <= code <= _PUA_LAST:
            return chr(code)
        gid = self.face.charToGlyph.get(code)
        if gid is None:
            return chr(code)
        return glyph_name_unicode(self.hb_font.glyph_to_string(gid)) or chr(code)

    def addObjects(self, doc) -> None:
        """Add the subsets as reportlab does, then rewrite their ToUnicode maps."""
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state else []
        super().addObjects(doc)
        for index, subset in enumerate(subsets):
            base = (b"".join((SUBSETN(index), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            stream = doc.idToObject["toUnicodeCMap:" + base]
            stream.content = _to_unicode_cmap(base, [self.code_text(c) for c in subset])


def _to_unicode_cmap(base_name: str, texts: list[str]) -> str:
    """reportlab's ToUnicode CMap with each code mapped to the UTF-16 of ``texts[code]``."""
    cmap = makeToUnicodeCMap(base_name, [0] * len(texts))
    entries = "\n".join(f"<{i:02X}> <{t.encode('utf-16-be').hex().upper()}>" for i, t in enumerate(texts))
    head, _, rest = cmap.partition("beginbfchar\n")
    _, _, tail = rest.partition("\nendbfchar")
    return f"{head}beginbfchar\n{entries}\nendbfchar{tail}"


def register_fonts() -> dict[str, Path]:
    """Register the four faces and the ``<b>``/``<i>`` mapping once; return :func:`font_paths`.

    Safe to call repeatedly and from several threads.
    """
    if _registered:
        return dict(_registered)
    paths = font_paths()
    with _lock:
        for (bold, italic), (name, _file) in FACES.items():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(ThaiTTFont(name, paths[name]))
            addMapping(FAMILY, int(bold), int(italic), name)
        _registered.update(paths)
    return dict(paths)


def get_font(name: str) -> ThaiTTFont:
    """The registered ThaiTTFont called ``name``."""
    register_fonts()
    font = pdfmetrics.getFont(name)
    if not isinstance(font, ThaiTTFont):
        raise TypeError(f"{name} is not a ThaiTTFont")
    return font

