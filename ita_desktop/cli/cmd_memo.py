"""ita-cli memo analysis|results: print a cover memo (บันทึกข้อความ) to PDF."""

from __future__ import annotations

from pathlib import Path

from .common import add_data_options, parse_year

KIND_HELP = {
    "analysis": "บันทึกนำส่งรายงานการวิเคราะห์ผลการประเมิน ITA",
    "results": "บันทึกนำส่งรายงานผลการดำเนินการตามมาตรการ",
    "measures": "บันทึกนำส่งมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ปีที่ระบุ = ปีของผลการประเมิน)",
}


def register(sub) -> None:
    p = sub.add_parser("memo", help="พิมพ์บันทึกข้อความเป็น PDF (analysis หรือ results)",
                       description="พิมพ์บันทึกข้อความ: analysis = " + KIND_HELP["analysis"]
                       + ", results = " + KIND_HELP["results"])
    add_data_options(p, suppress=True)
    p.add_argument("kind", choices=sorted(KIND_HELP), help="ชนิดของบันทึกข้อความ")
    p.add_argument("--org", required=True, help="ชื่อหน่วยงาน เต็มหรือย่อ เช่น อบต.ตะโกทอง")
    p.add_argument("--year", required=True, type=parse_year, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--out", required=True, help="ไฟล์ PDF ที่จะสร้าง")
    p.add_argument("--from-template", action="store_true",
                   help="ใช้ข้อความจากแม่แบบ ไม่ใช้ร่างที่แก้ไขและบันทึกไว้")
    p.add_argument("--with-report", action="store_true",
                   help="ต่อท้ายด้วยหน้าของรายงาน (analysis: รายงานการวิเคราะห์ผลการประเมิน)")
    p.set_defaults(handler=run, read_only=True)  # reads only: no SQLAlchemy start-up (services.queries)


def run(args, ctx) -> int:
    from ita_desktop.services import memos, queries
    from ita_desktop.services.errors import UserError

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise UserError(f"ไฟล์ผลลัพธ์ '{args.out}' ต้องลงท้ายด้วย .pdf")
    if not out.parent.exists():
        raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์")
    office = queries.find_office(ctx, args.org)
    warnings = memos.write_memo_pdf(ctx, office.id, args.year, args.kind, out, use_draft=not args.from_template,
                                    with_report=args.with_report)
    for warning in warnings:
        print(f"คำเตือน: {warning}")
    print(f"สร้างบันทึกข้อความแล้ว: {out}")
    return 0
