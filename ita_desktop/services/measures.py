"""Measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) and reports of what was done,
read as plain data for screens."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ita_desktop.core.criteria import DEFAULT_PASS_LINE
from ita_desktop.models import Measure, MeasureSet, ResultReport, ResultRow


@dataclass(frozen=True)
class MeasureView:
    """One row of the measure table: the weak item or issue and what the office will do."""

    tool: str
    indicator: int | None
    item_code: str | None
    category: str  # urgent | develop | maintain | ""
    issue: str
    responsible: str
    steps: str
    reporting: str
    period: str


@dataclass(frozen=True)
class MeasureSetView:
    """The measures of one office for the fiscal year ``year``, drawn from ``based_on_year``'s results."""

    id: int
    office_id: int
    year: int
    based_on_year: int | None
    pass_line: float
    intro: str
    measures: tuple[MeasureView, ...]

    @property
    def has_period(self) -> bool:
        """Whether any measure states a period (the column is shown only then)."""
        return any(m.period.strip() for m in self.measures)


@dataclass(frozen=True)
class ResultRowView:
    order: int  # 1-based, as printed in the ลำดับ column
    measure: str
    steps: str
    period: str
    responsible: str
    output: str
    outcome: str


@dataclass(frozen=True)
class ResultReportView:
    """รายงานผลการดำเนินการ of one office-year with its intro and summary paragraphs."""

    id: int
    office_id: int
    year: int
    title: str
    intro_paragraphs: tuple[str, ...]
    summary_paragraphs: tuple[str, ...]
    rows: tuple[ResultRowView, ...]


def paragraphs(text: str) -> tuple[str, ...]:
    """Split stored text into paragraphs (separated by blank lines), dropping empty ones."""
    return tuple(p.strip() for p in (text or "").split("\n\n") if p.strip())


def measure_sets_for_year(ctx, office_id: int, year: int) -> tuple[MeasureSetView, ...]:
    """The office's measure sets for ``year`` and those based on ``year``'s results.

    The set whose own year is ``year`` comes first, then the one derived from ``year``'s
    results (the measures for the following year).
    """
    with ctx.db.session() as s:
        rows = s.scalars(
            select(MeasureSet)
            .where(MeasureSet.office_id == office_id,
                   or_(MeasureSet.year == year, MeasureSet.based_on_year == year))
        ).all()
        rows = sorted(rows, key=lambda m: (m.year != year, m.year))
        return tuple(_measure_set_view(m) for m in rows)


def measures_for_year(ctx, office_id: int, year: int) -> MeasureSetView | None:
    """The first of :func:`measure_sets_for_year`, or None when the office has none for ``year``."""
    found = measure_sets_for_year(ctx, office_id, year)
    return found[0] if found else None


def _measure_set_view(m: MeasureSet) -> MeasureSetView:
    return MeasureSetView(
        id=m.id, office_id=m.office_id, year=m.year, based_on_year=m.based_on_year,
        pass_line=float(m.pass_line or DEFAULT_PASS_LINE), intro=m.intro or "",
        measures=tuple(_measure_view(x) for x in m.measures),
    )


def _measure_view(x: Measure) -> MeasureView:
    return MeasureView(
        tool=x.tool or "", indicator=x.indicator, item_code=x.item_code, category=x.category or "",
        issue=x.issue or "", responsible=x.responsible or "", steps=x.steps or "",
        reporting=x.reporting or "", period=x.period or "",
    )


def result_report_for_year(ctx, office_id: int, year: int) -> ResultReportView | None:
    """The report of the measures carried out in ``year``, or None when there is none."""
    with ctx.db.session() as s:
        report = _report_row(s, office_id, year)
        if report is None:
            return None
        return ResultReportView(
            id=report.id, office_id=report.office_id, year=report.year, title=report.title or "",
            intro_paragraphs=paragraphs(report.intro), summary_paragraphs=paragraphs(report.summary),
            rows=tuple(_result_row_view(r, n) for n, r in enumerate(report.rows, start=1)),
        )


def _report_row(s: Session, office_id: int, year: int) -> ResultReport | None:
    return s.scalar(select(ResultReport).where(ResultReport.office_id == office_id, ResultReport.year == year))


def _result_row_view(r: ResultRow, order: int) -> ResultRowView:
    return ResultRowView(order, r.measure or "", r.steps or "", r.period or "", r.responsible or "",
                         r.output or "", r.outcome or "")
