"""The one table model of the program: rows of plain objects shown through column definitions.

A :class:`Column` says how a row shows (``read``), how typed text becomes a value
(``parse``, raising :class:`EntryError` with a Thai reason), how a value makes the new row
(``write``, for tables edited in place), which editor the cell gets (text, multi-line text,
number, Buddhist-era date, choice) and how the column sorts. Tables whose edits are stored
through the services leave ``write`` empty and listen to :attr:`TableModel.entered`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ita_desktop.core.scoring import ScoreError, validate_score
from ita_desktop.core.thaitext import DateError, parse_thai_date, short_thai_date

from .row_list import RowListModel
from . import roles

_Index = QModelIndex | QPersistentModelIndex

TEXT, MULTILINE, NUMBER, DATE, CHOICE = "text", "multiline", "number", "date", "choice"
SORT_ROLE = roles.USER + 1  # a number (or text) that sorts the column correctly
KEY_ROLE = roles.USER + 2  # the key of the row (indicator number, item code, record id)
TOP_LEFT = int(Qt.AlignTop | Qt.AlignLeft)
TOP_CENTER = int(Qt.AlignTop | Qt.AlignHCenter)
RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)


class EntryError(ValueError):
    """A cell entry that cannot be accepted; the message is Thai."""


def text_value(text: object) -> str:
    return str(text or "").strip()


def required_text(text: object) -> str:
    value = text_value(text)
    if not value:
        raise EntryError("ข้อความว่างไม่ได้")
    return value


def score_value(text: object) -> float | None:
    """A score: empty removes it (None); otherwise 0-100, 2 decimals, Thai digits allowed."""
    if isinstance(text, str) and text.strip() == "":
        return None
    try:
        return validate_score(text)
    except ScoreError as exc:
        raise EntryError(str(exc)) from None


def date_value(text: object) -> _dt.date | None:
    """A Buddhist-era date; empty clears it."""
    if text_value(text) == "":
        return None
    try:
        return parse_thai_date(str(text))
    except DateError as exc:
        raise EntryError(str(exc)) from None


def date_text(value: _dt.date | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value)
    return short_thai_date(value)


@dataclass(frozen=True)
class Column:
    """One column of a :class:`TableModel`."""

    header: str  # may hold a line break; the tool tip shows it on one line
    read: Callable[[Any], str]
    parse: Callable[[object], Any] | None = None  # None: not editable
    write: Callable[[Any, Any], Any] | None = None  # (row, value) -> new row, for in-place tables
    editor: str = TEXT
    choices: Sequence[str] | Callable[[], Sequence[str]] = ()
    value: Callable[[Any], Any] | None = None  # the current value to compare an entry with
    edit_text: Callable[[Any], str] | None = None  # the text an editor starts with
    sort: Callable[[Any], Any] | None = None
    align: int | None = None
    tooltip: Callable[[Any], str | None] | None = None
    editable: Callable[[Any], bool] | None = None  # per row; default: every row

    def choice_list(self) -> list[str]:
        return list(self.choices() if callable(self.choices) else self.choices)


class TableModel(RowListModel):
    """Rows shown through :meth:`columns`; subclasses may add colours in :meth:`decorate`.

    An entry is parsed by its column: a refused one emits :attr:`rejected` with a Thai message
    naming the row, the column and the value; an accepted one emits :attr:`entered` (row key,
    column, old value, new value) and, when the column has ``write``, replaces the row and
    emits :attr:`edited`.
    """

    entered = Signal(object, int, object, object)  # row key, column, old value, new value
    rejected = Signal(str)
    edited = Signal()

    COLUMNS: tuple[Column, ...] = ()
    DEFAULT_ALIGN: int | None = None

    def __init__(self, columns: Sequence[Column] | None = None, parent=None):
        super().__init__(parent)
        self._columns = tuple(columns) if columns is not None else None
        self.editable = True

    # -- what subclasses may give ------------------------------------------------------------
    def columns(self) -> Sequence[Column]:
        return self._columns if self._columns is not None else self.COLUMNS

    def row_key(self, row):
        return None

    def row_label(self, row) -> str:
        """How a row is named in a message ("ตัวชี้วัดที่ 1")."""
        return ""

    def decorate(self, row, column: int, role: int):
        """Colours and fonts of a cell; None for the default."""
        return None

    # -- Qt model API ------------------------------------------------------------------------
    def column(self, index: int) -> Column:
        return self.columns()[index]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation, role: int = roles.DISPLAY):
        columns = self.columns()
        if orientation != Qt.Horizontal or not 0 <= section < len(columns):
            return None
        if role == roles.DISPLAY:
            return columns[section].header
        if role == roles.TOOLTIP:
            return columns[section].header.replace("\n", " ")
        return None

    def data(self, index: _Index, role: int = roles.DISPLAY):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.column(index.column())
        if role == roles.DISPLAY:
            return column.read(row)
        if role == roles.EDIT:
            return (column.edit_text or column.read)(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.read(row)
        if role == KEY_ROLE:
            return self.row_key(row)
        decorated = self.decorate(row, index.column(), role)
        if decorated is not None:
            return decorated
        if role == roles.ALIGNMENT:
            return column.align if column.align is not None else self.DEFAULT_ALIGN
        if role == roles.TOOLTIP and column.tooltip:
            return column.tooltip(row)
        return None

    def flags(self, index: _Index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsEditable if self.is_editable(index) else base

    def is_editable(self, index: _Index) -> bool:
        column = self.column(index.column())
        if not self.editable or column.parse is None or index.row() >= len(self.rows):
            return False
        return column.editable(self.rows[index.row()]) if column.editable else True

    def setData(self, index: _Index, value, role: int = roles.EDIT) -> bool:
        if role != roles.EDIT or not index.isValid() or not self.is_editable(index):
            return False
        row, column = self.rows[index.row()], self.column(index.column())
        try:
            new = column.parse(value)
        except EntryError as exc:
            self.rejected.emit(self.entry_message(row, column, value, str(exc)))
            return False
        old = column.value(row) if column.value else column.read(row)
        if new == old:
            return False
        self.entered.emit(self.row_key(row), index.column(), old, new)
        if column.write is not None:
            self.rows[index.row()] = column.write(row, new)
            self.dataChanged.emit(index, index)
            self.edited.emit()
        return True

    def entry_message(self, row, column: Column, value, reason: str) -> str:
        where = self.row_label(row)
        header = column.header.replace("\n", " ")
        return f"{where} ช่อง '{header}': ค่า \"{value}\" ใช้ไม่ได้ เพราะ{reason}".strip()

    def row_of(self, key) -> int:
        """Row number of the row whose key is ``key``; -1 when absent."""
        return next((n for n, row in enumerate(self.rows) if self.row_key(row) == key), -1)
