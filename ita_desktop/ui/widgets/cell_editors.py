"""The editor a table cell gets from its column's kind (ui/models/table.py): one line of text,
several lines, a number, a Buddhist-era date or a choice that also takes free text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ita_desktop.ui.models.table import CHOICE, DATE, MULTILINE, NUMBER, TableModel
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapDelegate
from ita_desktop.ui.models import roles

DATE_HINT = "วัน/เดือน/ปี พ.ศ. เช่น 30/11/2569"


class ColumnDelegate(ThaiWrapDelegate):
    """Creates each cell's editor from the :class:`~ita_desktop.ui.models.table.Column` kind; shown
    cells wrap between Thai words (as every wrapping table does)."""

    def _column(self, index: QModelIndex):
        model = index.model()
        while hasattr(model, "sourceModel"):  # through sort/filter proxies
            index = model.mapToSource(index)
            model = model.sourceModel()
        return model.column(index.column()) if isinstance(model, TableModel) else None

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802
        column = self._column(index)
        kind = column.editor if column else None
        if kind == MULTILINE:
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(max(option.rect.height(), 90))
            return editor
        if kind == CHOICE:
            editor = QComboBox(parent)
            editor.setEditable(True)  # a free text is allowed beside the choices
            editor.addItems(column.choice_list())
            return editor
        editor = QLineEdit(parent)
        if kind == NUMBER:
            editor.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        elif kind == DATE:
            editor.setPlaceholderText(DATE_HINT)
            editor.setToolTip(DATE_HINT)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        text = index.data(roles.EDIT) or ""
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(text))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(str(text))
        else:
            editor.setText(str(text))

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QPlainTextEdit):
            text = editor.toPlainText()
        elif isinstance(editor, QComboBox):
            text = editor.currentText()
        else:
            text = editor.text()
        model.setData(index, text, roles.EDIT)
