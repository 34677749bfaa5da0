"""Names of local government offices and the title lines of score sheets.

Clerks write the same office in full ("องค์การบริหารส่วนตำบลตะโกทอง") or abbreviated
("อบต.ตะโกทอง", "อบต. ตะโกทอง"), so every comparison of office names goes through
:func:`org_key`. Titles of score sheets carry the office, district, province and fiscal year
in free text, sometimes split over several rows; :func:`parse_title` reads them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ita_desktop.core.digits import to_arabic_digits

# Full kind name -> official abbreviation. Longer full names first so that
# "เทศบาลตำบล" is not taken for a shorter prefix.
KINDS: tuple[tuple[str, str], ...] = (
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลนคร", "ทน."),
)
_ABBREV_TO_KIND = {abbr.rstrip("."): full for full, abbr in KINDS}

# Misspellings seen in real documents (seed 001 writes "องค้การ").
_TYPOS = (("องค้การ", "องค์การ"), ("องค์กรบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล"))

_ABBREV_RE = re.compile(r"^(อบต|ทต|ทม|ทน)\s*\.?\s*(\S.*)$")
_KIND_RE = re.compile("(" + "|".join(full for full, _ in KINDS) + r")\s*(\S.*)$")


@dataclass(frozen=True)
class TitleInfo:
    """What the title rows of a sheet say; any field may be missing (None)."""

    year: int | None = None
    org_name: str | None = None
    district: str | None = None
    province: str | None = None


def clean_text(text: str) -> str:
    """NFC, one space between words, SARA AM composed, no leading/trailing spaces.

    Text copied from PDFs often writes SARA AM as NIKHAHIT + SARA AA, which looks the same
    but compares different.
    """
    text = unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(text.split())


def _fix_typos(text: str) -> str:
    for wrong, right in _TYPOS:
        text = text.replace(wrong, right)
    return text


@functools.lru_cache(maxsize=1 << 16)  # a national sheet asks for each of its 7,850 names several times
def canonical_org_name(text: str) -> str:
    """The full name of an office: ``'อบต. ตะโกทอง'`` -> ``'องค์การบริหารส่วนตำบลตะโกทอง'``.

    Text that names no known kind of office is returned cleaned but otherwise unchanged.
    """
    text = _fix_typos(clean_text(text))
    m = _ABBREV_RE.match(text)
    if m:
        return _ABBREV_TO_KIND[m.group(1)] + m.group(2).strip()
    m = _KIND_RE.match(text)
    if m:
        return m.group(1) + m.group(2).strip()
    return text


def org_kind(name: str) -> str | None:
    """The kind of office (e.g. ``'เทศบาลตำบล'``) of a full or abbreviated name, or None."""
    full = canonical_org_name(name)
    for kind, _ in KINDS:
        if full.startswith(kind) and len(full) > len(kind):
            return kind
    return None


def short_org_name(name: str) -> str:
    """The abbreviated name: ``'องค์การบริหารส่วนตำบลตะโกทอง'`` -> ``'อบต.ตะโกทอง'``."""
    full = canonical_org_name(name)
    for kind, abbr in KINDS:
        if full.startswith(kind) and len(full) > len(kind):
            return abbr + full[len(kind):]
    return full


@functools.lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    """A key under which all spellings of one office compare equal (no spaces, Arabic digits)."""
    return to_arabic_digits(re.sub(r"\s+", "", canonical_org_name(name)))


# --- titles -------------------------------------------------------------------------------

_YEAR_RE = re.compile(r"(?:ปีงบประมาณ|พ\s*\.\s*ศ\s*\.?|ปี)\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*(25\d\d)(?!\d)")
_ANY_YEAR_RE = re.compile(r"(?<!\d)(25[5-9]\d)(?!\d)")
_ORG_IN_TITLE_RE = re.compile(
    r"(องค์การบริหารส่วนตำบล|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|(?<![ก-๙])(?:อบต|ทต|ทม|ทน)\s*\.)\s*"
    r"([ก-๙A-Za-z0-9]+?)(?=\s|อำเภอ|อ\.|จังหวัด|จ\.|$|[,()])"
)
# The lookahead skips an empty labelled form ("อำเภอ  จังหวัด ..."): a label is no name.
_NOT_LABEL = r"(?!อำเภอ|จังหวัด|ปีงบประมาณ|หน่วยงาน|พ\.ศ)"
_DISTRICT_RE = re.compile(r"(?:อำเภอ|(?<![ก-๙])อ\.)\s*" + _NOT_LABEL + r"([ก-๙]+)")
_PROVINCE_RE = re.compile(r"(?:จังหวัด|(?<![ก-๙])จ\.)\s*" + _NOT_LABEL + r"([ก-๙]+)")


def parse_year(text: str) -> int | None:
    """The Buddhist-era fiscal year named in ``text`` (Thai or Arabic digits), or None."""
    text = to_arabic_digits(clean_text(text))
    m = _YEAR_RE.search(text) or _ANY_YEAR_RE.search(text)
    return int(m.group(1)) if m else None


def parse_title(text: str | list[str] | tuple[str, ...]) -> TitleInfo:
    """Office, district, province and fiscal year from the title rows of a sheet.

    ``text`` is one string or the title rows in order (pieces may be on separate rows).
    The first mention of each piece wins, as later rows tend to quote other years.
    """
    if not isinstance(text, str):
        text = " ".join(t for t in text if t)
    text = _fix_typos(clean_text(text))
    org = _ORG_IN_TITLE_RE.search(text)
    district = _DISTRICT_RE.search(text)
    province = _PROVINCE_RE.search(text)
    return TitleInfo(
        year=parse_year(text),
        org_name=canonical_org_name(org.group(1) + org.group(2)) if org else None,
        district=district.group(1) if district else None,
        province=province.group(1) if province else None,
    )
