"""Finding offices by name among thousands: one pass over the names, then dictionary look-ups.

Names are compared through :func:`orgnames.org_key` (full or abbreviated kind, spaces, digits).
A name that matches none may still be a typo of an existing office: :meth:`OfficeIndex.near`
finds an office of the same kind whose place name differs by one letter (inserted, dropped or
changed) or by two swapped letters, using the one-deletion neighbourhoods of both names, so
that it costs a dictionary look-up per name instead of a comparison with every office.
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


def _deletions(text: str) -> set[str]:
    """The text and every text with one character removed."""
    return {text} | {text[:k] + text[k + 1:] for k in range(len(text))}


class OfficeIndex:
    """Offices ``(id, name)`` indexed by name key, by bare place name and (lazily) by near spellings."""

    def __init__(self, rows: Iterable[tuple[int, str]]):
        self.names: dict[int, str] = {}
        self._by_key: dict[str, int] = {}
        self._by_place: dict[str, list[int]] = {}
        self._places: dict[int, tuple[str, str]] = {}
        self._near: dict[tuple[str, str], set[int]] | None = None
        for office_id, name in sorted(rows):
            self.names[office_id] = name
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

    def near(self, name: str) -> str | None:
        """An existing office of the same kind a letter or two away from ``name`` (not equal), or None."""
        if self._near is None:
            self._near = {}
            for office_id, (kind, place) in self._places.items():
                for variant in _deletions(place):
                    self._near.setdefault((kind, variant), set()).add(office_id)
        kind, place = split_kind(name)
        hits: set[int] = set()
        for variant in _deletions(place):
            hits |= self._near.get((kind, variant), set())
        hits = {i for i in hits if self._places[i] != (kind, place)}
        return self.names[min(hits)] if hits else None


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
