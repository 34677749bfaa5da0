"""The import dialog asks which year a contradictory file is for, and shows near-duplicate offices."""

import pytest

from ita_desktop.services import imports
from ita_desktop.ui.dialogs.import_dialog import ImportDialog
from tests.services.test_imports_many import wide_sheet


@pytest.fixture
def dialog(qtbot, ctx):
    d = ImportDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    return d


def test_a_file_naming_two_years_makes_the_dialog_ask(qtbot, dialog, tmp_path):
    path = wide_sheet(tmp_path / "x.xlsx", ["อบต.ตะโกทอง"], "ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๘", year_cell=2567)
    asked = []

    def answer(message, years):
        asked.append((message, years))
        return 2568

    dialog.ask_year = answer
    dialog.load_file(str(path))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20000)
    assert asked and asked[0][1] == [2567, 2568] and "2568" in asked[0][0] and "2567" in asked[0][0]
    assert dialog.plan.year == 2568 and dialog.year_combo.currentData() == 2568
    assert dialog.problem_list.count() == 0 and dialog.import_button.isEnabled()


def test_cancelling_the_question_leaves_the_problem_shown(qtbot, dialog, tmp_path):
    path = wide_sheet(tmp_path / "x.xlsx", ["อบต.ตะโกทอง"], "ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๘", year_cell=2567)
    dialog.ask_year = lambda message, years: None
    dialog.load_file(str(path))
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.problem_list.count() > 0, timeout=20000)
    assert "ปีงบประมาณในไฟล์ไม่ตรงกัน" in dialog.problem_list.item(0).text()
    assert not dialog.import_button.isEnabled()


def test_preview_marks_an_office_a_letter_away_from_an_existing_one(qtbot, ctx, dialog, tmp_path):
    imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", ["อบต.ตะโกทอง"]))
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.load_file(str(wide_sheet(tmp_path / "b.xlsx", ["อบต.ตะโกทอน"])))
    status = dialog.office_model.index(0, 3).data()
    assert status.startswith("หน่วยงานใหม่") and "องค์การบริหารส่วนตำบลตะโกทอง" in status
    warnings = [dialog.warning_list.item(i).text() for i in range(dialog.warning_list.count())]
    assert any("ชื่อคล้าย" in w for w in warnings)


def test_the_year_list_offers_this_fiscal_year_and_the_next_and_a_file_for_it_is_read(qtbot, ctx, dialog, tmp_path):
    from ita_desktop.services import criteria

    current = criteria.current_fiscal_year()
    years = [dialog.year_combo.itemData(i) for i in range(dialog.year_combo.count())]
    assert current in years and current + 1 in years
    assert current + 1 not in criteria.list_years(ctx)  # offered before any catalog exists
    path = wide_sheet(tmp_path / "next.xlsx", ["อบต.ตะโกทอง"], f"ผลการประเมิน ITA ปีงบประมาณ พ.ศ. {current + 1}")
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.load_file(str(path))
    assert dialog.plan is not None and dialog.plan.year == current + 1
    assert dialog.problem_list.count() == 0
    assert current + 1 in criteria.list_years(ctx) and criteria.is_soft(ctx, current + 1)


def test_preview_shows_the_official_total_a_sheet_prints(qtbot, dialog, tmp_path):
    from ita_desktop.ui.dialogs.import_dialog import OFFICE_HEADERS
    from tests.services.test_imports_many import SCORES, tool_sheet

    header = ["คะแนนรวม", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)]]
    path = tool_sheet(tmp_path / "t.xlsx", header, [["อบต.ตะโกทอง", 79.3, *SCORES]])
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.load_file(str(path))
    column = OFFICE_HEADERS.index("คะแนนรวมตามประกาศ")
    assert dialog.office_model.index(0, column).data() == "79.30"
    assert "คะแนนรวมตามประกาศ 1 หน่วยงาน" in dialog.summary_label.text()
