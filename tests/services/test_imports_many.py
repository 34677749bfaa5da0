"""Many offices: one-pass matching, contradictory years, --org typos, near-duplicate names."""

from pathlib import Path

import openpyxl
import pytest

from ita_desktop.cli.main import run
from ita_desktop.services import imports, offices, scores
from ita_desktop.services.errors import UserError

SCORES = [90.63, 78.75, 86.25, 78.84, 76.09, 80.97, 80.91, 75.49, 80.5, 55.0]


def wide_sheet(path: Path, names: list[str], title: str = "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2566 จังหวัดชัยภูมิ",
               year_cell: object = None, shift: float = 0.0) -> Path:
    """One office per row, ten indicator columns; a labelled year cell on row 2 when given."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "คะแนน"
    ws.append([title])
    ws.append(["ปีงบประมาณ", year_cell] if year_cell is not None else [])
    ws.append(["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)]])
    for k, name in enumerate(names, 1):
        ws.append([k, name, "ซับใหญ่", *[round(s - shift, 2) for s in SCORES]])
    wb.save(path)
    return path


def test_second_year_of_the_same_offices_matches_every_office_and_adds_nothing(ctx, tmp_path):
    names = [f"อบต.บ้านทดสอบ{k}" for k in range(1, 41)]
    first = imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", names))
    assert sum(not o.exists for o in first.offices) == 40
    title = "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2567 จังหวัดชัยภูมิ"
    # The same offices written in full this time: still the same offices.
    full = [n.replace("อบต.", "องค์การบริหารส่วนตำบล") for n in names]
    second = imports.import_file(ctx, wide_sheet(tmp_path / "b.xlsx", full, title, shift=1.0))
    assert all(o.exists for o in second.offices) and second.year == 2567
    assert len(offices.list_offices(ctx)) == 40
    office = offices.find_office(ctx, "อบต.บ้านทดสอบ7")
    assert office.province == "ชัยภูมิ" and office.district == "ซับใหญ่"
    assert scores.load_scores(ctx, office.id, 2566).indicators[1] == 90.63
    assert scores.load_scores(ctx, office.id, 2567).indicators[1] == 89.63


def test_replacing_many_scores_is_refused_then_done_with_replace(ctx, tmp_path):
    names = [f"ทต.บ้านทดสอบ{k}" for k in range(1, 31)]
    imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", names))
    changed = wide_sheet(tmp_path / "c.xlsx", names, shift=2.0)
    with pytest.raises(UserError, match="300 รายการ") as info:
        imports.import_file(ctx, changed)
    assert "และอีก 280 รายการ" in str(info.value)
    office = offices.find_office(ctx, "ทต.บ้านทดสอบ3")
    assert scores.load_scores(ctx, office.id, 2566).indicators[2] == 78.75
    imports.import_file(ctx, changed, replace=True)
    assert scores.load_scores(ctx, office.id, 2566).indicators[2] == 76.75


def test_title_and_year_cell_that_disagree_are_refused_naming_both_years(ctx, tmp_path):
    path = wide_sheet(tmp_path / "x.xlsx", ["อบต.ตะโกทอง"], "ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๘", year_cell=2567)
    with pytest.raises(imports.YearConflictError) as info:
        imports.import_file(ctx, path)
    message = str(info.value)
    assert "2568" in message and "2567" in message and "--year" in message
    assert info.value.years == [2567, 2568]
    assert offices.list_offices(ctx) == []  # nothing stored
    plan = imports.import_file(ctx, path, year=2567)
    assert plan.year == 2567
    assert any("2567, 2568" in w or "2567" in w for w in plan.warnings)
    office = offices.find_office(ctx, "อบต.ตะโกทอง")
    assert scores.years_with_scores(ctx, office.id) == [2567]


def test_file_name_year_against_title_year(ctx, tmp_path):
    path = wide_sheet(tmp_path / "ITA_2567_ชัยภูมิ.xlsx", ["อบต.ตะโกทอง"])  # title says 2566
    with pytest.raises(UserError, match="ชื่อไฟล์ ระบุปี 2567"):
        imports.import_file(ctx, path)
    assert imports.import_file(ctx, path, year=2566).year == 2566


def test_cli_year_conflict_exits_2_with_a_thai_message_then_year_decides(data_dir, tmp_path, capsys):
    path = wide_sheet(tmp_path / "x.xlsx", ["อบต.ตะโกทอง"], "ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๘", year_cell="๒๕๖๗")
    assert run(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ปี 2568" in err and "ปี 2567" in err and "Traceback" not in err
    assert run(["import", str(path), "--year", "2568"]) == 0
    assert "ปีงบประมาณ 2568" in capsys.readouterr().out


def test_org_typo_is_refused_with_the_closest_names_unless_new_office(ctx, data_dir, tmp_path, capsys):
    imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", ["อบต.ตะโกทอง", "ทต.วังไผ่", "อบต.แม่เจดีย์"]))
    sheet = wide_sheet(tmp_path / "one.xlsx", ["อบต.ตะโกทอง"])
    with pytest.raises(UserError, match="ไม่พบหน่วยงาน 'อบต.ตะโกทอน'") as info:
        imports.import_file(ctx, tmp_path / "one.xlsx", org="อบต.ตะโกทอน")
    assert "อบต.ตะโกทอง" in str(info.value) and "--new-office" in str(info.value)
    assert len(offices.list_offices(ctx)) == 3
    assert run(["import", str(sheet), "--org", "ตะโกทอน", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert "ชื่อที่ใกล้เคียง: อบต.ตะโกทอง" in err and "Traceback" not in err
    # Spelled right, abbreviated or in full, it is taken.
    assert run(["import", str(sheet), "--org", "องค์การบริหารส่วนตำบลตะโกทอง", "--dry-run"]) == 0


def test_new_office_flag_creates_the_office(ctx, tmp_path):
    imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", ["อบต.ตะโกทอง"]))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ผลคะแนน ITA ปีงบประมาณ 2566"])
    ws.append(["ตัวชี้วัด", "คะแนน"])
    for n, s in enumerate(SCORES, 1):
        ws.append([f"ตัวชี้วัดที่ {n}", s])
    wb.save(tmp_path / "single.xlsx")
    with pytest.raises(UserError):
        imports.import_file(ctx, tmp_path / "single.xlsx", org="อบต.หนองบัว")
    plan = imports.import_file(ctx, tmp_path / "single.xlsx", org="อบต.หนองบัว", new_office=True)
    assert [o.org_name for o in plan.offices] == ["องค์การบริหารส่วนตำบลหนองบัว"]
    assert offices.find_office(ctx, "อบต.หนองบัว").id


def test_office_a_letter_away_from_an_existing_one_is_warned_about(ctx, tmp_path):
    imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", ["อบต.ตะโกทอง", "ทต.วังไผ่"]))
    plan = imports.import_file(ctx, wide_sheet(tmp_path / "b.xlsx", ["อบต.ตะโกทอน", "ทต.วังไผ่", "อบต.หนองบัว",
                                                                     "ทต.วังไพ่"]), dry_run=True)
    similar = {o.org_name: o.similar_to for o in plan.offices}
    assert similar["องค์การบริหารส่วนตำบลตะโกทอน"] == "องค์การบริหารส่วนตำบลตะโกทอง"
    assert similar["เทศบาลตำบลวังไพ่"] == "เทศบาลตำบลวังไผ่"
    assert similar["องค์การบริหารส่วนตำบลหนองบัว"] is None and similar["เทศบาลตำบลวังไผ่"] is None
    warned = [w for w in plan.warnings if "ชื่อคล้าย" in w]
    assert len(warned) == 2 and "ตะโกทอน" in warned[0] + warned[1]
    # A different kind of office with the same place name is no typo.
    plan = imports.import_file(ctx, wide_sheet(tmp_path / "c.xlsx", ["ทต.ตะโกทอง"]), dry_run=True)
    assert plan.offices[0].similar_to is None


def tool_sheet(path: Path, header: list[str], rows: list[list]) -> Path:
    """One office per row with tool columns (and indicator columns when the row has ten more values)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2566 จังหวัดชัยภูมิ"])
    ws.append(["ลำดับ", "ชื่อหน่วยงาน", *header])
    for k, row in enumerate(rows, 1):
        ws.append([k, *row])
    wb.save(path)
    return path


def test_tool_columns_with_their_weight_in_the_header_are_points(ctx, tmp_path):
    header = ["IIT (30)", "EIT (30)", "OIT 40 คะแนน", "คะแนนรวม", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)]]
    path = tool_sheet(tmp_path / "nacc.xlsx", header, [["อบต.ตะโกทอง", 28.04, 24.0, 40.0, 92.04, *SCORES]])
    plan = imports.import_file(ctx, path)
    assert "คะแนนถ่วงน้ำหนัก" in plan.summary_th() and "0-100" in plan.summary_th()
    office = offices.find_office(ctx, "อบต.ตะโกทอง")
    stored = scores.load_scores(ctx, office.id, 2566)
    assert stored.tools == {"IIT": 93.47, "EIT": 80.0, "OIT": 100.0}
    assert stored.indicators[10] == 55.0


def test_tool_columns_that_add_up_to_the_total_are_points(ctx, tmp_path):
    rows = [["อบต.ตะโกทอง", 28.04, 25.5, 36.0, 89.54], ["ทต.วังไผ่", 27.0, 27.0, 40.0, 94.0]]
    plan = imports.import_file(ctx, tool_sheet(tmp_path / "t.xlsx", ["IIT", "EIT", "OIT", "คะแนนรวม"], rows))
    assert "(2 แถว)" in plan.summary_th()
    office = offices.find_office(ctx, "ทต.วังไผ่")
    assert scores.load_scores(ctx, office.id, 2566).tools == {"IIT": 90.0, "EIT": 90.0, "OIT": 100.0}


def test_tool_columns_of_0_to_100_scores_stay_scores(ctx, tmp_path):
    # 0.3 * 93.47 + 0.3 * 85 + 0.4 * 90 = 89.54: a weighted total, so the tools are scores.
    rows = [["อบต.ตะโกทอง", 93.47, 85.0, 90.0, 89.54]]
    plan = imports.import_file(ctx, tool_sheet(tmp_path / "s.xlsx", ["IIT", "EIT", "OIT", "คะแนนรวม"], rows))
    assert "ถ่วงน้ำหนัก" not in plan.summary_th()
    office = offices.find_office(ctx, "อบต.ตะโกทอง")
    assert scores.load_scores(ctx, office.id, 2566).tools == {"IIT": 93.47, "EIT": 85.0, "OIT": 90.0}


def test_points_above_the_weight_are_refused_where_they_are(ctx, tmp_path):
    path = tool_sheet(tmp_path / "bad.xlsx", ["IIT (30)", "EIT (30)", "OIT (40)"], [["อบต.ตะโกทอง", 31.5, 24.0, 40.0]])
    with pytest.raises(UserError, match="แถว 3 คอลัมน์ C: IIT: คะแนน 31.5 เกินคะแนนเต็ม 30"):
        imports.import_file(ctx, path)
    assert offices.list_offices(ctx) == []


def test_item_texts_the_catalog_lacks_are_kept_and_the_summary_says_so(ctx, tmp_path):
    from ita_desktop.services import criteria

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ องค์การบริหารส่วนตำบลตะโกทอง อำเภอซับใหญ่ จังหวัดชัยภูมิ"])
    ws.append(["ประเด็นข้อคำถาม", "คะแนน"])
    ws.append(["i๑ เจ้าหน้าที่ของหน่วยงานปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด มากน้อยเพียงใด", "๙๐.๑๐"])
    ws.append(["i2 เจ้าหน้าที่ให้บริการแก่ท่านอย่างเท่าเทียม", 88.0])
    wb.save(tmp_path / "items2568.xlsx")
    assert not criteria.get_criteria(ctx, 2568).item("i1").text_known
    plan = imports.import_file(ctx, tmp_path / "items2568.xlsx", dry_run=True)
    assert [code for code, _ in plan.learned_texts] == ["i1", "i2"]
    assert not criteria.get_criteria(ctx, 2568).item("i1").text_known  # a dry run keeps nothing
    plan = imports.import_file(ctx, tmp_path / "items2568.xlsx")
    assert "เพิ่มข้อความข้อคำถามที่เกณฑ์ปี 2568 ยังไม่มี จากไฟล์ 2 ข้อ: i1, i2" in plan.summary_th()
    item = criteria.get_criteria(ctx, 2568).item("i1")
    assert item.text_known and item.text == "เจ้าหน้าที่ของหน่วยงานปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด มากน้อยเพียงใด"
    # A text the catalog knows is left alone.
    known = criteria.get_criteria(ctx, 2566).item("i1").text
    imports.import_file(ctx, CORPUS_SEED001)
    assert criteria.get_criteria(ctx, 2566).item("i1").text == known


CORPUS_SEED001 = Path(__file__).resolve().parents[1] / "importers" / "corpus" / "analysis_seed001.xlsx"


def test_bulk_import_and_overview_on_sqlite_and_postgresql(db_url, data_dir, tmp_path):
    from ita_desktop.services import overview
    from ita_desktop.services.context import open_app

    ctx = open_app(data_dir, db_url=db_url)
    try:
        names = [f"อบต.บ้านทดสอบ{k}" for k in range(1, 26)]
        imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", names))
        imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", names, shift=1.0), replace=True)
        office = offices.find_office(ctx, "อบต.บ้านทดสอบ25")
        assert scores.load_scores(ctx, office.id, 2566).indicators == {n: round(s - 1.0, 2)
                                                                        for n, s in enumerate(SCORES, 1)}
        ov = overview.get_overview(ctx, 2566)
        assert len(ov.offices) == 25 and ov.offices[0].total == ov.offices[-1].total
    finally:
        ctx.close()


def test_the_printed_total_column_is_kept_as_the_official_total(ctx, tmp_path):
    header = ["IIT (30)", "EIT (30)", "OIT (40)", "คะแนนรวม", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)]]
    rows = [["อบต.ตะโกทอง", 28.04, 24.0, 40.0, 92.04, *SCORES], ["ทต.วังไผ่", 27.0, 27.0, 40.0, 94.0, *SCORES]]
    plan = imports.import_file(ctx, tool_sheet(tmp_path / "nacc.xlsx", header, rows))
    assert "คะแนนรวมตามประกาศ 2 หน่วยงาน" in plan.summary_th()
    office = offices.find_office(ctx, "ทต.วังไผ่")
    assert scores.load_scores(ctx, office.id, 2566).official_total == 94.0
    # Another total for the same office and year replaces the stored one only when asked to.
    rows[1][4] = 93.5
    changed = tool_sheet(tmp_path / "nacc2.xlsx", header, rows)
    with pytest.raises(UserError, match="คะแนนรวม: 94.00 → 93.50"):
        imports.import_file(ctx, changed)
    assert scores.load_scores(ctx, office.id, 2566).official_total == 94.0
    imports.import_file(ctx, changed, replace=True)
    assert scores.load_scores(ctx, office.id, 2566).official_total == 93.5


def test_a_total_outside_0_to_100_is_refused_where_it_is(ctx, tmp_path):
    header = ["คะแนนรวม", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)]]
    path = tool_sheet(tmp_path / "bad.xlsx", header, [["อบต.ตะโกทอง", 105, *SCORES]])
    with pytest.raises(UserError, match="แถว 3 คอลัมน์ C: คะแนนรวม: คะแนน 105 ต้องอยู่ระหว่าง 0 ถึง 100"):
        imports.import_file(ctx, path)
    assert offices.list_offices(ctx) == []
