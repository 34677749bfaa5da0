"""Line-break opportunities: pythainlp newmm words, never inside a grapheme cluster."""

import pytest
from hypothesis import given, settings, strategies as st
from pythainlp.tokenize import word_tokenize

from ita_desktop.documents.wordbreak import (break_units, fill_lines, is_combining, may_break_between,
                                             strip_break_opportunities, thai_words, with_break_opportunities)

from .conftest import HARD_SENTENCES, HARD_WORDS, SEED_PARAGRAPHS


def test_fast_dictionary_gives_the_same_words_as_pythainlp():
    for text in HARD_SENTENCES + SEED_PARAGRAPHS + [" ".join(HARD_WORDS)]:
        assert list(thai_words(text)) == word_tokenize(text, engine="newmm", join_broken_num=False)


def test_units_join_back_to_the_text():
    for text in HARD_SENTENCES + SEED_PARAGRAPHS:
        assert "".join(break_units(text)) == text


def test_no_unit_starts_with_a_combining_mark():
    for text in HARD_SENTENCES + SEED_PARAGRAPHS:
        assert not any(is_combining(unit[0]) for unit in break_units(text))


def test_punctuation_and_addresses_stay_attached():
    units = break_units("ทาง www.maejd.go.th (ลงชื่อ) อื่น ๆ 1,234.50 บาท")
    assert "www.maejd.go.th" in units
    assert "(ลงชื่อ)" in units
    assert "อื่น ๆ" in units
    assert "1,234.50 บาท" in units  # a number keeps its unit


def test_may_break_between_rules():
    assert may_break_between("ข้อ", "เท็จจริง")
    assert not may_break_between("(", "ลงชื่อ")
    assert not may_break_between("ลงชื่อ", ")")
    assert not may_break_between("abc", "def")
    assert not may_break_between("น", "\u0e49")


THAI_TEXT = st.text(alphabet=st.sampled_from(list("กขคงจนมยรลวสหอะาำิีึืุูเแโใไ่้๊๋็์ัๆ ")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(THAI_TEXT)
def test_any_thai_text_is_cut_losslessly_and_never_before_a_mark(text):
    units = break_units(text)
    assert "".join(units) == text
    assert all(not is_combining(u[0]) for u in units[1:])


def test_sorted_word_cache_is_written_reused_and_survives_corruption(tmp_path, monkeypatch):
    from pythainlp.corpus import thai_words as corpus_words

    from ita_desktop.documents import wordbreak

    monkeypatch.setattr(wordbreak.platformdirs, "user_cache_dir", lambda *a, **k: str(tmp_path))
    expected = sorted(corpus_words())
    assert wordbreak._sorted_thai_words() == expected
    (cache,) = tmp_path.glob("thai-words-*.marshal")
    assert wordbreak._sorted_thai_words() == expected
    cache.write_bytes(b"not marshal data")
    assert wordbreak._sorted_thai_words() == expected


MIXED_TEXT = st.text(alphabet=st.sampled_from(list("กขคงจนมยรลวสหอะาำิีึืุูเแโใไ่้๊๋็์ัๆฯ ab1,.-()\n๑๒")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT)
def test_the_copied_segmenter_agrees_with_pythainlp_on_any_text(text):
    from pythainlp.tokenize.newmm import segment

    from ita_desktop.documents import newmm, wordbreak

    assert newmm.segment(text, wordbreak._word_dictionary()) == segment(text)


def test_line_breaking_does_not_import_pythainlp():
    import subprocess
    import sys

    script = ("import sys\nfrom ita_desktop.documents.wordbreak import break_units\n"
              "units = break_units('ผู้ใหญ่บ้านฟื้นฟูน้ำใจ')\n"
              "print(units, 'pythainlp' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().endswith("False")
    assert "'ผู้ใหญ่บ้าน'" in out.stdout or "'ผู้ใหญ่'" in out.stdout


NEVER_SPLIT_CASES = [
    ("ตัวชี้วัดที่ต้องปรับปรุง", ["ตัวชี้วัด", "ต้องปรับปรุง"]),
    ("ผู้รับผิดชอบโครงการ", ["ผู้รับผิดชอบ"]),
    ("ขององค์การบริหารส่วนตำบลเขาทอง ประจำปี", ["องค์การบริหารส่วนตำบลเขาทอง"]),
    ("อบต.ตะโกทอง", ["อบต.ตะโกทอง"]),
    ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ของ", ["พ.ศ. ๒๕๖๖"]),
    ("แผน พ.ศ. 2566-2570", ["พ.ศ. 2566-2570"]),
    ("ภายใน 15 วัน", ["15 วัน"]),
    ("งบประมาณ ๑๐,๐๐๐ บาท", ["๑๐,๐๐๐ บาท"]),
    ("ได้คะแนนร้อยละ 85.50 ผ่าน", ["ร้อยละ 85.50"]),
]


@pytest.mark.parametrize("text, terms", NEVER_SPLIT_CASES)
def test_never_split_terms_are_single_units(text, terms):
    units = break_units(text)
    assert "".join(units) == text
    for term in terms:
        assert term in units, (term, units)


def test_a_long_run_after_an_office_kind_keeps_only_the_kind_whole():
    units = break_units("องค์การบริหารส่วนตำบลตะโกทองได้จัดทำแผนปฏิบัติการป้องกันการทุจริต")
    assert units[0] == "องค์การบริหารส่วนตำบล"


def test_zero_width_spaces_mark_word_breaks_and_strip_back():
    text = "ตัวชี้วัดที่ต้องปรับปรุง ภายใน 15 วัน\nพ.ศ. ๒๕๖๖"
    marked = with_break_opportunities(text)
    assert marked == "ตัวชี้วัด\u200bที่\u200bต้องปรับปรุง ภายใน 15 วัน\nพ.ศ. ๒๕๖๖"
    assert strip_break_opportunities(marked) == text


def test_fill_lines_cuts_only_between_units_and_keeps_every_character():
    text = "ตัวชี้วัดที่ต้องปรับปรุงขององค์การบริหารส่วนตำบลเขาทอง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"
    for width in (12, 20, 30, 200):
        lines = fill_lines(text, len, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(len(line) <= width for line in lines)
    assert fill_lines(text, len, 30) == ["ตัวชี้วัดที่ต้องปรับปรุงของ", "องค์การบริหารส่วนตำบลเขาทอง", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"]
    # Wider than a line: an office name is cut between its kind and its place, then between words.
    assert fill_lines(text, len, 12)[3:6] == ["องค์การ", "บริหารส่วน", "ตำบลเขาทอง"]
    assert fill_lines(text, len, 25)[2:4] == ["องค์การบริหารส่วนตำบล", "เขาทอง ประจำปีงบประมาณ"]


@pytest.mark.parametrize("width", [440, 300, 200, 160])
def test_pdf_lines_never_split_a_term_that_fits(corpus, width):
    from ita_desktop.documents.thai_pdf import TextStyle, layout_lines
    from ita_desktop.documents.wordbreak import never_split_spans

    style = TextStyle(size=16, align="justify", first_indent=70)
    texts = corpus + ["บันทึกข้อความ เรื่อง รายงานผลการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน"
                      "ของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ขององค์การบริหารส่วนตำบลตะโกทอง ภายใน 15 วัน"]
    for text in texts:
        lines = layout_lines(text, style, width)
        cuts, position = set(), 0
        for line in lines[:-1]:
            position = text.index(line.text, position) + len(line.text)
            cuts.add(position)
            position += len(line.trail)
        for start, end in never_split_spans(text):
            if end - start <= 20:  # short terms always fit these widths
                assert not any(start < c < end for c in cuts), (text[start:end], width)
