"""The ติดตามแผน tab's forms and the changes they make: a new plan, a copy of the last cycle's,
the plan's title and dimension names, risks, yearly targets, moving a project, a monitoring
line through its form, Excel out and in; each undone through the one history."""

import pytest
from PySide6.QtWidgets import QDialog

from ita_desktop.core import plan as core_plan
from ita_desktop.services import monitoring, offices, plans
from ita_desktop.ui.dialogs import plan_dialogs as pd

from .conftest import SCREEN


@pytest.fixture
def window(open_window, demo_ctx):
    w = open_window(demo_ctx, offices.find_office(demo_ctx, "อบต.เขาทอง").id, 2567)
    w.tabs.setCurrentWidget(w.tab_pages[3])
    return w


@pytest.fixture
def tab(window):
    return window.tab_pages[3]


def filling(monkeypatch, tab, fill):
    """The next form the tab opens is filled by ``fill(dialog)`` and saved."""
    def run(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.Accepted

    monkeypatch.setattr(tab, "run_dialog", run)


def undo(window):
    window.actions["undo"].trigger()


def test_every_form_fits_the_screen(tab, demo_ctx, qtbot):
    plan = tab.plan
    rid = monitoring.start_round(demo_ctx, plan.id, 2567, 1)
    entry = monitoring.get_round_by_id(demo_ctx, rid).entries[0]
    forms = [pd.NewPlanDialog(2571), pd.NewPlanDialog(2571, source=plan), pd.PlanInfoDialog(plan),
             pd.ProjectDialog(plan, plan.projects[0]), pd.RiskDialog(plan.risks[0]), pd.TargetDialog(2567),
             pd.EntryDialog(entry)]
    for form in forms:
        qtbot.addWidget(form)
        form.show()
        assert form.width() <= SCREEN[0] and form.height() <= SCREEN[1] - 60, form.windowTitle()
        texts = [b.text() for b in form.buttons.buttons()]
        assert texts == ["บันทึก", "ยกเลิก"]


def test_new_plan_for_an_office_without_one_and_undo(open_window, demo_ctx, monkeypatch, answers):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง").id
    window = open_window(demo_ctx, office, 2566)
    tab = window.tab_pages[3]
    window.tabs.setCurrentWidget(tab)
    assert tab.plan is None and tab.new_button.isEnabled() and not tab.copy_button.isEnabled()

    def fill(d):
        d.start.setValue(2569)
        d.end.setValue(2572)
        d.dimensions[0].setText("การสร้างวัฒนธรรมสุจริต")

    filling(monkeypatch, tab, fill)
    tab.new_plan()
    made = plans.list_plans(demo_ctx, office)
    assert [(p.start_year, p.end_year) for p in made] == [(2569, 2572)]
    view = plans.get_plan(demo_ctx, made[0].id)
    assert view.dimensions[0].name == "การสร้างวัฒนธรรมสุจริต" and len(view.dimensions) == 4
    assert tab.plan is not None and tab.plan.id == made[0].id
    undo(window)
    assert plans.list_plans(demo_ctx, office) == ()
    assert tab.plan is None
    window.actions["redo"].trigger()
    assert plans.list_plans(demo_ctx, office)[0].id == made[0].id


def test_new_plan_form_refuses_a_backwards_span(qtbot, answers):
    d = pd.NewPlanDialog(2570)
    qtbot.addWidget(d)
    d.start.setValue(2570)
    d.end.setValue(2568)
    d.accept()
    assert d.result() != QDialog.Accepted and "ปีงบประมาณสิ้นสุด" in answers[-1][1]


def test_copy_the_plan_into_the_next_cycle(window, tab, demo_ctx, monkeypatch):
    office = tab.plan.office_id
    filling(monkeypatch, tab, lambda d: None)  # the form proposes 2571-2575
    tab.copy_plan()
    spans = [(p.start_year, p.end_year) for p in plans.list_plans(demo_ctx, office)]
    assert spans == [(2571, 2575), (2566, 2570)]
    copy = plans.get_plan(demo_ctx, plans.list_plans(demo_ctx, office)[0].id)
    assert len(copy.projects) == 15 and len(copy.risks) == 5
    assert {t.year: t.ita_target for t in copy.targets}[2571] == 90
    undo(window)
    assert len(plans.list_plans(demo_ctx, office)) == 1


def test_plan_title_and_dimension_name_with_undo(window, tab, demo_ctx, monkeypatch):
    plan = tab.plan

    def fill(d):
        d.title.setText("แผนปฏิบัติการป้องกันการทุจริต อบต.เขาทอง")
        d.dimensions[plan.dimensions[1].id].setText("การบริหารราชการเพื่อป้องกันการทุจริต")

    filling(monkeypatch, tab, fill)
    tab.edit_plan_info()
    after = plans.get_plan(demo_ctx, plan.id)
    assert after.title == "แผนปฏิบัติการป้องกันการทุจริต อบต.เขาทอง"
    assert after.dimensions[1].name == "การบริหารราชการเพื่อป้องกันการทุจริต"
    assert "อบต.เขาทอง" in tab.heading.text()
    undo(window)  # the dimension's name first
    assert plans.get_plan(demo_ctx, plan.id).dimensions[1].name == plan.dimensions[1].name
    undo(window)
    assert plans.get_plan(demo_ctx, plan.id).title == plan.title


def test_risks_add_edit_delete_undo(window, tab, demo_ctx, monkeypatch, answers):
    plan_id = tab.plan.id

    def fill(d):
        d.process.setPlainText("การเบิกจ่ายเงิน")
        d.risk.setPlainText("เอกสารไม่ครบ")
        d.level.setCurrentText("กลาง")

    filling(monkeypatch, tab, fill)
    tab.add_risk()
    risks = plans.get_plan(demo_ctx, plan_id).risks
    assert len(risks) == 6 and (risks[-1].process, risks[-1].level) == ("การเบิกจ่ายเงิน", "กลาง")
    tab.risk_view.setCurrentIndex(tab.risks.index(5, 1))
    filling(monkeypatch, tab, lambda d: d.level.setCurrentText("สูง"))
    tab.edit_risk()
    assert plans.get_plan(demo_ctx, plan_id).risks[-1].level == "สูง"
    undo(window)
    assert plans.get_plan(demo_ctx, plan_id).risks[-1].level == "กลาง"
    tab.risk_view.setCurrentIndex(tab.risks.index(0, 1))
    first = tab.risks.rows[0][1]
    tab.delete_risk()
    assert first.id not in [r.id for r in plans.get_plan(demo_ctx, plan_id).risks]
    undo(window)
    assert plans.get_plan(demo_ctx, plan_id).risks[0].id == first.id


def test_target_of_a_year_with_undo(window, tab, demo_ctx, monkeypatch, answers):
    plan_id = tab.plan.id
    tab.target_year.setCurrentIndex(tab.target_year.findData(2568))

    def fill(d):
        d.ita.setText("๙๖")
        d.fewer.setText("10")

    filling(monkeypatch, tab, fill)
    tab.edit_target()
    target = {t.year: t for t in plans.get_plan(demo_ctx, plan_id).targets}[2568]
    assert (target.ita_target, target.fewer_cases_percent) == (96, 10)
    assert "96 คะแนน" in [tab.targets.index(0, c).data() for c in range(6)]
    undo(window)
    assert {t.year: t.ita_target for t in plans.get_plan(demo_ctx, plan_id).targets}[2568] == 95

    filling(monkeypatch, tab, lambda d: d.ita.setText("120"))
    tab.edit_target()
    assert "ต้องอยู่ระหว่าง 0 ถึง 100" in answers[-1][1]


def test_move_a_project_down_and_back(window, tab, demo_ctx):
    plan_id = tab.plan.id
    first, second = tab.plan.dimensions[0].projects[:2]
    tab.select_project(first.id)
    tab.move_project(1)
    order = [p.id for p in plans.get_plan(demo_ctx, plan_id).dimensions[0].projects]
    assert order[:2] == [second.id, first.id]
    assert tab.current_project.id == first.id
    undo(window)
    assert [p.id for p in plans.get_plan(demo_ctx, plan_id).dimensions[0].projects][:2] == [first.id, second.id]


def test_not_possible_through_the_form_needs_a_reason(window, tab, demo_ctx, monkeypatch, answers):
    plan_id = tab.plan.id
    tab.monitoring.start_round()
    entry = tab.monitoring.model.rows[0]

    def fill(d):
        d.status.setCurrentText(core_plan.STATUS_NOT_POSSIBLE)
        d.reason.setCurrentText(core_plan.REASON_OTHER)
        d.reason_text.setText("น้ำท่วมพื้นที่")

    filling(monkeypatch, tab, fill)
    tab.monitoring.view.setCurrentIndex(tab.monitoring.model.index(0, 1))
    tab.monitoring.edit_entry()
    stored = monitoring.get_round(demo_ctx, plan_id, 2567, 1).entries[0]
    assert (stored.status, stored.reason) == (core_plan.STATUS_NOT_POSSIBLE, "อื่นๆ")
    assert stored.reason_text == "น้ำท่วมพื้นที่"
    assert tab.monitoring.model.index(0, 7).data() == "อื่นๆ: น้ำท่วมพื้นที่"
    assert tab.progress.status_model.rows[-1][1].not_possible == 1
    undo(window)
    assert monitoring.get_round(demo_ctx, plan_id, 2567, 1).entries[0].status == entry.status


def test_round_2_starts_from_round_1(window, tab, demo_ctx):
    plan_id = tab.plan.id
    tab.monitoring.start_round()
    model = tab.monitoring.model
    model.setData(model.index(0, 2), core_plan.STATUS_DONE)
    tab.monitoring.round_box.setCurrentIndex(1)
    assert tab.monitoring.round_no() == 2 and tab.monitoring.round is None
    tab.monitoring.start_round()
    assert monitoring.get_round(demo_ctx, plan_id, 2567, 2).entries[0].status == core_plan.STATUS_DONE
    assert model.index(0, 2).data() == core_plan.STATUS_DONE


def test_plan_excel_out_and_back_in(window, tab, demo_ctx, answers, tmp_path):
    plan_id = tab.plan.id
    path = tab.export_plan_to(tmp_path / "แผน")
    assert path.suffix == ".xlsx" and path.exists()
    summary = tab.import_plan_from(path)
    assert summary is not None and summary.updated == 15 and summary.added == 0
    assert any("นำเข้าหรือไม่" in text for _title, text in answers)
    assert len(plans.get_plan(demo_ctx, plan_id).projects) == 15


def test_a_bad_plan_file_stores_nothing(window, tab, demo_ctx, answers, tmp_path):
    import openpyxl

    path = tab.export_plan_to(tmp_path / "แผน.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["F6"] = "สองหมื่น"  # ปี 2567 of the second project
    wb.save(path)
    before = plans.get_plan(demo_ctx, tab.plan.id)
    assert tab.import_plan_from(path) is None
    assert "แถว 6 คอลัมน์ F" in answers[-1][1] and "สองหมื่น" in answers[-1][1]
    assert plans.get_plan(demo_ctx, tab.plan.id) == before


def test_not_possible_in_the_table_asks_the_reason_in_the_form(window, tab, demo_ctx, monkeypatch):
    plan_id = tab.plan.id
    tab.monitoring.start_round()
    seen = []

    def fill(d):
        seen.append(d.status.currentText())
        d.reason.setCurrentText("ไม่ได้รับงบประมาณ")

    filling(monkeypatch, tab, fill)
    model = tab.monitoring.model
    model.setData(model.index(1, 2), core_plan.STATUS_NOT_POSSIBLE)
    assert seen == [core_plan.STATUS_NOT_POSSIBLE]
    stored = monitoring.get_round(demo_ctx, plan_id, 2567, 1).entries[1]
    assert (stored.status, stored.reason) == (core_plan.STATUS_NOT_POSSIBLE, "ไม่ได้รับงบประมาณ")


def test_another_plan_year_is_chosen_in_the_tab(window, tab, demo_ctx):
    plan_id = tab.plan.id
    panel = tab.monitoring
    assert [panel.year_box.itemData(i) for i in range(panel.year_box.count())] == [2566, 2567, 2568, 2569, 2570]
    panel.year_box.setCurrentIndex(panel.year_box.findData(2570))
    panel.year_box.activated.emit(panel.year_box.currentIndex())
    assert panel.year == 2570 and panel.start_button.isEnabled()
    panel.start_round()
    assert monitoring.get_round(demo_ctx, plan_id, 2570, 1) is not None
    assert panel.year == 2570 and panel.round is not None  # the choice stays after the redraw
    window.select(year=2566)
    assert panel.year == 2566


def test_delete_the_plan_and_undo(window, tab, demo_ctx, answers):
    plan = tab.plan
    tab.delete_plan_button.click()
    assert plans.list_plans(demo_ctx, plan.office_id) == () and tab.plan is None
    assert any("ลบแผน" in title for title, _text in answers)
    undo(window)
    assert plans.get_plan(demo_ctx, plan.id).projects == plan.projects
    assert tab.plan is not None and tab.plan.id == plan.id


def test_round_report_before_the_round_started_says_so(tab, answers):
    tab.print_round()
    assert tab.document_dialog is None
    assert "ยังไม่ได้เริ่มรายงานผล" in answers[-1][1]


def test_a_project_added_after_the_round_started_joins_it(window, tab, demo_ctx, monkeypatch):
    plan_id = tab.plan.id
    tab.monitoring.start_round()
    panel = tab.monitoring
    assert panel.add_missing_button.isHidden()

    def fill(d):
        d.name.setPlainText("โครงการใหม่กลางปี")
        d.budgets[2567].setText("5,000")

    filling(monkeypatch, tab, fill)
    tab.add_project()
    assert panel.missing == ["โครงการใหม่กลางปี"] and not panel.add_missing_button.isHidden()
    assert "โครงการใหม่กลางปี" in panel.bar.text()
    panel.add_missing_button.click()
    names = [e.project_name for e in monitoring.get_round(demo_ctx, plan_id, 2567, 1).entries]
    assert "โครงการใหม่กลางปี" in names and panel.add_missing_button.isHidden()
    undo(window)
    names = [e.project_name for e in monitoring.get_round(demo_ctx, plan_id, 2567, 1).entries]
    assert "โครงการใหม่กลางปี" not in names and panel.missing == ["โครงการใหม่กลางปี"]


def test_delete_key_deletes_the_chosen_project(window, tab, demo_ctx, answers, qtbot):
    from PySide6.QtCore import Qt

    project = tab.plan.projects[2]
    tab.select_project(project.id)
    tab.project_view.setFocus()
    qtbot.keyClick(tab.project_view, Qt.Key_Delete)
    assert project.id not in [p.id for p in plans.get_plan(demo_ctx, tab.plan.id).projects]
    undo(window)
    assert project.id in [p.id for p in plans.get_plan(demo_ctx, tab.plan.id).projects]
