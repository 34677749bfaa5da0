"""The entry point: read a score workbook, check it against the year's criteria.

Nothing is returned from a file with any problem; every problem found is reported at once
in one :class:`ImportProblem`.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol, Union

import openpyxl
from defusedxml import DefusedXmlException

from ita_desktop.core.criteria import Criteria
from ita_desktop.importers.assemble import CallerInfo, build_office, group_offices, resolve_year
from ita_desktop.importers.catalog import CatalogIndex
from ita_desktop.importers.fastsheet import iter_values, sheet_rows
from ita_desktop.importers.cells import normalize_value
from ita_desktop.importers.model import ParsedWorkbook
from ita_desktop.importers.problems import ImportProblem, ProblemLog
from ita_desktop.importers.safety import DEFAULT_LIMITS, MSG_TRUNCATED, Limits, UnsafeFile, check_file_bytes
from ita_desktop.importers.scanner import TITLE_ROWS as _TITLE_ROWS, SheetResult, SheetScanner


MSG_UNSAFE_XML = "ไฟล์มีโครงสร้างข้อมูลที่ไม่ปลอดภัย (XML entity) จึงไม่เปิด"


class _TooBig(Exception):
    def __init__(self, message_th: str, sheet: str):
        super().__init__(message_th)
        self.message_th, self.sheet = message_th, sheet


CriteriaSource = Union[Criteria, Callable[[int], Criteria]]


@dataclass(frozen=True)
class SheetCells:
    """The cells of every sheet of one file, read in advance (:mod:`ita_desktop.cli.read_ahead`).

    ``sheets`` holds, in the workbook's order, each sheet's (title, columns read, rows as
    :func:`sheet_rows` gives them), or None for a sheet left to the reader; ``sha256`` names the
    bytes they were read from, ``limits`` the limits they were read within.
    """

    sha256: str
    limits: Limits
    sheets: tuple[tuple[str, int, list] | None, ...]

    def rows(self, index: int, ws, width: int) -> list | None:
        """The rows of the ``index``-th sheet, when read for the same title and width."""
        found = self.sheets[index] if index < len(self.sheets) else None
        return found[2] if found is not None and found[0] == ws.title and found[1] == width else None


class CellsAhead(Protocol):
    def cells(self) -> SheetCells | None:
        """The cells read in advance (waiting for them), or None when they could not be read."""


def read_cells(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> SheetCells:
    """The cells of every sheet of a file, after the same safety checks as
    :func:`read_score_workbook`; ImportProblem when the file cannot be opened safely."""
    log = ProblemLog(Path(path).name)
    data = _read_bytes(Path(path), limits, log)
    _check_safe(data, limits, log)
    workbook = _open_workbook(data, log)
    try:
        sheets = []
        for ws in _worksheets(workbook, limits):
            width = _column_bound(ws, limits)
            sheets.append((ws.title, width, sheet_rows(ws, limits.max_rows + 1, width))
                          if (ws.max_row or 0) <= limits.max_rows else None)
    finally:
        workbook.close()
    return SheetCells(hashlib.sha256(data).hexdigest(), limits, tuple(sheets))


def read_score_workbook(
    path: str | os.PathLike,
    criteria: CriteriaSource,
    *,
    org_name: str | None = None,
    year: int | None = None,
    district: str | None = None,
    province: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    ahead: CellsAhead | None = None,
) -> ParsedWorkbook:
    """Read the scores in an .xlsx file and check them against ``criteria`` (the year's catalog).

    ``criteria`` may also be a function of the fiscal year: the file's title rows are then read
    first (the workbook is opened once) and the catalog of the year they name is asked for.

    ``org_name``/``year``/``district``/``province`` are what the user chose when importing: they
    fill in what the title rows lack and override what they say. ``org_name`` applies to the
    tables that name no office on their rows; rows of a provincial sheet keep their own office.
    Raises :class:`ImportProblem` (and nothing else) listing every problem when the file
    cannot be taken as it is. ``ahead`` may hold the file's cells read in another process; they
    are used when they were read from the same bytes.
    """
    log = ProblemLog(Path(path).name)
    data = _read_bytes(Path(path), limits, log)
    return read_score_bytes(data, criteria, name=str(path), log=log,
                            caller=CallerInfo(org_name, year, district, province), limits=limits, ahead=ahead)


def read_score_bytes(
    data: bytes,
    criteria: CriteriaSource,
    *,
    name: str,
    caller: CallerInfo = CallerInfo(),
    limits: Limits = DEFAULT_LIMITS,
    log: ProblemLog | None = None,
    ahead: CellsAhead | None = None,
) -> ParsedWorkbook:
    """Like :func:`read_score_workbook` for a file already in memory; ``name`` labels messages."""
    log = log or ProblemLog(Path(name).name)
    _check_safe(data, limits, log)
    sha256 = hashlib.sha256(data).hexdigest()
    workbook = _open_workbook(data, log)
    try:
        cells = ahead.cells() if ahead is not None else None
        cells = cells if cells is not None and cells.sha256 == sha256 and cells.limits == limits else None
        if callable(criteria):
            criteria = criteria(caller.year or _peek_year(workbook, limits, log, cells))
        catalog = CatalogIndex(criteria)
        sheets = _scan_workbook(workbook, catalog, limits, log, cells=cells)
    finally:
        workbook.close()
    year = resolve_year(sheets, caller, catalog, log)
    if not any(s.entries for s in sheets):
        if not log.problems:
            log.add("ไม่พบตารางคะแนน (ต้องมีหัวตาราง เช่น 'ตัวชี้วัด' และ 'คะแนน' หรือ 'ประเด็นข้อคำถาม' และ 'คะแนน')")
        log.raise_if_any()
    drafts = group_offices(sheets, caller, log)
    offices = tuple(build_office(d, year, catalog, log) for d in drafts) if year is not None else ()
    log.raise_if_any()
    points = sum(s.points_rows for s in sheets)
    notes = (f"อ่านคะแนนเครื่องมือ (IIT/EIT/OIT) เป็นคะแนนถ่วงน้ำหนัก (เช่น IIT เต็ม 30) "
             f"และแปลงเป็นคะแนน 0-100 ของแต่ละเครื่องมือแล้ว ({points} แถว)",) if points else ()
    return ParsedWorkbook(name, sha256, offices, tuple(log.warnings), notes)


def detect_year(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> int | None:
    """The fiscal year named in the file's title rows, or None, so that the caller can pick
    that year's criteria before :func:`read_score_workbook`. Raises :class:`ImportProblem` for
    a file that cannot be opened safely; problems with the scores are not looked at here.
    """
    log = ProblemLog(Path(path).name)
    data = _read_bytes(Path(path), limits, log)
    _check_safe(data, limits, log)
    workbook = _open_workbook(data, log)
    try:
        sheets = _scan_workbook(workbook, _NO_CRITERIA, limits, ProblemLog(log.file), _TITLE_ROWS)
    finally:
        workbook.close()
    return next((s.title.year for s in sheets if s.title.year is not None), None)


_NO_CRITERIA = CatalogIndex(Criteria(year=0, tools=(), indicators=()))


def _peek_year(workbook, limits: Limits, log: ProblemLog, cells: SheetCells | None = None) -> int:
    """The year the title rows, year cells and file name agree on; ImportProblem otherwise."""
    sheets = _scan_workbook(workbook, _NO_CRITERIA, limits, ProblemLog(log.file), _TITLE_ROWS, cells)
    year = resolve_year(sheets, CallerInfo(), None, log)
    log.raise_if_any()
    return year


def _check_safe(data: bytes, limits: Limits, log: ProblemLog) -> None:
    if not openpyxl.DEFUSEDXML:
        # Without defusedxml openpyxl would expand XML entity bombs; refuse rather than risk it.
        raise log.fail("ระบบไม่พร้อมอ่านไฟล์ Excel อย่างปลอดภัย (ไม่พบ defusedxml) กรุณาติดตั้งโปรแกรมใหม่")
    try:
        check_file_bytes(data, limits)
    except UnsafeFile as exc:
        raise log.fail(exc.message_th) from None


def _read_bytes(path: Path, limits: Limits, log: ProblemLog) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise log.fail(f"ไฟล์ใหญ่เกินไป ({size // (1024 * 1024)} MB) รับได้ไม่เกิน "
                           f"{limits.max_file_bytes // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as exc:
        raise log.fail(f"เปิดไฟล์ไม่ได้ ({exc.strerror or exc})") from None


def _open_workbook(data: bytes, log: ProblemLog):
    # openpyxl raises many exception types on damaged parts (KeyError, ValueError, zlib,
    # XML parse errors, defusedxml refusals...); all mean "this file is broken", and the
    # contract of this package is to raise ImportProblem only.
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - see above
        raise log.fail(_broken_message(exc)) from None


def _scan_workbook(workbook, catalog: CatalogIndex, limits: Limits, log: ProblemLog,
                   max_rows: int | None = None, cells: SheetCells | None = None) -> list[SheetResult]:
    """Scan every sheet (only its first ``max_rows`` rows when given)."""
    try:
        return _scan_sheets(workbook, catalog, limits, log, max_rows, cells)
    except _TooBig as exc:
        raise log.fail(exc.message_th, exc.sheet) from None
    except ImportProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML surfaces only while iterating
        raise log.fail(_broken_message(exc)) from None


def _broken_message(exc: BaseException) -> str:
    """Why openpyxl failed, in Thai: an XML bomb refused by defusedxml, or plain damage."""
    seen = 0
    while exc is not None and seen < 10:  # openpyxl re-raises parse errors as ValueError
        if isinstance(exc, DefusedXmlException):
            return MSG_UNSAFE_XML
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return MSG_TRUNCATED


def _worksheets(workbook, limits: Limits) -> list:
    sheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
    if len(sheets) > limits.max_sheets:
        raise _TooBig(f"ไฟล์มีแผ่นงานมากเกินไป ({len(sheets)} แผ่น)", None)
    return sheets


def _scan_sheets(workbook, catalog: CatalogIndex, limits: Limits, log: ProblemLog,
                 max_rows: int | None, cells: SheetCells | None) -> list[SheetResult]:
    budget, scanned = [limits.max_cells], []
    for k, ws in enumerate(_worksheets(workbook, limits)):
        ahead = cells.rows(k, ws, _column_bound(ws, limits)) if cells is not None else None
        scanned.append(SheetScanner(ws.title, catalog, log).scan(_rows(ws, limits, budget, max_rows, ahead)))
    return scanned


def _column_bound(ws, limits: Limits) -> int:
    """How many columns to read: the sheet's declared width, capped by the limit.

    openpyxl's read-only mode trusts the declared width the same way. Rows are padded to
    this width, so reading 64 columns of a 14-column sheet would cost a third of the time.
    A sheet that declares less than it holds loses columns, which then shows as missing
    scores (a reported problem), never as wrong ones. Widths under 2 are not trusted:
    some writers declare "A1" for every sheet.
    """
    declared = ws.max_column if isinstance(ws.max_column, int) else 0
    return min(declared, limits.max_columns) if declared >= 2 else limits.max_columns


def _rows(ws, limits: Limits, budget: list[int], max_rows: int | None = None, ahead: list | None = None):
    """(row number, normalised cells) of one sheet, within the row, column and cell limits."""
    if (ws.max_row or 0) > limits.max_rows:
        raise _TooBig(f"แผ่นงานมีจำนวนแถวมากเกินไป ({ws.max_row} แถว รับได้ไม่เกิน {limits.max_rows})", ws.title)
    # Explicit bounds: openpyxl pads rows to the declared dimension, which a file can inflate.
    last = limits.max_rows + 1 if max_rows is None else min(max_rows, limits.max_rows)
    # What ws.iter_rows(values_only=True) gives, faster; or the same read in advance (``ahead``).
    rows = iter_values(ws, last, _column_bound(ws, limits), ahead)
    for number, cells in enumerate(rows, 1):
        if number > limits.max_rows:
            if any(v is not None for v in cells):
                raise _TooBig(f"แผ่นงานมีจำนวนแถวมากเกินไป (รับได้ไม่เกิน {limits.max_rows} แถว)", ws.title)
            return
        filled = len(cells) - cells.count(None)
        if not filled:
            yield number, cells
            continue
        # Skip the call for the many non-string cells of padded rows.
        values = tuple([normalize_value(v) if v.__class__ is str else v for v in cells])
        budget[0] -= filled
        if budget[0] < 0:
            raise _TooBig(f"ไฟล์มีจำนวนเซลล์มากเกินไป (รับได้ไม่เกิน {limits.max_cells} เซลล์)", ws.title)
        yield number, values
