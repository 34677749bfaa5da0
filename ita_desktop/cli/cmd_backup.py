"""ita-cli backup: copy the SQLite database to the backups folder."""

from .common import add_data_options


def register(sub) -> None:
    p = sub.add_parser("backup", help="สำรองฐานข้อมูลไว้ในโฟลเดอร์ backups")
    add_data_options(p, suppress=True)
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    target = ctx.db.backup("manual")
    if target is None:
        print("ฐานข้อมูลนี้ไม่ใช่ไฟล์ SQLite ในเครื่อง ให้สำรองด้วยเครื่องมือของเซิร์ฟเวอร์ (เช่น pg_dump)")
        return 0
    print(f"สำรองข้อมูลแล้ว: {target}")
    return 0
