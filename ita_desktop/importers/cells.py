"""Cell values as clerks type them: Thai digits, numbers stored as text, stray spaces."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from ita_desktop.core.digits import to_arabic_digits
from ita_desktop.core.orgnames import clean_text

# Cells that mean "no value" in Thai sheets.
_EMPTY_MARKS = {"", "-", "–", "—", "n/a", "N/A"}
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class Number(NamedTuple):
    """A parsed numeric cell. (A NamedTuple: made for every score cell, so cheap to create.)"""

    value: float


class NotANumber(NamedTuple):
    """A non-empty cell that is not a number; ``shown`` is what the user typed."""

    shown: str


def normalize_value(value: object) -> object:
    """Strings cleaned (see :func:`clean_text`), other values unchanged; '' becomes None."""
    if isinstance(value, str):
        text = clean_text(value)
        return text or None
    return value


def is_blank(value: object) -> bool:
    """True for empty cells and cells holding only a dash."""
    return value is None or (isinstance(value, str) and value.strip() in _EMPTY_MARKS)


def parse_number(value: object) -> Number | NotANumber | None:
    """A score cell: None when blank, else a :class:`Number` or :class:`NotANumber`.

    Accepts numbers, and text with Thai or Arabic digits, spaces, a trailing %, or one
    decimal comma ("90,5"), because sheets exported from other systems store numbers as text.
    """
    if value.__class__ in (int, float):  # the common case, checked first for speed
        return Number(float(value)) if math.isfinite(value) else NotANumber(str(value))
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return NotANumber(str(value))
    if isinstance(value, (int, float)):
        number = float(value)
        return Number(number) if math.isfinite(number) else NotANumber(str(value))
    if not isinstance(value, str):
        return NotANumber(str(value))
    text = to_arabic_digits(value).replace(" ", "").rstrip("%")
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    if not _NUMBER_RE.match(text):
        return NotANumber(value if len(value) <= 40 else value[:40] + "…")
    return Number(float(text))


def squash(text: str) -> str:
    """Text without any whitespace, Arabic digits: for comparing labels and names."""
    return re.sub(r"\s+", "", to_arabic_digits(clean_text(text)))


def as_int(value: object) -> int | None:
    """An integer written as a number or text ("๑๐", "10", 10.0), else None."""
    parsed = parse_number(value)
    if isinstance(parsed, Number) and parsed.value.is_integer():
        return int(parsed.value)
    return None
