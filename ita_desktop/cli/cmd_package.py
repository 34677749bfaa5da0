"""ita-cli package export|import: one office's data as a .itapkg file (for a USB stick)."""

from .common import add_data_options


def register(sub) -> None:
    p = sub.add_parser("package", help="ชุดข้อมูลหน่วยงาน (.itapkg): ส่งออก/นำเข้าข้อมูลทั้งหมดของหน่วยงานหนึ่ง")
    add_data_options(p, suppress=True)
    actions = p.add_subparsers(dest="package_action", title="คำสั่งย่อย", metavar="export|import",
                               parser_class=type(p))
    e = actions.add_parser("export", help="ส่งออกข้อมูลทุกปีของหน่วยงานพร้อมไฟล์แนบ")
    add_data_options(e, suppress=True)
    e.add_argument("--org", required=True, help="ชื่อหน่วยงาน เต็มหรือย่อ")
    e.add_argument("--out", required=True, help="ไฟล์ .itapkg ที่จะสร้าง")
    e.set_defaults(handler=run_export)
    i = actions.add_parser("import", help="นำเข้าชุดข้อมูล แสดงสิ่งที่จะเปลี่ยนก่อน")
    add_data_options(i, suppress=True)
    i.add_argument("file", help="ไฟล์ .itapkg")
    i.add_argument("--on-conflict", choices=("keep", "replace", "skip"), default="keep",
                   help="รายการที่มีอยู่แล้ว: keep = คงของเดิม (เพิ่มเฉพาะที่ยังไม่มี), replace = แทนของเดิม, "
                        "skip = ข้ามหน่วยงานที่มีอยู่แล้วทั้งหมด")
    i.add_argument("--dry-run", action="store_true", help="แสดงสิ่งที่จะเปลี่ยนเท่านั้น ไม่บันทึก")
    i.set_defaults(handler=run_import)
    p.set_defaults(handler=lambda args, ctx: _usage(p))


def _usage(parser) -> int:
    parser.print_help()
    return 2


def run_export(args, ctx) -> int:
    from ita_desktop.services import offices, package

    office = offices.find_office(ctx, args.org)
    path = package.export_office(ctx, office.id, args.out)
    print(f"ส่งออกชุดข้อมูล {office.name} แล้ว: {path}")
    return 0


def run_import(args, ctx) -> int:
    from ita_desktop.services import package

    result = package.import_package(ctx, args.file, on_conflict=args.on_conflict, dry_run=args.dry_run)
    for unit in result.units:
        mark = {"add": "+", "replace": "~", "keep": "=", "skip": "-"}[unit.action]
        print(f"  {mark} {unit.kind_th}: {unit.label}")
    print(result.message_th())
    return 0
