"""Measures and results to Excel and back; tables copied from the seed documents; problems in Thai."""

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from ita_desktop.importers.kinds import detect_kind
from ita_desktop.services import measure_results as mr
from ita_desktop.services import measures as ms
from ita_desktop.services import measures_xlsx as mx
from ita_desktop.services import offices
from ita_desktop.services.errors import UserError


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _new_office(ctx):
    return offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลตะโกทอง",
                                                          kind="องค์การบริหารส่วนตำบล")).id


def _fresh(tmp_path, name):
    from ita_desktop.services.context import open_app

    return open_app(tmp_path / name)


def test_measures_export_imported_on_a_fresh_folder_exports_the_same_text(demo_ctx, tmp_path):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    first = ms.measure_set_of_year(demo_ctx, office, 2567).measures[0]
    ms.update_measure(demo_ctx, first.id, ms.MeasureInput(**{**ms.measure_input(first).__dict__,
                                                            "deadline": "2023-12-31", "period_start": "2023-10-01",
                                                            "measure": "มาตรการจัดทำคู่มือ"}))
    one = mx.export_measures(demo_ctx, office, 2567, tmp_path / "m1.xlsx")
    fresh = _fresh(tmp_path, "fresh")
    try:
        summary = mx.import_measures(fresh, one, _new_office(fresh), 2567)
        assert summary.count == 42
        two = mx.export_measures(fresh, _id(fresh, "อบต.ตะโกทอง"), 2567, tmp_path / "m2.xlsx")
        imported = ms.measure_set_of_year(fresh, _id(fresh, "อบต.ตะโกทอง"), 2567).measures
    finally:
        fresh.close()
    cells = lambda p: [[c.value for c in row] for row in load_workbook(p).active.iter_rows()]  # noqa: E731
    assert cells(one) == cells(two)
    original = ms.measure_set_of_year(demo_ctx, office, 2567).measures
    keys = ("issue", "measure", "steps", "responsible", "reporting", "period", "period_start", "deadline",
            "category", "items", "indicators")
    assert [[getattr(m, k) for k in keys] for m in imported] == [[getattr(m, k) for k in keys] for m in original]
    assert detect_kind(one) == "measures"


def test_results_export_reads_back(demo_ctx, tmp_path):
    office = _id(demo_ctx, "อบต.ทุ่งท่าช้าง")
    report = ms.result_report_for_year(demo_ctx, office, 2568)
    mr.update_result_row(demo_ctx, report.rows[1].id, mr.ResultInput(
        **{**mr.result_input(report.rows[1]).__dict__, "status": mr.IMPOSSIBLE, "reason": "ไม่ได้รับงบประมาณ",
           "start_date": "2025-01-05"}))
    one = mx.export_results(demo_ctx, office, 2568, tmp_path / "r1.xlsx")
    assert detect_kind(one) == "results"
    fresh = _fresh(tmp_path, "fresh")
    try:
        new = offices.save_office(fresh, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลทุ่งท่าช้าง",
                                                              kind="องค์การบริหารส่วนตำบล")).id
        assert mx.import_results(fresh, one, new, 2568).count == 10
        two = mx.export_results(fresh, new, 2568, tmp_path / "r2.xlsx")
        back = ms.result_report_for_year(fresh, new, 2568).rows
    finally:
        fresh.close()
    cells = lambda p: [[c.value for c in row] for row in load_workbook(p).active.iter_rows(min_row=2)]  # noqa: E731
    assert cells(one) == cells(two)
    assert (back[1].status, back[1].reason, back[1].start_date) == ("impossible", "ไม่ได้รับงบประมาณ", "2025-01-05")


def _sheet(path, rows):
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


SEED_002_HEADER = ["ประเด็นที่ต้องพัฒนา", "มาตรการ/ขั้นตอน/วิธีการปฏิบัติ", "การดำเนินการ /รายงาน", "ผู้รับผิดชอบ",
                   "ระยะเวลาดำเนินการ"]
SEED_003_HEADER = ["มาตรการหรือกิจกรรม", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา",
                   "สรุปผลการดำเนินการตาม มาตรการ/กิจกรรม", "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"]


def test_a_word_table_of_seed_002_copied_into_excel(ctx, tmp_path):
    path = _sheet(tmp_path / "wangphai.xlsx", [
        ["มาตรการส่งเสริมคุณธรรม"], SEED_002_HEADER,
        ["ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร", "1. จัดทำคู่มือ", "รายงานผู้บริหาร", "ทุกส่วนงาน", "ปีงบประมาณ พ.ศ. 2566"],
        SEED_002_HEADER,  # the header repeated on the next page of the Word table
        ["ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน", "2. E-Service", "เผยแพร่บนเว็บไซต์", "สำนักปลัด", ""],
    ])
    assert detect_kind(path) == "measures"
    office = _new_office(ctx)
    assert mx.import_measures(ctx, path, office, 2566).count == 2
    got = ms.measure_set_of_year(ctx, office, 2566).measures
    assert [(m.issue, m.steps, m.reporting, m.responsible) for m in got] == [
        ("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร", "1. จัดทำคู่มือ", "รายงานผู้บริหาร", "ทุกส่วนงาน"),
        ("ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน", "2. E-Service", "เผยแพร่บนเว็บไซต์", "สำนักปลัด")]


def test_a_word_table_of_seed_003_copied_into_excel(ctx, tmp_path):
    path = _sheet(tmp_path / "maechedi.xlsx", [
        SEED_003_HEADER, ["๑. มาตรการ No Gift Policy", "ประกาศนโยบาย", "สำนักปลัด", "๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗",
                          "มีประกาศ", "บุคลากรรับทราบ"]])
    assert detect_kind(path) == "results"
    office = _new_office(ctx)
    mx.import_results(ctx, path, office, 2567)
    row = ms.result_report_for_year(ctx, office, 2567).rows[0]
    assert (row.measure, row.output, row.outcome, row.status) == ("๑. มาตรการ No Gift Policy", "มีประกาศ",
                                                                  "บุคลากรรับทราบ", "not_started")


def test_problems_are_listed_with_row_and_column_and_nothing_is_stored(ctx, tmp_path):
    header = [t for _, t, _ in mx.MEASURE_COLUMNS] + ["หมายเหตุพิเศษ"]
    path = _sheet(tmp_path / "bad.xlsx", [
        ["ชื่อตาราง"], header,
        [1, "i1", "1", "", "ประเด็นแรก", "", "ขั้นตอน", "สำนักปลัด", "", "", "31/02/2567", "", ""],
        [2, "x9", "", "", "", "", "", "", "", "", "", "", "พรุ่งนี้"],
        [3, "", "", "สีแดง", "ประเด็นสาม", "", "ขั้นตอน", "", "", "", "", "", dt.datetime(2024, 3, 1)],
    ])
    office = _new_office(ctx)
    with pytest.raises(UserError) as info:
        mx.import_measures(ctx, path, office, 2567)
    text = str(info.value)
    assert "แถว 2 คอลัมน์ N: ไม่รู้จักคอลัมน์ 'หมายเหตุพิเศษ'" in text
    assert "แถว 3 คอลัมน์ K: อ่านวันที่ '31/02/2567' ไม่ได้" in text
    assert "แถว 4 คอลัมน์ M: อ่านวันที่ 'พรุ่งนี้' ไม่ได้" in text
    assert "แถว 4 คอลัมน์ E: ช่อง 'ประเด็นที่ต้องปรับปรุงแก้ไข/ประเด็นที่ต้องพัฒนา' ว่างอยู่" in text
    assert "แถว 5 คอลัมน์ D: ประเภท 'สีแดง' ไม่รู้จัก" in text
    assert "ไม่ได้บันทึกข้อมูลใด ๆ" in text
    assert ms.measure_set_of_year(ctx, office, 2567) is None


def test_result_problems(ctx, tmp_path):
    header = [t for _, t, _ in mx.RESULT_COLUMNS]
    path = _sheet(tmp_path / "bad.xlsx", [header, [1, "", "", "", "", "x", "y", "เสร็จแล้วมั้ง", "", "", ""],
                                          [2, "ก", "", "", "", "", "", "ไม่สามารถดำเนินการได้", "", "", ""]])
    office = _new_office(ctx)
    with pytest.raises(UserError) as info:
        mx.import_results(ctx, path, office, 2567)
    text = str(info.value)
    assert "แถว 2 คอลัมน์ H: สถานะ 'เสร็จแล้วมั้ง' ไม่ถูกต้อง" in text
    assert "แถว 2 คอลัมน์ B: ช่อง 'มาตรการ/โครงการ/กิจกรรม' ว่างอยู่" in text
    assert "แถว 3: สถานะ 'ไม่สามารถดำเนินการได้' ต้องระบุเหตุผล" in text
    assert ms.result_report_for_year(ctx, office, 2567) is None


def test_existing_measures_need_replace(demo_ctx, tmp_path):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    path = mx.export_measures(demo_ctx, office, 2567, tmp_path / "m.xlsx")
    with pytest.raises(UserError, match="อยู่แล้ว 42 รายการ"):
        mx.import_measures(demo_ctx, path, office, 2567)
    assert mx.import_measures(demo_ctx, path, office, 2567, replace=True).replaced == 42
    assert len(ms.measure_set_of_year(demo_ctx, office, 2567).measures) == 42


def test_not_a_table_or_not_excel(ctx, tmp_path):
    office = _new_office(ctx)
    plain = _sheet(tmp_path / "plain.xlsx", [["สวัสดี"], ["ไม่มีตาราง"]])
    with pytest.raises(UserError, match="ไม่พบตารางมาตรการ"):
        mx.import_measures(ctx, plain, office, 2567)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not excel")
    with pytest.raises(UserError, match="junk.xlsx"):
        mx.import_results(ctx, junk, office, 2567)
    assert detect_kind(junk) is None and detect_kind(plain) is None


@pytest.mark.parametrize("value, iso", [
    ("01/10/2567", "2024-10-01"), ("1/10/2024", "2024-10-01"), ("2024-10-01", "2024-10-01"),
    ("๓๐ กันยายน ๒๕๖๗", "2024-09-30"), ("5 ม.ค. 2568", "2025-01-05"), (dt.datetime(2025, 1, 5), "2025-01-05"),
    (None, None), ("", None),
])
def test_dates_read_from_cells(value, iso):
    assert mx.parse_date(value) == iso


def test_detect_scores_and_plan(tmp_path):
    scores = _sheet(tmp_path / "s.xlsx", [["ตัวชี้วัด", "ชื่อ", "คะแนน"], [1, "การปฏิบัติหน้าที่", 90]])
    plan = _sheet(tmp_path / "p.xlsx", [["มิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี 2566 งบประมาณ (บาท)"]])
    assert detect_kind(scores) == "scores" and detect_kind(plan) == "plan"
    assert detect_kind(tmp_path / "missing.xlsx") is None


@pytest.mark.parametrize("kind, layout, name, year", [
    ("measures", "001", "อบต.ตะโกทอง", 2567), ("measures", "002", "อบต.ตะโกทอง", 2567),
    ("results", "000", "อบต.ทุ่งท่าช้าง", 2568), ("results", "003", "อบต.แม่เจดีย์", 2567),
])
def test_the_excel_reports_are_recognised_and_read_back(demo_ctx, tmp_path, kind, layout, name, year):
    from ita_desktop.services import measure_documents as md

    office = _id(demo_ctx, name)
    write = md.write_measures_report if kind == "measures" else md.write_results_report
    path = write(demo_ctx, office, year, tmp_path / "report.xlsx", layout)
    assert detect_kind(path) == kind
    table = mx.read_table(path, kind)
    assert table.problems == []
    expected = ms.measure_set_of_year(demo_ctx, office, year).measures if kind == "measures" else \
        ms.result_report_for_year(demo_ctx, office, year).rows
    assert len(table.rows) == len(expected)
