"""The analysis report (รายงานการวิเคราะห์ผลการประเมิน ITA) in seed 001's structure, PDF and Excel.

Pure functions of plain data: :func:`report_blocks` turns :class:`ReportData` into titled
paragraphs and tables, which the PDF writer (document engine, A4, Thai font, header rows
repeated on every page) and the Excel writer (A4, TH Sarabun, header rows repeated) both print.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Spacer

from ita_desktop.core import progress as progress_of
from ita_desktop.core.digits import digits
from ita_desktop.core.progress import Progress
from ita_desktop.core.levels import OLD_BANDS
from ita_desktop.documents.fonts import register_fonts
from ita_desktop.documents.report import Column, numbered_canvas, page_doc, thai_table
from ita_desktop.documents.thai_pdf import TextStyle, ThaiParagraph, localize_digits
from ita_desktop.documents.xlsx import (BORDER, HEADER_FILL, estimate_width, row_height_for, save_workbook, setup_page,
                                       sheet_parts, thai_font)

TITLE = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
ASSESSMENT = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)"
TOOL_LONG = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment : IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment : EIT)",
    "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT)",
}
PRINCIPLES = (
    "แนวคิด “Open to Transparency” ซึ่งเป็นหลักการพื้นฐานสำคัญของการประเมิน ITA ที่มาจาก “เปิด” 2 ประการ "
    "คือ “เปิดเผยข้อมูล” ของหน่วยงานภาครัฐเพื่อให้สาธารณชนได้ทราบและสามารถตรวจสอบการดำเนินงานได้ และ "
    "“เปิดโอกาส” ให้ผู้มีส่วนได้ส่วนเสียของหน่วยงานภาครัฐ ทั้งเจ้าหน้าที่ภายในหน่วยงานและประชาชนผู้รับบริการ"
    "หรือติดต่อกับหน่วยงานภาครัฐได้เข้ามามีส่วนร่วมประเมินหรือแสดงความคิดเห็นต่อหน่วยงานภาครัฐผ่านการประเมิน ITA "
    "ซึ่งการ “เปิด” ทั้ง 2 ประการข้างต้นนั้นจะช่วยส่งเสริมให้หน่วยงานภาครัฐมีความโปร่งใสและนำไปสู่การต่อต้าน"
    "การทุจริตและประพฤติมิชอบของทุกภาคส่วน",
    "ทั้งนี้ การประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year} ไม่ได้มุ่งเน้นให้หน่วยงานที่เข้ารับการประเมินปฏิบัติเพียงเพื่อ"
    "ให้ได้รับผลการประเมินที่สูงขึ้นเพียงเท่านั้น แต่มุ่งหวังให้หน่วยงานภาครัฐได้มีการปรับปรุงพัฒนาตนเองในด้าน"
    "คุณธรรมและความโปร่งใสเพื่อให้เกิดธรรมาภิบาลในหน่วยงานภาครัฐ มีการดำเนินงานที่มุ่งให้เกิดประโยชน์ต่อประชาชน"
    "และส่วนรวมเป็นสำคัญ และลดโอกาสที่จะเกิดการทุจริตและประพฤติมิชอบในหน่วยงานภาครัฐ",
)
TOOL_PURPOSE = {
    "IIT": "เป็นแบบวัดที่ให้ผู้ตอบเลือกตัวเลือกคำตอบตามการรับรู้ของตนเอง เพื่อเก็บข้อมูลจากผู้มีส่วนได้ส่วนเสียภายใน",
    "EIT": "เป็นแบบวัดที่ให้ผู้ตอบเลือกตัวเลือกคำตอบตามการรับรู้ของตนเอง เพื่อเก็บข้อมูลจากผู้มีส่วนได้ส่วนเสียภายนอก",
    "OIT": "เป็นแบบวัดที่ให้ผู้ตอบเลือกตอบมีหรือไม่มีเปิดเผยข้อมูล พร้อมทั้งระบุ URL เพื่อเชื่อมโยงไปสู่แหล่งที่อยู่"
           "ของการเปิดเผยข้อมูลในเว็บไซต์หลักของหน่วยงาน",
}
def old_band_rows() -> tuple[tuple[str, str], ...]:
    """The old seven bands as printed: ("95.00 - 100", "AA") ... ("0 - 49.99", "F")."""
    rows, upper = [], "100"
    for band, lowest in OLD_BANDS:
        rows.append((f"{lowest:.2f} - {upper}" if lowest else f"0 - {upper}", band))
        upper = f"{lowest - 0.01:.2f}"
    return tuple(rows)


URGENT, DEVELOP, MAINTAIN = "urgent", "develop", "maintain"
SECTION_TITLES = {
    URGENT: "1) ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน",
    DEVELOP: "2) ประเด็นที่ต้องพัฒนาให้ดีขึ้น ที่มีความสอดคล้องกับผลการประเมินฯ",
    MAINTAIN: "3) ประเด็นที่ต้องรักษามาตรฐาน",
}


@dataclass(frozen=True)
class ToolInfo:
    code: str
    name: str
    weight: float
    parts: tuple[tuple[str, str, float], ...] = ()  # (code, name, weight)
    indicator_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemLine:
    code: str
    text: str
    score: float
    guideline: str
    change: float | None = None


@dataclass(frozen=True)
class IndicatorLine:
    number: int
    name: str
    tool: str
    score: float | None
    passed: bool | None
    category: str | None  # URGENT, DEVELOP, MAINTAIN or None
    guideline: str = ""
    items: dict[str, tuple[ItemLine, ...]] = field(default_factory=dict)  # category -> its items


@dataclass(frozen=True)
class PathLine:
    code: str
    text: str
    score: float
    raise_to: float
    gain: float


@dataclass(frozen=True)
class PathData:
    title: str
    target: float
    total: float
    steps: tuple[PathLine, ...]
    total_after: float
    reached: bool


@dataclass(frozen=True)
class ReportData:
    office_name: str
    place: str  # "อำเภอซับใหญ่ จังหวัดชัยภูมิ"
    year: int
    line: float
    total: float
    level: str
    level_old: str
    tools: tuple[ToolInfo, ...]
    level_lines: tuple[float, float, float]  # excellent, good, improve
    indicators: tuple[IndicatorLine, ...]
    summary_text: str
    paths: tuple[PathData, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. year-over-year sentence
    thai_digits: bool = True


# --- blocks -------------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    kind: str  # "title", "heading", "subheading", "para", "table"
    text: str = ""
    columns: tuple[Column, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _g(value: float) -> str:
    return f"{value:g}"


def _result(passed: bool | None) -> str:
    return {True: "ผ่านเกณฑ์", False: "ไม่ผ่านเกณฑ์", None: "ไม่มีคะแนน"}[passed]


def report_blocks(d: ReportData) -> list[Block]:
    """The report's content in reading order (seed 001's sections)."""
    return [*_opening(d), *_tools(d), *_rules(d), *_result_blocks(d), *_category_blocks(d), *_path_blocks(d)]


def _opening(d: ReportData) -> list[Block]:
    return [
        Block("title", TITLE),
        Block("title", f"ประจำปีงบประมาณ พ.ศ. {d.year}"),
        Block("title", d.office_name),
        *([Block("title", d.place)] if d.place.strip() else []),
        Block("heading", "หลักการประเมิน"),
        *(Block("para", p.format(year=d.year)) for p in PRINCIPLES),
    ]


def _tools(d: ReportData) -> list[Block]:
    blocks = [Block("heading", "เครื่องมือในการประเมิน"),
              Block("para", f"เครื่องมือในการประเมินประกอบด้วย {len(d.tools)} เครื่องมือ ดังนี้")]
    for n, tool in enumerate(d.tools, start=1):
        blocks.append(Block("subheading", f"{n}. {TOOL_LONG.get(tool.code, tool.name)}"))
        names = " ".join(f"ตัวชี้วัด{x}" for x in tool.indicator_names)
        purpose = TOOL_PURPOSE.get(tool.code, tool.name)
        blocks.append(Block("para", f"{purpose} ใน {len(tool.indicator_names)} ตัวชี้วัด ได้แก่ {names}"))
    return blocks


def _rule_columns(d: ReportData) -> list[tuple[str, float, str]]:
    """(column code, weight, tool code) per weighted column: a tool, or each of its parts."""
    return [(code, weight, tool.code) for tool in d.tools
            for code, _, weight in (tool.parts or ((tool.code, tool.name, tool.weight),))]


RULE_TEXTS = {  # (perception tools, OIT)
    "คะแนนข้อคำถาม": ("คะแนนเฉลี่ยของข้อคำถามจากผู้ตอบทุกคน", "มีการเปิดเผย = 100 ไม่มี = 0"),
    "คะแนนตัวชี้วัดย่อย": ("-", "คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัดย่อย"),
    "คะแนนตัวชี้วัด": ("คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัด", "คะแนนเฉลี่ยของทุกตัวชี้วัดย่อยในตัวชี้วัด"),
    "คะแนนแบบวัด": ("คะแนนเฉลี่ยของทุกตัวชี้วัดในแบบวัด", "คะแนนเฉลี่ยของทุกตัวชี้วัดในแบบวัด"),
}


def _rules(d: ReportData) -> list[Block]:
    cols = _rule_columns(d)
    columns = (Column("คะแนน", 1.2), *(Column(f"แบบวัด {code}", 1, "center") for code, _, _ in cols))
    rows = [(name, *(texts[1 if tool == "OIT" else 0] for _, _, tool in cols)) for name, texts in RULE_TEXTS.items()]
    rows.append(("น้ำหนักแบบวัด", *(f"ร้อยละ {_g(weight)}" for _, weight, _ in cols)))
    rows.append(("คะแนนรวม", "ผลรวมของคะแนนแบบวัดที่ถ่วงน้ำหนัก", *[""] * (len(cols) - 1)))
    excellent, good, improve = d.level_lines
    new_levels = [
        (f"{_f(excellent)} - 100", f"ทุกเครื่องมือได้ {_g(excellent)} คะแนนขึ้นไป", "ผ่านดีเยี่ยม"),
        (f"{_f(good)} ขึ้นไป", f"ทุกเครื่องมือได้ {_g(good)} คะแนนขึ้นไป", "ผ่านดี"),
        (f"{_f(good)} ขึ้นไป", f"เครื่องมือใดเครื่องมือหนึ่งได้น้อยกว่า {_g(good)} คะแนน", "ผ่าน"),
        (f"{_f(improve)} - {_f(good - 0.01)}", "ไม่มีเงื่อนไข", "ต้องปรับปรุง"),
        (f"0 - {_f(improve - 0.01)}", "ไม่มีเงื่อนไข", "ต้องปรับปรุงโดยด่วน"),
    ]
    return [
        Block("heading", "หลักเกณฑ์การประเมินผล"),
        Block("subheading", "1. การประมวลผลคะแนน"),
        Block("table", columns=columns, rows=tuple(tuple(r) for r in rows)),
        Block("subheading", "2. คะแนนและระดับผลการประเมิน"),
        Block("para", "ระดับผลการประเมินแบบเดิม (Rating Score) 7 ระดับ"),
        Block("table", columns=(Column("คะแนน", 1, "center"), Column("ระดับ", 1, "center")), rows=old_band_rows()),
        Block("para", f"ระดับผลการประเมินตั้งแต่ปีงบประมาณ พ.ศ. 2566 แบ่งเป็นหน่วยงานที่ผ่านเกณฑ์ค่าเป้าหมาย "
                      f"({_g(good)} คะแนนขึ้นไป) และหน่วยงานที่ไม่ผ่านเกณฑ์ค่าเป้าหมาย"),
        Block("table", columns=(Column("คะแนน", 1.5, "center"), Column("เงื่อนไข", 2.6), Column("ระดับ", 1.6, "center")),
              rows=tuple(new_levels)),
    ]


def _result_blocks(d: ReportData) -> list[Block]:
    rows = tuple((str(i.number), i.tool, i.name, _f(i.score), _result(i.passed)) for i in d.indicators)
    return [
        Block("heading", "ผลการประเมิน"),
        Block("subheading", f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {d.year} ของ {d.office_name} "
                            f"คะแนนเฉลี่ยรวม {_f(d.total)} คะแนน ระดับผลการประเมิน {d.level} (ระดับแบบเดิม {d.level_old})"),
        Block("para", f"{d.office_name} ได้วิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. {d.year} โดยจำแนกตามเครื่องมือ"
                      "การประเมิน และระบุประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน ประเด็นที่จะต้อง"
                      f"พัฒนาให้ดีขึ้น โดยใช้เกณฑ์ {_g(d.line)} คะแนน โดยมีรายละเอียดดังนี้"),
        Block("subheading", "การวิเคราะห์ผลการประเมินจำแนกตามเครื่องมือการประเมิน"),
        Block("table", columns=(Column("ตัวชี้วัด", 0.9, "center"), Column("เครื่องมือการประเมิน", 1.9, "center"),
                                Column("ชื่อตัวชี้วัด", 3), Column("คะแนน", 1, "center"),
                                Column("ผลการประเมิน", 1.4, "center")), rows=rows),
        *([Block("para", "สรุปได้ว่า " + d.summary_text)] if d.summary_text else []),
        *(Block("para", note) for note in d.notes),
    ]


ITEM_COLUMNS = (Column("ประเด็นข้อคำถาม", 3.2), Column("คะแนน", 1.0, "center"), Column("แนวทางการพัฒนา", 3.4))


def _item_rows(items) -> tuple[tuple[str, ...], ...]:
    return tuple((f"{i.code} {i.text}".strip(), _f(i.score), i.guideline or "-") for i in items)


def _category_blocks(d: ReportData) -> list[Block]:
    blocks = []
    for category in (URGENT, DEVELOP, MAINTAIN):
        inds = [i for i in d.indicators if i.items.get(category) or (category == URGENT and i.category == URGENT)]
        if not inds:
            continue
        blocks.append(Block("heading", SECTION_TITLES[category]))
        if category == URGENT:
            blocks.append(Block("para", "ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน โดยพิจารณาจาก"
                                        f"ตัวชี้วัดและข้อคำถามที่ได้รับคะแนนน้อยกว่า {_g(d.line)} คะแนน ดังนี้"))
        for ind in inds:
            blocks.append(Block("subheading", f"ตัวชี้วัดที่ {ind.number} {ind.name} คะแนนเฉลี่ย {_f(ind.score)} คะแนน "
                                              f"ผลการประเมิน {_result(ind.passed)} {TOOL_LONG.get(ind.tool, ind.tool)}"))
            if ind.category == category and ind.guideline:
                blocks.append(Block("para", f"แนวทางการพัฒนาตัวชี้วัด: {ind.guideline}"))
            items = ind.items.get(category, ())
            if items:
                blocks.append(Block("table", f"เครื่องมือการประเมิน {ind.tool} ตัวชี้วัดที่ {ind.number} {ind.name}",
                                    ITEM_COLUMNS, _item_rows(items)))
    return blocks


def _path_blocks(d: ReportData) -> list[Block]:
    blocks = []
    for path in d.paths:
        blocks.append(Block("heading", path.title))
        if not path.steps and path.reached:
            blocks.append(Block("para", f"คะแนนรวม {_f(path.total)} ถึงเป้าหมาย {_g(path.target)} คะแนนแล้ว"))
            continue
        state = "ถึง" if path.reached else "ยังไม่ถึง"
        blocks.append(Block("para", f"จากคะแนนรวม {_f(path.total)} หากยกระดับข้อคำถามต่อไปนี้ {len(path.steps)} ข้อ "
                                    f"(ข้อ OIT เป็น 100 ข้อ IIT/EIT ถึงเกณฑ์) คะแนนรวมจะเป็น {_f(path.total_after)} "
                                    f"ซึ่ง{state}เป้าหมาย {_g(path.target)} คะแนน"))
        if path.steps:
            rows = tuple((str(n), f"{s.code} {s.text}".strip(), _f(s.score), _f(s.raise_to), f"+{_f(s.gain)}")
                         for n, s in enumerate(path.steps, start=1))
            blocks.append(Block("table", columns=(Column("ลำดับ", 0.8, "center"), Column("ข้อคำถาม", 4),
                                                  Column("คะแนน", 1.0, "center"), Column("ยกระดับเป็น", 1.3, "center"),
                                                  Column("คะแนนรวมเพิ่ม", 1.4, "center")), rows=rows))
    return blocks


# --- PDF ----------------------------------------------------------------------------

STYLES = {
    "title": TextStyle(size=18, bold=True, align="center"),
    "heading": TextStyle(size=17, bold=True, space_before=8, space_after=2),
    "subheading": TextStyle(size=16, bold=True, space_before=4, space_after=2),
    "para": TextStyle(size=16, align="justify", first_indent=2.5 * cm, space_after=2),
    "caption": TextStyle(size=15, bold=True, space_before=4, space_after=2),
}


class _Paragraph(ThaiParagraph):
    """A ThaiParagraph that keeps its lines while the width stays the same: reportlab wraps
    a table cell several times (column sizing, row heights, splitting) with one width."""

    _wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fixed_width is None and self._wrapped_for == avail_width:
            self.width, self.height = avail_width, len(self._lines) * self.style.line_height
            return self.width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped_for = avail_width if self._fixed_width is None else None
        return size


TABLE_START = 4 * cm  # a caption or heading above a table starts a page unless this much room is left


def _heading(text: str, style: TextStyle) -> _Paragraph:
    """A heading or caption that never ends a page: it moves to the next page with what follows."""
    para = _Paragraph(text, style)
    para.keepWithNext = True
    return para


def _table(block: Block, width: float, thai_digits: bool):
    table = thai_table(list(block.columns), [list(r) for r in block.rows], width, thai_digits)
    for row in table._cellvalues:
        for cell in row:
            for flowable in cell:
                flowable.__class__ = _Paragraph  # same object, memoised wrap
    return table


@contextmanager
def _binary_streams():
    """Streams written binary (compressed) instead of ASCII85: reportlab's pure-Python ASCII85
    encoder was a sixth of this report's time, and a PDF needs no 7-bit-safe streams."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def build_analysis_pdf(d: ReportData, out_path: str | Path, progress: Progress | None = None) -> Path:
    """The report as an A4 PDF (margins 3/2 cm like the memo), pages numbered.

    ``progress`` (or the thread's) hears the fraction done; when it raises no file is left."""
    register_fonts()
    doc = page_doc(out_path, A4, (3 * cm, 2 * cm, 2 * cm, 2 * cm), TITLE, progress=progress)
    story = []
    blocks = report_blocks(d)
    for b, after in zip(blocks, [*blocks[1:], None]):
        text = localize_digits(b.text, d.thai_digits)
        if b.kind == "table":
            if b.text:
                story += [CondPageBreak(TABLE_START), _Paragraph(text, STYLES["caption"])]
            story += [_table(b, doc.width, d.thai_digits), Spacer(1, 6)]
        elif b.kind == "para":
            story.append(_Paragraph(text, STYLES[b.kind]))
        elif after is not None and after.kind == "table":
            # Kept with a whole table it would move the table to a new page: ask for room instead.
            story += [CondPageBreak(TABLE_START), _Paragraph(text, STYLES[b.kind])]
        else:
            story.append(_heading(text, STYLES[b.kind]))
    with _binary_streams():
        doc.build(story, canvasmaker=numbered_canvas(d.thai_digits))
    return Path(out_path)


# --- Excel --------------------------------------------------------------------------

# One style object per look: openpyxl hashes every style assigned to a cell, so building a
# new Font or Alignment for each cell was most of the workbook's time.
_font = lru_cache(maxsize=None)(thai_font)


@lru_cache(maxsize=None)
def _align(horizontal: str = "left", vertical: str = "top", wrap_text: bool = True) -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap_text)


def build_analysis_xlsx(d: ReportData, out_path: str | Path, progress: Progress | None = None) -> Path:
    """The report as a workbook: sheet รายงาน (everything, in order) and sheet ข้อคำถาม (one table of
    every weak item with its guideline, header repeated on every printed page).

    ``progress`` (or the thread's) hears the fraction done; when it raises no file is left."""
    progress = progress or progress_of.current()
    blocks = report_blocks(d)
    report_part, items_part = sheet_parts(progress, sum(len(b.rows) + 1 for b in blocks), len(items_sheet_rows(d)))
    wb = Workbook()
    ws = wb.active
    ws.title = "รายงาน"
    _write_report_sheet(ws, d, report_part)
    _write_items_sheet(wb.create_sheet("ข้อคำถาม"), d, items_part)
    return save_workbook(wb, out_path, progress)


def _x(text: str, d: ReportData) -> str:
    return digits(text, d.thai_digits)


def _write_report_sheet(ws, d: ReportData, progress: Progress | None = None) -> None:
    blocks = report_blocks(d)
    counter = progress_of.Counter(progress, sum(len(b.rows) + 1 for b in blocks))
    ncols = 6
    widths = [10, 30, 12, 12, 18, 18]
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = w
    row = 1
    for b in blocks:
        if b.kind == "table":
            if b.text:
                row = _text_row(ws, row, _x(b.text, d), ncols, widths, bold=True)
            row = _table_rows(ws, row, b, d, widths)
        else:
            row = _text_row(ws, row, _x(b.text, d), ncols, widths, bold=b.kind != "para",
                            center=b.kind == "title", size=16 if b.kind != "title" else 18)
        counter.step(len(b.rows) + 1)
    setup_page(ws)


def _text_row(ws, row: int, text: str, ncols: int, widths, bold=False, center=False, size=16) -> int:
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = _font(size, bold=bold)
    cell.alignment = _align(horizontal="center" if center else "left", vertical="top", wrap_text=True)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    ws.row_dimensions[row].height = row_height_for([text], [sum(widths)], size)
    return row + 1


def _table_rows(ws, row: int, b: Block, d: ReportData, widths) -> int:
    """A table across the 6 columns: each logical column spans a share of them."""
    spans = _spans(b.columns, len(widths))
    for r, values in enumerate([tuple(c.title for c in b.columns), *b.rows]):
        texts = []
        for (start, end), value, column in zip(spans, values, b.columns):
            text = _x(str(value), d)
            texts.append(text)
            cell = ws.cell(row=row, column=start, value=text)
            cell.font = _font(14, bold=r == 0)
            cell.alignment = _align(horizontal="center" if r == 0 else column.align, vertical="top", wrap_text=True)
            for col in range(start, end + 1):
                ws.cell(row=row, column=col).border = BORDER
                if r == 0:
                    ws.cell(row=row, column=col).fill = HEADER_FILL
            if end > start:
                ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=end)
        ws.row_dimensions[row].height = row_height_for(texts, [sum(widths[s - 1:e]) for s, e in spans], 14)
        row += 1
    return row + 1


def _spans(columns, ncols: int) -> list[tuple[int, int]]:
    """Split ``ncols`` sheet columns among ``columns`` (at least one each, in order)."""
    if len(columns) >= ncols:
        return [(i + 1, i + 1) for i in range(len(columns))]
    total = sum(c.weight for c in columns)
    spans, start = [], 1
    for n, c in enumerate(columns):
        left = len(columns) - n - 1
        size = max(1, min(round(ncols * c.weight / total), ncols - start + 1 - left))
        if n == len(columns) - 1:
            size = ncols - start + 1
        spans.append((start, start + size - 1))
        start += size
    return spans


ITEMS_SHEET_COLUMNS = ("หมวด", "ตัวชี้วัด", "ข้อ", "ประเด็นข้อคำถาม", "คะแนน", "แนวทางการพัฒนา")
CATEGORY_SHORT = {URGENT: "แก้ไขโดยเร่งด่วน", DEVELOP: "พัฒนาให้ดีขึ้น", MAINTAIN: "รักษามาตรฐาน"}


def items_sheet_rows(d: ReportData) -> list[tuple]:
    return [(CATEGORY_SHORT[category], f"{ind.number} {ind.name}", item.code, item.text, round(item.score, 2),
             item.guideline)
            for category in (URGENT, DEVELOP, MAINTAIN) for ind in d.indicators
            for item in ind.items.get(category, ())]


def _write_items_sheet(ws, d: ReportData, progress: Progress | None = None) -> None:
    title = _x(f"ข้อคำถามจำแนกตามประเด็น {d.office_name} ปีงบประมาณ พ.ศ. {d.year} (เกณฑ์ {_g(d.line)} คะแนน)", d)
    ws.cell(row=1, column=1, value=title).font = _font(16, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ITEMS_SHEET_COLUMNS))
    for col, heading in enumerate(ITEMS_SHEET_COLUMNS, start=1):
        cell = ws.cell(row=2, column=col, value=heading)
        cell.font, cell.border, cell.fill = _font(14, bold=True), BORDER, HEADER_FILL
        cell.alignment = _align(horizontal="center", vertical="center", wrap_text=True)
    rows = items_sheet_rows(d)
    counter = progress_of.Counter(progress, len(rows))
    widths = [16, 22, 6, 50, 9, 60]
    for r, values in enumerate(rows, start=3):
        for col, value in enumerate(values, start=1):
            # Codes stay as the catalog writes them (i7, o10) so that the sheet filters and sorts.
            text = isinstance(value, str) and col != 3
            cell = ws.cell(row=r, column=col, value=_x(value, d) if text else value)
            cell.font, cell.border = _font(14), BORDER
            cell.alignment = _align(horizontal="center" if col in (3, 5) else "left", vertical="top", wrap_text=True)
            if col == 5:
                cell.number_format = "0.00"
        ws.row_dimensions[r].height = row_height_for([str(v) for v in values], widths, 14)
        counter.step()
    for col, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = w or estimate_width([])
    ws.freeze_panes = "A3"
    setup_page(ws, landscape=True, header_row=2)
