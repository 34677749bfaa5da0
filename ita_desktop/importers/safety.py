"""Refuse hostile or unsuitable files before openpyxl sees them.

openpyxl trusts the zip headers and the sheet dimensions it is given, so the checks here
bound what it will unpack: the central directory's declared sizes (Python's zipfile never
inflates a member past its declared size, so these bound the real work), the ratio of
unpacked to packed bytes, and the number of members. Old binary .xls files and encrypted
.xlsx files are both OLE compound files (CFB); the names of their streams tell them apart.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one input file. The defaults are far above any real score sheet."""

    max_file_bytes: int = 30 * 1024 * 1024
    max_unpacked_bytes: int = 150 * 1024 * 1024
    max_member_ratio: float = 150.0  # unpacked / packed, for members over ratio_floor_bytes
    ratio_floor_bytes: int = 2 * 1024 * 1024
    max_members: int = 2000
    max_sheets: int = 60
    max_rows: int = 60_000  # per sheet
    max_columns: int = 64  # cells right of this are not read
    max_cells: int = 2_000_000  # non-empty cells in the whole workbook


DEFAULT_LIMITS = Limits()

MSG_NOT_XLSX = "ไม่ใช่ไฟล์ Excel (.xlsx) หรือไฟล์เสียหาย"
MSG_XLS = "เป็นไฟล์ Excel รุ่นเก่า (.xls) ซึ่งไม่รองรับ กรุณาบันทึกเป็น .xlsx แล้วนำเข้าใหม่"
MSG_ENCRYPTED = "ไฟล์ถูกตั้งรหัสผ่านไว้ กรุณาเปิดใน Excel เอารหัสผ่านออก แล้วบันทึกเป็น .xlsx ก่อนนำเข้า"
MSG_TRUNCATED = "ไฟล์ไม่สมบูรณ์หรือเสียหาย (อาจดาวน์โหลดหรือคัดลอกมาไม่ครบ)"
MSG_EMPTY = "ไฟล์ว่างเปล่า"


class UnsafeFile(Exception):
    """A file refused before parsing; ``message_th`` says why."""

    def __init__(self, message_th: str):
        super().__init__(message_th)
        self.message_th = message_th


def check_file_bytes(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise :class:`UnsafeFile` unless ``data`` looks like an xlsx that is safe to unpack."""
    if not data:
        raise UnsafeFile(MSG_EMPTY)
    if len(data) > limits.max_file_bytes:
        raise UnsafeFile(f"ไฟล์ใหญ่เกินไป ({len(data) // (1024 * 1024)} MB) รับได้ไม่เกิน "
                         f"{limits.max_file_bytes // (1024 * 1024)} MB")
    if data.startswith(CFB_SIGNATURE):
        raise UnsafeFile(describe_cfb(data))
    if not data.startswith(ZIP_SIGNATURES):
        raise UnsafeFile(MSG_NOT_XLSX)
    check_zip(data, limits)


def check_zip(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Check the zip central directory: member count, declared sizes, compression ratios."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception:  # noqa: BLE001 - zipfile raises many types on damaged headers
        # (BadZipFile, NotImplementedError for odd versions, struct and Unicode errors...):
        # all mean the same to the user.
        raise UnsafeFile(MSG_TRUNCATED) from None
    if len(infos) > limits.max_members:
        raise UnsafeFile(f"ไฟล์มีส่วนประกอบมากผิดปกติ ({len(infos)} รายการ) ไม่ปลอดภัยที่จะเปิด")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnsafeFile(MSG_NOT_XLSX)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.ratio_floor_bytes and \
                info.file_size > limits.max_member_ratio * max(info.compress_size, 1):
            raise UnsafeFile(_bomb_message())
    if total > limits.max_unpacked_bytes:
        raise UnsafeFile(_bomb_message())


def _bomb_message() -> str:
    return "ไฟล์นี้เมื่อแตกออกจะมีขนาดใหญ่ผิดปกติ (อาจเป็นไฟล์อันตราย) จึงไม่เปิด"


def describe_cfb(data: bytes) -> str:
    """Say what an OLE compound file is: a password-protected xlsx, an old .xls, or other."""
    names = cfb_stream_names(data)
    if names is None:
        # Directory unreadable: fall back to looking for the UTF-16 stream names.
        raw = data[:4 * 1024 * 1024]
        names = {n for n in ("EncryptionInfo", "EncryptedPackage", "Workbook", "Book")
                 if n.encode("utf-16-le") in raw}
    if {"EncryptionInfo", "EncryptedPackage"} & names:
        return MSG_ENCRYPTED
    if {"Workbook", "Book"} & names:
        return MSG_XLS
    return MSG_NOT_XLSX


_FREESECT = 0xFFFFFFFF
_ENDOFCHAIN = 0xFFFFFFFE
_MAX_DIR_SECTORS = 4096


def cfb_stream_names(data: bytes) -> set[str] | None:
    """Names of the entries in a CFB directory, or None when the directory cannot be read.

    A minimal reader of [MS-CFB]: header, the FAT sectors listed in the header's DIFAT
    (enough for files up to several MB) and the directory chain.
    """
    try:
        sector_shift = struct.unpack_from("<H", data, 0x1E)[0]
        if sector_shift not in (9, 12):
            return None
        size = 1 << sector_shift
        n_fat = struct.unpack_from("<I", data, 0x2C)[0]
        dir_start = struct.unpack_from("<I", data, 0x30)[0]
        difat = struct.unpack_from("<109I", data, 0x4C)[: min(n_fat, 109)]
        fat: list[int] = []
        for sector in difat:
            offset = (sector + 1) * size
            fat.extend(struct.unpack_from(f"<{size // 4}I", data, offset))
        return _directory_names(data, size, fat, dir_start)
    except (struct.error, IndexError, UnicodeDecodeError):
        return None


def _directory_names(data: bytes, size: int, fat: list[int], start: int) -> set[str]:
    names: set[str] = set()
    sector, seen = start, set()
    while sector not in (_ENDOFCHAIN, _FREESECT) and sector not in seen and len(seen) < _MAX_DIR_SECTORS:
        seen.add(sector)
        base = (sector + 1) * size
        for entry in range(size // 128):
            offset = base + entry * 128
            name_len = struct.unpack_from("<H", data, offset + 0x40)[0]
            if 2 <= name_len <= 64:
                names.add(data[offset:offset + name_len - 2].decode("utf-16-le"))
        sector = fat[sector]
    return names
