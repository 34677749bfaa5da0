"""Importing score sheets: atomic, recorded, replacing only when confirmed; export reads back."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ita_desktop.cli.main import run
from ita_desktop.models import AuditEntry, IndicatorScore, Office, SourceFile
from ita_desktop.services import exports, imports, offices, scores
from ita_desktop.services.errors import UserError

CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"


def _count(ctx, model):
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_seed_001_sheet_creates_the_office_and_its_scores(ctx):
    plan = imports.import_file(ctx, CORPUS / "analysis_seed001.xlsx")
    assert plan.year == 2566 and len(plan.offices) == 1 and not plan.offices[0].exists
    office = offices.find_office(ctx, "อบต.ตะโกทอง")
    assert (office.district, office.province) == ("ซับใหญ่", "ชัยภูมิ")
    result = scores.score_office_year(ctx, office.id, 2566).result
    assert round(result.total, 2) == 75.47 and result.level_old == "B"
    stored = scores.load_scores(ctx, office.id, 2566)
    assert stored.items["i19"] == 64.6


def test_file_name_and_hash_go_to_the_audit_log_and_a_second_import_is_recognised(ctx):
    first = imports.import_file(ctx, CORPUS / "template_filled.xlsx")
    assert first.imported_before is None
    with ctx.db.session() as s:
        source = s.scalar(select(SourceFile))
        assert source.file_name == "template_filled.xlsx" and len(source.sha256) == 64
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "import.scores"))
        assert source.sha256 in entry.detail
    again = imports.import_file(ctx, CORPUS / "template_filled.xlsx")
    assert again.imported_before is not None and again.replacements == 0


def test_replacing_existing_scores_needs_confirmation(ctx):
    imports.import_file(ctx, CORPUS / "template_filled.xlsx")
    office = offices.list_offices(ctx)[0]
    scores.set_indicator_score(ctx, office.id, 2566, 1, 12.34)
    with pytest.raises(UserError, match="--replace") as info:
        imports.import_file(ctx, CORPUS / "template_filled.xlsx")
    assert "12.34 →" in str(info.value)
    assert scores.load_scores(ctx, office.id, 2566).indicators[1] == 12.34  # nothing changed
    plan = imports.import_file(ctx, CORPUS / "template_filled.xlsx", replace=True)
    assert plan.replacements == 1
    assert scores.load_scores(ctx, office.id, 2566).indicators[1] != 12.34


def test_dry_run_writes_nothing(ctx):
    plan = imports.import_file(ctx, CORPUS / "provincial_12.xlsx", dry_run=True)
    assert len(plan.offices) == 12
    assert _count(ctx, Office) == 0 and _count(ctx, SourceFile) == 0


@pytest.mark.parametrize("name", ["bad_score_105.xlsx", "bad_many_problems.xlsx", "not_xlsx.xlsx",
                                  "truncated.xlsx", "encrypted.xlsx", "zip_bomb.xlsx", "old_format.xls"])
def test_a_bad_file_changes_nothing(ctx, name):
    with pytest.raises(UserError) as info:
        imports.import_file(ctx, CORPUS / name)
    assert name in str(info.value)
    assert _count(ctx, Office) == 0 and _count(ctx, IndicatorScore) == 0 and _count(ctx, SourceFile) == 0


def test_score_105_message_names_row_and_column(ctx):
    with pytest.raises(UserError) as info:
        imports.import_file(ctx, CORPUS / "bad_score_105.xlsx")
    assert "แถว" in str(info.value) and "คอลัมน์" in str(info.value) and "105" in str(info.value)


def test_export_reads_back_to_the_same_numbers(demo_ctx, tmp_path):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    original = scores.load_scores(demo_ctx, office.id, 2566)
    path = exports.export_office_year(demo_ctx, office.id, 2566, tmp_path / "one.xlsx")
    year_path = exports.export_year(demo_ctx, 2566, tmp_path / "all.xlsx")
    for exported in (path, year_path):
        target = imports.read_file(demo_ctx, exported)
        parsed = next(o for o in target.offices if o.org_name == office.name)
        assert parsed.indicator_scores == original.indicators
        assert parsed.item_scores == original.items


def test_cli_import_and_export(ctx, tmp_path, capsys):
    assert run(["import", str(CORPUS / "provincial_12.xlsx"), "--dry-run"]) == 0
    assert "ยังไม่บันทึก" in capsys.readouterr().out and _count(ctx, Office) == 0
    assert run(["import", str(CORPUS / "provincial_12.xlsx")]) == 0
    assert _count(ctx, Office) == 12
    assert run(["import", str(CORPUS / "bad_score_105.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "105" in err and "Traceback" not in err
    assert run(["export", "--year", "2566", "--out", str(tmp_path / "p.xlsx")]) == 0
    assert (tmp_path / "p.xlsx").exists()
    assert run(["export", "--year", "2566", "--out", str(tmp_path / "p.csv")]) == 2


def _items_only_sheet(path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "รายข้อ"
    ws.append(["ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ องค์การบริหารส่วนตำบลตะโกทอง อำเภอซับใหญ่ จังหวัดชัยภูมิ"])
    ws.append(["ประเด็นข้อคำถาม", "คะแนน"])
    ws.append(["i๑๙ ท่านรู้แนวปฏิบัติของหน่วยงานของท่านเกี่ยวกับการใช้ทรัพย์สินของราชการที่ถูกต้องมากน้อยเพียงใด", "๖๔.๖๐"])
    ws.append(["E10 หน่วยงานมีช่องทางที่ท่านสามารถแจ้งให้ข้อมูล หรือร้องเรียน", 71.03])
    wb.save(path)
    return path


def test_indicator_and_item_scores_from_separate_files(ctx, tmp_path):
    imports.import_file(ctx, CORPUS / "analysis_seed001.xlsx")
    office = offices.find_office(ctx, "ตะโกทอง")
    before = scores.load_scores(ctx, office.id, 2566)
    scores.set_item_score(ctx, office.id, 2566, "i19", None)
    scores.set_item_score(ctx, office.id, 2566, "e10", None)
    imports.import_file(ctx, _items_only_sheet(tmp_path / "items.xlsx"))
    after = scores.load_scores(ctx, office.id, 2566)
    assert after.indicators == before.indicators  # the indicator scores of the first file stay
    assert after.items["i19"] == 64.6 and after.items["e10"] == 71.03
