"""The วิเคราะห์จุดอ่อน tab: grouped table with gains, editable guidelines with undo, the paths,
the largest-gains chart, the filters and the analysis report (PDF and Excel)."""

import dataclasses
import subprocess

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QPlainTextEdit

from ita_desktop.core.analysis import Category, MeasureEffect
from ita_desktop.services import guidelines, offices, plan_edit, plans, settings
from ita_desktop.services.analysis import full_analysis
from ita_desktop.ui.dialogs.document_dialog import DocumentDialog
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.models import analysis_models as am
from ita_desktop.ui.tabs import analysis_tab
from ita_desktop.ui.tabs.analysis_tab import AnalysisTab

TAKOTHONG = "อบต.ตะโกทอง"
NEW_TEXT = "จัดประชุมชี้แจงงบประมาณแก่บุคลากรทุกไตรมาส"


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _cell(model, row, column, role=Qt.DisplayRole):
    return model.data(model.index(row, column), role)


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def analysis(demo_ctx):
    return full_analysis(demo_ctx, _id(demo_ctx, TAKOTHONG), 2566)


@pytest.fixture
def model(qapp, analysis):
    m = am.AnalysisTableModel()
    m.set_analysis(analysis)
    return m


# -- the model -------------------------------------------------------------------------------

def test_model_rows_are_category_indicator_item(model):
    kinds = [r.kind for r in model.rows]
    assert kinds.count(am.CATEGORY_ROW) == 3
    assert kinds.count(am.ITEM_ROW) == 38
    assert model.columnCount() == 8
    assert model.heading_rows() == [n for n, k in enumerate(kinds) if k == am.CATEGORY_ROW]
    assert _cell(model, 0, am.COL_CODE) == f"{Category.URGENT.value} (8 ตัวชี้วัด, 36 ข้อคำถาม)"
    assert [_cell(model, 1, c) for c in range(am.COL_GUIDELINE)] == [
        "ตัวชี้วัดที่ 2", "การใช้งบประมาณ (IIT)", "78.75", "6.25", "0.38", "1.27", "–"]
    assert [_cell(model, 2, c) for c in range(am.COL_GUIDELINE)][:1] == ["i7"]
    assert [_cell(model, 2, c) for c in range(am.COL_SCORE, am.COL_GUIDELINE)] == [
        "60.07", "24.93", "0.25", "0.40", "–"]
    assert _cell(model, 2, am.COL_GUIDELINE).startswith("ควรจัดให้มีการประชุม")
    assert "จากแฟ้มคะแนน" in _cell(model, 2, am.COL_GUIDELINE, Qt.ToolTipRole)
    assert model.flags(model.index(2, am.COL_GUIDELINE)) & Qt.ItemIsEditable
    assert not model.flags(model.index(0, am.COL_GUIDELINE)) & Qt.ItemIsEditable
    assert not model.flags(model.index(2, am.COL_SCORE)) & Qt.ItemIsEditable


def test_heading_counts_agree_with_the_summary_sentence(analysis):
    groups = {g.category: g for g in am.build_groups(analysis)}
    failed = len(groups[Category.URGENT].indicators)
    passed = sum(len(groups[c].indicators) for c in (Category.DEVELOP, Category.MAINTAIN) if c in groups)
    assert f"มี {passed} ตัวชี้วัด" in analysis.summary_text.split("ส่วนที่")[0]
    assert f"ต่ำกว่า 85 มี {failed} ตัวชี้วัด" in analysis.summary_text
    assert (passed, failed) == (2, 8)
    assert [i.number for i in groups[Category.DEVELOP].indicators] == [1, 3]
    # every scored item is listed exactly once, under its own category
    assert sum(g.item_count for g in groups.values()) == len(analysis.items)


def test_filters_by_tool_and_category(analysis):
    oit = am.build_groups(analysis, tool="OIT")
    listed = [ind for g in oit for ind, _ in g.listed]
    assert {i.tool for i in listed} == {"OIT"} and {i.number for i in listed} == {9, 10}
    assert all(item.tool == "OIT" for g in oit for item in g.items)
    develop = am.build_groups(analysis, category=Category.DEVELOP)
    assert [g.category for g in develop] == [Category.DEVELOP]
    assert all(item.category == Category.DEVELOP for item in develop[0].items)


def test_model_colours_by_category(model):
    red, amber = (am.CATEGORY_STYLES[c] for c in (Category.URGENT, Category.DEVELOP))
    assert _cell(model, 0, 0, Qt.BackgroundRole) == red.heading
    assert _cell(model, 2, am.COL_SCORE, Qt.ForegroundRole) == red.foreground
    develop = model.heading_rows()[1]
    assert _cell(model, develop, 0, Qt.BackgroundRole) == amber.heading
    # a suggested guideline is grey and italic, the clerk's own is not
    assert _cell(model, 2, am.COL_GUIDELINE, Qt.FontRole).italic()


def test_empty_model(qapp):
    m = am.AnalysisTableModel()
    m.set_analysis(None)
    assert m.rowCount() == 0 and m.columnCount() == 8


def test_effect_text_and_paths(analysis):
    assert analysis_tab.effect_text(analysis) == ""
    earlier = dataclasses.replace(analysis, previous_year=2565,
                                  measure_effect=MeasureEffect(rose=("i7",), compared=("i7", "i8")))
    assert analysis_tab.effect_text(earlier).endswith("มาตรการได้ผล 1 จาก 2 ข้อ")
    html = analysis_tab.paths_html(analysis)
    assert "เส้นทางสู่เกณฑ์ 85 คะแนน" in html and "ยกระดับ 7 ข้อ" in html and "85.47" in html
    assert "ค่าเป้าหมาย" not in html


# -- the tab alone ---------------------------------------------------------------------------

@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = AnalysisTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1340, 640)
    widget.show()
    return widget


def test_tab_shows_takothong_2566(tab, demo_ctx):
    office = _id(demo_ctx, TAKOTHONG)
    tab.set_context(office, 2566)
    assert tab.pass_line.text() == settings.pass_line(demo_ctx, office, 2566).describe(2566)
    assert "ร้อยละ\u00a085" in tab.pass_line.text()
    notes = tab.notes.toPlainText()
    assert notes.startswith("จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ 85")
    assert "เส้นทางสู่เกณฑ์ 85 คะแนน" in notes and "85.47" in notes
    assert "75.47" in tab.heading.text()
    assert tab.model.rowCount() > 40 and tab.empty_bar.isHidden() and tab.view.isVisible()
    assert tab.warning_bar.isHidden()
    assert [b.code for b in tab.chart.bars][:2] == ["o42", "o43"] and len(tab.chart.bars) == 8
    first = tab.model.heading_rows()[0]
    assert tab.view.columnSpan(first, 0) == tab.model.columnCount()


def test_tab_filters_redraw_table_and_chart(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, TAKOTHONG), 2566)
    tab.tool_filter.setCurrentIndex(tab.tool_filter.findData("IIT"))
    assert {r.record.tool for r in tab.model.rows if r.kind != am.CATEGORY_ROW} == {"IIT"}
    assert all(b.code.startswith("i") for b in tab.chart.bars)
    tab.group_filter.setCurrentIndex(tab.group_filter.findData(Category.MAINTAIN))
    assert [r.category for r in tab.model.rows if r.kind == am.CATEGORY_ROW] == [Category.MAINTAIN]
    assert tab.chart.bars == []  # nothing to gain from items at 100
    tab.tool_filter.setCurrentIndex(tab.tool_filter.findData("OIT"))
    tab.group_filter.setCurrentIndex(tab.group_filter.findData(Category.DEVELOP))
    assert tab.model.rowCount() == 0
    assert tab.filter_bar.isVisible() and tab.filter_bar.text() == (
        "• ไม่มีตัวชี้วัดหรือข้อคำถามของ OIT ในกลุ่ม ประเด็นที่ต้องพัฒนาให้ดีขึ้น")
    tab.group_filter.setCurrentIndex(0)
    assert tab.model.rowCount() > 0 and tab.filter_bar.isHidden()


def test_chart_shows_indicator_gains_without_item_scores(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.ทุ่งท่าช้าง"), 2568)
    assert tab.chart.title == "ตัวชี้วัดที่เพิ่มคะแนนรวมได้มากที่สุด"
    assert tab.chart.bars and all(b.code.startswith("ตัวชี้วัดที่ ") for b in tab.chart.bars)
    gains = [b.gain_to_100 for b in tab.chart.bars]
    assert gains == sorted(gains, reverse=True)
    assert "ไม่ต้องยกระดับข้อใดเพิ่ม" in tab.notes.toPlainText()


def test_path_to_the_plans_target(tab, demo_ctx):
    office = _id(demo_ctx, TAKOTHONG)
    plan = plans.create_plan(demo_ctx, office, 2566, 2570)
    plan_edit.set_target(demo_ctx, plan, 2567, 93)
    tab.set_context(office, 2566)
    notes = tab.notes.toPlainText()
    assert "เส้นทางสู่ค่าเป้าหมายปีงบประมาณ พ.ศ. 2567 (93 คะแนน" in notes


def test_tab_empty_state(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, "อบต.เขาทอง"), 2567)
    assert tab.model.rowCount() == 0 and not tab.view.isVisible()
    assert "ยังไม่มีคะแนน" in tab.empty_bar.text() and tab.empty_bar.isVisible()


def test_tab_without_office(tab):
    tab.set_context(None, None)
    assert "ยังไม่มีหน่วยงาน" in tab.empty_bar.text()


def test_incomplete_scores_warn_and_the_report_is_refused(tab, demo_ctx, answers):
    tab.set_context(_id(demo_ctx, "วังไผ่"), 2565)
    assert tab.warning_bar.isVisible() and "คะแนนยังไม่ครบ" in tab.warning_bar.text()
    assert "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" in tab.warning_bar.text()
    tab.report_button.click()
    assert answers and answers[-1][0] == "พิมพ์รายงานการวิเคราะห์ไม่ได้"
    assert "ยังไม่มีคะแนน" in answers[-1][1] and "คะแนนรวม" in answers[-1][1]
    assert tab.report_dialog is None


def test_alone_the_tab_has_no_settings_button(tab, demo_ctx):
    tab.set_context(_id(demo_ctx, TAKOTHONG), 2566)
    assert tab.settings_button.isHidden()
    tab.open_settings()  # nothing to open, no recursion


def test_window_selection_updates_the_tab(qtbot, demo_ctx):
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    tab = window.tab_pages[1]
    window.tabs.setCurrentWidget(tab)  # a hidden tab redraws only when shown
    window.select(office_id=_id(demo_ctx, TAKOTHONG), year=2566)
    assert tab.current.office_name == "องค์การบริหารส่วนตำบลตะโกทอง" and tab.model.rowCount() > 40
    window.select(office_id=_id(demo_ctx, "อบต.ทุ่งท่าช้าง"), year=2568)
    assert tab.current.year == 2568
    assert [r.kind for r in tab.model.rows].count(am.INDICATOR_ROW) == 10
    window.select(office_id=_id(demo_ctx, "อบต.เขาทอง"), year=2567)
    assert tab.model.rowCount() == 0 and "2567" in tab.empty_bar.text()


# -- in the real window: edit a guideline, see it in the report, undo it -----------------------

def _edit_guideline(qtbot, tab, code, text):
    """Type ``text`` into the guideline cell of item ``code`` with the real multi-line editor."""
    row = tab.model.row_of(("item", code))
    index = tab.model.index(row, am.COL_GUIDELINE)
    tab.view.scrollTo(index)
    tab.view.setCurrentIndex(index)
    tab.view.edit(index)
    editor = tab.view.findChild(QPlainTextEdit)
    assert editor is not None
    editor.setPlainText(text)
    tab.view.commitData(editor)
    tab.view.closeEditor(editor, QAbstractItemDelegate.NoHint)


def _guideline_cell(tab, code):
    return _cell(tab.model, tab.model.row_of(("item", code)), am.COL_GUIDELINE)


@pytest.fixture
def window_on_takothong(demo_ctx, open_window, answers):
    office = _id(demo_ctx, TAKOTHONG)
    window = open_window(demo_ctx, office, 2566)
    window.tabs.setCurrentIndex(1)
    return window, window.tab_pages[1], office


def _export_through_the_dialog(qtbot, monkeypatch, tab, tmp_path):
    """Click พิมพ์รายงานการวิเคราะห์..., wait for the preview, save PDF and Excel from the dialog."""
    saved = {}

    def run(dialog):
        qtbot.waitUntil(lambda: dialog.preview_path is not None, timeout=30000)
        saved["pdf"] = dialog.save_pdf_to(tmp_path / "analysis")
        saved["xlsx"] = dialog.save_xlsx_to(tmp_path / "analysis")
        saved["title"] = dialog.windowTitle()
        dialog.grab().save(str(tmp_path / "dialog.png"))
        return 0

    monkeypatch.setattr(DocumentDialog, "exec", run)
    tab.report_button.click()
    return saved


def test_edit_a_guideline_see_it_in_the_report_and_undo_it(qtbot, monkeypatch, tmp_path, demo_ctx,
                                                           window_on_takothong):
    window, tab, office = window_on_takothong
    old = guidelines.get_guideline(demo_ctx, office, 2566, "item", "i7")
    assert old.source == guidelines.IMPORTED and _guideline_cell(tab, "i7") == old.text
    _edit_guideline(qtbot, tab, "i7", NEW_TEXT)
    qtbot.waitUntil(lambda: guidelines.get_guideline(demo_ctx, office, 2566, "item", "i7").source == guidelines.OWN)
    assert guidelines.get_guideline(demo_ctx, office, 2566, "item", "i7").text == NEW_TEXT
    assert _guideline_cell(tab, "i7") == NEW_TEXT
    assert window.actions["undo"].text() == "เลิกทำ: แก้แนวทางการพัฒนาข้อ i7"

    saved = _export_through_the_dialog(qtbot, monkeypatch, tab, tmp_path)
    assert saved["title"].startswith("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส")
    assert _squeeze(NEW_TEXT) in _squeeze(_pdf_text(saved["pdf"]))
    sheet_texts = [str(c.value) for ws in openpyxl.load_workbook(saved["xlsx"]).worksheets
                   for row in ws.iter_rows() for c in row if c.value is not None]
    assert any(NEW_TEXT in t for t in sheet_texts)

    window.actions["undo"].trigger()
    back = guidelines.get_guideline(demo_ctx, office, 2566, "item", "i7")
    assert back.source == guidelines.IMPORTED and back.text == old.text
    assert _guideline_cell(tab, "i7") == old.text
    assert window.actions["redo"].text() == "ทำซ้ำ: แก้แนวทางการพัฒนาข้อ i7"
    window.actions["redo"].trigger()
    assert guidelines.get_guideline(demo_ctx, office, 2566, "item", "i7").text == NEW_TEXT


def test_an_empty_text_clears_the_own_guideline(qtbot, demo_ctx, window_on_takothong):
    window, tab, office = window_on_takothong
    suggested = guidelines.get_guideline(demo_ctx, office, 2566, "item", "i8").text
    assert tab.store_guideline("item", "i8", NEW_TEXT)
    assert _guideline_cell(tab, "i8") == NEW_TEXT
    _edit_guideline(qtbot, tab, "i8", "   ")
    qtbot.waitUntil(lambda: guidelines.get_guideline(demo_ctx, office, 2566, "item", "i8").source != guidelines.OWN)
    assert _guideline_cell(tab, "i8") == suggested
    assert window.actions["undo"].text() == "เลิกทำ: ล้างแนวทางการพัฒนาข้อ i8"
    window.actions["undo"].trigger()
    assert guidelines.get_guideline(demo_ctx, office, 2566, "item", "i8").text == NEW_TEXT
    assert _guideline_cell(tab, "i8") == NEW_TEXT


def test_right_click_goes_back_to_the_suggestion(demo_ctx, window_on_takothong):
    window, tab, office = window_on_takothong
    suggested = guidelines.get_guideline(demo_ctx, office, 2566, "item", "i19").text
    row = tab.model.row_of(("item", "i19"))
    edit, clear = tab.guideline_actions(row)
    assert edit.text() == "แก้ไขแนวทางการพัฒนา..." and not clear.isEnabled()
    assert tab.guideline_actions(tab.model.heading_rows()[0]) == []
    assert tab.store_guideline("item", "i19", NEW_TEXT)
    edit, clear = tab.guideline_actions(tab.model.row_of(("item", "i19")))
    assert clear.isEnabled()
    clear.trigger()
    assert guidelines.get_guideline(demo_ctx, office, 2566, "item", "i19").text == suggested
    assert _guideline_cell(tab, "i19") == suggested
    assert window.actions["undo"].text() == "เลิกทำ: ล้างแนวทางการพัฒนาข้อ i19"


def test_an_unchanged_suggestion_is_not_stored(demo_ctx, window_on_takothong):
    window, tab, office = window_on_takothong
    suggested = guidelines.get_guideline(demo_ctx, office, 2566, "item", "i9").text
    assert not tab.store_guideline("item", "i9", suggested)
    assert not tab.store_guideline("item", "i9", "")
    assert guidelines.get_guideline(demo_ctx, office, 2566, "item", "i9").source == guidelines.IMPORTED
    assert not window.actions["undo"].isEnabled()


def test_a_too_long_guideline_is_refused_in_thai(demo_ctx, window_on_takothong, answers):
    window, tab, office = window_on_takothong
    assert not tab.store_guideline("item", "i7", "ก" * (guidelines.MAX_LENGTH + 1))
    title, text = answers[-1]
    assert title == "แก้แนวทางการพัฒนาข้อ i7ไม่ได้" and "ยาวเกิน 4000 ตัวอักษร" in text
    assert guidelines.get_guideline(demo_ctx, office, 2566, "item", "i7").source == guidelines.IMPORTED
    assert not window.actions["undo"].isEnabled()


def test_indicator_guideline_is_editable_too(demo_ctx, window_on_takothong):
    window, tab, office = window_on_takothong
    assert tab.store_guideline("indicator", "2", NEW_TEXT)
    row = tab.model.row_of(("indicator", "2"))
    assert _cell(tab.model, row, am.COL_GUIDELINE) == NEW_TEXT
    assert window.actions["undo"].text() == "เลิกทำ: แก้แนวทางการพัฒนาตัวชี้วัดที่ 2"


def test_settings_button_opens_the_windows_settings(demo_ctx, window_on_takothong):
    window, tab, office = window_on_takothong
    called = []
    window.open_settings = lambda: called.append(True)
    assert tab.settings_button.isVisible()
    tab.settings_button.click()
    assert called == [True]


def test_the_tab_fits_the_screen(qtbot, tmp_path, window_on_takothong):
    window, tab, office = window_on_takothong
    assert window.size().width() == 1366 and window.size().height() == 768
    for widget in (tab.report_button, tab.settings_button, tab.group_filter, tab.chart):
        right = widget.mapTo(window, widget.rect().bottomRight())
        assert right.x() <= 1366 and right.y() <= 768
    assert window.grab().save(str(tmp_path / "analysis-tab.png"))
    # the longest pass-line text (an office-year's own line) with the warning still fits
    window.select(office_id=_id(window.ctx, "วังไผ่"), year=2565)
    assert "ตั้งไว้สำหรับหน่วยงานนี้" in tab.pass_line.text() and tab.warning_bar.isVisible()
    assert window.width() <= 1366 and window.height() <= 768


# -- the cover memo goes out with the report ---------------------------------------------------

def test_memo_dialog_appends_the_analysis_report(qtbot, monkeypatch, tmp_path, demo_ctx):
    from ita_desktop.ui.dialogs.memo_dialog import REPORT_CHECK_TEXT, MemoDialog
    from ita_desktop.ui.widgets import file_dialogs

    office = _id(demo_ctx, TAKOTHONG)
    guidelines.set_guideline(demo_ctx, office, 2566, "item", "i7", NEW_TEXT)
    dialog = MemoDialog(demo_ctx, office, 2566)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind() == "analysis" and dialog.report_check.text() == REPORT_CHECK_TEXT
    assert dialog.report_check.isVisible() and dialog.report_check.isChecked() and dialog.with_report()
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 10, timeout=30000)
    with_report = dialog.preview.page_count()
    target = tmp_path / "memo"
    monkeypatch.setattr(file_dialogs, "get_save_file", lambda *a, **k: str(target))
    dialog.pdf_button.click()
    text = _squeeze(_pdf_text(target.with_suffix(".pdf")))
    assert text.startswith(_squeeze("บันทึกข้อความ"))
    assert _squeeze("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส") in text and _squeeze(NEW_TEXT) in text
    with qtbot.waitSignal(dialog.preview_ready, timeout=30000):
        dialog.report_check.setChecked(False)
    assert dialog.preview.page_count() < with_report
    with qtbot.waitSignal(dialog.preview_ready, timeout=30000):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("results"))
    assert dialog.report_check.isHidden() and not dialog.with_report()
    dialog.reject()


def test_memo_dialog_names_the_missing_scores_instead_of_attaching(qtbot, demo_ctx):
    from ita_desktop.ui.dialogs.memo_dialog import MemoDialog

    dialog = MemoDialog(demo_ctx, _id(demo_ctx, "วังไผ่"), 2565)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.report_check.isVisible() and not dialog.report_check.isEnabled() and not dialog.with_report()
    assert "ยังไม่มีคะแนน: ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน" in dialog.report_check.toolTip()
    assert not dialog.report_check.isChecked()
    qtbot.waitUntil(lambda: dialog.preview.page_count() >= 1, timeout=30000)
    assert "ยังแนบรายงานการวิเคราะห์ไม่ได้ ยังไม่มีคะแนนตัวชี้วัดที่ 6, 9, 10 และคะแนนรวม" in dialog.warning_label.text()
    assert dialog.warning_label.isVisible()
    dialog.reject()


def test_year_over_year_and_the_measures_effect(tab, demo_ctx):
    from ita_desktop.services import measures, scores

    office = _id(demo_ctx, TAKOTHONG)
    for number in range(1, 11):
        scores.set_indicator_score(demo_ctx, office, 2567, number, 90)
    for code, value in (("i7", 70), ("i8", 40)):
        scores.set_item_score(demo_ctx, office, 2567, code, value)
    measures.create_measure(demo_ctx, office, 2567, measures.MeasureInput(issue="i7", measure="จัดประชุม", items=("i7",)))
    tab.set_context(office, 2567)
    effect = full_analysis(demo_ctx, office, 2567).measure_effect
    assert effect is not None and effect.compared
    notes = tab.notes.toPlainText()
    assert "เทียบกับปีงบประมาณ พ.ศ. 2566" in notes and effect.sentence in notes
    row = tab.model.row_of(("indicator", "2"))
    assert _cell(tab.model, row, am.COL_CHANGE) == "+11.25"
    assert _cell(tab.model, tab.model.row_of(("item", "i7")), am.COL_CHANGE) == "+9.93"
    assert "2566" in _cell(tab.model, row, am.COL_CHANGE, Qt.ToolTipRole)


def test_a_new_pass_line_redraws_the_tab(tab, demo_ctx):
    from ita_desktop.services.changes import SETTINGS, Changes

    office = _id(demo_ctx, TAKOTHONG)
    tab.set_context(office, 2566)
    settings.set_pass_line(demo_ctx, office, 2566, 90)
    tab.ops.announce(Changes.of(SETTINGS, office_id=office, year=2566))
    assert "ร้อยละ\u00a090" in tab.pass_line.text() and "ตั้งไว้สำหรับหน่วยงานนี้" in tab.pass_line.text()
    urgent = next(g for g in am.build_groups(tab.current) if g.category == Category.URGENT)
    assert [i.number for i in urgent.indicators] == [2, 3, 4, 5, 6, 7, 8, 9, 10]  # 86.25 is now below the line
    assert _cell(tab.model, 0, am.COL_CODE).startswith(f"{Category.URGENT.value} (9 ตัวชี้วัด")
    assert "ต่ำกว่า 90 มี 9 ตัวชี้วัด" in tab.notes.toPlainText()


def test_gain_chart_draws_the_largest_gains_first(qtbot, analysis):
    from ita_desktop.ui.widgets.gain_chart import MAX_BARS, GainChart, largest_gains

    bars = largest_gains(analysis.items)
    assert len(bars) == MAX_BARS and [b.code for b in bars[:2]] == ["o42", "o43"]
    assert all(a.gain_to_100 >= b.gain_to_100 for a, b in zip(bars, bars[1:]))
    assert all(b.gain_to_line <= b.gain_to_100 for b in bars)
    chart = GainChart()
    qtbot.addWidget(chart)
    chart.resize(340, 280)
    chart.set_data(bars)
    image = chart.grab().toImage()
    assert not image.isNull()
    area = chart.plot_rect()
    first = chart.bar_at(area.left() + 2, area.top() + area.height() / MAX_BARS / 2)
    assert first is not None and first.code == "o42"
    chart.set_data([])
    assert not chart.has_data() and chart.bar_at(area.left() + 2, area.top() + 5) is None
