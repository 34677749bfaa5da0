"""A fiscal year's criteria catalog as an Excel workbook, both ways.

An office receives next year's criteria as data: the NACC changes item codes and texts every
year. Exporting a year gives a workbook the clerk (or a colleague) edits in Excel; importing
it gives a :class:`Criteria` that ``services.criteria.save_criteria`` stores. Bad input is
refused with a Thai message naming the sheet, the row and the column.

Both ways take an optional ``progress`` (a fraction callable, :mod:`ita_desktop.core.progress`)
told after each row; when it raises, an export leaves no file (it is written under a temporary
name) and an import returns nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ita_desktop.core import progress as progress_of
from ita_desktop.core.criteria import Criteria, Indicator, Item, SubIndicator, Tool, ToolPart, validate_criteria
from ita_desktop.core.digits import normalize_item_code, to_arabic_digits
from ita_desktop.core.levels import LevelRules

from .errors import UserError

SHEET_GENERAL = "ข้อมูลทั่วไป"
SHEET_TOOLS = "เครื่องมือการประเมิน"
SHEET_INDICATORS = "ตัวชี้วัด"
SHEET_SUBS = "ตัวชี้วัดย่อย"
SHEET_ITEMS = "ข้อคำถาม"

YEAR, PASS_LINE, NOTE = "ปีงบประมาณ", "เกณฑ์ผ่าน", "หมายเหตุ"
EXCELLENT, GOOD, IMPROVE = "ระดับผ่านดีเยี่ยม (คะแนนขั้นต่ำ)", "ระดับผ่าน (คะแนนขั้นต่ำ)", "ระดับต้องปรับปรุง (คะแนนขั้นต่ำ)"

TOOL_HEADERS = ("รหัส", "ชื่อ", "น้ำหนัก (ร้อยละ)", "เป็นส่วนของ")
INDICATOR_HEADERS = ("ตัวชี้วัดที่", "เครื่องมือ", "ชื่อตัวชี้วัด", "ชื่ออื่น")
SUB_HEADERS = ("รหัส", "ชื่อ", "ตัวชี้วัดที่")
ITEM_HEADERS = ("รหัส", "ตัวชี้วัดที่", "ตัวชี้วัดย่อย", "ข้อคำถาม", "ทราบข้อความ", "หัวข้อ")
YES, NO = "ใช่", "ไม่"


# --- export -------------------------------------------------------------------------------

def export_criteria_xlsx(criteria: Criteria, path: str | Path, progress: progress_of.Progress | None = None) -> Path:
    """Write ``criteria`` to an .xlsx workbook (one sheet per part of the catalog)."""
    from ita_desktop.documents.xlsx import filling, save_workbook

    tool_rows = _tool_rows(criteria)
    rows = progress_of.Counter(filling(progress), len(tool_rows) + len(criteria.indicators)
                               + len(criteria.sub_indicators) + len(criteria.items))
    wb = Workbook()
    general = wb.active
    general.title = SHEET_GENERAL
    rules = criteria.level_rules
    for label, value in ((YEAR, criteria.year), (PASS_LINE, criteria.pass_line), (NOTE, criteria.note),
                         (EXCELLENT, rules.excellent), (GOOD, rules.good), (IMPROVE, rules.improve)):
        general.append([label, value])
    _table(wb, SHEET_TOOLS, TOOL_HEADERS, tool_rows, rows)
    _table(wb, SHEET_INDICATORS, INDICATOR_HEADERS,
           [[i.number, i.tool, i.name, "\n".join(i.aliases)] for i in criteria.indicators], rows)
    _table(wb, SHEET_SUBS, SUB_HEADERS, [[s.code, s.name, s.indicator] for s in criteria.sub_indicators], rows)
    _table(wb, SHEET_ITEMS, ITEM_HEADERS, [
        [i.code, i.indicator, i.sub_indicator or "", i.text, YES if i.text_known else NO, i.topic]
        for i in criteria.items
    ], rows)
    _widen(general, (34, 60))
    return save_workbook(wb, Path(path), progress)


def _tool_rows(c: Criteria) -> list[list]:
    rows = []
    for tool in c.tools:
        rows.append([tool.code, tool.name, tool.weight, ""])
        rows += [[p.code, p.name, p.weight, tool.code] for p in tool.parts]
    return rows


def _table(wb: Workbook, title: str, headers: tuple[str, ...], rows: list[list], counter: progress_of.Counter) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
        counter.step()
    ws.freeze_panes = "A2"
    _widen(ws, [max(12, min(70, len(h) + 4)) for h in headers])


def _widen(ws, widths) -> None:
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width


# --- import -------------------------------------------------------------------------------

def read_criteria_xlsx(path: str | Path, progress: progress_of.Progress | None = None) -> Criteria:
    """Read a workbook written by :func:`export_criteria_xlsx` (or edited from one).

    Raises :class:`UserError` with a Thai message naming sheet, row and column for bad input,
    and listing the catalog's problems (weights, codes, references) when it is inconsistent.
    """
    try:
        wb = load_workbook(Path(path), read_only=True, data_only=True)
    except FileNotFoundError:
        raise UserError(f"ไม่พบไฟล์ {path}") from None
    except Exception:  # openpyxl raises several types for a file that is not a workbook
        raise UserError(f"เปิดไฟล์ {Path(path).name} ไม่ได้ ไฟล์ต้องเป็น Excel (.xlsx)") from None
    try:
        criteria = _read_workbook(wb, progress)
    finally:
        wb.close()
    problems = validate_criteria(criteria)
    if problems:
        raise UserError("เกณฑ์การประเมินในไฟล์ไม่ถูกต้อง: " + "; ".join(problems))
    return criteria


def _read_workbook(wb, progress: progress_of.Progress | None = None) -> Criteria:
    general = _read_general(_sheet(wb, SHEET_GENERAL))
    sheets = [_sheet(wb, title) for title in (SHEET_TOOLS, SHEET_INDICATORS, SHEET_SUBS, SHEET_ITEMS)]
    rows = progress_of.Counter(progress or (lambda fraction: None), sum(_row_count(ws) for ws in sheets))
    rows.report(0.0)
    tools, indicators, subs, items = sheets
    return Criteria(
        year=general["year"],
        tools=_read_tools(_Table(tools, TOOL_HEADERS, rows)),
        indicators=tuple(_read_indicators(_Table(indicators, INDICATOR_HEADERS, rows))),
        sub_indicators=tuple(_read_subs(_Table(subs, SUB_HEADERS, rows))),
        items=tuple(_read_items(_Table(items, ITEM_HEADERS, rows))),
        pass_line=general["pass_line"],
        note=general["note"],
        level_rules=general["rules"],
    )


def _sheet(wb, title: str):
    if title not in wb.sheetnames:
        raise UserError(f"ไม่พบแผ่นงาน '{title}' ในไฟล์ (ต้องมีแผ่นงาน: {', '.join(_ALL_SHEETS)})")
    return wb[title]


_ALL_SHEETS = (SHEET_GENERAL, SHEET_TOOLS, SHEET_INDICATORS, SHEET_SUBS, SHEET_ITEMS)


def _row_count(ws) -> int:
    """Rows below the header as the sheet's dimensions say (a file without them: 1)."""
    try:
        return max((ws.max_row or 1) - 1, 1)
    except (TypeError, ValueError):
        return 1


class _Table:
    """A sheet with a header row; yields ``(row_number, cells)`` with cells keyed by header."""

    def __init__(self, ws, headers: tuple[str, ...], counter: progress_of.Counter | None = None):
        self.counter = counter
        self.title = ws.title
        rows = ws.iter_rows(values_only=True)
        found = [_text(h) for h in next(rows, ())]
        self.columns = {}
        for header in headers:
            if header not in found:
                raise UserError(f"แผ่นงาน '{self.title}' แถว 1: ไม่พบหัวคอลัมน์ '{header}'")
            self.columns[header] = found.index(header)
        self._rows = rows

    def __iter__(self) -> Iterator[tuple[int, dict]]:
        for number, values in enumerate(self._rows, start=2):
            if self.counter is not None:
                self.counter.step()
            cells = {h: (values[i] if i < len(values) else None) for h, i in self.columns.items()}
            if all(_text(v) == "" for v in cells.values()):
                continue  # blank rows are allowed anywhere
            yield number, cells

    def where(self, row: int, header: str) -> str:
        letter = get_column_letter(self.columns[header] + 1)
        return f"แผ่นงาน '{self.title}' แถว {row} คอลัมน์ {letter} ({header})"


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _number(value, where: str, integer: bool = False) -> float | int:
    text = to_arabic_digits(_text(value))
    try:
        number = float(text)
    except ValueError:
        raise UserError(f"{where}: '{_text(value)}' ไม่ใช่ตัวเลข") from None
    if integer:
        if number != int(number):
            raise UserError(f"{where}: '{_text(value)}' ต้องเป็นจำนวนเต็ม")
        return int(number)
    return number


def _required(value, where: str) -> str:
    text = _text(value)
    if not text:
        raise UserError(f"{where}: ว่างอยู่ ต้องกรอก")
    return text


def _read_general(ws) -> dict:
    values = {_text(row[0]): (row[1] if len(row) > 1 else None)
              for row in ws.iter_rows(values_only=True) if row and _text(row[0])}
    rows = {_text(row[0]): n for n, row in enumerate(ws.iter_rows(values_only=True), start=1) if row}

    def field(label: str, integer: bool = False):
        if label not in values:
            raise UserError(f"แผ่นงาน '{SHEET_GENERAL}': ไม่พบแถว '{label}' ในคอลัมน์ A")
        return _number(values[label], f"แผ่นงาน '{SHEET_GENERAL}' แถว {rows[label]} คอลัมน์ B ({label})", integer)

    try:
        rules = LevelRules(field(EXCELLENT), field(GOOD), field(IMPROVE))
    except ValueError:
        raise UserError(f"แผ่นงาน '{SHEET_GENERAL}': คะแนนขั้นต่ำของระดับต้องเรียงจากมากไปน้อยและอยู่ระหว่าง 0 ถึง 100") from None
    return dict(year=field(YEAR, integer=True), pass_line=field(PASS_LINE),
                note=_text(values.get(NOTE)), rules=rules)


def _read_tools(table: _Table) -> tuple[Tool, ...]:
    tools: dict[str, Tool] = {}
    parts: dict[str, list[ToolPart]] = {}
    for row, cells in table:
        code = _required(cells["รหัส"], table.where(row, "รหัส")).upper()
        name = _required(cells["ชื่อ"], table.where(row, "ชื่อ"))
        weight = _number(cells["น้ำหนัก (ร้อยละ)"], table.where(row, "น้ำหนัก (ร้อยละ)"))
        parent = _text(cells["เป็นส่วนของ"]).upper()
        if parent:
            if parent not in tools:
                raise UserError(f"{table.where(row, 'เป็นส่วนของ')}: ไม่มีเครื่องมือ '{parent}' ในแถวก่อนหน้า")
            parts.setdefault(parent, []).append(ToolPart(code, name, weight))
        else:
            tools[code] = Tool(code, name, weight)
    return tuple(Tool(t.code, t.name, t.weight, tuple(parts.get(t.code, ()))) for t in tools.values())


def _read_indicators(table: _Table) -> Iterator[Indicator]:
    for row, cells in table:
        number = _number(cells["ตัวชี้วัดที่"], table.where(row, "ตัวชี้วัดที่"), integer=True)
        tool = _required(cells["เครื่องมือ"], table.where(row, "เครื่องมือ")).upper()
        name = _required(cells["ชื่อตัวชี้วัด"], table.where(row, "ชื่อตัวชี้วัด"))
        aliases = tuple(a.strip() for a in _text(cells["ชื่ออื่น"]).splitlines() if a.strip())
        yield Indicator(number, name, tool, aliases)


def _read_subs(table: _Table) -> Iterator[SubIndicator]:
    for row, cells in table:
        code = to_arabic_digits(_required(cells["รหัส"], table.where(row, "รหัส")))
        name = _required(cells["ชื่อ"], table.where(row, "ชื่อ"))
        yield SubIndicator(code, name, _number(cells["ตัวชี้วัดที่"], table.where(row, "ตัวชี้วัดที่"), integer=True))


def _read_items(table: _Table) -> Iterator[Item]:
    for row, cells in table:
        raw = _required(cells["รหัส"], table.where(row, "รหัส"))
        code = normalize_item_code(raw)
        if code is None:
            raise UserError(f"{table.where(row, 'รหัส')}: '{raw}' ไม่ใช่รหัสข้อคำถาม (เช่น i1, e6, o10)")
        indicator = _number(cells["ตัวชี้วัดที่"], table.where(row, "ตัวชี้วัดที่"), integer=True)
        sub = to_arabic_digits(_text(cells["ตัวชี้วัดย่อย"])) or None
        known = _yes_no(cells["ทราบข้อความ"], table.where(row, "ทราบข้อความ"))
        yield Item(code, _text(cells["ข้อคำถาม"]), indicator, sub, known, _text(cells["หัวข้อ"]))


def _yes_no(value, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value)
    if text in ("", YES):
        return True
    if text == NO:
        return False
    raise UserError(f"{where}: ต้องเป็น '{YES}' หรือ '{NO}' ไม่ใช่ '{text}'")
