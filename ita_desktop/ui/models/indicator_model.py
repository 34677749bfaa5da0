"""The indicator table of the คะแนน tab: ten indicators, their scores and change against last year."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from ita_desktop.core.analysis import ScoreChange
from ita_desktop.core.scoring import ScoreResult

from .score_base import (
    FAILED_FG,
    MUTED_FG,
    PASSED_FG,
    TOOL_ORDER,
    ScoreTableModel,
    format_score,
    result_background,
    result_text,
)
from . import roles

COL_NUMBER, COL_TOOL, COL_NAME, COL_SCORE, COL_RESULT, COL_CHANGE = range(6)
NO_CHANGE_SORT = -1000.0  # sorts "no figure last year" below every real change


@dataclass(frozen=True)
class IndicatorRow:
    number: int
    tool: str
    name: str
    score: float | None
    passed: bool | None
    change: float | None = None  # current - last year, None without last year's figure


def indicator_rows(result: ScoreResult, changes: dict[int, ScoreChange] | None = None) -> list[IndicatorRow]:
    """Rows of the table from a score result and the per-indicator change against last year."""
    changes = changes or {}
    return [
        IndicatorRow(i.number, i.tool, i.name, i.score, i.passed,
                     changes[i.number].change if i.number in changes else None)
        for i in result.indicators
    ]


def format_change(change: float | None) -> str:
    """+1.25 / -0.50 / 0.00, an en dash when last year has no figure."""
    if change is None:
        return "–"
    return f"{change:+.2f}" if change else "0.00"


class IndicatorTableModel(ScoreTableModel):
    HEADERS = ("ตัวชี้วัดที่", "เครื่องมือ", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน", "เปลี่ยนแปลงจากปีก่อน")
    WRAPPED_HEADERS = {COL_NUMBER: "ตัวชี้วัด\nที่", COL_RESULT: "ผลการ\nประเมิน", COL_CHANGE: "เปลี่ยนแปลง\nจากปีก่อน"}
    SCORE_COLUMN = COL_SCORE

    def display(self, row: IndicatorRow, column: int) -> str:
        return {
            COL_NUMBER: str(row.number),
            COL_TOOL: row.tool,
            COL_NAME: row.name,
            COL_SCORE: format_score(row.score),
            COL_RESULT: result_text(row.passed),
            COL_CHANGE: format_change(row.change),
        }[column]

    def sort_key(self, row: IndicatorRow, column: int):
        if column == COL_NUMBER:
            return row.number
        if column == COL_TOOL:
            return TOOL_ORDER.get(row.tool, 9) * 100 + row.number
        if column == COL_SCORE:
            return -1.0 if row.score is None else row.score
        if column == COL_RESULT:
            return -1 if row.passed is None else int(row.passed)
        if column == COL_CHANGE:
            return NO_CHANGE_SORT if row.change is None else row.change
        return row.name

    def row_label(self, row: IndicatorRow) -> str:
        return f"ตัวชี้วัดที่ {row.number} {row.name}"

    def row_key(self, row: IndicatorRow) -> int:
        return row.number

    def decorate(self, row: IndicatorRow, column: int, role: int):
        if column == COL_RESULT and role == roles.BACKGROUND:
            return result_background(row.passed)
        if column == COL_RESULT and role == roles.FOREGROUND:
            return MUTED_FG if row.passed is None else (PASSED_FG if row.passed else FAILED_FG)
        if column == COL_CHANGE and role == roles.FOREGROUND and row.change:
            return PASSED_FG if row.change > 0 else FAILED_FG
        if column in (COL_NUMBER, COL_TOOL, COL_CHANGE, COL_RESULT) and role == roles.ALIGNMENT:
            return int(Qt.AlignCenter)
        return None
