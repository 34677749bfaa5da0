"""The blank score template users fill in by hand (resources/forms/score_template.xlsx).

Run ``python -m ita_desktop.importers.template [--criteria criteria_YYYY.json] [OUT]`` to
regenerate the shipped file; the GUI calls :func:`build_score_template` with the year's
criteria to give the user a template that already lists that year's items.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from openpyxl import Workbook

from ita_desktop.core.criteria import Criteria, load_criteria_file
from ita_desktop.importers import layout
from ita_desktop.paths import forms_dir

TEMPLATE_NAME = "score_template.xlsx"

# Indicator names 2566-2568, used only when no criteria is given (names are stable; items
# are not, so the generic template lists no items).
DEFAULT_INDICATORS: tuple[tuple[int, str, str], ...] = (
    (1, "IIT", "การปฏิบัติหน้าที่"), (2, "IIT", "การใช้งบประมาณ"), (3, "IIT", "การใช้อำนาจ"),
    (4, "IIT", "การใช้ทรัพย์สินของราชการ"), (5, "IIT", "การแก้ไขปัญหาการทุจริต"),
    (6, "EIT", "คุณภาพการดำเนินงาน"), (7, "EIT", "ประสิทธิภาพการสื่อสาร"),
    (8, "EIT", "การปรับปรุงการทำงาน"), (9, "OIT", "การเปิดเผยข้อมูล"), (10, "OIT", "การป้องกันการทุจริต"),
)
_BLANK_ITEM_ROWS = 90

# No office kinds, no years and no bare อำเภอ/จังหวัด followed by a word in this text:
# the importer reads the title text of every sheet.
HELP_LINES = (
    "วิธีกรอกแบบฟอร์มคะแนนผลการประเมิน ITA",
    "",
    "1. แผ่นงาน 'คะแนนตัวชี้วัด': กรอกช่อง 'หน่วยงาน' 'อำเภอ' 'จังหวัด' และ 'ปีงบประมาณ' (สีเหลือง) ด้านบน",
    "2. กรอกคะแนนของทุกตัวชี้วัดในคอลัมน์ 'คะแนน' เป็นตัวเลข 0 ถึง 100 (มีทศนิยมได้ ใช้ตัวเลขไทยหรืออารบิกก็ได้)",
    "3. แผ่นงาน 'คะแนนข้อคำถาม': กรอกคะแนนรายข้อ เฉพาะข้อที่ได้รับผล เว้นว่างข้อที่ไม่มีผลได้",
    "4. รหัสข้อเขียนแบบ i1 ถึง i30 (IIT), e1 ถึง e15 (EIT), o1 ถึง o43 (OIT) ตามเกณฑ์ของปีนั้น",
    "5. ห้ามแก้ไขหัวตาราง และบันทึกไฟล์เป็น .xlsx (Excel Workbook) ก่อนนำเข้าโปรแกรม",
)


def template_path() -> Path:
    """Where the shipped generic template lives."""
    return forms_dir() / TEMPLATE_NAME


def build_score_template(
    path: str | os.PathLike,
    criteria: Criteria | None = None,
    *,
    org_name: str | None = None,
    district: str | None = None,
    province: str | None = None,
) -> Path:
    """Write a blank score template to ``path`` and return it.

    With ``criteria`` the template carries that year and lists its indicators and items;
    without, it lists the ten indicators and leaves item rows for the user to type.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = layout.SHEET_INDICATORS
    year = criteria.year if criteria else None
    _indicator_sheet(ws, criteria, layout.TitleBlock(
        "แบบกรอกคะแนนผลการประเมินคุณธรรมและความโปร่งใส (ITA) รายตัวชี้วัด",
        org_name, district, province, year, "กรอกคะแนน 0 ถึง 100 ในช่องสีเหลือง ดูวิธีกรอกในแผ่นงาน 'คำอธิบาย'"))
    _item_sheet(wb.create_sheet(layout.SHEET_ITEMS), criteria)
    help_ws = wb.create_sheet(layout.SHEET_HELP)
    for line in HELP_LINES:
        help_ws.append([line])
    help_ws.column_dimensions["A"].width = 110
    _fix_timestamps(wb)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _indicator_sheet(ws, criteria: Criteria | None, block: layout.TitleBlock) -> None:
    header_row = layout.write_title_block(ws, block)
    layout.write_header(ws, header_row, layout.INDICATOR_HEADER, (12, 22, 44, 12))
    rows = [(i.number, i.tool, i.name) for i in criteria.indicators] if criteria else DEFAULT_INDICATORS
    for number, tool, name in rows:
        ws.append([number, tool, name, None])
    layout.add_score_validation(ws, 4, header_row + 1, ws.max_row)


def _item_sheet(ws, criteria: Criteria | None) -> None:
    ws.cell(1, 1, "แบบกรอกคะแนนรายข้อคำถาม (หน่วยงานและปีตามแผ่นงาน 'คะแนนตัวชี้วัด')")
    header_row = 3
    layout.write_header(ws, header_row, layout.ITEM_HEADER, (10, 12, 80, 12))
    if criteria:
        for item in criteria.items:
            ws.append([item.code, item.indicator, item.text, None])
    last = ws.max_row if criteria else header_row + _BLANK_ITEM_ROWS
    layout.add_score_validation(ws, 4, header_row + 1, last)


def _fix_timestamps(wb: Workbook) -> None:
    # A fixed date keeps the committed template byte-stable when regenerated.
    stamp = dt.datetime(2024, 1, 1)
    wb.properties.created = stamp
    wb.properties.modified = stamp


def main(argv: list[str] | None = None) -> int:
    """Regenerate the shipped template (or write one for a criteria file)."""
    parser = argparse.ArgumentParser(description="สร้างแบบฟอร์มกรอกคะแนน ITA")
    parser.add_argument("out", nargs="?", default=str(template_path()))
    parser.add_argument("--criteria", help="criteria_YYYY.json ของปีที่ต้องการ")
    args = parser.parse_args(argv)
    criteria = load_criteria_file(Path(args.criteria)) if args.criteria else None
    print(build_score_template(args.out, criteria))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
