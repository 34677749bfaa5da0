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


def iter_values(ws, max_row: int, max_col: int):
    """Rows 1..``max_row`` of a read-only worksheet as tuples of ``max_col`` values.

    Missing rows come as rows of None, as openpyxl gives them; the rows stop after the sheet's
    last row.
    """
    reader = _SheetReader(ws, max_col)
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.chars
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    empty = (None,) * max_col
    counter = 1
    with ws._get_source() as src:
        while True:
            chunk = src.read(_CHUNK)
            parser.Parse(chunk, not chunk)
            for number, cells in reader.rows:
                if number > max_row:
                    return
                while counter < number:
                    counter += 1
                    yield empty
                if counter <= number:
                    counter += 1
                    yield tuple(cells)
            reader.rows.clear()
            if not chunk:
                return
