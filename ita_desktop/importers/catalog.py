"""Look-ups of indicators and items in the year's criteria, tolerant of how sheets write them."""

from __future__ import annotations

import difflib
import functools
import re

from ita_desktop.core.criteria import Criteria, Item
from ita_desktop.core.digits import parse_item_code, to_arabic_digits
from ita_desktop.importers.cells import squash

_INDICATOR_PREFIX = re.compile(r"^(?:ตัวชี้วัด(?:ที่)?)?(\d+)?[.:)\-]*")
_INDICATOR_NUMBER_IN_TEXT = re.compile(r"ตัวชี้วัดที่(\d{1,2})(?!\d|\.\d)")
_LEADING_DIGITS = re.compile(r"^\s*([0-9๐-๙]{1,3})(?![0-9๐-๙.])\s*(.*)$", re.S)
_MAX_NAME_LEN = 80  # longer texts are sentences, not indicator names
_MIN_RATIO = 0.8
_MIN_MARGIN = 0.1


def _name_key(text: str) -> str:
    return re.sub(r"[\"'“”().,:;/\-]", "", squash(text))


@functools.lru_cache(maxsize=4096)
def _fuzzy_match(key: str, names: tuple[tuple[str, int], ...]) -> int | None:
    """The indicator whose name ``key`` contains, or resembles closely and unambiguously.

    Cached across files: header and label texts repeat from sheet to sheet, and
    SequenceMatcher is the importer's most expensive step.
    """
    contained = [(len(name), number) for name, number in names if len(name) >= 4 and name in key]
    if contained:
        return max(contained)[1]
    scored = []
    floor = _MIN_RATIO - _MIN_MARGIN  # below this a name can be neither best nor runner-up
    for name, number in names:
        if 2 * min(len(key), len(name)) < floor * (len(key) + len(name)):
            continue  # upper bound of the ratio from the lengths alone
        matcher = difflib.SequenceMatcher(None, key, name)
        if matcher.quick_ratio() >= floor:
            scored.append((matcher.ratio(), number))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < _MIN_RATIO:
        return None
    runner_up = next((r for r, n in scored[1:] if n != scored[0][1]), 0.0)
    return scored[0][1] if scored[0][0] - runner_up >= _MIN_MARGIN else None


class CatalogIndex:
    """Indicator and item look-ups against one :class:`Criteria`."""

    def __init__(self, criteria: Criteria):
        self.criteria = criteria
        self.numbers = frozenset(i.number for i in criteria.indicators)
        self._letter = {i.number: i.tool[:1].lower() for i in criteria.indicators}
        self._names: list[tuple[str, int]] = []
        for ind in criteria.indicators:
            for name in (ind.name, *ind.aliases):
                key = _name_key(name)
                if key:
                    self._names.append((key, ind.number))
        self._exact = {key: number for key, number in self._names}
        self._weights = {t.code.upper(): t.weight for t in criteria.tools}

    def tool_weight(self, code: str) -> float | None:
        """The weight (full points) of tool ``code`` (IIT/EIT/OIT) in the year's total, or None."""
        return self._weights.get(code.upper())

    def indicator_by_name(self, text: str) -> int | None:
        """The indicator a name refers to, tolerant of spacing and small wording changes."""
        if not text or len(text) > _MAX_NAME_LEN:
            return None
        key = _name_key(text)
        m = _INDICATOR_PREFIX.match(key)
        key = key[m.end():] if m else key
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        return self._fuzzy(key)

    def _fuzzy(self, key: str) -> int | None:
        return _fuzzy_match(key, tuple(self._names))

    @staticmethod
    def indicator_number_in_text(text: str) -> int | None:
        """The N of "ตัวชี้วัดที่ N" inside a longer text (section titles), or None."""
        m = _INDICATOR_NUMBER_IN_TEXT.search(squash(text))
        return int(m.group(1)) if m else None

    def indicator_from_label(self, text: str) -> tuple[int | None, int | None]:
        """(number written, number the name means) of a label like "ตัวชี้วัดที่ 4 การใช้ทรัพย์สิน"."""
        key = squash(text)
        m = re.match(r"^(?:ตัวชี้วัด(?:ที่)?)?(\d{1,2})(?![\d.])", key)
        written = int(m.group(1)) if m else None
        rest = key[m.end():] if m else key
        named = self.indicator_by_name(rest) if rest else None
        return written, named

    def item(self, code: str) -> Item | None:
        """The criteria item with this canonical code, or None."""
        return self.criteria.item(code)

    def letter_of(self, indicator: int) -> str | None:
        """The item-code letter (i/e/o) of an indicator's tool."""
        return self._letter.get(indicator)

    def split_item(self, text: str, context: int | None) -> tuple[str, str, bool] | None:
        """(code, question text, guessed) from a cell such as ``'i๑๙ ท่านรู้...'``.

        OCR sometimes loses the tool letter ("๑๗ ท่านทราบ..." for i7). With the indicator
        the row sits under known, such a number is read as that indicator's item, and
        ``guessed`` is True so that the caller can warn.
        """
        parsed = parse_item_code(text)
        if parsed:
            return parsed[0], parsed[1], False
        m = _LEADING_DIGITS.match(text)
        if not m or context is None or self.letter_of(context) is None:
            return None
        digits = to_arabic_digits(m.group(1))
        letter = self.letter_of(context)
        # The whole number, or the number after a first digit that stands for the letter.
        candidates = {f"{letter}{int(digits)}"}
        if len(digits) > 1:
            candidates.add(f"{letter}{int(digits[1:])}")
        fitting = [c for c in candidates if (it := self.item(c)) is not None and it.indicator == context]
        if len(fitting) != 1:
            return None
        return fitting[0], m.group(2).strip(), True
