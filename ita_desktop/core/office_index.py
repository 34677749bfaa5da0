"""Finding offices by name among thousands: one pass over the names, then dictionary look-ups.

Names are compared through :func:`orgnames.org_key` (full or abbreviated kind, spaces, digits).
A name that matches none may still be a typo of an existing office: :meth:`OfficeIndex.near`
finds an office of the same kind whose place name is one or two letters away (inserted, dropped
or changed; Thai vowels and tone marks count as letters), using the up-to-two-deletion
neighbourhoods of both names (built once, at the first question), so that it costs a few
dictionary look-ups per name instead of a comparison with every office.
"""

from __future__ import annotations

import difflib
from typing import Iterable

from ita_desktop.core.orgnames import KINDS, canonical_org_name, org_key, short_org_name


def split_kind(name: str) -> tuple[str, str]:
    """(kind, place key) of a name: ``'อบต. ตะโกทอง'`` -> ``('องค์การบริหารส่วนตำบล', 'ตะโกทอง')``."""
    key = org_key(name)
    for kind, _ in KINDS:
        if key.startswith(kind) and len(key) > len(kind):
            return kind, key[len(kind):]
    return "", key


NEAR_DISTANCE = 2  # "a letter or two"


def _deletions(text: str, depth: int = NEAR_DISTANCE) -> set[str]:
    """The text and every text with up to ``depth`` characters removed."""
    found, frontier = {text}, {text}
    for _ in range(depth):
        frontier = {t[:k] + t[k + 1:] for t in frontier for k in range(len(t))}
        found |= frontier
    return found


def edit_distance(a: str, b: str, limit: int = NEAR_DISTANCE) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


class OfficeIndex:
    """Offices ``(id, name[, province])`` indexed by name key, by bare place name and (lazily) by
    near spellings: one letter away among all offices, two letters away among a province's."""

    def __init__(self, rows: Iterable[tuple]):
        self.names: dict[int, str] = {}
        self._by_key: dict[str, int] = {}
        self._by_place: dict[str, list[int]] = {}
        self._places: dict[int, tuple[str, str]] = {}
        self._province: dict[int, str] = {}
        # (depth, province or None) -> {(kind, variant): ids}; built at the first question.
        self._near: dict[tuple[int, str | None], dict[tuple[str, str], set[int]]] = {}
        for office_id, name, *rest in sorted(rows):
            self.names[office_id] = name
            self._province[office_id] = rest[0] if rest and rest[0] else ""
            kind, place = split_kind(name)
            self._places[office_id] = (kind, place)
            self._by_key.setdefault(kind + place, office_id)
            if kind:
                self._by_place.setdefault(place, []).append(office_id)

    @property
    def empty(self) -> bool:
        return not self.names

    def candidates(self, name: str) -> list[int]:
        """Ids the name stands for: the office with its key, else every office of that bare place name."""
        kind, place = split_kind(name)
        found = self._by_key.get(kind + place)
        if found is not None:
            return [found]
        if kind:
            return []
        return list(self._by_place.get(place, ()))

    def find(self, name: str) -> int | None:
        """The one office ``name`` stands for, or None (no office, or several: see :meth:`candidates`)."""
        found = self.candidates(name)
        return found[0] if len(found) == 1 else None

    def _neighbours(self, depth: int, province: str | None) -> dict[tuple[str, str], set[int]]:
        key = (depth, province)
        if key not in self._near:
            table: dict[tuple[str, str], set[int]] = {}
            for office_id, (kind, place) in self._places.items():
                if province is None or self._province[office_id] == province:
                    for variant in _deletions(place, depth):
                        table.setdefault((kind, variant), set()).add(office_id)
            self._near[key] = table
        return self._near[key]

    def near(self, name: str, province: str | None = None) -> str | None:
        """An existing office of the same kind a letter or two away from ``name`` (not equal), or None.

        One letter (inserted, dropped, changed, or two swapped) is looked for among all offices;
        two letters among the offices of ``province`` when it is given (two-deletion neighbourhoods
        of a whole country would take hundreds of megabytes).
        """
        kind, place = split_kind(name)
        hits: set[int] = set()
        for depth, where in ((1, None), (NEAR_DISTANCE, province or None)):
            if depth > 1 and where is None:
                break
            table = self._neighbours(depth, where)
            for variant in _deletions(place, depth):
                hits |= table.get((kind, variant), set())
        # A shared variant bounds the distance by twice the depth: keep those a letter or two away.
        close = sorted((edit_distance(place, self._places[i][1]), i) for i in hits
                       if self._places[i] != (kind, place))
        close = [(d, i) for d, i in close if d <= NEAR_DISTANCE]
        return self.names[close[0][1]] if close else None


def closest_names(name: str, names: dict[int, str] | Iterable[str], limit: int = 5) -> list[str]:
    """Up to ``limit`` office names (abbreviated) closest to ``name``, best first."""
    pool = list(names.values()) if isinstance(names, dict) else list(names)
    keys = {org_key(n): n for n in pool}
    best = difflib.get_close_matches(org_key(canonical_org_name(name)), list(keys), n=limit, cutoff=0.6)
    if not best:  # a bare place name compares better without the kinds
        _, place = split_kind(name)
        places = {split_kind(n)[1]: n for n in pool}
        best_places = difflib.get_close_matches(place, list(places), n=limit, cutoff=0.6)
        return [short_org_name(places[p]) for p in best_places]
    return [short_org_name(keys[k]) for k in best]
