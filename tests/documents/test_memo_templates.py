"""Memo templates: placeholders, filling, Thai errors, conversion to MemoData."""

import pytest

from ita_desktop.documents.memo import Signatory
from ita_desktop.documents.memo_templates import (
    SAMPLE_CONTEXT,
    TemplateError,
    fill_template,
    load_template,
    memo_data,
    placeholders,
)

EXPECTED = {"office_name", "year", "total", "level", "website", "mayor_title"}


@pytest.mark.parametrize("name", ["memo_analysis", "memo_results"])
def test_templates_load_and_use_the_documented_placeholders(name):
    template = load_template(name)
    assert EXPECTED <= placeholders(template)
    assert placeholders(template) <= set(SAMPLE_CONTEXT)
    assert template["closing"] == "จึงเรียนมาเพื่อโปรดทราบและพิจารณา"


def test_analysis_template_follows_seed_001():
    headings = [s["heading"] for s in load_template("memo_analysis")["sections"]]
    assert headings == ["เรื่องเดิม", "ข้อเท็จจริง", "ข้อพิจารณาและข้อเสนอ"]


def test_results_template_follows_seed_003():
    sections = load_template("memo_results")["sections"]
    assert [s["heading"] for s in sections] == ["เรื่องเดิม", "ข้อเท็จจริง", "ข้อกฎหมาย", "ข้อพิจารณา"]
    assert sections[2]["bullets"] and sections[3]["bullets"]


def test_fill_replaces_every_placeholder_with_thai_digits():
    filled = fill_template(load_template("memo_results"), SAMPLE_CONTEXT)
    texts = [filled.subject, filled.salutation, filled.closing] + [p for s in filled.sections for p in s.paragraphs]
    assert not any("{" in t for t in texts)
    assert filled.subject.endswith("พ.ศ. ๒๕๖๖")
    assert "๗๕.๔๗ คะแนน" in filled.sections[0].paragraphs[0]
    assert "www.takothong.go.th" in filled.sections[3].paragraphs[0]


def test_fill_with_arabic_digits_converts_template_digits_too():
    filled = fill_template(load_template("memo_results"), SAMPLE_CONTEXT, thai_digits=False)
    assert "75.47" in filled.sections[0].paragraphs[0]
    assert "มาตรา 41 (1)" in filled.sections[2].paragraphs[0]


def test_missing_placeholder_is_a_thai_error_naming_it():
    context = dict(SAMPLE_CONTEXT)
    del context["website"]
    with pytest.raises(TemplateError, match=r"\{website\}"):
        fill_template(load_template("memo_analysis"), context)


def test_unknown_template_is_a_thai_error():
    with pytest.raises(TemplateError, match="ไม่พบแม่แบบ"):
        load_template("memo_nothing")


def test_memo_data_carries_texts_and_signatories():
    filled = fill_template(load_template("memo_analysis"), SAMPLE_CONTEXT)
    data = memo_data(filled, garuda_path=None, unit="สำนักปลัด", number="1", date_text="1 ม.ค.",
                     writer=Signatory("ก ข", ["ค"]))
    assert data.subject == filled.subject and data.sections == filled.sections
    assert data.comments == [] and data.thai_digits
