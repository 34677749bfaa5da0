"""ita-cli overview --year Y [--province P] [--district D] [--kind K] [--json]: many offices at once."""

from .common import add_data_options, parse_year, print_json


def register(sub) -> None:
    p = sub.add_parser("overview", help="ภาพรวมหลายหน่วยงาน: อันดับ ระดับ ตัวชี้วัดที่ต่ำกว่าเกณฑ์บ่อย",
                       description="ภาพรวมผลการประเมินของหลายหน่วยงานในปีเดียวกัน (อันดับคะแนน จำนวนตามระดับ "
                                   "ตัวชี้วัดที่ต่ำกว่าเกณฑ์บ่อยที่สุด ข้อ OIT ที่ได้ 0 บ่อยที่สุด และการเปลี่ยนแปลงจากปีก่อน)")
    add_data_options(p, suppress=True)
    p.add_argument("--year", type=parse_year, required=True, help="ปีงบประมาณ พ.ศ.")
    p.add_argument("--province", help="เฉพาะจังหวัดนี้ (ไม่ต้องมีคำว่า จังหวัด)")
    p.add_argument("--district", help="เฉพาะอำเภอนี้ (ไม่ต้องมีคำว่า อำเภอ)")
    p.add_argument("--kind", help="เฉพาะประเภทหน่วยงาน เช่น อบต. ทต. ทม. ทน.")
    p.add_argument("--line", type=float, help="เกณฑ์ผ่าน (ค่าเริ่มต้นตามเกณฑ์ของปี)")
    p.add_argument("--json", action="store_true", help="พิมพ์เป็น JSON")
    p.set_defaults(handler=run, read_only=True)


def run(args, ctx) -> int:
    from ita_desktop.core.overview import overview_json
    from ita_desktop.services.overview import get_overview

    ov = get_overview(ctx, args.year, args.province, args.district, args.kind, args.line)
    if args.json:
        print_json(overview_json(ov))
        return 0
    print(f"ภาพรวมหลายหน่วยงาน ปีงบประมาณ {ov.year}: {len(ov.offices)} หน่วยงาน "
          f"คะแนนเฉลี่ย {_f(ov.mean_total)} เกณฑ์ผ่าน {ov.line:g}")
    print("จำนวนตามระดับ: " + ", ".join(f"{k} {v}" for k, v in ov.level_counts))
    print("ตัวชี้วัดที่ต่ำกว่าเกณฑ์บ่อยที่สุด: " + ", ".join(
        f"ตัวชี้วัดที่ {i.number} ({i.below} หน่วยงาน)" for i in ov.indicators[:5] if i.below))
    for o in ov.offices:
        change = "" if o.change is None else f" ({o.change:+.2f})"
        print(f"{o.rank or '-':>5} {o.name} {_f(o.total)}{change} {o.level or '-'}")
    return 0


def _f(value) -> str:
    return "-" if value is None else f"{value:.2f}"
