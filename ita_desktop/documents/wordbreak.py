"""Where Thai text may be broken into lines: pythainlp ``newmm`` words, never inside a cluster.

pythainlp builds its dictionary trie of ~62,000 words on first use, which costs
close to a second. newmm only asks its dictionary for ``prefixes(text, start)``,
so a sorted word list searched with ``bisect`` gives the same answers. Sorting
still costs ~70 ms per process, so the sorted list is kept in the user's cache
folder (keyed by the word file's size and date). The segmenter is newmm.py, a copy
of pythainlp's (importing pythainlp itself loads all of its sub-packages).
``tests/documents/test_wordbreak.py`` checks that the tokens equal pythainlp's
own ``word_tokenize(engine="newmm")``.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import re
import sys
import threading
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import platformdirs

from ita_desktop.documents import newmm

# Characters that are never at the start of a line / never at the end of one.
# A hyphen stays with both neighbours: "๒๕๖๑-๒๕๘๐" is a range, and extraction tools
# would take a line-final hyphen for hyphenation and drop it.
NO_BREAK_BEFORE = set(")]}”’»,.:;!?%ๆฯ-–")
NO_BREAK_AFTER = set("([{“‘«-")

_lock = threading.Lock()
_dictionary: "_SortedWords | None" = None


class _SortedWords:
    """A sorted word list answering newmm's ``prefixes`` query by binary search."""

    def __init__(self, sorted_words: list[str]) -> None:
        self._words = sorted_words

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Dictionary words that ``text`` has at ``start``, shortest first (as pythainlp's Trie)."""
        found = []
        words = self._words
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            index = bisect_left(words, piece)
            if index == len(words) or not words[index].startswith(piece):
                break
            if words[index] == piece:
                found.append(piece)
        return found


def words_file() -> Path:
    """pythainlp's Thai word list (``pythainlp/corpus/words_th.txt``), found without importing pythainlp."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # installer/ita_desktop.spec copies pythainlp's data files there
        return Path(frozen_root, "pythainlp", "corpus", "words_th.txt")
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pythainlp is not installed")
    return Path(next(iter(spec.submodule_search_locations)), "corpus", "words_th.txt")


def _sorted_thai_words() -> list[str]:
    """pythainlp's word list, sorted; read from the cache when it is up to date."""
    source = words_file()
    stat = source.stat()
    key = f"thai-words-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    cache = Path(platformdirs.user_cache_dir("ITA Desktop", appauthor=False)) / key
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    ordered = sorted({w.strip() for w in lines if w.strip()})
    _write_cache(cache, marshal.dumps(ordered))
    return ordered


def _write_cache(path: Path, data: bytes) -> None:
    """Best effort: a read-only or missing cache folder only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        pass


def _word_dictionary() -> _SortedWords:
    global _dictionary
    with _lock:
        if _dictionary is None:
            _dictionary = _SortedWords(_sorted_thai_words())
    return _dictionary


@lru_cache(maxsize=4096)
def thai_words(text: str) -> tuple[str, ...]:
    """Split ``text`` into pythainlp newmm tokens (words, spaces, punctuation runs)."""
    return tuple(newmm.segment(text, _word_dictionary()))


def is_combining(ch: str) -> bool:
    """True for marks that belong to the preceding character (่ ้ ั ิ ุ ็ ์, and ำ)."""
    return ch == "\u0e33" or unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def may_break_between(left: str, right: str) -> bool:
    """Whether a line may end after token ``left`` and start with token ``right``."""
    if not left or not right:
        return True
    if is_combining(right[0]):
        return False
    if left.isspace() or right.isspace():
        return True
    a, b = left[-1], right[0]
    if b in NO_BREAK_BEFORE or a in NO_BREAK_AFTER:
        return False
    # Runs of Latin letters, digits and punctuation (URLs, 1,234.5, e-mail) stay whole.
    return _is_thai(a) or _is_thai(b)


def break_units(text: str) -> list[str]:
    """``text`` cut into the pieces a line may start with; joined they give ``text`` back.

    Cuts fall only between pythainlp words, never before a combining mark and never inside
    a term of :func:`never_split_spans`. Spaces are pieces of their own, except inside such
    a term ("พ.ศ. ๒๕๖๖"); newlines are not handled here.
    """
    return list(_break_units(text))


@lru_cache(maxsize=8192)  # screens wrap the same cell texts again at every width and refresh
def _break_units(text: str) -> tuple[str, ...]:
    return tuple(_join_spans(word_units(text), never_split_spans(text)))


def word_units(text: str) -> list[str]:
    """Like :func:`break_units`, but terms that must not be split are cut between their words too."""
    units: list[str] = []
    for token in thai_words(text):
        if len(units) > 1 and units[-1].isspace() and token[0] in "ๆฯ":
            # "อื่น ๆ": the repetition mark never starts a line, even after a space.
            space = units.pop()
            units[-1] += space + token
        elif units and not may_break_between(units[-1], token):
            units[-1] += token
        else:
            units.append(token)
    return units


# Terms a line never splits, on screen and in the PDFs (ui/widgets/thai_wrap.py uses the same units).
NEVER_SPLIT_TERMS = ("ตัวชี้วัด", "ผู้รับผิดชอบ", "ต้องปรับปรุง", "ข้อคำถาม", "ปีงบประมาณ")
UNITS = ("บาท", "วัน", "เดือน", "ปี", "คน", "ครั้ง", "ชั่วโมง", "นาที", "ราย", "แห่ง", "โครงการ", "หน้า",
         "คะแนน", "ข้อ", "เรื่อง", "กิจกรรม", "%")
_OFFICE_KINDS = ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "อบต.", "ทต.", "ทม.", "ทน.")
_DIGIT = "0-9๐-๙"
_NUMBER = f"[{_DIGIT}](?:[{_DIGIT},.]*[{_DIGIT}])?"
# A place name after an office kind: Thai letters up to a space, punctuation or the end; longer
# runs are taken for running text ("...เขาทองได้จัดทำ") and keep only the kind whole.
MAX_PLACE_NAME = 16
_NEVER_SPLIT_RE = re.compile("|".join([
    r"(?:%s) ?[\u0e01-\u0e4e]{1,%d}(?![\u0e01-\u0e4e])" % ("|".join(map(re.escape, _OFFICE_KINDS)), MAX_PLACE_NAME),
    "|".join(map(re.escape, _OFFICE_KINDS)),
    rf"พ\.ศ\. ?[{_DIGIT}]{{4}}(?: ?- ?[{_DIGIT}]{{4}})?",
    rf"{_NUMBER} ?(?:%s)" % "|".join(map(re.escape, UNITS)),
    rf"ร้อยละ ?{_NUMBER}",
    "|".join(map(re.escape, NEVER_SPLIT_TERMS)),
]))


def never_split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the terms in ``text`` that a line must not split: ตัวชี้วัด, ผู้รับผิดชอบ,
    an office name (องค์การบริหารส่วนตำบลเขาทอง, อบต.ตะโกทอง), พ.ศ. with its year, a number with
    its unit ("15 วัน", "๑๐,๐๐๐ บาท", "ร้อยละ 85")."""
    return [m.span() for m in _NEVER_SPLIT_RE.finditer(text)]


def _join_spans(units: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """Glue together the units that a span covers in part (a cut inside a span is dropped)."""
    if not spans:
        return units
    inside = set()
    for start, end in spans:
        inside.update(range(start + 1, end))
    joined: list[str] = []
    offset = 0
    for unit in units:
        if joined and offset in inside:
            joined[-1] += unit
        else:
            joined.append(unit)
        offset += len(unit)
    return joined


ZWSP = "\u200b"


def with_break_opportunities(text: str) -> str:
    """``text`` with U+200B (zero-width space) where a line may break between words.

    For a text engine with no Thai dictionary of its own (Qt on Windows breaks Thai only there).
    Copy and export paths remove them again with :func:`strip_break_opportunities`.
    """
    out = []
    for paragraph in text.split("\n"):
        units = break_units(paragraph)
        pieces = [units[0]] if units else []
        for left, right in zip(units, units[1:]):
            if not left.isspace() and not right.isspace():
                pieces.append(ZWSP)
            pieces.append(right)
        out.append("".join(pieces))
    return "\n".join(out)


def strip_break_opportunities(text: str) -> str:
    """``text`` without the U+200B that :func:`with_break_opportunities` put in."""
    return text.replace(ZWSP, "")


_CLOSE = 3.0  # an estimate this near the line's width is measured exactly


def fill_lines(text: str, width_of, width: float, unit_width=None) -> list[str]:
    """Greedy lines of at most ``width`` (as measured by ``width_of(str)``), cut only between units.

    A unit wider than a whole line is cut between its grapheme clusters. Spaces at a cut end the
    line before (and are dropped). ``\\n`` forces a break. With ``unit_width`` (a memoised width
    of one unit, for screens), a line's width is the sum of its units' and only a sum within
    ``_CLOSE`` of ``width`` is measured whole: the same lines for fonts whose advances add up.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, line_width, broke = "", 0.0, False
        for unit in break_units(paragraph):
            if unit.isspace():
                if not (broke and not line):
                    line += unit
                    line_width += unit_width(unit) if unit_width else 0.0
                continue
            if unit_width is None:
                fits = width_of(line + unit) <= width
            else:
                estimate = line_width + unit_width(unit)
                fits = estimate <= width - _CLOSE or (estimate <= width + _CLOSE and width_of(line + unit) <= width)
            if fits:
                line += unit
                line_width = estimate if unit_width else 0.0
            else:
                if line.strip():
                    lines.append(line.rstrip())
                    broke = True
                *full, line = _cut_clusters(unit, width_of, width)
                lines.extend(piece.rstrip() for piece in full)
                broke = broke or bool(full)
                line_width = unit_width(line) if unit_width else 0.0
        lines.append(line.rstrip())
    return lines


# Dictionary words long enough to be wider than a narrow column, and where they may be cut then.
LONG_WORD_PARTS = {
    "องค์การบริหารส่วนตำบล": ("องค์การ", "บริหาร", "ส่วน", "ตำบล"),
    "องค์การบริหารส่วนจังหวัด": ("องค์การ", "บริหาร", "ส่วน", "จังหวัด"),
}


def _office_parts(unit: str) -> list[str]:
    """An office name cut between its kind and its place name (the place name stays whole)."""
    for kind in _OFFICE_KINDS:
        if unit.startswith(kind) and len(unit) > len(kind):
            return [kind, unit[len(kind):]]
    return []


def _cut_clusters(unit: str, width_of, width: float) -> list[str]:
    """``unit`` in pieces no wider than ``width``: between its words, and a word wider than a
    line between its grapheme clusters."""
    if width_of(unit) <= width:
        return [unit]
    words = list(LONG_WORD_PARTS.get(unit, ())) or _office_parts(unit) or word_units(unit)
    if len(words) > 1:
        pieces = [""]
        for word in words:
            if pieces[-1] and width_of(pieces[-1] + word) > width:
                pieces.append("")
            if width_of(word) > width:
                *full, pieces[-1] = _cut_clusters(pieces[-1] + word, width_of, width)
                pieces[-1:-1] = full
            else:
                pieces[-1] += word
        return pieces
    clusters: list[str] = []
    for ch in unit:
        if clusters and is_combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    pieces, piece = [], ""
    for cluster in clusters:
        if piece and width_of(piece + cluster) > width:
            pieces.append(piece)
            piece = cluster
        else:
            piece += cluster
    pieces.append(piece)
    return pieces
