"""The plan report: targets, risks, the landscape summary table with repeated headers and
totals, detail pages; no amount or word cut at a line end."""

import re
import subprocess

import pytest

from ita_desktop.documents.fonts import register_fonts
from ita_desktop.documents.plan_report import build_plan_pdf, frame_width, summary_table
from ita_desktop.documents.thai_pdf import layout_lines
from ita_desktop.documents.wordbreak import break_units
from ita_desktop.services import offices, plans
from ita_desktop.services.plans import ProjectInput
from tests.documents.pdftools import needs_poppler, pdf_text, render, squash

LONG_NAME = "โครงการส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบการจัดซื้อจัดจ้างขององค์การบริหารส่วนตำบล"


@pytest.fixture
def plan(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    p = plans.plan_for_year(demo_ctx, office, 2567)
    plans.add_project(demo_ctx, p.dimensions[2].id, ProjectInput(
        name=LONG_NAME, budgets={2566: 1_250_000, 2567: 20_000, 2570: 3500.5}, remark="ข้อบัญญัติ"))
    plans.add_project(demo_ctx, p.dimensions[3].id, ProjectInput(name="กิจกรรมอบรม", kind="กิจกรรม",
                                                                 budgets={2566: 15_000}))
    return plans.get_plan(demo_ctx, p.id)


def _page_sizes(path):
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


@needs_poppler
def test_summary_table_landscape_repeated_header_and_totals(plan, tmp_path):
    out = build_plan_pdf(plan, tmp_path / "plan.pdf")
    sizes = _page_sizes(out)
    texts = [pdf_text(out, n, n) for n in range(1, len(sizes) + 1)]
    summary = [n for n, t in enumerate(texts) if "โครงการ/กิจกรรม/มาตรการ" in t and "ปี ๒๕๖๖" in t
               and "รวมมิติที่" in t or ("รวมทั้งสิ้น" in t and "ปี ๒๕๖๖" in t)]
    assert len(summary) >= 2  # the table runs over pages, each with its header
    for n in summary:
        assert sizes[n][0] > sizes[n][1], f"page {n + 1} is not landscape"
        assert "งบประมาณ (บาท)" in texts[n] and "หมายเหตุ" in texts[n]
    table = squash(" ".join(texts[n] for n in summary))
    for amount in ("๑,๒๕๐,๐๐๐", "๒๐,๐๐๐", "๓,๕๐๐.๕๐", "๑๕,๐๐๐"):
        assert amount in table
    assert "จำนวน ๑๗ โครงการ/กิจกรรม/มาตรการ" in table
    assert "จำนวน ๑,๒๖๕,๐๐๐ บาท" in table  # 2566: 1,250,000 + 15,000
    assert "๑,๒๘๘,๕๐๐.๕๐ บาท" in table  # the whole span
    assert "รวมมิติที่ ๓ จำนวน ๓ โครงการ" in table and "รวมมิติที่ ๔ จำนวน ๔ โครงการ" in table
    assert sizes[0][0] < sizes[0][1]  # targets page portrait
    whole = squash(" ".join(texts))
    assert "การประเมินความเสี่ยงการทุจริต" in whole and "คะแนน ITA" in whole and "๙๙ คะแนน" in whole
    assert "จำนวนคดีทุจริตลดลง (คำนวณจากปี ๒๕๖๕)" in whole and "ร้อยละ ๕๐" in whole
    assert "๙. ผลผลิต/ผลลัพธ์" in whole and "๗. งบประมาณดำเนินการ ไม่ใช้งบประมาณ" in whole
    png = render(out, tmp_path / "summary", page=summary[0] + 1)
    assert png.stat().st_size > 10_000


def _width(text, style) -> float:
    from ita_desktop.documents.shaping import shape

    text = text.strip()
    return shape(text, style.font).width(style.size) if text else 0.0


def _breaks_inside_a_unit(text, style, width):
    """Line ends that fall inside a word (a unit the line breaker may not split).

    A term kept whole (an office name, a number with its unit) that is wider than the whole line
    may be cut between its own words, as the engine does; never inside a word.
    """
    from ita_desktop.documents.wordbreak import word_units

    bad = []
    for paragraph in text.split("\n"):
        bounds, at = {0}, 0
        for unit in break_units(paragraph):
            if _width(unit, style) > width:
                inner = at
                for word in word_units(unit):
                    inner += len(word)
                    bounds.add(inner)
            at += len(unit)
            bounds.add(at)
        at = 0
        for line in layout_lines(paragraph, style, width)[:-1]:
            at += len(line.text) + len(line.trail)
            if at not in bounds:
                bad.append(line.text)
    return bad


def test_no_cell_of_the_summary_breaks_inside_a_word_or_number(plan):
    register_fonts()
    table = summary_table(plan, frame_width("landscape"))
    widths = table._colWidths
    spanned = sum(widths[2:2 + len(plan.years)])  # งบประมาณ (บาท) and the span's total
    rows = table._cellvalues
    bad = []
    for r, row in enumerate(rows):
        for c, (value, width) in enumerate(zip(row, widths)):
            if c == 2 and r in (0, len(rows) - 1):
                width = spanned
            for para in value if isinstance(value, list) else []:
                bad += _breaks_inside_a_unit(para.text, para.style, width - 6)
    assert bad == []
