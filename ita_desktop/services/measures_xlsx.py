"""Measures and results to Excel and back.

The export writes every field as the clerk typed it (digits untouched, dates as Buddhist-era
day/month/year) under header words the importer recognises. The importer also reads the tables
of the seed documents (001/002 measures, 000/003 results) copied from Word into Excel. A file
with any problem (unknown column, empty required cell, unreadable date, status or item code) is
reported in Thai with row and column, and nothing is stored.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from ita_desktop.core.digits import to_arabic_digits
from ita_desktop.core.thaitext import thai_month
from ita_desktop.documents.xlsx import BORDER, HEADER_FILL, row_height_for, setup_page, thai_font
from ita_desktop.importers.kinds import find_header, load_workbook_safely
from ita_desktop.importers.safety import UnsafeFile

from . import audit, queries
from .errors import UserError
from .measure_results import STATUS_TITLES, ResultInput, ensure_report, status_from_title, validate_result
from .measures import MeasureInput, ensure_measure_set, measure_set_of_year, result_report_for_year, validate_measure

CATEGORY_TITLES = {"urgent": "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", "develop": "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
                   "maintain": "รักษามาตรฐาน"}
CATEGORY_WORDS = {"urgent": ("เร่งด่วน", "จุดอ่อน", "ข้อบกพร่อง", "urgent"), "develop": ("พัฒนา", "develop"),
                  "maintain": ("รักษามาตรฐาน", "maintain")}
MEASURE_COLUMNS = (
    ("order", "ลำดับ", 7), ("items", "ข้อคำถาม", 12), ("indicators", "ตัวชี้วัด", 10), ("category", "ประเภท", 18),
    ("issue", "ประเด็นที่ต้องปรับปรุงแก้ไข/ประเด็นที่ต้องพัฒนา", 40), ("measure", "มาตรการ", 30),
    ("steps", "ขั้นตอนหรือวิธีการ", 45), ("responsible", "ผู้รับผิดชอบ", 22),
    ("reporting", "การรายงานผลและการกำกับติดตาม", 40), ("period", "ระยะเวลาดำเนินการ", 20),
    ("period_start", "วันเริ่มต้น", 13), ("period_end", "วันสิ้นสุด", 13), ("deadline", "กำหนดเวลาแล้วเสร็จ", 13),
)
RESULT_COLUMNS = (
    ("order", "ลำดับ", 7), ("measure", "มาตรการ/โครงการ/กิจกรรม", 30), ("steps", "ขั้นตอนหรือวิธีการปฏิบัติ", 42),
    ("period", "ช่วงระยะเวลาดำเนินการ", 20), ("responsible", "ผู้รับผิดชอบ", 22),
    ("output", "ผลการดำเนินการ (Output)", 34), ("outcome", "ผลลัพธ์/ผลสัมฤทธิ์ (Outcome/Result)", 34),
    ("status", "สถานะ", 18), ("reason", "เหตุผลที่ดำเนินการไม่ได้", 22), ("start_date", "วันที่เริ่มดำเนินการ", 13),
    ("end_date", "วันที่แล้วเสร็จ", 13),
)
DATE_FIELDS = {"period_start", "period_end", "deadline", "start_date", "end_date"}
REQUIRED = {"measures": ("issue",), "results": ("measure",)}
LABELS = {"measures": {k: t for k, t, _ in MEASURE_COLUMNS}, "results": {k: t for k, t, _ in RESULT_COLUMNS}}
MAX_LISTED = 30


# --- export --------------------------------------------------------------------------------

def be_date(iso: str | None) -> str:
    """``'01/10/2567'`` from an ISO (CE) date; empty without one."""
    if not iso:
        return ""
    d = _dt.date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year + 543}"


def _write_sheet(ws, title_lines: list[str], columns, rows: list[list]) -> None:
    for n, text in enumerate(title_lines, start=1):
        cell = ws.cell(row=n, column=1, value=text)
        cell.font = thai_font(16, bold=True)
    header = len(title_lines) + 1
    for col, (_, title, width) in enumerate(columns, start=1):
        cell = ws.cell(row=header, column=col, value=title)
        cell.font, cell.fill, cell.border = thai_font(14, bold=True), HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    widths = [w for _, _, w in columns]
    for r, values in enumerate(rows, start=header + 1):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.font, cell.border = thai_font(14), BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.row_dimensions[r].height = row_height_for([str(v) for v in values], widths, 14)
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    setup_page(ws, landscape=True, header_row=header)


def export_measures(ctx, office_id: int, year: int, path: str | Path) -> Path:
    """The measures of ``year`` as an Excel table that :func:`import_measures` reads back."""
    office = queries.get_office(ctx, office_id)
    ms = measure_set_of_year(ctx, office_id, year)
    if ms is None or not ms.measures:
        raise UserError(f"{office.name} ยังไม่มีมาตรการของปีงบประมาณ พ.ศ. {year}")
    rows = [[n, " ".join(m.items), " ".join(str(i) for i in m.indicators), CATEGORY_TITLES.get(m.category, ""),
             m.issue, m.measure, m.steps, m.responsible, m.reporting, m.period, be_date(m.period_start),
             be_date(m.period_end), be_date(m.deadline)] for n, m in enumerate(ms.measures, start=1)]
    wb = Workbook()
    ws = wb.active
    ws.title = "มาตรการ"
    _write_sheet(ws, ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                      f"{office.name} ประจำปีงบประมาณ พ.ศ. {year}"], MEASURE_COLUMNS, rows)
    wb.save(path)
    return Path(path)


def export_results(ctx, office_id: int, year: int, path: str | Path) -> Path:
    """The results of ``year`` as an Excel table that :func:`import_results` reads back."""
    office = queries.get_office(ctx, office_id)
    report = result_report_for_year(ctx, office_id, year)
    if report is None or not report.rows:
        raise UserError(f"{office.name} ยังไม่มีผลการดำเนินการของปีงบประมาณ พ.ศ. {year}")
    rows = [[r.order, r.measure, r.steps, r.period, r.responsible, r.output, r.outcome, STATUS_TITLES[r.status],
             r.reason, be_date(r.start_date), be_date(r.end_date)] for r in report.rows]
    wb = Workbook()
    ws = wb.active
    ws.title = "ผลการดำเนินการ"
    _write_sheet(ws, [report.title or "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                      f"{office.name} ประจำปีงบประมาณ พ.ศ. {year}"], RESULT_COLUMNS, rows)
    wb.save(path)
    return Path(path)


# --- reading -------------------------------------------------------------------------------

@dataclass
class ReadTable:
    """What a file holds: the rows as inputs, or the problems that keep it from being stored."""

    kind: str
    sheet: str = ""
    rows: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def raise_problems(self, name: str) -> None:
        if self.problems:
            listed = self.problems[:MAX_LISTED]
            more = len(self.problems) - len(listed)
            tail = f"\n(และอีก {more} รายการ)" if more > 0 else ""
            raise UserError(f"ไฟล์ '{name}' มีปัญหา {len(self.problems)} รายการ ไม่ได้บันทึกข้อมูลใด ๆ:\n"
                            + "\n".join(f"- {p}" for p in listed) + tail)


_THAI_MONTHS = {thai_month(m): m for m in range(1, 13)} | {thai_month(m, abbreviated=True): m for m in range(1, 13)}


def parse_date(value) -> str | None:
    """An ISO (CE) date from a cell: a date, ISO text, d/m/yyyy (Buddhist or Christian era) or
    '1 ตุลาคม 2567'. None for an empty cell; ValueError when it cannot be read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = to_arabic_digits(str(value)).strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        y, m, d = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match:
            d, m, y = (int(g) for g in match.groups())
        else:
            match = re.fullmatch(r"(\d{1,2})\s*(\S+?)\.?\s*(?:พ\.ศ\.)?\s*(\d{4})", text)
            if not match or match.group(2).rstrip(".") not in {k.rstrip(".") for k in _THAI_MONTHS}:
                raise ValueError(text)
            d, y = int(match.group(1)), int(match.group(3))
            m = next(v for k, v in _THAI_MONTHS.items() if k.rstrip(".") == match.group(2).rstrip("."))
    if y > 2400:
        y -= 543
    return _dt.date(y, m, d).isoformat()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_table(path: str | Path, kind: str) -> ReadTable:
    """Read the first ``kind`` table ("measures" or "results") of an Excel file."""
    table = ReadTable(kind)
    name = Path(path).name
    try:
        wb = load_workbook_safely(path)
    except UnsafeFile as exc:
        raise UserError(f"ไฟล์ '{name}': {exc.message_th}") from None
    except OSError as exc:
        raise UserError(f"เปิดไฟล์ '{name}' ไม่ได้ ({exc.strerror or exc})") from None
    except Exception:
        raise UserError(f"ไฟล์ '{name}' ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ หรือไฟล์เสียหาย") from None
    try:
        header = next((h for ws in wb.worksheets for h in [find_header(ws, kind)] if h), None)
        if header is None:
            what = "มาตรการ" if kind == "measures" else "ผลการดำเนินการ"
            raise UserError(f"ไม่พบตาราง{what}ในไฟล์ '{name}' (ต้องมีหัวตาราง เช่น "
                            f"{', '.join(t for _, t, _ in (MEASURE_COLUMNS if kind == 'measures' else RESULT_COLUMNS)[4:8])})")
        table.sheet = header.sheet
        _read_rows(wb[header.sheet], header, table)
    finally:
        wb.close()
    return table


def _where(sheet: str, row: int, col: int) -> str:
    return f"แผ่นงาน '{sheet}' แถว {row} คอลัมน์ {get_column_letter(col)}"


def _read_rows(ws, header, table: ReadTable) -> None:
    for col, text in header.unknown.items():
        table.problems.append(f"{_where(header.sheet, header.row, col)}: ไม่รู้จักคอลัมน์ '{text}'")
    seen: dict[str, int] = {}
    for col, name in header.fields.items():
        if name in seen:
            table.problems.append(f"{_where(header.sheet, header.row, col)}: คอลัมน์ '{LABELS[table.kind].get(name, name)}' "
                                  f"ซ้ำกับคอลัมน์ {get_column_letter(seen[name])}")
        seen.setdefault(name, col)
    header_values: list[str] = []
    for n, values in enumerate(ws.iter_rows(min_row=header.row, values_only=True), start=header.row):
        if n == header.row:
            header_values = [_text(v) for v in values]
            continue
        texts = [_text(v) for v in values]
        if not any(texts) or texts[:len(header_values)] == header_values[:len(texts)]:
            continue  # blank rows, and the header repeated on each page of a copied Word table
        cells = {name: values[col - 1] if col - 1 < len(values) else None
                 for col, name in header.fields.items() if seen.get(name) == col}
        parsed = _row_input(table.kind, cells, header, n, table.problems)
        if parsed is not None:
            table.rows.append(parsed)
    if not table.rows and not table.problems:
        table.problems.append(f"แผ่นงาน '{header.sheet}': ไม่มีข้อมูลใต้หัวตาราง (แถว {header.row})")


def _row_input(kind: str, cells: dict, header, row: int, problems: list[str]):
    col_of = {name: col for col, name in header.fields.items()}
    before = len(problems)
    values: dict = {}
    for name, value in cells.items():
        where = _where(header.sheet, row, col_of[name])
        if name == "order":
            continue
        if name in DATE_FIELDS:
            try:
                values[name] = parse_date(value)
            except (ValueError, TypeError):
                problems.append(f"{where}: อ่านวันที่ '{_text(value)}' ไม่ได้ (ใช้ วัน/เดือน/ปี พ.ศ. เช่น 01/10/2567)")
            continue
        text = _text(value)
        if name == "category":
            values[name] = _category(text, where, problems)
        elif name == "status":
            try:
                values[name] = status_from_title(text)
            except UserError as exc:
                problems.append(f"{where}: {exc}")
        elif name == "items":
            values[name] = tuple(re.split(r"[\s,]+", to_arabic_digits(text))) if text else ()
        elif name == "indicators":
            values[name] = tuple(int(x) if x.isdigit() else x for x in re.split(r"[\s,]+", to_arabic_digits(text))
                                 if x) if text else ()
        else:
            values[name] = text
    for name in REQUIRED[kind]:
        if name in col_of and not values.get(name):
            alt = "measure" if kind == "measures" else None
            if alt and (values.get("measure") or values.get("steps")):
                continue
            problems.append(f"{_where(header.sheet, row, col_of[name])}: ช่อง '{LABELS[kind][name]}' ว่างอยู่ ต้องกรอก")
    if len(problems) > before:
        return None
    try:
        if kind == "measures":
            return validate_measure(MeasureInput(**values))
        return validate_result(ResultInput(**values))
    except UserError as exc:
        problems.append(f"แผ่นงาน '{header.sheet}' แถว {row}: {exc}")
        return None


def _category(text: str, where: str, problems: list[str]) -> str:
    if not text:
        return ""
    for code, words in CATEGORY_WORDS.items():
        if any(w in text for w in words):
            return code
    problems.append(f"{where}: ประเภท '{text}' ไม่รู้จัก (ใช้ {', '.join(CATEGORY_TITLES.values())})")
    return ""


# --- storing -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportSummary:
    kind: str
    office_name: str
    year: int
    count: int
    replaced: int

    def message_th(self) -> str:
        what = "มาตรการ" if self.kind == "measures" else "ผลการดำเนินการ"
        extra = f" (แทนที่ของเดิม {self.replaced} รายการ)" if self.replaced else ""
        return f"นำเข้า{what} {self.count} รายการ ของ{self.office_name} ปีงบประมาณ พ.ศ. {self.year}{extra}"


def import_measures(ctx, path: str | Path, office_id: int, year: int, replace: bool = False) -> ImportSummary:
    """Store the measures of an Excel file as the office's measures of ``year`` (one transaction)."""
    from ita_desktop.models import Measure

    from .measures import insert_measure, write_measure_fields

    table = read_table(path, "measures")
    table.raise_problems(Path(path).name)
    office = queries.get_office(ctx, office_id)
    with ctx.db.session() as s:
        ms = ensure_measure_set(s, office_id, year)
        old = len(ms.measures)
        if old and not replace:
            raise UserError(f"{office.name} มีมาตรการของปีงบประมาณ พ.ศ. {year} อยู่แล้ว {old} รายการ "
                            "หากต้องการแทนที่ ให้เลือก 'แทนที่ของเดิม' (--replace)")
        for m in list(ms.measures):
            ms.measures.remove(m)
            s.delete(m)
        s.flush()
        for data in table.rows:
            row = Measure()
            write_measure_fields(row, data)
            insert_measure(ms, row, None)
        s.flush()
        audit.record(s, "measure.import", "measure_set", ms.id, file=str(path), count=len(table.rows), replaced=old)
    return ImportSummary("measures", office.name, year, len(table.rows), old)


def import_results(ctx, path: str | Path, office_id: int, year: int, replace: bool = False) -> ImportSummary:
    """Store the results of an Excel file as the office's report of ``year`` (one transaction).

    A row whose measure text is exactly one measure of that year is linked to it."""
    from sqlalchemy import select

    from ita_desktop.models import MeasureSet, ResultRow

    from .measure_results import write_result_fields
    from .measures import measure_view

    table = read_table(path, "results")
    table.raise_problems(Path(path).name)
    office = queries.get_office(ctx, office_id)
    with ctx.db.session() as s:
        report = ensure_report(s, office_id, year)
        old = len(report.rows)
        if old and not replace:
            raise UserError(f"{office.name} มีผลการดำเนินการของปีงบประมาณ พ.ศ. {year} อยู่แล้ว {old} รายการ "
                            "หากต้องการแทนที่ ให้เลือก 'แทนที่ของเดิม' (--replace)")
        for r in list(report.rows):
            report.rows.remove(r)
            s.delete(r)
        s.flush()
        ms = s.scalar(select(MeasureSet).where(MeasureSet.office_id == office_id, MeasureSet.year == year))
        by_text: dict[str, list[int]] = {}
        for m in (ms.measures if ms else ()):
            v = measure_view(m)
            by_text.setdefault((v.measure or v.issue).strip(), []).append(m.id)
        for n, data in enumerate(table.rows):
            matches = by_text.get(data.measure.strip(), [])
            row = ResultRow(sort_order=n, measure_id=matches[0] if len(matches) == 1 else None)
            write_result_fields(row, data)
            report.rows.append(row)
        s.flush()
        audit.record(s, "result.import", "result_report", report.id, file=str(path), count=len(table.rows),
                     replaced=old)
    return ImportSummary("results", office.name, year, len(table.rows), old)

