"""Sample data: the seeds' offices and figures load, in one transaction, and load again cleanly."""

from sqlalchemy import func, select

from ita_desktop.models import Measure, Office, Project, ResultRow
from ita_desktop.services import offices, scores
from ita_desktop.services.demo import load_sample_data


def _count(ctx, model):
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_sample_data_fills_the_application(ctx):
    summary = load_sample_data(ctx)
    assert summary.offices == 5 and _count(ctx, Office) == 5
    assert summary.item_scores >= 30
    assert _count(ctx, Measure) == summary.measures > 40
    assert _count(ctx, ResultRow) == summary.result_rows >= 19
    assert _count(ctx, Project) == summary.projects >= 15
    assert "โหลดข้อมูลตัวอย่างแล้ว" in summary.message_th()


def test_takotong_2566_scores_as_the_document_says(demo_ctx):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    entry = scores.score_office_year(demo_ctx, office.id, 2566)
    assert round(entry.result.total, 2) == 75.47
    assert entry.result.level_old == "B" and entry.level == "ต้องปรับปรุง"
    assert office.signatory("mayor").name == "นายปรีชา เพชรประไพ"


def test_loading_twice_replaces_instead_of_duplicating(demo_ctx):
    before = [_count(demo_ctx, m) for m in (Office, Measure, ResultRow, Project)]
    load_sample_data(demo_ctx)
    assert [_count(demo_ctx, m) for m in (Office, Measure, ResultRow, Project)] == before


def test_a_failing_load_changes_nothing(ctx, monkeypatch):
    from ita_desktop.services import demo

    def broken(s, ids, entry):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(demo, "_load_results", broken)
    try:
        load_sample_data(ctx)
    except RuntimeError:
        pass
    assert _count(ctx, Office) == 0 and _count(ctx, Measure) == 0


def test_catalog_round_trips_through_the_database(ctx):
    from ita_desktop.services.criteria import bundled_catalogs, get_criteria

    for year, bundled in bundled_catalogs().items():
        stored = get_criteria(ctx, year)
        assert stored.items == bundled.items
        assert stored.tools == bundled.tools
        assert stored.indicators == bundled.indicators
        assert stored.level_rules == bundled.level_rules


def test_sample_measures_and_results_are_ordinary_editable_records(demo_ctx):
    from ita_desktop.services import measure_results as mr
    from ita_desktop.services import measures as ms
    from ita_desktop.services import offices

    takothong = offices.find_office(demo_ctx, "อบต.ตะโกทอง").id
    measures = ms.measure_set_of_year(demo_ctx, takothong, 2567).measures
    assert len(measures) == 42 and all(m.id and m.version == 1 for m in measures)
    assert measures[0].items == ("i1",) and measures[0].indicators == (1,)
    wangphai = ms.measure_set_of_year(demo_ctx, offices.find_office(demo_ctx, "ทต.วังไผ่").id, 2566).measures
    assert wangphai[-1].indicators == (7, 8) and wangphai[-1].indicator is None
    snap = ms.delete_measure(demo_ctx, measures[0].id)
    assert ms.restore_measure(demo_ctx, snap) == measures[0].id
    for name, year, rows in (("อบต.ทุ่งท่าช้าง", 2568, 10), ("อบต.แม่เจดีย์", 2567, 9)):
        office = offices.find_office(demo_ctx, name).id
        counts = mr.status_counts(demo_ctx, office, year)
        assert counts == {"not_started": 0, "in_progress": 0, "done": rows, "impossible": 0}
