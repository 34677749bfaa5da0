"""ita-cli report KIND: print a report (the plan, its monitoring rounds) to PDF or Excel."""

from __future__ import annotations

from . import report_plan
from .common import add_data_options, parse_year

REPORTS = {"plan": report_plan.plan, "monitoring": report_plan.monitoring}


def _round(text: str) -> int:
    import argparse

    from ita_desktop.core.digits import to_arabic_digits

    value = to_arabic_digits(str(text)).strip()
    if value not in ("1", "2"):
        raise argparse.ArgumentTypeError(f"รอบ '{text}' ต้องเป็น 1 (๖ เดือน) หรือ 2 (๑๒ เดือน)")
    return int(value)


def register(sub) -> None:
    p = sub.add_parser("report", help="พิมพ์รายงานเป็น PDF หรือ Excel (plan, monitoring)",
                       description="plan = แผนปฏิบัติการป้องกันการทุจริต, monitoring = รายงานผลการดำเนินงานตามแผน "
                                   "รอบ ๖ หรือ ๑๒ เดือน (พร้อมบันทึกข้อความนำส่งด้วย --memo)")
    add_data_options(p, suppress=True)
    p.add_argument("kind", choices=sorted(REPORTS), help="ชนิดของรายงาน")
    p.add_argument("--org", required=True, help="ชื่อหน่วยงาน เต็มหรือย่อ เช่น อบต.เขาทอง")
    p.add_argument("--year", type=parse_year, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--round", type=_round, help="รอบการรายงาน 1 (๖ เดือน) หรือ 2 (๑๒ เดือน)")
    p.add_argument("--out", required=True, help="ไฟล์ .pdf หรือ .xlsx ที่จะสร้าง")
    p.add_argument("--memo", help="สร้างบันทึกข้อความนำส่งรายงาน monitoring เป็นไฟล์ PDF นี้ด้วย")
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    return REPORTS[args.kind](ctx, args)
