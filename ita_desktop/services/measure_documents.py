"""The measures document and the results report of an office-year, as plain data for the
document writers (documents.measures_report, documents.results_report), and written to
.pdf or .xlsx by the file's suffix."""

from __future__ import annotations

from pathlib import Path

from ita_desktop.documents import measures_report as mdoc
from ita_desktop.documents import results_report as rdoc

from . import queries
from .errors import UserError
from .measures import MeasureView, measure_set_of_year, result_report_for_year

SUFFIXES = (".pdf", ".xlsx")
MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
RESULTS_TITLES = {
    "000": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "003": "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}


def issue_text(m: MeasureView) -> str:
    """The issue as the documents print it: the item codes (or indicator), then the text."""
    if m.items:
        prefix = " ".join(m.items)
        return m.issue if m.issue.startswith(prefix) else f"{prefix} {m.issue}".strip()
    if len(m.indicators) == 1 and "ตัวชี้วัด" not in m.issue:
        return f"ตัวชี้วัดที่ {m.indicators[0]} {m.issue}".strip()
    return m.issue


def _place(office) -> str:
    parts = [office.name]
    if office.district:
        parts.append(f"อำเภอ{office.district}")
    if office.province:
        parts.append(f"จังหวัด{office.province}")
    return " ".join(parts)


def measures_document(ctx, office_id: int, year: int, layout: str = "001",
                      thai_digits: bool = True) -> mdoc.MeasuresDocument:
    """The measures of ``year`` (their own fiscal year) in seed 001's or seed 002's layout."""
    if layout not in mdoc.LAYOUTS:
        raise UserError(f"รูปแบบเอกสารมาตรการ '{layout}' ไม่รู้จัก (มีได้: {', '.join(mdoc.LAYOUTS)})")
    office = queries.get_office(ctx, office_id)
    ms = measure_set_of_year(ctx, office_id, year)
    if ms is None or not ms.measures:
        raise UserError(f"{office.name} ยังไม่มีมาตรการของปีงบประมาณ พ.ศ. {year}")
    heading = _group_headings(ctx, office_id, ms.based_on_year) if layout == "001" else (lambda m: "")
    rows = tuple(mdoc.MeasureDocRow(issue_text(m), m.measure, m.steps, m.reporting, m.responsible,
                                    _period(m, thai_digits), heading(m)) for m in ms.measures)
    title = (f"{MEASURES_TITLE}", f"ของ{office.name}", f"ประจำปีงบประมาณ พ.ศ. {year}")
    return mdoc.MeasuresDocument(title, ms.intro, rows, layout, thai_digits)


def _group_headings(ctx, office_id: int, based_on_year: int | None):
    """A function giving a measure's seed-001 heading: the tool, then the indicator with its
    score and result of ``based_on_year`` (what is known of them)."""
    tools, indicators, scores = {}, {}, {}
    if based_on_year is not None:
        try:
            catalog = queries.get_criteria(ctx, based_on_year)
            tools = {t.code: t.name for t in catalog.tools}
            indicators = {i.number: (i.name, i.tool) for i in catalog.indicators}
            result = queries.score_office_year(ctx, office_id, based_on_year).result
            scores = {i.number: i for i in result.indicators if i.score is not None}
        except UserError:
            pass

    def heading(m: MeasureView) -> str:
        if len(m.indicators) != 1:
            return ""
        number = m.indicators[0]
        name, tool = indicators.get(number, ("", m.tool))
        lines = [f"เครื่องมือการประเมิน {tools[tool]} ({tool})"] if tool in tools else []
        line = f"ตัวชี้วัดที่ {number} {name}".strip()
        if number in scores:
            found = scores[number]
            verdict = "ผ่านเกณฑ์" if found.passed else "ไม่ผ่านเกณฑ์"
            line += f" คะแนนเฉลี่ย {found.score:.2f} คะแนน ผลการประเมิน {verdict}"
        return "\n".join(lines + [line])

    return heading


def _period(m: MeasureView, thai_digits: bool) -> str:
    from ita_desktop.core.thaitext import thai_date
    import datetime as _dt

    text = m.period_text
    if m.deadline:
        due = f"กำหนดแล้วเสร็จ {thai_date(_dt.date.fromisoformat(m.deadline), thai_digits)}"
        text = f"{text}\n{due}" if text else due
    return text


def results_document(ctx, office_id: int, year: int, layout: str = "000",
                     thai_digits: bool = True) -> rdoc.ResultsDocument:
    """The report of what was done in ``year`` in seed 000's or seed 003's layout."""
    if layout not in rdoc.LAYOUTS:
        raise UserError(f"รูปแบบรายงานผล '{layout}' ไม่รู้จัก (มีได้: {', '.join(rdoc.LAYOUTS)})")
    office = queries.get_office(ctx, office_id)
    report = result_report_for_year(ctx, office_id, year)
    if report is None or not report.rows:
        raise UserError(f"{office.name} ยังไม่มีผลการดำเนินการของปีงบประมาณ พ.ศ. {year}")
    rows = tuple(rdoc.ResultDocRow(r.measure, r.steps, r.period, r.responsible, r.output, r.outcome)
                 for r in report.rows)
    if layout == "000":
        head, _, tail = (report.title or RESULTS_TITLES["000"]).partition(" ประจำปีงบประมาณ")
        title = (head, f"ประจำปีงบประมาณ{tail}" if tail else f"ประจำปีงบประมาณ พ.ศ. {year}", office.name)
    else:
        title = (RESULTS_TITLES["003"], f"ประจำปีงบประมาณ พ.ศ. {year}", _place(office))
    return rdoc.ResultsDocument(title, report.intro_paragraphs, rows,
                                _indicator_issues(ctx, office_id, year) if layout == "000" else (),
                                report.summary_paragraphs, layout, thai_digits)


def _indicator_issues(ctx, office_id: int, year: int) -> tuple[rdoc.IndicatorIssue, ...]:
    try:
        scores = queries.score_office_year(ctx, office_id, year)
    except UserError:
        return ()
    notes = scores.stored.indicator_notes
    found = tuple(rdoc.IndicatorIssue(i.number, i.name, "-" if i.score is None else f"{i.score:.2f}",
                                      notes.get(i.number, ""))
                  for i in scores.result.indicators)
    return found if any(i.score != "-" or i.issue for i in found) else ()


def _out(path: str | Path) -> Path:
    out = Path(path)
    if out.suffix.lower() not in SUFFIXES:
        raise UserError(f"ไฟล์ผลลัพธ์ '{out}' ต้องลงท้ายด้วย .pdf หรือ .xlsx")
    if not out.parent.exists():
        raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์")
    return out


def write_measures_report(ctx, office_id: int, year: int, path: str | Path, layout: str = "001") -> Path:
    """Write the measures document to ``path`` (.pdf or .xlsx)."""
    out = _out(path)
    doc = measures_document(ctx, office_id, year, layout, thai_digits=out.suffix.lower() == ".pdf")
    if out.suffix.lower() == ".pdf":
        return mdoc.build_measures_pdf(doc, out)
    return mdoc.build_measures_xlsx(doc, out)


def write_results_report(ctx, office_id: int, year: int, path: str | Path, layout: str = "000") -> Path:
    """Write the results report to ``path`` (.pdf or .xlsx)."""
    out = _out(path)
    doc = results_document(ctx, office_id, year, layout, thai_digits=out.suffix.lower() == ".pdf")
    if out.suffix.lower() == ".pdf":
        return rdoc.build_results_pdf(doc, out)
    return rdoc.build_results_xlsx(doc, out)
