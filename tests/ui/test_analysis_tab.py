"""The วิเคราะห์จุดอ่อน tab and its grouped table model."""

import pytest
from PySide6.QtCore import Qt

from ita_desktop.core.analysis import Category
from ita_desktop.services import offices
from ita_desktop.services.analysis import analyse_office_year
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.models import analysis_models as am
from ita_desktop.ui.tabs.analysis_tab import AnalysisTab


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _cell(model, row, column, role=Qt.DisplayRole):
    return model.data(model.index(row, column), role)


@pytest.fixture
def model(qapp, demo_ctx):
    m = am.AnalysisTableModel()
    m.set_groups(analyse_office_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566).groups)
    return m


def test_model_rows_are_category_indicator_item(model):
    kinds = [r.kind for r in model.rows]
    assert kinds.count(am.CATEGORY_ROW) == 3
    assert kinds.count(am.ITEM_ROW) == 38
    assert model.heading_rows() == [n for n, k in enumerate(kinds) if k == am.CATEGORY_ROW]
    assert _cell(model, 0, am.COL_CODE).startswith(Category.URGENT.value)
    assert "8 ตัวชี้วัด, 36 ข้อคำถาม" in _cell(model, 0, am.COL_CODE)
    assert [_cell(model, 1, c) for c in (am.COL_CODE, am.COL_TEXT, am.COL_TOOL, am.COL_SCORE, am.COL_RESULT)] == [
        "ตัวชี้วัดที่ 2", "การใช้งบประมาณ", "IIT", "78.75", "ไม่ผ่านเกณฑ์"]
    assert _cell(model, 2, am.COL_CODE) == "i7" and _cell(model, 2, am.COL_SCORE) == "60.07"
    assert _cell(model, 2, am.COL_GUIDELINE).startswith("ควรจัดให้มีการประชุม")


def test_model_colours_by_category(model):
    red, amber, green = (am.CATEGORY_STYLES[c] for c in (Category.URGENT, Category.DEVELOP, Category.MAINTAIN))
    assert _cell(model, 0, 0, Qt.BackgroundRole) == red.heading
    assert _cell(model, 2, am.COL_SCORE, Qt.ForegroundRole) == red.foreground
    develop = model.heading_rows()[1]
    assert _cell(model, develop, 0, Qt.BackgroundRole) == amber.heading
    maintain_item = next(n for n, r in enumerate(model.rows) if r.kind == am.ITEM_ROW and r.category == Category.MAINTAIN)
    assert _cell(model, maintain_item, am.COL_RESULT, Qt.ForegroundRole) == green.foreground
    assert _cell(model, maintain_item, am.COL_RESULT) == "ผ่านเกณฑ์"


def test_empty_model(qapp):
    m = am.AnalysisTableModel()
    m.set_groups(())
    assert m.rowCount() == 0 and m.columnCount() == 6


@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = AnalysisTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_tab_shows_takothong_2566(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    assert "ร้อยละ 85" in tab.pass_line.text()
    assert tab.summary.text().startswith("จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ 85")
    assert "75.47" in tab.heading.text()
    assert tab.model.rowCount() > 40 and tab.empty_bar.isHidden() and tab.view.isVisible()
    # the category headings span the table and rows grew to their wrapped text
    first = tab.model.heading_rows()[0]
    assert tab.view.columnSpan(first, 0) == tab.model.columnCount()
    assert tab.view.rowHeight(2) > tab.view.rowHeight(1)


def test_tab_empty_state(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.เขาทอง"), 2567)
    assert tab.model.rowCount() == 0 and tab.view.isHidden()
    assert "ยังไม่มีคะแนน" in tab.empty_bar.text() and tab.empty_bar.isVisible()


def test_tab_without_office(tab):
    tab.set_context(None, None)
    assert "ยังไม่มีหน่วยงาน" in tab.empty_bar.text()


def test_window_selection_updates_the_tab(qtbot, demo_ctx):
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    tab = window.tab_pages[1]
    window.tabs.setCurrentWidget(tab)  # a hidden tab redraws only when shown
    window.select(office_id=_id(demo_ctx, "อบต.ตะโกทอง"), year=2566)
    assert tab.current.office_name == "องค์การบริหารส่วนตำบลตะโกทอง" and tab.model.rowCount() > 40
    window.select(office_id=_id(demo_ctx, "อบต.ทุ่งท่าช้าง"), year=2568)
    assert tab.current.year == 2568
    assert [r.kind for r in tab.model.rows].count(am.INDICATOR_ROW) == 10
    window.select(office_id=_id(demo_ctx, "อบต.เขาทอง"), year=2567)
    assert tab.model.rowCount() == 0 and "2567" in tab.empty_bar.text()
