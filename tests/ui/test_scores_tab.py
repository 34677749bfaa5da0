"""The คะแนน tab: hand entry updates total and level, undo/redo, validation, filters, warnings."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ita_desktop.services import offices, scores
from ita_desktop.ui.models import indicator_model as im
from ita_desktop.ui.models import item_model as itm
from ita_desktop.ui.tabs.scores_tab import EMPTY_TEXT, ScoresTab

SEED_001 = {1: 90.63, 2: 78.75, 3: 86.25, 4: 78.84, 5: 76.09, 6: 80.97, 7: 80.91, 8: 75.49, 9: 80.50, 10: 55.00}


@pytest.fixture
def office(ctx):
    profile = offices.save_office(ctx, offices.OfficeProfile(name="อบต.ตะโกทอง", kind="องค์การบริหารส่วนตำบล"))
    for number, value in SEED_001.items():
        scores.set_indicator_score(ctx, profile.id, 2566, number, value)
    return profile.id


@pytest.fixture
def tab(qtbot, ctx, office):
    widget = ScoresTab(ctx)
    qtbot.addWidget(widget)
    widget.set_context(office, 2566)
    widget.resize(1200, 760)
    widget.show()
    return widget


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def _edit(qtbot, tab, model, key, text):
    """Type ``text`` into the score cell of ``key`` as the delegate would, and wait for the store."""
    index = model.index(model.row_of(key), model.SCORE_COLUMN)
    with qtbot.waitSignal(tab.ops.changed):
        assert model.setData(index, text)


def _stored(ctx, office):
    return scores.load_scores(ctx, office, 2566)


def test_header_shows_total_and_both_levels(tab):
    assert "75.47" in tab.summary.total.text()
    assert "ต้องปรับปรุง" in tab.summary.level.text()
    assert ">B<" in tab.summary.level_old.text()
    assert "IIT</b> 82.11" in tab.summary.tools.text()
    assert tab.empty_bar.isHidden() and tab.warning_bar.isHidden()


def test_editing_an_indicator_updates_total_level_and_chart(qtbot, ctx, office, tab):
    model = tab.indicators.model
    for number in range(1, 11):
        _edit(qtbot, tab, model, number, "๙๕" if number != 10 else "99.5")
    assert _stored(ctx, office).indicators[10] == 99.5
    assert "95.90" in tab.summary.total.text()  # 0.3*95 + 0.3*95 + 0.4*97.25
    assert "ผ่านดีเยี่ยม" in tab.summary.level.text()
    assert ">AA<" in tab.summary.level_old.text()
    assert model.data(model.index(model.row_of(10), im.COL_RESULT)) == "ผ่านเกณฑ์"
    assert tab.charts.bars.bars[9].score == 99.5


def test_undo_writes_the_old_value_back_and_redo_again(qtbot, ctx, office, tab):
    _edit(qtbot, tab, tab.indicators.model, 10, "80")
    assert "80.47" in tab.summary.total.text()  # OIT 67.75 -> 80.00, weight 40 %
    with qtbot.waitSignal(tab.ops.changed):
        tab.ops.undo()
    assert _stored(ctx, office).indicators[10] == 55.0
    assert "75.47" in tab.summary.total.text()
    with qtbot.waitSignal(tab.ops.changed):
        tab.ops.redo()
    assert _stored(ctx, office).indicators[10] == 80.0


def test_undo_of_a_first_entry_removes_it(qtbot, ctx, office, tab):
    _edit(qtbot, tab, tab.items.model, "i7", "60.07")
    assert _stored(ctx, office).items == {"i7": 60.07}
    with qtbot.waitSignal(tab.ops.changed):
        tab.ops.undo()
    assert _stored(ctx, office).items == {}


def test_undo_names_what_it_undoes(qtbot, ctx, office, tab):
    _edit(qtbot, tab, tab.indicators.model, 2, "80")
    assert tab.ops.history.status().undo_label == "แก้คะแนนตัวชี้วัดที่ 2"


@pytest.mark.parametrize("text", ["105", "abc"])
def test_invalid_entry_changes_nothing_and_explains_in_thai(qtbot, ctx, office, tab, warnings, text):
    model = tab.indicators.model
    assert not model.setData(model.index(model.row_of(2), im.COL_SCORE), text)
    qtbot.waitUntil(lambda: bool(warnings))
    assert "ตัวชี้วัดที่ 2" in warnings[0] and text in warnings[0] and "ไม่ถูกเปลี่ยน" in warnings[0]
    assert _stored(ctx, office).indicators == SEED_001
    assert tab.ops.history.status().undo_label is None
    assert "75.47" in tab.summary.total.text()


def test_filters_and_highlight_of_items_below_the_line(qtbot, tab):
    _edit(qtbot, tab, tab.items.model, "i7", "60.07")
    _edit(qtbot, tab, tab.items.model, "e1", "90")
    panel = tab.items
    panel.tool_combo.setCurrentIndex(panel.tool_combo.findData("IIT"))
    assert panel.proxy.rowCount() == 30
    panel.indicator_combo.setCurrentIndex(panel.indicator_combo.findData(2))
    codes = [panel.proxy.index(r, itm.COL_CODE).data() for r in range(panel.proxy.rowCount())]
    assert codes == ["i7", "i8", "i9", "i10", "i11", "i12"]  # numeric order
    i7 = panel.proxy.index(0, itm.COL_TEXT)
    assert i7.data(Qt.BackgroundRole) is not None
    assert panel.proxy.index(1, itm.COL_TEXT).data(Qt.BackgroundRole) is None
    panel.tool_combo.setCurrentIndex(0)
    panel.indicator_combo.setCurrentIndex(0)
    panel.scored_only.setChecked(True)
    assert panel.proxy.rowCount() == 2
    assert "ไม่ผ่านเกณฑ์ 1 ข้อ" in panel.count.text()


def test_filters_survive_a_refresh(qtbot, tab):
    tab.items.tool_combo.setCurrentIndex(tab.items.tool_combo.findData("OIT"))
    _edit(qtbot, tab, tab.items.model, "o1", "100")
    assert tab.items.tool_combo.currentData() == "OIT"
    assert tab.items.proxy.rowCount() == 43


def test_discrepancy_warning_when_items_disagree_with_the_official_indicator(qtbot, tab):
    for code in ("i7", "i8", "i9", "i10", "i11"):
        _edit(qtbot, tab, tab.items.model, code, "70")
    assert tab.warning_bar.isHidden()  # five of six items: no claim yet
    _edit(qtbot, tab, tab.items.model, "i12", "70")
    assert tab.warning_bar.isVisible()
    text = tab.warning_bar.text()
    assert "ตัวชี้วัดที่ ๒ การใช้งบประมาณ" in text and "๗๘.๗๕" in text and "๗๐.๐๐" in text


def test_empty_state_for_a_year_without_scores_and_first_entry(qtbot, ctx, office, tab):
    tab.set_context(office, 2567)
    assert tab.empty_bar.isVisible() and tab.empty_bar.text().endswith(EMPTY_TEXT)
    assert "ยังไม่มีคะแนนของปีนี้" in tab.empty_bar.text() and "นำเข้าจาก Excel" in tab.empty_bar.text()
    model = tab.indicators.model
    assert model.rowCount() == 10 and model.flags(model.index(0, im.COL_SCORE)) & Qt.ItemIsEditable
    _edit(qtbot, tab, model, 1, "88")
    assert tab.empty_bar.isHidden()
    assert scores.load_scores(ctx, office, 2567).indicators == {1: 88.0}


def test_change_column_and_trend_over_years(qtbot, ctx, office, tab):
    tab.set_context(office, 2567)
    _edit(qtbot, tab, tab.indicators.model, 2, "80")
    model = tab.indicators.model
    assert model.data(model.index(model.row_of(2), im.COL_CHANGE)) == "+1.25"
    assert model.data(model.index(model.row_of(1), im.COL_CHANGE)) == "–"
    assert tab.charts.trend.years == [2566, 2567]


def test_no_office_shows_a_message_and_nothing_editable(qtbot, ctx):
    widget = ScoresTab(ctx)
    qtbot.addWidget(widget)
    widget.set_context(None, None)
    assert "ยังไม่มีหน่วยงาน" in widget.empty_bar.text()
    assert widget.indicators.model.rowCount() == 0


def test_undo_after_a_context_change_restores_the_office_year_of_the_edit(qtbot, ctx, office, tab):
    _edit(qtbot, tab, tab.indicators.model, 2, "80")
    tab.set_context(office, 2567)
    tab.ops.undo()
    assert _stored(ctx, office).indicators[2] == 78.75


def test_charts_draw_indicators_pass_line_and_plan_targets(qtbot, ctx, office, tab):
    from ita_desktop.models import Plan, PlanTarget

    with ctx.db.session() as s:
        plan = Plan(office_id=office, title="แผน", start_year=2566, end_year=2570)
        plan.targets = [PlanTarget(year=2566, ita_target=90.0), PlanTarget(year=2567, ita_target=93.0)]
        s.add(plan)
    tab.refresh()
    bars = tab.charts.bars
    assert [b.label for b in bars.bars] == [str(n) for n in range(1, 11)] and bars.pass_line == 85.0
    names = [s.name for s in tab.charts.trend.series]
    assert names == ["คะแนนรวม", "IIT", "EIT", "OIT", "เป้าหมายตามแผน"]
    target = tab.charts.trend.series[-1]
    assert target.dashed and target.values == {2566: 90.0, 2567: 93.0}
    assert tab.charts.trend.years == [2566, 2567]
    for chart in (bars, tab.charts.trend):
        chart.resize(480, 320)
        assert not chart.grab().isNull()


def test_typing_in_the_cell_editor_stores_the_score(qtbot, ctx, office, tab):
    from PySide6.QtWidgets import QLineEdit

    view = tab.indicators.view
    proxy = view.model()
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, im.COL_NUMBER).data() == "4")
    index = proxy.index(row, im.COL_SCORE)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_F2)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "78.84"
    editor.setText("๘๐.๕")
    with qtbot.waitSignal(tab.ops.changed):
        qtbot.keyClick(editor, Qt.Key_Return)
    assert _stored(ctx, office).indicators[4] == 80.5
