"""The read side of the services: plain data from plain SQL on a ``Reader``. No SQLAlchemy.

The functions that take ``ctx`` work on the full application context (a SQLAlchemy session on
SQLite or PostgreSQL) and on the read-only context of ``ita-cli`` (stdlib sqlite3), through
``ctx.reader()``. The write side (offices.py, scores.py, criteria.py, ...) keeps the ORM and
re-exports these readers, so callers have one name for each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ita_desktop.core.criteria import Criteria, Indicator, Item, SubIndicator, Tool, ToolPart
from ita_desktop.core.levels import LevelRules
from ita_desktop.core.office_index import OfficeIndex
from ita_desktop.core.orgnames import short_org_name
from ita_desktop.core.scoring import ScoreResult, compute_scores

from .errors import UserError
from .reader import Reader


# ---------------------------------------------------------------- offices

@dataclass(frozen=True)
class SignatoryInfo:
    role: str
    name: str = ""
    position: str = ""
    extra_positions: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfficeProfile:
    """Everything the office profile dialog edits. ``id`` is None for a new office."""

    name: str
    kind: str
    district: str = ""
    province: str = ""
    website: str = ""
    phone: str = ""
    memo_unit: str = ""
    memo_number_prefix: str = ""
    garuda_path: str = ""
    divisions: tuple[str, ...] = ()
    signatories: tuple[SignatoryInfo, ...] = ()
    id: int | None = None
    version: int = 0  # of the stored row; 0 for a new office

    @property
    def short_name(self) -> str:
        return short_org_name(self.name)

    def signatory(self, role: str) -> SignatoryInfo:
        return next((x for x in self.signatories if x.role == role), SignatoryInfo(role))


_OFFICE_FIELDS = ("id", "name", "kind", "district", "province", "website", "phone", "memo_unit",
                  "memo_number_prefix", "garuda_path", "version")


def office_profiles(r: Reader, office_id: int | None = None) -> list[OfficeProfile]:
    """Every office by name, or the one with ``office_id`` (an empty list when there is none)."""
    only = "" if office_id is None else " WHERE {} = :office_id"
    params = {} if office_id is None else {"office_id": office_id}
    offices = r.rows(f"SELECT {', '.join(_OFFICE_FIELDS)} FROM office{only.format('id')} ORDER BY name", **params)
    divisions: dict[int, list[str]] = {}
    for d in r.rows(f"SELECT office_id, name FROM division{only.format('office_id')} ORDER BY sort_order, id",
                    **params):
        divisions.setdefault(d["office_id"], []).append(d["name"])
    signatories: dict[int, list[SignatoryInfo]] = {}
    for x in r.rows("SELECT office_id, role, name, position, extra_positions FROM signatory"
                    f"{only.format('office_id')} ORDER BY sort_order, id", **params):
        extra = tuple(p for p in (x["extra_positions"] or "").splitlines() if p)
        signatories.setdefault(x["office_id"], []).append(
            SignatoryInfo(x["role"], x["name"] or "", x["position"] or "", extra))
    return [
        OfficeProfile(**{k: o[k] if k in ("id", "version") else (o[k] or "") for k in _OFFICE_FIELDS},
                      divisions=tuple(divisions.get(o["id"], ())),
                      signatories=tuple(signatories.get(o["id"], ())))
        for o in offices
    ]


def find_office_id(r: Reader, name: str) -> int | None:
    """The id of the office called ``name``, written in full or abbreviated (อบต./ทต./ทม./ทน.).

    A bare place name ("ตะโกทอง") finds the one office of that name; when several kinds of
    office share it, the name is ambiguous and a Thai UserError lists them. One query and one
    pass over the names (see :class:`core.office_index.OfficeIndex`).
    """
    index = OfficeIndex((row["id"], row["name"]) for row in r.rows("SELECT id, name FROM office"))
    found = index.candidates(name)
    if len(found) > 1:
        names = ", ".join(index.names[i] for i in found)
        raise UserError(f"ชื่อ '{name}' ตรงกับหลายหน่วยงาน: {names} กรุณาระบุให้ชัดเจน")
    return found[0] if found else None


@dataclass(frozen=True)
class OfficeName:
    """What an office selector shows: id, name and place (no divisions or signatories)."""

    id: int
    name: str
    district: str = ""
    province: str = ""


def office_names(ctx) -> list[OfficeName]:
    """Every office's id, name, district and province, by name: one light query for thousands."""
    with ctx.reader() as r:
        rows = r.rows("SELECT id, name, district, province FROM office ORDER BY name")
    return [OfficeName(o["id"], o["name"], o["district"] or "", o["province"] or "") for o in rows]


def list_offices(ctx) -> list[OfficeProfile]:
    with ctx.reader() as r:
        return office_profiles(r)


def get_office(ctx, office_id: int) -> OfficeProfile:
    with ctx.reader() as r:
        found = office_profiles(r, office_id)
    if not found:
        raise UserError(f"ไม่พบหน่วยงานรหัส {office_id}")
    return found[0]


def find_office(ctx, name: str) -> OfficeProfile:
    """The office called ``name`` (see :func:`find_office_id`); a Thai UserError when there is none."""
    with ctx.reader() as r:
        office_id = find_office_id(r, name)
        found = office_profiles(r, office_id) if office_id is not None else []
    if not found:
        raise UserError(f"ไม่พบหน่วยงาน '{name}' ในฐานข้อมูล")
    return found[0]


# ---------------------------------------------------------------- criteria

def fiscal_years(r: Reader) -> list[int]:
    return [row["year"] for row in r.rows("SELECT year FROM fiscal_year ORDER BY year")]


def read_criteria(r: Reader, year: int) -> Criteria | None:
    """The stored catalog of ``year`` as a core Criteria; None when that year has none."""
    found = r.rows("SELECT year, pass_line, note, excellent_line, good_line, improve_line FROM fiscal_year "
                   "WHERE year = :year", year=year)
    if not found:
        return None
    fy = found[0]
    tool_rows = r.rows("SELECT code, name, weight, parent_code FROM criteria_tool WHERE year = :year "
                       "ORDER BY sort_order, id", year=year)
    parts: dict[str, list[ToolPart]] = {}
    for t in tool_rows:
        if t["parent_code"]:
            parts.setdefault(t["parent_code"], []).append(ToolPart(t["code"], t["name"], t["weight"]))
    tools = tuple(Tool(t["code"], t["name"], t["weight"], tuple(parts.get(t["code"], ())))
                  for t in tool_rows if not t["parent_code"])
    indicators = tuple(
        Indicator(i["number"], i["name"], i["tool"], tuple(a for a in (i["aliases"] or "").splitlines() if a))
        for i in r.rows("SELECT number, name, tool, aliases FROM criteria_indicator WHERE year = :year "
                        "ORDER BY number", year=year))
    subs = tuple(SubIndicator(x["code"], x["name"], x["indicator"])
                 for x in r.rows("SELECT code, name, indicator FROM criteria_sub_indicator WHERE year = :year "
                                 "ORDER BY code", year=year))
    items = tuple(
        Item(i["code"], i["text"] or "", i["indicator"], i["sub_indicator"], bool(i["text_known"]),
             topic=i["topic"] or "")
        for i in r.rows("SELECT code, text, indicator, sub_indicator, text_known, topic FROM criteria_item "
                        "WHERE year = :year ORDER BY sort_order, id", year=year))
    rules = LevelRules(excellent=fy["excellent_line"], good=fy["good_line"], improve=fy["improve_line"])
    return Criteria(fy["year"], tools, indicators, subs, items, fy["pass_line"], fy["note"] or "", level_rules=rules)


def list_years(ctx) -> list[int]:
    with ctx.reader() as r:
        return fiscal_years(r)


def is_soft(ctx, year: int) -> bool:
    """Whether ``year``'s catalog is not confirmed (bundled as soft, or copied from an earlier year)."""
    with ctx.reader() as r:
        found = r.rows("SELECT soft FROM fiscal_year WHERE year = :year", year=year)
    return bool(found and found[0]["soft"])


def get_criteria(ctx, year: int) -> Criteria:
    """The catalog of ``year``; a Thai UserError when that year has none."""
    with ctx.reader() as r:
        return catalog_of(r, year)


def catalog_of(r: Reader, year: int) -> Criteria:
    """:func:`get_criteria` on a reader."""
    catalog = read_criteria(r, year)
    if catalog is None:
        raise UserError(f"ไม่พบเกณฑ์การประเมินของปีงบประมาณ {year} (เพิ่มปีได้จากเมนูเกณฑ์การประเมิน)")
    return catalog


def current_fiscal_year(today: dt.date | None = None) -> int:
    """The Buddhist-era fiscal year of ``today``: it starts on 1 October (2026-11-30 is FY 2570)."""
    today = today or dt.date.today()
    return today.year + 543 + (1 if today.month >= 10 else 0)


def offered_years(ctx, today: dt.date | None = None) -> list[int]:
    """The years a year selector offers: every catalog's, and always the current fiscal year and the next."""
    current = current_fiscal_year(today)
    return sorted(set(list_years(ctx)) | {current, current + 1})


def soft_banner(ctx, year: int | None) -> str | None:
    """The Thai banner for a year whose catalog is not confirmed, or None."""
    if year is None or not is_soft(ctx, year):
        return None
    return (f"เกณฑ์การประเมินปีงบประมาณ {year} ยังไม่ยืนยัน (คัดลอกจากปีก่อนหรือเป็นข้อมูลเบื้องต้น) "
            "ข้อคำถามและน้ำหนักอาจไม่ตรงกับของจริง กรุณาตรวจและแก้ไขที่เมนู ตั้งค่า → เกณฑ์การประเมิน "
            "(นำเข้าเกณฑ์จากไฟล์ Excel ได้)")


# ---------------------------------------------------------------- scores

@dataclass(frozen=True)
class StoredScores:
    """What is stored for one office-year, keyed the way core.scoring takes it."""

    office_id: int
    office_name: str
    year: int
    indicators: dict[int, float] = field(default_factory=dict)
    items: dict[str, float] = field(default_factory=dict)
    tools: dict[str, float] = field(default_factory=dict)
    official_total: float | None = None
    official_level: str = ""
    indicator_notes: dict[int, str] = field(default_factory=dict)
    guidelines: dict[str, str] = field(default_factory=dict)
    # Row versions the screen carries back with an edit (no entry: no row stored).
    indicator_versions: dict[int, int] = field(default_factory=dict)
    item_versions: dict[str, int] = field(default_factory=dict)


def read_scores(r: Reader, office_id: int, year: int) -> StoredScores:
    office = r.rows("SELECT name FROM office WHERE id = :office_id", office_id=office_id)
    if not office:
        raise UserError(f"ไม่พบหน่วยงานรหัส {office_id}")
    name = office[0]["name"]
    found = r.rows("SELECT id, official_total, official_level FROM assessment "
                   "WHERE office_id = :office_id AND year = :year", office_id=office_id, year=year)
    if not found:
        return StoredScores(office_id, name, year)
    a = found[0]
    indicators = r.rows("SELECT c.number, s.score, s.note, s.version FROM indicator_score s "
                        "JOIN criteria_indicator c ON c.id = s.indicator_id WHERE s.assessment_id = :a", a=a["id"])
    items = r.rows("SELECT c.code, s.score, s.guideline, s.version FROM item_score s "
                   "JOIN criteria_item c ON c.id = s.item_id WHERE s.assessment_id = :a", a=a["id"])
    tools = r.rows("SELECT tool_code, score FROM tool_score WHERE assessment_id = :a", a=a["id"])
    return StoredScores(
        office_id=office_id,
        office_name=name,
        year=year,
        indicators={x["number"]: x["score"] for x in indicators},
        items={x["code"]: x["score"] for x in items},
        tools={x["tool_code"]: x["score"] for x in tools},
        official_total=a["official_total"],
        official_level=a["official_level"] or "",
        indicator_notes={x["number"]: x["note"] for x in indicators if x["note"]},
        guidelines={x["code"]: x["guideline"] for x in items if x["guideline"]},
        indicator_versions={x["number"]: x["version"] for x in indicators},
        item_versions={x["code"]: x["version"] for x in items},
    )


def load_scores(ctx, office_id: int, year: int) -> StoredScores:
    with ctx.reader() as r:
        return read_scores(r, office_id, year)


def years_with_scores(ctx, office_id: int) -> list[int]:
    with ctx.reader() as r:
        return read_years_with_scores(r, office_id)


def offices_with_scores(ctx, year: int) -> list[tuple[int, str]]:
    with ctx.reader() as r:
        rows = r.rows("SELECT o.id, o.name FROM office o JOIN assessment a ON a.office_id = o.id "
                      "WHERE a.year = :year ORDER BY o.name", year=year)
    return [(row["id"], row["name"]) for row in rows]


@dataclass(frozen=True)
class OfficeYearScores:
    """An office-year's stored figures and what core.scoring makes of them."""

    office_id: int
    office_name: str
    stored: StoredScores
    result: ScoreResult

    @property
    def level(self) -> str | None:
        """The computed level, else the level as published (e.g. only a total is known)."""
        return self.result.level or self.stored.official_level or None


def score_office_year(ctx, office_id: int, year: int) -> OfficeYearScores:
    """Compute totals, levels and pass/fail of one office-year from its stored scores."""
    with ctx.reader() as r:
        return read_office_year_scores(r, office_id, year)


def read_office_year_scores(r: Reader, office_id: int, year: int) -> OfficeYearScores:
    """:func:`score_office_year` on a reader (a screen reading several years reads them in one session)."""
    from dataclasses import replace

    from .settings import read_pass_line

    catalog = catalog_of(r, year)
    line = read_pass_line(r, office_id, year).value
    if line != catalog.pass_line:
        catalog = replace(catalog, pass_line=line)
    stored = read_scores(r, office_id, year)
    result = compute_scores(catalog, stored.items, stored.indicators, stored.tools, stored.official_total)
    return OfficeYearScores(office_id, stored.office_name, stored, result)


def read_years_with_scores(r: Reader, office_id: int) -> list[int]:
    rows = r.rows("SELECT year FROM assessment WHERE office_id = :office_id ORDER BY year", office_id=office_id)
    return [row["year"] for row in rows]


# ---------------------------------------------------------------- memo drafts

def memo_draft(ctx, office_id: int, year: int, kind: str) -> dict | None:
    """The clerk's saved memo draft (number, date, content_json), or None."""
    with ctx.reader() as r:
        found = r.rows("SELECT number, date, content_json FROM memo_draft "
                       "WHERE office_id = :office_id AND year = :year AND kind = :kind",
                       office_id=office_id, year=year, kind=kind)
    return found[0] if found else None


# ---------------------------------------------------------------- plans

def ita_targets(ctx, office_id: int) -> dict[int, float]:
    """The office's yearly ITA score targets ``{year: target}`` from all its plans.

    Where two plans give a target for the same year, the later plan (by start year) wins.
    Years without a target are left out.
    """
    with ctx.reader() as r:
        rows = r.rows("SELECT t.year, t.ita_target FROM plan_target t JOIN plan p ON t.plan_id = p.id"
                      " WHERE p.office_id = :office_id AND t.ita_target IS NOT NULL"
                      " ORDER BY p.start_year, p.id, t.year", office_id=office_id)
    return {int(row["year"]): float(row["ita_target"]) for row in rows}
