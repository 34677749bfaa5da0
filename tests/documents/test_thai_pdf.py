"""Thai paragraphs in PDF: extraction gives the source text back, lines break between words."""

from itertools import accumulate
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from pythainlp.tokenize import word_tokenize
from reportlab.lib.pagesizes import A4

from ita_desktop.documents.fonts import font_name, get_font, glyph_name_unicode
from ita_desktop.documents.report import page_doc
from ita_desktop.documents.thai_pdf import TextStyle, ThaiParagraph, layout_lines, localize_digits, paragraph
from ita_desktop.documents.wordbreak import is_combining

from .pdftools import fonts, needs_poppler, pdf_lines, render, squash, to_unicode_targets

STYLES = [
    TextStyle(size=16, align="justify", first_indent=70),
    TextStyle(size=16, align="left"),
    TextStyle(size=14, align="justify", bold=True),
    TextStyle(size=20, align="center"),
]


def _build(path: Path, texts: list[str], style: TextStyle, width: float) -> None:
    doc = page_doc(path, A4, ((A4[0] - width) / 2, (A4[0] - width) / 2, 50, 50), "ทดสอบ")
    doc.build([ThaiParagraph(t, style) for t in texts])


def test_split_paragraph_keeps_every_character(corpus):
    text = corpus[-3]
    head, tail = ThaiParagraph(text, STYLES[0]).split(300, STYLES[0].line_height * 3)
    head.wrap(300, 1000)
    tail.wrap(300, 1000)
    assert len(head.lines) == 3
    assert head.text + tail.text == text
    assert [l.text for l in head.lines + tail.lines] == [l.text for l in layout_lines(text, STYLES[0], 300)]


@needs_poppler
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("width", [440, 250, 160])
def test_extracted_text_equals_source(tmp_path, corpus, style, width):
    pdf = tmp_path / "p.pdf"
    _build(pdf, corpus, style, width)
    # Paragraphs split across pages are laid out again; greedy breaking gives the same lines.
    laid_out = [squash(line.text) for text in corpus for line in layout_lines(text, style, width)]
    assert pdf_lines(pdf) == laid_out
    assert "".join(laid_out).replace(" ", "") == "".join(corpus).replace(" ", "")


@needs_poppler
def test_extracted_lines_never_start_with_a_mark(tmp_path, corpus):
    pdf = tmp_path / "p.pdf"
    _build(pdf, corpus, STYLES[0], 180)
    assert all(not is_combining(line[0]) for line in pdf_lines(pdf))


@pytest.mark.parametrize("width", [440, 300, 200, 160])
def test_every_line_break_is_a_pythainlp_word_boundary(corpus, width):
    for text in corpus:
        boundaries = set(accumulate(len(w) for w in word_tokenize(text, engine="newmm")))
        lines = layout_lines(text, STYLES[0], width)
        assert len(lines) > 1 or width >= 300
        position = 0
        for line in lines[:-1]:
            position = text.index(line.text, position) + len(line.text)
            assert position in boundaries, (line.text, text[position:position + 10])


def test_lines_fit_their_width(corpus):
    for text in corpus:
        for line in layout_lines(text, STYLES[0], 300):
            assert line.width + line.indent <= 300 + 0.01


def test_newline_forces_a_break_and_an_overlong_word_is_cut_between_clusters():
    lines = layout_lines("บรรทัดแรก\nบรรทัดที่สอง", TextStyle(), 400)
    assert [line.text for line in lines] == ["บรรทัดแรก", "บรรทัดที่สอง"]
    narrow = layout_lines("องค์การบริหารส่วนตำบล", TextStyle(), 40)
    assert "".join(line.text for line in narrow) == "องค์การบริหารส่วนตำบล"
    assert all(not is_combining(line.text[0]) for line in narrow)


@needs_poppler
def test_fonts_are_embedded_and_have_unicode_maps(tmp_path, corpus):
    pdf = tmp_path / "p.pdf"
    _build(pdf, corpus, STYLES[2], 300)
    found = fonts(pdf)
    assert found and all(f["emb"] == "yes" and f["uni"] == "yes" for f in found)
    assert all("Laksaman" in f["name"] for f in found)


def test_substituted_glyphs_map_to_their_characters():
    assert glyph_name_unicode("uni0E49.low") == "\u0e49"
    assert glyph_name_unicode("uni0E48.left") == "\u0e48"
    assert glyph_name_unicode("u1F600") == "\U0001f600"
    assert glyph_name_unicode("Delta.math") is None
    font = get_font(font_name())
    legacy_low_mai_ek = 0xF70A  # the font's own PUA code for uni0E48.low
    assert font.code_text(legacy_low_mai_ek) == "\u0e48"


def test_localize_digits_leaves_web_addresses_alone():
    text = "ปี 2567 ดูที่ www.abc123.go.th หรือ info2@abc.go.th"
    assert localize_digits(text, True) == "ปี ๒๕๖๗ ดูที่ www.abc123.go.th หรือ info2@abc.go.th"
    assert localize_digits("๘ มกราคม ๒๕๖๘", False) == "8 มกราคม 2568"


@needs_poppler
def test_render_has_ink_and_no_missing_glyph_boxes(tmp_path, corpus):
    from PIL import Image

    pdf = tmp_path / "p.pdf"
    _build(pdf, corpus[:3], STYLES[0], 440)
    image = Image.open(render(pdf, tmp_path / "page")).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 2000
    cmap = get_font(font_name()).face.charToGlyph
    assert all(ord(ch) in cmap for text in corpus for ch in text)


def test_to_unicode_maps_have_no_private_use_targets(tmp_path, corpus):
    pdf = tmp_path / "p.pdf"
    _build(pdf, corpus, STYLES[0], 300)
    targets = to_unicode_targets(pdf)
    assert "\u0e48" in targets and "\u0e49" in targets and "ก" in targets
    assert not any("\ue000" <= ch <= "\uf8ff" for target in targets for ch in target)


def test_paragraph_factory_writes_digits_the_document_way():
    assert paragraph("ปี 2567", thai_digits=True).text == "ปี ๒๕๖๗"
    assert paragraph("ปี ๒๕๖๗", thai_digits=False).text == "ปี 2567"


@needs_poppler
def test_justified_lines_reach_the_right_edge(tmp_path, corpus):
    from .pdftools import words

    width, seed = 440, corpus[-4:]
    pdf = tmp_path / "j.pdf"
    _build(pdf, seed, STYLES[0], width)
    right = (A4[0] + width) / 2
    line_ends: dict[tuple[int, float], float] = {}
    for w in words(pdf):
        key = (w.page, round(w.y1))
        line_ends[key] = max(line_ends.get(key, 0), w.x1)
    inner = len([l for t in seed for l in layout_lines(t, STYLES[0], width) if not l.last])
    flush = [x for x in line_ends.values() if abs(x - right) < 1.0]
    assert len(flush) >= 0.8 * inner


THAI_TEXT = st.text(alphabet=st.sampled_from(list("กขคงจนมยรลวสหอะาำิีึืุูเแโใไ่้๊๋็์ัๆ ปฝฟ")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(THAI_TEXT, st.integers(min_value=30, max_value=400))
def test_layout_keeps_every_character_and_never_starts_a_line_with_a_mark(text, width):
    lines = layout_lines(text, TextStyle(), width)
    assert "".join(line.text + line.trail for line in lines) == text
    for line in lines[1:]:
        # A space may only start a line as the base of a stray mark (" ำ" is one grapheme).
        assert not line.words or not (is_combining(line.text[0]) or line.words[0].text.isspace())
