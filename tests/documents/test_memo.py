"""The memo: layout measured from the PDF itself (margins, sizes, order), Garuda, flow to page 2."""

from dataclasses import replace

import pytest
from PIL import Image
from reportlab.lib.units import cm

from ita_desktop.documents.memo import CommentBlock, MemoData, MemoSection, Signatory, build_memo_pdf
from ita_desktop.documents.memo_templates import sample_memo

from .pdftools import fonts, needs_poppler, page_count, page_size, pdf_text, render, squash, words

A4_WIDTH, A4_HEIGHT = 595.28, 841.89


@pytest.fixture(scope="module")
def garuda(tmp_path_factory):
    path = tmp_path_factory.mktemp("img") / "garuda.png"
    Image.new("RGB", (150, 150), (0, 0, 0)).save(path)
    return path


@pytest.fixture(scope="module")
def memo_pdf(tmp_path_factory, garuda):
    path = tmp_path_factory.mktemp("memo") / "memo.pdf"
    warnings = build_memo_pdf(replace(sample_memo(), garuda_path=garuda), path)
    assert warnings == []
    return path


def _word(found, text, page=1):
    return next(w for w in found if w.text == text and w.page == page)


@needs_poppler
def test_margins_measured_on_the_page(memo_pdf):
    found = words(memo_pdf)
    assert min(w.x0 for w in found) == pytest.approx(3 * cm, abs=0.5)
    assert max(w.x1 for w in found) <= A4_WIDTH - 2 * cm + 0.5
    assert page_size(memo_pdf) == pytest.approx((A4_WIDTH, A4_HEIGHT), abs=0.5)
    body_bottom = max(w.y1 for w in found if w.page == 1)
    assert body_bottom <= A4_HEIGHT - 2 * cm + 0.3 * 16


@needs_poppler
def test_heading_labels_and_body_sizes(memo_pdf):
    found = words(memo_pdf)
    heading = _word(found, "บันทึกข้อความ")
    assert heading.font_size == pytest.approx(29, abs=0.3)
    assert (heading.x0 + heading.x1) / 2 == pytest.approx((3 * cm + A4_WIDTH - 2 * cm) / 2, abs=1)
    for label in ("ส่วนราชการ", "ที่", "วันที่", "เรื่อง"):
        assert _word(found, label).font_size == pytest.approx(20, abs=0.3), label
    assert _word(found, "เรียน").font_size == pytest.approx(16, abs=0.3)
    assert _word(found, "เรื่องเดิม").font_size == pytest.approx(16, abs=0.3)


@needs_poppler
def test_number_and_date_share_a_line(memo_pdf):
    found = words(memo_pdf)
    number, date = _word(found, "ที่"), _word(found, "วันที่")
    assert number.y1 == pytest.approx(date.y1, abs=0.5)
    assert date.x0 == pytest.approx(3 * cm + (A4_WIDTH - 5 * cm) / 2, abs=1)


@needs_poppler
def test_garuda_top_left_one_and_a_half_cm(memo_pdf, tmp_path):
    image = Image.open(render(memo_pdf, tmp_path / "p1", dpi=72)).convert("L")
    px = lambda x_cm, y_cm: image.getpixel((round(x_cm * 72 / 2.54), round(y_cm * 72 / 2.54)))  # noqa: E731
    assert px(3.7, 2.2) < 50  # inside the 1.5 cm square starting 1.5 cm from the top
    assert px(3.7, 1.2) > 200 and px(3.7, 3.2) > 200 and px(2.5, 2.2) > 200


@needs_poppler
def test_text_is_complete_and_in_order(memo_pdf):
    text = squash(pdf_text(memo_pdf))
    order = ["บันทึกข้อความ", "ส่วนราชการ", "ที่ ขย ๗๙๙๐๑/๑๙๖", "วันที่ ๑๗ ตุลาคม ๒๕๖๖", "เรื่อง",
             "เรียน นายกองค์การบริหารส่วนตำบลตะโกทอง", "เรื่องเดิม", "ข้อเท็จจริง", "ข้อพิจารณาและข้อเสนอ",
             "จึงเรียนมาเพื่อโปรดทราบและพิจารณา", "(ลงชื่อ)", "(นางสาวมัณฑนา โคตรนาวัง)",
             "ความเห็นของหัวหน้าสำนักปลัด", "(นางสุนันทา เพิ่มวิไล)", "ความเห็นของปลัดองค์การบริหารส่วนตำบล"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "75.47" not in text and "๗๕.๔๗" in text


@needs_poppler
def test_long_memo_flows_onto_numbered_second_page(memo_pdf):
    assert page_count(memo_pdf) >= 2
    header = [w for w in words(memo_pdf) if w.page == 2 and w.y1 < 1.5 * cm]
    assert [w.text for w in header] == ["-", "๒", "-"]
    assert header[1].font_size == pytest.approx(16, abs=0.3)
    assert all(f["emb"] == "yes" for f in fonts(memo_pdf))


def _small_memo(**changes) -> MemoData:
    base = MemoData(
        garuda_path=None, unit="สำนักปลัด", number="ชร 79301/019", date_text="8 มกราคม 2568",
        subject="ทดสอบ", salutation="นายก",
        sections=[MemoSection("ข้อกฎหมาย", ["มาตรา 41 (1)", "พ.ร.บ. ข้อมูลข่าวสาร พ.ศ. 2540"], bullets=True)],
        writer=Signatory("นายคเชนทร์ ทิพย์คำ", ["หัวหน้าสำนักปลัด"]),
        comments=[CommentBlock("ปลัด", Signatory("นายประเวศ ปงรังษี", ["ปลัด"]))],
    )
    return replace(base, **changes)


@needs_poppler
def test_missing_garuda_leaves_space_and_warns(tmp_path):
    path = tmp_path / "m.pdf"
    warnings = build_memo_pdf(_small_memo(garuda_path=tmp_path / "none.png"), path)
    assert any("ครุฑ" in w for w in warnings)
    assert build_memo_pdf(_small_memo(), tmp_path / "n.pdf") == ["ไม่ได้เลือกไฟล์ภาพครุฑ จึงเว้นที่ว่างไว้แทน"]
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    assert build_memo_pdf(_small_memo(garuda_path=broken), tmp_path / "b.pdf")[0].startswith("อ่านไฟล์ภาพครุฑไม่ได้")
    heading = _word(words(path), "บันทึกข้อความ")
    assert heading.y1 > 1.5 * cm + 20  # the Garuda's room is kept above the heading's baseline
    assert page_count(path) == 1


@needs_poppler
def test_bullets_and_digit_setting(tmp_path):
    thai = tmp_path / "t.pdf"
    build_memo_pdf(_small_memo(), thai)
    text = squash(pdf_text(thai))
    assert "- มาตรา ๔๑ (๑)" in text and "ชร ๗๙๓๐๑/๐๑๙" in text
    arabic = tmp_path / "a.pdf"
    build_memo_pdf(_small_memo(thai_digits=False), arabic)
    text = squash(pdf_text(arabic))
    assert "- มาตรา 41 (1)" in text and "8 มกราคม 2568" in text


def test_empty_header_fields_are_reported(tmp_path):
    warnings = build_memo_pdf(_small_memo(subject=" ", number=""), tmp_path / "e.pdf")
    assert "ยังไม่ได้กรอกเรื่อง" in warnings and "ยังไม่ได้กรอกที่" in warnings


@needs_poppler
def test_bullet_markers_hang_at_the_paragraph_indent(tmp_path):
    path = tmp_path / "b.pdf"
    build_memo_pdf(_small_memo(), path)
    found = words(path)
    markers = [w for w in found if w.text == "-" and w.y0 > 3 * cm]
    assert len(markers) == 2
    assert all(m.x0 == pytest.approx(3 * cm + 2.5 * cm, abs=0.5) for m in markers)
    text_start = next(w for w in found if w.text.startswith("มาตรา"))
    assert text_start.x0 == pytest.approx(3 * cm + 2.9 * cm, abs=0.5)


@needs_poppler
def test_closing_line_stays_with_the_writer_signature(memo_pdf):
    found = words(memo_pdf)
    closing = next(w for w in found if w.text.startswith("จึงเรียนมา"))
    writer = next(w for w in found if w.text == "(นางสาวมัณฑนา")
    assert closing.page == writer.page and closing.y1 < writer.y0
