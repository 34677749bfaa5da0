"""The มาตรการ tab: measures (by year or by the results year) and the report of what was done."""

import pytest
from PySide6.QtCore import Qt

from ita_desktop.services import offices
from ita_desktop.services.measures import measures_for_year, result_report_for_year
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.models import measure_models as mm
from ita_desktop.ui.tabs.measures_tab import MeasuresTab


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _cell(model, row, column, role=Qt.DisplayRole):
    return model.data(model.index(row, column), role)


def test_measure_model(qapp, demo_ctx):
    m = mm.MeasureTableModel()
    m.set_measure_set(measures_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2567))
    assert (m.rowCount(), m.columnCount()) == (42, 4)  # no measure states a period
    headers = [m.headerData(c, Qt.Horizontal, Qt.ToolTipRole) for c in range(4)]
    assert headers == ["ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา", "ผู้รับผิดชอบ", "ขั้นตอนหรือวิธีการ/มาตรการ",
                       "การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ"]
    assert _cell(m, 0, mm.COL_ISSUE).startswith("i1 เจ้าหน้าที่ของหน่วยงาน")
    assert _cell(m, 0, mm.COL_ISSUE, Qt.BackgroundRole) == mm.MEASURE_CATEGORIES["develop"][1]
    assert _cell(m, 0, mm.COL_STEPS, Qt.TextAlignmentRole) == mm.TOP_LEFT


def test_measure_model_period_column_when_present(qapp, demo_ctx):
    m = mm.MeasureTableModel()
    wangphai = measures_for_year(demo_ctx, _id(demo_ctx, "ทต.วังไผ่"), 2566)
    m.set_measure_set(wangphai)
    assert m.columnCount() == (5 if wangphai.has_period else 4)
    m.set_measure_set(None)
    assert (m.rowCount(), m.columnCount()) == (0, 4)


def test_result_model(qapp, demo_ctx):
    m = mm.ResultTableModel()
    m.set_report(result_report_for_year(demo_ctx, _id(demo_ctx, "อบต.ทุ่งท่าช้าง"), 2568))
    assert (m.rowCount(), m.columnCount()) == (10, 7)
    assert m.headerData(5, Qt.Horizontal, Qt.ToolTipRole) == "ผลการดำเนินการ (Output)"
    assert m.headerData(6, Qt.Horizontal, Qt.ToolTipRole) == "ผลลัพธ์/ผลสัมฤทธิ์ (Outcome/Result)"
    assert _cell(m, 0, mm.COL_ORDER) == "1" and _cell(m, 9, mm.COL_ORDER) == "10"
    assert _cell(m, 0, mm.COL_MEASURE).startswith("มาตรการประกาศเจตนารมณ์ No Gift Policy")


@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = MeasuresTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_results_year_shows_the_measures_derived_from_it(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    panel = tab.measures
    assert panel.model.rowCount() == 42 and panel.empty_bar.isHidden()
    assert "มาตรการสำหรับปีงบประมาณ พ.ศ. 2567" in panel.heading.text()
    assert "จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. 2566" in panel.heading.text()
    assert panel.intro.text().startswith("จากการวิเคราะห์ผลการประเมิน")
    assert panel.chooser.isHidden()
    assert panel.view.rowHeight(0) > 2 * panel.view.fontMetrics().height()  # long text wraps
    assert tab.results.model.rowCount() == 0 and "2566" in tab.results.empty_bar.text()


def test_report_with_intro_and_summary(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.ทุ่งท่าช้าง"), 2568)
    results = tab.results
    assert results.model.rowCount() == 10 and results.empty_bar.isHidden()
    assert "ประจำปีงบประมาณ" in results.heading.text()
    assert "ได้ดำเนินการส่งเสริมคุณธรรม" in results.intro.toPlainText()
    assert "สรุปผลการดำเนินการ" in results.summary.toPlainText()
    assert tab.measures.model.rowCount() == 0 and tab.measures.empty_bar.isVisible()


def test_several_sets_offer_a_chooser(tab, demo_ctx):
    from ita_desktop.models import MeasureSet

    office = _id(demo_ctx, "อบต.ตะโกทอง")
    with demo_ctx.db.session() as s:
        s.add(MeasureSet(office_id=office, year=2566, based_on_year=2565, intro="ชุดเก่า"))
    tab.set_context(office, 2566)
    panel = tab.measures
    assert panel.chooser.count() == 2 and panel.chooser.isVisible()
    assert panel.current.year == 2566 and panel.model.rowCount() == 0
    panel.chooser.setCurrentIndex(1)
    assert panel.model.rowCount() == 42


def test_window_selection_updates_the_tab(qtbot, demo_ctx):
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    tab = window.tab_pages[2]
    window.tabs.setCurrentWidget(tab)  # a hidden tab redraws only when shown
    window.select(office_id=_id(demo_ctx, "อบต.แม่เจดีย์"), year=2567)
    assert tab.results.model.rowCount() == 9 and tab.measures.model.rowCount() == 0
    window.select(office_id=_id(demo_ctx, "ทต.วังไผ่"), year=2565)
    assert tab.measures.model.rowCount() == 2 and "ร้อยละ 90" in tab.measures.heading.text()
    assert tab.results.model.rowCount() == 0
