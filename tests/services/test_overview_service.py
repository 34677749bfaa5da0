"""The overview service and ita-cli overview on imported provincial sheets."""

import json

from ita_desktop.cli.main import run
from ita_desktop.services import imports, overview
from tests.services.test_imports_many import wide_sheet


def _two_years(ctx, tmp_path):
    names = [f"อบต.บ้านทดสอบ{k}" for k in range(1, 11)] + ["ทต.วังไผ่"]
    imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", names))
    imports.import_file(ctx, wide_sheet(tmp_path / "b.xlsx", names, "ผลการประเมิน ITA ปีงบประมาณ 2567 จังหวัดชัยภูมิ",
                                        shift=-2.0))


def test_overview_of_a_year_with_change_since_last_year(ctx, tmp_path):
    _two_years(ctx, tmp_path)
    ov = overview.get_overview(ctx, 2567)
    assert len(ov.offices) == 11 and all(o.change == 2.0 for o in ov.offices)
    assert ov.offices[0].total == ov.offices[-1].total  # the same scores: one shared rank
    assert {o.rank for o in ov.offices} == {1}
    assert overview.years_with_many_offices(ctx) == [2566, 2567]
    assert overview.places(ctx, 2567) == {"ชัยภูมิ": ["ซับใหญ่"]}
    assert [o.name for o in overview.get_overview(ctx, 2567, kind="ทต.").offices] == ["เทศบาลตำบลวังไผ่"]
    first, complete = overview.overview_stages(ctx, 2567)  # the ranking first, then the change
    assert not first.changes_known and all(o.change is None for o in first.offices)
    assert not first.weak_known and first.indicators == () and first.offices == tuple(
        o._replace(previous_total=None) for o in ov.offices)
    assert complete.changes_known and complete.weak_known and complete == ov and ov.indicators


def test_cli_overview_json_and_bad_input(data_dir, tmp_path, capsys):
    from ita_desktop.services.context import open_app

    ctx = open_app(data_dir)
    _two_years(ctx, tmp_path)
    ctx.close()
    assert run(["overview", "--year", "2567", "--province", "ชัยภูมิ", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["offices"] == 11 and data["filters"] == {"province": "ชัยภูมิ"}
    assert data["ranking"][0]["change"] == 2.0 and data["levels"]["ต้องปรับปรุง"] == 11
    assert data["indicators_below_line"][0] == {"number": 2, "name": "การใช้งบประมาณ", "tool": "IIT",
                                                "offices_below": 11, "offices_scored": 11, "mean": 80.75}
    assert run(["overview", "--year", "2567", "--province", "เชียงราย"]) == 2
    err = capsys.readouterr().err
    assert "ไม่มีหน่วยงานที่มีคะแนนปีงบประมาณ 2567 ใน จังหวัดเชียงราย" in err and "Traceback" not in err
    assert run(["overview", "--year", "2567"]) == 0
    assert "ภาพรวมหลายหน่วยงาน ปีงบประมาณ 2567: 11 หน่วยงาน" in capsys.readouterr().out


def test_previous_total_of_an_office_scored_by_items_only(ctx, tmp_path):
    from ita_desktop.core.scoring import compute_scores
    from ita_desktop.services import criteria, offices, scores

    _two_years(ctx, tmp_path)
    extra = offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลหนองบัว",
                                                           kind="องค์การบริหารส่วนตำบล"))
    catalog = criteria.get_criteria(ctx, 2566)
    items = {item.code: (100.0 if item.code.startswith("o") else 80.0) for item in catalog.items}
    for code, value in items.items():
        scores.set_item_score(ctx, extra.id, 2566, code, value)
    for n in range(1, 11):
        scores.set_indicator_score(ctx, extra.id, 2567, n, 90.0)
    ov = overview.get_overview(ctx, 2567)
    row = next(o for o in ov.offices if o.office_id == extra.id)
    assert row.previous_total == compute_scores(catalog, items).total
    assert row.change == round(90.0 - row.previous_total, 2)
