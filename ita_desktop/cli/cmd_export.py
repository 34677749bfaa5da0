"""ita-cli export: scores of one office or of all offices of a year to Excel."""

from .common import add_data_options, parse_year


def register(sub) -> None:
    p = sub.add_parser("export", help="ส่งออกคะแนนเป็นไฟล์ Excel (.xlsx) ที่นำเข้ากลับได้")
    add_data_options(p, suppress=True)
    p.add_argument("--year", required=True, type=parse_year, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--org", help="ชื่อหน่วยงาน (ไม่ระบุ = ทุกหน่วยงานที่มีคะแนนในปีนั้น)")
    p.add_argument("--out", required=True, help="ไฟล์ .xlsx ที่จะสร้าง")
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    from ita_desktop.services import exports, offices

    if args.org:
        office = offices.find_office(ctx, args.org)
        path = exports.export_office_year(ctx, office.id, args.year, args.out)
    else:
        path = exports.export_year(ctx, args.year, args.out)
    print(f"ส่งออกคะแนนแล้ว: {path}")
    return 0
