"""The analysis report of an office-year: plain report data from the full analysis, PDF or Excel."""

from __future__ import annotations

from pathlib import Path

from ita_desktop.core.analysis import Category
from ita_desktop.documents.analysis_report import (
    DEVELOP,
    MAINTAIN,
    URGENT,
    IndicatorLine,
    ItemLine,
    PathData,
    PathLine,
    ReportData,
    ToolInfo,
    build_analysis_pdf,
    build_analysis_xlsx,
)

from . import queries
from .analysis import FullAnalysis, full_analysis
from .errors import UserError

CATEGORY_KEYS = {Category.URGENT: URGENT, Category.DEVELOP: DEVELOP, Category.MAINTAIN: MAINTAIN}
SUFFIXES = {".pdf": build_analysis_pdf, ".xlsx": build_analysis_xlsx}


def require_complete(a: FullAnalysis, what: str = "รายงานการวิเคราะห์") -> None:
    """A Thai UserError naming what is missing when the office-year's scores are incomplete."""
    if a.missing:
        raise UserError(f"ยังทำ{what}ของ {a.office_name} ปีงบประมาณ {a.year} ไม่ได้ เพราะยังไม่มีคะแนน: "
                        f"{', '.join(a.missing)} (กรอกหรือนำเข้าคะแนนให้ครบก่อน)")


def report_data(a: FullAnalysis, place: str = "", thai_digits: bool = True) -> ReportData:
    """The plain data the report document prints, from a complete analysis."""
    require_complete(a)
    catalog = a.criteria
    tools = tuple(
        ToolInfo(t.code, t.name, catalog.tool_weight(t.code), tuple((p.code, p.name, p.weight) for p in t.parts),
                 tuple(i.name for i in catalog.indicators_of(t.code)))
        for t in catalog.tools
    )
    indicators = tuple(
        IndicatorLine(i.number, i.name, i.tool, i.score, i.passed, CATEGORY_KEYS.get(i.category), i.guideline.text,
                      _items_by_category(a, i.number))
        for i in a.indicators
    )
    rules = catalog.level_rules
    return ReportData(
        office_name=a.office_name, place=place, year=a.year, line=a.line, total=a.total, level=a.level or "-",
        level_old=a.level_old or "-", tools=tools, level_lines=(rules.excellent, rules.good, rules.improve),
        indicators=indicators, summary_text=a.summary_text, paths=_paths(a), notes=_notes(a), thai_digits=thai_digits,
    )


def _items_by_category(a: FullAnalysis, number: int) -> dict[str, tuple[ItemLine, ...]]:
    grouped: dict[str, list[ItemLine]] = {}
    for item in a.items_of(number):
        grouped.setdefault(CATEGORY_KEYS[item.category], []).append(
            ItemLine(item.code, item.text if item.text_known else "", item.score, item.guideline.text, item.change))
    return {k: tuple(v) for k, v in grouped.items()}


def _paths(a: FullAnalysis) -> tuple[PathData, ...]:
    texts = {i.code: (i.text if i.text_known else "") for i in a.items}
    paths = []
    for title, path in ((f"เส้นทางสู่เกณฑ์ {a.line:g} คะแนน", a.path_to_line),
                        (f"เส้นทางสู่ค่าเป้าหมายปีงบประมาณ พ.ศ. {a.year + 1}", a.path_to_target)):
        if path is None:
            continue
        steps = tuple(PathLine(s.code, texts.get(s.code, ""), s.score, s.raise_to, s.gain) for s in path.steps)
        paths.append(PathData(title, path.target, a.total, steps, path.total_after, path.reached))
    return tuple(paths)


def _notes(a: FullAnalysis) -> tuple[str, ...]:
    if a.previous_year is None:
        return ()
    notes = [f"เทียบกับปีงบประมาณ พ.ศ. {a.previous_year}: "
             + ", ".join(f"ตัวชี้วัดที่ {i.number} {i.change:+.2f}" for i in a.indicators if i.change is not None)]
    if a.measure_effect is not None and a.measure_effect.compared:
        notes.append(f"ข้อคำถามที่มีมาตรการในปีที่ผ่านมา: {a.measure_effect.sentence}")
    return tuple(notes)


def _place(ctx, office_id: int) -> str:
    office = queries.get_office(ctx, office_id)
    parts = [f"อำเภอ{office.district}" if office.district else "", f"จังหวัด{office.province}" if office.province else ""]
    return " ".join(p for p in parts if p)


def check_out_path(out: Path, suffixes=tuple(SUFFIXES)) -> None:
    if out.suffix.lower() not in suffixes:
        raise UserError(f"ไฟล์ผลลัพธ์ '{out}' ต้องลงท้ายด้วย {' หรือ '.join(suffixes)}")
    if not out.parent.exists():
        raise UserError(f"ไม่พบโฟลเดอร์ '{out.parent}' สำหรับบันทึกไฟล์")


def write_analysis_report(ctx, office_id: int, year: int, out_path: str | Path, line: float | None = None,
                          thai_digits: bool = True) -> Path:
    """Write the report to ``out_path`` (.pdf or .xlsx by its suffix); refused while scores are incomplete."""
    out = Path(out_path)
    check_out_path(out)
    data = report_data(full_analysis(ctx, office_id, year, line), _place(ctx, office_id), thai_digits)
    return SUFFIXES[out.suffix.lower()](data, out)
