"""Weak-point analysis (วิเคราะห์จุดอ่อน): indicators and items against the office's pass line.

The categories are the ones the offices' analysis reports use (seed 001):
below the line -> urgent weakness, at or above it but under 100 -> to develop,
100 -> maintain. The line is a setting (85 by default; some offices use 90).
Scores are compared at 2 decimals, like everywhere else (see core.levels).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ita_desktop.core.criteria import DEFAULT_PASS_LINE, Criteria
from ita_desktop.core.digits import to_thai_digits
from ita_desktop.core.levels import round_score
from ita_desktop.core.scoring import IndicatorResult, ItemResult, ScoreResult

FULL_SCORE = 100.0


class Category(StrEnum):
    """Analysis category; the value is the Thai heading printed in the documents."""

    URGENT = "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน"
    DEVELOP = "ประเด็นที่ต้องพัฒนาให้ดีขึ้น"
    MAINTAIN = "รักษามาตรฐาน"


def classify(score: float, pass_line: float = DEFAULT_PASS_LINE) -> Category:
    """Category of one score against ``pass_line`` (both compared at 2 decimals)."""
    line = check_line(pass_line)
    value = round_score(score)
    if value >= FULL_SCORE:
        return Category.MAINTAIN
    if value >= line:
        return Category.DEVELOP
    return Category.URGENT


def check_line(pass_line: float) -> float:
    """``pass_line`` at 2 decimals; ValueError (Thai) unless 0 < line <= 100."""
    line = round_score(float(pass_line))
    if not 0 < line <= FULL_SCORE:
        raise ValueError("เกณฑ์ผ่านต้องมากกว่า ๐ และไม่เกิน ๑๐๐")
    return line


def _category(score: float | None, line: float) -> Category | None:
    return None if score is None else classify(score, line)


@dataclass(frozen=True)
class ItemFinding:
    code: str
    text: str
    indicator: int
    score: float | None
    category: Category | None  # None without a score
    text_known: bool = True


@dataclass(frozen=True)
class IndicatorFinding:
    number: int
    name: str
    tool: str
    score: float | None
    category: Category | None
    passed: bool | None  # score >= pass line
    items: tuple[ItemFinding, ...] = ()

    def items_in(self, category: Category) -> tuple[ItemFinding, ...]:
        return tuple(i for i in self.items if i.category == category)


@dataclass(frozen=True)
class ToolFinding:
    code: str
    name: str
    score: float | None
    indicators: tuple[IndicatorFinding, ...]


@dataclass(frozen=True)
class AnalysisSummary:
    """The data of the summary sentence: strengths (passed) and indicators to develop (failed)."""

    pass_line: float
    passed: tuple[IndicatorFinding, ...]
    failed: tuple[IndicatorFinding, ...]
    unscored: tuple[IndicatorFinding, ...] = ()

    @property
    def passed_names(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.passed)

    @property
    def failed_names(self) -> tuple[str, ...]:
        return tuple(i.name for i in self.failed)


@dataclass(frozen=True)
class Analysis:
    year: int
    pass_line: float
    total: float | None
    level: str | None
    level_old: str | None
    tools: tuple[ToolFinding, ...]
    summary: AnalysisSummary

    @property
    def indicators(self) -> tuple[IndicatorFinding, ...]:
        return tuple(ind for tool in self.tools for ind in tool.indicators)

    def indicators_in(self, category: Category) -> tuple[IndicatorFinding, ...]:
        return tuple(i for i in self.indicators if i.category == category)

    def items_in(self, category: Category) -> tuple[ItemFinding, ...]:
        return tuple(item for ind in self.indicators for item in ind.items_in(category))


def analyse(result: ScoreResult, criteria: Criteria, pass_line: float | None = None) -> Analysis:
    """Classify every indicator and item of ``result``, grouped by tool then indicator.

    ``pass_line`` defaults to the one the result was computed with.
    """
    line = check_line(result.pass_line if pass_line is None else pass_line)
    tools = tuple(
        ToolFinding(
            tool.code,
            tool.name,
            result.tools.get(tool.code),
            tuple(_indicator_finding(ind, result.items, line) for ind in result.indicators if ind.tool == tool.code),
        )
        for tool in criteria.tools
    )
    indicators = [ind for tool in tools for ind in tool.indicators]
    summary = AnalysisSummary(
        pass_line=line,
        passed=tuple(i for i in indicators if i.passed),
        failed=tuple(i for i in indicators if i.passed is False),
        unscored=tuple(i for i in indicators if i.score is None),
    )
    return Analysis(result.year, line, result.total, result.level, result.level_old, tools, summary)


def _indicator_finding(ind: IndicatorResult, items: tuple[ItemResult, ...], line: float) -> IndicatorFinding:
    own = tuple(
        ItemFinding(i.code, i.text, i.indicator, i.score, _category(i.score, line), i.text_known)
        for i in items
        if i.indicator == ind.number
    )
    passed = None if ind.score is None else round_score(ind.score) >= line
    return IndicatorFinding(ind.number, ind.name, ind.tool, ind.score, _category(ind.score, line), passed, own)


def summary_sentence(summary: AnalysisSummary, thai_digits: bool = True) -> str:
    """The report's summary sentence, in the wording of seed 001.

    e.g. "จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ ๘๕ มี ๒ ตัวชี้วัด คือ ก และ ข
    ส่วนที่จะต้องพัฒนาเนื่องจากได้คะแนนต่ำกว่า ๘๕ มี ๘ ตัวชี้วัด คือ ..."
    """
    line = f"{summary.pass_line:g}"
    parts = []
    if summary.passed:
        parts.append(
            f"จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ {line} มี {len(summary.passed)} ตัวชี้วัด "
            f"คือ {thai_join(summary.passed_names)}"
        )
    else:
        parts.append(f"ไม่มีตัวชี้วัดที่ผ่านเกณฑ์ร้อยละ {line}")
    if summary.failed:
        parts.append(
            f"ส่วนที่จะต้องพัฒนาเนื่องจากได้คะแนนต่ำกว่า {line} มี {len(summary.failed)} ตัวชี้วัด "
            f"คือ {thai_join(summary.failed_names)}"
        )
    text = " ".join(parts)
    return to_thai_digits(text) if thai_digits else text


def thai_join(names: tuple[str, ...] | list[str]) -> str:
    """Join names the way the reports do: "ก", "ก และข", "ก, ข และค"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " และ" + names[-1]


# --- year over year ---------------------------------------------------------------

UP, DOWN, SAME = "up", "down", "same"


@dataclass(frozen=True)
class ScoreChange:
    """One figure in two years; ``change`` is current - previous at 2 decimals."""

    key: str  # indicator number as text, tool code, or "total"
    name: str
    previous: float | None
    current: float | None
    change: float | None
    direction: str | None  # UP, DOWN, SAME; None when either year lacks the figure
    previous_passed: bool | None = None
    current_passed: bool | None = None


@dataclass(frozen=True)
class YearComparison:
    previous_year: int
    current_year: int
    total: ScoreChange
    tools: tuple[ScoreChange, ...]
    indicators: tuple[ScoreChange, ...]

    @property
    def improved(self) -> tuple[ScoreChange, ...]:
        return tuple(c for c in self.indicators if c.direction == UP)

    @property
    def declined(self) -> tuple[ScoreChange, ...]:
        return tuple(c for c in self.indicators if c.direction == DOWN)


def score_change(
    key: str,
    name: str,
    previous: float | None,
    current: float | None,
    previous_line: float | None = None,
    current_line: float | None = None,
) -> ScoreChange:
    """Compare two published figures (rounded to 2 decimals before subtracting).

    The pass flags are filled only when the lines are given.
    """
    if previous is None or current is None:
        change, direction = None, None
    else:
        change = round_score(round_score(current) - round_score(previous))
        direction = UP if change > 0 else DOWN if change < 0 else SAME
    return ScoreChange(
        key, name, previous, current, change, direction, _passed(previous, previous_line), _passed(current, current_line)
    )


def _passed(score: float | None, line: float | None) -> bool | None:
    return None if score is None or line is None else round_score(score) >= round_score(line)


def compare_years(previous: ScoreResult, current: ScoreResult) -> YearComparison:
    """Per-indicator, per-tool and total change between two years' results.

    Indicators are matched by number (1-10 are stable across years); the name is the
    current year's. Pass flags use each year's own pass line.
    """
    prev_inds = {i.number: i for i in previous.indicators}
    cur_inds = {i.number: i for i in current.indicators}
    numbers = sorted(set(prev_inds) | set(cur_inds))
    indicators = tuple(
        score_change(
            str(n),
            (cur_inds.get(n) or prev_inds[n]).name,
            _score(prev_inds.get(n)),
            _score(cur_inds.get(n)),
            previous.pass_line,
            current.pass_line,
        )
        for n in numbers
    )
    codes = list(dict.fromkeys([*current.tools, *previous.tools]))
    tools = tuple(score_change(code, code, previous.tools.get(code), current.tools.get(code)) for code in codes)
    total = score_change("total", "คะแนนรวม", previous.total, current.total)
    return YearComparison(previous.year, current.year, total, tools, indicators)


def _score(indicator: IndicatorResult | None) -> float | None:
    return None if indicator is None else indicator.score


def compare_items(previous: ScoreResult, current: ScoreResult) -> dict[str, ScoreChange]:
    """Per-item change between two years, matched by code (codes are stable within a catalog
    generation; an item only one year has gets no change)."""
    before = {i.code: i.score for i in previous.items if i.score is not None}
    return {
        i.code: score_change(i.code, i.text, before.get(i.code), i.score)
        for i in current.items
        if i.score is not None
    }


@dataclass(frozen=True)
class MeasureEffect:
    """Of the items that had a measure between two scored years, how many rose."""

    rose: tuple[str, ...]
    compared: tuple[str, ...]  # items with a measure and a score in both years

    @property
    def sentence(self) -> str:
        return f"มาตรการได้ผล {len(self.rose)} จาก {len(self.compared)} ข้อ"


def measure_effect(item_changes: dict[str, ScoreChange], measured: set[str] | frozenset[str]) -> MeasureEffect:
    """Whether the items in ``measured`` rose (``item_changes`` from :func:`compare_items`)."""
    compared = tuple(code for code, c in item_changes.items() if code in measured and c.change is not None)
    rose = tuple(code for code in compared if item_changes[code].direction == UP)
    return MeasureEffect(rose, compared)
