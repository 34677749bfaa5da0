"""The 6- or 12-month monitoring report of the plan (e-PlanNACC fields), PDF and Excel: one
line per project grouped by dimension with totals, then the status and budget summary.

A pure function of plain data: :class:`MonitoringData` holds the round's entries (objects
with the monitoring service's EntryView attributes) and the names it prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.units import cm
from reportlab.platypus import Spacer

from ita_desktop.core.plan import (
    IN_ACT_PLAN, NO_BUDGET_TEXT, REASON_OTHER, ROUND_NAMES, BudgetTextError, EntryLine, format_baht, parse_budget,
    round_progress,
)
from ita_desktop.core import progress as progress_of
from ita_desktop.core.progress import Progress
from ita_desktop.documents.fonts import register_fonts
from ita_desktop.documents.plan_report import (
    BOLD_CELL, CELL_STYLE, _amount, _c, _head, _money_width, fit_headers, frame_width, grid_table, plan_doc,
)
from ita_desktop.documents.report import SUBTITLE_STYLE, TITLE_STYLE, numbered_canvas
from ita_desktop.documents.thai_pdf import paragraph
from ita_desktop.documents.xlsx import SheetColumn, save_workbook, sheet_parts, write_table


@dataclass(frozen=True)
class MonitoringData:
    office_name: str
    plan_title: str
    year: int
    round: int  # 1 = 6 months, 2 = 12 months
    dimensions: dict[int, str]  # number -> name
    entries: tuple  # EntryView-like objects, in plan order
    finished: bool = False

    @property
    def title_lines(self) -> list[str]:
        return [
            "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต",
            f"ประจำปีงบประมาณ พ.ศ. {self.year} {ROUND_NAMES[self.round]}",
            self.office_name,
        ]

    def progress(self):
        return round_progress((EntryLine(e.dimension, e.status, e.budget_in_plan, e.budget_in_act, e.disbursed)
                               for e in self.entries), self.dimensions)


def _money(value) -> str:
    return "-" if value is None else format_baht(value)


def _disbursed(e) -> str:
    if e.no_budget and not e.disbursed:
        return NO_BUDGET_TEXT
    return _money(e.disbursed)


def _reason(e) -> str:
    reason = e.reason_text if e.reason == REASON_OTHER and e.reason_text else e.reason
    reason = f"{REASON_OTHER} ({e.reason_text})" if e.reason == REASON_OTHER and e.reason_text else reason
    return "\n".join(x for x in (reason, e.remark) if x)


COLUMNS = ("ที่", "โครงการ/กิจกรรม/มาตรการ", "ประเภท", "งบประมาณตามแผนพัฒนา (บาท)",
           "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)", "เบิกจ่าย (บาท)", IN_ACT_PLAN, "สถานะ",
           "เหตุที่ไม่สามารถดำเนินการได้/หมายเหตุ")


def entry_rows(data: MonitoringData) -> list[tuple[str, list]]:
    """(kind, cells) rows: "dim" heading, "entry", "sum" per dimension, "total" at the end."""
    progress = data.progress()
    rows = []
    for number, name in data.dimensions.items():
        entries = [e for e in data.entries if e.dimension == number]
        rows.append(("dim", [f"มิติที่ {number} {name}"]))
        for n, e in enumerate(entries, start=1):
            rows.append(("entry", [e.code or str(n), e.project_name, e.kind, _money(e.budget_in_plan),
                                   _money(e.budget_in_act), _disbursed(e), "√" if e.in_act_plan else "-",
                                   e.status or "ยังไม่รายงาน", _reason(e)]))
        p = progress.by_dimension[number]
        rows.append(("sum", ["", f"รวมมิติที่ {number} ({p.projects} โครงการ)", "", format_baht(p.planned),
                             format_baht(p.in_act), format_baht(p.disbursed), "", "", ""]))
    t = progress.total
    rows.append(("total", ["", f"รวมทั้งสิ้น ({t.projects} โครงการ)", "", format_baht(t.planned),
                           format_baht(t.in_act), format_baht(t.disbursed), "", "", ""]))
    return rows


SUMMARY_COLUMNS = ("มิติ", "จำนวนโครงการ", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ไม่สามารถดำเนินการได้",
                   "ยังไม่รายงาน", "งบประมาณตามแผนพัฒนา (บาท)", "เบิกจ่าย (บาท)", "ร้อยละการเบิกจ่าย")


def summary_rows(data: MonitoringData) -> list[list[str]]:
    progress = data.progress()

    def row(label, p):
        pct = "-" if p.disbursed_percent is None else f"{p.disbursed_percent:.2f}"
        return [label, str(p.projects), str(p.done), str(p.in_progress), str(p.not_possible), str(p.not_reported),
                format_baht(p.planned), format_baht(p.disbursed), pct]

    rows = [row(f"{n}. {data.dimensions[n]}", p) for n, p in progress.by_dimension.items()]
    return rows + [row("รวมทั้งสิ้น", progress.total)]


# --- PDF ------------------------------------------------------------------------------------


def _entries_table(data: MonitoringData, width: float, thai_digits: bool):
    rows = entry_rows(data)
    amounts = [cells[i] for _, cells in rows if len(cells) > 3 for i in (3, 4, 5)]
    money = _money_width(amounts, thai_digits, 3, width * 0.33)
    fixed = [1.2 * cm, None, 2.4 * cm, money, money, money, 2.6 * cm, 2.8 * cm, None]
    rest = width - sum(w for w in fixed if w)
    widths = [w if w else 0 for w in fixed]
    widths[1], widths[8] = rest * 0.6, rest * 0.4
    widths = fit_headers(widths, COLUMNS, thai_digits, flexible=1)
    header = [[_head(t, thai_digits) for t in COLUMNS]]
    body, spans, fills = [], [], []
    center = CELL_STYLE.derive(align="center")
    for kind, cells in rows:
        r = len(body) + 1
        if kind == "dim":
            body.append([_c(cells[0], BOLD_CELL, thai_digits)] + [""] * 8)
            spans.append(("SPAN", (0, r), (-1, r)))
            continue
        bold = kind != "entry"
        style = BOLD_CELL if bold else CELL_STYLE
        if bold:
            fills.append(r - 1)
        body.append([_c(cells[0], center, thai_digits), _c(cells[1], style, thai_digits),
                     _c(cells[2], center, thai_digits),
                     *(_c(v, center, thai_digits) if v == NO_BUDGET_TEXT else _amount(v, money, bold, thai_digits)
                       for v in cells[3:6]),
                     _c(cells[6], center, thai_digits), _c(cells[7], CELL_STYLE, thai_digits),
                     _c(cells[8], CELL_STYLE, thai_digits)])
    return grid_table(header, body, widths, fill_rows=fills, extra=spans)


def _summary_table(data: MonitoringData, width: float, thai_digits: bool):
    rows = summary_rows(data)
    small = 2.0 * cm
    money = _money_width([r[6] for r in rows] + [r[7] for r in rows], thai_digits, 2, width * 0.3)
    widths = [0.0, 1.6 * cm, small, small, small, small, money, money, small]
    widths[0] = width - sum(widths)
    widths = fit_headers(widths, SUMMARY_COLUMNS, thai_digits, flexible=0)
    header = [[_head(t, thai_digits) for t in SUMMARY_COLUMNS]]
    center = CELL_STYLE.derive(align="center")
    body = []
    for n, r in enumerate(rows):
        bold = n == len(rows) - 1
        style = BOLD_CELL if bold else CELL_STYLE
        body.append([_c(r[0], style, thai_digits), *(_c(v, center, thai_digits) for v in r[1:6]),
                     _amount(r[6], money, bold, thai_digits), _amount(r[7], money, bold, thai_digits),
                     _c(r[8], center, thai_digits)])
    return grid_table(header, body, widths, fill_rows=(len(rows) - 1,))


def build_monitoring_pdf(data: MonitoringData, path: str | Path, thai_digits: bool = True,
                         progress: Progress | None = None) -> Path:
    """The round's report in landscape: entries by dimension with totals, then the summary."""
    register_fonts()
    doc = plan_doc(path, data.title_lines[0], first="landscape", progress=progress)
    width = frame_width("landscape")
    story = [paragraph(data.title_lines[0], TITLE_STYLE, thai_digits)]
    story += [paragraph(t, SUBTITLE_STYLE, thai_digits) for t in data.title_lines[1:]]
    story += [Spacer(1, 6), _entries_table(data, width, thai_digits), Spacer(1, 12),
              paragraph("สรุปผลการดำเนินงานแยกตามมิติ", SUBTITLE_STYLE.derive(align="left"), thai_digits),
              Spacer(1, 4), _summary_table(data, width, thai_digits)]
    doc.build(story, canvasmaker=numbered_canvas(thai_digits))
    return Path(path)


# --- Excel ----------------------------------------------------------------------------------


def _numbers(cells: list, columns) -> list:
    """Amounts and counts as numbers in Excel (so that the clerk can add them up)."""
    out = list(cells)
    for i in columns:
        try:
            value = parse_budget(out[i])
        except BudgetTextError:
            continue
        if isinstance(value, float):
            out[i] = int(value) if value.is_integer() else value
    return out


def build_monitoring_xlsx(data: MonitoringData, path: str | Path, progress: Progress | None = None) -> Path:
    """The same report as two sheets: รายงานผล (entries) and สรุป (by dimension)."""
    progress = progress or progress_of.current()
    wb = Workbook()
    ws = wb.active
    ws.title = "รายงานผล"
    widths = (6, 50, 11, 16, 16, 16, 14, 20, 30)
    columns = [SheetColumn(t, w, "right" if 3 <= i <= 5 else "left") for i, (t, w) in enumerate(zip(COLUMNS, widths))]
    rows = [_numbers(cells + [""] * (9 - len(cells)), (3, 4, 5)) for _, cells in entry_rows(data)]
    summary_cells = [_numbers(r, (1, 2, 3, 4, 5, 6, 7, 8)) for r in summary_rows(data)]
    entries_part, summary_part = sheet_parts(progress, len(rows), len(summary_cells))
    write_table(ws, columns, rows, data.title_lines, landscape=True, progress=entries_part)
    summary = wb.create_sheet("สรุป")
    write_table(summary, [SheetColumn(t, 40 if i == 0 else 14) for i, t in enumerate(SUMMARY_COLUMNS)],
                summary_cells, data.title_lines, landscape=True, progress=summary_part)
    return save_workbook(wb, path, progress)
