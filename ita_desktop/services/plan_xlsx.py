"""The plan's summary table in Excel, both ways: dimension | project | type | budget per plan
year | remark. The export names its office and span, so it imports anywhere without --org;
the importer also takes a table pasted from the plan's Word file (one cell holding several
numbered projects, a second header row "งบประมาณ (บาท)", the dimension written once)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from ita_desktop.core.digits import to_arabic_digits
from ita_desktop.core.orgnames import canonical_org_name, org_kind
from ita_desktop.core.plan import KINDS, NATIONAL_DIMENSIONS, NO_BUDGET, BudgetTextError, format_baht, parse_budget
from ita_desktop.documents.xlsx import SheetColumn, write_table
from ita_desktop.importers.safety import UnsafeFile, check_file_bytes
from ita_desktop.models import Dimension, Office, Plan, Project

from . import audit, offices
from .errors import UserError
from .plan_rows import set_budgets
from .plans import PlanView, _refuse_same_span

SHEET = "แผนปฏิบัติการ"
OFFICE_LABEL = "หน่วยงาน:"
SPAN_LABEL = "ช่วงปีของแผน:"
H_DIMENSION, H_PROJECT, H_KIND, H_REMARK, H_CODE = "มิติ", "โครงการ/กิจกรรม/มาตรการ", "ประเภท", "หมายเหตุ", "ลำดับ"
TOTAL_LABEL = "รวมทั้งสิ้น"
MAX_PROBLEMS = 20


# --- export ---------------------------------------------------------------------------------


def export_plan_xlsx(plan: PlanView, path: str | Path) -> Path:
    """Write the summary table with the office's name and the span above it."""
    years = plan.years
    columns = [SheetColumn(H_DIMENSION, 30), SheetColumn(H_CODE, 7, "center"), SheetColumn(H_PROJECT, 60),
               SheetColumn(H_KIND, 11, "center"),
               *(SheetColumn(f"ปี {y}\nงบประมาณ (บาท)", 15, "right") for y in years), SheetColumn(H_REMARK, 20)]
    rows = []
    for dim in plan.dimensions:
        for p in dim.projects:
            rows.append([f"{dim.number}. {dim.name}", p.code, p.name, p.kind,
                         *(_budget_cell(p, y) for y in years), p.remark])
    totals = plan.totals()
    rows.append([TOTAL_LABEL, "", f"จำนวน {len(plan.projects)} โครงการ/กิจกรรม/มาตรการ", "",
                 *(format_baht(totals.by_year[y]) for y in years), ""])
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    titles = [plan.title, f"{OFFICE_LABEL} {plan.office_name}",
              f"{SPAN_LABEL} พ.ศ. {plan.start_year} - {plan.end_year}"]
    write_table(ws, columns, rows, titles, landscape=True)
    _keep_digits(ws, titles, rows)
    _extra_sheets(wb, plan, titles[:2])
    wb.save(path)
    return Path(path)


def _extra_sheets(wb: Workbook, plan: PlanView, titles: list[str]) -> None:
    """The targets and the risk assessment, for printing (the importer reads the first sheet only)."""
    years = plan.years
    by_year = {t.year: t for t in plan.targets}
    targets = [["คะแนน ITA", *("-" if by_year.get(y) is None or by_year[y].ita_target is None
                                else by_year[y].ita_target for y in years)],
               [f"จำนวนคดีทุจริตลดลง (คำนวณจากปี {plan.start_year - 1}) ร้อยละ",
                *("-" if by_year.get(y) is None or by_year[y].fewer_cases_percent is None
                  else by_year[y].fewer_cases_percent for y in years)],
               ["เป้าหมายอื่น", *((by_year[y].other if y in by_year else "") or "-" for y in years)]]
    write_table(wb.create_sheet("ค่าเป้าหมาย"), [SheetColumn("ค่าเป้าหมาย", 40),
                                                 *(SheetColumn(f"ปี {y}", 14, "center") for y in years)],
                targets, titles)
    risks = [[n, r.process, r.risk, r.level, r.controls] for n, r in enumerate(plan.risks, start=1)]
    risk_columns = [SheetColumn("ที่", 6, "center"), SheetColumn("กระบวนงาน/ขั้นตอน", 30),
                    SheetColumn("ประเด็นความเสี่ยง", 50), SheetColumn("ระดับความเสี่ยง", 12, "center"),
                    SheetColumn("มาตรการควบคุมที่มีอยู่", 60)]
    write_table(wb.create_sheet("ความเสี่ยง"), risk_columns, risks, titles, landscape=True)


def _keep_digits(ws, titles: list[str], rows: list[list]) -> None:
    """Names keep their digits as typed (write_table would make them all Arabic)."""
    for r, text in enumerate(titles, start=1):
        ws.cell(row=r, column=1).value = text
    first = len(titles) + 2
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            if isinstance(value, str):
                ws.cell(row=r, column=c).value = value


def _budget_cell(p, year: int):
    amount = dict(p.budgets).get(year)
    if amount:
        return amount
    if p.no_budget and year in p.years:
        return "ไม่ใช้งบประมาณ"
    return "-"


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedProject:
    dimension: int
    code: str
    name: str
    kind: str
    budgets: dict[int, float]
    no_budget: bool
    remark: str


@dataclass(frozen=True)
class ParsedPlan:
    office_name: str | None
    title: str
    start_year: int
    end_year: int
    dimensions: dict[int, str]
    projects: tuple[ParsedProject, ...]


@dataclass
class _Layout:
    header_row: int
    dimension: int | None
    code: int | None
    project: int
    kind: int | None
    remark: int | None
    years: dict[int, int] = field(default_factory=dict)  # column -> year


_YEAR = re.compile(r"^(?:ปี\s*(?:งบประมาณ)?\s*(?:พ\.ศ\.)?\s*)?(25\d\d|26\d\d)\b")
_NUMBERED = re.compile(r"(?:^|(?<=\s))(\d{1,3})\s*\.\s+")
_DIM = re.compile(r"^(?:มิติที่|มติที่|มิติ)?\s*(\d)\s*[.:)]?\s*(.*)$", re.S)


def read_plan_xlsx(path: str | Path, org: str | None = None) -> ParsedPlan:
    """Read a summary table; UserError listing every problem by row and column (Thai)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"ไม่พบไฟล์ {path}") from None
    except OSError:
        raise UserError(f"อ่านไฟล์ {path.name} ไม่ได้") from None
    try:
        check_file_bytes(data)
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UnsafeFile as exc:
        raise UserError(f"{path.name}: {exc.message_th}") from None
    except Exception:  # openpyxl raises several types for a file that is not a workbook
        raise UserError(f"เปิดไฟล์ {path.name} ไม่ได้ ไฟล์ต้องเป็น Excel (.xlsx)") from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        rows = [tuple(r) for r in ws.iter_rows(values_only=True, max_row=5000, max_col=40)]
    finally:
        wb.close()
    return parse_rows(rows, org, path.name)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def parse_rows(rows: list[tuple], org: str | None = None, file_name: str = "ไฟล์") -> ParsedPlan:
    """The summary table in ``rows`` (cell values, row 1 first)."""
    layout = _find_layout(rows, file_name)
    office, title = _heading(rows[:layout.header_row - 1])
    office = canonical_org_name(org) if org else office
    if not office:
        raise UserError(f"{file_name}: ไม่ระบุหน่วยงาน (แถว '{OFFICE_LABEL} ...' เหนือตาราง) "
                        "กรุณาระบุด้วยตัวเลือก --org")
    years = sorted(layout.years.values())
    problems: list[str] = []
    projects, dims = _read_body(rows, layout, problems)
    if not projects and not problems:
        problems.append("ไม่พบโครงการ/กิจกรรม/มาตรการในตาราง")
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = f"\n(และอีก {len(problems) - MAX_PROBLEMS} รายการ)" if len(problems) > MAX_PROBLEMS else ""
        raise UserError(f"{file_name}: พบข้อผิดพลาด {len(problems)} รายการ ไม่ได้บันทึกข้อมูลใด ๆ\n"
                        + "\n".join(shown) + more)
    return ParsedPlan(office, title, years[0], years[-1], dims, tuple(projects))


def _find_layout(rows, file_name: str) -> _Layout:
    for r, row in enumerate(rows[:30], start=1):
        cells = [_text(v) for v in row]
        project = next((c for c, t in enumerate(cells) if t.startswith("โครงการ")), None)
        if project is None:
            continue
        years = {}
        for c, t in enumerate(cells):
            m = _YEAR.match(to_arabic_digits(t))
            if m:
                years[c] = int(m.group(1))
        if not years:
            continue
        found = sorted(years.values())
        if found != list(range(found[0], found[0] + len(found))):
            raise UserError(f"{file_name}: แถว {r} ปีของแผนในหัวตารางไม่ต่อเนื่องกัน ({', '.join(map(str, found))})")

        def col(*names):
            return next((c for c, t in enumerate(cells) if any(t.startswith(n) for n in names)), None)

        return _Layout(r, col("มิติ", "มติ"), col(H_CODE, "ที่"), project, col(H_KIND), col(H_REMARK), years)
    raise UserError(f"{file_name}: ไม่พบหัวตาราง (ต้องมีคอลัมน์ '{H_PROJECT}' และคอลัมน์ปี เช่น 'ปี 2566')")


def _heading(rows) -> tuple[str | None, str]:
    office, title = None, ""
    for row in rows:
        for value in row:
            t = _text(value)
            if t.startswith(OFFICE_LABEL):
                office = canonical_org_name(t[len(OFFICE_LABEL):].strip()) or None
            elif t and not t.startswith(SPAN_LABEL) and not title:
                title = t
    return office, title


def _where(r: int, c: int, heading: str) -> str:
    return f"แถว {r} คอลัมน์ {get_column_letter(c + 1)} ({heading})"


def _read_body(rows, layout: _Layout, problems: list[str]):
    projects: list[ParsedProject] = []
    dims: dict[int, str] = {}
    current_dim = None
    for r in range(layout.header_row + 1, len(rows) + 1):
        row = list(rows[r - 1]) + [None] * 40

        def cell(c):
            return _text(row[c]) if c is not None else ""

        dim_text, name = cell(layout.dimension), cell(layout.project)
        if dim_text.startswith("รวม") or name.startswith("รวม"):
            continue
        if dim_text:
            parsed = _parse_dimension(dim_text)
            if parsed is None:
                problems.append(f"{_where(r, layout.dimension, H_DIMENSION)}: '{dim_text}' ไม่ใช่มิติ "
                                "(ขึ้นต้นด้วยเลขมิติ 1-4 เช่น '1. การสร้างวัฒนธรรมสุจริต')")
                continue
            current_dim = parsed[0]
            if parsed[1]:
                dims[current_dim] = parsed[1]
        budget_cells = {c: row[c] for c in layout.years}
        if not name:
            if any(_text(v) not in ("", "งบประมาณ (บาท)", "งบประมาณ(บาท)") for v in budget_cells.values()):
                problems.append(f"แถว {r}: มีงบประมาณแต่ไม่มีชื่อโครงการ (คอลัมน์ "
                                f"{get_column_letter(layout.project + 1)})")
            continue
        if current_dim is None:
            if layout.dimension is None:
                current_dim = 1
            else:
                problems.append(f"{_where(r, layout.dimension, H_DIMENSION)}: ยังไม่ระบุมิติของโครงการ '{name}'")
                continue
        projects.extend(_read_project(r, row, layout, current_dim, name, budget_cells, problems))
    for number in {p.dimension for p in projects}:
        dims.setdefault(number, NATIONAL_DIMENSIONS[number - 1])
    return projects, dict(sorted(dims.items()))


def _parse_dimension(text: str) -> tuple[int, str] | None:
    m = _DIM.match(to_arabic_digits(text))
    if not m or not 1 <= int(m.group(1)) <= 4:
        return None
    return int(m.group(1)), m.group(2).strip()


def _read_project(r, row, layout: _Layout, dim: int, name: str, budget_cells, problems) -> list[ParsedProject]:
    budgets, no_budget_years, ok = {}, [], True
    for c, value in budget_cells.items():
        year = layout.years[c]
        try:
            amount = parse_budget(value)
        except BudgetTextError as exc:
            problems.append(f"{_where(r, c, f'ปี {year}')}: {exc}")
            ok = False
            continue
        if amount is NO_BUDGET:
            no_budget_years.append(year)
        elif amount:
            budgets[year] = amount
    kind_text = _text(row[layout.kind]) if layout.kind is not None else ""
    if kind_text and kind_text not in KINDS:
        problems.append(f"{_where(r, layout.kind, H_KIND)}: '{kind_text}' ไม่ใช่ประเภทที่รู้จัก "
                        f"({' / '.join(KINDS)})")
        ok = False
    if not ok:
        return []
    remark = _text(row[layout.remark]) if layout.remark is not None else ""
    code = _text(row[layout.code]) if layout.code is not None else ""
    no_budget = bool(no_budget_years) and not budgets
    parts = _split_numbered(to_arabic_digits(name)) if not code else []
    if len(parts) > 1:
        if budgets:
            problems.append(f"{_where(r, layout.project, H_PROJECT)}: เซลล์นี้มี {len(parts)} โครงการแต่ระบุงบประมาณ"
                            " รวมกัน กรุณาแยกเป็นแถวละหนึ่งโครงการ")
            return []
        return [ParsedProject(dim, number, text, kind_text or _kind_of(text), {}, no_budget, remark)
                for number, text in parts]
    if not code:
        m = _NUMBERED.match(to_arabic_digits(name))
        if m:
            code, name = m.group(1), name[m.end():].strip()
    return [ParsedProject(dim, to_arabic_digits(code), name, kind_text or _kind_of(name), budgets, no_budget, remark)]


def _split_numbered(text: str) -> list[tuple[str, str]]:
    """``'1. มาตรการ ก 2. กิจกรรม ข'`` -> ``[('1', 'มาตรการ ก'), ('2', 'กิจกรรม ข')]`` when the
    numbers run on one by one; else one part."""
    marks = list(_NUMBERED.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    numbers = [int(m.group(1)) for m in marks]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [(m.group(1), text[m.end():end].strip()) for m, end in zip(marks, ends)]


def _kind_of(name: str) -> str:
    return next((k for k in KINDS if name.lstrip("“\"'").startswith(k)), "โครงการ")


# --- storing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanImportSummary:
    office_name: str
    office_created: bool
    plan_id: int | None
    start_year: int
    end_year: int
    added: int
    updated: int
    kept: int
    dry_run: bool = False

    def message_th(self) -> str:
        parts = [f"{self.office_name} แผน พ.ศ. {self.start_year}-{self.end_year}: "
                 f"เพิ่มโครงการ {self.added} รายการ, ปรับปรุง {self.updated} รายการ"]
        if self.kept:
            parts.append(f"โครงการเดิมที่ไม่อยู่ในไฟล์คงไว้ {self.kept} รายการ")
        if self.office_created:
            parts.append("สร้างหน่วยงานใหม่ (ไม่เคยมีในฐานข้อมูล)")
        return ", ".join(parts)


def import_plan_file(ctx, path: str | Path, org: str | None = None, dry_run: bool = False) -> PlanImportSummary:
    """Read the summary table and store it in one transaction: the office is created when it
    does not exist; the plan of the same span is updated (projects matched by dimension and
    name; their detail kept), else a new plan is made. Nothing is stored on any problem."""
    parsed = read_plan_xlsx(path, org)
    with ctx.db.session() as s:
        office = offices.find_office_row(s, parsed.office_name)
        created = office is None
        if created:
            office = Office(name=parsed.office_name, kind=org_kind(parsed.office_name) or "องค์การบริหารส่วนตำบล")
            s.add(office)
            s.flush()
        plan = s.scalar(select(Plan).where(Plan.office_id == office.id, Plan.start_year == parsed.start_year,
                                           Plan.end_year == parsed.end_year))
        if plan is None:
            _refuse_same_span(s, office.id, parsed.start_year, parsed.end_year)
            plan = Plan(office_id=office.id, title=parsed.title or "", start_year=parsed.start_year,
                        end_year=parsed.end_year)
            s.add(plan)
        added, updated, kept, changes = _merge(plan, parsed)
        s.flush()
        summary = PlanImportSummary(parsed.office_name, created, plan.id, parsed.start_year, parsed.end_year,
                                    added, updated, kept, dry_run)
        audit.record(s, "plan.import", "plan", plan.id, file=Path(path).name, office_created=created,
                     added=added, updated=updated, kept=kept, changes=changes)
        if dry_run:
            s.rollback()
            return replace(summary, plan_id=None)
        return summary


def _summary_values(p: Project) -> dict:
    return {"code": p.code, "kind": p.kind, "remark": p.remark, "no_budget": bool(p.no_budget),
            "budgets": {b.year: b.amount for b in p.budgets}}


def _merge(plan: Plan, parsed: ParsedPlan) -> tuple[int, int, int, list[dict]]:
    """Write the file's summary table into ``plan``; returns counts and the audit's old/new values."""
    dims = {d.number: d for d in plan.dimensions}
    for number in sorted(set(parsed.dimensions) | set(range(1, 5))):
        name = parsed.dimensions.get(number) or NATIONAL_DIMENSIONS[number - 1]
        if number not in dims:
            dims[number] = Dimension(number=number, name=name)
            plan.dimensions.append(dims[number])
        elif parsed.dimensions.get(number) and dims[number].name != name:
            dims[number].name = name
            dims[number].version = (dims[number].version or 1) + 1
    added = updated = 0
    seen: set[int] = set()
    changes = []
    for p in parsed.projects:
        dim = dims[p.dimension]
        existing = next((x for x in dim.projects if x.name == p.name and id(x) not in seen), None)
        old = None
        if existing is None:
            existing = Project(name=p.name, sort_order=len(dim.projects))
            dim.projects.append(existing)
            added += 1
        else:
            old = _summary_values(existing)
            existing.version = (existing.version or 1) + 1
            updated += 1
        seen.add(id(existing))
        existing.code, existing.kind, existing.remark = p.code, p.kind, p.remark
        existing.no_budget = p.no_budget
        set_budgets(existing, p.budgets)
        changes.append({"dimension": p.dimension, "name": p.name, "old": old, "new": _summary_values(existing)})
    kept = sum(1 for d in dims.values() for x in d.projects if id(x) not in seen)
    return added, updated, kept, changes
