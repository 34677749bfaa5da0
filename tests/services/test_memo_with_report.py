"""The cover memo states the total and level, goes with the report, refuses incomplete scores and
names signatories without a name instead of printing "()"."""

import subprocess

import pytest

from ita_desktop.cli.main import run
from ita_desktop.services import memos, offices
from ita_desktop.services.errors import UserError
from tests.documents.pdftools import needs_poppler, page_count


def _text(pdf, first=None, last=None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _id(ctx, name):
    return offices.find_office(ctx, name).id


@needs_poppler
def test_memo_with_report_appends_the_report_pages(demo_ctx, tmp_path):
    oid = _id(demo_ctx, "อบต.ตะโกทอง")
    alone, both, report = tmp_path / "m.pdf", tmp_path / "mr.pdf", tmp_path / "r.pdf"
    # From the template: the sample's saved draft is seed 001's own wording, which gives no total.
    memos.write_memo_pdf(demo_ctx, oid, 2566, "analysis", alone, use_draft=False)
    memos.write_memo_pdf(demo_ctx, oid, 2566, "analysis", both, use_draft=False, with_report=True)
    from ita_desktop.services.analysis_report import write_analysis_report

    write_analysis_report(demo_ctx, oid, 2566, report)
    assert page_count(both) == page_count(alone) + page_count(report)
    memo_text = "".join(_text(both, 1, page_count(alone)).split())
    assert "ได้คะแนนรวม๗๕.๔๗คะแนนอยู่ในระดับต้องปรับปรุง" in memo_text
    after = "".join(_text(both, page_count(alone) + 1).split())
    assert after.startswith("รายงานการวิเคราะห์ผลการประเมินคุณธรรม")


@pytest.mark.parametrize("kind, org, year, missing", [
    ("analysis", "ทต.วังไผ่", 2565, "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน, ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล, "
                                     "ตัวชี้วัดที่ 10 การป้องกันการทุจริต, คะแนนรวม"),
    ("analysis", "อบต.แม่เจดีย์", 2567, "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
    ("results", "ทต.วังไผ่", 2565, "คะแนนรวม"),
])
def test_incomplete_scores_refuse_the_memo(demo_ctx, tmp_path, kind, org, year, missing):
    out = tmp_path / "m.pdf"
    with pytest.raises(UserError, match=missing):
        memos.write_memo_pdf(demo_ctx, _id(demo_ctx, org), year, kind, out)
    assert not out.exists()


def test_results_memo_needs_only_the_total(demo_ctx, tmp_path):
    assert memos.missing_scores(demo_ctx, _id(demo_ctx, "อบต.แม่เจดีย์"), 2567, "results") == ()
    with pytest.raises(UserError, match="แนบได้กับ: analysis"):
        memos.write_memo_pdf(demo_ctx, _id(demo_ctx, "อบต.แม่เจดีย์"), 2567, "results", tmp_path / "m.pdf",
                             with_report=True)


@needs_poppler
def test_signatories_without_a_name_are_named_not_printed_as_brackets(demo_ctx, tmp_path):
    out = tmp_path / "m.pdf"
    warnings = memos.write_memo_pdf(demo_ctx, _id(demo_ctx, "อบต.ทุ่งท่าช้าง"), 2568, "analysis", out)
    named = next(w for w in warnings if w.startswith("ยังไม่ได้ระบุชื่อผู้ลงนาม"))
    assert "ผู้เขียนบันทึก" in named and "นายกองค์การบริหารส่วนตำบล" in named
    text = _text(out)
    assert "()" not in text and text.count("(" + "." * 40 + ")") == 3
    full = memos.write_memo_pdf(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566, "analysis", tmp_path / "t.pdf")
    assert not any(w.startswith("ยังไม่ได้ระบุชื่อผู้ลงนาม") for w in full)


def test_cli_memo_with_report_and_refusal(demo_ctx, tmp_path, capsys):
    out = tmp_path / "m.pdf"
    assert run(["memo", "analysis", "--org", "ตะโกทอง", "--year", "2566", "--out", str(out), "--with-report"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    bad = tmp_path / "w.pdf"
    assert run(["memo", "analysis", "--org", "วังไผ่", "--year", "2565", "--out", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "ยังไม่มีคะแนน: ตัวชี้วัดที่ 6" in err and "Traceback" not in err and not bad.exists()
