"""The anti-corruption action plan as printed (seed 004): targets, the risk assessment table,
the summary table (dimension x project x yearly budget, totals per dimension, per year and
overall) in landscape with its header repeated, then one detail page per project.

A pure function of plain data: ``plan`` is any object with the attributes of the plans
service's PlanView (title, office_name, years, dimensions with projects, targets, risks)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Spacer, TableStyle

from ita_desktop.core.progress import Progress
from ita_desktop.core.plan import NO_BUDGET_TEXT, budget_totals, BudgetLine, format_baht
from ita_desktop.documents.fonts import font_name, register_fonts
from ita_desktop.documents.report import (
    CELL_STYLE, HEADER_STYLE, SUBTITLE_STYLE, TITLE_STYLE, ContinuedTable, ProgressDocTemplate, cell, numbered_canvas,
)
from ita_desktop.documents.shaping import shape
from ita_desktop.documents.wordbreak import word_units
from ita_desktop.documents.thai_pdf import TextStyle, localize_digits, paragraph

BOLD_CELL = CELL_STYLE.derive(bold=True)
HEADING = TextStyle(size=16, bold=True, space_before=6, space_after=2)
BODY = TextStyle(size=16, align="justify", first_indent=1.25 * cm)
BODY_LINES = TextStyle(size=16, left_indent=1.25 * cm)
_MARGINS = (2 * cm, 1.5 * cm, 1.5 * cm, 2 * cm)  # left, right, top, bottom
GREY = colors.Color(0.9, 0.9, 0.9)
SUM_FILL = colors.Color(0.96, 0.96, 0.96)


def plan_doc(path: str | Path, title: str, first: str = "portrait",
             progress: Progress | None = None) -> BaseDocTemplate:
    """A document with a portrait and a landscape page template (switch with NextPageTemplate);
    the first page is ``first``. ``progress`` hears the fraction done (see ProgressDocTemplate)."""
    left, right, top, bottom = _MARGINS
    doc = ProgressDocTemplate(str(path), pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
                              bottomMargin=bottom, title=title, initialFontName=font_name(), progress=progress)
    templates = []
    sizes = (("portrait", A4), ("landscape", landscape(A4)))
    for name, size in sorted(sizes, key=lambda x: x[0] != first):
        frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0, id=name)
        templates.append(PageTemplate(name, [frame], pagesize=size))
    doc.addPageTemplates(templates)
    return doc


def frame_width(orientation: str) -> float:
    size = A4 if orientation == "portrait" else landscape(A4)
    return size[0] - _MARGINS[0] - _MARGINS[1]


def grid_table(header_rows: list[list], body: list[list], widths: list[float], fill_rows=(), extra=()):
    """A table of Thai cells whose ``header_rows`` repeat on every page."""
    table = ContinuedTable(header_rows + body, colWidths=widths, repeatRows=len(header_rows), splitInRow=1)
    n = len(header_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font_name()),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, n - 1), GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("BACKGROUND", (0, n + r), (-1, n + r), SUM_FILL) for r in fill_rows]
    style += list(extra)
    table.setStyle(TableStyle(style))
    return table


def _c(text, style=CELL_STYLE, thai_digits=True):
    return [cell(str(text), style, thai_digits)]


def _head(text, thai_digits=True):
    return _c(text, HEADER_STYLE, thai_digits)


def _baht(amount: float | None) -> str:
    return format_baht(amount)


def _text_width(text: str, bold: bool, size: float = CELL_STYLE.size) -> float:
    return shape(text, font_name(bold=bold)).width(size) if text else 0.0


def _longest_unit(texts, thai_digits: bool, bold: bool = False) -> float:
    """The widest word (so that no word is cut; a term wider than its column is cut between words)."""
    return max((_text_width(u.strip(), bold) for t in texts for u in word_units(localize_digits(t, thai_digits))
                if u.strip()), default=0)


def fit_headers(widths: list[float], headers, thai_digits: bool, flexible: int) -> list[float]:
    """Widen columns whose heading has a word longer than the column, taking the room from
    column ``flexible``."""
    widths = list(widths)
    for i, title in enumerate(headers):
        need = _longest_unit([title], thai_digits, bold=True) + 8
        if i != flexible and widths[i] < need:
            widths[flexible] -= need - widths[i]
            widths[i] = need
    return widths


def _money_width(texts, thai_digits: bool, count: int, room: float) -> float:
    """As wide as the widest amount, within ``room`` shared by ``count`` columns."""
    widest = max((_text_width(localize_digits(t, thai_digits), True) for t in texts), default=0)
    return min(max(2.0 * cm, widest + 10), room / count)


def _amount(text: str, width: float, bold: bool = False, thai_digits: bool = True):
    """A right-aligned amount, in a smaller size when it would not fit on one line."""
    text = localize_digits(text, thai_digits)
    style = (BOLD_CELL if bold else CELL_STYLE).derive(align="right")
    natural = _text_width(text, bold)
    if natural > width - 8:
        style = style.derive(size=max(8.0, style.size * (width - 8) / natural))
    return [cell(text, style, thai_digits)]


# --- the summary table ----------------------------------------------------------------------


def summary_table(plan, width: float, thai_digits: bool = True):
    """Dimension | project | budget per year | remark; a total row per dimension, the
    รวมทั้งสิ้น row (projects counted, baht per year) and the whole span's total."""
    years, n = plan.years, len(plan.years)
    totals = budget_totals((BudgetLine(p.dimension, dict(p.budgets)) for p in plan.projects), years,
                           [d.number for d in plan.dimensions])
    remark_w = 2.6 * cm
    amounts = [_baht(a) for p in plan.projects for _, a in p.budgets] + [_baht(v) for v in totals.by_year.values()]
    money = _money_width(amounts, thai_digits, n, (width - remark_w) * 0.5)
    rest = width - money * n - remark_w
    dim_w = max(rest * 0.28, _longest_unit([f"{d.number}. {d.name}" for d in plan.dimensions], thai_digits) + 8)
    widths = [dim_w, rest - dim_w, *([money] * n), remark_w]
    header = [[_head("มิติ", thai_digits), _head("โครงการ/กิจกรรม/มาตรการ", thai_digits),
               _head("งบประมาณ (บาท)", thai_digits), *([""] * (n - 1)), _head("หมายเหตุ", thai_digits)],
              ["", "", *(_head(f"ปี {y}", thai_digits) for y in years), ""]]
    body, sums = [], []
    for dim in plan.dimensions:
        for k, p in enumerate(dim.projects):
            label = f"{p.code}. {p.name}" if p.code else p.name
            body.append([_c(f"{dim.number}. {dim.name}" if k == 0 else "", CELL_STYLE, thai_digits),
                         _c(label, CELL_STYLE, thai_digits),
                         *(_amount(_baht(p.budget(y)), money, False, thai_digits) for y in years),
                         _c(p.remark or (NO_BUDGET_TEXT if p.no_budget else ""), CELL_STYLE, thai_digits)])
        if not dim.projects:
            body.append([_c(f"{dim.number}. {dim.name}", CELL_STYLE, thai_digits), _c("-", CELL_STYLE, thai_digits),
                         *(_amount("-", money) for _ in years), _c("")])
        sums.append(len(body))
        row = totals.by_dimension[dim.number]
        body.append([_c(""), _c(f"รวมมิติที่ {dim.number} จำนวน {len(dim.projects)} โครงการ", BOLD_CELL, thai_digits),
                     *(_amount(_baht(row[y]), money, True, thai_digits) for y in years), _c("")])
    sums += [len(body), len(body) + 1]
    body.append([_c("รวมทั้งสิ้น", BOLD_CELL, thai_digits),
                 _c(f"จำนวน {len(plan.projects)} โครงการ/กิจกรรม/มาตรการ", BOLD_CELL, thai_digits),
                 *(_amount(f"จำนวน {_baht(totals.by_year[y])} บาท", money, True, thai_digits) for y in years),
                 _c("")])
    body.append([_c(""), _c(f"รวมงบประมาณ {n} ปี (พ.ศ. {years[0]} - {years[-1]})", BOLD_CELL, thai_digits),
                 _c(f"{_baht(totals.overall)} บาท", BOLD_CELL.derive(align="center"), thai_digits),
                 *([""] * (n - 1)), _c("")])
    last = len(body) + 1  # the two header rows come first
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (1 + n, 0)),
             ("SPAN", (2 + n, 0), (2 + n, 1)), ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
             ("SPAN", (2, last), (1 + n, last))]
    return grid_table(header, body, widths, fill_rows=sums, extra=spans)


# --- targets and risks ----------------------------------------------------------------------


def targets_table(plan, width: float, thai_digits: bool = True):
    years = plan.years
    by_year = {t.year: t for t in plan.targets}
    widths = [width * 0.3] + [width * 0.7 / len(years)] * len(years)
    header = [[_head("ค่าเป้าหมาย", thai_digits), *(_head(f"ปี {y}", thai_digits) for y in years)]]
    center = CELL_STYLE.derive(align="center")

    def row(label, value):
        return [_c(label, CELL_STYLE, thai_digits),
                *(_c(value(by_year[y]) if y in by_year else "-", center, thai_digits) for y in years)]

    body = []
    if any(getattr(t, "fewer_cases_percent", None) is not None for t in plan.targets):
        body.append(row(f"จำนวนคดีทุจริตลดลง (คำนวณจากปี {plan.start_year - 1})",
                        lambda t: "-" if t.fewer_cases_percent is None else f"ร้อยละ {t.fewer_cases_percent:g}"))
    body.append(row("คะแนน ITA", lambda t: "-" if t.ita_target is None else f"{t.ita_target:g} คะแนน"))
    if any(t.other for t in plan.targets):
        body.append(row("เป้าหมายอื่น", lambda t: t.other or "-"))
    return grid_table(header, body, widths)


def risks_table(plan, width: float, thai_digits: bool = True):
    widths = [1.2 * cm, (width - 3.6 * cm) * 0.22, (width - 3.6 * cm) * 0.36, 2.4 * cm, (width - 3.6 * cm) * 0.42]
    header = [[_head("ที่", thai_digits), _head("กระบวนงาน/ขั้นตอน", thai_digits),
               _head("ประเด็นความเสี่ยง", thai_digits), _head("ระดับความเสี่ยง", thai_digits),
               _head("มาตรการควบคุมที่มีอยู่", thai_digits)]]
    center = CELL_STYLE.derive(align="center")
    body = [[_c(n, center, thai_digits), _c(r.process, CELL_STYLE, thai_digits), _c(r.risk, CELL_STYLE, thai_digits),
             _c(r.level, center, thai_digits), _c(r.controls, CELL_STYLE, thai_digits)]
            for n, r in enumerate(plan.risks, start=1)]
    return grid_table(header, body or [[_c("-")] * 5], widths)


# --- project detail -------------------------------------------------------------------------


def _budget_words(p, years) -> str:
    if p.budget_text:
        return p.budget_text
    amounts = [(y, a) for y, a in p.budgets if a]
    if not amounts:
        return NO_BUDGET_TEXT if p.no_budget else "-"
    return "\n".join(f"ปี {y} จำนวน {format_baht(a)} บาท" for y, a in amounts)


def project_detail(dim, p, years, thai_digits: bool = True) -> list:
    """The nine parts of one project, as in part 3 of seed 004."""
    story = [paragraph(f"มิติที่ {dim.number} {dim.name}", SUBTITLE_STYLE.derive(align="left"), thai_digits)]
    if p.code:
        story.append(paragraph(f"ลำดับที่ {p.code}", HEADING, thai_digits))
    period = p.period or (f"ปีงบประมาณ พ.ศ. {p.years[0]} - {p.years[-1]}" if p.years else "-")
    parts = [
        (f"๑. ชื่อโครงการ : {p.name}", None),
        ("๒. หลักการและเหตุผล", p.rationale),
        ("๓. วัตถุประสงค์", p.objectives),
        ("๔. เป้าหมาย/กลุ่มเป้าหมาย", "\n".join(x for x in (p.target_group, _groups(p)) if x)),
        ("๕. วิธีดำเนินการ", p.method),
        ("๖. ระยะเวลาดำเนินการ", period),
        ("๗. งบประมาณดำเนินการ", _budget_words(p, years)),
        ("๘. ผู้รับผิดชอบ", p.responsible),
        ("๙. ผลผลิต/ผลลัพธ์", p.outputs_outcomes),
    ]
    for heading, text in parts:
        story.append(paragraph(heading, HEADING, thai_digits))
        if text is None:
            continue
        for line in (text or "-").split("\n"):
            if line.strip():
                story.append(paragraph(line.strip(), BODY, thai_digits))
    return story


def _groups(p) -> str:
    groups = getattr(p, "target_groups", ())
    return f"กลุ่มเป้าหมาย: {', '.join(groups)}" if groups else ""


# --- the whole report -----------------------------------------------------------------------


def build_plan_pdf(plan, path: str | Path, thai_digits: bool = True, details: bool = True,
                   progress: Progress | None = None) -> Path:
    """The plan report: title and targets, risks, the summary table, each project's detail."""
    register_fonts()
    doc = plan_doc(path, plan.title or "แผนปฏิบัติการป้องกันการทุจริต", progress=progress)
    portrait_w, landscape_w = frame_width("portrait"), frame_width("landscape")
    span = f"(พ.ศ. {plan.start_year} - {plan.end_year})"
    story = [paragraph(plan.title or f"แผนปฏิบัติการป้องกันการทุจริต {span}", TITLE_STYLE, thai_digits),
             paragraph(plan.office_name, SUBTITLE_STYLE, thai_digits), Spacer(1, 12)]
    if getattr(plan, "objectives", ""):
        story.append(paragraph("วัตถุประสงค์ของการจัดทำแผน", HEADING, thai_digits))
        story += [paragraph(x, BODY_LINES, thai_digits) for x in plan.objectives.split("\n") if x.strip()]
    story += [paragraph("เป้าหมาย", HEADING, thai_digits), Spacer(1, 4), targets_table(plan, portrait_w, thai_digits)]
    story += [NextPageTemplate("landscape"), PageBreak(),
              paragraph("การประเมินความเสี่ยงการทุจริต", TITLE_STYLE, thai_digits), Spacer(1, 6),
              risks_table(plan, landscape_w, thai_digits), PageBreak(),
              paragraph(f"แผนปฏิบัติการป้องกันการทุจริต {span}", TITLE_STYLE, thai_digits),
              paragraph(f"{plan.office_name} จำนวน {len(plan.projects)} โครงการ/กิจกรรม/มาตรการ", SUBTITLE_STYLE,
                        thai_digits),
              Spacer(1, 6), summary_table(plan, landscape_w, thai_digits)]
    if details and plan.projects:
        story.append(NextPageTemplate("portrait"))
        for dim in plan.dimensions:
            for p in dim.projects:
                story += [PageBreak(), *project_detail(dim, p, plan.years, thai_digits)]
    doc.build(story, canvasmaker=numbered_canvas(thai_digits))
    return Path(path)
