"""Sample data: the offices and figures of the seed documents, entered as a clerk would."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop import paths
from ita_desktop.core.criteria import DEFAULT_PASS_LINE
from ita_desktop.models import (
    Dimension,
    FiscalYear,
    Measure,
    MeasureSet,
    MemoDraft,
    Office,
    Plan,
    PlanTarget,
    Project,
    ProjectBudget,
    ResultReport,
    ResultRow,
    Risk,
)
from ita_desktop.models.db import SessionReader

from . import audit, criteria as criteria_service, offices, scores
from .errors import UserError


@dataclass(frozen=True)
class DemoSummary:
    offices: int
    assessments: int
    item_scores: int
    measures: int
    result_rows: int
    projects: int

    def message_th(self) -> str:
        return (
            f"โหลดข้อมูลตัวอย่างแล้ว: {self.offices} หน่วยงาน, ผลการประเมิน {self.assessments} ปี, "
            f"คะแนนข้อคำถาม {self.item_scores} ข้อ, มาตรการ {self.measures} รายการ, "
            f"ผลการดำเนินการ {self.result_rows} รายการ, โครงการในแผน {self.projects} โครงการ"
        )


def sample_dir() -> Path:
    return paths.resource_path("sample")


def _read(name: str):
    path = sample_dir() / name
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def load_sample_data(ctx, progress=None) -> DemoSummary:
    """Load (or reload) every sample file in one transaction; existing sample rows are replaced.

    ``progress(percent, text)`` is told how far it got; when it raises (a cancelled task) the
    transaction is rolled back and nothing is changed."""
    if not (sample_dir() / "offices.json").exists():
        raise UserError(f"ไม่พบไฟล์ข้อมูลตัวอย่างในโฟลเดอร์ {sample_dir()}")
    report = progress or (lambda percent, text="": None)
    counts = dict(assessments=0, item_scores=0, measures=0, result_rows=0, projects=0)
    with ctx.db.session() as s:
        has_data = s.scalar(select(Office.id).limit(1)) is not None
    if has_data:
        ctx.db.ensure_backup("before-demo")  # sample rows replace what is stored: a copy first
    with ctx.db.session() as s:
        report(0, "กำลังโหลดข้อมูลหน่วยงาน...")
        for entry in _read("offices.json"):
            offices.store_office(s, _profile(s, entry))
        ids = {o.name: o.id for o in s.scalars(select(Office))}
        for entry in _read("offices.json"):
            _load_pass_lines(s, ids, entry)
        report(20, "กำลังโหลดคะแนน...")
        for entry in _read("scores.json"):
            counts["assessments"] += 1
            counts["item_scores"] += _load_scores(s, ids, entry)
        report(50, "กำลังโหลดมาตรการและผลการดำเนินการ...")
        for entry in _read("measures.json"):
            counts["measures"] += _load_measures(s, ids, entry)
        for entry in _read("results.json"):
            counts["result_rows"] += _load_results(s, ids, entry)
        for entry in _read("memos.json"):
            _load_memo(s, ids, entry)
        report(75, "กำลังโหลดแผนปฏิบัติการ...")
        plan = _read("plan.json")
        if plan:
            counts["projects"] += _load_plan(s, ids, plan)
        audit.record(s, "demo.load", **counts)
        report(95, "กำลังบันทึก...")
    return DemoSummary(offices=len(_read("offices.json")), **counts)


def _profile(s: Session, e: dict) -> offices.OfficeProfile:
    existing = offices.find_office_row(s, e["name"])
    return offices.OfficeProfile(
        id=existing.id if existing else None,
        name=e["name"], kind=e["kind"], district=e.get("district") or "", province=e.get("province") or "",
        website=e.get("website") or "", phone=e.get("phone") or "", memo_unit=e.get("memo_unit") or "",
        memo_number_prefix=e.get("memo_number_prefix") or "", divisions=tuple(e.get("divisions") or ()),
        signatories=tuple(
            offices.SignatoryInfo(x["role"], x.get("name") or "", x.get("position") or "",
                                  tuple(x.get("extra_positions") or ()))
            for x in e.get("signatories") or ()
        ),
    )


def _load_pass_lines(s: Session, ids: dict[str, int], e: dict) -> None:
    """An office's own pass line per year (seed 002's office analyses against 90)."""
    from ita_desktop.models import Setting

    from .settings import pass_line_key

    office_id = ids[offices.canonical_org_name(e["name"])]
    for year, value in (e.get("pass_lines") or {}).items():
        if year.isdigit():
            s.merge(Setting(key=pass_line_key(office_id, int(year)), value=f"{float(value):g}"))


def _office_id(ids: dict[str, int], name: str) -> int:
    from ita_desktop.core.orgnames import canonical_org_name

    return ids[canonical_org_name(name)]


def _ensure_year(s: Session, year: int) -> None:
    """Sample years older than the bundled catalogs get a copy of the nearest one."""
    if s.get(FiscalYear, year) is not None:
        return
    years = sorted(s.scalars(select(FiscalYear.year)))
    if not years:
        raise UserError("ยังไม่มีเกณฑ์การประเมินในฐานข้อมูล")
    nearest = min(years, key=lambda y: abs(y - year))
    src = criteria_service.read_criteria(SessionReader(s), nearest)
    criteria_service.store_catalog(s, replace(src, year=year, note=f"คัดลอกจากเกณฑ์ปีงบประมาณ {nearest}"))


def _load_scores(s: Session, ids: dict[str, int], e: dict) -> int:
    _ensure_year(s, e["year"])
    office_id = _office_id(ids, e["office"])
    stored = scores.read_scores(SessionReader(s), office_id, e["year"])
    a = scores.get_assessment(s, office_id, e["year"], create=True)
    scores.set_official(a, e.get("official_total"), e.get("official_level") or "")
    notes = {n["number"]: n["text"] for n in e.get("indicator_notes") or ()}
    scores.write_indicator_scores(s, a, {i["number"]: i["score"] for i in e.get("indicators") or ()}, notes=notes)
    items = e.get("items") or ()
    scores.write_item_scores(s, a, {i["code"]: i["score"] for i in items},
                             guidelines={i["code"]: i.get("guideline") or "" for i in items})
    new = {**{f"ตัวชี้วัดที่ {i['number']}": i["score"] for i in e.get("indicators") or ()},
           **{str(i["code"]): i["score"] for i in items}}
    old = {**{f"ตัวชี้วัดที่ {k}": v for k, v in stored.indicators.items()}, **{str(k): v for k, v in stored.items.items()}} \
        if stored and (stored.indicators or stored.items) else None
    audit.record(s, "demo.scores", "assessment", a.id, office_id=office_id, year=e["year"], old=old, new=new)
    return len(items)


def _replace(s: Session, model, office_id: int, year: int):
    old = s.scalar(select(model).where(model.office_id == office_id, model.year == year))
    if old is not None:
        s.delete(old)
        s.flush()


def _load_measures(s: Session, ids: dict[str, int], e: dict) -> int:
    office_id = _office_id(ids, e["office"])
    _replace(s, MeasureSet, office_id, e["year"])
    ms = MeasureSet(office_id=office_id, year=e["year"], based_on_year=e.get("based_on_year"),
                    pass_line=e.get("pass_line") or DEFAULT_PASS_LINE, intro=e.get("intro") or "")
    for n, r in enumerate(e.get("rows") or ()):
        numbers = [i["number"] for i in r.get("indicators") or ()] or (
            [r["indicator_number"]] if r.get("indicator_number") is not None else [])
        ms.measures.append(Measure(
            tool=r.get("tool") or "", indicator=r.get("indicator_number"), item_code=r.get("item_code"),
            items=r.get("item_code") or "", indicators=" ".join(str(x) for x in numbers),
            category=r.get("category") or "", issue=r.get("issue") or "", responsible=r.get("responsible") or "",
            steps=r.get("steps") or "", reporting=r.get("reporting") or "", period=r.get("period") or "",
            measure=r.get("measure") or "", deadline=r.get("deadline"), sort_order=n,
        ))
    s.add(ms)
    return len(ms.measures)


def _load_results(s: Session, ids: dict[str, int], e: dict) -> int:
    office_id = _office_id(ids, e["office"])
    _replace(s, ResultReport, office_id, e["year"])
    rep = ResultReport(office_id=office_id, year=e["year"], title=e.get("title") or "",
                       intro="\n\n".join(e.get("intro_paragraphs") or ()),
                       summary="\n\n".join(e.get("summary_paragraphs") or ()))
    for n, r in enumerate(e.get("rows") or ()):
        rep.rows.append(ResultRow(
            measure=r.get("measure") or "", steps=r.get("steps") or "", period=r.get("period") or "",
            responsible=r.get("responsible") or "", output=r.get("output") or "", outcome=r.get("outcome") or "",
            status=r.get("status") or "done", reason=r.get("reason") or "", sort_order=n,
        ))
    s.add(rep)
    return len(rep.rows)


def _load_memo(s: Session, ids: dict[str, int], e: dict) -> None:
    office_id = _office_id(ids, e["office"])
    old = s.scalar(select(MemoDraft).where(MemoDraft.office_id == office_id, MemoDraft.year == e["year"],
                                           MemoDraft.kind == e["kind"]))
    if old is not None:
        s.delete(old)
        s.flush()
    s.add(MemoDraft(office_id=office_id, year=e["year"], kind=e["kind"], number=e.get("number") or "",
                    date=e.get("date") or "", content_json=json.dumps(e, ensure_ascii=False)))


def _load_plan(s: Session, ids: dict[str, int], e: dict) -> int:
    office_id = _office_id(ids, e["office"])
    for old in s.scalars(select(Plan).where(Plan.office_id == office_id, Plan.start_year == e["start_year"])):
        s.delete(old)
    s.flush()
    intro = e.get("intro") or {}
    plan = Plan(office_id=office_id, title=e.get("title") or "", start_year=e["start_year"], end_year=e["end_year"],
                intro_json=json.dumps({"parts": e.get("parts") or [], "intro": intro}, ensure_ascii=False),
                objectives="\n".join(intro.get("objectives") or ()))
    for t in e.get("targets") or ():
        plan.targets.append(PlanTarget(year=t["year"], ita_target=t.get("ita_target"), other=t.get("other") or "",
                                       fewer_cases_percent=t.get("fewer_cases_percent")))
    for n, r in enumerate(e.get("risks") or ()):
        plan.risks.append(Risk(process=r.get("process") or "", risk=r.get("risk") or "", level=r.get("level") or "",
                               controls=r.get("controls") or "", sort_order=n))
    count = 0
    for d in e.get("dimensions") or ():
        dim = Dimension(number=d["number"], name=d["name"])
        for n, p in enumerate(d.get("projects") or ()):
            dim.projects.append(_project(p, n))
            count += 1
        plan.dimensions.append(dim)
    s.add(plan)
    return count


def _project(p: dict, order: int) -> Project:
    detail = p.get("detail") or {}
    objectives = detail.get("objectives") or []
    project = Project(
        code=p.get("code") or "", name=p["name"], kind=p.get("kind") or "โครงการ", remark=p.get("remark") or "",
        rationale=detail.get("rationale") or "",
        objectives="\n".join(objectives) if isinstance(objectives, list) else str(objectives),
        target_group=detail.get("target_group") or "", method=detail.get("method") or "",
        period=detail.get("period") or "", budget_text=detail.get("budget_text") or "",
        responsible=detail.get("responsible") or "", outputs_outcomes=_outputs_text(detail.get("outputs_outcomes")),
        sort_order=order, no_budget=bool(p.get("no_budget")),
        run_years=",".join(str(y) for y in p.get("years") or ()),
        quarters=",".join(str(q) for q in p.get("quarters") or ()),
        target_groups="\n".join(p.get("target_groups") or ()),
    )
    for year, amount in (p.get("budgets") or {}).items():
        if amount:  # a year without money has no row; ไม่ใช้งบประมาณ is the project's no_budget
            project.budgets.append(ProjectBudget(year=int(year), amount=float(amount)))
    return project


def _outputs_text(value) -> str:
    """Outputs and outcomes as the plan prints them: a heading line, then one line per entry."""
    if isinstance(value, dict):
        blocks = []
        for key, heading in (("outputs", "ผลผลิต (Output)"), ("outcomes", "ผลลัพธ์ (Outcome)")):
            entries = value.get(key) or []
            if entries:
                blocks.append("\n".join([heading, *entries]))
        return "\n".join(blocks)
    return str(value or "")
