"""ita-cli restore FILE: put a backup (.itabak) or a data package (.itapkg) back."""

from .common import add_data_options


def register(sub) -> None:
    p = sub.add_parser("restore", help="กู้คืนข้อมูลจากไฟล์สำรอง (.itabak) หรือชุดข้อมูลหน่วยงาน (.itapkg)",
                       description="กู้คืนข้อมูลจากไฟล์สำรอง โดยสำรองข้อมูลปัจจุบันไว้ก่อนเสมอ "
                                   "(ไฟล์ .itapkg จะนำเข้าแบบแทนข้อมูลเดิมของหน่วยงานนั้น)")
    add_data_options(p, suppress=True)
    p.add_argument("file", help="ไฟล์ .itabak หรือ .itapkg")
    p.set_defaults(handler=run, opens_itself=True)


def run(args, _ctx) -> int:
    from pathlib import Path

    from ita_desktop import paths
    from ita_desktop.services import backups
    from ita_desktop.services.context import open_app
    from ita_desktop.services.reader import sqlite_file

    data_dir, db_url = getattr(args, "data_dir", None), getattr(args, "db_url", None)
    file = Path(args.file)
    if file.suffix.lower() == ".itapkg":
        from ita_desktop.services import package

        ctx = open_app(data_dir, db_url, backup_on_start=False)
        try:
            result = package.import_package(ctx, file, on_conflict="replace")
        finally:
            ctx.close()
        print(result.message_th())
        return 0
    folder = paths.data_dir(data_dir)
    db_file = sqlite_file(paths.db_url(folder, db_url))
    if db_file is None:
        from ita_desktop.services.errors import UserError

        raise UserError("ฐานข้อมูลอยู่บนเซิร์ฟเวอร์ ให้กู้คืนด้วยเครื่องมือของเซิร์ฟเวอร์ (เช่น pg_restore)")
    # The database need not open: restoring is how a damaged one is mended.
    info = backups.restore_files(file, db_file, folder)
    ctx = open_app(data_dir, db_url, backup_on_start=False)
    try:
        from ita_desktop.services import audit

        with ctx.db.session() as s:
            audit.record(s, "backup.restore", "backup", None, file=str(file),
                         new={"made_at": info.made_at.isoformat(timespec="seconds"), "reason": info.reason})
    finally:
        ctx.close()
    print(f"กู้คืนข้อมูลแล้วจากสำเนาเมื่อ {backups.local_time(info.made_at)} ({info.reason_th})")
    return 0
