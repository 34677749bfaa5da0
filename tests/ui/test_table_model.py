"""The one table model: column definitions read, parse, validate and write; editors by kind."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QStyleOptionViewItem, QWidget

from ita_desktop.ui.models.table import (
    CHOICE, DATE, MULTILINE, NUMBER, Column, TableModel, date_text, date_value, required_text, score_value,
)
from ita_desktop.ui.widgets.cell_editors import ColumnDelegate


@dataclass(frozen=True)
class Row:
    key: int
    name: str
    score: float | None
    due: dt.date | None
    steps: str
    owner: str


COLUMNS = (
    Column("ชื่อ", lambda r: r.name, parse=required_text, write=lambda r, v: replace(r, name=v), value=lambda r: r.name),
    Column("คะแนน", lambda r: "" if r.score is None else f"{r.score:.2f}", parse=score_value, editor=NUMBER,
           write=lambda r, v: replace(r, score=v), value=lambda r: r.score, sort=lambda r: r.score or 0),
    Column("กำหนดเวลา", lambda r: date_text(r.due), parse=date_value, editor=DATE,
           write=lambda r, v: replace(r, due=v), value=lambda r: r.due),
    Column("ขั้นตอน", lambda r: r.steps, parse=lambda t: str(t), editor=MULTILINE, write=lambda r, v: replace(r, steps=v)),
    Column("ผู้รับผิดชอบ", lambda r: r.owner, parse=lambda t: str(t).strip(), editor=CHOICE,
           choices=("สำนักปลัด", "กองคลัง"), write=lambda r, v: replace(r, owner=v)),
    Column("รหัส", lambda r: str(r.key)),
)


class Model(TableModel):
    COLUMNS = COLUMNS

    def row_key(self, row):
        return row.key

    def row_label(self, row):
        return f"มาตรการที่ {row.key}"


@pytest.fixture
def model(qtbot):
    m = Model()
    m.set_rows([Row(1, "เผยแพร่ข้อมูล", 80.0, dt.date(2026, 9, 30), "ขั้นที่ 1", "สำนักปลัด"),
                Row(2, "ประชุมชี้แจง", None, None, "", "กองคลัง")])
    return m


def test_read_edit_text_key_and_sort(model):
    assert model.data(model.index(0, 2)) == "30/9/2569"
    assert model.data(model.index(0, 0), Qt.UserRole + 2) == 1
    assert model.headerData(1, Qt.Horizontal) == "คะแนน"
    assert model.flags(model.index(0, 5)) & Qt.ItemIsEditable == Qt.NoItemFlags
    assert model.flags(model.index(0, 1)) & Qt.ItemIsEditable


def test_an_entry_is_parsed_written_and_announced(qtbot, model):
    with qtbot.waitSignal(model.entered) as blocker:
        assert model.setData(model.index(1, 2), "๑๕ ม.ค. ๒๕๗๐")
    assert blocker.args == [2, 2, None, dt.date(2027, 1, 15)]
    assert model.rows[1].due == dt.date(2027, 1, 15) and model.data(model.index(1, 2)) == "15/1/2570"


@pytest.mark.parametrize("column, text, reason", [(0, "  ", "ว่าง"), (1, "105", "ระหว่าง"),
                                                   (2, "31/2/2569", "ปฏิทิน"), (2, "30/11/2026", "พุทธศักราช")])
def test_bad_entries_are_refused_in_thai_naming_row_column_value(qtbot, model, column, text, reason):
    before = list(model.rows)
    with qtbot.waitSignal(model.rejected) as blocker:
        assert not model.setData(model.index(0, column), text)
    message = blocker.args[0]
    assert "มาตรการที่ 1" in message and COLUMNS[column].header in message and text in message and reason in message
    assert model.rows == before


def test_unchanged_entry_does_nothing(qtbot, model):
    with qtbot.assertNotEmitted(model.entered):
        assert not model.setData(model.index(0, 1), "80")


@pytest.mark.parametrize("column, editor_type", [(0, QLineEdit), (1, QLineEdit), (2, QLineEdit),
                                                 (3, QPlainTextEdit), (4, QComboBox)])
def test_editors_follow_the_column_kind_through_a_proxy(qtbot, model, column, editor_type):
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    parent = QWidget()
    qtbot.addWidget(parent)
    delegate = ColumnDelegate()
    index = proxy.index(0, column)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(editor, editor_type)
    delegate.setEditorData(editor, index)
    if column == 4:
        assert [editor.itemText(i) for i in range(editor.count())] == ["สำนักปลัด", "กองคลัง"]
        editor.setCurrentText("กองช่าง")  # free text beside the choices
        delegate.setModelData(editor, proxy, index)
        assert model.rows[0].owner == "กองช่าง"
    if column == 3:
        editor.setPlainText("ขั้นที่ 1\nขั้นที่ 2")
        delegate.setModelData(editor, proxy, index)
        assert model.rows[0].steps == "ขั้นที่ 1\nขั้นที่ 2"
