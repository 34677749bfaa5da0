"""Entry point of ``ita-cli``. Every command exits 0 on success, 2 on bad input, never a traceback."""

from __future__ import annotations

import logging
import sys

from ita_desktop.services.errors import UserError

from . import commands
from .common import EXIT_BAD_INPUT, EXIT_INTERNAL, CliUsageError, ThaiArgumentParser, add_data_options

log = logging.getLogger(__name__)


def build_parser() -> ThaiArgumentParser:
    parser = ThaiArgumentParser(
        prog="ita-cli",
        description="ITA Desktop จากบรรทัดคำสั่ง: คะแนน ITA การนำเข้า เอกสาร และข้อมูลตัวอย่าง",
    )
    add_data_options(parser)
    sub = parser.add_subparsers(dest="command", title="คำสั่ง", metavar="คำสั่ง", parser_class=ThaiArgumentParser)
    for command in commands.ALL:
        command.register(sub)
    return parser


def _open(args):
    """The application context; commands marked ``read_only`` get the light one when it will do."""
    from ita_desktop.services.context import open_app, open_read_only

    data_dir, db_url = getattr(args, "data_dir", None), getattr(args, "db_url", None)
    if getattr(args, "read_only", False):
        ctx = open_read_only(data_dir, db_url)
        if ctx is not None:
            return ctx
    return open_app(data_dir, db_url, backup_on_start=False)


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except CliUsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    ctx = None
    try:
        if getattr(args, "opens_itself", False):  # e.g. restore: the database may not open
            return int(args.handler(args, None) or 0)
        if (before_open := getattr(args, "before_open", None)) is not None:
            before_open(args)  # e.g. import: the file starts being read while the program loads
        ctx = _open(args)
        if getattr(args, "writes", False) and not getattr(args, "dry_run", False):
            if getattr(args, "backup_while_reading", False):  # every write waits for it (Database.start_backup)
                ctx.db.start_backup(f"before-{args.command}")
            else:
                ctx.db.backup(f"before-{args.command}")
        return int(args.handler(args, ctx) or 0)
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว", file=sys.stderr)
        return 130
    except Exception:  # the user sees a Thai sentence; the traceback goes to the log file
        log.exception("ita-cli %s failed", argv)
        where = f" (รายละเอียดบันทึกไว้ที่ {ctx.log_file})" if ctx else ""
        print(f"เกิดข้อผิดพลาดภายในโปรแกรม{where}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if (ahead := getattr(args, "read_ahead", None)) is not None:
            ahead.close()
        if ctx is not None:
            ctx.close()


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
