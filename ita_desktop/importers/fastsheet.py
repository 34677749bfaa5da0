"""Reading a read-only openpyxl worksheet's values with one expat pass (no element trees).

openpyxl's read-only mode builds an ElementTree element for every ``<c>`` and ``<v>`` of the
sheet and a dictionary for every cell; for a national sheet of 7,850 offices that is most of
the import's time. :func:`iter_values` reads the same sheet XML with pyexpat's callbacks
and gives exactly what ``ws.iter_rows(min_row=1, max_row=.., max_col=.., values_only=True)``
gives (the equivalence is tested on every workbook of the test suite), using the workbook
openpyxl has already opened for its shared strings, date styles and epoch.

As openpyxl does through defusedxml, entity declarations and external entities are refused.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from openpyxl.utils.datetime import from_excel, from_ISO8601

_CHUNK = 1 << 16


def _cast_number(text: str):
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _column(ref: str) -> int:
    """Column number of a cell reference such as ``AB12``."""
    n = 0
    for ch in ref:
        o = ord(ch)
        if 65 <= o <= 90:
            n = n * 26 + o - 64
        elif 97 <= o <= 122:
            n = n * 26 + o - 96
        else:
            break
    return n


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if value.is_integer():
            return int(value)
        raise ValueError(f"{text} is not a valid row number") from None


_LOCAL: dict[str, str] = {}


def _local(name: str) -> str:
    """``x:row`` -> ``row`` (a writer's namespace prefix), remembered."""
    local = _LOCAL[name] = name.rpartition(":")[2]
    return local


class _SheetReader:
    """The expat handlers and their state for one sheet."""

    def __init__(self, ws, max_col: int):
        wb = ws.parent
        self.shared = ws._shared_strings
        self.date_formats = wb._date_formats
        self.timedelta_formats = wb._timedelta_formats
        self.epoch = wb.epoch
        self.width = max_col
        self.rows: list[tuple[int, list]] = []
        self.row_number = 0
        self.cells: list | None = None
        self.col = 0
        self.type = "n"
        self.style = 0
        self.text: list[str] | None = None  # characters of the <v> being read
        self.value_text: str | None = None
        self.inline: list[str] | None = None  # characters of an inline string (<is>)
        self.depth_is = 0
        self.in_phonetic = False

    # --- expat handlers --------------------------------------------------------------------

    def start(self, name: str, attrs: dict) -> None:
        local = _LOCAL.get(name) or _local(name)
        if local == "c":
            ref = attrs.get("r")
            self.col = _column(ref) if ref else self.col + 1
            self.type = attrs.get("t", "n")
            style = attrs.get("s", 0)
            self.style = int(style) if style else 0
            self.value_text = None
            self.inline = None
        elif local == "v":
            if self.cells is not None:
                self.text = []
        elif local == "row":
            r = attrs.get("r")
            self.row_number = _row_number(r) if r is not None else self.row_number + 1
            self.cells = [None] * self.width
            self.col = 0
        elif local == "is":
            self.inline, self.depth_is = [], 1
        elif local == "rPh":
            self.in_phonetic = True
        elif local == "t" and self.inline is not None and not self.in_phonetic:
            self.text = []

    def end(self, name: str) -> None:
        local = _LOCAL.get(name) or _local(name)
        if local == "v":
            if self.text is not None:
                self.value_text = "".join(self.text)
                self.text = None
        elif local == "t":
            if self.text is not None and self.inline is not None:
                self.inline.append("".join(self.text))
                self.text = None
        elif local == "rPh":
            self.in_phonetic = False
        elif local == "c":
            if self.cells is not None and 1 <= self.col <= self.width:
                self.cells[self.col - 1] = self._value()
        elif local == "row":
            if self.cells is not None:
                self.rows.append((self.row_number, self.cells))
            self.cells = None

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    # --- values as openpyxl gives them ---------------------------------------------------

    def _value(self):
        kind = self.type
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline is not None else None
        text = self.value_text or None
        if text is None:
            return None
        if kind == "n":
            value = _cast_number(text)
            if self.style in self.date_formats:
                try:
                    return from_excel(value, self.epoch, timedelta=self.style in self.timedelta_formats)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return value
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str" (a formula's cached string) and "e" (an error such as #N/A)


def _refuse_entity(name, *args):
    raise EntitiesForbidden(name, None, None, None, None, None)


def _refuse_external(context, base, sysid, pubid):
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _parser(reader: _SheetReader | None = None):
    """An expat parser that refuses entity declarations and external entities, with ``reader``'s handlers."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    if reader is not None:
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.chars
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


# --- the fast path: the cells of a plainly written sheet read with one regular expression -----
#
# Excel, LibreOffice, Google Sheets and openpyxl write every cell of ``<sheetData>`` in a few
# fixed shapes (attributes r, s, t in that order; a value, a formula and its value, or an inline
# string). Those shapes are matched with one regular expression over the whole sheet, which costs
# a fraction of expat's callbacks. Anything else (a namespace prefix, rich text, another
# attribute, a comment, a carriage return, an entity other than XML's own, a character XML does
# not allow) makes the whole sheet go through expat instead; so does a sheet larger than
# _FAST_BYTES. The XML outside ``<sheetData>`` still goes through expat, so a broken or
# entity-declaring sheet fails as before. Every part of the expression stops at the next "<", so
# the time grows with the sheet's length whatever it holds; the sheet is matched a piece at a time
# (_PIECE characters, cut after a row) so that the matches never fill memory.

_FAST_BYTES = 16 << 20
_FEW_ROWS = 100
_PIECE = 1 << 20

_TOKEN = re.compile(
    r'(<row((?:\s+[\w:.-]+="[^"<&]*")*)\s*(/?)>'
    r'|</row>'
    r'|<c(?: r="([A-Za-z]{1,3})[0-9]+")?(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?(?: s="([0-9]+)")?'
    r'(?:/>'
    r'|>(?:<f(?: [^<>]*)?/>|<f(?: [^<>]*)?>[^<]*</f>)?(?:<v>([^<]*)</v>)?</c>'
    r'|><is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>)'
    r'|[ \t\n]+)')
_ROW_NUMBER = re.compile(r'\sr="([^"]*)"')
_ATTRIBUTE_NAME = re.compile(r'\s([\w:.-]+)=')
# Bytes deleted to find the control characters XML does not allow (in UTF-8 such a byte is never
# part of another character): all but those.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in (0x09, 0x0A, 0x0D))
_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class _NotPlain(Exception):
    """The sheet is not written in the shapes the fast path reads: expat reads it."""


def _entity(match: re.Match) -> str:
    named, dec, hexa = match.groups()
    if named:
        return _NAMED[named]
    code = int(dec) if dec else int(hexa, 16)
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF):
        raise _NotPlain  # not a character XML allows: expat reports it
    return chr(code)


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    if text.count("&") != len(_ENTITY.findall(text)):
        raise _NotPlain  # an entity XML does not define, or a bare "&": expat reports it
    return _ENTITY.sub(_entity, text)


def _plain_rows(reader: _SheetReader, data: bytes) -> list[tuple[int, list]]:
    """(row number, cells) of every row of a plainly written sheet; _NotPlain otherwise."""
    head = data[:200]
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or (
            b"encoding=" in head and not re.search(rb"encoding=[\"'](?i:utf-8)[\"']", head)):
        raise _NotPlain
    if data.translate(None, _NOT_CONTROL) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        raise _NotPlain  # characters XML does not allow (U+FFFE, U+FFFF): expat says so
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotPlain from None
    if "\r" in text or "<!" in text:
        raise _NotPlain  # line ends to normalise, comments, CDATA, a DOCTYPE: expat's work
    opening = text.find("<sheetData>")
    closing = text.find("</sheetData>")
    if opening < 0 or closing < opening or text.count("<sheetData") != 1 or text.count("</sheetData") != 1:
        raise _NotPlain
    begin = opening + len("<sheetData>")
    if "]]>" in text or text.find("<?", begin, closing) >= 0 or text.count("&", begin, closing) != len(
            _ENTITY.findall(text, begin, closing)):
        raise _NotPlain  # "]]>" in text, a processing instruction, a bare "&": expat's work
    skeleton = _parser()
    skeleton.Parse(text[:begin] + text[closing:], True)  # well-formed, no entities, around the cells
    shared, date_formats = reader.shared, reader.date_formats
    width, rows = reader.width, []
    cells: list | None = None
    row_number = col = consumed = 0
    columns: dict[str, int] = {}
    for whole, row_attrs, row_empty, letters, style, kind, style_after, value, inline in _tokens(text, begin, closing):
        consumed += len(whole)
        second = whole[1:2]
        if second == "c":
            if cells is None:
                raise _NotPlain  # a cell outside a row
            if letters:
                col = columns.get(letters) or columns.setdefault(letters, _column(letters))
            else:
                col += 1
            if style and style_after:
                raise _NotPlain  # s given twice: expat refuses it
            if not 1 <= col <= width:
                continue
            if kind == "" or kind == "n":
                if not value:
                    continue
                if "&" in value:
                    raise _NotPlain  # a number written with character references
                style = style or style_after
                if style and int(style) in date_formats:
                    reader.type, reader.style, reader.value_text = "n", int(style), value
                    cells[col - 1] = reader._value()
                else:  # the most common cell of all, a score such as 85.25
                    cells[col - 1] = float(value) if "." in value else _cast_number(value)
            elif kind == "s":
                if "&" in value:
                    raise _NotPlain
                if value:
                    cells[col - 1] = shared[int(value)]
            elif kind == "inlineStr":
                cells[col - 1] = _unescape(inline) if "<is>" in whole else None
            else:
                reader.type, reader.style = kind, int(style or style_after or 0)
                reader.value_text, reader.inline = (_unescape(value) if value else None), None
                cells[col - 1] = reader._value()
        elif second == "r":
            if cells is not None:
                raise _NotPlain  # a row inside a row
            if row_attrs:
                names = _ATTRIBUTE_NAME.findall(row_attrs)
                if len(set(names)) != len(names):
                    raise _NotPlain  # an attribute given twice: expat refuses it
            found = _ROW_NUMBER.search(row_attrs) if row_attrs else None
            row_number = _row_number(found.group(1)) if found else row_number + 1
            cells, col = [None] * width, 0
            if row_empty:
                rows.append((row_number, cells))
                cells = None
        elif second == "/":
            if cells is None:
                raise _NotPlain
            rows.append((row_number, cells))
            cells = None
    if consumed != closing - begin or cells is not None:
        raise _NotPlain  # something between the cells the expression does not know
    return rows


def _tokens(text: str, begin: int, end: int):
    """The expression's matches from ``begin`` to ``end``, a piece of about _PIECE characters at a
    time (each piece ends after a row), so that only one piece's matches are held at once."""
    while begin < end:
        cut = text.find("</row>", begin + _PIECE, end)
        stop = end if cut < 0 else cut + len("</row>")
        yield from _TOKEN.findall(text, begin, stop)
        begin = stop


def _read_plain(reader: _SheetReader, src) -> tuple[list[tuple[int, list]] | None, bytes]:
    """The rows by the fast path, or (None, the bytes read so far) for expat to go on with."""
    data = src.read(_FAST_BYTES + 1)
    if len(data) > _FAST_BYTES:
        return None, data
    try:
        return _plain_rows(reader, data), data
    except _NotPlain:
        return None, data


def iter_values(ws, max_row: int, max_col: int, rows: list[tuple[int, list]] | None = None):
    """Rows 1..``max_row`` of a read-only worksheet as tuples of ``max_col`` values.

    Missing rows come as rows of None, as openpyxl gives them; the rows stop after the sheet's
    last row. ``rows``, when given, are the sheet's rows as :func:`sheet_rows` read them for
    the same ``max_col`` (in another process): the sheet is then not read again.
    """
    # The fast path reads the whole sheet; a few rows (the title rows that tell the year) are
    # read sooner by expat, which stops after the first piece of the sheet.
    found = rows if rows is not None else _numbered_rows(ws, max_col, fast=max_row > _FEW_ROWS)
    empty = (None,) * max_col
    counter = 1
    for number, cells in found:
        if number > max_row:
            return
        while counter < number:
            counter += 1
            yield empty
        if counter <= number:
            counter += 1
            yield tuple(cells)


def sheet_rows(ws, max_row: int, max_col: int) -> list[tuple[int, list]]:
    """(row number, cells) of the sheet's rows up to the first one numbered past ``max_row``, for
    :func:`iter_values` to number later with any ``max_row`` up to this one."""
    found = []
    for number, cells in _numbered_rows(ws, max_col, fast=True):
        found.append((number, cells))
        if number > max_row:
            break  # (that row tells iter_values to stop)
    return found


def _numbered_rows(ws, max_col: int, fast: bool):
    """(row number, cells) of the sheet's rows as written: by the fast path when ``fast`` and the
    sheet allows it, else by expat a piece of the sheet at a time."""
    with ws._get_source() as src:
        rows, chunk = _read_plain(_SheetReader(ws, max_col), src) if fast else (None, src.read(_CHUNK))
        if rows is not None:
            yield from rows
            return
        reader = _SheetReader(ws, max_col)
        parser = _parser(reader)
        while True:
            parser.Parse(chunk, not chunk)
            yield from reader.rows
            reader.rows.clear()
            if not chunk:
                return
            chunk = src.read(_CHUNK)
