"""Measures write services: create, update with versions, delete/restore, reorder, merge, split, proposals."""

import json

import pytest

from ita_desktop.models import AuditEntry
from ita_desktop.services import measure_proposals as mp
from ita_desktop.services import measures as ms
from ita_desktop.services import offices
from ita_desktop.services.errors import ConflictError, UserError


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _texts(ctx, office, year):
    return [m.issue for m in ms.measure_set_of_year(ctx, office, year).measures]


def test_create_makes_the_set_and_keeps_dates_iso(demo_ctx):
    office = _id(demo_ctx, "อบต.เขาทอง")
    mid = ms.create_measure(demo_ctx, office, 2568, ms.MeasureInput(
        issue="i7 การรับรู้งบประมาณ", steps="ประชุมชี้แจง", items=("i๗",), indicators=(2,),
        period_start="2024-10-01", period_end="2025-09-30", deadline="2024-12-31", category="urgent"))
    view = ms.get_measure(demo_ctx, mid)
    assert (view.items, view.indicators, view.item_code, view.indicator) == (("i7",), (2,), "i7", 2)
    assert view.deadline == "2024-12-31" and view.version == 1
    assert view.period_text == "๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘"
    s = ms.measure_set_of_year(demo_ctx, office, 2568)
    assert (s.year, s.based_on_year, s.pass_line) == (2568, 2567, 85)


@pytest.mark.parametrize("bad, words", [
    (ms.MeasureInput(), "อย่างน้อยหนึ่งช่อง"),
    (ms.MeasureInput(issue="x", deadline="31/12/2567"), "กำหนดเวลาแล้วเสร็จ '31/12/2567'"),
    (ms.MeasureInput(issue="x", items=("x9",)), "รหัสข้อคำถาม 'x9'"),
    (ms.MeasureInput(issue="x", period_start="2025-01-02", period_end="2025-01-01"), "ต้องไม่ก่อน"),
    (ms.MeasureInput(issue="x", category="red"), "ประเภทของมาตรการ"),
])
def test_bad_input_changes_nothing(demo_ctx, bad, words):
    office = _id(demo_ctx, "อบต.เขาทอง")
    with pytest.raises(UserError, match=words):
        ms.create_measure(demo_ctx, office, 2568, bad)
    assert ms.measure_set_of_year(demo_ctx, office, 2568) is None


def test_update_bumps_version_and_refuses_a_stale_one(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    first = ms.measure_set_of_year(demo_ctx, office, 2567).measures[0]
    old = ms.measure_input(first)
    new = ms.update_measure(demo_ctx, first.id, ms.MeasureInput(**{**old.__dict__, "steps": "ขั้นตอนใหม่"}),
                            expected_version=first.version)
    assert new.version == first.version + 1 and new.steps == "ขั้นตอนใหม่"
    with pytest.raises(ConflictError, match="ผู้ใช้อื่น"):
        ms.update_measure(demo_ctx, first.id, old, expected_version=first.version)
    back = ms.update_measure(demo_ctx, first.id, old, expected_version=new.version)  # undo
    assert back.steps == first.steps
    with demo_ctx.db.session() as s:
        entry = s.query(AuditEntry).filter_by(action="measure.update").order_by(AuditEntry.id).first()
        detail = {"old": json.loads(entry.old), "new": json.loads(entry.new)}
    assert detail["old"]["steps"] == first.steps and detail["new"]["steps"] == "ขั้นตอนใหม่"


def test_delete_and_restore_same_id_and_place(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    before = ms.measure_set_of_year(demo_ctx, office, 2567).measures
    victim = before[3]
    snap = ms.delete_measure(demo_ctx, victim.id, expected_version=victim.version)
    after = ms.measure_set_of_year(demo_ctx, office, 2567).measures
    assert len(after) == 41 and victim.id not in [m.id for m in after]
    json.dumps(snap)  # plain data
    assert ms.restore_measure(demo_ctx, snap) == victim.id
    again = ms.measure_set_of_year(demo_ctx, office, 2567).measures
    assert again == before


def test_delete_refuses_stale_version(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    m = ms.measure_set_of_year(demo_ctx, office, 2567).measures[0]
    with pytest.raises(ConflictError):
        ms.delete_measure(demo_ctx, m.id, expected_version=m.version + 5)
    assert len(ms.measure_set_of_year(demo_ctx, office, 2567).measures) == 42


def test_reorder(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    ids = [m.id for m in ms.measure_set_of_year(demo_ctx, office, 2567).measures]
    ms.reorder_measures(demo_ctx, office, 2567, ids[::-1])
    assert [m.id for m in ms.measure_set_of_year(demo_ctx, office, 2567).measures] == ids[::-1]
    with pytest.raises(UserError, match="ครบทุกรายการ"):
        ms.reorder_measures(demo_ctx, office, 2567, ids[:3])


def test_merge_then_split_back(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    m = ms.measure_set_of_year(demo_ctx, office, 2567).measures
    kept = ms.merge_measures(demo_ctx, [m[0].id, m[1].id, m[2].id])
    merged = ms.get_measure(demo_ctx, kept)
    assert merged.items == ("i1", "i2", "i3") and merged.indicators == (1,)
    assert merged.issue.split("\n") == [m[0].issue, m[1].issue, m[2].issue]
    assert len(ms.measure_set_of_year(demo_ctx, office, 2567).measures) == 40
    ids = ms.split_measure(demo_ctx, kept)
    assert ids[0] == kept and len(ids) == 3
    now = ms.measure_set_of_year(demo_ctx, office, 2567).measures
    assert [x.issue for x in now[:3]] == [m[0].issue, m[1].issue, m[2].issue]
    assert [x.items for x in now[:3]] == [("i1",), ("i2",), ("i3",)]
    with pytest.raises(UserError, match="แยกไม่ได้"):
        ms.split_measure(demo_ctx, ids[1])


def test_merge_needs_two_of_one_year(demo_ctx):
    with pytest.raises(UserError, match="อย่างน้อย"):
        ms.merge_measures(demo_ctx, [1])


def test_proposals_from_the_analysis(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    proposals = mp.propose_measures(demo_ctx, office, 2566)
    codes = [p.items[0] for p in proposals if p.items]
    assert "i7" in codes and "o10" in codes and "i4" not in codes  # i4 = 100: maintain
    i7 = next(p for p in proposals if p.items == ("i7",))
    assert i7.category == "urgent" and i7.indicators == (2,) and i7.steps  # guideline as first step
    ids = mp.create_measures_from_analysis(demo_ctx, office, 2568, 2566)
    assert len(ids) == len(proposals)
    created = ms.measure_set_of_year(demo_ctx, office, 2568)
    assert created.based_on_year == 2566 and len(created.measures) == len(proposals)
    assert mp.create_measures_from_analysis(demo_ctx, office, 2568, 2566) == []  # items already covered are not proposed twice


def test_create_only_the_chosen_proposals(demo_ctx):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    proposals = mp.propose_measures(demo_ctx, office, 2566)
    chosen = {mp.proposal_key(p) for p in proposals[:2]}
    ids = mp.create_measures_from_analysis(demo_ctx, office, 2568, 2566, only=chosen)
    created = ms.measure_set_of_year(demo_ctx, office, 2568)
    assert len(ids) == 2 and {mp.proposal_key(m) for m in created.measures} == chosen


def test_division_choices(demo_ctx):
    assert "สำนักปลัด" in " ".join(ms.division_choices(demo_ctx, _id(demo_ctx, "อบต.ตะโกทอง")))
