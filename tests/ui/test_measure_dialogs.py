"""The forms of the มาตรการ tab on their own, and the table import dialog with a kind of another tab."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ita_desktop.services import measure_results as mr
from ita_desktop.services.changes import PLAN, Changes
from ita_desktop.services.measures import MeasureInput
from ita_desktop.ui.dialogs.measure_dialog import CarryOverDialog, MeasureDialog, proposal_dialog
from ita_desktop.ui.dialogs.result_dialog import ReportTextsDialog, ResultDialog
from ita_desktop.ui.dialogs.table_import_dialog import ImportKind, TableImportDialog
from ita_desktop.ui.operations import Operations


def _form(qtbot, cls, *args, **kwargs):
    saved = []
    dialog = cls(*args, on_save=lambda value: saved.append(value) or True, **kwargs)
    qtbot.addWidget(dialog)
    return dialog, saved


def test_measure_form_reads_buddhist_era_dates_and_divisions(qtbot, answers):
    data = MeasureInput(issue="ประเด็น", items=("i1",), indicators=(1,), deadline="2025-12-31", category="urgent")
    dialog, saved = _form(qtbot, MeasureDialog, "แก้ไขมาตรการ", ("สำนักปลัด", "กองคลัง"), data=data)
    assert dialog.deadline.text() == "31/12/2568"  # shown in the Buddhist era
    assert dialog.category.currentData() == "urgent"
    dialog.add_division("กองคลัง")
    dialog.add_division("กองคลัง")  # once only
    dialog.items.setText("i1, o10")
    dialog.indicators.setText("1 9")
    dialog.period_start.setText("1/10/2568")
    dialog.save()
    value = saved[-1]
    assert value.responsible == "กองคลัง" and value.items == ("i1", "o10") and value.indicators == (1, 9)
    assert (value.period_start, value.deadline) == ("2025-10-01", "2025-12-31")
    dialog.period_end.setText("เดือนหน้า")
    dialog.save()
    assert len(saved) == 1 and "วันสิ้นสุด" in answers[-1][1]
    assert dialog.buttons.button(QDialogButtonBox.Save).text() == "บันทึก"


def test_measure_form_without_divisions_says_where_to_add_them(qtbot):
    dialog, _ = _form(qtbot, MeasureDialog, "เพิ่มมาตรการ", ())
    assert not dialog.division_button.isEnabled() and "ข้อมูลหน่วยงาน" in dialog.division_button.toolTip()


def test_result_form_needs_a_reason_when_it_cannot_be_done(qtbot, answers):
    dialog, saved = _form(qtbot, ResultDialog, "บันทึกผล", measure_text="มาตรการ ก")
    assert not dialog.reason.isEnabled()
    dialog.status.setCurrentIndex(dialog.status.findData(mr.IMPOSSIBLE))
    assert dialog.reason.isEnabled()
    dialog.save()
    assert not saved and "เหตุผล" in answers[-1][1]
    dialog.reason.setText("บุคลากรไม่เพียงพอ")
    dialog.start.setText("01/10/2568")
    dialog.save()
    assert saved[-1].status == mr.IMPOSSIBLE and saved[-1].start_date == "2025-10-01"


def test_result_form_of_an_activity_needs_its_name(qtbot, answers):
    dialog, saved = _form(qtbot, ResultDialog, "เพิ่มกิจกรรม")
    dialog.save()
    assert not saved and "มาตรการ/โครงการ/กิจกรรม" in answers[-1][1]
    dialog.measure.setPlainText("โครงการอบรมคุณธรรม")
    dialog.output.setPlainText("อบรม 50 คน")
    dialog.save()
    assert saved[-1].measure == "โครงการอบรมคุณธรรม" and saved[-1].output == "อบรม 50 คน"


def test_report_texts_form(qtbot):
    dialog, saved = _form(qtbot, ReportTextsDialog, texts=mr.ReportTexts("ชื่อ", "บทนำ", ""))
    dialog.summary.setPlainText("สรุป\n\nย่อหน้าสอง")
    dialog.save()
    assert saved[-1] == mr.ReportTexts("ชื่อ", "บทนำ", "สรุป\n\nย่อหน้าสอง")


def test_checklists_return_the_ticked_rows(qtbot, demo_ctx):
    from ita_desktop.services import measure_proposals as mp
    from ita_desktop.services import offices
    from ita_desktop.services.measures import measure_set_of_year

    office = offices.find_office(demo_ctx, "อบต.ทุ่งท่าช้าง").id
    proposals = mp.propose_measures(demo_ctx, office, 2568)
    keys = [mp.proposal_key(p) for p in proposals]
    dialog = proposal_dialog(proposals, keys, 2569, 2568)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == keys
    assert "ind" not in dialog.list.item(0).text()  # internal keys are not shown
    dialog.list.item(0).setCheckState(Qt.Unchecked)
    assert dialog.chosen() == keys[1:]
    dialog.tick_all(Qt.Unchecked)
    assert dialog.chosen() == []
    measures = measure_set_of_year(demo_ctx, offices.find_office(demo_ctx, "อบต.ตะโกทอง").id, 2567).measures
    carry = CarryOverDialog(measures[:3], 2567)
    qtbot.addWidget(carry)
    assert carry.chosen() == [m.id for m in measures[:3]] and carry.copy.isChecked()


def test_import_dialog_takes_any_kind_a_tab_gives(qtbot, ctx, answers, tmp_path):
    """The plan tab can use the dialog with its own kind, check and store functions."""
    path = tmp_path / "แผน.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["มิติ", "โครงการ/กิจกรรม", "งบประมาณ 2567"])
    wb.active.append(["1", "โครงการอบรม", 10000])
    wb.save(path)
    stored = []

    class Summary:
        def message_th(self):
            return "นำเข้าแผนแล้ว"

    kind = ImportKind("โครงการ", lambda c, p: (1, []), lambda c: 3,
                      lambda c, p, replace: stored.append(replace) or Summary(), Changes.of(PLAN))
    dialog = TableImportDialog(ctx, Operations(ctx), {"plan": kind}, "หน่วยงานทดสอบ")
    qtbot.addWidget(dialog)
    assert dialog.load(path) and "ตารางแผนปฏิบัติการป้องกันการทุจริต" in dialog.found.text()
    dialog.store()
    assert stored == [True] and any("แทนที่" in text for _, text in answers)
    assert ("นำเข้าแล้ว", "นำเข้าแผนแล้ว") in answers

    only_measures = TableImportDialog(ctx, Operations(ctx), {"measures": kind}, "หน่วยงานทดสอบ")
    qtbot.addWidget(only_measures)
    assert not only_measures.load(path) and "นำเข้าที่นี่ไม่ได้" in only_measures.found.text()
    assert not only_measures.import_button.isEnabled()
