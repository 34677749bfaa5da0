"""ITA result levels: the old seven bands (AA-F) and the five levels used from FY 2566.

Rounding rule: every comparison is made on the score rounded half-up to 2 decimals, the
precision the NACC publishes. A score that prints as 85.00 is therefore treated as 85 (so
84.995 passes) and one that prints as 84.99 is not. Callers may keep full precision for
arithmetic; only the decision goes through :func:`round_score`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

LEVEL_EXCELLENT = "ผ่านดีเยี่ยม"
LEVEL_GOOD = "ผ่านดี"
LEVEL_PASS = "ผ่าน"
LEVEL_IMPROVE = "ต้องปรับปรุง"
LEVEL_URGENT = "ต้องปรับปรุงโดยด่วน"
NEW_LEVELS = (LEVEL_EXCELLENT, LEVEL_GOOD, LEVEL_PASS, LEVEL_IMPROVE, LEVEL_URGENT)

# (band, lowest score in the band), best first. Firm: printed in seed 001.
OLD_BANDS: tuple[tuple[str, float], ...] = (
    ("AA", 95.0),
    ("A", 85.0),
    ("B", 75.0),
    ("C", 65.0),
    ("D", 55.0),
    ("E", 50.0),
    ("F", 0.0),
)


@dataclass(frozen=True)
class LevelRules:
    """Cut-offs of the new levels; per-year data (criteria JSON ``level_rules``).

    The tool condition is firm; 95 and 70 are soft, hence data rather than constants.
    """

    excellent: float = 95.0  # total and every tool at least this -> ผ่านดีเยี่ยม
    good: float = 85.0  # total at least this -> ผ่าน / ผ่านดี
    improve: float = 70.0  # total at least this (below good) -> ต้องปรับปรุง

    def __post_init__(self) -> None:
        if not (0 <= self.improve <= self.good <= self.excellent <= 100):
            raise ValueError("level cut-offs must satisfy 0 <= improve <= good <= excellent <= 100")


DEFAULT_LEVEL_RULES = LevelRules()


def level_rules_from_dict(data: Mapping | None) -> LevelRules:
    """Read ``{"excellent": 95, "good": 85, "improve": 70}``; missing keys keep defaults."""
    if not data:
        return DEFAULT_LEVEL_RULES
    defaults = DEFAULT_LEVEL_RULES
    return LevelRules(
        excellent=float(data.get("excellent", defaults.excellent)),
        good=float(data.get("good", defaults.good)),
        improve=float(data.get("improve", defaults.improve)),
    )


def level_rules_to_dict(rules: LevelRules) -> dict:
    """Inverse of :func:`level_rules_from_dict`."""
    return {"excellent": rules.excellent, "good": rules.good, "improve": rules.improve}


def round_score(value: float) -> float:
    """Round half-up to 2 decimals, as scores are printed.

    ``round(x, 9)`` first removes binary noise from sums such as 0.3*a + 0.4*b, so a
    mathematically exact 84.995 is not seen as 84.99499999... and rounded down.
    """
    if math.isnan(value) or math.isinf(value):
        raise ValueError("score must be a finite number")
    cleaned = round(value, 9)
    if 0.0 <= cleaned < 1e6:
        # Quick path (a national overview rounds thousands of totals): away from a half cent the
        # nearest hundredth is plain arithmetic, and n / 100 is the double nearest to it, as the
        # Decimal's float is. Near a half, the Decimal decides.
        scaled = cleaned * 100
        whole = math.floor(scaled)
        part = scaled - whole
        if abs(part - 0.5) > 1e-6:
            return (whole + (part > 0.5)) / 100
    exact = Decimal(repr(cleaned))
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def old_band(total: float) -> str:
    """The old seven-band rating (AA, A, B, C, D, E, F) of a total score."""
    score = round_score(total)
    for band, lowest in OLD_BANDS:
        if score >= lowest:
            return band
    return OLD_BANDS[-1][0]


def new_level(
    total: float,
    tool_scores: Mapping[str, float | None] | Iterable[float | None] = (),
    rules: LevelRules = DEFAULT_LEVEL_RULES,
) -> str | None:
    """The level (ผ่านดีเยี่ยม ... ต้องปรับปรุงโดยด่วน) of a total and its tool scores.

    ``tool_scores`` are the scores that must each reach the line: IIT, EIT (or EIT1 and
    EIT2 where the year splits it) and OIT. A None score is unknown. When the total is at
    or above ``rules.good`` and the known tools do not settle the level, returns None:
    the level cannot be decided without the missing tool scores.
    """
    score = round_score(total)
    if score < rules.improve:
        return LEVEL_URGENT
    if score < rules.good:
        return LEVEL_IMPROVE
    values = list(tool_scores.values()) if isinstance(tool_scores, Mapping) else list(tool_scores)
    known = [round_score(v) for v in values if v is not None]
    if any(v < rules.good for v in known):
        return LEVEL_PASS
    if len(known) < len(values) or not known:
        return None
    if score >= rules.excellent and all(v >= rules.excellent for v in known):
        return LEVEL_EXCELLENT
    return LEVEL_GOOD
