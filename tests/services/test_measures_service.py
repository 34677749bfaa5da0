"""The measures service: sets by year or by the year they are based on, result reports."""

import pytest

from ita_desktop.services import offices
from ita_desktop.services.measures import (
    measure_sets_for_year,
    measures_for_year,
    paragraphs,
    result_report_for_year,
)


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def test_measures_found_by_their_own_year(demo_ctx):
    m = measures_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2567)
    assert (m.year, m.based_on_year, m.pass_line) == (2567, 2566, 85)
    assert len(m.measures) == 42


def test_measures_found_by_the_results_year_they_are_based_on(demo_ctx):
    m = measures_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566)
    assert m is not None and m.year == 2567 and m.based_on_year == 2566
    first = m.measures[0]
    assert (first.tool, first.indicator, first.item_code) == ("IIT", 1, "i1")
    assert first.issue.startswith("เจ้าหน้าที่ของหน่วยงาน") and first.responsible and first.steps and first.reporting
    assert m.intro.startswith("จากการวิเคราะห์ผลการประเมิน")


def test_measures_keep_the_document_order(demo_ctx):
    m = measures_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2567)
    codes = [x.item_code for x in m.measures]
    assert codes[:2] == ["i1", "i2"]
    assert len(set(codes)) == len(codes)


def test_wangphai_measures_use_the_90_line(demo_ctx):
    office = _id(demo_ctx, "ทต.วังไผ่")
    m = measures_for_year(demo_ctx, office, 2565)
    assert (m.year, m.pass_line, len(m.measures)) == (2566, 90, 2)
    assert measures_for_year(demo_ctx, office, 2566) == m


def test_own_year_comes_before_derived_year(demo_ctx, monkeypatch):
    from ita_desktop.models import MeasureSet

    office = _id(demo_ctx, "อบต.ตะโกทอง")
    with demo_ctx.db.session() as s:
        s.add(MeasureSet(office_id=office, year=2566, based_on_year=2565, intro="เก่า"))
    found = measure_sets_for_year(demo_ctx, office, 2566)
    assert [(m.year, m.based_on_year) for m in found] == [(2566, 2565), (2567, 2566)]
    assert measures_for_year(demo_ctx, office, 2566).intro == "เก่า"


def test_no_measures(demo_ctx):
    assert measures_for_year(demo_ctx, _id(demo_ctx, "อบต.เขาทอง"), 2567) is None
    assert measure_sets_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2568) == ()


def test_result_report_of_thung_tha_chang(demo_ctx):
    r = result_report_for_year(demo_ctx, _id(demo_ctx, "อบต.ทุ่งท่าช้าง"), 2568)
    assert r.year == 2568 and len(r.rows) == 10
    assert [row.order for row in r.rows] == list(range(1, 11))
    assert r.rows[0].measure.startswith("มาตรการประกาศเจตนารมณ์ No Gift Policy")
    assert (len(r.intro_paragraphs), len(r.summary_paragraphs)) == (2, 3)
    assert r.title.startswith("รายงานผลการดำเนินการ")


def test_result_report_of_mae_chedi(demo_ctx):
    r = result_report_for_year(demo_ctx, _id(demo_ctx, "อบต.แม่เจดีย์"), 2567)
    assert len(r.rows) == 9 and r.intro_paragraphs == () and r.summary_paragraphs == ()
    assert r.rows[0].output and r.rows[0].outcome and r.rows[0].period


def test_no_result_report(demo_ctx):
    assert result_report_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2566) is None


def test_paragraphs_split_on_blank_lines():
    assert paragraphs("ก\n\n\n\nข\nค\n\n  ") == ("ก", "ข\nค")
    assert paragraphs("") == ()


def test_views_are_frozen(demo_ctx):
    m = measures_for_year(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง"), 2567)
    with pytest.raises(AttributeError):
        m.measures[0].issue = "x"
