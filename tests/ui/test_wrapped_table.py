"""WrappedTable: rows grow to their wrapped Thai text, those on screen at once and the rest in
later turns of the event loop, without moving the row on top."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from ita_desktop.ui.models.row_list import RowListModel
from ita_desktop.ui.widgets.tables import WrappedTable

TEXT = ("ควรกำชับเจ้าหน้าที่ของหน่วยงานให้ปฏิบัติหรือให้บริการแก่บุคคลภายนอกตามขั้นตอนและระยะเวลาที่กำหนด "
        "อย่างเท่าเทียมกัน และเผยแพร่ข้อมูลการดำเนินงานให้ประชาชนทราบ")


class _Rows(RowListModel):
    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 2

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            number, text = self.rows[index.row()]
            return str(number) if index.column() == 0 else text
        return None


def _table(qtbot, rows: int) -> tuple[WrappedTable, _Rows]:
    model = _Rows()
    view = WrappedTable(model, lambda: {0: "9999"})
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_rows([(n, TEXT if n % 3 else "สั้น") for n in range(rows)])
    return view, model


def test_rows_on_screen_are_fitted_first_and_the_rest_soon_after(qtbot):
    view, model = _table(qtbot, 300)
    qtbot.waitUntil(lambda: view.rowHeight(1) > view.rowHeight(0))  # a long text wraps, a short one does not
    assert not view.rows_fitted  # hundreds of rows: not all in one turn of the event loop
    shown_rows = [r for r in range(model.rowCount()) if view.rowViewportPosition(r) < view.viewport().height()]
    heights = [view.rowHeight(r) for r in shown_rows]
    qtbot.waitUntil(lambda: view.rows_fitted, timeout=10_000)
    assert [view.rowHeight(r) for r in shown_rows] == heights
    fitted = [view.rowHeight(r) for r in range(model.rowCount())]
    view.fit_all_rows()  # Qt's own resizeRowsToContents: the same heights
    assert [view.rowHeight(r) for r in range(model.rowCount())] == fitted
    assert fitted[299] == fitted[1] > fitted[0]


def test_rows_growing_above_the_top_row_do_not_move_it(qtbot):
    view, model = _table(qtbot, 300)
    qtbot.waitUntil(lambda: view.rowHeight(1) > view.rowHeight(0))
    view.fit_rows()  # as after a column was resized, but scrolled down first:
    view.scrollTo(model.index(200, 1), WrappedTable.PositionAtTop)
    view.fit_rows()
    top = view.rowAt(0)
    place = view.rowViewportPosition(top)
    qtbot.waitUntil(lambda: view.rows_fitted, timeout=10_000)
    assert view.rowAt(0) == top and abs(view.rowViewportPosition(top) - place) <= 1


def test_a_short_table_is_fitted_at_once(qtbot):
    view, model = _table(qtbot, 10)
    QApplication.processEvents()
    assert view.rows_fitted and view.rowHeight(1) > view.rowHeight(0)
