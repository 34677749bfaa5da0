# SPDX-FileCopyrightText: 2016-2026 PyThaiNLP Project
# SPDX-License-Identifier: Apache-2.0
"""pythainlp's ``newmm`` word segmenter and its Thai Character Cluster rules, as in pythainlp 5.4.

Copied from ``pythainlp/tokenize/newmm.py`` and ``pythainlp/tokenize/tcc_p.py`` (Apache
License 2.0, text in resources/licenses/pythainlp-LICENSE.txt; code by Korakot Chaovavanich,
TCC rules by Theeramunkong et al. 2000, Jakkrit TeCho and Wittawat Jitkrittum), trimmed to
what line breaking uses: maximal matching over a caller's dictionary, without safe mode.

Why a copy: importing any pythainlp module runs ``pythainlp/__init__``, which loads every
sub-package (soundex, spelling, tagging, an emoji table). That is about 70 ms of the ~400 ms
a cold ``ita-cli memo`` takes. The word list is still pythainlp's own file (see wordbreak.py),
and tests/documents/test_wordbreak.py checks the tokens against pythainlp's
``word_tokenize(engine="newmm")`` on the installed version, so a change upstream shows up there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from heapq import heappop, heappush
from typing import Iterator, Protocol


class Dictionary(Protocol):
    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Dictionary words that ``text`` has at ``start``, shortest first."""


# ---------------------------------------------------------------- TCC (tcc_p.py)

_RE_TCC = (
    """\
เc็ck
เcctาะk
เccีtยะk
เccีtย(?=[เ-ไก-ฮ]|$)k
เcc็ck
เcิc์ck
เcิtck
เcีtยะ?k
เcืtอะ?k
เc[ิีุู]tย(?=[เ-ไก-ฮ]|$)k
เctา?ะ?k
cัtวะk
c[ัื]tc[ุิะ]?k
c[ิุู]์
c[ะ-ู]tk
cรรc์
c็
ct[ะาำ]?k
ck
แc็c
แcc์
แctะ
แcc็c
แccc์
โctะ
[เ-ไ]ct
ก็
อึ
หึ
""".replace("k", "(cc?[dิ]?[์])?")
    .replace("c", "[ก-ฮ]")
    .replace("t", "[่-๋]?")
    .replace("d", "อูอุ".replace("อ", ""))  # lower vowels
    .split()
)
_PAT_TCC = re.compile("|".join(_RE_TCC))


def tcc_pos_array(text: str) -> bytearray:
    """``arr[i] == 1`` where position ``i`` of ``text`` ends a Thai Character Cluster."""
    arr = bytearray(len(text) + 1)
    p = 0
    while p < len(text):
        m = _PAT_TCC.match(text[p:])
        p += m.span()[1] if m else 1
        arr[p] = 1
    return arr


# ---------------------------------------------------------------- newmm (newmm.py)

# Non-Thai tokens; "abc123" gives "abc", "123".
_PAT_NONTHAI = re.compile(
    r"""(?x)
[-a-zA-Z]+|        # Latin characters
\d+([,\.]\d+)*|    # numbers
[ \t]+|            # spaces
\r?\n|             # newlines
[^\u0E00-\u0E7F \t\r\n]+  # other non-Thai characters, and stops matching until space/newline
"""
)
_PAT_THAI_TWOCHARS = re.compile("[ก-ฮ]{,2}$")
_MAX_GRAPH_SIZE = 50


def _bfs_paths_graph(graph: defaultdict[int, list[int]], start: int, goal: int) -> Iterator[list[int]]:
    visited = {start}
    queue = [(start, [start])]
    while queue:
        vertex, path = queue.pop(0)
        for pos in graph[vertex]:
            if pos == goal:
                yield [*path, pos]
            elif pos not in visited:
                visited.add(pos)
                queue.append((pos, [*path, pos]))


def _extend_graph(graph: defaultdict[int, list[int]], pos_list: list[int], text: str, begin_pos: int,
                  valid_poss: bytearray, words: Dictionary, graph_size: int) -> int:
    """Add the dictionary words starting at ``begin_pos``; return the new graph size."""
    for word in words.prefixes(text, begin_pos):
        end_pos_candidate = begin_pos + len(word)
        if valid_poss[end_pos_candidate]:
            graph[begin_pos].append(end_pos_candidate)
            graph_size += 1
            if end_pos_candidate not in pos_list:
                heappush(pos_list, end_pos_candidate)
            if graph_size > _MAX_GRAPH_SIZE:
                break
    return graph_size


def _find_skip_end(text: str, begin_pos: int, valid_poss: bytearray, words: Dictionary) -> int:
    """The end of an out-of-dictionary stretch starting at ``begin_pos``."""
    m = _PAT_NONTHAI.match(text, begin_pos)
    if m:
        return m.end()
    for pos in range(begin_pos + 1, len(text)):
        if valid_poss[pos]:
            longer = [w for w in words.prefixes(text, pos)
                      if valid_poss[pos + len(w)] and not _PAT_THAI_TWOCHARS.match(w)]
            if longer or _PAT_NONTHAI.match(text, pos):
                return pos
    return len(text)


def _onecut(text: str, words: Dictionary) -> Iterator[str]:
    graph: defaultdict[int, list[int]] = defaultdict(list)  # begin position -> possible end positions
    graph_size = 0
    valid_poss = tcc_pos_array(text)
    pos_list = [0]  # priority queue of possible breaking positions
    end_pos = 0
    while pos_list[0] < len(text):
        begin_pos = heappop(pos_list)
        graph_size = _extend_graph(graph, pos_list, text, begin_pos, valid_poss, words, graph_size)
        if len(pos_list) == 1:  # one candidate: no longer ambiguous
            path = next(_bfs_paths_graph(graph, end_pos, pos_list[0]))
            graph_size = 0
            graph.clear()
            for pos in path[1:]:
                yield text[end_pos:pos]
                end_pos = pos
        elif not pos_list:  # no candidate: a word not in the dictionary
            end_pos = _find_skip_end(text, begin_pos, valid_poss, words)
            graph_size = 0
            graph.clear()
            yield text[begin_pos:end_pos]
            heappush(pos_list, end_pos)


def segment(text: str, words: Dictionary) -> list[str]:
    """``text`` cut into words by maximal matching on TCC boundaries (pythainlp's newmm)."""
    if not text:
        return []
    return list(_onecut(text, words))
