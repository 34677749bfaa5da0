"""The score table models and the item filter, tested without any widget."""

import pytest
from PySide6.QtCore import Qt

from ita_desktop.core.criteria import load_criteria_year
from ita_desktop.core.scoring import compute_scores
from ita_desktop.ui.models import indicator_model as im
from ita_desktop.ui.models import item_model as itm
from ita_desktop.ui.models.score_base import FAILED_ROW_BG, KEY_ROLE, PASSED_BG, SORT_ROLE

SEED_001 = {1: 90.63, 2: 78.75, 3: 86.25, 4: 78.84, 5: 76.09, 6: 80.97, 7: 80.91, 8: 75.49, 9: 80.50, 10: 55.00}
ITEMS = {"i2": 100.0, "i7": 60.07, "i10": 90.0, "e1": 84.99, "o3": 100.0}


@pytest.fixture
def result():
    return compute_scores(load_criteria_year(2566), ITEMS, SEED_001)


@pytest.fixture
def indicators(qapp, result):
    model = im.IndicatorTableModel()
    model.set_rows(im.indicator_rows(result))
    return model


@pytest.fixture
def items(qapp, result):
    model = itm.ItemTableModel()
    model.set_rows(itm.item_rows(result))
    return model


def _cell(model, row, column, role=Qt.DisplayRole):
    return model.data(model.index(row, column), role)


def test_indicator_shape_and_headers(indicators):
    assert indicators.rowCount() == 10
    assert indicators.columnCount() == 6
    headers = [indicators.headerData(c, Qt.Horizontal).replace("\n", "") for c in range(6)]
    assert headers == ["ตัวชี้วัดที่", "เครื่องมือ", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน", "เปลี่ยนแปลงจากปีก่อน"]
    assert indicators.headerData(im.COL_CHANGE, Qt.Horizontal, Qt.ToolTipRole) == "เปลี่ยนแปลงจากปีก่อน"
    assert indicators.headerData(0, Qt.Vertical) is None


def test_indicator_cells_and_colours(indicators):
    row = indicators.row_of(2)
    assert _cell(indicators, row, im.COL_NAME) == "การใช้งบประมาณ"
    assert _cell(indicators, row, im.COL_SCORE) == "78.75"
    assert _cell(indicators, row, im.COL_SCORE, Qt.EditRole) == "78.75"
    assert _cell(indicators, row, im.COL_RESULT) == "ไม่ผ่านเกณฑ์"
    assert _cell(indicators, indicators.row_of(1), im.COL_RESULT) == "ผ่านเกณฑ์"
    assert _cell(indicators, indicators.row_of(1), im.COL_RESULT, Qt.BackgroundRole) == PASSED_BG
    assert _cell(indicators, row, im.COL_CHANGE) == "–"
    assert _cell(indicators, row, im.COL_NUMBER, KEY_ROLE) == 2


def test_change_column_signs(qapp, result):
    from ita_desktop.core.analysis import score_change

    changes = {2: score_change("2", "x", 77.50, 78.75), 10: score_change("10", "x", 60.0, 55.0),
               1: score_change("1", "x", 90.63, 90.63)}
    model = im.IndicatorTableModel()
    model.set_rows(im.indicator_rows(result, changes))
    assert _cell(model, model.row_of(2), im.COL_CHANGE) == "+1.25"
    assert _cell(model, model.row_of(10), im.COL_CHANGE) == "-5.00"
    assert _cell(model, model.row_of(1), im.COL_CHANGE) == "0.00"
    assert _cell(model, model.row_of(10), im.COL_CHANGE, Qt.ForegroundRole).name() == "#b3261e"


def test_only_the_score_column_is_editable(indicators):
    assert indicators.flags(indicators.index(0, im.COL_SCORE)) & Qt.ItemIsEditable
    assert not indicators.flags(indicators.index(0, im.COL_NAME)) & Qt.ItemIsEditable
    indicators.editable = False
    assert not indicators.flags(indicators.index(0, im.COL_SCORE)) & Qt.ItemIsEditable


def test_set_data_emits_the_valid_entry_and_keeps_the_model(qtbot, indicators):
    row = indicators.row_of(2)
    with qtbot.waitSignal(indicators.entered) as blocker:
        assert indicators.setData(indicators.index(row, im.COL_SCORE), "๘๕.๕")  # Thai digits
    assert blocker.args == [2, im.COL_SCORE, 78.75, 85.5]
    assert _cell(indicators, row, im.COL_SCORE) == "78.75"  # the owner stores it and reloads


@pytest.mark.parametrize("text, reason", [("105", "ระหว่าง"), ("abc", "ตัวเลข"), ("80.123", "ทศนิยม")])
def test_set_data_rejects_bad_entries_naming_row_and_value(qtbot, indicators, text, reason):
    entered = []
    indicators.entered.connect(lambda *a: entered.append(a))
    with qtbot.waitSignal(indicators.rejected) as blocker:
        assert not indicators.setData(indicators.index(indicators.row_of(2), im.COL_SCORE), text)
    message = blocker.args[0]
    assert "ตัวชี้วัดที่ 2 การใช้งบประมาณ" in message and f'"{text}"' in message and reason in message
    assert entered == []


def test_set_data_ignores_other_roles_columns_and_unchanged_values(qtbot, indicators):
    with qtbot.assertNotEmitted(indicators.entered):
        assert not indicators.setData(indicators.index(0, im.COL_NAME), "x")
        assert not indicators.setData(indicators.index(0, im.COL_SCORE), "90", Qt.DisplayRole)
        assert not indicators.setData(indicators.index(indicators.row_of(1), im.COL_SCORE), "90.63")


def test_empty_entry_removes_a_score(qtbot, indicators):
    with qtbot.waitSignal(indicators.entered) as blocker:
        indicators.setData(indicators.index(indicators.row_of(10), im.COL_SCORE), "  ")
    assert blocker.args == [10, im.COL_SCORE, 55.0, None]


def test_items_show_every_catalog_item_and_highlight_failed_rows(items):
    assert items.rowCount() == 88
    row = items.row_of("i7")
    assert _cell(items, row, itm.COL_TOOL) == "IIT"
    assert _cell(items, row, itm.COL_INDICATOR) == "2"
    assert _cell(items, row, itm.COL_RESULT) == "ไม่ผ่านเกณฑ์"
    for column in range(items.columnCount()):
        assert _cell(items, row, column, Qt.BackgroundRole) == FAILED_ROW_BG
    assert _cell(items, items.row_of("e1"), itm.COL_RESULT) == "ไม่ผ่านเกณฑ์"  # 84.99 < 85
    assert _cell(items, items.row_of("i2"), itm.COL_SCORE, Qt.BackgroundRole) is None
    assert _cell(items, items.row_of("i1"), itm.COL_SCORE) == "–"
    assert _cell(items, items.row_of("i5"), itm.COL_TEXT) == "(ยังไม่ทราบข้อความของปีนี้)"


def _proxy(items):
    proxy = itm.ItemFilterProxy()
    proxy.setSourceModel(items)
    return proxy


def _codes(proxy):
    return [proxy.index(r, itm.COL_CODE).data() for r in range(proxy.rowCount())]


def test_filter_by_tool_and_indicator(items):
    proxy = _proxy(items)
    proxy.set_tool("EIT")
    assert proxy.rowCount() == 15 and all(c.startswith("e") for c in _codes(proxy))
    proxy.set_tool(None)
    proxy.set_indicator(2)
    assert set(_codes(proxy)) == {"i7", "i8", "i9", "i10", "i11", "i12"}
    proxy.set_tool("OIT")  # indicator 2 is IIT: nothing left
    assert proxy.rowCount() == 0
    proxy.set_tool(None)
    proxy.set_indicator(None)
    proxy.set_scored_only(True)
    assert sorted(_codes(proxy)) == sorted(ITEMS)


def test_sorting_is_numeric_not_lexicographic(items):
    proxy = _proxy(items)
    proxy.set_tool("IIT")
    proxy.sort(itm.COL_CODE, Qt.AscendingOrder)
    assert _codes(proxy)[:12] == [f"i{n}" for n in range(1, 13)]  # i2 before i10
    proxy.set_tool(None)
    proxy.set_scored_only(True)
    proxy.sort(itm.COL_SCORE, Qt.DescendingOrder)
    scores = [proxy.index(r, itm.COL_SCORE).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)
    assert _codes(proxy)[-1] == "i7"  # 60.07 after 100.00 and 90.00 (text order would differ)


def test_indicator_sorting_by_score_and_change(qapp, indicators):
    from PySide6.QtCore import QSortFilterProxyModel

    proxy = QSortFilterProxyModel()
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(indicators)
    proxy.sort(im.COL_SCORE, Qt.AscendingOrder)
    assert [proxy.index(r, im.COL_NUMBER).data() for r in range(3)] == ["10", "8", "5"]
    proxy.sort(im.COL_NUMBER, Qt.DescendingOrder)
    assert proxy.index(0, im.COL_NUMBER).data() == "10"  # not "9"
