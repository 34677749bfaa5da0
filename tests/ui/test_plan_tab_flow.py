"""The ติดตามแผน tab as a clerk uses it, in the real main window with the sample data
(อบต.เขาทอง holds seed 004's plan): a project with budgets for two years, round 1 recorded,
locked, its report saved, unlocked, the project deleted and the deletion undone."""

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog

from ita_desktop.core import plan as core_plan
from ita_desktop.services import monitoring, offices, plans
from ita_desktop.ui.dialogs import plan_dialogs as pd
from ita_desktop.ui.models import plan_models as pm

NAME = "โครงการอบรมจริยธรรมพนักงานจ้าง"


@pytest.fixture
def window(open_window, demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    w = open_window(demo_ctx, office, 2567)
    w.tabs.setCurrentWidget(w.tab_pages[3])
    return w


@pytest.fixture
def tab(window):
    return window.tab_pages[3]


def press_save(dialog) -> bool:
    dialog.accept()
    return dialog.result() == QDialog.Accepted


def fill_project(dialog: pd.ProjectDialog) -> bool:
    dialog.name.setPlainText(NAME)
    dialog.kind.setCurrentText("กิจกรรม")
    dialog.code.setText("16")
    dialog.budgets[2567].setText("12,500")
    dialog.budgets[2568].setText("๒๐,๐๐๐")
    dialog.group_ticks["บุคลากร"].setChecked(True)
    dialog.quarter_ticks[2].setChecked(True)
    dialog.details["method"].setPlainText("อบรมปีละ ๑ ครั้ง")
    return press_save(dialog)


def entry_of(tab, name=NAME):
    return next(e for e in tab.monitoring.model.rows if e.project_name == name)


def set_cell(model, entry, column, text) -> bool:
    row = model.rows.index(entry)
    return model.setData(model.index(row, column), text)


def added_project(ctx, plan_id):
    return next(p for p in plans.get_plan(ctx, plan_id).projects if p.name == NAME)


def test_project_round_lock_report_delete_undo(window, tab, demo_ctx, answers, monkeypatch, qtbot, tmp_path):
    plan_id = tab.plan.id
    monkeypatch.setattr(tab, "run_dialog", fill_project)
    tab.add_project()
    project = added_project(demo_ctx, plan_id)
    assert dict(project.budgets) == {2567: 12500.0, 2568: 20000.0}
    assert project.kind == "กิจกรรม" and project.target_groups == ("บุคลากร",) and project.quarters == (2,)
    assert tab.current_project.id == project.id and "อบรมปีละ" in tab.detail.toPlainText()

    # round 1 of 2567: started from the plan's budgets, edited in the table
    tab.sections.setCurrentWidget(tab.monitoring)
    assert tab.monitoring.round_no() == 1 and tab.monitoring.start_button.isEnabled()
    tab.monitoring.start_button.click()
    entry = entry_of(tab)
    assert entry.budget_in_plan == 12500.0
    model = tab.monitoring.model
    assert set_cell(model, entry, pm.M_STATUS, core_plan.STATUS_DONE)
    assert set_cell(model, entry_of(tab), pm.M_DISBURSED, "๑๒,๐๐๐")
    assert set_cell(model, entry_of(tab), pm.M_IN_ACT, pm.IN_ACT_YES)
    stored = next(e for e in monitoring.get_round(demo_ctx, plan_id, 2567, 1).entries if e.project_name == NAME)
    assert (stored.status, stored.disbursed, stored.in_act_plan) == (core_plan.STATUS_DONE, 12000.0, True)
    assert not set_cell(model, entry_of(tab), pm.M_DISBURSED, "สองพัน")  # refused, named, nothing stored
    assert "เบิกจ่ายจริง" in answers[-1][1] and NAME in answers[-1][1]

    # lock: the table is read-only and the form's save is refused by the service in Thai
    tab.monitoring.finish_button.click()
    assert monitoring.get_round(demo_ctx, plan_id, 2567, 1).finished
    assert not tab.monitoring.unlock_button.isHidden() and tab.monitoring.unlock_button.isEnabled()
    assert not set_cell(model, entry_of(tab), pm.M_REMARK, "แก้หลังปิด")

    def change_remark(dialog):
        dialog.remark.setPlainText("แก้หลังปิดรอบ")
        return press_save(dialog)

    monkeypatch.setattr(tab, "run_dialog", change_remark)
    tab.monitoring.view.setCurrentIndex(model.index(model.rows.index(entry_of(tab)), 1))
    tab.monitoring.edit_entry()
    assert "ปิดแล้ว" in answers[-1][1]
    assert entry_of(tab).remark == ""

    # the monitoring report, PDF and Excel
    tab.print_round()
    dialog = tab.document_dialog
    qtbot.waitUntil(lambda: dialog.preview_path is not None, timeout=30000)
    pdf = dialog.save_pdf_to(tmp_path / "รายงานรอบ1")
    xlsx = dialog.save_xlsx_to(tmp_path / "รายงานรอบ1")
    dialog.reject()
    assert pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF")
    cells = [str(c) for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True) for c in row if c]
    assert any(NAME in c for c in cells)

    # deleting a project a locked round reports is refused with the service's words
    tab.sections.setCurrentIndex(0)
    tab.select_project(project.id)
    tab.delete_project()
    assert "กรุณาเปิดรอบนั้นก่อน" in answers[-1][1]
    assert added_project(demo_ctx, plan_id)

    # unlock (asked first), delete, undo
    tab.monitoring.unlock_button.click()
    assert any("เปิดรอบ" in title for title, _text in answers)
    assert not monitoring.get_round(demo_ctx, plan_id, 2567, 1).finished
    tab.select_project(project.id)
    tab.delete_project()
    assert NAME not in [p.name for p in plans.get_plan(demo_ctx, plan_id).projects]
    assert window.ops.history.status().undo_label == f"ลบโครงการ '{NAME}'"
    window.actions["undo"].trigger()
    back = added_project(demo_ctx, plan_id)
    assert back.id == project.id and dict(back.budgets) == {2567: 12500.0, 2568: 20000.0}
    again = next(e for e in monitoring.get_round(demo_ctx, plan_id, 2567, 1).entries if e.project_name == NAME)
    assert again.disbursed == 12000.0
    assert tab.projects.row_of_project(project.id) >= 0


def test_bad_budget_keeps_the_form_open(tab, answers, qtbot):
    dialog = pd.ProjectDialog(tab.plan, parent=tab)
    qtbot.addWidget(dialog)
    dialog.name.setPlainText(NAME)
    dialog.budgets[2569].setText("หนึ่งหมื่น")
    dialog.accept()
    assert dialog.result() != QDialog.Accepted
    assert "ช่องงบประมาณปี 2569" in answers[-1][1]
