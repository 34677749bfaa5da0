"""The ติดตามแผน tab: the plan of the year, targets, projects with budgets and detail, risks."""

import pytest
from PySide6.QtCore import Qt

from ita_desktop.models import Dimension, Plan, Project, ProjectBudget
from ita_desktop.services import offices
from ita_desktop.services.plans import plan_for_year
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.models import plan_models as pm
from ita_desktop.ui.tabs.plan_tab import NO_PLAN_TEXT, PlanTab


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _cell(model, row, column, role=Qt.DisplayRole):
    return model.data(model.index(row, column), role)


@pytest.fixture
def plan(demo_ctx):
    return plan_for_year(demo_ctx, _id(demo_ctx, "อบต.เขาทอง"), 2567)


def test_format_baht():
    assert pm.format_baht(1234567) == "1,234,567"
    assert pm.format_baht(2500.5) == "2,500.50"
    assert pm.format_baht(0) == "-"
    assert pm.format_baht(None) == ""


def test_project_model(qapp, plan):
    m = pm.ProjectTableModel()
    m.set_plan(plan, 2567)
    assert m.rowCount() == 4 + 15 + 1 and m.columnCount() == 3 + 5 + 1
    assert m.headerData(3, Qt.Horizontal) == "ปี 2566\n(บาท)" and m.headerData(8, Qt.Horizontal) == "หมายเหตุ"
    assert m.heading_rows() == [0, 3, 12, 15]
    assert _cell(m, 0, 0) == "มิติที่ 1 การสร้างวัฒนธรรมสุจริต"
    assert [_cell(m, 1, c) for c in (0, 2, 3)] == ["1", "มาตรการ", "-"]
    assert _cell(m, 19, pm.COL_NAME) == "รวมทั้งสิ้น จำนวน 15 โครงการ/กิจกรรม/มาตรการ"
    assert _cell(m, 1, 4, Qt.BackgroundRole) == pm.YEAR_BG  # 2567 is highlighted
    assert _cell(m, 1, 3, Qt.BackgroundRole) is None
    assert m.row_of_project(plan.projects[0].id) == 1


def test_project_model_totals(qapp, demo_ctx):
    office = _id(demo_ctx, "อบต.เขาทอง")
    with demo_ctx.db.session() as s:
        p = Plan(office_id=office, title="แผนทดสอบ", start_year=2571, end_year=2572)
        d = Dimension(number=1, name="มิติเดียว")
        for n, amounts in enumerate(({2571: 10000, 2572: 0}, {2571: 1_500_000})):
            d.projects.append(Project(code=str(n + 1), name=f"โครงการ {n + 1}", sort_order=n,
                                      budgets=[ProjectBudget(year=y, amount=a) for y, a in amounts.items()]))
        p.dimensions.append(d)
        s.add(p)
    m = pm.ProjectTableModel()
    m.set_plan(plan_for_year(demo_ctx, office, 2571))
    assert [_cell(m, 3, c) for c in (3, 4)] == ["1,510,000", "-"]
    assert _cell(m, 2, 4) == ""  # the plan gives no budget for that year


def test_target_and_risk_models(qapp, plan):
    t = pm.TargetTableModel()
    t.set_plan(plan, 2567)
    assert t.columnCount() == 6 and t.rowCount() == 2
    assert [_cell(t, 0, c) for c in range(6)] == ["คะแนน ITA", "90 คะแนน", "93 คะแนน", "95 คะแนน", "97 คะแนน", "99 คะแนน"]
    assert "ร้อยละ" in _cell(t, 1, 1)
    r = pm.RiskTableModel()
    r.set_plan(plan)
    assert r.rowCount() == 5 and _cell(r, 0, 0) == "1" and _cell(r, 0, 3) == "ต่ำ"


def test_project_detail_has_nine_parts(plan):
    html = pm.project_detail_html(plan.projects[0])
    for n, (label, _field) in enumerate(pm.DETAIL_PARTS):
        assert f"{pm.THAI_NUMERALS[n]}. {label}" in html
    assert "ผลผลิต" in html
    assert "เลือกโครงการ" in pm.project_detail_html(None)


@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = PlanTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_tab_shows_the_plan_of_the_year(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.เขาทอง"), 2567)
    assert "แผนปฏิบัติการป้องกันการทุจริต" in tab.heading.text() and "2566 - 2570" in tab.facts.text()
    assert tab.notice.isHidden() and tab.empty_bar.isHidden()
    assert tab.projects.rowCount() == 20 and tab.risks.rowCount() == 5 and tab.targets.rowCount() == 2
    assert tab.current_project.code == "1"
    assert "หลักการและเหตุผล" in tab.detail.toPlainText()
    assert tab.project_view.columnSpan(0, 0) == tab.projects.columnCount()


def test_choosing_a_project_shows_its_detail(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.เขาทอง"), 2567)
    row = tab.projects.row_of_project(tab.plan.projects[3].id)
    tab.project_view.setCurrentIndex(tab.projects.index(row, pm.COL_NAME))
    assert tab.current_project.name == "มาตรการ No Gift Policy"
    assert "No Gift Policy" in tab.detail.toPlainText()


def test_year_outside_the_plan_shows_the_latest_with_a_notice(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.เขาทอง"), 2580)
    assert tab.projects.rowCount() == 20
    assert tab.notice.isVisible() and "2580" in tab.notice.text()


def test_office_without_plan(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    assert NO_PLAN_TEXT in tab.empty_bar.text() and tab.sections.isHidden()
    assert tab.projects.rowCount() == 0 and tab.current_project is None


def test_window_selection_updates_the_tab(qtbot, demo_ctx):
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    tab = window.tab_pages[3]
    window.tabs.setCurrentWidget(tab)  # a hidden tab redraws only when shown
    window.select(office_id=_id(demo_ctx, "อบต.เขาทอง"), year=2567)
    assert tab.plan is not None and tab.projects.highlight_year == 2567
    window.select(year=2568)
    assert tab.projects.highlight_year == 2568
    window.select(office_id=_id(demo_ctx, "อบต.ตะโกทอง"))
    assert tab.plan is None and not tab.empty_bar.isHidden() and NO_PLAN_TEXT in tab.empty_bar.text()


def test_monitoring_cells_parse_as_clerks_write_them():
    from ita_desktop.core import plan as core_plan
    from ita_desktop.services.monitoring import EntryView
    from ita_desktop.ui.models.table import EntryError

    assert pm.amount_value("๑๒,๕๐๐") == 12500.0 and pm.amount_value("-") is None
    assert pm.amount_value("ไม่ใช้งบประมาณ") is core_plan.NO_BUDGET
    with pytest.raises(EntryError):
        pm.amount_value("สองพัน")
    assert pm.reason_value("บุคลากรไม่เพียงพอ") == ("บุคลากรไม่เพียงพอ", "")
    assert pm.reason_value("อื่นๆ: น้ำท่วม") == ("อื่นๆ", "น้ำท่วม")
    assert pm.reason_value("น้ำท่วม") == ("อื่นๆ", "น้ำท่วม")
    with pytest.raises(EntryError):
        pm.reason_value("อื่นๆ")
    entry = EntryView(status=core_plan.STATUS_NOT_POSSIBLE, reason="บุคลากรไม่เพียงพอ", id=1, project_name="ก")
    done = pm.entry_with(entry, pm.M_STATUS, core_plan.STATUS_DONE)
    assert (done.status, done.reason) == (core_plan.STATUS_DONE, "")
    chosen = pm.entry_with(EntryView(id=1), pm.M_REASON, ("ไม่ได้รับงบประมาณ", ""))
    assert (chosen.status, chosen.reason) == (core_plan.STATUS_NOT_POSSIBLE, "ไม่ได้รับงบประมาณ")
    none = pm.entry_with(EntryView(id=1, disbursed=5.0), pm.M_DISBURSED, core_plan.NO_BUDGET)
    assert (none.disbursed, none.no_budget) == (None, True)


def test_project_facts_line(plan):
    from dataclasses import replace

    p = replace(plan.projects[0], budgets=((2567, 12500.0),), quarters=(1, 2), target_groups=("บุคลากร",),
                years=(2567, 2568), no_budget=False)
    assert pm.project_facts(p) == ("ปีที่ดำเนินการ 2567, 2568 · ปี 2567 12,500 บาท · ไตรมาสที่ 1, 2 · "
                                   "กลุ่มเป้าหมาย: บุคลากร")
    assert "ไม่ใช้งบประมาณ" in pm.project_facts(replace(p, budgets=(), no_budget=True))
