"""Grouping located entries into offices, and the checks that need the whole file."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pathlib import Path

from ita_desktop.core.digits import to_arabic_digits
from ita_desktop.core.orgnames import TitleInfo, canonical_org_name, org_key
from ita_desktop.importers.catalog import CatalogIndex
from ita_desktop.importers.model import ParsedOffice
from ita_desktop.importers.problems import ProblemLog
from ita_desktop.importers.scanner import Entry, SheetResult


@dataclass(frozen=True)
class CallerInfo:
    """What the user chose in the import dialog; it fills in or overrides the file's titles."""

    org_name: str | None = None
    year: int | None = None
    district: str | None = None
    province: str | None = None


@dataclass
class _OfficeDraft:
    org_name: str
    district: str | None
    province: str | None
    entries: list[Entry] = field(default_factory=list)
    rejected: set[int] = field(default_factory=set)  # indicators already reported as bad


_FILE_YEAR = re.compile(r"(?<![0-9])(25[6-9][0-9])(?![0-9])")


def file_name_year(name: str) -> int | None:
    """A Buddhist-era year written in a file name ("ITA_2568_ชัยภูมิ.xlsx"), or None."""
    m = _FILE_YEAR.search(to_arabic_digits(Path(name).stem))
    return int(m.group(1)) if m else None


def year_claims(sheets: list[SheetResult], file_name: str) -> list[tuple[str, int]]:
    """Every place the file names a fiscal year: (where, in Thai; year)."""
    claims = []
    for sheet in sheets:
        for where, year in sheet.year_claims:
            claims.append((f"{where}ของแผ่นงาน '{sheet.name}'", year))
    year = file_name_year(file_name)
    if year is not None:
        claims.append(("ชื่อไฟล์", year))
    return claims


def resolve_year(sheets: list[SheetResult], caller: CallerInfo, catalog: CatalogIndex | None,
                 log: ProblemLog) -> int | None:
    """The fiscal year: the caller's, else the one every title, year cell and the file name agree on.

    A file that names two years is never guessed about: the problem names both, and the
    caller's year (``--year``, the import dialog) decides.
    """
    claims = year_claims(sheets, log.file)
    found = sorted({year for _, year in claims})
    if caller.year is not None:
        if found and found != [caller.year]:
            log.warn(f"ไฟล์ระบุปีงบประมาณ {', '.join(map(str, found))} แต่นำเข้าเป็นปี {caller.year} ตามที่เลือก")
        year = caller.year
    elif len(found) > 1:
        first = next(c for c in claims if c[1] == found[0])
        other = next(c for c in claims if c[1] != found[0])
        log.conflict(f"ปีงบประมาณในไฟล์ไม่ตรงกัน: {first[0]} ระบุปี {first[1]} แต่{other[0]} ระบุปี {other[1]} "
                     "กรุณาระบุปีที่ถูกต้อง (ita-cli import --year ปี หรือเลือกปีในหน้าต่างนำเข้า)", found)
        return None
    elif found:
        year = found[0]
    else:
        log.add("ไม่พบปีงบประมาณในหัวเรื่องของไฟล์ กรุณาระบุปีงบประมาณ (เช่น ปีงบประมาณ พ.ศ. 2566) หรือเลือกปีเมื่อนำเข้า")
        return None
    if catalog is not None and year != catalog.criteria.year:
        log.add(f"ปีงบประมาณ {year} ไม่ตรงกับเกณฑ์การประเมินที่ใช้ตรวจ (ปี {catalog.criteria.year})")
        return None
    return year


def _sheet_title(sheet: SheetResult, caller: CallerInfo, fallback: TitleInfo) -> TitleInfo:
    """The office a sheet's own tables belong to: caller first, then the sheet, then the file."""
    t = sheet.title
    return TitleInfo(
        year=None,
        org_name=caller.org_name and canonical_org_name(caller.org_name) or t.org_name or fallback.org_name,
        district=caller.district or t.district or fallback.district,
        province=caller.province or t.province or fallback.province,
    )


def group_offices(sheets: list[SheetResult], caller: CallerInfo, log: ProblemLog) -> list[_OfficeDraft]:
    """Entries grouped per office (spellings of one office merged by :func:`org_key`)."""
    fallback = next((s.title for s in sheets if s.title.org_name), TitleInfo())
    fallback_province = next((s.title.province for s in sheets if s.title.province), None)
    drafts: dict[str, _OfficeDraft] = {}
    key_of = functools.lru_cache(maxsize=None)(org_key)  # thousands of entries, few offices
    for sheet in sheets:
        own = _sheet_title(sheet, caller, fallback)
        last_office, last_draft = None, None
        for entry in sheet.entries:
            office = entry.office
            if office is not None and office is last_office:  # the other cells of the same row
                last_draft.entries.append(entry)
                continue
            if office is None and own.org_name is None:
                log.add("ไม่พบชื่อหน่วยงาน กรุณาใส่ชื่อหน่วยงานในหัวเรื่อง (เช่น องค์การบริหารส่วนตำบล...) "
                        "หรือเลือกหน่วยงานเมื่อนำเข้า", sheet.name)
                break
            if office is not None:
                name, district = office.org_name, office.district
                province = office.province or caller.province or fallback_province
            else:
                name, district, province = own.org_name, own.district, own.province or fallback_province
            draft = drafts.setdefault(key_of(name), _OfficeDraft(name, district, province))
            draft.district = draft.district or district
            draft.province = draft.province or province
            draft.entries.append(entry)
            last_office, last_draft = office, draft
        for bad in sheet.rejected:
            name = bad.office.org_name if bad.office else own.org_name
            if name and key_of(name) in drafts:
                drafts[key_of(name)].rejected.add(bad.indicator)
    return list(drafts.values())


def build_office(draft: _OfficeDraft, year: int, catalog: CatalogIndex, log: ProblemLog) -> ParsedOffice:
    """Check one office's entries (duplicates, missing indicators) and freeze them."""
    indicators: dict[int, float] = {}
    items: dict[str, float] = {}
    tools: dict[str, float] = {}
    texts: dict[str, str] = {}
    first_seen: dict[object, Entry] = {}
    sources: list[Entry] = []
    total = None
    for e in draft.entries:
        # an indicator's number, an item's code, or a tuple for a tool and the total: keys never equal
        key = (e.indicator if e.indicator is not None else ("tool", e.tool) if e.tool
               else ("total",) if e.total else e.item)
        if key in first_seen:
            _duplicate(e, first_seen[key], log)
            continue
        first_seen[key] = e
        if e.total:
            total = e.value
            continue
        if e.indicator is not None:
            indicators[e.indicator] = e.value
        elif e.tool is not None:
            tools[e.tool] = e.value
            continue
        else:
            items[e.item] = e.value
            if e.text:
                texts[e.item] = e.text
        sources.append(e)
    _check_missing(draft, indicators, catalog, log)
    return ParsedOffice(draft.org_name, draft.district, draft.province, year,
                        indicators, items, texts, tuple(sources), tool_scores=tools, official_total=total)


def _duplicate(entry: Entry, first: Entry, log: ProblemLog) -> None:
    what = (f"ตัวชี้วัดที่ {entry.indicator}" if entry.indicator is not None else entry.tool if entry.tool
            else "คะแนนรวม" if entry.total else f"ข้อ {entry.item}")
    where = f"แถว {first.row}" if first.sheet == entry.sheet else f"แผ่นงาน '{first.sheet}' แถว {first.row}"
    log.add(f"{what} ซ้ำกับที่มีแล้วใน{where}", entry.sheet, entry.row, entry.column)


def _check_missing(draft: _OfficeDraft, indicators: dict[int, float], catalog: CatalogIndex,
                   log: ProblemLog) -> None:
    if not indicators:
        return
    missing = sorted(catalog.numbers - set(indicators) - draft.rejected)
    if missing:
        first = next(e for e in draft.entries if e.indicator is not None)
        log.add(f"{draft.org_name}: ไม่มีคะแนนตัวชี้วัดที่ {', '.join(map(str, missing))} "
                f"(ต้องมีครบ {len(catalog.numbers)} ตัวชี้วัด)", first.sheet, first.row)
