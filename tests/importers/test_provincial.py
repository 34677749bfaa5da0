"""A provincial sheet of 250 offices, generated at test time (too large to be worth committing)."""

import time

from ita_desktop.importers import read_score_workbook
from tests.importers.criteria_data import criteria_2566
from tests.importers.make_corpus import provincial_rows, write_provincial


def test_250_offices(tmp_path):
    path = write_provincial(tmp_path / "province.xlsx", 250)
    started = time.perf_counter()
    result = read_score_workbook(path, criteria_2566())
    elapsed = time.perf_counter() - started
    assert len(result.offices) == 250
    expected = provincial_rows(250)
    assert [o.indicator_scores for o in result.offices] == [dict(enumerate(s, 1)) for _, _, s in expected]
    assert {o.province for o in result.offices} == {"ชัยภูมิ"}
    assert elapsed < 3.0  # the bench target; generous for slow CI machines
