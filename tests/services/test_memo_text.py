"""The memo body as editable plain text: headings in brackets, blank-line paragraphs, bullets."""

import pytest

from ita_desktop.documents.memo import MemoSection
from ita_desktop.services import memos, offices
from ita_desktop.services.memo_text import sections_to_text, text_to_sections

TEXT = """[เรื่องเดิม]
ตามที่องค์การบริหารส่วนตำบลตะโกทอง ได้รับผลการประเมิน ITA ประจำปี ๒๕๖๖

ย่อหน้าที่สองของเรื่องเดิม

[ข้อเท็จจริง]
สำนักปลัดได้วิเคราะห์ผลการประเมินเรียบร้อยแล้ว

[ข้อกฎหมาย]
- รัฐธรรมนูญแห่งราชอาณาจักรไทย มาตรา ๔๑ (๑)
- พระราชบัญญัติข้อมูลข่าวสารของทางราชการ พ.ศ. ๒๕๔๐

[ข้อพิจารณา]
- เห็นควรประชาสัมพันธ์ทาง www.takhothong.go.th
"""


def test_text_to_sections_reads_headings_paragraphs_and_bullets():
    sections = text_to_sections(TEXT)
    assert [s.heading for s in sections] == ["เรื่องเดิม", "ข้อเท็จจริง", "ข้อกฎหมาย", "ข้อพิจารณา"]
    assert sections[0] == MemoSection("เรื่องเดิม", [
        "ตามที่องค์การบริหารส่วนตำบลตะโกทอง ได้รับผลการประเมิน ITA ประจำปี ๒๕๖๖",
        "ย่อหน้าที่สองของเรื่องเดิม"], False)
    assert sections[2].bullets and sections[2].paragraphs[1] == "พระราชบัญญัติข้อมูลข่าวสารของทางราชการ พ.ศ. ๒๕๔๐"
    assert sections[3] == MemoSection("ข้อพิจารณา", ["เห็นควรประชาสัมพันธ์ทาง www.takhothong.go.th"], True)


def test_round_trip_text_sections_text():
    assert sections_to_text(text_to_sections(TEXT)) == TEXT


def test_round_trip_sections_text_sections():
    sections = text_to_sections(TEXT)
    assert text_to_sections(sections_to_text(sections)) == sections


def test_wrapped_lines_join_and_extra_blank_lines_are_ignored():
    text = "\n\n[เรื่องเดิม]\n  บรรทัดแรก\nบรรทัดต่อ  \n\n\n\n[ข้อพิจารณา]\n- ข้อหนึ่ง\n  ต่อข้อหนึ่ง\n-   ข้อสอง\n"
    sections = text_to_sections(text)
    assert sections[0].paragraphs == ["บรรทัดแรก บรรทัดต่อ"]
    assert sections[1].paragraphs == ["ข้อหนึ่ง ต่อข้อหนึ่ง", "ข้อสอง"] and sections[1].bullets


def test_mixed_section_prints_as_paragraphs_keeping_the_dash():
    sections = text_to_sections("[ข้อเท็จจริง]\nย่อหน้า\n\n- ข้อย่อย\n")
    assert sections[0] == MemoSection("ข้อเท็จจริง", ["ย่อหน้า", "- ข้อย่อย"], False)


def test_text_before_the_first_heading_and_empty_sections():
    sections = text_to_sections("คำนำ\n[ว่าง]\n[ข้อพิจารณา]\n- ข้อ\n")
    assert sections == (MemoSection("", ["คำนำ"], False), MemoSection("ว่าง", [], False),
                        MemoSection("ข้อพิจารณา", ["ข้อ"], True))
    assert text_to_sections(sections_to_text(sections)) == sections
    assert text_to_sections("") == () and sections_to_text(()) == ""


@pytest.mark.parametrize("kind", sorted(memos.KINDS))
def test_template_sections_survive_the_round_trip(demo_ctx, kind):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    sections = memos.default_texts(demo_ctx, office.id, 2566, kind).sections
    assert text_to_sections(sections_to_text(sections)) == tuple(sections)
