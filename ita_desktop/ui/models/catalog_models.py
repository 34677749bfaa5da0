"""Table models of the criteria editor: tool weights, indicators and items of one year's catalog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from ita_desktop.core.criteria import Criteria, Indicator, Item, Tool, ToolPart
from ita_desktop.core.digits import to_arabic_digits

from .row_list import RowListModel

_Index = QModelIndex | QPersistentModelIndex


class EntryError(ValueError):
    """A cell entry that cannot be accepted; the message is Thai."""


@dataclass(frozen=True)
class Column:
    """One column: its header, how a row shows, and (when editable) how an entry changes the row."""

    header: str
    show: Callable[[object], str]
    edit: Callable[[object, str], object] | None = None


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


def required_text(text: str) -> str:
    value = str(text).strip()
    if not value:
        raise EntryError("ข้อความว่างไม่ได้")
    return value


WEIGHT_COLUMNS = (
    Column("รหัส", lambda r: r.code if not r.parent else f"   {r.code} (ส่วนของ {r.parent})"),
    Column("ชื่อเครื่องมือการประเมิน", lambda r: r.name, lambda r, t: replace(r, name=required_text(t))),
    Column("น้ำหนัก (ร้อยละ)", lambda r: f"{r.weight:g}", lambda r, t: replace(r, weight=parse_weight(t))),
)
INDICATOR_COLUMNS = (
    Column("ตัวชี้วัดที่", lambda i: str(i.number)),
    Column("เครื่องมือ", lambda i: i.tool),
    Column("ชื่อตัวชี้วัด", lambda i: i.name, lambda i, t: replace(i, name=required_text(t))),
)
ITEM_COLUMNS = (
    Column("ข้อ", lambda i: i.code),
    Column("ตัวชี้วัดที่", lambda i: str(i.indicator)),
    Column("ตัวชี้วัดย่อย", lambda i: i.sub_indicator or ""),
    # Typing a text makes it known: the clerk has the year's official wording.
    Column("ข้อคำถาม", lambda i: i.text, lambda i, t: replace(i, text=required_text(t), text_known=True)),
)


class CatalogTableModel(RowListModel):
    """Rows of frozen dataclasses shown through :class:`Column` definitions; edits replace rows."""

    entry_rejected = Signal(str)
    edited = Signal()

    def __init__(self, columns: tuple[Column, ...], label: Callable[[object], str], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.label = label  # how a row is named in a message



    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def data(self, index: _Index, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            text = self.columns[index.column()].show(self.rows[index.row()])
            return text.strip() if role == Qt.EditRole else text
        return None

    def flags(self, index: _Index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsEditable if self.columns[index.column()].edit else base

    def setData(self, index: _Index, value, role: int = Qt.EditRole) -> bool:
        column = self.columns[index.column()] if index.isValid() else None
        if role != Qt.EditRole or column is None or column.edit is None:
            return False
        row = self.rows[index.row()]
        try:
            new = column.edit(row, value)
        except EntryError as exc:
            self.entry_rejected.emit(f"{self.label(row)} ช่อง '{column.header}': ค่า \"{value}\" ใช้ไม่ได้ เพราะ{exc}")
            return False
        if new == row:
            return False
        self.rows[index.row()] = new
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


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
