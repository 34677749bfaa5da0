"""ita-cli analysis: the weak-point analysis of one office-year (categories, gains, paths) as text or JSON."""

from __future__ import annotations

import argparse

from .common import add_data_options, parse_year, print_json

CATEGORY_KEYS = {"ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน": "urgent", "ประเด็นที่ต้องพัฒนาให้ดีขึ้น": "develop",
                 "รักษามาตรฐาน": "maintain"}


def register(sub) -> None:
    p = sub.add_parser("analysis", help="วิเคราะห์จุดอ่อน: หมวดของตัวชี้วัด/ข้อคำถาม คะแนนที่จะได้เพิ่ม และเส้นทางสู่เกณฑ์",
                       description="วิเคราะห์ผลการประเมิน ITA ของหน่วยงานในปีงบประมาณที่ระบุ")
    add_data_options(p, suppress=True)
    p.add_argument("--org", required=True, help="ชื่อหน่วยงาน เต็มหรือย่อ เช่น อบต.ตะโกทอง")
    p.add_argument("--year", required=True, type=parse_year, help="ปีงบประมาณ พ.ศ. เช่น 2566")
    p.add_argument("--line", type=parse_line, help="เกณฑ์ผ่าน (ค่าเริ่มต้นตามเกณฑ์ของปี เช่น 85)")
    p.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    p.set_defaults(handler=run, read_only=True)


def parse_line(text: str) -> float:
    """A pass line 0 < N <= 100, Thai or Arabic digits (argparse type)."""
    from ita_desktop.core.digits import to_arabic_digits

    try:
        value = float(to_arabic_digits(str(text)).strip())
    except ValueError:
        value = -1.0
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError(f"เกณฑ์ผ่าน '{text}' ต้องเป็นตัวเลขมากกว่า 0 และไม่เกิน 100")
    return value


def _r(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def _category(value) -> str | None:
    return None if value is None else CATEGORY_KEYS[str(value)]


def _path(path) -> dict | None:
    if path is None:
        return None
    return {"target": _r(path.target), "items": list(path.codes), "total_after": _r(path.total_after)}


def to_json(a) -> dict:
    """The stable JSON shape of ``ita-cli analysis --json`` (see issue 10)."""
    return {
        "org": a.office_name,
        "year": a.year,
        "total": _r(a.total),
        "line": _r(a.line),
        "indicators": [
            {"number": i.number, "name": i.name, "tool": i.tool, "score": _r(i.score), "category": _category(i.category),
             "gain_to_line": _r(i.gain_to_line), "gain_to_100": _r(i.gain_to_100), "change": _r(i.change)}
            for i in a.indicators
        ],
        "items": [
            {"code": i.code, "text": i.text, "indicator": i.indicator, "tool": i.tool, "score": _r(i.score),
             "category": _category(i.category), "gain_to_line": _r(i.gain_to_line), "gain_to_100": _r(i.gain_to_100),
             "guideline": i.guideline.text, "change": _r(i.change)}
            for i in a.items
        ],
        "path_to_line": _path(a.path_to_line),
        "path_to_target": _path(a.path_to_target),
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _print_text(a) -> None:
    print(f"{a.office_name} ปีงบประมาณ พ.ศ. {a.year}  คะแนนรวม {_fmt(a.total)}  เกณฑ์ผ่าน {a.line:g}")
    names = {"urgent": "เร่งด่วน", "develop": "พัฒนา", "maintain": "รักษามาตรฐาน", None: "ไม่มีคะแนน"}
    for i in a.indicators:
        print(f"  {i.number:>2}. [{i.tool}] {i.name}: {_fmt(i.score)} {names[_category(i.category)]} "
              f"(ถึงเกณฑ์ +{_fmt(i.gain_to_line)}, ถึง 100 +{_fmt(i.gain_to_100)})")
    for title, path in (("เส้นทางสู่เกณฑ์", a.path_to_line), ("เส้นทางสู่เป้าหมายปีหน้า", a.path_to_target)):
        if path is not None and path.reached and not path.steps:
            print(f"{title} {path.target:g}: คะแนนรวมถึงแล้ว")
        elif path is not None:
            state = "ถึง" if path.reached else "ยังไม่ถึง"
            print(f"{title} {path.target:g}: {len(path.steps)} ข้อ ({', '.join(path.codes) or '-'}) "
                  f"คะแนนรวมเป็น {_fmt(path.total_after)} {state}")
    if a.measure_effect is not None and a.measure_effect.compared:
        print(a.measure_effect.sentence)


def run(args, ctx) -> int:
    from ita_desktop.services import queries
    from ita_desktop.services.analysis import full_analysis

    office = queries.find_office(ctx, args.org)
    a = full_analysis(ctx, office.id, args.year, args.line)
    if args.json:
        print_json(to_json(a))
    else:
        _print_text(a)
    return 0
