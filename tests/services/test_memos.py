"""Cover memos: templates filled from the office-year, drafts kept, PDFs with the right text."""

import datetime as dt
import subprocess
from dataclasses import replace

import pytest

from ita_desktop.cli.main import run
from ita_desktop.services import memos, offices
from ita_desktop.services.errors import UserError


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def takotong(demo_ctx):
    return offices.find_office(demo_ctx, "อบต.ตะโกทอง")


def test_template_context_comes_from_the_scores(demo_ctx, takotong):
    context = memos.template_context(demo_ctx, takotong.id, 2566)
    assert context["total"] == "75.47" and context["level"] == "ต้องปรับปรุง" and context["level_old"] == "B"
    assert context["passed_count"] == "2" and context["failed_count"] == "8"
    assert "การปฏิบัติหน้าที่" in context["passed_indicators"]


def test_analysis_memo_from_the_template(demo_ctx, takotong):
    texts = memos.default_texts(demo_ctx, takotong.id, 2566, "analysis", today=dt.date(2023, 10, 17))
    body = " ".join(p for s in texts.sections for p in s.paragraphs)
    assert "๗๕.๔๗" in body and "ต้องปรับปรุง" in body
    assert "๒๕๖๖" in texts.subject
    assert [s.heading for s in texts.sections][:2] == ["เรื่องเดิม", "ข้อเท็จจริง"]


def test_edited_text_is_kept_as_a_draft(demo_ctx, takotong, tmp_path):
    texts = memos.default_texts(demo_ctx, takotong.id, 2566, "analysis")
    edited = replace(texts, number="ขย ๗๙๙๐๑/๒๐๐", subject="เรื่องที่แก้ไขแล้วโดยเจ้าหน้าที่")
    memos.save_texts(demo_ctx, takotong.id, 2566, "analysis", edited)
    again = memos.load_texts(demo_ctx, takotong.id, 2566, "analysis")
    assert again.subject == "เรื่องที่แก้ไขแล้วโดยเจ้าหน้าที่" and again.from_draft
    out = tmp_path / "memo.pdf"
    memos.write_memo_pdf(demo_ctx, takotong.id, 2566, "analysis", out)
    text = _text(out)
    assert "เรื่องที่แก้ไขแล้วโดยเจ้าหน้าที่" in text and "ขย ๗๙๙๐๑/๒๐๐" in text


def test_an_empty_subject_is_refused_and_nothing_saved(demo_ctx, takotong):
    texts = memos.load_texts(demo_ctx, takotong.id, 2566, "analysis")
    with pytest.raises(UserError, match="เรื่อง"):
        memos.save_texts(demo_ctx, takotong.id, 2566, "analysis", replace(texts, subject="  "))
    assert memos.load_texts(demo_ctx, takotong.id, 2566, "analysis").subject == texts.subject


def test_pdf_carries_the_signature_chain(demo_ctx, takotong, tmp_path):
    out = tmp_path / "memo.pdf"
    warnings = memos.write_memo_pdf(demo_ctx, takotong.id, 2566, "analysis", out, use_draft=False)
    assert any("ครุฑ" in w for w in warnings)  # no Garuda image set in the sample profile
    text = _text(out)
    assert "บันทึกข้อความ" in text
    assert "นายปรีชา เพชรประไพ" in text and "ความเห็นของนายกองค์การบริหารส่วนตำบล" in text
    assert "จึงเรียนมาเพื่อโปรดทราบและพิจารณา" in text


def test_cli_memo_both_kinds(demo_ctx, tmp_path, capsys):
    for kind, org, year in (("analysis", "อบต.ตะโกทอง", "2566"), ("results", "อบต.แม่เจดีย์", "2567")):
        out = tmp_path / f"{kind}.pdf"
        assert run(["memo", kind, "--org", org, "--year", year, "--out", str(out)]) == 0
        assert out.read_bytes().startswith(b"%PDF")
    assert "ผลการดำเนินการตามมาตรการ" in _text(tmp_path / "results.pdf")


def test_cli_memo_bad_input(demo_ctx, tmp_path, capsys):
    assert run(["memo", "analysis", "--org", "อบต.ตะโกทอง", "--year", "2566", "--out", str(tmp_path / "x.txt")]) == 2
    assert run(["memo", "nonsense", "--org", "อบต.ตะโกทอง", "--year", "2566", "--out", str(tmp_path / "x.pdf")]) == 2
    assert run(["memo", "analysis", "--org", "อบต.ไม่มี", "--year", "2566", "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert ".pdf" in err and "ไม่พบหน่วยงาน" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()
