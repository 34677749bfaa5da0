"""ita-cli offices: list the offices in the database."""

from .common import add_data_options, print_json


def register(sub) -> None:
    p = sub.add_parser("offices", help="แสดงรายชื่อหน่วยงานในฐานข้อมูล")
    add_data_options(p, suppress=True)
    p.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    p.set_defaults(handler=run, read_only=True)  # reads only: no SQLAlchemy start-up (services.queries)


def run(args, ctx) -> int:
    from ita_desktop.services.queries import list_offices, years_with_scores

    offices = list_offices(ctx)
    rows = [
        {"id": o.id, "name": o.name, "kind": o.kind, "district": o.district, "province": o.province,
         "years": years_with_scores(ctx, o.id)}
        for o in offices
    ]
    if args.json:
        print_json(rows)
    elif not rows:
        print("ยังไม่มีหน่วยงานในฐานข้อมูล (ใช้คำสั่ง ita-cli demo เพื่อโหลดข้อมูลตัวอย่าง)")
    else:
        for r in rows:
            years = ", ".join(str(y) for y in r["years"]) or "-"
            print(f"{r['id']}\t{r['name']}\tอำเภอ{r['district']} จังหวัด{r['province']}\tปีที่มีคะแนน: {years}")
    return 0
