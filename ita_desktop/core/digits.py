"""Thai/Arabic digit conversion and normalisation of item codes and numbers as people type them."""

from __future__ import annotations

import re

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits with Arabic ones; other characters are kept."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits with Thai ones; other characters are kept."""
    return text.translate(_TO_THAI)


def digits(text: str, thai: bool) -> str:
    """Write the digits of ``text`` in Thai (``thai=True``) or Arabic."""
    return to_thai_digits(text) if thai else to_arabic_digits(text)


# An item code at the start of a text: a tool letter (i/e/o, any case; OCR writes
# the letter o as Thai zero ๐) followed by 1-2 digits, Thai or Arabic.
_ITEM_CODE = re.compile(r"^\s*([iIeEoO๐])\s*([0-9๐-๙]{1,3})(?![0-9๐-๙])")


def parse_item_code(text: str) -> tuple[str, str] | None:
    """Split ``'i๑๙ ท่านรู้...'`` into ``('i19', 'ท่านรู้...')``; ``'๐๑๐ นโยบาย'`` -> ``('o10', ...)``.

    Returns None when the text does not start with an item code.
    """
    m = _ITEM_CODE.match(text)
    if not m:
        return None
    letter = m.group(1)
    number = to_arabic_digits(m.group(2))
    if letter == "๐":
        # "๐๑๐" is o10: the first Thai zero stands for the letter o.
        letter = "o"
    code = f"{letter.lower()}{int(number)}"
    return code, text[m.end():].strip()


def normalize_item_code(code: str) -> str | None:
    """Canonical lower-case, Arabic-digit form of a lone item code, or None."""
    parsed = parse_item_code(code.strip())
    if parsed is None or parsed[1]:
        return None
    return parsed[0]
