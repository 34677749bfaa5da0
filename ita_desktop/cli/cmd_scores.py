"""ita-cli scores: totals, levels, indicator and item scores as text or JSON."""

from __future__ import annotations

from ita_desktop.core.digits import normalize_item_code

from .common import add_data_options, parse_year, print_json


def register(sub) -> None:
    p = sub.add_parser("scores", help="แสดงคะแนนรวม ระดับผลการประเมิน และคะแนนรายตัวชี้วัด/ข้อคำถาม",
                       description="คะแนน ITA ของหน่วยงาน (หรือทุกหน่วยงาน) ในปีงบประมาณที่ระบุ")
    add_data_options(p, suppress=True)
    p.add_argument("--year", required=True, type=parse_year, help="ปีงบประมาณ พ.ศ. เช่น 2566")
    p.add_argument("--org", help="ชื่อหน่วยงาน เต็มหรือย่อ เช่น อบต.ตะโกทอง")
    p.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    p.set_defaults(handler=run, read_only=True)  # reads only: no SQLAlchemy start-up (services.queries)


def _r(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def to_json(entry) -> dict:
    """The stable JSON shape of one office-year (see issue: scores --json)."""
    result = entry.result
    return {
        "org": entry.office_name,
        "year": result.year,
        "total": _r(result.total),
        "level": entry.level,
        "level_old": result.level_old,
        "tools": {code: _r(result.tools.get(code)) for code in ("IIT", "EIT", "OIT")},
        "indicators": [
            {"number": i.number, "name": i.name, "tool": i.tool, "score": _r(i.score), "passed": i.passed}
            for i in result.indicators
        ],
        "items": [
            {"code": normalize_item_code(i.code) or i.code, "text": i.text, "indicator": i.indicator, "score": _r(i.score)}
            for i in result.items
            if i.score is not None
        ],
    }


def _print_text(entry) -> None:
    data = to_json(entry)
    print(f"{data['org']} ปีงบประมาณ พ.ศ. {data['year']}")
    total = "-" if data["total"] is None else f"{data['total']:.2f}"
    print(f"คะแนนรวม {total}  ระดับ {data['level'] or '-'}  (ระดับแบบเดิม {data['level_old'] or '-'})")
    for ind in data["indicators"]:
        score = "-" if ind["score"] is None else f"{ind['score']:.2f}"
        status = {True: "ผ่านเกณฑ์", False: "ไม่ผ่านเกณฑ์", None: "ไม่มีข้อมูล"}[ind["passed"]]
        print(f"  {ind['number']:>2}. [{ind['tool']}] {ind['name']}: {score} {status}")
    for d in entry.result.discrepancies:
        print(f"  ! {d.message}")


def run(args, ctx) -> int:
    from ita_desktop.services import queries

    if args.org:
        office = queries.find_office(ctx, args.org)
        entries = [queries.score_office_year(ctx, office.id, args.year)]
    else:
        entries = [queries.score_office_year(ctx, oid, args.year) for oid, _ in queries.offices_with_scores(ctx, args.year)]
    if args.json:
        print_json(to_json(entries[0]) if args.org else [to_json(e) for e in entries])
    else:
        for e in entries:
            _print_text(e)
        if not entries:
            print(f"ยังไม่มีหน่วยงานที่มีคะแนนในปีงบประมาณ {args.year}")
    return 0
