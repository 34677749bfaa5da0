"""What kind of table an Excel file holds, recognised by its header words, and the header
rules of the measures and results tables (shared by the importer and the GUI's import dialog).

Kinds: "scores" (a score sheet), "measures" (มาตรการ, seeds 001/002 or this program's export),
"results" (รายงานผลการดำเนินการ, seeds 000/003 or the export), "plan" (แผนปฏิบัติการป้องกันการทุจริต).
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ita_desktop.core.digits import to_arabic_digits

from .safety import DEFAULT_LIMITS, Limits, UnsafeFile, check_file_bytes

KIND_TITLES = {  # what the import dialog says it found
    "scores": "ตารางคะแนนการประเมิน ITA",
    "measures": "ตารางมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "results": "ตารางรายงานผลการดำเนินการตามมาตรการ",
    "plan": "ตารางแผนปฏิบัติการป้องกันการทุจริต",
}
SCAN_ROWS = 40  # a header is looked for in the first rows of each sheet
SCAN_COLUMNS = 30

# (field, words any of which in the squashed header text means the field), checked in order:
# "ขั้นตอนหรือวิธีการ/มาตรการ" is steps, not measure; "ผลลัพธ์หรือความสำเร็จของการดำเนินการ" is outcome.
MEASURE_RULES = (
    ("order", ("ลำดับ", "ที่")),
    ("items", ("ข้อคำถาม", "รหัสข้อ")),
    ("category", ("ประเภท",)),
    ("issue", ("ประเด็น",)),
    ("responsible", ("ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ")),
    ("period_start", ("วันเริ่ม",)),
    ("period_end", ("วันสิ้นสุด",)),
    ("reporting", ("รายงาน", "กำกับติดตาม", "การดำเนินการ/")),
    ("deadline", ("กำหนดเวลา", "กำหนดแล้วเสร็จ")),
    ("steps", ("ขั้นตอน", "วิธี")),
    ("period", ("ระยะเวลา", "ช่วงเวลา")),
    ("indicators", ("ตัวชี้วัด",)),
    ("measure", ("มาตรการ", "โครงการ", "กิจกรรม")),
)
RESULT_RULES = (
    ("order", ("ลำดับ", "ที่")),
    ("outcome", ("ผลลัพธ์", "outcome", "ผลสัมฤทธิ์", "ความสำเร็จ")),
    ("reason", ("เหตุผล", "สาเหตุ")),
    ("output", ("ผลการดำเนินการ", "output", "สรุปผล", "ผลผลิต")),
    ("status", ("สถานะ",)),
    ("start_date", ("วันที่เริ่ม", "วันเริ่ม")),
    ("end_date", ("วันที่แล้วเสร็จ", "วันที่เสร็จ", "วันแล้วเสร็จ")),
    ("responsible", ("ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ")),
    ("steps", ("ขั้นตอน", "วิธี")),
    ("period", ("ระยะเวลา", "ช่วงเวลา")),
    ("measure", ("มาตรการ", "โครงการ", "กิจกรรม")),
)
RULES = {"measures": MEASURE_RULES, "results": RESULT_RULES}
EXACT_ONLY = {"ที่"}  # "ที่" alone heads an order column; inside words it means nothing


def header_key(value) -> str:
    """Header text without spaces or line breaks, Arabic digits, lower case."""
    return re.sub(r"\s+", "", to_arabic_digits(str(value or ""))).lower()


def header_field(kind: str, value) -> str | None:
    """The field a header cell of a ``kind`` table stands for, or None when unknown."""
    key = header_key(value)
    if not key:
        return None
    for field, words in RULES[kind]:
        for word in words:
            if (key == word) if word in EXACT_ONLY else (word.lower() in key):
                return field
    return None


@dataclass(frozen=True)
class HeaderRow:
    sheet: str
    row: int  # 1-based
    fields: dict[int, str]  # 1-based column -> field
    unknown: dict[int, str]  # 1-based column -> header text not understood


def is_header(kind: str, cells) -> HeaderRow | None:
    """Whether ``cells`` (one row's values) are the header row of a ``kind`` table."""
    fields, unknown = {}, {}
    for col, value in enumerate(cells, start=1):
        if value is None or not str(value).strip():
            continue
        field = header_field(kind, value)
        if field is None:
            unknown[col] = str(value).strip()
        else:
            fields[col] = field
    found = set(fields.values())
    if kind == "measures":
        ok = "issue" in found and bool(found & {"steps", "measure"}) and bool(found & {"responsible", "reporting"})
        ok = ok and not found & {"output", "outcome"}
    else:
        ok = "measure" in found and bool(found & {"output", "outcome"}) and bool(found & {"responsible", "steps",
                                                                                           "period"})
    if not ok or len(unknown) > len(fields):
        return None
    return HeaderRow("", 0, fields, unknown)


def _plan_header(keys: list[str]) -> bool:
    text = " ".join(keys)
    return ("มิติ" in text and ("โครงการ" in text or "งบประมาณ" in text)) or \
        ("โครงการ" in text and "งบประมาณ" in text and "ผลลัพธ์" not in text)


_ITEM_CODE = re.compile(r"^[ieo][0-9]{1,2}$")


def _scores_header(keys: list[str]) -> bool:
    return any("คะแนน" in k for k in keys) or sum(bool(_ITEM_CODE.match(k)) for k in keys) >= 3


def load_workbook_safely(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS):
    """An openpyxl workbook (read-only, values) after the safety checks; UnsafeFile or OSError otherwise."""
    import openpyxl

    source = Path(path)
    if source.stat().st_size > limits.max_file_bytes:
        raise UnsafeFile(f"ไฟล์ใหญ่เกินไป รับได้ไม่เกิน {limits.max_file_bytes // (1024 * 1024)} MB")
    data = source.read_bytes()
    check_file_bytes(data, limits)
    if not openpyxl.DEFUSEDXML:
        raise UnsafeFile("ระบบไม่พร้อมอ่านไฟล์ Excel อย่างปลอดภัย (ไม่พบ defusedxml) กรุณาติดตั้งโปรแกรมใหม่")
    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)


def top_rows(ws, rows: int = SCAN_ROWS, columns: int = SCAN_COLUMNS):
    """(row number, values) of the first rows of a sheet."""
    for n, values in enumerate(ws.iter_rows(min_row=1, max_row=rows, max_col=columns, values_only=True), start=1):
        yield n, values


def find_header(ws, kind: str) -> HeaderRow | None:
    for n, values in top_rows(ws):
        found = is_header(kind, values)
        if found:
            return HeaderRow(ws.title, n, found.fields, found.unknown)
    return None


def detect_kinds(path: str | os.PathLike) -> tuple[str, ...]:
    """Every kind of table found in the file, in the order their header rows come (sheet by
    sheet, top to bottom); empty when none is recognised or the file cannot be read."""
    try:
        wb = load_workbook_safely(path)
    except Exception:  # unreadable or unsafe: the importer gives the reason in Thai
        return ()
    found: list[str] = []
    try:
        for ws in wb.worksheets:
            for _, values in top_rows(ws):
                kind = _row_kind(values)
                if kind and kind not in found:
                    found.append(kind)
    finally:
        wb.close()
    return tuple(found)


def _row_kind(values) -> str | None:
    if is_header("results", values):
        return "results"
    if is_header("measures", values):
        return "measures"
    keys = [header_key(v) for v in values if v is not None and str(v).strip()]
    if _plan_header(keys):
        return "plan"
    if _scores_header(keys):
        return "scores"
    return None


def detect_kind(path: str | os.PathLike) -> str | None:
    """"scores", "measures", "results" or "plan": the first table recognised by its header words
    (a score sheet whose analysis ends with a measure table is "scores"); None when no table is
    recognised or the file cannot be read (the importer then says why)."""
    kinds = detect_kinds(path)
    return kinds[0] if kinds else None
