"""Criteria catalogs to Excel and back: round trip, Thai errors naming sheet/row/column."""

import pytest
from openpyxl import load_workbook

from ita_desktop.core.criteria import load_criteria_year
from ita_desktop.services import criteria as criteria_service
from ita_desktop.services.criteria_xlsx import (
    SHEET_ITEMS,
    SHEET_TOOLS,
    export_criteria_xlsx,
    read_criteria_xlsx,
)
from ita_desktop.services.errors import UserError


@pytest.mark.parametrize("year", [2566, 2567, 2568])
def test_round_trip_of_bundled_catalogs(tmp_path, year):
    catalog = load_criteria_year(year)
    path = export_criteria_xlsx(catalog, tmp_path / f"criteria_{year}.xlsx")
    assert read_criteria_xlsx(path) == catalog


def test_exported_workbook_has_thai_sheets_and_headers(tmp_path):
    path = export_criteria_xlsx(load_criteria_year(2566), tmp_path / "c.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["ข้อมูลทั่วไป", "เครื่องมือการประเมิน", "ตัวชี้วัด", "ตัวชี้วัดย่อย", "ข้อคำถาม"]
    tools = [row for row in wb[SHEET_TOOLS].iter_rows(values_only=True)]
    assert tools[0] == ("รหัส", "ชื่อ", "น้ำหนัก (ร้อยละ)", "เป็นส่วนของ")
    eit1 = tools[3]
    assert (eit1[0], eit1[2], eit1[3]) == ("EIT1", 15, "EIT")  # a part names its tool


def _edit(path, sheet, cell, value):
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


def test_next_year_loaded_from_an_edited_workbook(tmp_path, ctx):
    path = export_criteria_xlsx(load_criteria_year(2568), tmp_path / "c.xlsx")
    _edit(path, "ข้อมูลทั่วไป", "B1", "๒๕๖๙")  # Thai digits are accepted
    _edit(path, SHEET_ITEMS, "D2", "ข้อความใหม่ของปี ๒๕๖๙")
    catalog = read_criteria_xlsx(path)
    assert catalog.year == 2569
    criteria_service.save_criteria(ctx, catalog)
    assert 2569 in criteria_service.list_years(ctx)
    assert criteria_service.get_criteria(ctx, 2569).items[0].text == "ข้อความใหม่ของปี ๒๕๖๙"


def test_bad_number_names_sheet_row_and_column(tmp_path):
    path = export_criteria_xlsx(load_criteria_year(2566), tmp_path / "c.xlsx")
    _edit(path, SHEET_TOOLS, "C2", "สามสิบ")
    with pytest.raises(UserError) as err:
        read_criteria_xlsx(path)
    assert "แผ่นงาน 'เครื่องมือการประเมิน' แถว 2 คอลัมน์ C" in str(err.value)
    assert "สามสิบ" in str(err.value)


def test_bad_item_code_names_its_cell(tmp_path):
    path = export_criteria_xlsx(load_criteria_year(2566), tmp_path / "c.xlsx")
    _edit(path, SHEET_ITEMS, "A5", "x99")
    with pytest.raises(UserError, match="แผ่นงาน 'ข้อคำถาม' แถว 5 คอลัมน์ A"):
        read_criteria_xlsx(path)


def test_weights_not_adding_up_are_refused(tmp_path):
    path = export_criteria_xlsx(load_criteria_year(2566), tmp_path / "c.xlsx")
    _edit(path, SHEET_TOOLS, "C2", 35)
    with pytest.raises(UserError, match="ไม่เท่ากับ 100"):
        read_criteria_xlsx(path)


def test_missing_sheet_and_header_and_non_excel(tmp_path):
    path = export_criteria_xlsx(load_criteria_year(2566), tmp_path / "c.xlsx")
    wb = load_workbook(path)
    wb[SHEET_ITEMS]["D1"] = "ข้อความ"
    wb.save(path)
    with pytest.raises(UserError, match="แผ่นงาน 'ข้อคำถาม' แถว 1: ไม่พบหัวคอลัมน์ 'ข้อคำถาม'"):
        read_criteria_xlsx(path)
    del wb[SHEET_ITEMS]
    wb.save(path)
    with pytest.raises(UserError, match="ไม่พบแผ่นงาน 'ข้อคำถาม'"):
        read_criteria_xlsx(path)
    other = tmp_path / "notes.xlsx"
    other.write_text("not a workbook")
    with pytest.raises(UserError, match="เปิดไฟล์ notes.xlsx ไม่ได้"):
        read_criteria_xlsx(other)
