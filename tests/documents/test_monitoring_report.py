"""The monitoring report (PDF, Excel) with totals, and its cover memo."""

import pytest
from openpyxl import load_workbook

from ita_desktop.core.plan import STATUS_DONE, STATUS_IN_PROGRESS, STATUS_NOT_POSSIBLE
from ita_desktop.documents.fonts import register_fonts
from ita_desktop.documents.monitoring_report import _entries_table, _summary_table
from ita_desktop.documents.plan_report import frame_width
from ita_desktop.services import monitoring, offices, plans
from ita_desktop.services.errors import UserError
from ita_desktop.services.monitoring import EntryInput
from ita_desktop.services.plans import ProjectInput
from tests.documents.pdftools import needs_poppler, pdf_text, squash
from tests.documents.test_plan_report import _breaks_inside_a_unit, _page_sizes


@pytest.fixture
def round_one(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    plan = plans.plan_for_year(demo_ctx, office, 2567)
    plans.add_project(demo_ctx, plan.dimensions[0].id, ProjectInput(name="โครงการอบรมคุณธรรม", budgets={2567: 50_000}))
    plans.add_project(demo_ctx, plan.dimensions[1].id,
                      ProjectInput(name="โครงการจัดซื้อระบบคิว", budgets={2567: 120_000}))
    monitoring.start_round(demo_ctx, plan.id, 2567, 1)
    entries = {e.project_name: e for e in monitoring.get_round(demo_ctx, plan.id, 2567, 1).entries}
    monitoring.update_entry(demo_ctx, entries["โครงการอบรมคุณธรรม"].id,
                            EntryInput(STATUS_DONE, 50_000, 45_000, 44_500, in_act_plan=True))
    monitoring.update_entry(demo_ctx, entries["โครงการจัดซื้อระบบคิว"].id,
                            EntryInput(STATUS_NOT_POSSIBLE, 120_000, reason="ไม่ได้รับงบประมาณ"))
    first = next(iter(entries.values()))
    monitoring.update_entry(demo_ctx, first.id, EntryInput(STATUS_IN_PROGRESS, no_budget=True, remark="ต่อเนื่อง"))
    return demo_ctx, plan.id


@needs_poppler
def test_monitoring_pdf_landscape_with_totals(round_one, tmp_path):
    ctx, plan_id = round_one
    out = monitoring.write_monitoring_report(ctx, plan_id, 2567, 1, tmp_path / "round1.pdf")
    sizes = _page_sizes(out)
    assert all(w > h for w, h in sizes)
    text = squash(pdf_text(out))
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๖ เดือน (ตุลาคม - มีนาคม)" in text
    lines = [" ".join(line.split()) for line in _layout_text(out).splitlines()]
    # "(๑๗ โครงการ)" is one unit (a number with its unit), so it goes to its own line below
    assert "รวมทั้งสิ้น ๑๗๐,๐๐๐ ๔๕,๐๐๐ ๔๔,๕๐๐" in lines and "(๑๗ โครงการ)" in lines
    assert "รวมมิติที่ ๑ ๕๐,๐๐๐ ๔๕,๐๐๐ ๔๔,๕๐๐" in lines and "(๓ โครงการ)" in lines
    assert "ไม่ได้รับ" in text and "ต่อเนื่อง" in text  # cells wrap beside each other
    # summary by dimension: projects, done, in progress, not possible, not reported, planned, disbursed, %
    assert "รวมทั้งสิ้น ๑๗ ๑ ๑ ๑ ๑๔ ๑๗๐,๐๐๐ ๔๔,๕๐๐ ๒๖.๑๘" in lines
    assert "ยังไม่รายงาน" in text


def _layout_text(path):
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def test_monitoring_tables_break_no_word(round_one):
    register_fonts()
    ctx, plan_id = round_one
    data = monitoring.monitoring_data(ctx, plan_id, 2567, 1)
    bad = []
    for table in (_entries_table(data, frame_width("landscape"), True),
                  _summary_table(data, frame_width("landscape"), True)):
        for r, row in enumerate(table._cellvalues):
            for value, width in zip(row, table._colWidths):
                if r and isinstance(value, list) and value and value[0].text.startswith("มิติที่"):
                    continue  # the dimension heading spans the whole row
                for para in value if isinstance(value, list) else []:
                    bad += _breaks_inside_a_unit(para.text, para.style, width - 6)
    assert bad == []


def test_monitoring_xlsx(round_one, tmp_path):
    ctx, plan_id = round_one
    out = monitoring.write_monitoring_report(ctx, plan_id, 2567, 1, tmp_path / "round1.xlsx")
    wb = load_workbook(out)
    rows = list(wb["รายงานผล"].iter_rows(values_only=True))
    total = next(r for r in rows if r[1] and str(r[1]).startswith("รวมทั้งสิ้น"))
    assert total[3:6] == (170000, 45000, 44500)
    assert wb["รายงานผล"].page_setup.orientation == "landscape"
    summary = [r for r in wb["สรุป"].iter_rows(values_only=True)]
    assert summary[-1] == ("รวมทั้งสิ้น", 17, 1, 1, 1, 14, 170000, 44500, 26.18)


def test_report_of_a_round_not_started_or_bad_suffix(round_one, tmp_path):
    ctx, plan_id = round_one
    with pytest.raises(UserError, match="ยังไม่มีรายงานผลรอบ ๑๒ เดือน"):
        monitoring.write_monitoring_report(ctx, plan_id, 2567, 2, tmp_path / "r.pdf")
    with pytest.raises(UserError, match="ต้องลงท้ายด้วย .pdf หรือ .xlsx"):
        monitoring.write_monitoring_report(ctx, plan_id, 2567, 1, tmp_path / "r.docx")


@needs_poppler
def test_cover_memo_names_the_round_and_its_figures(round_one, tmp_path):
    ctx, plan_id = round_one
    out = tmp_path / "memo.pdf"
    warnings = monitoring.write_monitoring_memo_pdf(ctx, plan_id, 2567, 1, out)
    assert isinstance(warnings, list)
    text = squash(pdf_text(out))
    assert "บันทึกข้อความ" in text
    assert "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๗" in text
    assert "ดำเนินการแล้วเสร็จ ๑ โครงการ" in text and "เบิกจ่ายแล้ว ๔๔,๕๐๐ บาท" in text
    assert "{" not in text
