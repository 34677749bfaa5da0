"""The plan summary table in Excel: export, import on a fresh data folder, Word-pasted tables,
problems by row and column with nothing stored."""

import pytest
from openpyxl import Workbook, load_workbook

from ita_desktop.services import offices, plan_xlsx, plans, queries
from ita_desktop.services.context import open_app
from ita_desktop.services.errors import UserError
from ita_desktop.services.plans import ProjectInput


@pytest.fixture
def khaothong_plan(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    return plans.plan_for_year(demo_ctx, office, 2567)


@pytest.fixture
def fresh(tmp_path):
    ctx = open_app(tmp_path / "other-computer")
    yield ctx
    ctx.close()


def _table(plan):
    """What the summary table shows: dimension, names, types, budgets per year, totals."""
    return ([(d.number, d.name) for d in plan.dimensions],
            [(p.dimension, p.code, p.name, p.kind, tuple(p.budget(y) for y in plan.years), p.remark)
             for p in plan.projects],
            plan.budget_totals(), plan.totals())


def test_seed_004_plan_round_trips_to_a_fresh_data_folder(demo_ctx, khaothong_plan, fresh, tmp_path):
    out = plan_xlsx.export_plan_xlsx(khaothong_plan, tmp_path / "plan.xlsx")
    summary = plan_xlsx.import_plan_file(fresh, out)  # no --org: the file names its office
    assert summary.office_created and summary.added == 15 and (summary.start_year, summary.end_year) == (2566, 2570)
    assert "สร้างหน่วยงานใหม่" in summary.message_th()
    office = offices.find_office(fresh, "อบต.เขาทอง")
    imported = plans.plan_for_year(fresh, office.id, 2566)
    assert _table(imported) == _table(khaothong_plan)
    assert imported.title == khaothong_plan.title
    assert all(p.no_budget for p in imported.projects)


def test_budgets_round_trip_with_totals(demo_ctx, khaothong_plan, fresh, tmp_path):
    dims = khaothong_plan.dimensions
    plans.add_project(demo_ctx, dims[2].id, ProjectInput(name="โครงการอบรม", budgets={2566: 12500, 2568: 3000.5},
                                                         remark="ข้อบัญญัติ"))
    plan = plans.get_plan(demo_ctx, khaothong_plan.id)
    out = plan_xlsx.export_plan_xlsx(plan, tmp_path / "plan.xlsx")
    ws = load_workbook(out).active
    assert ws.print_title_rows and ws.page_setup.orientation == "landscape"
    assert [c.value for c in ws[2]][0] == "หน่วยงาน: องค์การบริหารส่วนตำบลเขาทอง"
    book = load_workbook(out)
    assert book.sheetnames == ["แผนปฏิบัติการ", "ค่าเป้าหมาย", "ความเสี่ยง"]
    assert [c.value for c in book["ค่าเป้าหมาย"][4]] == ["คะแนน ITA", 90, 93, 95, 97, 99]
    assert book["ความเสี่ยง"].max_row == 2 + 1 + 5 and book["ความเสี่ยง"]["D4"].value == "ต่ำ"  # 2 title rows
    plan_xlsx.import_plan_file(fresh, out)
    imported = plans.plan_for_year(fresh, offices.find_office(fresh, "อบต.เขาทอง").id, 2566)
    assert _table(imported) == _table(plan)
    assert imported.totals().by_dimension[3][2566] == 12500 and imported.totals().overall == 15500.5


def test_reimport_updates_the_same_plan_and_keeps_detail(demo_ctx, khaothong_plan, tmp_path):
    out = plan_xlsx.export_plan_xlsx(khaothong_plan, tmp_path / "plan.xlsx")
    wb = load_workbook(out)
    ws = wb.active
    ws.cell(row=5, column=5, value="๑๒,๕๐๐")  # first project, 2566
    wb.save(out)
    summary = plan_xlsx.import_plan_file(demo_ctx, out)
    assert (summary.office_created, summary.added, summary.updated) == (False, 0, 15)
    assert summary.plan_id == khaothong_plan.id
    first = plans.get_plan(demo_ctx, khaothong_plan.id).projects[0]
    assert first.budget(2566) == 12500 and first.rationale and not first.no_budget


def _sheet(tmp_path, rows, name="pasted.xlsx"):
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / name)
    return tmp_path / name


SEED_HEADER = ["มิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี ๒๕๖๖", "ปี ๒๕๖๗", "ปี ๒๕๖๘", "ปี ๒๕๖๙", "ปี ๒๕๗๐", "หมายเหตุ"]


def test_table_pasted_from_word(ctx, tmp_path):
    path = _sheet(tmp_path, [
        ["แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ๒๕๖๖ – ๒๕๗๐)"],
        SEED_HEADER,
        ["", "", "งบประมาณ (บาท)", "งบประมาณ (บาท)", "งบประมาณ (บาท)", "งบประมาณ (บาท)", "งบประมาณ (บาท)"],
        ["๑. การสร้างวัฒนธรรมสุจริต", "๑. มาตรการ “ส่งเสริมจริยธรรม” ๒. กิจกรรมยกย่องเชิดชูเกียรติ",
         "-", "-", "-", "-", "-"],
        ["๒. การบริหารราชการด้วยความโปร่งใส", "๓. โครงการอบรม", "๑๕,๐๐๐", "20000 บาท", "ไม่ใช้งบประมาณ", "-", "",
         "ต่อเนื่อง"],
        [None, "๔. แนวปฏิบัติ การเปิดเผยข้อมูล", "ไม่ใช้งบประมาณ", "ไม่ใช้งบประมาณ", None, None, None],
        ["รวมทั้งสิ้น", "จำนวน ๔ โครงการ", "จำนวน ๑๕,๐๐๐ บาท"],
    ])
    summary = plan_xlsx.import_plan_file(ctx, path, org="ทต.วังไผ่")
    assert summary.office_created and summary.office_name == "เทศบาลตำบลวังไผ่"
    plan = plans.get_plan(ctx, summary.plan_id)
    assert plan.years == (2566, 2567, 2568, 2569, 2570)
    assert [(p.dimension, p.code, p.name, p.kind) for p in plan.projects] == [
        (1, "1", "มาตรการ “ส่งเสริมจริยธรรม”", "มาตรการ"), (1, "2", "กิจกรรมยกย่องเชิดชูเกียรติ", "กิจกรรม"),
        (2, "3", "โครงการอบรม", "โครงการ"), (2, "4", "แนวปฏิบัติ การเปิดเผยข้อมูล", "แนวปฏิบัติ")]
    third, fourth = plan.projects[2], plan.projects[3]
    assert third.budgets == ((2566, 15000.0), (2567, 20000.0)) and not third.no_budget and third.remark == "ต่อเนื่อง"
    assert fourth.no_budget and fourth.budget(2566) == 0
    assert plan.dimensions[0].name == "การสร้างวัฒนธรรมสุจริต" and len(plan.dimensions) == 4
    assert plan.budget_totals()[2566] == 15000


def test_problems_by_row_and_column_and_nothing_stored(ctx, tmp_path):
    path = _sheet(tmp_path, [
        ["หน่วยงาน: อบต.ตะโกทอง"],
        ["มิติ", "โครงการ/กิจกรรม/มาตรการ", "ประเภท", "ปี 2566", "ปี 2567"],
        ["1. มิติแรก", "โครงการ ก", "โครงการ", "สองหมื่น", "-5"],
        ["9. มิติเก้า", "โครงการ ข", "โครงการ", "1", "2"],
        [None, "โครงการ ค", "แผนงาน", "1", "2"],
    ])
    with pytest.raises(UserError) as err:
        plan_xlsx.import_plan_file(ctx, path)
    text = str(err.value)
    assert "ไม่ได้บันทึกข้อมูลใด ๆ" in text
    assert "แถว 3 คอลัมน์ D (ปี 2566): 'สองหมื่น' ไม่ใช่จำนวนเงิน" in text
    assert "แถว 3 คอลัมน์ E (ปี 2567)" in text
    assert "แถว 4 คอลัมน์ A (มิติ): '9. มิติเก้า' ไม่ใช่มิติ" in text
    assert "แถว 5 คอลัมน์ C (ประเภท): 'แผนงาน'" in text
    assert queries.list_offices(ctx) == []


def test_no_office_named_asks_for_org(ctx, tmp_path):
    path = _sheet(tmp_path, [SEED_HEADER, ["1. ก", "โครงการ ก", "-", "-", "-", "-", "-"]])
    with pytest.raises(UserError, match="ไม่ระบุหน่วยงาน .*--org"):
        plan_xlsx.import_plan_file(ctx, path)


@pytest.mark.parametrize("content, message", [
    (b"", "ไฟล์ว่างเปล่า"), (b"not a workbook at all", "xlsx"),
])
def test_not_a_workbook(ctx, tmp_path, content, message):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        plan_xlsx.import_plan_file(ctx, path)


def test_dry_run_stores_nothing(demo_ctx, khaothong_plan, fresh, tmp_path):
    out = plan_xlsx.export_plan_xlsx(khaothong_plan, tmp_path / "plan.xlsx")
    summary = plan_xlsx.import_plan_file(fresh, out, dry_run=True)
    assert summary.added == 15 and summary.plan_id is None
    with pytest.raises(UserError):
        offices.find_office(fresh, "อบต.เขาทอง")


def test_import_is_audited_with_old_and_new_values(demo_ctx, khaothong_plan, tmp_path):
    import json

    from sqlalchemy import select

    from ita_desktop.models import AuditEntry

    out = plan_xlsx.export_plan_xlsx(khaothong_plan, tmp_path / "plan.xlsx")
    wb = load_workbook(out)
    wb.active.cell(row=5, column=5, value=5000)
    wb.save(out)
    plan_xlsx.import_plan_file(demo_ctx, out)
    with demo_ctx.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "plan.import")).one()
        first = json.loads(entry.detail)["changes"][0]
    assert first["old"]["budgets"] == {} and first["new"]["budgets"] == {"2566": 5000.0}


def test_reimport_of_a_plan_with_budgets(demo_ctx, khaothong_plan, tmp_path):
    """Importing a file whose projects already have budgets updates them (no duplicate year)."""
    dims = khaothong_plan.dimensions
    plans.add_project(demo_ctx, dims[0].id, ProjectInput(name="ก", budgets={2566: 100, 2567: 200}))
    out = plan_xlsx.export_plan_xlsx(plans.get_plan(demo_ctx, khaothong_plan.id), tmp_path / "plan.xlsx")
    wb = load_workbook(out)
    ws = wb.active
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=3).value == "ก")
    ws.cell(row=row, column=5, value="150")  # 2566 changed
    ws.cell(row=row, column=6, value="-")  # 2567 dropped
    ws.cell(row=row, column=9, value="๑,๐๐๐")  # 2570 added
    wb.save(out)
    assert plan_xlsx.import_plan_file(demo_ctx, out).updated == 16
    assert plan_xlsx.import_plan_file(demo_ctx, out).updated == 16  # twice: same result
    x = next(p for p in plans.get_plan(demo_ctx, khaothong_plan.id).projects if p.name == "ก")
    assert x.budgets == ((2566, 150.0), (2570, 1000.0))
