"""Shared pieces of the command line: a Thai argument parser, exit codes, output helpers."""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class CliUsageError(Exception):
    """Raised instead of argparse's own exit so main() can print a Thai message."""


class ThaiHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="วิธีใช้: ")


class ThaiArgumentParser(argparse.ArgumentParser):
    """argparse with Thai headings and errors that do not exit from inside the parser."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ThaiHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "อาร์กิวเมนต์"
        self._optionals.title = "ตัวเลือก"
        self.add_argument("-h", "--help", action="help", help="แสดงวิธีใช้แล้วจบการทำงาน")

    def error(self, message: str):
        raise CliUsageError(f"{self.prog}: ตัวเลือกไม่ถูกต้อง: {_thai_argparse(message)}\nดูวิธีใช้ด้วย {self.prog} --help")


_ARGPARSE_TH = (
    ("unrecognized arguments:", "ไม่รู้จักตัวเลือก:"),
    ("the following arguments are required:", "ต้องระบุ:"),
    ("expected one argument", "ต้องมีค่าตามหลัง 1 ค่า"),
    ("invalid choice:", "ไม่มีตัวเลือก"),
    ("choose from", "เลือกได้จาก"),
    ("argument", "ตัวเลือก"),
)


def _thai_argparse(message: str) -> str:
    for english, thai in _ARGPARSE_TH:
        message = message.replace(english, thai)
    return message


def add_data_options(parser: argparse.ArgumentParser, suppress: bool = False) -> None:
    """--data-dir and --db-url; ``suppress`` keeps a sub-command from hiding the top-level value."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="โฟลเดอร์ข้อมูล (แทนค่าเริ่มต้น หรือใช้ตัวแปร ITA_DESKTOP_DATA_DIR)")
    parser.add_argument("--db-url", metavar="URL", default=default,
                        help="ฐานข้อมูลอื่น เช่น postgresql://user:pass@server/ita (หรือ ITA_DESKTOP_DB_URL)")


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def parse_year(text: str) -> int:
    """A Buddhist-era fiscal year, Thai or Arabic digits (argparse type)."""
    from ita_desktop.core.digits import to_arabic_digits

    value = to_arabic_digits(str(text)).strip()
    if not value.isdigit() or not 2500 <= int(value) <= 2700:
        raise argparse.ArgumentTypeError(f"ปีงบประมาณ '{text}' ต้องเป็นปี พ.ศ. เช่น 2567")
    return int(value)
