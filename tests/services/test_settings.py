"""Settings in one place: the pass line per office and year, digits per document kind, Garuda."""

import pytest

from ita_desktop.core.criteria import DEFAULT_PASS_LINE
from ita_desktop.services import analysis, offices, scores, settings
from ita_desktop.services.context import open_read_only
from ita_desktop.services.errors import UserError


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def test_pass_line_comes_from_office_year_then_office_then_catalog(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    assert settings.pass_line(demo_ctx, office, 2566) == settings.PassLine(DEFAULT_PASS_LINE, "catalog")
    settings.set_pass_line(demo_ctx, office, None, 88)
    assert settings.pass_line(demo_ctx, office, 2566) == settings.PassLine(88.0, "office")
    settings.set_pass_line(demo_ctx, office, 2566, 90)
    assert settings.pass_line(demo_ctx, office, 2566) == settings.PassLine(90.0, "office_year")
    assert settings.pass_line(demo_ctx, office, 2567).value == 88.0
    assert settings.pass_line(demo_ctx, None, 2566).source == "catalog"


def test_the_office_year_line_reaches_scoring_and_analysis(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    before = analysis.analyse_office_year(demo_ctx, office, 2566)
    settings.set_pass_line(demo_ctx, office, 2566, 80)
    after = analysis.analyse_office_year(demo_ctx, office, 2566)
    assert before.pass_line == 85 and after.pass_line == 80
    assert scores.score_office_year(demo_ctx, office, 2566).result.pass_line == 80
    passed = lambda a: {i.number for g in a.groups for i in g.indicators if i.passed}  # noqa: E731
    assert passed(after) > passed(before)


def test_seed_002_office_analyses_its_year_against_90(demo_ctx):
    office = _id(demo_ctx, "ทต.วังไผ่")
    line = settings.pass_line(demo_ctx, office, 2565)
    assert line == settings.PassLine(90.0, "office_year")
    assert analysis.analyse_office_year(demo_ctx, office, 2565).pass_line == 90


def test_read_only_context_reads_the_same_line(demo_ctx):
    office = _id(demo_ctx, "ทต.วังไผ่")
    light = open_read_only(demo_ctx.data_dir)
    assert light is not None
    try:
        assert settings.pass_line(light, office, 2565).value == 90
    finally:
        light.close()


@pytest.mark.parametrize("value", [0, 105, -1])
def test_a_bad_pass_line_is_refused_and_nothing_stored(demo_ctx, value):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    with pytest.raises(UserError, match="เกณฑ์ผ่าน"):
        settings.set_pass_line(demo_ctx, office, 2566, value)
    with pytest.raises(UserError, match="เกณฑ์ผ่าน"):
        settings.set_many(demo_ctx, {settings.pass_line_key(office, 2566): str(value),
                                     settings.digits_key("memo"): settings.ARABIC})
    assert settings.pass_line(demo_ctx, office, 2566).source == "catalog"
    assert settings.digits(demo_ctx, "memo") == settings.THAI


def test_digits_and_garuda_defaults_and_changes(demo_ctx):
    assert settings.digits(demo_ctx, "memo") == settings.THAI and settings.digits(demo_ctx, "excel") == settings.ARABIC
    old = settings.set_many(demo_ctx, {settings.digits_key("memo"): settings.ARABIC, settings.GARUDA_IMAGE: "/x/garuda.png"})
    assert old == {settings.digits_key("memo"): None, settings.GARUDA_IMAGE: None}
    assert settings.digits(demo_ctx, "memo") == settings.ARABIC
    assert settings.garuda_image(demo_ctx, None) == "/x/garuda.png"
    settings.set_many(demo_ctx, old)  # undo writes the old values back
    assert settings.digits(demo_ctx, "memo") == settings.THAI and settings.garuda_image(demo_ctx, None) == ""


def test_no_literal_pass_line_outside_the_defaults():
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2] / "ita_desktop"
    allowed = {"core/criteria.py", "core/levels.py", "core/scoring.py", "core/analysis.py"}
    offenders = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).as_posix()
        if rel in allowed or "migrations" in rel:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"pass_line\w*\s*[=:].*\b85(\.0)?\b|\b85(\.0)?\s+if\b", line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == []


def test_memo_digits_follow_the_setting(demo_ctx):
    from ita_desktop.services import memos

    office = _id(demo_ctx, "อบต.ตะโกทอง")
    texts = memos.default_texts(demo_ctx, office, 2566, "analysis")
    assert memos.memo_data(demo_ctx, office, texts).thai_digits is True
    settings.set_many(demo_ctx, {settings.digits_key("memo"): settings.ARABIC})
    data = memos.memo_data(demo_ctx, office, texts)
    assert data.thai_digits is False and not any("๐" <= ch <= "๙" for ch in data.date_text)
