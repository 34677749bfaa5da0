"""Thai text helpers: Buddhist-era dates, fiscal years, money in words, numbers.

Pure functions without Qt or database imports; documents and the GUI both use them.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal

from ita_desktop.core.digits import digits

BE_OFFSET = 543

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
THAI_MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)

_DIGIT_WORDS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACE_WORDS = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def thai_month(month: int, abbreviated: bool = False) -> str:
    """Thai name of ``month`` (1-12): ``'มกราคม'``, or ``'ม.ค.'`` when abbreviated."""
    if not 1 <= month <= 12:
        raise ValueError(f"เดือนไม่ถูกต้อง: {month}")
    return (THAI_MONTHS_ABBR if abbreviated else THAI_MONTHS)[month - 1]


def buddhist_year(year_ce: int) -> int:
    """Buddhist-era year (พ.ศ.) of a Common-Era year."""
    return year_ce + BE_OFFSET


def thai_date(date: _dt.date, thai_digits: bool = True, abbreviated: bool = False) -> str:
    """Day, Thai month and BE year: ``date(2025, 1, 8)`` -> ``'๘ มกราคม ๒๕๖๘'``."""
    text = f"{date.day} {thai_month(date.month, abbreviated)} {buddhist_year(date.year)}"
    return digits(text, thai_digits)


def fiscal_year_of(date: _dt.date) -> int:
    """BE fiscal year containing ``date``; it starts on 1 October (1 Oct 2024 is FY 2568)."""
    year_ce = date.year + 1 if date.month >= 10 else date.year
    return buddhist_year(year_ce)


def fiscal_year_bounds(fiscal_year_be: int) -> tuple[_dt.date, _dt.date]:
    """First and last day (CE dates) of BE fiscal year ``fiscal_year_be``."""
    end_ce = fiscal_year_be - BE_OFFSET
    return _dt.date(end_ce - 1, 10, 1), _dt.date(end_ce, 9, 30)


def fiscal_year_range(fiscal_year_be: int, thai_digits: bool = True) -> str:
    """``2567`` -> ``'๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗'``."""
    first, last = fiscal_year_bounds(fiscal_year_be)
    return f"{thai_date(first, thai_digits)} – {thai_date(last, thai_digits)}"


def _below_million_words(number: int, ones_as_et: bool) -> str:
    """Words for 0 <= number < 1,000,000; ``ones_as_et`` writes a final 1 as 'เอ็ด'."""
    words = []
    for place, ch in enumerate(reversed(str(number))):
        digit = int(ch)
        if digit == 0:
            continue
        if place == 0 and digit == 1 and ones_as_et:
            word = "เอ็ด"
        elif place == 1 and digit == 1:
            word = ""
        elif place == 1 and digit == 2:
            word = "ยี่"
        else:
            word = _DIGIT_WORDS[digit]
        words.append(word + _PLACE_WORDS[place])
    return "".join(reversed(words))


def number_text(number: int) -> str:
    """Thai words for a non-negative integer: ``121`` -> ``'หนึ่งร้อยยี่สิบเอ็ด'``."""
    if number < 0:
        raise ValueError("number_text needs a non-negative integer")
    if number == 0:
        return _DIGIT_WORDS[0]
    millions, rest = divmod(number, 1_000_000)
    head = number_text(millions) + "ล้าน" if millions else ""
    # A final 1 is "เอ็ด" whenever something precedes it (101, 11, 1,000,001).
    tail = _below_million_words(rest, ones_as_et=number > 9) if rest else ""
    return head + tail


def baht_text(amount: float | int | str | Decimal) -> str:
    """Money in Thai words, rounded to the satang: ``121`` -> ``'หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน'``.

    ``10.50`` -> ``'สิบบาทห้าสิบสตางค์'``; ``0.25`` -> ``'ยี่สิบห้าสตางค์'``; negative
    amounts start with ``'ลบ'``.
    """
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "ลบ" if value < 0 else ""
    satang_total = int(abs(value) * 100)
    baht, satang = divmod(satang_total, 100)
    if satang == 0:
        return f"{sign}{number_text(baht)}บาทถ้วน"
    baht_part = f"{number_text(baht)}บาท" if baht else ""
    return f"{sign}{baht_part}{number_text(satang)}สตางค์"


def format_number(value: float | int | Decimal, decimals: int = 2, thai_digits: bool = True) -> str:
    """Number with thousands separators and fixed decimals: ``1234.5`` -> ``'๑,๒๓๔.๕๐'``."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    return digits(f"{rounded:,.{decimals}f}", thai_digits)


class DateError(ValueError):
    """A date that cannot be read; the message is Thai."""


def parse_thai_date(text: str) -> _dt.date:
    """Read a Buddhist-era date as a clerk types it: ``30/11/2569``, ``30-11-69``,
    ``30 พ.ย. 2569`` or ``๓๐ พฤศจิกายน ๒๕๖๙`` (Thai or Arabic digits)."""
    from ita_desktop.core.digits import to_arabic_digits

    raw = to_arabic_digits(str(text)).strip()
    if not raw:
        raise DateError("ยังไม่ได้กรอกวันที่")
    parts = raw.replace("/", " ").replace("-", " ").split()
    if len(parts) != 3:
        raise DateError(f"อ่านวันที่ '{text}' ไม่ได้ ให้เขียนเป็น วัน/เดือน/ปี พ.ศ. เช่น 30/11/2569")
    day_text, month_text, year_text = parts
    month = _month_number(month_text)
    try:
        day, year = int(day_text), int(year_text)
    except ValueError:
        raise DateError(f"อ่านวันที่ '{text}' ไม่ได้ ให้เขียนเป็น วัน/เดือน/ปี พ.ศ. เช่น 30/11/2569") from None
    if year < 100:
        year += 2500
    if not 2400 <= year <= 2700:
        raise DateError(f"ปี {year} ในวันที่ '{text}' ต้องเป็นปีพุทธศักราช เช่น 2569")
    try:
        return _dt.date(year - BE_OFFSET, month, day)
    except ValueError:
        raise DateError(f"ไม่มีวันที่ '{text}' ในปฏิทิน") from None


def _month_number(text: str) -> int:
    if text.isdigit():
        month = int(text)
        if 1 <= month <= 12:
            return month
        raise DateError(f"เดือน {text} ต้องอยู่ระหว่าง 1 ถึง 12")
    for names in (THAI_MONTHS, THAI_MONTHS_ABBR):
        if text in names:
            return names.index(text) + 1
    plain = text.replace(".", "")
    for n, abbr in enumerate(THAI_MONTHS_ABBR):
        if plain == abbr.replace(".", ""):
            return n + 1
    raise DateError(f"ไม่รู้จักเดือน '{text}'")


def short_thai_date(date: _dt.date, thai_digits: bool = False) -> str:
    """``date(2026, 11, 30)`` -> ``'30/11/2569'`` (as typed back into a table)."""
    return digits(f"{date.day}/{date.month}/{buddhist_year(date.year)}", thai_digits)
