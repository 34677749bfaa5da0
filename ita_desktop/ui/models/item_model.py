"""The item (ข้อคำถาม) table of the คะแนน tab, and its filter by tool, indicator and scored-only."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from ita_desktop.core.scoring import ScoreResult

from .score_base import (
    FAILED_FG,
    FAILED_ROW_BG,
    MUTED_FG,
    PASSED_FG,
    SORT_ROLE,
    TOOL_ORDER,
    ScoreTableModel,
    format_score,
    result_text,
)
from . import roles

COL_CODE, COL_TOOL, COL_INDICATOR, COL_TEXT, COL_SCORE, COL_RESULT = range(6)
UNKNOWN_TEXT = "(ยังไม่ทราบข้อความของปีนี้)"


@dataclass(frozen=True)
class ItemRow:
    code: str
    tool: str
    indicator: int
    text: str
    score: float | None
    passed: bool | None
    text_known: bool = True


def item_rows(result: ScoreResult) -> list[ItemRow]:
    """One row per catalog item of the result's year, scored or not."""
    tools = {i.number: i.tool for i in result.indicators}
    return [
        ItemRow(i.code, tools.get(i.indicator, ""), i.indicator, i.text, i.score, i.passed, i.text_known)
        for i in result.items
    ]


def code_sort_key(code: str, tool: str) -> int:
    """i2 before i10, IIT before EIT before OIT."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return TOOL_ORDER.get(tool, 9) * 1000 + (int(digits) if digits else 0)


class ItemTableModel(ScoreTableModel):
    HEADERS = ("ข้อ", "เครื่องมือ", "ตัวชี้วัดที่", "ข้อคำถาม", "คะแนน", "ผลการประเมิน")
    SCORE_COLUMN = COL_SCORE

    def display(self, row: ItemRow, column: int) -> str:
        if column == COL_TEXT:
            return row.text or UNKNOWN_TEXT
        return {
            COL_CODE: row.code,
            COL_TOOL: row.tool,
            COL_INDICATOR: str(row.indicator),
            COL_SCORE: format_score(row.score),
            COL_RESULT: "" if row.passed is None else result_text(row.passed),
        }[column]

    def sort_key(self, row: ItemRow, column: int):
        if column in (COL_CODE, COL_TOOL):
            return code_sort_key(row.code, row.tool)
        if column == COL_INDICATOR:
            return row.indicator * 1000 + code_sort_key(row.code, row.tool) % 1000
        if column == COL_SCORE:
            return -1.0 if row.score is None else row.score
        if column == COL_RESULT:
            return -1 if row.passed is None else int(row.passed)
        return row.text

    def row_label(self, row: ItemRow) -> str:
        return f"ข้อคำถาม {row.code} (ตัวชี้วัดที่ {row.indicator})"

    def row_key(self, row: ItemRow) -> str:
        return row.code

    def decorate(self, row: ItemRow, column: int, role: int):
        if role == roles.BACKGROUND and row.passed is False:
            return FAILED_ROW_BG  # the whole row: items below the pass line stand out
        if role == roles.FOREGROUND:
            if column == COL_RESULT and row.passed is not None:
                return PASSED_FG if row.passed else FAILED_FG
            if column == COL_TEXT and not row.text_known:
                return MUTED_FG
        if role == roles.FONT and column == COL_RESULT and row.passed is False:
            font = QFont()
            font.setBold(True)
            return font
        if role == roles.TOOLTIP and column == COL_TEXT:
            return self.display(row, column)
        if role == roles.ALIGNMENT and column in (COL_CODE, COL_TOOL, COL_INDICATOR, COL_RESULT):
            return int(Qt.AlignCenter)
        return None


class ItemFilterProxy(QSortFilterProxyModel):
    """Shows the items of one tool and/or one indicator (None means all), sorted numerically."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tool: str | None = None
        self.indicator: int | None = None
        self.scored_only = False
        self.setSortRole(SORT_ROLE)

    def set_tool(self, tool: str | None) -> None:
        self._change(tool=tool or None)

    def set_indicator(self, indicator: int | None) -> None:
        self._change(indicator=indicator)

    def set_scored_only(self, on: bool) -> None:
        self._change(scored_only=bool(on))

    def _change(self, **settings) -> None:
        # Qt 6.10+ has begin/endFilterChange and deprecates invalidateFilter(); 6.8-6.9 only the latter.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        for name, value in settings.items():
            setattr(self, name, value)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        rows = self.sourceModel().rows
        if source_row >= len(rows):
            return False
        row: ItemRow = rows[source_row]
        if self.tool and row.tool != self.tool:
            return False
        if self.indicator is not None and row.indicator != self.indicator:
            return False
        return not (self.scored_only and row.score is None)
