"""The provincial overview (ภาพรวมหลายหน่วยงาน) as a PDF report and an Excel workbook.

Pure functions of a :class:`core.overview.Overview` and an output path.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4, landscape as landscape_of
from reportlab.lib.units import cm
from reportlab.platypus import Spacer

from ita_desktop.core import progress as progress_of
from ita_desktop.core.overview import Overview
from ita_desktop.core.progress import Progress
from ita_desktop.documents.fonts import register_fonts
from ita_desktop.documents.report import (SUBTITLE_STYLE, TITLE_STYLE, Column, numbered_canvas, page_doc,
                                          thai_table)
from ita_desktop.documents.thai_pdf import ThaiParagraph, localize_digits
from ita_desktop.documents.xlsx import SheetColumn, save_workbook, sheet_parts, write_table

TITLE = "ภาพรวมผลการประเมินคุณธรรมและความโปร่งใส (ITA) หลายหน่วยงาน"
FILTER_LABELS = {"province": "จังหวัด", "district": "อำเภอ", "kind": "ประเภท"}
RANK_COLUMNS = ("อันดับ", "หน่วยงาน", "อำเภอ", "จังหวัด", "คะแนนรวม", "ระดับ", "ปีก่อน", "เพิ่ม/ลด",
                "ตัวชี้วัดที่ต่ำกว่าเกณฑ์")
INDICATOR_COLUMNS = ("ตัวชี้วัด", "เครื่องมือ", "จำนวนหน่วยงานที่ต่ำกว่าเกณฑ์", "จำนวนหน่วยงานที่มีคะแนน", "คะแนนเฉลี่ย")
OIT_COLUMNS = ("ข้อ", "ประเด็น", "จำนวนหน่วยงานที่ได้ 0", "จำนวนหน่วยงานที่มีคะแนนรายข้อ")


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.2f}" if signed else f"{value:.2f}"


def subtitle_lines(ov: Overview) -> list[str]:
    """Year, filters, how many offices, the mean and the pass line."""
    where = " ".join(f"{FILTER_LABELS.get(k, k)}{v}" for k, v in ov.filters)
    first = f"ประจำปีงบประมาณ พ.ศ. {ov.year}" + (f" {where}" if where else "")
    second = (f"จำนวน {len(ov.offices)} หน่วยงาน คะแนนเฉลี่ย {_num(ov.mean_total)} "
              f"เกณฑ์ผ่าน {ov.line:g} คะแนน")
    return [first, second]


def rank_rows(ov: Overview) -> list[list[str]]:
    return [[str(o.rank or "-"), o.name, o.district, o.province, _num(o.total), o.level or "-",
             _num(o.previous_total), _num(o.change, signed=True), ", ".join(map(str, o.below)) or "-"]
            for o in ov.offices]


def level_rows(ov: Overview) -> list[list[str]]:
    scored = max(ov.scored_offices, 1)
    return [[level, str(count), f"{100 * count / scored:.2f}"] for level, count in ov.level_counts]


def indicator_rows(ov: Overview) -> list[list[str]]:
    return [[f"{i.number} {i.name}", i.tool, str(i.below), str(i.scored), _num(i.mean)] for i in ov.indicators]


def oit_rows(ov: Overview) -> list[list[str]]:
    return [[z.code, z.text, str(z.zero), str(z.scored)] for z in ov.oit_zero]


def write_overview_pdf(ov: Overview, path: str | Path, thai_digits: bool = True,
                       progress: Progress | None = None) -> Path:
    """The overview as an A4 landscape PDF: levels, weak indicators, OIT items at 0, then the ranking."""
    register_fonts()
    doc = page_doc(path, landscape_of(A4), (2 * cm, 1.5 * cm, 1.5 * cm, 1.5 * cm), TITLE, progress=progress)
    loc = (lambda text: localize_digits(text, thai_digits))
    story = [ThaiParagraph(loc(TITLE), TITLE_STYLE)]
    story += [ThaiParagraph(loc(line), SUBTITLE_STYLE) for line in subtitle_lines(ov)]

    def section(title: str, columns, rows) -> None:
        story.extend([Spacer(1, 10), ThaiParagraph(loc(title), SUBTITLE_STYLE.derive(align="left")), Spacer(1, 4),
                      thai_table(columns, rows, doc.width, thai_digits)])

    section("จำนวนหน่วยงานตามระดับผลการประเมิน",
            [Column("ระดับ", 3), Column("จำนวนหน่วยงาน", 1, "right"), Column("ร้อยละ", 1, "right")], level_rows(ov))
    section("ตัวชี้วัดที่ต่ำกว่าเกณฑ์บ่อยที่สุด",
            [Column(INDICATOR_COLUMNS[0], 4), Column(INDICATOR_COLUMNS[1], 1, "center")]
            + [Column(c, 1.6, "right") for c in INDICATOR_COLUMNS[2:]], indicator_rows(ov))
    if ov.oit_zero:
        section("ข้อ OIT ที่ได้ 0 บ่อยที่สุด", [Column("ข้อ", 0.6, "center"), Column("ประเด็น", 5),
                                            Column(OIT_COLUMNS[2], 1.5, "right"), Column(OIT_COLUMNS[3], 1.5, "right")],
                oit_rows(ov))
    weights = (1.0, 4.4, 1.6, 1.4, 1.2, 1.9, 1.1, 1.1, 2.0)
    aligns = ("right", "left", "left", "left", "right", "left", "right", "right", "left")
    section("อันดับคะแนนรวม", [Column(t, w, a) for t, w, a in zip(RANK_COLUMNS, weights, aligns)], rank_rows(ov))
    doc.build(story, canvasmaker=numbered_canvas(thai_digits))
    return Path(path)


def write_overview_xlsx(ov: Overview, path: str | Path, progress: Progress | None = None) -> Path:
    """The overview as a workbook: one sheet each for the ranking, levels, indicators and OIT items."""
    progress = progress or progress_of.current()
    parts = sheet_parts(progress, len(rank_rows(ov)),
                        len(level_rows(ov)), len(indicator_rows(ov)), len(oit_rows(ov)))
    titles = [TITLE, *subtitle_lines(ov)]
    wb = Workbook()
    ws = wb.active
    ws.title = "อันดับ"
    widths = (8, 40, 16, 16, 11, 20, 11, 12, 22)
    write_table(ws, [SheetColumn(t, w, "right" if t in ("อันดับ", "คะแนนรวม", "ปีก่อน", "เพิ่ม/ลด") else "left")
                     for t, w in zip(RANK_COLUMNS, widths)], _numeric(rank_rows(ov), (0, 4, 6, 7)), titles,
                landscape=True, progress=parts[0])
    write_table(wb.create_sheet("ระดับ"), [SheetColumn("ระดับ", 26), SheetColumn("จำนวนหน่วยงาน", 16, "right"),
                                          SheetColumn("ร้อยละ", 12, "right")],
                _numeric(level_rows(ov), (1, 2)), titles, progress=parts[1])
    write_table(wb.create_sheet("ตัวชี้วัด"), [SheetColumn(t, w) for t, w in zip(INDICATOR_COLUMNS, (36, 12, 18, 18, 14))],
                _numeric(indicator_rows(ov), (2, 3, 4)), titles, landscape=True, progress=parts[2])
    write_table(wb.create_sheet("ข้อ OIT ที่ได้ 0"), [SheetColumn(t, w) for t, w in zip(OIT_COLUMNS, (8, 60, 18, 22))],
                _numeric(oit_rows(ov), (2, 3)), titles, landscape=True, progress=parts[3])
    return save_workbook(wb, path, progress)


def _numeric(rows: list[list[str]], columns: tuple[int, ...]) -> list[list]:
    """Numbers back to numbers in ``columns`` (so that Excel can sort and sum them)."""
    out = []
    for row in rows:
        converted = list(row)
        for c in columns:
            try:
                converted[c] = float(row[c]) if "." in row[c] else int(row[c])
            except ValueError:
                pass
        out.append(converted)
    return out
