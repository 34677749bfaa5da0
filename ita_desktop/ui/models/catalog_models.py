"""Table models of the criteria editor: tool weights, indicators and items of one year's catalog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt

from ita_desktop.core.criteria import Criteria, Indicator, Item, Tool, ToolPart
from ita_desktop.core.digits import to_arabic_digits

from .table import Column, EntryError, TableModel, required_text  # noqa: F401  (EntryError re-exported)
from . import roles


def text_column(header: str, show: Callable[[object], str], edit: Callable[[object, str], object] | None = None) -> Column:
    """A catalog column: ``edit(row, text)`` makes the new row (EntryError when refused)."""
    if edit is None:
        return Column(header, show)
    return Column(header, show, parse=lambda text: text, write=edit, value=lambda row: show(row).strip(),
                  edit_text=lambda row: show(row).strip())


@dataclass(frozen=True)
class WeightRow:
    """A tool or, with ``parent``, a part of one (EIT1 of EIT)."""

    code: str
    name: str
    weight: float
    parent: str = ""


def weight_rows(c: Criteria) -> list[WeightRow]:
    rows = []
    for tool in c.tools:
        rows.append(WeightRow(tool.code, tool.name, tool.weight))
        rows += [WeightRow(p.code, p.name, p.weight, tool.code) for p in tool.parts]
    return rows


def tools_from_rows(rows: list[WeightRow]) -> tuple[Tool, ...]:
    """Inverse of :func:`weight_rows`."""
    return tuple(
        Tool(r.code, r.name, r.weight, tuple(ToolPart(p.code, p.name, p.weight) for p in rows if p.parent == r.code))
        for r in rows if not r.parent
    )


def parse_weight(text: str) -> float:
    try:
        value = float(to_arabic_digits(str(text).strip()))
    except ValueError:
        raise EntryError("น้ำหนักต้องเป็นตัวเลข") from None
    if not 0 <= value <= 100:
        raise EntryError("น้ำหนักต้องอยู่ระหว่าง 0 ถึง 100")
    return value


WEIGHT_COLUMNS = (
    text_column("รหัส", lambda r: r.code if not r.parent else f"   {r.code} (ส่วนของ {r.parent})"),
    text_column("ชื่อเครื่องมือการประเมิน", lambda r: r.name, lambda r, t: replace(r, name=required_text(t))),
    text_column("น้ำหนัก (ร้อยละ)", lambda r: f"{r.weight:g}", lambda r, t: replace(r, weight=parse_weight(t))),
)
INDICATOR_COLUMNS = (
    text_column("ตัวชี้วัดที่", lambda i: str(i.number)),
    text_column("เครื่องมือ", lambda i: i.tool),
    text_column("ชื่อตัวชี้วัด", lambda i: i.name, lambda i, t: replace(i, name=required_text(t))),
)
ITEM_COLUMNS = (
    text_column("ข้อ", lambda i: i.code),
    text_column("ตัวชี้วัดที่", lambda i: str(i.indicator)),
    text_column("ตัวชี้วัดย่อย", lambda i: i.sub_indicator or ""),
    # Typing a text makes it known: the clerk has the year's official wording.
    text_column("ข้อคำถาม", lambda i: i.text, lambda i, t: replace(i, text=required_text(t), text_known=True)),
)


class CatalogTableModel(TableModel):
    """Rows of frozen dataclasses shown through column definitions; edits replace rows."""

    def __init__(self, columns: tuple[Column, ...], label: Callable[[object], str], parent=None):
        super().__init__(columns, parent)
        self.label = label  # how a row is named in a message

    def row_label(self, row) -> str:
        return self.label(row)

    def setData(self, index, value, role: int = roles.EDIT) -> bool:
        # The column's write parses: its EntryError becomes the Thai rejection like a parse error.
        column = self.column(index.column()) if index.isValid() else None
        if role != roles.EDIT or column is None or column.write is None:
            return False
        row = self.rows[index.row()]
        try:
            new = column.write(row, value)
        except EntryError as exc:
            self.rejected.emit(self.entry_message(row, column, value, str(exc)))
            return False
        if new == row:
            return False
        self.rows[index.row()] = new
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def entry_message(self, row, column: Column, value, reason: str) -> str:
        return f"{self.label(row)} ช่อง '{column.header}': ค่า \"{value}\" ใช้ไม่ได้ เพราะ{reason}"


def weight_model(parent=None) -> CatalogTableModel:
    return CatalogTableModel(WEIGHT_COLUMNS, lambda r: f"เครื่องมือ {r.code}", parent)


def indicator_model(parent=None) -> CatalogTableModel:
    return CatalogTableModel(INDICATOR_COLUMNS, lambda i: f"ตัวชี้วัดที่ {i.number}", parent)


def item_model(parent=None) -> CatalogTableModel:
    return CatalogTableModel(ITEM_COLUMNS, lambda i: f"ข้อคำถาม {i.code}", parent)


def catalog_with(c: Criteria, weights: list[WeightRow], indicators: list[Indicator], items: list[Item],
                 pass_line: float) -> Criteria:
    """``c`` with the editor's tables and pass line."""
    return replace(c, tools=tools_from_rows(weights), indicators=tuple(indicators), items=tuple(items),
                   pass_line=float(pass_line))
