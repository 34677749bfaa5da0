"""ita-cli backup [--out FILE] and ita-cli backups [--json]: make and list verified backups."""

from .common import add_data_options, print_json


def register(sub) -> None:
    p = sub.add_parser("backup", help="สำรองฐานข้อมูลและไฟล์แนบไว้ในโฟลเดอร์ backups (หรือไฟล์ที่ระบุ)",
                       description="สำรองฐานข้อมูลและไฟล์แนบเป็นไฟล์ .itabak ที่ตรวจความสมบูรณ์แล้ว")
    add_data_options(p, suppress=True)
    p.add_argument("--out", metavar="FILE", help="ไฟล์ .itabak ที่จะสร้าง (ไม่ระบุ = โฟลเดอร์ backups)")
    p.set_defaults(handler=run)
    q = sub.add_parser("backups", help="แสดงรายการสำเนาสำรอง (วันเวลา เหตุผล ขนาด)")
    add_data_options(q, suppress=True)
    q.add_argument("--json", action="store_true", help="แสดงผลเป็น JSON")
    q.set_defaults(handler=run_list, opens_itself=True)


def run(args, ctx) -> int:
    from ita_desktop.services import backups

    target = backups.create_backup(ctx, "manual", out=args.out)
    if target is None:
        print("ฐานข้อมูลนี้ไม่ใช่ไฟล์ SQLite ในเครื่อง ให้สำรองด้วยเครื่องมือของเซิร์ฟเวอร์ (เช่น pg_dump)")
        return 0
    info = backups.read_info(target)
    print(f"สำรองข้อมูลแล้ว: {target} ({info.size:,} ไบต์, ไฟล์แนบ {info.attachments} ไฟล์)")
    return 0


def run_list(args, _ctx) -> int:
    from ita_desktop import paths
    from ita_desktop.services import backups

    folder = paths.data_dir(getattr(args, "data_dir", None)) / "backups"
    found = backups.list_backups(folder)
    if args.json:
        print_json([b.to_json() for b in found])
    elif not found:
        print(f"ยังไม่มีสำเนาสำรองในโฟลเดอร์ {folder}")
    else:
        for b in found:
            local = backups.local_time(b.made_at)
            print(f"{local}\t{b.reason_th}\t{b.size:,} ไบต์\t{b.path}")
    return 0
