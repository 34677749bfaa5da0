"""Weak-point analysis categories, the summary sentence data and year-over-year change."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_desktop.core.analysis import (
    DOWN,
    SAME,
    UP,
    Category,
    analyse,
    classify,
    compare_years,
    summary_sentence,
    thai_join,
)
from ita_desktop.core.criteria import load_criteria_year
from ita_desktop.core.scoring import compute_scores

C2566 = load_criteria_year(2566)
SEED_001_INDICATORS = {1: 90.63, 2: 78.75, 3: 86.25, 4: 78.84, 5: 76.09, 6: 80.97, 7: 80.91, 8: 75.49, 9: 80.50, 10: 55.00}
SEED_001_ITEMS = {"i4": 100, "i7": 60.07, "i8": 44.40, "i9": 83.50, "i17": 98.90, "o10": 0}


@pytest.mark.parametrize(
    "score, line, category",
    [
        (84.99, 85, Category.URGENT),
        (85.00, 85, Category.DEVELOP),
        (99.99, 85, Category.DEVELOP),
        (100, 85, Category.MAINTAIN),
        (0, 85, Category.URGENT),
        (84.995, 85, Category.DEVELOP),  # prints as 85.00
        (85.00, 90, Category.URGENT),
        (89.99, 90, Category.URGENT),
        (90.00, 90, Category.DEVELOP),
        (99.99, 90, Category.DEVELOP),
        (100, 90, Category.MAINTAIN),
    ],
)
def test_classify_boundaries(score, line, category):
    assert classify(score, line) == category


def test_category_values_are_the_document_headings():
    assert Category.URGENT == "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน"
    assert Category.DEVELOP == "ประเด็นที่ต้องพัฒนาให้ดีขึ้น"
    assert Category.MAINTAIN == "รักษามาตรฐาน"


@given(score=st.integers(0, 10000).map(lambda n: n / 100), line=st.integers(1, 100))
def test_classify_is_a_partition(score, line):
    category = classify(score, line)
    expected = Category.MAINTAIN if score == 100 else Category.DEVELOP if score >= line else Category.URGENT
    assert category == expected


@pytest.mark.parametrize("line", [0, -5, 100.01])
def test_invalid_pass_line(line):
    with pytest.raises(ValueError):
        classify(50, line)


def _seed_analysis(pass_line=None):
    result = compute_scores(C2566, item_scores=SEED_001_ITEMS, indicator_scores=SEED_001_INDICATORS)
    return analyse(result, C2566, pass_line)


def test_seed_001_grouping_by_tool():
    a = _seed_analysis()
    assert [(t.code, [i.number for i in t.indicators]) for t in a.tools] == [
        ("IIT", [1, 2, 3, 4, 5]),
        ("EIT", [6, 7, 8]),
        ("OIT", [9, 10]),
    ]
    assert a.tools[0].name == "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"
    assert a.tools[0].score == pytest.approx(82.112)
    assert a.level_old == "B" and a.pass_line == 85


def test_seed_001_summary_data():
    s = _seed_analysis().summary
    assert s.passed_names == ("การปฏิบัติหน้าที่", "การใช้อำนาจ")
    assert len(s.failed) == 8
    assert s.failed_names[0] == "การใช้งบประมาณ" and s.failed_names[-1] == "การป้องกันการทุจริต"
    assert s.unscored == ()


def test_seed_001_summary_sentence():
    text = summary_sentence(_seed_analysis().summary)
    assert text.startswith(
        "จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ ๘๕ มี ๒ ตัวชี้วัด คือ การปฏิบัติหน้าที่ และการใช้อำนาจ "
        "ส่วนที่จะต้องพัฒนาเนื่องจากได้คะแนนต่ำกว่า ๘๕ มี ๘ ตัวชี้วัด คือ การใช้งบประมาณ, "
    )
    assert text.endswith("การเปิดเผยข้อมูล และการป้องกันการทุจริต")
    assert "85" in summary_sentence(_seed_analysis().summary, thai_digits=False)


def test_seed_001_item_categories():
    a = _seed_analysis()
    assert [i.code for i in a.items_in(Category.URGENT)] == ["i7", "i8", "i9", "o10"]
    assert [i.code for i in a.items_in(Category.DEVELOP)] == ["i17"]
    assert [i.code for i in a.items_in(Category.MAINTAIN)] == ["i4"]
    ind2 = a.indicators[1]
    assert ind2.category == Category.URGENT and ind2.passed is False
    assert len(ind2.items) == 6 and sum(i.category is None for i in ind2.items) == 3
    assert [i.number for i in a.indicators_in(Category.DEVELOP)] == [1, 3]


def test_pass_line_90_moves_indicator_3_to_urgent():
    a = _seed_analysis(pass_line=90)
    assert a.summary.passed_names == ("การปฏิบัติหน้าที่",)
    assert a.indicators[2].category == Category.URGENT
    assert summary_sentence(a.summary).startswith("จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ ๙๐ มี ๑ ตัวชี้วัด")


def test_unscored_indicators_have_no_category():
    result = compute_scores(C2566, indicator_scores={1: 100})
    a = analyse(result, C2566)
    assert a.indicators[0].category == Category.MAINTAIN
    assert len(a.summary.unscored) == 9 and a.summary.failed == ()
    assert summary_sentence(a.summary) == "จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ ๘๕ มี ๑ ตัวชี้วัด คือ การปฏิบัติหน้าที่"


def test_thai_join():
    assert thai_join([]) == ""
    assert thai_join(["ก"]) == "ก"
    assert thai_join(["ก", "ข"]) == "ก และข"
    assert thai_join(["ก", "ข", "ค"]) == "ก, ข และค"


def test_compare_years():
    before = compute_scores(C2566, indicator_scores=SEED_001_INDICATORS)
    after_scores = {**SEED_001_INDICATORS, 1: 90.63, 2: 86.00, 10: 50.0}
    del after_scores[9]
    after = compute_scores(load_criteria_year(2567), indicator_scores=after_scores, total=80.0)
    cmp = compare_years(before, after)
    assert (cmp.previous_year, cmp.current_year) == (2566, 2567)
    by_number = {c.key: c for c in cmp.indicators}
    assert by_number["1"].direction == SAME and by_number["1"].change == 0
    assert by_number["2"].direction == UP and by_number["2"].change == 7.25
    assert by_number["2"].previous_passed is False and by_number["2"].current_passed is True
    assert by_number["10"].direction == DOWN and by_number["10"].change == -5.0
    assert by_number["9"].change is None and by_number["9"].direction is None
    assert cmp.total.change == 4.53 and cmp.total.direction == UP  # 75.47 -> 80.00
    assert [c.key for c in cmp.improved] == ["2"] and [c.key for c in cmp.declined] == ["10"]
    assert [t.key for t in cmp.tools] == ["IIT", "EIT", "OIT"]


def test_item_changes_and_measure_effect():
    from ita_desktop.core.analysis import compare_items, measure_effect

    before = compute_scores(C2566, item_scores={"i7": 60.07, "i8": 44.40, "o10": 0, "e1": 90})
    after = compute_scores(C2566, item_scores={"i7": 70, "i8": 44.40, "o10": 100, "e2": 80})
    changes = compare_items(before, after)
    assert changes["i7"].change == 9.93 and changes["i7"].direction == UP
    assert changes["i8"].direction == SAME and changes["o10"].change == 100
    assert changes["e2"].change is None and "e1" not in changes
    effect = measure_effect(changes, {"i7", "i8", "e2", "i9"})
    assert effect.compared == ("i7", "i8") and effect.rose == ("i7",)
    assert effect.sentence == "มาตรการได้ผล 1 จาก 2 ข้อ"
