"""``ita-cli import FILE --kind measures|results``: measures or results from an Excel table."""

from __future__ import annotations

from ita_desktop.services.errors import UserError

KINDS = ("measures", "results")


def run(args, ctx) -> int:
    """Read the whole file first; store nothing when it has a problem."""
    from ita_desktop.services import measures_xlsx, offices

    if not args.org or not args.year:
        raise UserError(f"การนำเข้า --kind {args.kind} ต้องระบุหน่วยงาน (--org) และปีงบประมาณ (--year)")
    office = offices.find_office(ctx, args.org).id
    if getattr(args, "dry_run", False):
        table = measures_xlsx.read_table(args.file, args.kind)
        table.raise_problems(args.file)
        print(f"ตรวจสอบแล้ว (ยังไม่บันทึก): พบ {len(table.rows)} รายการ ในแผ่นงาน '{table.sheet}'")
        return 0
    store = measures_xlsx.import_measures if args.kind == "measures" else measures_xlsx.import_results
    summary = store(ctx, args.file, office, args.year, replace=args.replace)
    print(summary.message_th())
    return 0
