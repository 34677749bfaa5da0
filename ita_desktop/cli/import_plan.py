"""ita-cli import FILE --kind plan: the plan's summary table from Excel."""

from __future__ import annotations


def run(args, ctx) -> int:
    from ita_desktop.services import plan_xlsx

    summary = plan_xlsx.import_plan_file(ctx, args.file, args.org, dry_run=args.dry_run)
    prefix = "ตรวจสอบแล้ว (ยังไม่บันทึก)" if args.dry_run else "นำเข้าแผนแล้ว"
    print(f"{prefix}: {summary.message_th()}")
    return 0
