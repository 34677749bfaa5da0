"""The มาตรการ tab in the real main window with the sample data: measures from the analysis, add,
edit, delete with undo, reorder, merge, split, carry over; results with evidence; the documents
and the import of a table."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from ita_desktop.services import evidence, measures, offices, settings
from ita_desktop.services import measure_results as mr
from ita_desktop.services.measures import MeasureInput, measure_set_of_year, result_report_for_year
from ita_desktop.ui.dialogs.measure_dialog import MeasureDialog
from ita_desktop.ui.dialogs.result_dialog import ResultDialog
from ita_desktop.ui.models import measure_models as mm

THUNGTHACHANG, TAKOTHONG, MAECHEDI = "อบต.ทุ่งท่าช้าง", "อบต.ตะโกทอง", "อบต.แม่เจดีย์"


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _cell(model, row, column, role=Qt.DisplayRole):
    return model.data(model.index(row, column), role)


def _tab(window):
    tab = window.tab_pages[2]
    window.tabs.setCurrentWidget(tab)
    return tab


def _choose_year(tab, year):
    tab._year_chosen(tab.year_combo.findData(year))
    assert tab.target == year


def _select(tab, *measure_ids):
    tab.view.clearSelection()
    for mid in measure_ids:
        row = tab.model.row_of(mid)
        tab.view.selectionModel().select(tab.model.index(row, 0),
                                         QItemSelectionModel.Select | QItemSelectionModel.Rows)


def _ids(ctx, office, year):
    found = measure_set_of_year(ctx, office, year)
    return [m.id for m in found.measures] if found else []


def test_models_show_measures_and_results(qapp, demo_ctx):
    office = _id(demo_ctx, TAKOTHONG)
    m = mm.MeasureTableModel()
    m.set_measure_set(measure_set_of_year(demo_ctx, office, 2567))
    assert (m.rowCount(), m.columnCount()) == (42, 7)
    assert _cell(m, 0, mm.COL_ORDER) == "1"
    assert _cell(m, 0, mm.COL_ISSUE).startswith("i1 เจ้าหน้าที่ของหน่วยงาน")
    assert _cell(m, 0, mm.COL_ISSUE, Qt.BackgroundRole) == mm.MEASURE_CATEGORIES["develop"][1]
    progress = mr.year_progress(demo_ctx, _id(demo_ctx, THUNGTHACHANG), 2568)
    p = mm.ProgressTableModel()
    p.set_progress(mm.progress_rows(progress, {}))
    assert (p.rowCount(), p.columnCount()) == (10, 8)
    assert _cell(p, 0, mm.COL_R_MEASURE).startswith("มาตรการประกาศเจตนารมณ์ No Gift Policy")
    assert p.headerData(mm.COL_R_OUTPUT, Qt.Horizontal, Qt.ToolTipRole) == "ผลการดำเนินการ (Output)"


def test_default_year_follows_the_data(qtbot, demo_ctx, answers, open_window):
    window = open_window(demo_ctx, _id(demo_ctx, TAKOTHONG), 2566)
    tab = _tab(window)
    assert tab.target == 2567 and tab.model.rowCount() == 42  # made from 2566's results
    assert "จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. 2566" in tab.heading
    window.select(office_id=_id(demo_ctx, MAECHEDI), year=2567)
    assert tab.target == 2567 and tab.model.rowCount() == 0 and tab.empty_bar.isVisible()
    assert tab.results.model.rowCount() == 9  # seed 003's rows, made outside the program
    window.select(office_id=_id(demo_ctx, "ทต.วังไผ่"), year=2565)  # scored, measures of 2566 made
    assert tab.target == 2566 and tab.model.rowCount() == 2


def test_measures_from_analysis_add_done_with_evidence_documents_and_undo(qtbot, demo_ctx, answers, open_window,
                                                                            tmp_path, monkeypatch):
    office = _id(demo_ctx, THUNGTHACHANG)
    window = open_window(demo_ctx, office, 2568)
    tab = _tab(window)
    assert tab.target == 2568 and tab.results.model.rowCount() == 10
    _choose_year(tab, 2569)
    assert tab.model.rowCount() == 0 and "จัดทำมาตรการจากผลการวิเคราะห์" in tab.empty_bar.text()

    # จัดทำมาตรการจากผลการวิเคราะห์: the clerk unticks one proposal
    monkeypatch.setattr(QDialog, "exec", lambda self: (self.list.item(0).setCheckState(Qt.Unchecked)
                                                       if hasattr(self, "list") else None) or QDialog.Accepted)
    tab.propose()
    made = measure_set_of_year(demo_ctx, office, 2569)
    assert made.based_on_year == 2568 and len(made.measures) == 6 and tab.model.rowCount() == 6
    assert all(m.steps for m in made.measures)  # the guideline is the first step

    # add one through the form, with a responsible division from the office profile
    dialogs = []
    monkeypatch.setattr(QDialog, "exec", lambda self: dialogs.append(self) or QDialog.Rejected)
    tab.add_measure()
    form = dialogs[-1]
    assert isinstance(form, MeasureDialog)
    form.issue.setPlainText("การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง")
    form.measure.setPlainText("มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างทุกเดือน")
    form.steps.setPlainText("1. รวบรวมข้อมูล\n2. เผยแพร่บนเว็บไซต์")
    form.add_division("กองคลัง")
    form.deadline.setText("31/13/2569")
    form.save()
    assert any("กำหนดเวลาแล้วเสร็จ" in text for _, text in answers)  # bad date: named, nothing stored
    assert len(measure_set_of_year(demo_ctx, office, 2569).measures) == 6
    form.deadline.setText("31/03/2569")
    form.save()
    added = measure_set_of_year(demo_ctx, office, 2569).measures[-1]
    assert added.responsible == "กองคลัง" and added.deadline == "2026-03-31" and tab.model.rowCount() == 7
    assert window.actions["undo"].text() == "เลิกทำ: เพิ่มมาตรการ"

    # set it done with an evidence file
    tab.sections.setCurrentIndex(1)
    panel = tab.results
    panel.select_key(f"m{added.id}")
    panel.record()
    result_form = dialogs[-1]
    assert isinstance(result_form, ResultDialog)
    result_form.status.setCurrentIndex(result_form.status.findData(mr.DONE))
    result_form.output.setPlainText("เผยแพร่ครบ 12 เดือน")
    result_form.outcome.setPlainText("ประชาชนตรวจสอบการจัดซื้อจัดจ้างได้")
    result_form.end.setText("30/03/2569")
    result_form.save()
    progress = mr.year_progress(demo_ctx, office, 2569)
    done = next(p for p in progress.measures if p.measure.id == added.id)
    assert done.status == mr.DONE and done.result.output == "เผยแพร่ครบ 12 เดือน"
    assert "ดำเนินการแล้วเสร็จ <b>1</b>" in tab.counts.text()
    proof = tmp_path / "ภาพประกาศ.pdf"
    proof.write_bytes(b"%PDF-1.4 evidence")
    panel.select_key(f"m{added.id}")
    from ita_desktop.ui.widgets import file_dialogs

    monkeypatch.setattr(file_dialogs, "get_open_files", lambda *a, **k: [str(proof)])
    panel.choose_files()  # เพิ่มไฟล์หลักฐาน asks through the Thai file dialog
    files = evidence.list_evidence(demo_ctx, done.result.id)
    assert [f.file_name for f in files] == ["ภาพประกาศ.pdf"] and panel.files.count() == 1
    opened = []
    tab.opener = opened.append
    panel.files.setCurrentRow(0)
    panel.open_file()
    assert opened and opened[0].read_bytes() == b"%PDF-1.4 evidence"

    # both documents, PDF and Excel
    dialog = tab.print_measures()
    pdf = dialog.save_pdf_to(tmp_path / "มาตรการ.pdf")
    xlsx = dialog.save_xlsx_to(tmp_path / "มาตรการ.xlsx")
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.exists()
    texts = [str(c.value) for row in openpyxl.load_workbook(xlsx).active.iter_rows() for c in row if c.value]
    assert any("มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างทุกเดือน" in t for t in texts)
    dialog.close()
    dialog = tab.print_results()
    pdf = dialog.save_pdf_to(tmp_path / "ผล.pdf")
    xlsx = dialog.save_xlsx_to(tmp_path / "ผล.xlsx")
    texts = [str(c.value) for row in openpyxl.load_workbook(xlsx).active.iter_rows() for c in row if c.value]
    assert pdf.exists() and any("เผยแพร่ครบ 12 เดือน" in t for t in texts)
    dialog.close()

    # delete a measure, then undo the deletion
    tab.sections.setCurrentIndex(0)
    first = measure_set_of_year(demo_ctx, office, 2569).measures[0]
    _select(tab, first.id)
    window.activateWindow()
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    qtbot.keyClick(tab.view, Qt.Key_Delete)  # asks first (answered Yes)
    assert first.id not in _ids(demo_ctx, office, 2569) and tab.model.rowCount() == 6
    assert window.actions["undo"].text() == "เลิกทำ: ลบมาตรการ"
    window.actions["undo"].trigger()
    assert _ids(demo_ctx, office, 2569)[0] == first.id and tab.model.rowCount() == 7
    assert measures.get_measure(demo_ctx, first.id).issue == first.issue


def test_edit_reorder_merge_split_with_undo(qtbot, demo_ctx, answers, open_window, monkeypatch):
    office = _id(demo_ctx, TAKOTHONG)
    window = open_window(demo_ctx, office, 2566)
    tab = _tab(window)
    ids = _ids(demo_ctx, office, 2567)
    undo = window.actions["undo"]

    _select(tab, ids[0])
    assert tab.update_measure(tab.selected_measures()[0],
                              MeasureInput(issue="ประเด็นใหม่", steps="ขั้นตอนใหม่", items=("i1",), indicators=(1,)))
    assert measures.get_measure(demo_ctx, ids[0]).issue == "ประเด็นใหม่"
    undo.trigger()
    assert measures.get_measure(demo_ctx, ids[0]).issue != "ประเด็นใหม่"

    _select(tab, ids[1])
    tab.move_measure(-1)
    assert _ids(demo_ctx, office, 2567)[:2] == [ids[1], ids[0]]
    assert tab.selected_measures()[0].id == ids[1]
    undo.trigger()
    assert _ids(demo_ctx, office, 2567)[:2] == ids[:2]

    _select(tab, ids[0], ids[1])
    tab.merge_measures()
    merged = measures.get_measure(demo_ctx, ids[0])
    assert ids[1] not in _ids(demo_ctx, office, 2567) and set(merged.items) >= {"i1", "i2"}
    assert undo.text() == "เลิกทำ: รวมมาตรการ"
    undo.trigger()
    assert _ids(demo_ctx, office, 2567) == ids and measures.get_measure(demo_ctx, ids[0]).items == ("i1",)

    _select(tab, ids[0], ids[1])
    tab.merge_measures()
    _select(tab, ids[0])
    tab.split_measure()
    assert len(_ids(demo_ctx, office, 2567)) == 42
    undo.trigger()
    assert len(_ids(demo_ctx, office, 2567)) == 41


def test_carry_over_and_layout_choice(qtbot, demo_ctx, answers, open_window):
    office = _id(demo_ctx, TAKOTHONG)
    window = open_window(demo_ctx, office, 2566)
    tab = _tab(window)
    ids = _ids(demo_ctx, office, 2567)
    assert tab.carry(ids[:2], move=False)
    copies = measure_set_of_year(demo_ctx, office, 2568).measures
    assert [m.source_measure_id for m in copies] == ids[:2]
    window.actions["undo"].trigger()
    assert not _ids(demo_ctx, office, 2568)

    tab.measures_layout.setCurrentIndex(tab.measures_layout.findData("002"))
    tab.set_layout("measures", "002")
    assert settings.get_raw(demo_ctx, f"layout/measures/{office}") == "002"
    assert tab.measures_layout.currentData() == "002"
    window.actions["undo"].trigger()
    assert settings.get_raw(demo_ctx, f"layout/measures/{office}") is None


def test_results_of_activities_outside_the_program(qtbot, demo_ctx, answers, open_window, monkeypatch):
    office = _id(demo_ctx, MAECHEDI)
    window = open_window(demo_ctx, office, 2567)
    tab = _tab(window)
    panel = tab.results
    assert panel.model.rowCount() == 9
    assert "ไม่อยู่ในมาตรการของโปรแกรม" in _cell(panel.model, 0, mm.COL_R_STATUS)
    first = result_report_for_year(demo_ctx, office, 2567).rows[0]
    panel.select_key(f"r{first.id}")
    dialogs = []
    monkeypatch.setattr(QDialog, "exec", lambda self: dialogs.append(self) or QDialog.Rejected)
    panel.record()
    form = dialogs[-1]
    assert form.measure.toPlainText() == first.measure
    form.status.setCurrentIndex(form.status.findData(mr.IMPOSSIBLE))
    form.save()  # no reason: refused, named
    assert any("เหตุผล" in text for _, text in answers)
    form.reason.setText("ไม่ได้รับงบประมาณ")
    form.save()
    row = result_report_for_year(demo_ctx, office, 2567).rows[0]
    assert (row.status, row.reason) == (mr.IMPOSSIBLE, "ไม่ได้รับงบประมาณ")
    window.actions["undo"].trigger()
    assert result_report_for_year(demo_ctx, office, 2567).rows[0].status == first.status


def test_overdue_measures_stand_out(qtbot, demo_ctx, answers, open_window):
    office = _id(demo_ctx, TAKOTHONG)
    measures.create_measure(demo_ctx, office, 2567, MeasureInput(issue="เลยกำหนด", deadline="2020-01-31"))
    window = open_window(demo_ctx, office, 2566)
    tab = _tab(window)
    panel = tab.results
    row = panel.model.rowCount() - 1
    assert _cell(panel.model, row, mm.COL_R_MEASURE, Qt.BackgroundRole) == mm.OVERDUE_COLOUR
    assert "เลยกำหนดเวลาแล้วเสร็จ" in _cell(panel.model, row, mm.COL_R_MEASURE, Qt.ToolTipRole)
    assert "เลยกำหนด <b>1</b>" in tab.counts.text()


def test_import_a_table_says_what_it_found(qtbot, demo_ctx, answers, open_window, tmp_path):
    from ita_desktop.services.measures_xlsx import export_measures

    source = _id(demo_ctx, TAKOTHONG)
    good = export_measures(demo_ctx, source, 2567, tmp_path / "มาตรการ.xlsx")
    office = _id(demo_ctx, THUNGTHACHANG)
    window = open_window(demo_ctx, office, 2568)
    tab = _tab(window)
    _choose_year(tab, 2569)

    bad = tmp_path / "เสีย.xlsx"
    wb = openpyxl.load_workbook(good)
    wb.active.cell(row=4, column=11, value="32/13/2567")  # วันเริ่มต้น of the first measure
    wb.save(bad)
    dialog = tab.import_dialog()
    assert not dialog.load(bad)
    assert "ตารางมาตรการ" in dialog.found.text() and "ปัญหา 1 รายการ" in dialog.found.text()
    assert "แถว 4 คอลัมน์ K" in dialog.problems.toPlainText()
    assert not dialog.import_button.isEnabled()

    assert dialog.load(good) and dialog.import_button.isEnabled()
    dialog.store()
    assert list(demo_ctx.backups_dir.glob("*-before-import.itabak"))  # a backup first
    assert len(measure_set_of_year(demo_ctx, office, 2569).measures) == 42 and tab.model.rowCount() == 42
    assert window.actions["undo"].text() == "เลิกทำ: นำเข้ามาตรการ"
    window.actions["undo"].trigger()
    assert not _ids(demo_ctx, office, 2569) and tab.model.rowCount() == 0
    window.actions["redo"].trigger()
    first_ids = _ids(demo_ctx, office, 2569)
    assert len(first_ids) == 42
    first_issue = measure_set_of_year(demo_ctx, office, 2569).measures[0].issue
    changed = tmp_path / "แก้.xlsx"
    wb = openpyxl.load_workbook(good)
    wb.active.cell(row=4, column=5, value="ประเด็นที่แก้ในไฟล์")
    wb.save(changed)
    dialog = tab.import_dialog()
    assert dialog.load(changed)
    dialog.store()  # asks before replacing (answered Yes)
    assert any("แทนที่" in text for _, text in answers)
    assert measure_set_of_year(demo_ctx, office, 2569).measures[0].issue == "ประเด็นที่แก้ในไฟล์"
    window.actions["undo"].trigger()  # the replaced measures come back as they were
    assert _ids(demo_ctx, office, 2569) == first_ids
    assert measure_set_of_year(demo_ctx, office, 2569).measures[0].issue == first_issue


@pytest.mark.parametrize("name", [TAKOTHONG])
def test_every_dialog_fits_the_screen(qtbot, demo_ctx, answers, open_window, monkeypatch, name):
    office = _id(demo_ctx, name)
    window = open_window(demo_ctx, office, 2566)
    tab = _tab(window)
    dialogs = []
    monkeypatch.setattr(QDialog, "exec", lambda self: dialogs.append(self) or QDialog.Rejected)
    _select(tab, _ids(demo_ctx, office, 2567)[0])
    tab.edit_measure()
    tab.add_measure()
    tab.carry_over()
    tab.import_table()
    tab.sections.setCurrentIndex(1)
    tab.results.view.selectRow(0)
    tab.results.record()
    tab.results.add_other()
    tab.results.edit_texts()
    assert len(dialogs) == 7
    for dialog in dialogs:
        dialog.show()
        size = dialog.frameGeometry()
        assert size.width() <= 1366 and size.height() <= 768, type(dialog).__name__
        dialog.close()


def test_evidence_rename_and_remove_with_undo(qtbot, demo_ctx, answers, open_window, tmp_path):
    office = _id(demo_ctx, MAECHEDI)
    window = open_window(demo_ctx, office, 2567)
    tab = _tab(window)
    tab.sections.setCurrentIndex(1)
    panel = tab.results
    row = result_report_for_year(demo_ctx, office, 2567).rows[1]
    panel.select_key(f"r{row.id}")
    big = tmp_path / "ใหญ่.bin"
    with open(big, "wb") as f:
        f.truncate(evidence.MAX_BYTES + 1)
    assert not panel.add_files([big])
    assert any("เกิน 50 MB" in text for _, text in answers) and not evidence.list_evidence(demo_ctx, row.id)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpeg")
    assert panel.add_files([photo])
    panel.files.setCurrentRow(0)
    view = panel.current_file()
    assert not panel.rename_to(view, "ภาพ/กิจกรรม.jpg")  # a character a file name cannot hold
    assert panel.rename_to(view, "ภาพกิจกรรม.jpg")
    assert [f.file_name for f in evidence.list_evidence(demo_ctx, row.id)] == ["ภาพกิจกรรม.jpg"]
    assert "ภาพกิจกรรม.jpg" in panel.files.item(0).text()
    window.actions["undo"].trigger()
    assert [f.file_name for f in evidence.list_evidence(demo_ctx, row.id)] == ["photo.jpg"]
    panel.files.setCurrentRow(0)
    panel.remove_file()
    assert not evidence.list_evidence(demo_ctx, row.id) and panel.files.count() == 0
    window.actions["undo"].trigger()
    assert [f.file_name for f in evidence.list_evidence(demo_ctx, row.id)] == ["photo.jpg"]
    assert "1 ไฟล์" in _cell(panel.model, panel.model.row_of(f"r{row.id}"), mm.COL_R_EVIDENCE)


def test_results_table_import_and_memo_of_the_measures(qtbot, demo_ctx, answers, open_window, tmp_path):
    from ita_desktop.services.measures_xlsx import export_results

    source = _id(demo_ctx, MAECHEDI)
    table = export_results(demo_ctx, source, 2567, tmp_path / "ผล.xlsx")
    office = _id(demo_ctx, TAKOTHONG)
    window = open_window(demo_ctx, office, 2566)
    tab = _tab(window)
    assert tab.target == 2567
    dialog = tab.import_dialog()
    assert dialog.load(table) and "ตารางรายงานผลการดำเนินการ" in dialog.found.text() and "9" in dialog.found.text()
    dialog.store()
    assert len(result_report_for_year(demo_ctx, office, 2567).rows) == 9
    assert tab.results.model.rowCount() == 42 + 9
    memo = tab.print_memo()  # the measures of 2567 answer the assessment of 2566
    assert (memo.kind(), memo.year) == ("measures", 2566)
    assert memo.height() <= 768
    memo.close()
    tab.sections.setCurrentIndex(1)
    assert tab.print_memo() is None  # results of 2567: no scores of 2567 yet, said in Thai
    assert any("ยังไม่มีคะแนน ITA ของปีงบประมาณ พ.ศ. 2567" in text for _, text in answers)


def test_without_an_office_the_tab_says_what_to_do(qtbot, ctx, answers, open_window):
    window = open_window(ctx)
    tab = _tab(window)
    assert "ยังไม่มีหน่วยงาน" in tab.empty_bar.text() and tab.empty_bar.isVisible()
    assert not tab.add_button.isEnabled() and not tab.print_measures_button.isEnabled()
    assert not tab.results.add_button.isEnabled()


def test_measures_from_the_analysis_undo_and_redo(qtbot, demo_ctx, answers, open_window):
    from ita_desktop.services import measure_proposals as mp

    office = _id(demo_ctx, THUNGTHACHANG)
    window = open_window(demo_ctx, office, 2568)
    tab = _tab(window)
    _choose_year(tab, 2569)
    keys = {mp.proposal_key(p) for p in mp.propose_measures(demo_ctx, office, 2568)}
    assert tab.create_proposed(keys)
    made = _ids(demo_ctx, office, 2569)
    assert len(made) == 7 and tab.model.rowCount() == 7
    assert window.actions["undo"].text() == "เลิกทำ: จัดทำมาตรการจากผลการวิเคราะห์"
    window.actions["undo"].trigger()
    assert not _ids(demo_ctx, office, 2569) and tab.model.rowCount() == 0
    window.actions["redo"].trigger()
    assert _ids(demo_ctx, office, 2569) == made and tab.model.rowCount() == 7
    tab.propose()  # everything proposed already has a measure: said, nothing made
    assert any("ไม่มีข้อคำถามหรือตัวชี้วัด" in text for _, text in answers)
