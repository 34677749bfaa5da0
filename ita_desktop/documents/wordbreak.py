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

    Cuts fall only between pythainlp words and never before a combining mark.
    Spaces are pieces of their own; newlines are not handled here.
    """
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
