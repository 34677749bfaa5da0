"""The analysis report of seed 001's office-year: every weak item with score and guideline; refusals."""

import pytest
from openpyxl import load_workbook

from ita_desktop.core.digits import to_thai_digits
from ita_desktop.core.guidelines import ITEM
from ita_desktop.services import guidelines, offices
from ita_desktop.services.analysis import full_analysis
from ita_desktop.services.analysis_report import report_data, write_analysis_report
from ita_desktop.services.errors import UserError
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from tests.documents.pdftools import needs_poppler, page_count, pdf_text, pdf_text_in


def _tako(ctx):
    return offices.find_office(ctx, "อบต.ตะโกทอง").id


def _squash(text):
    return "".join(text.split())


def _column(path, left, width):
    """The text inside one table column's x-range, page after page."""
    box = (left + 2, 0, width - 4, A4[1] - 1.7 * cm)  # above the page number
    return "".join(_squash(pdf_text_in(path, p, box)) for p in range(1, page_count(path) + 1))


@needs_poppler
def test_seed_001_report_holds_every_weak_item(demo_ctx, tmp_path):
    oid = _tako(demo_ctx)
    path = write_analysis_report(demo_ctx, oid, 2566, tmp_path / "a.pdf")
    text = _squash(pdf_text(path))
    # The guideline column read page by page: a row split by a page break stays one text there.
    width = A4[0] - 5 * cm
    column = _column(path, 3 * cm + width * 4.2 / 7.6, width * 3.4 / 7.6).replace("แนวทางการพัฒนา", "")
    questions = _column(path, 3 * cm, width * 3.2 / 7.6).replace("ประเด็นข้อคำถาม", "")  # repeated header
    weak = [i for i in full_analysis(demo_ctx, oid, 2566).items if i.score < 85]
    assert len(weak) == 36
    for item in weak:
        question = f"{item.code} {item.text}" if item.text_known else item.code  # unknown texts are left out
        assert _squash(to_thai_digits(question)) in questions, item.code
        assert to_thai_digits(f"{item.score:.2f}") in text, item.code
        assert _squash(to_thai_digits(item.guideline.text)).replace("แนวทางการพัฒนา", "") in column, item.code
    assert _squash("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต คะแนนเฉลี่ย ๕๕.๐๐ คะแนน") in text
    assert _squash("อำเภอซับใหญ่ จังหวัดชัยภูมิ") in text and "เส้นทางสู่เกณฑ์๘๕คะแนน" in text


def test_edited_guideline_reaches_pdf_and_excel_and_undo_restores(demo_ctx, tmp_path):
    oid = _tako(demo_ctx)
    view = guidelines.set_guideline(demo_ctx, oid, 2566, ITEM, "o10", "เผยแพร่นโยบายคุ้มครองข้อมูลส่วนบุคคลภายในเดือนธันวาคม")
    xlsx = write_analysis_report(demo_ctx, oid, 2566, tmp_path / "a.xlsx")
    rows = {r[2]: r for r in load_workbook(xlsx)["ข้อคำถาม"].iter_rows(min_row=3, values_only=True)}
    assert rows["o10"][5] == view.text
    snapshot = guidelines.clear_guideline(demo_ctx, oid, 2566, ITEM, "o10", expected_version=view.version)
    xlsx = write_analysis_report(demo_ctx, oid, 2566, tmp_path / "b.xlsx")
    rows = {r[2]: r for r in load_workbook(xlsx)["ข้อคำถาม"].iter_rows(min_row=3, values_only=True)}
    assert rows["o10"][5] == "นำ URL เว็บไซต์มาตอบและอธิบายให้ชัดเจนว่าอยู่ส่วนไหนของเว็บไซต์"  # seed 001's own
    guidelines.restore_guideline(demo_ctx, snapshot)
    assert full_analysis(demo_ctx, oid, 2566).items[-1] is not None
    assert next(i for i in full_analysis(demo_ctx, oid, 2566).items if i.code == "o10").guideline.text == view.text


def test_incomplete_scores_are_refused_naming_what_is_missing(demo_ctx, tmp_path):
    oid = offices.find_office(demo_ctx, "ทต.วังไผ่").id
    with pytest.raises(UserError, match="ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน, ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"):
        write_analysis_report(demo_ctx, oid, 2565, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()
    with pytest.raises(UserError, match="คะแนนรวม"):
        report_data(full_analysis(demo_ctx, oid, 2565))


@pytest.mark.parametrize("name, message", [("a.docx", ".pdf หรือ .xlsx"), ("no/such/dir/a.pdf", "ไม่พบโฟลเดอร์")])
def test_bad_output_path(demo_ctx, tmp_path, name, message):
    with pytest.raises(UserError, match=message):
        write_analysis_report(demo_ctx, _tako(demo_ctx), 2566, tmp_path / name)


def test_no_word_of_seed_001_is_cut_in_a_table_cell(demo_ctx):
    from tests.documents.test_analysis_report import assert_no_word_cut

    assert_no_word_cut(report_data(full_analysis(demo_ctx, _tako(demo_ctx), 2566)))
