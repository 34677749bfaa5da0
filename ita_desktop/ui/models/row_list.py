"""The shared part of every table model here: a list of plain row objects, one per table row."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

_Index = QModelIndex | QPersistentModelIndex


class RowListModel(QAbstractTableModel):
    """A table model over ``self.rows``; subclasses give columns, data and headers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)
