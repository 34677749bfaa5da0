"""The grouped table of the วิเคราะห์จุดอ่อน tab: category -> indicator -> items, with what each
point is worth (gains), the change since the previous scored year and the editable guideline."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from ita_desktop.core.analysis import Category
from ita_desktop.services.analysis import CATEGORY_ORDER, FullAnalysis, IndicatorRow, ItemRow
from ita_desktop.services.guidelines import OWN, SOURCE_TITLES

from .score_base import format_score
from .table import MULTILINE, TOP_LEFT, Column, TableModel, text_value
from . import roles

CATEGORY_ROW, INDICATOR_ROW, ITEM_ROW = "category", "indicator", "item"
(COL_CODE, COL_TEXT, COL_SCORE, COL_GAP, COL_GAIN_LINE, COL_GAIN_100, COL_CHANGE,
 COL_GUIDELINE) = range(8)
UNKNOWN_TEXT = "(ยังไม่ทราบข้อความของปีนี้)"
PASSED_GAP = "ผ่าน"
TOP_RIGHT = int(Qt.AlignTop | Qt.AlignRight)
GAIN_TIP = "คะแนนรวมที่เพิ่มขึ้น ถ้ายกคะแนนข้อนี้ข้อเดียวจน{what} (ข้ออื่นเท่าเดิม)"


_FONTS: dict[tuple[bool, bool], QFont] = {}  # (bold, italic) -> the font, made once


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
SUGGESTED_COLOUR = QColor("#5a5a5a")


@dataclass(frozen=True)
class Group:
    """One category: the indicators of that category (the summary sentence counts these), the
    items of that category, and the indicators listed as their headings."""

    category: Category
    indicators: tuple[IndicatorRow, ...]  # the indicator's own category is this one
    items: tuple[ItemRow, ...]
    listed: tuple[tuple[IndicatorRow, tuple[ItemRow, ...]], ...]

    @property
    def item_count(self) -> int:
        return len(self.items)


def build_groups(a: FullAnalysis, tool: str | None = None, category: Category | None = None) -> tuple[Group, ...]:
    """The groups of ``a`` in report order, limited to one tool and/or one category when given."""
    groups = []
    for cat in CATEGORY_ORDER:
        if category is not None and cat != category:
            continue
        indicators = [i for i in a.indicators if tool in (None, i.tool)]
        own = tuple(i for i in indicators if i.category == cat)
        listed = tuple((i, a.items_of(i.number, cat)) for i in indicators
                       if i.category == cat or a.items_of(i.number, cat))
        items = tuple(item for _, its in listed for item in its)
        if own or items:
            groups.append(Group(cat, own, items, listed))
    return tuple(groups)


def heading_text(group: Group) -> str:
    """The category heading with what it holds, e.g. "… (8 ตัวชี้วัด, 36 ข้อคำถาม)"."""
    return f"{group.category.value} ({len(group.indicators)} ตัวชี้วัด, {group.item_count} ข้อคำถาม)"


@dataclass(frozen=True)
class AnalysisRow:
    """A row of the grouped table; ``kind`` says which of the other fields apply."""

    kind: str
    category: Category
    group: Group | None = None
    indicator: IndicatorRow | None = None
    item: ItemRow | None = None

    @property
    def record(self):
        return self.item if self.kind == ITEM_ROW else self.indicator


def analysis_rows(groups: tuple[Group, ...]) -> list[AnalysisRow]:
    """Flatten the groups into heading, indicator and item rows, in reading order."""
    rows = []
    for group in groups:
        rows.append(AnalysisRow(CATEGORY_ROW, group.category, group=group))
        for ind, items in group.listed:
            rows.append(AnalysisRow(INDICATOR_ROW, group.category, indicator=ind))
            rows.extend(AnalysisRow(ITEM_ROW, group.category, indicator=ind, item=i) for i in items)
    return rows


def _number(value: float | None, sign: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:+.2f}" if sign else f"{value:.2f}"


class AnalysisTableModel(TableModel):
    """Rows of :func:`analysis_rows`; the guideline column is edited with a multi-line editor and
    stored by the tab (``entered``: key ("item", code) or ("indicator", "n"), column, old, new)."""

    def __init__(self, parent=None):
        super().__init__(None, parent)
        self.line = 85.0
        self.previous_year: int | None = None
        self._columns = (
            Column("ตัวชี้วัด/ข้อ", self._code, tooltip=self._code_tip, align=TOP_LEFT),
            Column("ตัวชี้วัด / ข้อคำถาม", self._text, tooltip=lambda r: self._text(r) or None, align=TOP_LEFT),
            Column("คะแนน", lambda r: self._cell(r, lambda x: format_score(x.score)), align=TOP_RIGHT),
            Column("ห่างจาก\nเกณฑ์", self._gap, align=TOP_RIGHT),
            Column("เพิ่มเมื่อ\nถึงเกณฑ์", lambda r: self._cell(r, lambda x: _number(x.gain_to_line)), align=TOP_RIGHT,
                   tooltip=lambda r: GAIN_TIP.format(what="ถึงเกณฑ์ผ่าน")),
            Column("เพิ่มเมื่อ\nได้ 100", lambda r: self._cell(r, lambda x: _number(x.gain_to_100)), align=TOP_RIGHT,
                   tooltip=lambda r: GAIN_TIP.format(what="ได้ 100 คะแนน")),
            Column("เทียบกับ\nปีก่อน", lambda r: self._cell(r, lambda x: _number(x.change, sign=True)), align=TOP_RIGHT,
                   tooltip=self._change_tip),
            Column("แนวทางการพัฒนา", self._guideline, parse=text_value, editor=MULTILINE, align=TOP_LEFT,
                   tooltip=self._guideline_tip, editable=lambda r: r.kind != CATEGORY_ROW),
        )

    def set_analysis(self, a: FullAnalysis | None, tool: str | None = None, category: Category | None = None) -> None:
        if a is None:
            self.set_rows([])
            return
        self.line, self.previous_year = a.line, a.previous_year
        self.set_rows(analysis_rows(build_groups(a, tool, category)))

    def heading_rows(self) -> list[int]:
        """Rows that span the whole table (the category headings)."""
        return [n for n, row in enumerate(self.rows) if row.kind == CATEGORY_ROW]

    def row_key(self, row: AnalysisRow):
        if row.kind == ITEM_ROW:
            return ("item", row.item.code)
        if row.kind == INDICATOR_ROW:
            return ("indicator", str(row.indicator.number))
        return ("category", row.category)

    def row_label(self, row: AnalysisRow) -> str:
        return f"ข้อ {row.item.code}" if row.kind == ITEM_ROW else self._code(row)

    # -- cells -------------------------------------------------------------------------------
    @staticmethod
    def _cell(row: AnalysisRow, show) -> str:
        return "" if row.kind == CATEGORY_ROW else show(row.record)

    def _code(self, row: AnalysisRow) -> str:
        if row.kind == CATEGORY_ROW:
            return heading_text(row.group)
        return row.item.code if row.kind == ITEM_ROW else f"ตัวชี้วัดที่ {row.indicator.number}"

    def _code_tip(self, row: AnalysisRow) -> str | None:
        if row.kind == ITEM_ROW and row.item.had_measure:
            return f"ข้อ {row.item.code} มีมาตรการในปีที่ผ่านมา"
        return None

    def _text(self, row: AnalysisRow) -> str:
        if row.kind == CATEGORY_ROW:
            return ""
        if row.kind == INDICATOR_ROW:
            ind = row.indicator
            note = "" if ind.category in (row.category, None) else f" – {ind.category.value}"
            return f"{ind.name} ({ind.tool}){note}"
        return row.item.text if row.item.text_known and row.item.text else UNKNOWN_TEXT

    def _gap(self, row: AnalysisRow) -> str:
        if row.kind == CATEGORY_ROW or row.record.score is None:
            return ""
        gap = self.line - row.record.score
        return f"{gap:.2f}" if round(gap, 2) > 0 else PASSED_GAP

    def _change_tip(self, row: AnalysisRow) -> str | None:
        if row.kind == CATEGORY_ROW:
            return None
        if self.previous_year is None:
            return "ยังไม่มีคะแนนของปีก่อนให้เทียบ"
        return f"เทียบกับปีงบประมาณ พ.ศ. {self.previous_year}"

    def _guideline(self, row: AnalysisRow) -> str:
        return "" if row.kind == CATEGORY_ROW else row.record.guideline.text

    def _guideline_tip(self, row: AnalysisRow) -> str | None:
        if row.kind == CATEGORY_ROW:
            return None
        view = row.record.guideline
        source = SOURCE_TITLES.get(view.source, "ยังไม่มีแนวทาง")
        if view.from_year:
            source += f" พ.ศ. {view.from_year}"
        hint = "ดับเบิลคลิกเพื่อแก้ไข" + ("; ลบข้อความทั้งหมดเพื่อกลับไปใช้ข้อความที่ระบบเสนอ" if view.source == OWN else "")
        return f"{view.text}\n\nที่มา: {source} ({hint})".strip()

    # -- colours -----------------------------------------------------------------------------
    def decorate(self, row: AnalysisRow, column: int, role: int):
        style = CATEGORY_STYLES[row.category]
        if role == roles.BACKGROUND:
            return style.heading if row.kind == CATEGORY_ROW else style.tint if row.kind == ITEM_ROW else None
        if role == roles.FOREGROUND:
            return self._foreground(row, column, style)
        if role == roles.FONT:
            return self._font(row, column)
        if role == roles.ALIGNMENT and row.kind == CATEGORY_ROW:
            return int(Qt.AlignVCenter | Qt.AlignLeft)
        return None

    def _font(self, row: AnalysisRow, column: int):
        suggested = row.kind != CATEGORY_ROW and column == COL_GUIDELINE and row.record.guideline.source != OWN
        if row.kind == ITEM_ROW and not suggested:
            return None
        key = (row.kind != ITEM_ROW, suggested)
        font = _FONTS.get(key)
        if font is None:  # made once: views ask for the font of every cell on every paint
            font = _FONTS[key] = QFont()
            font.setBold(key[0])
            font.setItalic(key[1])
        return font

    def _foreground(self, row: AnalysisRow, column: int, style: CategoryStyle):
        if row.kind == CATEGORY_ROW:
            return style.foreground
        if column == COL_GUIDELINE and row.record.guideline.source != OWN:
            return SUGGESTED_COLOUR
        if column not in (COL_SCORE, COL_GAP):
            return None
        own = row.record.category  # the row's own category, not the group's
        return CATEGORY_STYLES[own].foreground if own else None
