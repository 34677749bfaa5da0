"""What the score tables share: roles, colours, formatting and validated score entry."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ita_desktop.core.scoring import ScoreError, validate_score

from .row_list import RowListModel

SORT_ROLE = Qt.UserRole + 1  # a number (or text) that sorts the column correctly
KEY_ROLE = Qt.UserRole + 2  # indicator number or item code of the row

PASSED_TEXT = "ผ่านเกณฑ์"
FAILED_TEXT = "ไม่ผ่านเกณฑ์"
NO_SCORE_TEXT = "ยังไม่มีคะแนน"
PASSED_BG = QColor("#d9f2dc")
FAILED_BG = QColor("#fbdcdc")
FAILED_ROW_BG = QColor("#fdeceb")
PASSED_FG = QColor("#1b6e2a")
FAILED_FG = QColor("#b3261e")
MUTED_FG = QColor("#777777")
TOOL_ORDER = {"IIT": 0, "EIT": 1, "OIT": 2}

_Index = QModelIndex | QPersistentModelIndex


def format_score(score: float | None) -> str:
    """A score as printed: 2 decimals, an en dash when absent."""
    return "–" if score is None else f"{score:.2f}"


def result_text(passed: bool | None) -> str:
    """ผ่านเกณฑ์ / ไม่ผ่านเกณฑ์, or that there is no score yet."""
    if passed is None:
        return NO_SCORE_TEXT
    return PASSED_TEXT if passed else FAILED_TEXT


def result_background(passed: bool | None) -> QColor | None:
    return None if passed is None else (PASSED_BG if passed else FAILED_BG)


def parse_entry(text: object) -> float | None:
    """A typed score: empty removes it (None); otherwise 0-100, 2 decimals, Thai digits allowed."""
    if isinstance(text, str) and text.strip() == "":
        return None
    return validate_score(text)


class ScoreTableModel(RowListModel):
    """A read-mostly table of rows whose score column the clerk may edit.

    An edit does not change the model: a valid entry emits :attr:`score_entered` (key, old,
    new) for the owner to store through the services and reload; an invalid one emits
    :attr:`entry_rejected` with a Thai message naming the row and the value.
    """

    score_entered = Signal(object, object, object)  # key, old score, new score (None removes)
    entry_rejected = Signal(str)

    HEADERS: tuple[str, ...] = ()
    WRAPPED_HEADERS: dict[int, str] = {}  # long headers shown on two lines to keep columns narrow
    SCORE_COLUMN = -1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editable = True

    # -- to be provided by subclasses ----------------------------------------------------
    def display(self, row, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row, column: int):
        return self.display(row, column)

    def row_label(self, row) -> str:
        raise NotImplementedError

    def row_key(self, row):
        raise NotImplementedError

    def decorate(self, row, column: int, role: int):
        """Colours and fonts of a cell; None for the default."""
        return None

    # -- Qt model API -------------------------------------------------------------------


    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation != Qt.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.DisplayRole:
            return self.WRAPPED_HEADERS.get(section, self.HEADERS[section])
        if role == Qt.ToolTipRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            return self.display(row, column)
        if role == Qt.EditRole:
            return "" if row.score is None else f"{row.score:.2f}" if column == self.SCORE_COLUMN else None
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == KEY_ROLE:
            return self.row_key(row)
        if role == Qt.TextAlignmentRole and column == self.SCORE_COLUMN:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and column == self.SCORE_COLUMN and self.editable:
            return "ดับเบิลคลิกหรือกด F2 เพื่อกรอกหรือแก้คะแนน (ลบให้ว่างเพื่อเอาคะแนนออก)"
        return self.decorate(row, column, role)

    def flags(self, index: _Index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == self.SCORE_COLUMN and self.editable:
            return base | Qt.ItemIsEditable
        return base

    def setData(self, index: _Index, value, role: int = Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid() or index.column() != self.SCORE_COLUMN:
            return False
        row = self.rows[index.row()]
        try:
            new = parse_entry(value)
        except ScoreError as exc:
            self.entry_rejected.emit(f"{self.row_label(row)}: ค่า \"{value}\" ใช้ไม่ได้ เพราะ{exc}")
            return False
        if new == row.score:
            return False
        self.score_entered.emit(self.row_key(row), row.score, new)
        return True

    def row_of(self, key) -> int:
        """Row number of an indicator number or item code; -1 when absent."""
        return next((n for n, row in enumerate(self.rows) if self.row_key(row) == key), -1)
