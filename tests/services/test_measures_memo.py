"""The measures cover memo: a template like the results memo, printed through ita-cli memo measures."""

from ita_desktop.cli.main import run
from ita_desktop.documents.memo_templates import load_template, placeholders
from ita_desktop.services import memos, offices, queries

from tests.documents.pdftools import needs_poppler, pdf_text, squash


def test_template_uses_only_known_placeholders(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    template = load_template("memo_measures")
    assert placeholders(template) <= set(memos.template_context(demo_ctx, office.id, 2566))
    assert [s["heading"] for s in template["sections"]] == ["เรื่องเดิม", "ข้อเท็จจริง", "ข้อพิจารณา"]


def test_default_texts_carry_the_year_and_figures(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    texts = memos.default_texts(demo_ctx, office.id, 2566, "measures")
    assert texts.subject.startswith("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
    assert "๒๕๖๖" in texts.subject
    body = " ".join(p for s in texts.sections for p in s.paragraphs)
    assert "๗๕.๔๗" in body and "การใช้งบประมาณ" in body


@needs_poppler
def test_cli_prints_the_measures_memo(demo_ctx, tmp_path, capsys):
    out = tmp_path / "memo.pdf"
    assert run(["memo", "measures", "--org", "อบต.ตะโกทอง", "--year", "2566", "--out", str(out)]) == 0
    text = squash(pdf_text(out)).replace(" ", "")
    assert "บันทึกข้อความ" in text and "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in text
    assert queries.get_office(demo_ctx, offices.find_office(demo_ctx, "อบต.ตะโกทอง").id).name.replace(" ", "") in text
