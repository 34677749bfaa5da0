"""ita-cli report KIND --org NAME --year Y --out FILE: a report as PDF or Excel (by the file's suffix).

Kinds are looked up in :data:`REPORTS`; another module adds its kind with one line, e.g.
``REPORTS["measures"] = write_measures_report`` where the function is
``(ctx, office_id, year, out_path, args) -> Path``.
"""

from __future__ import annotations

from pathlib import Path

from .common import add_data_options, parse_year


def _analysis(ctx, office_id: int, year: int, out: Path, args) -> Path:
    from ita_desktop.services.analysis_report import write_analysis_report

    return write_analysis_report(ctx, office_id, year, out, getattr(args, "line", None))


REPORTS = {"analysis": _analysis}
REPORT_TITLES = {"analysis": "รายงานการวิเคราะห์ผลการประเมิน ITA"}


def register(sub) -> None:
    p = sub.add_parser("report", help="สร้างรายงานเป็น PDF หรือ Excel (เช่น analysis)",
                       description="สร้างรายงานของหน่วยงานในปีงบประมาณที่ระบุ เป็น .pdf หรือ .xlsx ตามนามสกุลของไฟล์")
    add_data_options(p, suppress=True)
    p.add_argument("kind", choices=sorted(REPORTS), help="ชนิดของรายงาน")
    p.add_argument("--org", required=True, help="ชื่อหน่วยงาน เต็มหรือย่อ เช่น อบต.ตะโกทอง")
    p.add_argument("--year", required=True, type=parse_year, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--out", required=True, help="ไฟล์ที่จะสร้าง (.pdf หรือ .xlsx)")
    from .cmd_analysis import parse_line

    p.add_argument("--line", type=parse_line, help="เกณฑ์ผ่านของรายงานวิเคราะห์ (ค่าเริ่มต้นตามเกณฑ์ของปี)")
    p.set_defaults(handler=run, read_only=True)


def run(args, ctx) -> int:
    from ita_desktop.services import queries
    from ita_desktop.services.errors import UserError

    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        raise UserError(f"ไฟล์ผลลัพธ์ '{args.out}' ต้องลงท้ายด้วย .pdf หรือ .xlsx")
    if not out.parent.exists():
        raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์")
    office = queries.find_office(ctx, args.org)
    REPORTS[args.kind](ctx, office.id, args.year, out, args)
    print(f"สร้าง{REPORT_TITLES.get(args.kind, 'รายงาน')} แล้ว: {out}")
    return 0
