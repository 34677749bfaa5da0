"""ita-cli report measures|results and import --kind measures|results: exit codes and Thai messages."""

import pytest
from openpyxl import Workbook

from ita_desktop.cli.main import run
from ita_desktop.services import measures as ms
from ita_desktop.services import offices


@pytest.mark.parametrize("args, made", [
    (["report", "measures", "--org", "อบต.ตะโกทอง", "--year", "2567"], "สร้างเอกสารมาตรการแล้ว"),
    (["report", "measures", "--org", "ตะโกทอง", "--year", "๒๕๖๗", "--layout", "002"], "สร้างเอกสารมาตรการแล้ว"),
    (["report", "results", "--org", "อบต.ทุ่งท่าช้าง", "--year", "2568"], "สร้างรายงานผลการดำเนินการแล้ว"),
    (["report", "results", "--org", "อบต.แม่เจดีย์", "--year", "2567", "--layout", "003"], "สร้างรายงาน"),
])
@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_reports(demo_ctx, tmp_path, capsys, args, made, suffix):
    out = tmp_path / f"out{suffix}"
    assert run(args + ["--out", str(out)]) == 0
    assert made in capsys.readouterr().out and out.stat().st_size > 1000


@pytest.mark.parametrize("args, message", [
    (["report", "results", "--org", "อบต.ตะโกทอง", "--year", "2567", "--layout", "001"], "ใช้กับรายงานนี้ไม่ได้"),
    (["report", "measures", "--org", "อบต.ตะโกทอง", "--year", "2569"], "ยังไม่มีมาตรการ"),
    (["report", "measures", "--org", "อบต.ไม่มีจริง", "--year", "2567"], "ไม่มีจริง"),
    (["report", "plans", "--org", "อบต.ตะโกทอง", "--year", "2567"], "ตัวเลือกไม่ถูกต้อง"),
])
def test_report_bad_input_exits_2(demo_ctx, tmp_path, capsys, args, message):
    assert run(args + ["--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_import_measures_round_trip(demo_ctx, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    assert run(["report", "measures", "--org", "อบต.ตะโกทอง", "--year", "2567", "--out", str(out)]) == 0
    from ita_desktop.services import measures_xlsx

    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง").id
    export = measures_xlsx.export_measures(demo_ctx, office, 2567, tmp_path / "export.xlsx")
    assert run(["import", str(export), "--kind", "measures", "--org", "อบต.เขาทอง", "--year", "2568"]) == 0
    assert "นำเข้ามาตรการ 42 รายการ" in capsys.readouterr().out
    kt = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    assert len(ms.measure_set_of_year(demo_ctx, kt, 2568).measures) == 42
    assert run(["import", str(export), "--kind", "measures", "--org", "อบต.เขาทอง", "--year", "2568"]) == 2
    assert "--replace" in capsys.readouterr().err
    assert run(["import", str(export), "--kind", "measures", "--org", "อบต.เขาทอง", "--year", "2568",
                "--replace"]) == 0


def test_import_results_problem_exits_2_and_stores_nothing(demo_ctx, tmp_path, capsys):
    wb = Workbook()
    wb.active.append(["มาตรการ/โครงการ/กิจกรรม", "ผู้รับผิดชอบ", "ผลการดำเนินการ (Output)", "ผลลัพธ์", "วันที่แล้วเสร็จ"])
    wb.active.append(["กิจกรรม", "สำนักปลัด", "ทำแล้ว", "ดีขึ้น", "32/13/2567"])
    wb.save(tmp_path / "r.xlsx")
    assert run(["import", str(tmp_path / "r.xlsx"), "--kind", "results", "--org", "อบต.เขาทอง", "--year", "2567"]) == 2
    err = capsys.readouterr().err
    assert "แถว 2 คอลัมน์ E: อ่านวันที่ '32/13/2567' ไม่ได้" in err and "Traceback" not in err
    kt = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    assert ms.result_report_for_year(demo_ctx, kt, 2567) is None
    assert run(["import", str(tmp_path / "r.xlsx"), "--kind", "results", "--year", "2567"]) == 2
    assert "--org" in capsys.readouterr().err


def test_import_dry_run_stores_nothing(demo_ctx, tmp_path, capsys):
    from ita_desktop.services import measures_xlsx

    office = offices.find_office(demo_ctx, "อบต.ทุ่งท่าช้าง").id
    export = measures_xlsx.export_results(demo_ctx, office, 2568, tmp_path / "r.xlsx")
    assert run(["import", str(export), "--kind", "results", "--org", "อบต.เขาทอง", "--year", "2568", "--dry-run"]) == 0
    assert "พบ 10 รายการ" in capsys.readouterr().out
    kt = offices.find_office(demo_ctx, "อบต.เขาทอง").id
    assert ms.result_report_for_year(demo_ctx, kt, 2568) is None
