"""ita-cli report plan|monitoring: the action plan and its 6/12-month monitoring report."""

from __future__ import annotations

from pathlib import Path


def _out(args, suffixes=(".pdf", ".xlsx")) -> Path:
    from ita_desktop.services.errors import UserError

    out = Path(args.out)
    if out.suffix.lower() not in suffixes:
        raise UserError(f"ไฟล์ผลลัพธ์ '{args.out}' ต้องลงท้ายด้วย {' หรือ '.join(suffixes)}")
    if not out.parent.exists():
        raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์")
    return out


def _plan(ctx, args):
    from ita_desktop.services import plans, queries
    from ita_desktop.services.errors import UserError

    office = queries.find_office(ctx, args.org)
    plan = plans.plan_for_year(ctx, office.id, getattr(args, "year", None))
    if plan is None:
        raise UserError(f"{office.name} ยังไม่มีแผนปฏิบัติการป้องกันการทุจริต")
    year = getattr(args, "year", None)
    if year is not None and not plan.covers(year):
        raise UserError(f"{office.name} ไม่มีแผนที่ครอบคลุมปีงบประมาณ {year} "
                        f"(แผนล่าสุด พ.ศ. {plan.start_year}-{plan.end_year})")
    return plan


def plan(ctx, args) -> int:
    """ita-cli report plan --org NAME [--year Y] --out FILE.pdf|.xlsx"""
    from ita_desktop.services import plans

    out = _out(args)
    p = _plan(ctx, args)
    plans.write_plan_report(ctx, p.id, out)
    print(f"สร้างรายงานแผนปฏิบัติการป้องกันการทุจริต พ.ศ. {p.start_year}-{p.end_year} แล้ว: {out}")
    return 0


def monitoring(ctx, args) -> int:
    """ita-cli report monitoring --org NAME --year Y --round 1|2 --out FILE [--memo MEMO.pdf]"""
    from ita_desktop.services import monitoring as service
    from ita_desktop.services.errors import UserError

    if getattr(args, "year", None) is None:
        raise UserError("กรุณาระบุปีงบประมาณด้วย --year")
    round_no = getattr(args, "round", None) or 1
    out = _out(args)
    memo = getattr(args, "memo", None)
    if memo and Path(memo).suffix.lower() != ".pdf":
        raise UserError(f"ไฟล์บันทึกข้อความ '{memo}' ต้องลงท้ายด้วย .pdf")
    p = _plan(ctx, args)
    service.write_monitoring_report(ctx, p.id, args.year, round_no, out)
    print(f"สร้างรายงานผลการดำเนินงานตามแผน ปี {args.year} รอบที่ {round_no} แล้ว: {out}")
    if memo:
        for warning in service.write_monitoring_memo_pdf(ctx, p.id, args.year, round_no, memo):
            print(f"คำเตือน: {warning}")
        print(f"สร้างบันทึกข้อความนำส่งแล้ว: {memo}")
    return 0
