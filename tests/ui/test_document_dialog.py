"""The shared document dialog: preview, save as PDF and Excel, errors in Thai."""

from pathlib import Path

from ita_desktop.services import offices
from ita_desktop.services.analysis_report import write_analysis_report
from ita_desktop.services.errors import UserError
from ita_desktop.ui.dialogs.document_dialog import DocumentDialog


def test_preview_and_save_both_formats(qtbot, demo_ctx, tmp_path):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง").id
    build = lambda ctx, path: write_analysis_report(ctx, office, 2566, path)  # noqa: E731
    dialog = DocumentDialog(demo_ctx, "รายงานการวิเคราะห์", build, "วิเคราะห์ 2566", build_xlsx=build)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=30000) as blocker:
        pass
    assert blocker.args[0] >= 2 and dialog.print_button.isEnabled()
    pdf = dialog.save_pdf_to(tmp_path / "a")
    xlsx = dialog.save_xlsx_to(tmp_path / "a")
    assert pdf == tmp_path / "a.pdf" and pdf.read_bytes()[:4] == b"%PDF"
    assert xlsx == tmp_path / "a.xlsx" and xlsx.stat().st_size > 0


def test_a_refused_document_says_why_in_thai(qtbot, demo_ctx, answers):
    def refuse(ctx, path: Path):
        raise UserError("ยังไม่มีคะแนนรวมของปีนี้")

    dialog = DocumentDialog(demo_ctx, "รายงาน", refuse, "x")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(answers))
    assert answers[-1] == ("สร้างเอกสารไม่ได้", "ยังไม่มีคะแนนรวมของปีนี้")
    assert not dialog.print_button.isEnabled() and dialog.save_xlsx_to(Path("/tmp/x.xlsx")) is None
