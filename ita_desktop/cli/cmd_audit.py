"""ita-cli audit [--org NAME] [--since DATE] [--json]: who changed what, with old and new values."""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from .common import add_data_options, print_json

def parse_since(text: str) -> datetime:
    """YYYY-MM-DD (Christian or Buddhist era, Thai digits allowed), local midnight, as UTC."""
    from ita_desktop.core.digits import to_arabic_digits

    value = to_arabic_digits(str(text)).strip()
    try:
        day = datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise argparse.ArgumentTypeError(f"วันที่ '{text}' ต้องเขียนแบบ ปปปป-ดด-วว เช่น 2569-11-30 หรือ 2026-11-30") from None
    if day.year > 2400:
        day = day.replace(year=day.year - 543)
    local = day.astimezone()  # naive -> this PC's zone
    return local.astimezone(timezone.utc).replace(tzinfo=None)

def register(sub) -> None:
    p = sub.add_parser("audit", help="แสดงประวัติการแก้ไข (ใคร เมื่อไร อะไร ค่าเดิม ค่าใหม่)")
    add_data_options(p, suppress=True)
    p.add_argument("--org", help="เฉพาะหน่วยงานนี้ (ชื่อเต็มหรือย่อ)")
    p.add_argument("--since", type=parse_since, help="ตั้งแต่วันที่ (ปปปป-ดด-วว)")
    p.add_argument("--kind", help="เฉพาะประเภท เช่น score, office, import, backup")
    p.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    p.set_defaults(handler=run)

def run(args, ctx) -> int:
    from ita_desktop.services import audit, offices
    from ita_desktop.services.backups import local_time

    office_id = offices.find_office(ctx, args.org).id if args.org else None
    rows = audit.entries(ctx, since=args.since, office_id=office_id, kind=args.kind)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("ไม่มีประวัติการแก้ไขตามเงื่อนไขนี้")
    for r in rows:
        who = r.person or r.user or "-"
        where = " ".join(x for x in (r.office, f"ปี {r.year}" if r.year else "") if x)
        print(f"{local_time(r.at)}\t{who}\t{r.action}\t{where}\told={r.old}\tnew={r.new}")
    return 0
