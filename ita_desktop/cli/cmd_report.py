"""ita-cli report KIND --org NAME [--year Y] --out FILE: a report as PDF or Excel (by the suffix).

KIND is one of :data:`REPORTS`: analysis (รายงานการวิเคราะห์ผลการประเมิน), measures (มาตรการ, layout
001 or 002), results (รายงานผลการดำเนินการ, layout 000 or 003), plan (แผนปฏิบัติการป้องกันการทุจริต)
and monitoring (รายงานผลตามแผน รอบ ๖ หรือ ๑๒ เดือน, with --round, and its cover memo with --memo).
Each handler is ``(ctx, args) -> exit code``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from . import report_measures, report_plan
from .common import add_data_options, parse_year

REPORT_TITLES = {
    "analysis": "รายงานการวิเคราะห์ผลการประเมิน ITA",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส (รูปแบบ 001 หรือ 002)",
    "results": "รายงานผลการดำเนินการตามมาตรการ (รูปแบบ 000 หรือ 003)",
    "plan": "แผนปฏิบัติการป้องกันการทุจริต",
    "monitoring": "รายงานผลการดำเนินงานตามแผน รอบ ๖ หรือ ๑๒ เดือน",
}
NEEDS_YEAR = {"analysis", "measures", "results", "monitoring"}


def analysis(ctx, args) -> int:
    """ita-cli report analysis --org NAME --year Y [--line N] --out FILE.pdf|.xlsx"""
    from ita_desktop.services import queries
    from ita_desktop.services.analysis_report import write_analysis_report

    out = report_plan._out(args)
    office = queries.find_office(ctx, args.org)
    write_analysis_report(ctx, office.id, args.year, out, args.line)
    print(f"สร้าง{REPORT_TITLES['analysis']} แล้ว: {out}")
    return 0


REPORTS = {
    "analysis": analysis,
    "measures": report_measures.measures,
    "results": report_measures.results,
    "plan": report_plan.plan,
    "monitoring": report_plan.monitoring,
}


def _round(text: str) -> int:
    from ita_desktop.core.digits import to_arabic_digits

    value = to_arabic_digits(str(text)).strip()
    if value not in ("1", "2"):
        raise argparse.ArgumentTypeError(f"รอบ '{text}' ต้องเป็น 1 (๖ เดือน) หรือ 2 (๑๒ เดือน)")
    return int(value)


def register(sub) -> None:
    from .cmd_analysis import parse_line

    p = sub.add_parser("report", help="พิมพ์รายงานเป็น PDF หรือ Excel (" + ", ".join(REPORTS) + ")",
                       description="พิมพ์รายงาน: " + "; ".join(f"{k} = {v}" for k, v in REPORT_TITLES.items()))
    add_data_options(p, suppress=True)
    p.add_argument("kind", choices=list(REPORTS), help="ชนิดของรายงาน")
    p.add_argument("--org", required=True, help="ชื่อหน่วยงาน เต็มหรือย่อ เช่น อบต.ตะโกทอง")
    p.add_argument("--year", type=parse_year, help="ปีงบประมาณ พ.ศ. (ไม่ต้องระบุสำหรับ plan)")
    p.add_argument("--out", required=True, help="ไฟล์ .pdf หรือ .xlsx ที่จะสร้าง")
    p.add_argument("--line", type=parse_line, help="analysis: เกณฑ์ผ่าน (ค่าเริ่มต้นตามการตั้งค่าของหน่วยงานและปี)")
    p.add_argument("--layout", help="measures: 001 หรือ 002; results: 000 หรือ 003 (รูปแบบตามเอกสารตัวอย่าง)")
    p.add_argument("--round", type=_round, help="monitoring: รอบการรายงาน 1 (๖ เดือน) หรือ 2 (๑๒ เดือน)")
    p.add_argument("--memo", help="monitoring: สร้างบันทึกข้อความนำส่งรายงานเป็นไฟล์ PDF นี้ด้วย")
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    from ita_desktop.services.errors import UserError

    if args.kind in NEEDS_YEAR and args.year is None:
        raise UserError(f"กรุณาระบุปีงบประมาณของรายงาน {args.kind} ด้วย --year")
    if not Path(args.out).parent.exists():
        raise UserError(f"ไม่พบโฟลเดอร์ '{Path(args.out).parent}' สำหรับบันทึกไฟล์")
    return REPORTS[args.kind](ctx, args)
