"""Results during the year: status, output/outcome, rows without a measure, overdue, counts, carry-over."""

import datetime as dt

import pytest

from ita_desktop.services import measure_results as mr
from ita_desktop.services import measures as ms
from ita_desktop.services import offices
from ita_desktop.services.errors import ConflictError, UserError


def _id(ctx, name):
    return offices.find_office(ctx, name).id


@pytest.fixture
def takothong(demo_ctx):
    return _id(demo_ctx, "อบต.ตะโกทอง")


def test_record_result_creates_the_row_with_the_measure_texts(demo_ctx, takothong):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures[0]
    row = mr.record_result(demo_ctx, m.id, mr.ResultInput(status=mr.IN_PROGRESS, output="จัดทำคู่มือแล้ว ๒ เรื่อง",
                                                          start_date="2023-11-01"))
    assert (row.measure_id, row.status, row.order) == (m.id, "in_progress", 1)
    assert row.measure == m.issue and row.steps == m.steps and row.responsible == m.responsible
    report = ms.result_report_for_year(demo_ctx, takothong, 2567)
    assert report.rows == (row,)
    done = mr.record_result(demo_ctx, m.id, mr.ResultInput(**{**mr.result_input(row).__dict__, "status": mr.DONE,
                                                              "outcome": "ลดเวลาให้บริการ"}),
                            expected_version=row.version)
    assert done.id == row.id and done.version == row.version + 1 and done.outcome == "ลดเวลาให้บริการ"
    with pytest.raises(ConflictError):
        mr.record_result(demo_ctx, m.id, mr.ResultInput(status=mr.DONE), expected_version=row.version)


@pytest.mark.parametrize("bad, words", [
    (mr.ResultInput(status="finished"), "สถานะ 'finished'"),
    (mr.ResultInput(status=mr.IMPOSSIBLE), "ต้องระบุเหตุผล"),
    (mr.ResultInput(start_date="2567-13-01"), "วันที่เริ่มดำเนินการ"),
    (mr.ResultInput(start_date="2024-02-01", end_date="2024-01-01"), "ต้องไม่ก่อน"),
])
def test_bad_results_change_nothing(demo_ctx, takothong, bad, words):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures[0]
    with pytest.raises(UserError, match=words):
        mr.record_result(demo_ctx, m.id, bad)
    assert ms.result_report_for_year(demo_ctx, takothong, 2567) is None


def test_seed_003_results_entered_through_services(ctx):
    """The rows of seed 003 typed in by a clerk, without measures in the program."""
    from tests.services.seed_rows import enter_seed_results

    office, rows = enter_seed_results(ctx, "seed 003")
    report = ms.result_report_for_year(ctx, office, 2567)
    assert [r.measure for r in report.rows] == [r["measure"] for r in rows]
    assert all(r.measure_id is None and r.status == mr.DONE for r in report.rows)
    assert mr.status_counts(ctx, office, 2567)[mr.DONE] == len(rows)


def test_rows_without_a_measure_update_delete_restore(demo_ctx):
    office = _id(demo_ctx, "อบต.ทุ่งท่าช้าง")
    rid = mr.add_result_row(demo_ctx, office, 2568, mr.ResultInput(measure="กิจกรรมใหม่", status=mr.DONE), position=0)
    report = ms.result_report_for_year(demo_ctx, office, 2568)
    assert report.rows[0].id == rid and len(report.rows) == 11
    before = report.rows
    snap = mr.delete_result_row(demo_ctx, rid, expected_version=1)
    assert len(ms.result_report_for_year(demo_ctx, office, 2568).rows) == 10
    assert mr.restore_result_row(demo_ctx, snap) == rid
    assert ms.result_report_for_year(demo_ctx, office, 2568).rows == before
    with pytest.raises(UserError, match="มาตรการ/โครงการ/กิจกรรม"):
        mr.add_result_row(demo_ctx, office, 2568, mr.ResultInput())


def test_overdue_and_counts(demo_ctx, takothong):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures
    for x, deadline in ((m[0], "2023-12-31"), (m[1], "2023-12-31"), (m[2], "2024-09-30")):
        ms.update_measure(demo_ctx, x.id, ms.MeasureInput(**{**ms.measure_input(x).__dict__, "deadline": deadline}))
    mr.record_result(demo_ctx, m[1].id, mr.ResultInput(status=mr.DONE))
    mr.record_result(demo_ctx, m[3].id, mr.ResultInput(status=mr.IMPOSSIBLE, reason="ไม่ได้รับงบประมาณ"))
    progress = mr.year_progress(demo_ctx, takothong, 2567, today=dt.date(2024, 1, 15))
    assert [p.measure.id for p in progress.overdue] == [m[0].id]  # m[1] done, m[2] not yet due
    assert progress.counts == {"not_started": 40, "in_progress": 0, "done": 1, "impossible": 1}
    late = mr.overdue_measures(demo_ctx, takothong, 2567, today=dt.date(2024, 10, 1))
    assert [p.measure.id for p in late] == [m[0].id, m[2].id]


def test_carry_over_copy_keeps_a_link(demo_ctx, takothong):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures
    mr.record_result(demo_ctx, m[0].id, mr.ResultInput(status=mr.DONE))
    unfinished = mr.unfinished_measures(demo_ctx, takothong, 2567)
    assert len(unfinished) == 41 and m[0].id not in [u.id for u in unfinished]
    ids = mr.carry_over(demo_ctx, [m[1].id, m[2].id])
    nxt = ms.measure_set_of_year(demo_ctx, takothong, 2568)
    assert [x.id for x in nxt.measures] == ids
    assert [(x.source_measure_id, x.carried_from_year, x.issue) for x in nxt.measures] == [
        (m[1].id, 2567, m[1].issue), (m[2].id, 2567, m[2].issue)]
    assert len(ms.measure_set_of_year(demo_ctx, takothong, 2567).measures) == 42  # copies: source stays
    with pytest.raises(UserError, match="ถูกยกไปปีงบประมาณ 2568 แล้ว"):
        mr.carry_over(demo_ctx, [m[1].id])
    with pytest.raises(UserError, match="ดำเนินการแล้วเสร็จ"):
        mr.carry_over(demo_ctx, [m[0].id])


def test_carry_over_move(demo_ctx, takothong):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures
    ids = mr.carry_over(demo_ctx, [m[5].id], move=True)
    assert ids == [m[5].id]
    moved = ms.get_measure(demo_ctx, m[5].id)
    assert moved.carried_from_year == 2567 and moved.version == m[5].version + 1
    assert len(ms.measure_set_of_year(demo_ctx, takothong, 2567).measures) == 41
    assert [x.id for x in ms.measure_set_of_year(demo_ctx, takothong, 2568).measures] == ids


def test_carry_over_needs_a_choice(demo_ctx):
    with pytest.raises(UserError, match="ยังไม่ได้เลือก"):
        mr.carry_over(demo_ctx, [])


def test_undo_carry_over(demo_ctx, takothong):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures
    copies = mr.carry_over(demo_ctx, [m[1].id])
    moved = mr.carry_over(demo_ctx, [m[2].id], move=True)
    mr.undo_carry_over(demo_ctx, copies + moved)
    assert ms.measure_set_of_year(demo_ctx, takothong, 2568).measures == ()
    back = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures
    assert len(back) == 42 and back[-1].id == m[2].id and back[-1].carried_from_year is None
    with pytest.raises(UserError, match="ไม่ได้ยกมา"):
        mr.undo_carry_over(demo_ctx, [m[0].id])


def test_reorder_rows_and_report_texts(demo_ctx):
    office = _id(demo_ctx, "อบต.ทุ่งท่าช้าง")
    ids = [r.id for r in ms.result_report_for_year(demo_ctx, office, 2568).rows]
    mr.reorder_result_rows(demo_ctx, office, 2568, ids[::-1])
    assert [r.id for r in ms.result_report_for_year(demo_ctx, office, 2568).rows] == ids[::-1]
    texts, version = mr.report_texts(demo_ctx, office, 2568)
    assert texts.title.startswith("รายงานผลการดำเนินการ")
    new = mr.update_report_texts(demo_ctx, office, 2568, mr.ReportTexts(texts.title, "บทนำใหม่", texts.summary),
                                 expected_version=version)
    assert new == version + 1
    assert ms.result_report_for_year(demo_ctx, office, 2568).intro_paragraphs == ("บทนำใหม่",)
    with pytest.raises(ConflictError):
        mr.update_report_texts(demo_ctx, office, 2568, texts, expected_version=version)


def test_deadline_shown_in_the_buddhist_era(demo_ctx, takothong):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures[0]
    view = ms.update_measure(demo_ctx, m.id, ms.MeasureInput(**{**ms.measure_input(m).__dict__,
                                                                 "deadline": "2023-12-31"}))
    assert view.deadline_text == "๓๑ ธันวาคม ๒๕๖๖"


def test_deleting_a_measure_keeps_its_result_and_restoring_links_it_again(demo_ctx, takothong):
    m = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures[0]
    row = mr.record_result(demo_ctx, m.id, mr.ResultInput(status=mr.DONE, output="ทำแล้ว"))
    snap = ms.delete_measure(demo_ctx, m.id)
    progress = mr.year_progress(demo_ctx, takothong, 2567)
    assert [r.id for r in progress.other_results] == [row.id] and progress.other_results[0].measure_id is None
    ms.restore_measure(demo_ctx, snap)
    progress = mr.year_progress(demo_ctx, takothong, 2567)
    assert progress.other_results == () and progress.measures[0].result.id == row.id


def test_unknown_office_or_year_is_refused(demo_ctx):
    with pytest.raises(UserError, match="ไม่พบหน่วยงาน"):
        mr.add_result_row(demo_ctx, 99999, 2567, mr.ResultInput(measure="ก"))
    with pytest.raises(UserError, match="ปี พ.ศ."):
        ms.create_measure(demo_ctx, _id(demo_ctx, "อบต.เขาทอง"), 2024, ms.MeasureInput(issue="ก"))
