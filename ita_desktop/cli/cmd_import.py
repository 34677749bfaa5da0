"""ita-cli import FILE: read, validate and store a score sheet."""

from .common import add_data_options, parse_year

# What a file holds; other kinds (measures, results, plan) register their readers here.


def register(sub) -> None:
    p = sub.add_parser("import", help="นำเข้าคะแนนจากไฟล์ Excel (.xlsx)",
                       description="นำเข้าคะแนน ITA จากไฟล์ Excel ตรวจสอบทั้งไฟล์ก่อนบันทึก ไม่บันทึกเลยหากมีข้อผิดพลาด")
    add_data_options(p, suppress=True)
    p.add_argument("file", help="ไฟล์ .xlsx")
    p.add_argument("--org", help="ชื่อหน่วยงานที่มีอยู่แล้ว หากในไฟล์ไม่ระบุ (หรือระบุต่างจากที่ต้องการ)")
    p.add_argument("--new-office", action="store_true",
                   help="ยืนยันว่า --org เป็นหน่วยงานใหม่ (ไม่เช่นนั้นชื่อที่ไม่ตรงกับหน่วยงานใดจะถูกปฏิเสธ)")
    p.add_argument("--year", type=parse_year,
                   help="ปีงบประมาณ พ.ศ. หากในไฟล์ไม่ระบุ หรือระบุไม่ตรงกัน (ปีนี้ใช้แทนปีในไฟล์)")
    p.add_argument("--replace", action="store_true", help="ยืนยันให้แทนคะแนนที่มีอยู่แล้ว")
    p.add_argument("--dry-run", action="store_true", help="ตรวจสอบและสรุปผลเท่านั้น ไม่บันทึก")
    p.add_argument("--kind", choices=("scores", "measures", "results", "plan"), default="scores",
                   help="ชนิดของตาราง: scores (คะแนน, ค่าเริ่มต้น), measures (มาตรการ), results (ผลการดำเนินการ), "
                        "plan (แผนปฏิบัติการป้องกันการทุจริต)")
    p.set_defaults(handler=run, writes=True, backup_while_reading=True, before_open=read_ahead)


def read_ahead(args) -> None:
    """Before the program loads: a large score file's cells start being read on the other core."""
    if args.kind == "scores":
        from .read_ahead import start

        args.read_ahead = start(args.file)


def run(args, ctx) -> int:
    from ita_desktop.services import imports

    if args.kind == "plan":
        from . import import_plan

        return import_plan.run(args, ctx)
    if args.kind in ("measures", "results"):
        from . import import_measures

        return import_measures.run(args, ctx)

    plan = imports.import_file(ctx, args.file, args.org, args.year, args.replace, args.dry_run,
                               new_office=args.new_office, ahead=getattr(args, "read_ahead", None))
    if plan.imported_before:
        print(f"หมายเหตุ: ไฟล์นี้เคยนำเข้าแล้วเมื่อ {plan.imported_before}")
    for warning in plan.warnings:
        print(f"คำเตือน: {warning}")
    prefix = "ตรวจสอบแล้ว (ยังไม่บันทึก)" if args.dry_run else "นำเข้าแล้ว"
    print(f"{prefix}: {plan.summary_th()}")
    return 0
