"""Reading the score tables of one sheet into located entries (not yet grouped by office)."""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass, field

from ita_desktop.core.orgnames import TitleInfo, canonical_org_name, clean_text, parse_title, parse_year
from ita_desktop.importers.catalog import CatalogIndex
from ita_desktop.importers.cells import Number, NotANumber, as_int, is_blank, parse_number, squash
from ita_desktop.importers.headers import Header, Kind, Role, classify_header
from ita_desktop.importers.problems import ProblemLog

TITLE_ROWS = _TITLE_ROWS = 25  # title blocks are short; later free text is body text, not title
_TOTAL_WORDS = ("รวม", "คะแนนรวม", "เฉลี่ย", "ค่าเฉลี่ย", "คะแนนเฉลี่ย", "ระดับ", "iit", "eit", "oit")
_SUB_INDICATOR = re.compile(r"^\d{1,2}\.\d{1,2}$")
_LABELS = {
    "หน่วยงาน": "org", "ชื่อหน่วยงาน": "org", "อปท": "org", "ชื่ออปท": "org",
    "อำเภอ": "district", "จังหวัด": "province",
    "ปีงบประมาณ": "year", "ปีงบประมาณพ.ศ": "year", "ปีงบประมาณพศ": "year", "พ.ศ": "year", "ปี": "year",
}


@dataclass(frozen=True)
class RowOffice:
    """The office named on a row of a table with one office per row."""

    org_name: str
    district: str | None = None
    province: str | None = None


@dataclass(slots=True)
class Entry:
    """One score read from a cell; ``office`` None means the sheet's own office."""

    sheet: str
    row: int
    column: int
    value: float
    indicator: int | None = None
    item: str | None = None
    text: str = ""
    office: RowOffice | None = None
    tool: str | None = None  # a tool's 0-100 score (converted from points when the sheet gives points)
    total: bool = False  # the office's total as the sheet prints it (a provincial sheet's คะแนนรวม column)


@dataclass(frozen=True)
class Rejected:
    """An indicator whose cell was refused: not reported again as missing."""

    indicator: int
    office: RowOffice | None


@dataclass
class SheetResult:
    """Everything one sheet says."""

    name: str
    title: TitleInfo = TitleInfo()
    # Where the title rows name a year: ("หัวเรื่อง" or "ช่องปีงบประมาณ", year); both are kept
    # so that a title and a year cell that disagree are refused, never guessed between.
    year_claims: tuple[tuple[str, int], ...] = ()
    entries: list[Entry] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    points_rows: int = 0  # rows whose tool columns were read as weighted points


def _strip_label(text: str | None, *prefixes: str) -> str | None:
    if not text:
        return None
    for prefix in prefixes:
        if text.startswith(prefix):
            text = text[len(prefix):].strip()
    return text or None


def read_title(rows: list[tuple[int, tuple]]) -> TitleInfo:
    """Office, district, province and year from labelled cells, else from the free title text."""
    return read_title_claims(rows)[0]


TITLE_CLAIM = "หัวเรื่อง"
CELL_CLAIM = "ช่องปีงบประมาณ"


def read_title_claims(rows: list[tuple[int, tuple]]) -> tuple[TitleInfo, tuple[tuple[str, int], ...]]:
    """:func:`read_title` and the years the free title text and a labelled year cell name."""
    labelled: dict[str, object] = {}
    texts: list[str] = []
    for _, cells in rows:
        values = [v for v in cells if v is not None]
        texts.extend(str(v) for v in values)
        for label, value in zip(values, values[1:]):
            field_name = _LABELS.get(squash(str(label)).rstrip(":.")) if isinstance(label, str) else None
            if field_name and field_name not in labelled:
                labelled[field_name] = value
    free = parse_title(texts)
    org = labelled.get("org")
    year = labelled.get("year")
    cell_year = parse_year(str(year)) if year is not None else None
    claims = tuple((where, y) for where, y in ((TITLE_CLAIM, free.year), (CELL_CLAIM, cell_year)) if y)
    return TitleInfo(
        year=cell_year or free.year,
        org_name=canonical_org_name(str(org)) if org is not None else free.org_name,
        district=_strip_label(clean_text(str(labelled["district"])), "อำเภอ", "อ.")
        if "district" in labelled else free.district,
        province=_strip_label(clean_text(str(labelled["province"])), "จังหวัด", "จ.")
        if "province" in labelled else free.province,
    ), claims


class SheetScanner:
    """Walks the rows of one sheet; header rows switch between table kinds."""

    def __init__(self, name: str, catalog: CatalogIndex, log: ProblemLog):
        self.name = name
        self.catalog = catalog
        self.log = log
        self.result = SheetResult(name)
        self.table: Header | None = None
        self.kind: Kind | None = None
        self.cols: dict[Role, list[int]] = {}
        self.score_col: int | None = None
        self.wide: list[tuple[int, int]] = []  # (column, indicator) of a wide table
        self.tools: list[tuple[int, tuple[str, float | None]]] = []  # (column, (tool, header weight))
        self.total_col: int | None = None
        self.pending: Header | None = None  # a header-like row without a kind: maybe row 1 of 2
        self.context: int | None = None  # indicator the rows below belong to (section titles)
        self.fill: dict[int, object] = {}  # last value of merged (vertically) cells
        self.title_rows: list[tuple[int, tuple]] = []
        self.seen_table = False

    def scan(self, rows) -> SheetResult:
        """Consume ``(row number, cells)`` pairs; return what the sheet says."""
        for row, cells in rows:
            self._row(row, cells)
        self.result.title, self.result.year_claims = read_title_claims(self.title_rows)
        return self.result

    def _row(self, row: int, cells: tuple) -> None:
        header = classify_header(row, cells, self.catalog)
        if header is not None:
            self._header(header)
            return
        self.pending = None
        if not self.seen_table and row <= _TITLE_ROWS:
            self.title_rows.append((row, cells))
        if cells.count(None) == len(cells):
            return
        if self.table is None:
            self._section(cells)
            return
        if sum(v is not None for v in cells) == 1:
            self._section(cells)  # a merged section title such as "IIT ตัวชี้วัดที่ ๒ ..."
        kind = self.kind
        if kind is Kind.ITEMS:
            self._item_row(row, cells)
        elif kind is Kind.INDICATORS:
            self._indicator_row(row, cells)
        else:
            self._wide_row(row, cells)

    def _header(self, header: Header) -> None:
        if self.pending is not None:
            # Two-row header: merged cells leave the upper row's words (e.g. the office
            # column) only in the row above.
            header = header.merged_under(self.pending)
        elif self.table is not None and self.table.row == header.row - 1 and self.table.tools:
            # "IIT | EIT | OIT" over indicator columns reads as a table of tools on its own.
            header = header.merged_under(self.table)
        if header.kind is None:
            self.table, self.pending = None, header
            return
        self.table, self.pending, self.seen_table, self.fill = header, None, True, {}
        # Looked up on every row of the table: computed once here.
        self.kind = header.kind
        self.cols = {role: header.columns(role) for role in Role}
        self.score_col = header.score_column()
        self.wide = sorted(header.wide.items())
        self.tools = sorted(header.tools.items())
        self.total_col = next(iter(self.cols[Role.TOTAL]), None)

    def _section(self, cells: tuple) -> None:
        for value in cells:
            if isinstance(value, str):
                number = self.catalog.indicator_number_in_text(value)
                if number is not None:
                    self.context = number
                    return

    # --- helpers -------------------------------------------------------------------------

    def _cell(self, cells: tuple, col: int | None) -> object:
        return cells[col - 1] if col is not None and col <= len(cells) else None

    def _filled(self, cells: tuple, col: int | None) -> object:
        """The cell, or the last value above it in the same table (vertically merged cells)."""
        value = self._cell(cells, col)
        if col is None:
            return None
        if value is None:
            return self.fill.get(col)
        self.fill[col] = value
        return value

    def _score(self, row: int, col: int, raw: object, indicator: int | None = None,
               item: str | None = None) -> float | None:
        """The score in a cell, or None (blank, or a problem recorded for the cell)."""
        if raw.__class__ is float and 0.0 <= raw <= 100.0:
            return raw  # the common case of a wide sheet, without the general parser
        parsed = parse_number(raw)
        if parsed is None:
            return None
        what = f"ตัวชี้วัดที่ {indicator}" if item is None else f"ข้อ {item}"
        if isinstance(parsed, NotANumber):
            self.log.add(f"{what}: '{parsed.shown}' ไม่ใช่ตัวเลข", self.name, row, col)
            return None
        if not 0.0 <= parsed.value <= 100.0:
            self.log.add(f"{what}: คะแนน {_fmt(parsed.value)} ต้องอยู่ระหว่าง 0 ถึง 100", self.name, row, col)
            return None
        return parsed.value

    def _row_office(self, cells: tuple, fill_down: bool) -> RowOffice | None:
        get = self._filled if fill_down else self._cell
        org_col = next(iter(self.cols[Role.ORG]), None)
        if org_col is None:
            return None
        org = get(cells, org_col)
        if org is None or not isinstance(org, str) or _is_total(org):
            return None
        district = get(cells, next(iter(self.cols[Role.DISTRICT]), None))
        province = get(cells, next(iter(self.cols[Role.PROVINCE]), None))
        return RowOffice(
            canonical_org_name(org),
            _place(str(district), "อำเภอ", "อ.") if district is not None else None,
            _place(str(province), "จังหวัด", "จ.") if province is not None else None,
        )

    def _add(self, entry: Entry) -> None:
        self.result.entries.append(entry)

    # --- table rows ----------------------------------------------------------------------

    def _item_row(self, row: int, cells: tuple) -> None:
        for col in self.cols[Role.IND_NUMBER] + self.cols[Role.IND_GENERIC]:
            number = as_int(self._filled(cells, col))
            if number in self.catalog.numbers:
                self.context = number
        code_col = next(iter(self.cols[Role.ITEM_CODE]), None)
        text_col = next(iter(self.cols[Role.ITEM]), None)
        code_raw, text_raw = self._cell(cells, code_col), self._cell(cells, text_col)
        label = " ".join(str(v) for v in (code_raw, text_raw) if v is not None).strip()
        score_col = self.score_col
        raw_score = self._cell(cells, score_col)
        split = self.catalog.split_item(label, self.context) if label else None
        if split is None:
            if is_blank(raw_score):
                self._section(cells)
                return
            self.log.add("ไม่พบรหัสข้อคำถาม (เช่น i19, e6, o10) ที่ต้นข้อความ", self.name, row, code_col or text_col)
            return
        code, text, guessed = split
        self._item_entry(row, cells, code, text, guessed, score_col, raw_score, code_col or text_col)

    def _item_entry(self, row, cells, code, text, guessed, score_col, raw_score, code_col) -> None:
        item = self.catalog.item(code)
        if item is None:
            if not is_blank(raw_score):
                self.log.add(f"ไม่มีข้อคำถามรหัส {code} ในเกณฑ์ปี {self.catalog.criteria.year}",
                             self.name, row, code_col)
            return
        score = self._score(row, score_col, raw_score, item=code)
        if score is None:
            return
        if guessed:
            self.log.warn(f"รหัสข้อคำถามเขียนไม่ชัด อ่านเป็น {code}", self.name, row)
        elif self.context is not None and item.indicator != self.context:
            self.log.warn(f"ข้อ {code} อยู่ในตัวชี้วัดที่ {item.indicator} ไม่ใช่ตัวชี้วัดที่ {self.context}",
                          self.name, row)
        office = self._row_office(cells, fill_down=True)
        self._add(Entry(self.name, row, score_col, score, item=code, text=text, office=office))

    def _indicator_row(self, row: int, cells: tuple) -> None:
        score_col = self.score_col
        raw_score = self._cell(cells, score_col)
        written, named, label = self._indicator_identity(cells)
        if written is None and named is None:
            if not is_blank(raw_score) and label is not None and not _is_total(label):
                self.log.add(f"ไม่รู้จักตัวชี้วัด '{label[:40]}' ในเกณฑ์ปี {self.catalog.criteria.year}",
                             self.name, row, score_col)
            return
        number = self._indicator_number(row, written, named, score_col, raw_score)
        if number is None:
            return
        score = self._score(row, score_col, raw_score, indicator=number)
        office = self._row_office(cells, fill_down=True)
        if score is None:
            self.result.rejected.append(Rejected(number, office))
        else:
            self._add(Entry(self.name, row, score_col, score, indicator=number, office=office))

    def _indicator_identity(self, cells: tuple) -> tuple[int | None, int | None, str | None]:
        """(number written, number meant by the name, label) of an indicator row."""
        written = named = label = None
        for col in self.cols[Role.IND_NUMBER] + self.cols[Role.IND_GENERIC] + self.cols[Role.IND_NAME]:
            value = self._cell(cells, col)
            if value is None:
                continue
            number = as_int(value)
            if number is not None:
                written = written if written is not None else number
                continue
            text = str(value)
            if _SUB_INDICATOR.match(squash(text)):
                return None, None, None  # OIT sub-indicator rows: derived, not stored
            w, n = self.catalog.indicator_from_label(text)
            written = written if written is not None else w
            named = named if named is not None else n
            label = label or text
        return written, named, label

    def _indicator_number(self, row, written, named, score_col, raw_score) -> int | None:
        if is_blank(raw_score):
            return None
        if written is not None and named is not None and written != named:
            self.log.add(f"หมายเลขตัวชี้วัด {written} ไม่ตรงกับชื่อตัวชี้วัด (ชื่อเป็นของตัวชี้วัดที่ {named})",
                         self.name, row, score_col)
            return None
        number = written if written is not None else named
        if number not in self.catalog.numbers:
            self.log.add(f"ไม่มีตัวชี้วัดที่ {number} ในเกณฑ์ปี {self.catalog.criteria.year}",
                         self.name, row, score_col)
            return None
        return number

    def _wide_row(self, row: int, cells: tuple) -> None:
        width = len(cells)
        scores = [(col, cells[col - 1] if col <= width else None, number) for col, number in self.wide]
        tools = [(col, cells[col - 1] if col <= width else None, tool) for col, tool in self.tools]
        if all(raw is None or is_blank(raw) for _, raw, _ in scores) and all(is_blank(raw) for _, raw, _ in tools):
            return
        office = self._row_office(cells, fill_down=False)
        org_col = next(iter(self.cols[Role.ORG]), None)
        if office is None and org_col is not None:
            org = self._cell(cells, org_col)
            if org is None:
                self.log.add("ไม่มีชื่อหน่วยงานในแถวที่มีคะแนน", self.name, row, org_col)
            return  # a total or average row
        add, name = self.result.entries.append, self.name
        for col, raw, number in scores:
            if raw.__class__ is float and 0.0 <= raw <= 100.0:  # the common case, without the general checks
                add(Entry(name, row, col, raw, number, None, "", office))
                continue
            score = self._score(row, col, raw, indicator=number)
            if score is not None:
                add(Entry(name, row, col, score, indicator=number, office=office))
            elif not is_blank(raw):
                self.result.rejected.append(Rejected(number, office))
        if tools:
            self._tool_cells(row, cells, tools, office)
        if self.total_col is not None and office is not None:
            self._total_cell(row, cells, office)

    def _total_cell(self, row: int, cells: tuple, office: RowOffice) -> None:
        """The office's printed total (คะแนนรวม), kept as its official total."""
        raw = self._cell(cells, self.total_col)
        parsed = parse_number(raw)
        if parsed is None:
            return
        if isinstance(parsed, NotANumber):
            self.log.add(f"คะแนนรวม: '{parsed.shown}' ไม่ใช่ตัวเลข", self.name, row, self.total_col)
        elif not 0.0 <= parsed.value <= 100.0:
            self.log.add(f"คะแนนรวม: คะแนน {_fmt(parsed.value)} ต้องอยู่ระหว่าง 0 ถึง 100", self.name, row,
                         self.total_col)
        else:
            self._add(Entry(self.name, row, self.total_col, parsed.value, office=office, total=True))

    def _tool_cells(self, row: int, cells: tuple, tools: list, office: RowOffice | None) -> None:
        """Tool columns: points when the header gives a weight or the tools add up to the total."""
        values = []
        for col, raw, (code, header_weight) in tools:
            parsed = parse_number(raw)
            if parsed is None:
                continue
            if isinstance(parsed, NotANumber):
                self.log.add(f"{code}: '{parsed.shown}' ไม่ใช่ตัวเลข", self.name, row, col)
                continue
            weight = header_weight or self.catalog.tool_weight(code)
            values.append((col, code, parsed.value, header_weight, weight))
        total = parse_number(self._cell(cells, self.total_col)) if self.total_col else None
        adds_up = (isinstance(total, Number) and len(values) == 3 and len({v[1] for v in values}) == 3
                   and abs(sum(v[2] for v in values) - total.value) <= 0.05)
        points = adds_up or any(v[3] is not None for v in values)
        if points and values:
            self.result.points_rows += 1
        for col, code, value, header_weight, weight in values:
            if points and (header_weight is not None or adds_up):
                if not weight or not 0.0 <= value <= weight + 0.005:
                    self.log.add(f"{code}: คะแนน {_fmt(value)} เกินคะแนนเต็ม {_fmt(weight or 0)} ของเครื่องมือ",
                                 self.name, row, col)
                    continue
                value = min(100.0, value / weight * 100.0)
            elif not 0.0 <= value <= 100.0:
                self.log.add(f"{code}: คะแนน {_fmt(value)} ต้องอยู่ระหว่าง 0 ถึง 100", self.name, row, col)
                continue
            self._add(Entry(self.name, row, col, value, office=office, tool=code))


@functools.lru_cache(maxsize=4096)  # a national sheet names a few hundred districts 7,850 times
def _place(text: str, *prefixes: str) -> str | None:
    return _strip_label(text, *prefixes)


@functools.lru_cache(maxsize=1 << 16)
def _is_total(text: str) -> bool:
    key = squash(text).lower()
    return key.startswith(_TOTAL_WORDS)


def _fmt(value: float) -> str:
    return f"{value:g}"
