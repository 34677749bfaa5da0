"""Recognising header rows of score tables from Thai header words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ita_desktop.importers.catalog import CatalogIndex
from ita_desktop.importers.cells import Number, parse_number, squash


class Role(Enum):
    """What a column of a score table holds."""

    SCORE = "score"
    TOTAL = "total"
    IND_NUMBER = "indicator number"
    IND_NAME = "indicator name"
    IND_GENERIC = "indicator"  # "ตัวชี้วัด": a number in some sheets, a name in others
    ITEM_CODE = "item code"
    ITEM = "item"
    TOOL = "tool"
    ORG = "office"
    DISTRICT = "district"
    PROVINCE = "province"
    ORDER = "order"
    RESULT = "result"
    OTHER = "other"  # a known header word of some other table (measures, guidelines)
    WIDE = "indicator column"  # one column per indicator, in sheets with one office per row
    TOOL_SCORE = "tool column"  # IIT / EIT / OIT, as a 0-100 score or as weighted points


class Kind(Enum):
    """The kind of table a header starts."""

    INDICATORS = "indicators"  # one indicator per row
    ITEMS = "items"  # one item per row
    WIDE = "wide"  # one office per row, one column per indicator


# (squashed keyword, role, prefix match?) in the order they are tried: specific first.
_KEYWORDS: tuple[tuple[str, Role, bool], ...] = (
    ("คะแนนรวม", Role.TOTAL, True),
    ("คะแนนเฉลี่ยรวม", Role.TOTAL, True),
    ("รวม", Role.TOTAL, False),
    ("คะแนน", Role.SCORE, True),
    ("ผลคะแนน", Role.SCORE, True),
    ("score", Role.SCORE, False),
    ("รายละเอียดตัวชี้วัด", Role.IND_NAME, True),
    ("ชื่อตัวชี้วัด", Role.IND_NAME, True),
    ("ตัวชี้วัดที่", Role.IND_NUMBER, False),
    ("ตัวชี้วัด", Role.IND_GENERIC, True),
    ("รหัสข้อ", Role.ITEM_CODE, True),
    ("รหัส", Role.ITEM_CODE, False),
    ("ประเด็นข้อคำถาม", Role.ITEM, True),
    ("ข้อคำถาม", Role.ITEM, True),
    ("เครื่องมือการประเมิน", Role.TOOL, True),
    ("เครื่องมือ", Role.TOOL, False),
    ("แบบวัด", Role.TOOL, False),
    ("ชื่อหน่วยงาน", Role.ORG, True),
    ("หน่วยงาน", Role.ORG, False),
    ("ชื่ออปท", Role.ORG, True),
    ("อปท", Role.ORG, False),
    ("องค์กรปกครองส่วนท้องถิ่น", Role.ORG, True),
    ("อำเภอ", Role.DISTRICT, False),
    ("จังหวัด", Role.PROVINCE, False),
    ("ลำดับ", Role.ORDER, True),
    ("ที่", Role.ORDER, False),
    ("ผลการประเมิน", Role.RESULT, True),
    ("ระดับ", Role.RESULT, True),
) + tuple((word, Role.OTHER, True) for word in (
    "แนวทางการพัฒนา", "ประเด็นที่", "ประเด็น", "ผู้รับผิดชอบ", "ขั้นตอน", "มาตรการ", "ระยะเวลา",
    "ช่วงระยะเวลา", "หมายเหตุ", "การดำเนินการ", "การรายงานผล", "ผลการดำเนินการ", "ผลลัพธ์", "เงื่อนไข",
))
_ORG_WORDS = tuple(word for word, role, _ in _KEYWORDS if role is Role.ORG)
_WIDE_LABEL = re.compile(r"^ตัวชี้วัดที่(\d{1,2})(?![\d.])")
# "IIT", "IIT (30)", "OIT 40 คะแนน", "EIT(30คะแนน)": a tool column, with its weight when written.
_TOOL_LABEL = re.compile(r"^(iit|eit|oit)(?:\(?(\d{1,2}(?:\.\d+)?)(?:คะแนน)?\)?)?(?:คะแนน)?$")
_MAX_HEADER_CELL = 80


@dataclass
class Header:
    """Roles of the columns (1-based) of a header row, and the table kind if any."""

    row: int
    roles: dict[int, Role] = field(default_factory=dict)
    wide: dict[int, int] = field(default_factory=dict)  # column -> indicator number
    tools: dict[int, tuple[str, float | None]] = field(default_factory=dict)  # column -> (tool, weight in header)

    def columns(self, role: Role) -> list[int]:
        """Columns with ``role``, left to right."""
        return sorted(c for c, r in self.roles.items() if r is role)

    def has(self, *roles: Role) -> bool:
        """True when any of ``roles`` is present."""
        return any(r in roles for r in self.roles.values())

    @property
    def kind(self) -> Kind | None:
        """Which kind of score table this header starts, or None."""
        score = self.has(Role.SCORE, Role.RESULT)
        if len(self.wide) >= 2 and (self.has(Role.ORG) or (len(self.wide) >= 3 and not self.has(Role.ITEM))):
            return Kind.WIDE
        if len(self.tools) >= 2 and self.has(Role.ORG):
            return Kind.WIDE
        if score and self.has(Role.ITEM, Role.ITEM_CODE):
            return Kind.ITEMS
        if score and self.has(Role.IND_NUMBER, Role.IND_NAME, Role.IND_GENERIC):
            return Kind.INDICATORS
        return None

    def score_column(self) -> int | None:
        """The score column; "ผลการประเมิน" only when no column says คะแนน."""
        cols = self.columns(Role.SCORE) or self.columns(Role.RESULT)
        return cols[0] if cols else None

    def merged_under(self, above: Header) -> Header:
        """This header completed by the one above it (two-row headers with merged cells)."""
        merged = Header(self.row, dict(above.roles), dict(above.wide), dict(above.tools))
        for col, role in self.roles.items():
            merged.roles[col] = role
            merged.wide.pop(col, None)
            merged.tools.pop(col, None)  # "IIT" over indicator columns is a group title
        merged.wide.update(self.wide)
        merged.tools.update(self.tools)
        return merged


def _keyword_role(key: str) -> Role | None:
    key = key.rstrip(":.").lower()
    for word, role, prefix in _KEYWORDS:
        if key == word or (prefix and key.startswith(word)):
            return role
    return None


def classify_header(row: int, cells: tuple, catalog: CatalogIndex) -> Header | None:
    """A :class:`Header` when the row reads like a table header, else None.

    A header has at least two recognised cells and no long texts. Numbers are header cells
    only beside an office column (wide sheets titled "1", "2", ... per indicator), so data
    rows, which hold numbers, are rejected cheaply.
    """
    for v in cells:
        if v.__class__ is float and not v.is_integer():
            return None  # a score such as 85.25: headers number their columns with whole numbers only
    texts = {c: v for c, v in enumerate(cells, 1) if v is not None}
    if len(texts) < 2 or any(isinstance(v, str) and len(v) > _MAX_HEADER_CELL for v in texts.values()):
        return None
    # Cheap rejection of data rows first: they hold numbers and no office-column word.
    strings = [v for v in texts.values() if isinstance(v, str)]
    has_org_word = any(v.replace(" ", "").startswith(_ORG_WORDS) for v in strings)
    if not has_org_word and len(strings) < len(texts):
        return None
    numeric = {c for c, v in texts.items() if isinstance(parse_number(v), Number)}
    if numeric and not has_org_word:
        return None
    squashed = {c: squash(v) for c, v in texts.items() if isinstance(v, str)}
    header = Header(row)
    for col, key in squashed.items():
        _classify_text(header, col, key, texts[col], catalog)
    if header.has(Role.ORG):
        for col in numeric:
            number = int(parse_number(texts[col]).value)
            if number in catalog.numbers:
                header.roles[col], header.wide[col] = Role.WIDE, number
    if len(header.roles) < 2 or (numeric - set(header.wide)):
        return None
    return header


def _classify_text(header: Header, col: int, key: str, raw: str, catalog: CatalogIndex) -> None:
    m = _WIDE_LABEL.match(key)
    if m and int(m.group(1)) in catalog.numbers:
        header.roles[col], header.wide[col] = Role.WIDE, int(m.group(1))
        return
    m = _TOOL_LABEL.match(key.lower())
    if m:
        weight = float(m.group(2)) if m.group(2) else None
        header.roles[col], header.tools[col] = Role.TOOL_SCORE, (m.group(1).upper(), weight)
        return
    role = _keyword_role(key)
    if role is not None:
        header.roles[col] = role
        return
    number = catalog.indicator_by_name(raw)
    if number is not None:
        header.roles[col], header.wide[col] = Role.WIDE, number
