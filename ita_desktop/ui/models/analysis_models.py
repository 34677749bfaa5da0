"""The grouped table of the วิเคราะห์จุดอ่อน tab: category -> indicator -> items."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ita_desktop.core.analysis import Category
from ita_desktop.services.analysis import CategoryGroup, IndicatorView, ItemView

from .measure_models import TextTableModel
from .score_base import FAILED_TEXT, NO_SCORE_TEXT, PASSED_TEXT, format_score

CATEGORY_ROW, INDICATOR_ROW, ITEM_ROW = "category", "indicator", "item"
COL_CODE, COL_TEXT, COL_TOOL, COL_SCORE, COL_RESULT, COL_GUIDELINE = range(6)


@dataclass(frozen=True)
class CategoryStyle:
    foreground: QColor  # score and result text
    tint: QColor  # item rows
    heading: QColor  # the category's heading row


CATEGORY_STYLES = {
    Category.URGENT: CategoryStyle(QColor("#b3261e"), QColor("#fdeceb"), QColor("#f6c9c4")),
    Category.DEVELOP: CategoryStyle(QColor("#8a5300"), QColor("#fff6d6"), QColor("#ffe08a")),
    Category.MAINTAIN: CategoryStyle(QColor("#1b6e2a"), QColor("#e8f5ea"), QColor("#bfe3c5")),
}


@dataclass(frozen=True)
class AnalysisRow:
    """A row of the grouped table; ``kind`` says which of the other fields apply."""

    kind: str
    category: Category
    group: CategoryGroup | None = None
    indicator: IndicatorView | None = None
    item: ItemView | None = None


def analysis_rows(groups: tuple[CategoryGroup, ...]) -> list[AnalysisRow]:
    """Flatten the groups into heading, indicator and item rows, in reading order."""
    rows = []
    for group in groups:
        rows.append(AnalysisRow(CATEGORY_ROW, group.category, group=group))
        for ind in group.indicators:
            rows.append(AnalysisRow(INDICATOR_ROW, group.category, indicator=ind))
            rows.extend(AnalysisRow(ITEM_ROW, group.category, indicator=ind, item=i) for i in ind.items)
    return rows


def heading_text(group: CategoryGroup) -> str:
    """The category heading with what it holds, e.g. "… (8 ตัวชี้วัด, 36 ข้อคำถาม)"."""
    counts = f"{len(group.indicators)} ตัวชี้วัด"
    if group.item_count:
        counts += f", {group.item_count} ข้อคำถาม"
    return f"{group.category.value} ({counts})"


def _result(passed: bool | None) -> str:
    return NO_SCORE_TEXT if passed is None else PASSED_TEXT if passed else FAILED_TEXT


class AnalysisTableModel(TextTableModel):
    HEADERS = ("ตัวชี้วัด/ข้อ", "ตัวชี้วัด / ข้อคำถาม", "เครื่องมือ", "คะแนน", "ผลการประเมิน", "แนวทางการพัฒนา")
    CENTERED = frozenset({COL_CODE, COL_TOOL, COL_RESULT})

    def set_groups(self, groups: tuple[CategoryGroup, ...]) -> None:
        self.set_rows(analysis_rows(groups))

    def heading_rows(self) -> list[int]:
        """Rows that span the whole table (the category headings)."""
        return [n for n, row in enumerate(self.rows) if row.kind == CATEGORY_ROW]

    def display(self, row: AnalysisRow, column: int) -> str:
        if row.kind == CATEGORY_ROW:
            return heading_text(row.group) if column == COL_CODE else ""
        if row.kind == INDICATOR_ROW:
            ind = row.indicator
            return (f"ตัวชี้วัดที่ {ind.number}", ind.name, ind.tool, format_score(ind.score),
                    _result(ind.passed), ind.note)[column]
        item = row.item
        return (item.code, item.text or "(ยังไม่ทราบข้อความของปีนี้)", row.indicator.tool,
                format_score(item.score), _result(item.passed), item.guideline)[column]

    def row_key(self, row: AnalysisRow):
        if row.kind == ITEM_ROW:
            return row.item.code
        return row.indicator.number if row.kind == INDICATOR_ROW else row.category

    def decorate(self, row: AnalysisRow, column: int, role: int):
        style = CATEGORY_STYLES[row.category]
        if role == Qt.BackgroundRole:
            return style.heading if row.kind == CATEGORY_ROW else style.tint if row.kind == ITEM_ROW else None
        if role == Qt.ForegroundRole:
            return self._foreground(row, column, style)
        if role == Qt.FontRole and row.kind != ITEM_ROW:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and row.kind == CATEGORY_ROW:
            return int(Qt.AlignVCenter | Qt.AlignLeft)
        if role == Qt.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignTop | Qt.AlignRight)
        if role == Qt.ToolTipRole and column in (COL_TEXT, COL_GUIDELINE):
            return self.display(row, column) or None
        return None

    def _foreground(self, row: AnalysisRow, column: int, style: CategoryStyle):
        if row.kind == CATEGORY_ROW:
            return style.foreground
        if column not in (COL_SCORE, COL_RESULT):
            return None
        if row.kind == INDICATOR_ROW:  # the indicator's own category, not the group's
            own = row.indicator.category
            return CATEGORY_STYLES[own].foreground if own else None
        return style.foreground
