"""ita-cli import --kind plan and ita-cli report plan|monitoring: exit codes, Thai messages, files."""

import pytest
from openpyxl import Workbook

from ita_desktop.cli.main import run
from ita_desktop.services import monitoring, offices, plans


@pytest.fixture
def demo(demo_ctx):
    return demo_ctx


def test_report_plan_pdf_and_xlsx(capsys, demo, tmp_path):
    assert run(["report", "plan", "--org", "อบต.เขาทอง", "--out", str(tmp_path / "plan.pdf")]) == 0
    assert "พ.ศ. 2566-2570" in capsys.readouterr().out
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert run(["report", "plan", "--org", "อบต.เขาทอง", "--out", str(tmp_path / "plan.xlsx")]) == 0


def test_export_then_import_on_another_data_folder(capsys, demo, tmp_path, monkeypatch):
    out = tmp_path / "plan.xlsx"
    assert run(["report", "plan", "--org", "อบต.เขาทอง", "--out", str(out)]) == 0
    other = tmp_path / "other"
    assert run(["--data-dir", str(other), "import", str(out), "--kind", "plan"]) == 0
    printed = capsys.readouterr().out
    assert "นำเข้าแผนแล้ว" in printed and "เพิ่มโครงการ 15 รายการ" in printed and "สร้างหน่วยงานใหม่" in printed


def test_import_plan_with_problem_exits_2_and_stores_nothing(capsys, demo, tmp_path):
    wb = Workbook()
    wb.active.append(["หน่วยงาน: อบต.ใหม่ทดสอบ"])
    wb.active.append(["มิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี 2571", "ปี 2572"])
    wb.active.append(["1. มิติ", "โครงการ ก", "หนึ่งพัน", "-"])
    wb.save(tmp_path / "bad.xlsx")
    assert run(["import", str(tmp_path / "bad.xlsx"), "--kind", "plan"]) == 2
    err = capsys.readouterr().err
    assert "แถว 3 คอลัมน์ C (ปี 2571): 'หนึ่งพัน' ไม่ใช่จำนวนเงิน" in err and "Traceback" not in err
    assert run(["offices"]) == 0
    assert "ใหม่ทดสอบ" not in capsys.readouterr().out


def test_report_monitoring_with_memo(capsys, demo, tmp_path):
    office = offices.find_office(demo, "อบต.เขาทอง").id
    plan = plans.plan_for_year(demo, office, 2567)
    monitoring.start_round(demo, plan.id, 2567, 1)
    args = ["report", "monitoring", "--org", "อบต.เขาทอง", "--year", "๒๕๖๗", "--round", "1",
            "--out", str(tmp_path / "r.pdf"), "--memo", str(tmp_path / "memo.pdf")]
    assert run(args) == 0
    assert (tmp_path / "r.pdf").exists() and (tmp_path / "memo.pdf").exists()


@pytest.mark.parametrize("args, message", [
    (["--year", "2567", "--round", "2"], "ยังไม่มีรายงานผลรอบ ๑๒ เดือน"),
    (["--year", "2567", "--round", "3"], "รอบ '3' ต้องเป็น 1"),
    (["--round", "1"], "กรุณาระบุปีงบประมาณ"),
    (["--year", "2580", "--round", "1"], "ไม่มีแผนที่ครอบคลุมปีงบประมาณ 2580"),
])
def test_report_monitoring_bad_input_exits_2(capsys, demo, tmp_path, args, message):
    assert run(["report", "monitoring", "--org", "อบต.เขาทอง", *args, "--out", str(tmp_path / "r.pdf")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "r.pdf").exists()


def test_report_bad_suffix_and_office(capsys, demo, tmp_path):
    assert run(["report", "plan", "--org", "อบต.เขาทอง", "--out", str(tmp_path / "plan.docx")]) == 2
    assert "ต้องลงท้ายด้วย .pdf หรือ .xlsx" in capsys.readouterr().err
    assert run(["report", "plan", "--org", "อบต.ไม่มีจริง", "--out", str(tmp_path / "p.pdf")]) == 2
