"""The sheet layout that this application writes (template, exports) and reads back.

One office: two sheets with a labelled title block (office, district, province, year) and a
table each. Several offices: one row per office with a column per indicator, and a long
table of item scores with the office on every row. The importer needs none of this module
to read them: the header words below are the ones it recognises in any sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

SHEET_INDICATORS = "คะแนนตัวชี้วัด"
SHEET_ITEMS = "คะแนนข้อคำถาม"
SHEET_HELP = "คำอธิบาย"

LABEL_ORG = "หน่วยงาน"
LABEL_DISTRICT = "อำเภอ"
LABEL_PROVINCE = "จังหวัด"
LABEL_YEAR = "ปีงบประมาณ พ.ศ."

INDICATOR_HEADER = ("ตัวชี้วัดที่", "เครื่องมือการประเมิน", "ตัวชี้วัด", "คะแนน")
ITEM_HEADER = ("รหัสข้อ", "ตัวชี้วัดที่", "ข้อคำถาม", "คะแนน")
WIDE_FIXED_HEADER = ("ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด")
LONG_ITEM_HEADER = ("ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "รหัสข้อ", "ข้อคำถาม", "คะแนน")

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")


@dataclass(frozen=True)
class TitleBlock:
    """The labelled office/year block above a single-office table."""

    heading: str
    org_name: str | None
    district: str | None
    province: str | None
    year: int | None
    note: str = ""


def write_title_block(ws: Worksheet, block: TitleBlock) -> int:
    """Write the heading and labelled cells; return the row number for the table header."""
    ws.cell(1, 1, block.heading).font = _TITLE
    labels = ((LABEL_ORG, block.org_name), (LABEL_DISTRICT, block.district),
              (LABEL_PROVINCE, block.province), (LABEL_YEAR, block.year))
    for row, (label, value) in enumerate(labels, 2):
        ws.cell(row, 1, label).font = _BOLD
        ws.cell(row, 2, value).fill = _INPUT_FILL
    if block.note:
        ws.cell(2 + len(labels), 1, block.note)
    return 4 + len(labels)  # a blank row between the block and the table


def write_header(ws: Worksheet, row: int, header: tuple[str, ...], widths: tuple[int, ...]) -> None:
    """A bold, shaded header row with column widths; rows above it stay visible when scrolling."""
    for col, (text, width) in enumerate(zip(header, widths), 1):
        cell = ws.cell(row, col, text)
        cell.font, cell.fill = _BOLD, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"A{row + 1}"


def add_score_validation(ws: Worksheet, column: int, first_row: int, last_row: int) -> None:
    """Excel itself refuses a score outside 0-100 typed into the template (Thai message)."""
    if last_row < first_row:
        return
    dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
    dv.error = "คะแนนต้องเป็นตัวเลขระหว่าง 0 ถึง 100"
    dv.errorTitle = "คะแนนไม่ถูกต้อง"
    dv.showErrorMessage = True
    letter = get_column_letter(column)
    dv.add(f"{letter}{first_row}:{letter}{last_row}")
    ws.add_data_validation(dv)
    for row in range(first_row, last_row + 1):
        ws.cell(row, column).fill = _INPUT_FILL
