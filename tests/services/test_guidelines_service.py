"""Guidelines per office-year: suggestions, own texts, versions, audit, undo."""

import json

import pytest

from ita_desktop.core.guidelines import INDICATOR, ITEM, load_library
from ita_desktop.services import guidelines, offices, scores
from ita_desktop.services.errors import ConflictError, UserError


def _tako(ctx):
    return offices.find_office(ctx, "อบต.ตะโกทอง").id


def _detail(e) -> dict:
    """An audit entry's detail with its old and new values (kept in their own columns)."""
    detail = json.loads(e.detail or "{}")
    for key in ("old", "new"):
        value = getattr(e, key)
        if value:
            detail[key] = json.loads(value)
    return detail


def _audit(ctx):
    from ita_desktop.models import AuditEntry

    with ctx.db.session() as s:
        return [(e.action, _detail(e)) for e in s.query(AuditEntry).order_by(AuditEntry.id)]


def test_suggestions_imported_then_library(demo_ctx):
    oid = _tako(demo_ctx)
    views = guidelines.guidelines_for(demo_ctx, oid, 2566, [(ITEM, "i7"), (ITEM, "o1"), (INDICATOR, "10")])
    stored = scores.load_scores(demo_ctx, oid, 2566).guidelines
    assert views[(ITEM, "i7")].source == guidelines.IMPORTED and views[(ITEM, "i7")].text == stored["i7"]
    assert views[(ITEM, "o1")].source == guidelines.LIBRARY
    assert views[(ITEM, "o1")].text == load_library(2566).text(ITEM, "o1")
    assert views[(INDICATOR, "10")].text and views[(INDICATOR, "10")].id is None


def test_set_update_clear_restore(demo_ctx):
    oid = _tako(demo_ctx)
    v1 = guidelines.set_guideline(demo_ctx, oid, 2566, ITEM, "o1", "  เผยแพร่แผนผังโครงสร้างใหม่  ")
    assert (v1.text, v1.version, v1.source) == ("เผยแพร่แผนผังโครงสร้างใหม่", 1, guidelines.OWN)
    v2 = guidelines.set_guideline(demo_ctx, oid, 2566, ITEM, "o1", "ข้อความที่สอง", expected_version=1)
    assert v2.version == 2 and v2.id == v1.id
    assert guidelines.get_guideline(demo_ctx, oid, 2566, ITEM, "o1").text == "ข้อความที่สอง"
    with pytest.raises(ConflictError, match="ถูกแก้ไขโดยผู้ใช้อื่น"):
        guidelines.set_guideline(demo_ctx, oid, 2566, ITEM, "o1", "ช้าไป", expected_version=1)
    with pytest.raises(ConflictError):
        guidelines.clear_guideline(demo_ctx, oid, 2566, ITEM, "o1", expected_version=1)
    assert guidelines.snapshot_guideline(demo_ctx, v2.id)["text"] == "ข้อความที่สอง"
    snap = guidelines.clear_guideline(demo_ctx, oid, 2566, ITEM, "o1", expected_version=2)
    assert guidelines.get_guideline(demo_ctx, oid, 2566, ITEM, "o1").source == guidelines.LIBRARY
    restored = guidelines.restore_guideline(demo_ctx, snap)
    assert (restored.id, restored.version, restored.text) == (v2.id, 2, "ข้อความที่สอง")
    actions = [(a, d.get("old"), d.get("new")) for a, d in _audit(demo_ctx) if a.startswith("guideline.")]
    assert actions[0] == ("guideline.set", None, {"text": "เผยแพร่แผนผังโครงสร้างใหม่", "version": 1})
    assert actions[1][1] == {"text": "เผยแพร่แผนผังโครงสร้างใหม่", "version": 1}
    assert [a for a, _, _ in actions] == ["guideline.set", "guideline.set", "guideline.clear", "guideline.restore"]


@pytest.mark.parametrize("kind, key, text, message", [
    (ITEM, "o99", "x", "ไม่มีข้อคำถาม o99"),
    (INDICATOR, "11", "x", "ไม่มีตัวชี้วัดที่ 11"),
    ("tool", "IIT", "x", "ชนิดของแนวทางการพัฒนา"),
    (ITEM, "o1", "   ", "ว่างอยู่"),
    (ITEM, "o1", "ก" * 4001, "ยาวเกิน"),
])
def test_bad_input_changes_nothing(demo_ctx, kind, key, text, message):
    oid = _tako(demo_ctx)
    before = len(_audit(demo_ctx))
    with pytest.raises(UserError, match=message):
        guidelines.set_guideline(demo_ctx, oid, 2566, kind, key, text)
    assert len(_audit(demo_ctx)) == before


def test_last_years_own_text_is_offered_again(demo_ctx):
    oid = _tako(demo_ctx)
    guidelines.set_guideline(demo_ctx, oid, 2566, INDICATOR, "10", "แนวทางของเราปี ๒๕๖๖")
    view = guidelines.get_guideline(demo_ctx, oid, 2567, INDICATOR, "10")
    assert (view.text, view.source, view.from_year, view.id) == ("แนวทางของเราปี ๒๕๖๖", guidelines.PREVIOUS, 2566, None)
    # the imported 2566 text of i7 is suggested for 2567 too; another office gets the library's
    assert guidelines.get_guideline(demo_ctx, oid, 2567, ITEM, "i7").source == guidelines.PREVIOUS
    other = offices.find_office(demo_ctx, "อบต.แม่เจดีย์").id
    assert guidelines.get_guideline(demo_ctx, other, 2567, INDICATOR, "10").source == guidelines.LIBRARY


def test_set_clear_restore_on_sqlite_and_postgresql(db_url, tmp_path):
    from ita_desktop.services.context import open_app

    ctx = open_app(tmp_path / "data", db_url)
    try:
        oid = offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลตะโกทอง",
                                                             kind="องค์การบริหารส่วนตำบล")).id
        v1 = guidelines.set_guideline(ctx, oid, 2567, INDICATOR, "9", "เผยแพร่ข้อมูลให้ครบ")
        snap = guidelines.clear_guideline(ctx, oid, 2567, INDICATOR, "9", expected_version=1)
        assert guidelines.restore_guideline(ctx, snap).id == v1.id
        v2 = guidelines.set_guideline(ctx, oid, 2567, ITEM, "o1", "ข้อใหม่")  # the id sequence still works
        assert v2.id != v1.id and guidelines.get_guideline(ctx, oid, 2567, INDICATOR, "9").version == 1
    finally:
        ctx.close()
