"""Memos (บันทึกข้อความ): texts from editable templates filled with the office-year's data.

The clerk may edit the final text; edits are kept as a draft per office, year and kind.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from ita_desktop.core.analysis import thai_join
from ita_desktop.core.thaitext import thai_date
from ita_desktop.documents.memo import CommentBlock, MemoData, MemoSection, Signatory, build_memo_pdf
from ita_desktop.documents.memo_templates import TemplateError, fill_template, load_template

from . import queries
from .errors import UserError

KINDS = {"analysis": "memo_analysis", "results": "memo_results", "measures": "memo_measures"}
KIND_TITLES = {"analysis": "บันทึกนำส่งรายงานการวิเคราะห์ผลการประเมิน ITA", "results": "บันทึกนำส่งรายงานผลการดำเนินการตามมาตรการ",
               "measures": "บันทึกนำส่งมาตรการส่งเสริมคุณธรรมและความโปร่งใส"}


@dataclass(frozen=True)
class MemoTexts:
    """Everything of a memo that the clerk can edit before printing."""

    number: str
    date: str  # ISO (CE) date
    subject: str
    salutation: str
    sections: tuple[MemoSection, ...]
    closing: str = "จึงเรียนมาเพื่อโปรดทราบและพิจารณา"
    from_draft: bool = field(default=False, compare=False)


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise UserError(f"ไม่รู้จักบันทึกข้อความชนิด '{kind}' (มีได้: {', '.join(KINDS)})")
    return KINDS[kind]


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def template_context(ctx, office_id: int, year: int) -> dict:
    """The placeholder values of the memo templates for one office-year."""
    office = queries.get_office(ctx, office_id)
    entry = queries.score_office_year(ctx, office_id, year)
    result = entry.result
    passed = [i.name for i in result.indicators if i.passed is True]
    failed = [i.name for i in result.indicators if i.passed is False]
    mayor = office.signatory("mayor")
    return {
        "office_name": office.name, "office_short": office.short_name, "year": str(year),
        "total": _fmt(result.total), "level": entry.level or "-", "level_old": result.level_old or "-",
        "pass_line": f"{result.pass_line:g}", "passed_count": str(len(passed)), "failed_count": str(len(failed)),
        "passed_indicators": thai_join(passed) or "-", "failed_indicators": thai_join(failed) or "-",
        "website": office.website or "ของหน่วยงาน",
        "mayor_title": mayor.position or f"นายก{office.name}",
    }


def default_texts(ctx, office_id: int, year: int, kind: str, today: _dt.date | None = None) -> MemoTexts:
    """Texts from the template of ``kind`` filled with the office-year's figures."""
    template = load_template(_kind(kind))
    try:
        filled = fill_template(template, template_context(ctx, office_id, year))
    except TemplateError as exc:
        raise UserError(f"แม่แบบบันทึกข้อความ {KINDS[kind]}: {exc}") from exc
    office = queries.get_office(ctx, office_id)
    return MemoTexts(
        number=office.memo_number_prefix, date=(today or _dt.date.today()).isoformat(),
        subject=filled.subject, salutation=filled.salutation, sections=tuple(filled.sections), closing=filled.closing,
    )


def load_texts(ctx, office_id: int, year: int, kind: str, use_draft: bool = True) -> MemoTexts:
    """The clerk's saved draft when there is one (and ``use_draft``), else the filled template."""
    _kind(kind)
    if use_draft:
        draft = queries.memo_draft(ctx, office_id, year, kind)
        if draft is not None:
            return _texts_from_json(json.loads(draft["content_json"] or "{}"), draft)
    return default_texts(ctx, office_id, year, kind)


def _texts_from_json(data: dict, draft: dict) -> MemoTexts:
    sections = tuple(
        MemoSection(s.get("heading", ""), list(s.get("paragraphs") or []), bool(s.get("bullets")))
        for s in data.get("sections") or ()
    )
    return MemoTexts(number=data.get("number") or draft["number"], date=data.get("date") or draft["date"],
                     subject=data.get("subject", ""), salutation=(data.get("salutation") or "").removeprefix("เรียน").strip(),
                     sections=sections, closing=data.get("closing") or "จึงเรียนมาเพื่อโปรดทราบและพิจารณา",
                     from_draft=True)


def save_texts(ctx, office_id: int, year: int, kind: str, texts: MemoTexts) -> None:
    """Keep the clerk's edited memo text (replacing an earlier draft)."""
    from sqlalchemy import select  # writing needs the ORM; printing (read-only) does not

    from ita_desktop.models import MemoDraft

    from . import audit

    _kind(kind)
    _validate(texts)
    content = {
        "number": texts.number, "date": texts.date, "subject": texts.subject, "salutation": texts.salutation,
        "sections": [{"heading": s.heading, "paragraphs": list(s.paragraphs), "bullets": s.bullets} for s in texts.sections],
        "closing": texts.closing,
    }
    with ctx.db.session() as s:
        draft = s.scalar(select(MemoDraft).where(
            MemoDraft.office_id == office_id, MemoDraft.year == year, MemoDraft.kind == kind))
        if draft is None:
            draft = MemoDraft(office_id=office_id, year=year, kind=kind)
            s.add(draft)
        draft.number, draft.date = texts.number, texts.date
        draft.content_json = json.dumps(content, ensure_ascii=False)
        s.flush()
        audit.record(s, "memo.save", "memo_draft", draft.id, kind=kind, year=year)


def _validate(texts: MemoTexts) -> None:
    if not texts.subject.strip():
        raise UserError("กรุณากรอกช่อง 'เรื่อง' ของบันทึกข้อความ")
    if not texts.salutation.strip():
        raise UserError("กรุณากรอกช่อง 'เรียน' ของบันทึกข้อความ")
    try:
        _dt.date.fromisoformat(texts.date)
    except ValueError as exc:
        raise UserError(f"วันที่ของบันทึกข้อความ '{texts.date}' ไม่ถูกต้อง") from exc


def _signatory(info: queries.SignatoryInfo) -> Signatory:
    return Signatory(info.name, [p for p in (info.position, *info.extra_positions) if p])


def memo_data(ctx, office_id: int, texts: MemoTexts, thai_digits: bool | None = None) -> MemoData:
    """The printable memo: the edited texts plus the office's header fields and signature chain.

    Digits follow the memo setting (Thai by default) unless ``thai_digits`` says otherwise; the
    Garuda image is the office's, else the program-wide one (services.settings).
    """
    from . import settings

    _validate(texts)
    if thai_digits is None:
        thai_digits = settings.digits(ctx, "memo") == settings.THAI
    office = queries.get_office(ctx, office_id)
    writer_role = "clerk" if office.signatory("clerk").name else "head_of_office"
    chain = [r for r in ("head_of_office", "chief_administrator", "mayor") if r != writer_role]
    kind_words = office.kind
    titles = {"head_of_office": "หัวหน้าสำนักปลัด", "chief_administrator": f"ปลัด{kind_words}",
              "mayor": f"นายก{kind_words}"}
    comments = [CommentBlock(titles[r], _signatory(office.signatory(r))) for r in chain]
    return MemoData(
        garuda_path=settings.garuda_image(ctx, office_id) or None,
        unit=office.memo_unit or f"สำนักปลัด {office.name} อำเภอ{office.district} จังหวัด{office.province}",
        number=texts.number, date_text=thai_date(_dt.date.fromisoformat(texts.date), thai_digits),
        subject=texts.subject, salutation=texts.salutation, sections=list(texts.sections), closing=texts.closing,
        writer=_signatory(office.signatory(writer_role)), comments=comments, thai_digits=thai_digits,
    )


def missing_scores(ctx, office_id: int, year: int, kind: str) -> tuple[str, ...]:
    """What the memo of ``kind`` needs and the office-year lacks: the analysis memo every indicator
    score and the total (it goes with the analysis report), the results memo the total."""
    from .analysis import missing_for_analysis

    _kind(kind)
    result = queries.score_office_year(ctx, office_id, year).result
    if kind == "analysis":
        return missing_for_analysis(result)
    return () if result.total is not None else ("คะแนนรวม",)


def require_scores(ctx, office_id: int, year: int, kind: str) -> None:
    """A Thai UserError naming what is missing, instead of a memo that prints "คะแนนรวม - คะแนน"."""
    missing = missing_scores(ctx, office_id, year, kind)
    if missing:
        office = queries.get_office(ctx, office_id)
        raise UserError(f"ยังพิมพ์{KIND_TITLES[kind]} ของ {office.name} ปีงบประมาณ {year} ไม่ได้ "
                        f"เพราะยังไม่มีคะแนน: {', '.join(missing)} (กรอกหรือนำเข้าคะแนนให้ครบก่อน)")


REPORT_WRITERS = {"analysis": "ita_desktop.services.analysis_report:write_analysis_report"}


def write_memo_pdf(ctx, office_id: int, year: int, kind: str, out_path: Path, use_draft: bool = True,
                   with_report: bool = False) -> list[str]:
    """Build the memo PDF at ``out_path`` (with the report's pages after it when ``with_report``);
    returns Thai warnings (e.g. no Garuda image set, signatories without a name).

    Refused with a Thai UserError, writing nothing, while the year's scores are incomplete."""
    import importlib
    import tempfile

    from ita_desktop.documents.memo import append_pages

    require_scores(ctx, office_id, year, kind)
    if with_report and kind not in REPORT_WRITERS:
        raise UserError(f"ยังแนบรายงานไปกับ{KIND_TITLES[kind]}ไม่ได้ (แนบได้กับ: {', '.join(REPORT_WRITERS)})")
    texts = load_texts(ctx, office_id, year, kind, use_draft)
    data = memo_data(ctx, office_id, texts)
    if not with_report:
        return build_memo_pdf(data, out_path)
    module, name = REPORT_WRITERS[kind].split(":")
    write_report = getattr(importlib.import_module(module), name)
    with tempfile.TemporaryDirectory() as folder:
        report = write_report(ctx, office_id, year, Path(folder) / "report.pdf")
        warnings = build_memo_pdf(data, out_path)
        append_pages(out_path, report)
    return warnings
