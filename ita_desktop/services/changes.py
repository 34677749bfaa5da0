"""What a change touched, announced after every operation so that screens can redraw.

Qt-free: the GUI's operations helper emits these; tests and ita-cli may build them too.
"""

from __future__ import annotations

from dataclasses import dataclass

SCORES, ANALYSIS, MEASURES, RESULTS, PLAN = "scores", "analysis", "measures", "results", "plan"
CRITERIA, OFFICES, SETTINGS = "criteria", "offices", "settings"
ALL_KINDS = frozenset({SCORES, ANALYSIS, MEASURES, RESULTS, PLAN, CRITERIA, OFFICES, SETTINGS})

# A change of one kind invalidates what is computed from it.
_FOLLOWS = {
    SCORES: {ANALYSIS, MEASURES},  # the analysis and the measures proposed from it read scores
    CRITERIA: {SCORES, ANALYSIS, MEASURES},
    SETTINGS: {SCORES, ANALYSIS, MEASURES},  # the pass line
    OFFICES: {SCORES, ANALYSIS, MEASURES, RESULTS, PLAN},
    MEASURES: {ANALYSIS},  # "มาตรการได้ผล x จาก y ข้อ"
}


@dataclass(frozen=True)
class Changes:
    """Which kinds of data changed, for which office and year (None: any office or year)."""

    kinds: frozenset[str]
    office_id: int | None = None
    year: int | None = None
    external: bool = False  # noticed in the database, made outside this window

    @classmethod
    def of(cls, *kinds: str, office_id: int | None = None, year: int | None = None) -> "Changes":
        unknown = set(kinds) - ALL_KINDS
        if unknown:
            raise ValueError(f"unknown change kinds {unknown}")
        return cls(frozenset(kinds), office_id, year)

    @classmethod
    def everything(cls, external: bool = False) -> "Changes":
        return cls(ALL_KINDS, None, None, external)

    def affected(self) -> frozenset[str]:
        """The kinds changed and those computed from them."""
        out = set(self.kinds)
        for kind in self.kinds:
            out |= _FOLLOWS.get(kind, set())
        return frozenset(out)

    def touches(self, kinds: frozenset[str] | set[str], office_id: int | None, year: int | None) -> bool:
        """Whether a screen showing ``kinds`` of ``office_id``/``year`` must redraw."""
        if not self.affected() & set(kinds):
            return False
        if self.office_id is not None and office_id is not None and self.office_id != office_id:
            return False
        # Another year's change matters to a screen comparing years; redraw unless clearly apart.
        return self.year is None or year is None or abs(self.year - year) <= 1

    def __or__(self, other: "Changes") -> "Changes":
        same = lambda a, b: a if a == b else None  # noqa: E731
        return Changes(self.kinds | other.kinds, same(self.office_id, other.office_id),
                       same(self.year, other.year), self.external or other.external)


def change_counter(ctx) -> int | None:
    """The database's count of committed writes (models.change_counter), None when unreadable."""
    with ctx.reader() as r:
        rows = r.rows("SELECT n FROM change_counter WHERE id = 1")
    return rows[0]["n"] if rows else None
