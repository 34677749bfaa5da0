"""Excel helpers, checked by reading the workbook back with openpyxl."""

import openpyxl
import pytest

from ita_desktop.documents.xlsx import SheetColumn, display_length, estimate_width, table_workbook

COLUMNS = [SheetColumn("ลำดับ", width=8, align="center"), SheetColumn("ตัวชี้วัด"), SheetColumn("คะแนน", align="right")]
ROWS = [[1, "การปฏิบัติหน้าที่", 90.63], [2, "การใช้งบประมาณ ปี 2566", 78.75], [3, "ผู้ใหญ่\nบรรทัดสอง", 75.0]]


def _sheet(tmp_path, **kwargs):
    path = table_workbook(tmp_path / "t.xlsx", "ผลคะแนน", COLUMNS, ROWS, ["ผลการประเมิน ITA", "ปี 2566"], **kwargs)
    return openpyxl.load_workbook(path).active


def test_layout_read_back(tmp_path):
    ws = _sheet(tmp_path, landscape=True)
    assert ws.title == "ผลคะแนน"
    assert ws.print_title_rows == "$3:$3"
    assert ws.freeze_panes == "A4"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:C1", "A2:C2"}


def test_fonts_wrapping_and_values(tmp_path):
    ws = _sheet(tmp_path)
    assert ws["A1"].font.name == "TH Sarabun PSK" and ws["A1"].font.bold and ws["A1"].font.sz == 16
    assert ws["B3"].value == "ตัวชี้วัด" and ws["B3"].font.bold
    assert ws["B4"].font.sz == 14 and not ws["B4"].font.bold and ws["B4"].alignment.wrap_text
    assert ws["C4"].value == 90.63 and ws["C4"].alignment.horizontal == "right"
    assert ws["B5"].value == "การใช้งบประมาณ ปี 2566"
    assert ws.row_dimensions[6].height >= 2 * 14


def test_thai_digits_only_in_text_cells(tmp_path):
    ws = _sheet(tmp_path, thai_digits=True)
    assert ws["A2"].value == "ปี ๒๕๖๖"
    assert ws["B5"].value == "การใช้งบประมาณ ปี ๒๕๖๖"
    assert ws["A4"].value == 1 and ws["C5"].value == 78.75


def test_column_widths(tmp_path):
    ws = _sheet(tmp_path)
    assert ws.column_dimensions["A"].width == 8
    assert ws.column_dimensions["B"].width == estimate_width(["ตัวชี้วัด"] + [r[1] for r in ROWS], 14)
    assert 6 <= ws.column_dimensions["C"].width < ws.column_dimensions["B"].width


def test_display_length_ignores_marks_above_and_below():
    assert display_length("ที่") == 1
    assert display_length("ผู้ใหญ่") == 4
    assert display_length("น้ำ") == 2
    assert display_length("abc") == 3
    assert estimate_width(["x" * 500]) == 60
    assert estimate_width([]) == 6


def test_empty_cells_stay_empty(tmp_path):
    path = table_workbook(tmp_path / "e.xlsx", "ว่าง", COLUMNS, [[None, None, None]])
    ws = openpyxl.load_workbook(path).active
    assert ws["A2"].value is None and ws["B2"].border.left.style == "thin"
    assert ws.row_dimensions[2].height == pytest.approx(14 * 1.35)
