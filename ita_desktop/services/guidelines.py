"""Development guidelines (แนวทางการพัฒนา) per office, year, indicator and item.

What the clerk wrote for an office-year is stored (table ``guideline``); for everything else a
text is suggested: the office's own text of that year as imported with the scores (item_score),
else the text the office wrote in its latest earlier year, else the library's
(resources/forms/guidelines_YYYY.json). Writes follow the shared conventions: one transaction,
validation first, an audit entry with the old and new values, ``expected_version`` against lost
updates, and snapshot/restore so that a clear can be undone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ita_desktop.core.guidelines import INDICATOR, ITEM, KINDS, load_library

from . import queries
from .errors import CONFLICT_TEXT, ConflictError, UserError

OWN, IMPORTED, PREVIOUS, LIBRARY = "own", "imported", "previous", "library"
SOURCE_TITLES = {OWN: "หน่วยงานเขียนเอง", IMPORTED: "จากแฟ้มคะแนน", PREVIOUS: "จากปีก่อน", LIBRARY: "แนวทางตั้งต้น"}
CONFLICT_MESSAGE = CONFLICT_TEXT  # the one wording of services.errors
MAX_LENGTH = 4000


@dataclass(frozen=True)
class GuidelineView:
    """The guideline shown for one indicator or item; ``id``/``version`` only for a stored own text."""

    office_id: int
    year: int
    kind: str
    key: str
    text: str
    source: str  # OWN, IMPORTED, PREVIOUS, LIBRARY, or "" when there is no text at all
    id: int | None = None
    version: int | None = None
    from_year: int | None = None  # the year a PREVIOUS text was written in


def _label(kind: str, key: str) -> str:
    return f"ตัวชี้วัดที่ {key}" if kind == INDICATOR else f"ข้อ {key}"


def _own_rows(r, office_id: int, year: int | None = None) -> list[dict]:
    where = "" if year is None else " AND year = :year"
    return r.rows("SELECT id, year, kind, key, text, version FROM guideline WHERE office_id = :office_id"
                  f"{where} ORDER BY year", office_id=office_id, **({} if year is None else {"year": year}))


def _imported(r, office_id: int) -> dict[tuple[int, str], str]:
    """Item guidelines stored with the scores (sample data, imported sheets) by (year, code)."""
    rows = r.rows("SELECT a.year, c.code, s.guideline FROM item_score s JOIN assessment a ON a.id = s.assessment_id "
                  "JOIN criteria_item c ON c.id = s.item_id WHERE a.office_id = :office_id", office_id=office_id)
    return {(x["year"], x["code"]): x["guideline"] for x in rows if (x["guideline"] or "").strip()}


def guidelines_for(ctx, office_id: int, year: int, keys: list[tuple[str, str]]) -> dict[tuple[str, str], GuidelineView]:
    """The guideline of every (kind, key) in ``keys`` for the office-year, own text first."""
    with ctx.reader() as r:
        own = _own_rows(r, office_id)
        imported = _imported(r, office_id)
    library = load_library(year)
    this_year = {(x["kind"], x["key"]): x for x in own if x["year"] == year}
    earlier: dict[tuple[str, str], tuple[int, str]] = {}
    for (y, code), text in sorted(imported.items()):
        if y < year:
            earlier[(ITEM, code)] = (y, text)
    for x in own:  # ordered by year: the latest earlier year wins, own text over imported
        if x["year"] < year and (earlier.get((x["kind"], x["key"])) or (0,))[0] <= x["year"]:
            earlier[(x["kind"], x["key"])] = (x["year"], x["text"])
    views = {}
    for kind, key in keys:
        row = this_year.get((kind, key))
        if row is not None:
            views[(kind, key)] = GuidelineView(office_id, year, kind, key, row["text"], OWN, row["id"], row["version"])
        elif kind == ITEM and (year, key) in imported:
            views[(kind, key)] = GuidelineView(office_id, year, kind, key, imported[(year, key)], IMPORTED)
        elif (kind, key) in earlier:
            y, text = earlier[(kind, key)]
            views[(kind, key)] = GuidelineView(office_id, year, kind, key, text, PREVIOUS, from_year=y)
        else:
            text = library.text(kind, key)
            views[(kind, key)] = GuidelineView(office_id, year, kind, key, text, LIBRARY if text else "")
    return views


def get_guideline(ctx, office_id: int, year: int, kind: str, key: str) -> GuidelineView:
    _check_kind(kind)
    return guidelines_for(ctx, office_id, year, [(kind, str(key))])[(kind, str(key))]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UserError(f"ชนิดของแนวทางการพัฒนา '{kind}' ไม่ถูกต้อง (มีได้: indicator, item)")


def _validate(ctx, office_id: int, year: int, kind: str, key: str) -> None:
    _check_kind(kind)
    queries.get_office(ctx, office_id)
    catalog = queries.get_criteria(ctx, year)
    if kind == ITEM and catalog.item(key) is None:
        raise UserError(f"ปีงบประมาณ {year} ไม่มีข้อคำถาม {key}")
    if kind == INDICATOR and key not in {str(i.number) for i in catalog.indicators}:
        raise UserError(f"ปีงบประมาณ {year} ไม่มีตัวชี้วัดที่ {key}")


def _find(s, office_id: int, year: int, kind: str, key: str):
    from sqlalchemy import select

    from ita_desktop.models import Guideline

    return s.scalar(select(Guideline).where(Guideline.office_id == office_id, Guideline.year == year,
                                            Guideline.kind == kind, Guideline.key == key))


def _check_version(row, expected_version: int | None) -> None:
    if expected_version is None:
        return
    if (row.version if row is not None else None) != expected_version:
        raise ConflictError(CONFLICT_MESSAGE)


def set_guideline(ctx, office_id: int, year: int, kind: str, key: str, text: str,
                  expected_version: int | None = None) -> GuidelineView:
    """Store the office's own guideline text; returns it with its new version."""
    from ita_desktop.models import Guideline

    from . import audit

    key = str(key).strip()
    _validate(ctx, office_id, year, kind, key)
    clean = (text or "").strip()
    if not clean:
        raise UserError(f"แนวทางการพัฒนาของ{_label(kind, key)} ว่างอยู่ (ถ้าต้องการใช้ข้อความที่ระบบเสนอ ให้ล้างแทน)")
    if len(clean) > MAX_LENGTH:
        raise UserError(f"แนวทางการพัฒนาของ{_label(kind, key)} ยาวเกิน {MAX_LENGTH} ตัวอักษร")
    with ctx.db.session() as s:
        row = _find(s, office_id, year, kind, key)
        _check_version(row, expected_version)
        old = None if row is None else {"text": row.text, "version": row.version}
        if row is None:
            row = Guideline(office_id=office_id, year=year, kind=kind, key=key, text=clean, version=1)
            s.add(row)
        else:
            row.text, row.version = clean, row.version + 1
        s.flush()
        audit.record(s, "guideline.set", "guideline", row.id, office_id=office_id, year=year, kind=kind, key=key,
                     old=old, new={"text": clean, "version": row.version})
        return GuidelineView(office_id, year, kind, key, clean, OWN, row.id, row.version)


def clear_guideline(ctx, office_id: int, year: int, kind: str, key: str,
                    expected_version: int | None = None) -> dict | None:
    """Remove the office's own text (the suggestion shows again); returns its snapshot, None if there was none."""
    from . import audit

    key = str(key).strip()
    _check_kind(kind)
    with ctx.db.session() as s:
        row = _find(s, office_id, year, kind, key)
        _check_version(row, expected_version)
        if row is None:
            return None
        snapshot = _snapshot(row)
        s.delete(row)
        audit.record(s, "guideline.clear", "guideline", row.id, office_id=office_id, year=year, kind=kind, key=key,
                     old={"text": row.text, "version": row.version}, new=None)
        return snapshot


def _snapshot(row) -> dict:
    return {"id": row.id, "office_id": row.office_id, "year": row.year, "kind": row.kind, "key": row.key,
            "text": row.text, "version": row.version}


def snapshot_guideline(ctx, guideline_id: int) -> dict:
    """Plain data of one stored guideline (for undoing its deletion)."""
    from ita_desktop.models import Guideline

    with ctx.db.session() as s:
        row = s.get(Guideline, guideline_id)
        if row is None:
            raise UserError(f"ไม่พบแนวทางการพัฒนารหัส {guideline_id}")
        return _snapshot(row)


def restore_guideline(ctx, snapshot: dict) -> GuidelineView:
    """Re-insert a cleared guideline exactly (same id and version)."""
    from ita_desktop.models import Guideline

    from . import audit

    with ctx.db.session() as s:
        if s.get(Guideline, snapshot["id"]) is not None or _find(
                s, snapshot["office_id"], snapshot["year"], snapshot["kind"], snapshot["key"]) is not None:
            raise ConflictError(CONFLICT_MESSAGE)
        row = Guideline(**{k: snapshot[k] for k in ("id", "office_id", "year", "kind", "key", "text", "version")})
        s.add(row)
        s.flush()
        audit.record(s, "guideline.restore", "guideline", row.id, old=None, new=dict(snapshot))
        return GuidelineView(row.office_id, row.year, row.kind, row.key, row.text, OWN, row.id, row.version)


def as_dict(view: GuidelineView) -> dict:
    return asdict(view)
