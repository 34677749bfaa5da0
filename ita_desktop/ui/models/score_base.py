"""What the score tables share: roles, colours, formatting and validated score entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from .table import KEY_ROLE, NUMBER, RIGHT, SORT_ROLE, Column, TableModel, score_value  # noqa: F401
from . import roles

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


class ScoreTableModel(TableModel):
    """A read-mostly table of rows whose score column the clerk may edit.

    Columns come from HEADERS (WRAPPED_HEADERS on two lines), :meth:`display` and
    :meth:`sort_key`; the score column parses with :func:`score_value`. An edit does not change
    the model: it emits :attr:`entered` (key, column, old, new) for the owner to store through
    the operations helper and reload; an invalid entry emits :attr:`rejected` in Thai.
    """

    HEADERS: tuple[str, ...] = ()
    WRAPPED_HEADERS: dict[int, str] = {}  # long headers shown on two lines to keep columns narrow
    SCORE_COLUMN = -1

    def __init__(self, parent=None):
        super().__init__(None, parent)
        self._score_columns = tuple(self._column(n) for n in range(len(self.HEADERS)))

    def _column(self, n: int) -> Column:
        header = self.WRAPPED_HEADERS.get(n, self.HEADERS[n])
        read = lambda row, n=n: self.display(row, n)  # noqa: E731
        sort = lambda row, n=n: self.sort_key(row, n)  # noqa: E731
        if n != self.SCORE_COLUMN:
            return Column(header, read, sort=sort)
        return Column(header, read, parse=score_value, editor=NUMBER, value=lambda row: row.score,
                      edit_text=lambda row: "" if row.score is None else f"{row.score:.2f}", sort=sort, align=RIGHT,
                      tooltip=lambda row: "ดับเบิลคลิกหรือกด F2 เพื่อกรอกหรือแก้คะแนน (ลบให้ว่างเพื่อเอาคะแนนออก)"
                      if self.editable else None)

    def columns(self):
        return self._score_columns

    # -- to be provided by subclasses ----------------------------------------------------
    def display(self, row, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row, column: int):
        return self.display(row, column)

    def headerData(self, section: int, orientation, role: int = roles.DISPLAY):
        if role == roles.TOOLTIP and orientation == Qt.Horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return super().headerData(section, orientation, role)

    def entry_message(self, row, column: Column, value, reason: str) -> str:
        return f"{self.row_label(row)}: ค่า \"{value}\" ใช้ไม่ได้ เพราะ{reason}"
