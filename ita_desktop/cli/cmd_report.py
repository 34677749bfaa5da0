"""ita-cli report KIND: print a report to .pdf or .xlsx (the suffix of --out decides)."""

from __future__ import annotations

from . import report_measures
from .common import add_data_options, parse_year

REPORTS = {"measures": report_measures.measures, "results": report_measures.results}
REPORT_HELP = {"measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส (รูปแบบ 001 หรือ 002)",
               "results": "รายงานผลการดำเนินการตามมาตรการ (รูปแบบ 000 หรือ 003)"}


def register(sub) -> None:
    p = sub.add_parser("report", help="พิมพ์รายงานเป็น PDF หรือ Excel (measures, results)",
                       description="พิมพ์รายงาน: " + "; ".join(f"{k} = {v}" for k, v in REPORT_HELP.items()))
    add_data_options(p, suppress=True)
    p.add_argument("kind", choices=sorted(REPORTS), help="ชนิดของรายงาน")
    p.add_argument("--org", required=True, help="ชื่อหน่วยงาน เต็มหรือย่อ เช่น อบต.ตะโกทอง")
    p.add_argument("--year", required=True, type=parse_year, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--out", required=True, help="ไฟล์ .pdf หรือ .xlsx ที่จะสร้าง")
    p.add_argument("--layout", help="รูปแบบตามเอกสารตัวอย่าง: 001 หรือ 002 (มาตรการ), 000 หรือ 003 (รายงานผล)")
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    return REPORTS[args.kind](ctx, args)
