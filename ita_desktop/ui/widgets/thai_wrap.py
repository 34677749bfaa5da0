"""Thai on screen wraps where the PDFs do: between words, never inside ตัวชี้วัด, an office name,
พ.ศ. with its year or a number with its unit (documents/wordbreak.py, the PDFs' word breaker).

Qt cannot simply be given break opportunities: where libthai is installed (Linux) Qt adds its
dictionary's breaks (ตัวชี้|วัด, ...เขา|ทอง), and where it is not (Windows) Qt breaks Thai only at
spaces and U+200B. So the lines are filled here, with the widget's font metrics, and shown with
explicit line separators and Qt's own wrapping off. The model and the label keep the original
text: copying a cell or exporting a table gets no U+200B and no inserted line breaks.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ita_desktop.documents.wordbreak import break_units, fill_lines

LINE_SEPARATOR = "\u2028"  # a line break inside one paragraph; Qt's item views draw it as one


_UNIT_WIDTHS: dict[str, dict[str, int]] = {}  # font key -> unit -> pixels, shared by every view


def unit_widths(metrics: QFontMetrics, font_key: str):
    """A memoised width of one word-breaker unit in the font of ``metrics``."""
    table = _UNIT_WIDTHS.setdefault(font_key, {})
    if len(table) > 50_000:
        table.clear()

    def width(unit: str) -> int:
        found = table.get(unit)
        if found is None:
            found = table[unit] = metrics.horizontalAdvance(unit)
        return found
    return width


def wrap_text(text: str, metrics: QFontMetrics, width: int, separator: str = LINE_SEPARATOR,
              font_key: str | None = None) -> str:
    """``text`` with ``separator`` where its lines end at ``width`` pixels (never inside a term).

    With ``font_key`` (the font's ``key()``), unit widths are remembered across calls and lines
    are measured whole only near ``width`` (wordbreak.fill_lines).
    """
    if width <= 0 or not text:
        return text
    per_unit = unit_widths(metrics, font_key) if font_key is not None else None
    return separator.join(fill_lines(text, metrics.horizontalAdvance, width, per_unit))


# Enum members looked up once (PySide6 takes microseconds per lookup; this runs for every cell).
_WRAP_TEXT = QStyleOptionViewItem.WrapText
_HAS_DECORATION = QStyleOptionViewItem.HasDecoration
_HAS_CHECK = QStyleOptionViewItem.HasCheckIndicator
_FOCUS_MARGIN = QStyle.PM_FocusFrameHMargin


class ThaiWrapDelegate(QStyledItemDelegate):
    """Item delegate for word-wrapping views: cells wrap between Thai words, rows size to match."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cache: dict[tuple[str, str, int], str] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        if not option.text or not option.features & _WRAP_TEXT:
            return
        width = self.text_width(option)
        if width > 0:
            key = (option.text, option.font.key(), width)
            if key not in self._cache:  # painting asks again for every cell on every scroll
                if len(self._cache) > 4096:
                    self._cache.clear()
                self._cache[key] = wrap_text(option.text, option.fontMetrics, width, font_key=key[1])
            option.text = self._cache[key]
            option.features &= ~_WRAP_TEXT

    @staticmethod
    def text_width(option: QStyleOptionViewItem) -> int:
        """Pixels the style leaves for the text of a cell ``option.rect`` wide."""
        widget = option.widget
        style = widget.style() if widget is not None else None
        margin = (style.pixelMetric(_FOCUS_MARGIN, option, widget) + 1) if style else 3
        width = option.rect.width() - 2 * margin - 2
        if option.features & _HAS_DECORATION:
            width -= option.decorationSize.width() + 2 * margin
        if option.features & _HAS_CHECK:
            width -= 24
        return width


class ThaiWrapLabel(QLabel):
    """A word-wrapped plain-text label that breaks Thai between words (see the module docstring).

    ``text()`` gives the original text; the lines shown follow the label's width.
    """

    PREFERRED_WIDTH = 520

    def __init__(self, text: str = "", parent: QWidget | None = None, **kwargs):
        kwargs.pop("wordWrap", None)  # the lines are made here; Qt's wrapping stays off
        super().__init__(parent, **kwargs)
        self._source = ""
        self._line_cache: dict[tuple[int, str], list[str]] = {}  # layouts ask heightForWidth often
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Preferred)
        self.setSizePolicy(policy)
        self.setText(text)

    def text(self) -> str:  # noqa: D102 - the original, unwrapped text
        return self._source

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._source = text or ""
        self._line_cache.clear()
        self._rewrap(self.width() if self.isVisible() else self.PREFERRED_WIDTH)
        self.updateGeometry()

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 - always wrapped, by this class
        """Ignored: the label always wraps, between words."""

    def _text_room(self, width: int) -> int:
        """Pixels for the text when the label is ``width`` wide (frame, padding, margin and indent off)."""
        chrome = self.width() - self.contentsRect().width()
        return width - chrome - 2 * self.margin() - 2 * max(self.indent(), 0) - 1

    def _lines(self, width: int) -> list[str]:
        room = max(self._text_room(width), 1)
        key = (room, self.font().key())
        if key not in self._line_cache:
            if len(self._line_cache) > 64:
                self._line_cache.clear()
            self._line_cache[key] = fill_lines(self._source, self.fontMetrics().horizontalAdvance, room)
        return self._line_cache[key]

    def _rewrap(self, width: int) -> None:
        shown = "\n".join(self._lines(width)) if self._source else ""
        if QLabel.text(self) != shown:
            super().setText(shown)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        chrome = self.height() - self.contentsRect().height()
        lines = len(self._lines(width)) if self._source else 0
        return lines * self.fontMetrics().lineSpacing() + chrome + 2 * self.margin()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(u) for u in break_units(self._source.replace("\n", " "))),
                     default=0)
        width = min(widest, self.PREFERRED_WIDTH // 2) + self.width() - self._text_room(self.width())
        # The height at the preferred width: layouts ask heightForWidth() for the real one.
        return QSize(width, self.heightForWidth(self.PREFERRED_WIDTH))

    def sizeHint(self) -> QSize:  # noqa: N802
        natural = max((self.fontMetrics().horizontalAdvance(p) for p in self._source.split("\n")), default=0)
        width = min(natural + self.width() - self._text_room(self.width()) + 1, self.PREFERRED_WIDTH)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rewrap(self.width())


# --- rich text in Qt's text views ---------------------------------------------------------
#
# Paragraphs in a QTextBrowser are laid out by Qt itself. The word breaker's units are given to
# Qt as U+200B (ZERO WIDTH SPACE) between them: where libthai is missing (Windows) that is the only
# place Qt breaks Thai, instead of anywhere; where libthai is installed (Linux) Qt adds its own
# dictionary's breaks inside a Thai run (ตัวชี้|วัด), which no mark in the text prevents (U+2060
# WORD JOINER was tried). The mark is invisible; copying strips it (ThaiTextBrowser).

ZWSP, NBSP = "\u200b", "\u00a0"
_INVISIBLE = str.maketrans({ZWSP: None, NBSP: " "})


def screen_text(text: str) -> str:
    """Plain ``text`` with U+200B between the word breaker's units, for Qt's own layout."""
    lines = []
    for paragraph in text.split("\n"):
        units = break_units(paragraph)
        pieces: list[str] = []
        for k, unit in enumerate(units):
            if k and not unit.isspace() and not units[k - 1].isspace():
                pieces.append(ZWSP)
            pieces.append(unit if unit.isspace() else unit.replace(" ", NBSP))  # "พ.ศ. ๒๕๖๖" stays whole
        lines.append("".join(pieces))
    return "\n".join(lines)


def screen_html(html: str) -> str:
    """:func:`screen_text` applied to the text between the tags of ``html`` (entities kept)."""
    import html as html_lib
    import re

    def text_node(match) -> str:
        return ">" + html_lib.escape(screen_text(html_lib.unescape(match.group(1))), quote=False) + "<"

    parts = re.split(r"(<style.*?</style>)", html, flags=re.S | re.I)  # style sheets stay as they are
    return "".join(part if k % 2 else re.sub(r">([^<]+)<", text_node, part) for k, part in enumerate(parts))


def plain(text: str) -> str:
    """``text`` without the marks :func:`screen_text` adds (its no-break spaces are spaces again)."""
    return text.translate(_INVISIBLE)
