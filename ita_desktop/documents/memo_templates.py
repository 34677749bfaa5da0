"""Memo templates (resources/forms/memo_*.json): load, fill placeholders, turn into MemoData."""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path

from ita_desktop.documents.memo import CommentBlock, MemoData, MemoSection, Signatory
from ita_desktop.documents.thai_pdf import localize_digits
from ita_desktop.paths import forms_dir


class TemplateError(ValueError):
    """A template cannot be loaded or filled; the message is Thai, for the user."""


@dataclass(frozen=True)
class FilledMemo:
    """The texts of a template with every placeholder replaced."""

    subject: str
    salutation: str
    sections: list[MemoSection]
    closing: str


def template_path(name: str) -> Path:
    """Where template ``name`` (e.g. ``'memo_analysis'``) lives."""
    return forms_dir() / f"{name}.json"


def load_template(name: str) -> dict:
    """The template ``name`` as a dict (subject, salutation, sections, closing)."""
    path = template_path(name)
    if not path.is_file():
        raise TemplateError(f"ไม่พบแม่แบบบันทึกข้อความ: {name}")
    return json.loads(path.read_text(encoding="utf-8"))


def placeholders(template: dict) -> set[str]:
    """Every placeholder name used in ``template``."""
    return {field for text in _texts(template) for _, field, _, _ in string.Formatter().parse(text) if field}


def _texts(template: dict):
    yield template["subject"]
    yield template["salutation"]
    yield template.get("closing", "")
    for section in template["sections"]:
        yield section["heading"]
        yield from section["paragraphs"]


def _fill(text: str, values: dict[str, str]) -> str:
    missing = [f for _, f, _, _ in string.Formatter().parse(text) if f and f not in values]
    if missing:
        raise TemplateError(f"ไม่มีข้อมูลสำหรับช่อง {{{missing[0]}}} ในแม่แบบบันทึกข้อความ")
    return text.format_map(values)


def fill_template(template: dict, context: dict, thai_digits: bool = True) -> FilledMemo:
    """Replace the placeholders with ``context`` values (digits written Thai or Arabic).

    A placeholder without a value raises TemplateError naming it.
    """
    values = {k: localize_digits(str(v), thai_digits) for k, v in context.items()}
    local = lambda text: localize_digits(_fill(text, values), thai_digits)  # noqa: E731
    sections = [MemoSection(local(s["heading"]), [local(p) for p in s["paragraphs"]], bool(s.get("bullets")))
                for s in template["sections"]]
    closing = template.get("closing") or "จึงเรียนมาเพื่อโปรดทราบและพิจารณา"
    return FilledMemo(local(template["subject"]), local(template["salutation"]), sections, local(closing))


def memo_data(filled: FilledMemo, *, garuda_path: str | Path | None, unit: str, number: str, date_text: str,
              writer: Signatory, comments: list[CommentBlock] = (), thai_digits: bool = True) -> MemoData:
    """A MemoData from filled template texts plus the header fields and signatories."""
    return MemoData(garuda_path=garuda_path, unit=unit, number=number, date_text=date_text,
                    subject=filled.subject, salutation=filled.salutation, sections=filled.sections,
                    closing=filled.closing, writer=writer, comments=list(comments), thai_digits=thai_digits)


SAMPLE_CONTEXT = {
    "office_name": "องค์การบริหารส่วนตำบลตะโกทอง", "office_short": "อบต.ตะโกทอง", "year": "2566",
    "total": "75.47", "level": "B", "level_old": "B", "pass_line": "85", "passed_count": "2",
    "passed_indicators": "การปฏิบัติหน้าที่ และการใช้อำนาจ", "failed_count": "8",
    "failed_indicators": "การใช้งบประมาณ, การใช้ทรัพย์สินของทางราชการ, การแก้ไขปัญหาการทุจริต, "
                         "คุณภาพการดำเนินงาน, ประสิทธิภาพการสื่อสาร, การปรับปรุงการทำงาน, "
                         "การเปิดเผยข้อมูล, การป้องกันการทุจริต",
    "website": "www.takothong.go.th", "mayor_title": "นายกองค์การบริหารส่วนตำบลตะโกทอง",
}


def sample_memo() -> MemoData:
    """The analysis cover memo of seed 001 (อบต.ตะโกทอง, FY 2566), for demos and benchmarks."""
    filled = fill_template(load_template("memo_analysis"), SAMPLE_CONTEXT)
    chain = [
        CommentBlock("หัวหน้าสำนักปลัด", Signatory("นางสุนันทา เพิ่มวิไล", ["หัวหน้าสำนักปลัด"])),
        CommentBlock("ปลัดองค์การบริหารส่วนตำบล", Signatory("นางมีนภากร ภิรมย์กิจ", ["ปลัดองค์การบริหารส่วนตำบลตะโกทอง"])),
        CommentBlock("นายกองค์การบริหารส่วนตำบล", Signatory("นายสมชาย ใจดี", ["นายกองค์การบริหารส่วนตำบลตะโกทอง"])),
    ]
    writer = Signatory("นางสาวมัณฑนา โคตรนาวัง", ["ตำแหน่ง นักวิเคราะห์นโยบายและแผนชำนาญการ"])
    return memo_data(filled, garuda_path=None, unit="แผนงานบริหารงานทั่วไป องค์การบริหารส่วนตำบลตะโกทอง",
                     number="ขย 79901/196", date_text="17 ตุลาคม 2566", writer=writer, comments=chain)
