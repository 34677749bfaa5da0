"""Settings in one place: each has a type, a default and where it applies.

- the pass line (เกณฑ์ผ่าน) of an office and year: the office-year's own, else the office's,
  else the year's catalog (ตั้งค่า → เกณฑ์การประเมิน), else core.criteria.DEFAULT_PASS_LINE;
- Thai or Arabic digits per document kind;
- the Garuda image of memos (the office profile's, else the program-wide one);
- the signatories live in the office profile (offices.save_office) and are read from there.

Reads are plain SQL on any reader (the read-only ita-cli context too); writes are audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.core.criteria import DEFAULT_PASS_LINE

from .errors import UserError

THAI, ARABIC = "thai", "arabic"
DOCUMENT_KINDS = {"memo": "บันทึกข้อความ", "report": "รายงาน (PDF)", "excel": "ตาราง Excel"}
DIGITS_DEFAULT = {"memo": THAI, "report": THAI, "excel": ARABIC}
GARUDA_IMAGE = "garuda_image"


@dataclass(frozen=True)
class PassLine:
    value: float
    source: str  # "office_year" | "office" | "catalog" | "default"

    def describe(self, year: int) -> str:
        where = {"office_year": f"ตั้งไว้สำหรับหน่วยงานนี้ ปีงบประมาณ พ.ศ.\u00a0{year}",
                 "office": "ตั้งไว้สำหรับหน่วยงานนี้",
                 "catalog": f"ตามเกณฑ์ปีงบประมาณ พ.ศ.\u00a0{year}",
                 "default": "ค่าเริ่มต้น"}[self.source]
        return f"เกณฑ์ผ่าน: ร้อยละ\u00a0{self.value:g} ({where})"


def pass_line_key(office_id: int, year: int | None = None) -> str:
    return f"pass_line/{office_id}" if year is None else f"pass_line/{office_id}/{year}"


def digits_key(kind: str) -> str:
    return f"digits/{kind}"


def _values(r, *keys: str) -> dict[str, str]:
    params = {f"k{n}": key for n, key in enumerate(keys)}
    marks = ", ".join(f":{name}" for name in params)
    return {row["key"]: row["value"] for row in r.rows(f"SELECT key, value FROM setting WHERE key IN ({marks})", **params)}


def read_pass_line(r, office_id: int | None, year: int) -> PassLine:
    """The pass line of ``office_id`` in ``year`` (see the module's order) on a reader."""
    if office_id is not None:
        found = _values(r, pass_line_key(office_id, year), pass_line_key(office_id))
        for key, source in ((pass_line_key(office_id, year), "office_year"), (pass_line_key(office_id), "office")):
            if found.get(key):
                return PassLine(float(found[key]), source)
    catalog = r.rows("SELECT pass_line FROM fiscal_year WHERE year = :year", year=year)
    if catalog and catalog[0]["pass_line"] is not None:
        return PassLine(float(catalog[0]["pass_line"]), "catalog")
    return PassLine(DEFAULT_PASS_LINE, "default")


def pass_line(ctx, office_id: int | None, year: int) -> PassLine:
    with ctx.reader() as r:
        return read_pass_line(r, office_id, year)


def digits(ctx, kind: str) -> str:
    """THAI or ARABIC digits for documents of ``kind`` (memo, report, excel)."""
    with ctx.reader() as r:
        value = _values(r, digits_key(kind)).get(digits_key(kind))
    return value if value in (THAI, ARABIC) else DIGITS_DEFAULT.get(kind, THAI)


def garuda_image(ctx, office_id: int | None) -> str:
    """The Garuda image file of the office's memos, else the program-wide one ('' for none)."""
    with ctx.reader() as r:
        if office_id is not None:
            own = r.rows("SELECT garuda_path FROM office WHERE id = :id", id=office_id)
            if own and own[0]["garuda_path"]:
                return own[0]["garuda_path"]
        return _values(r, GARUDA_IMAGE).get(GARUDA_IMAGE, "")


def get_raw(ctx, key: str) -> str | None:
    with ctx.reader() as r:
        return _values(r, key).get(key)


def set_pass_line(ctx, office_id: int, year: int | None, value: float | None) -> str | None:
    """Set (or with None clear) the pass line of an office-year, or of the office for every year.

    Returns the previous stored text (None when there was none), which an undo writes back.
    """
    if value is not None and not 0 < float(value) <= 100:
        raise UserError(f"เกณฑ์ผ่าน {value} ใช้ไม่ได้ ต้องมากกว่า 0 และไม่เกิน 100")
    return set_raw(ctx, pass_line_key(office_id, year), None if value is None else f"{float(value):g}",
                   office_id=office_id, year=year)


def set_digits(ctx, kind: str, value: str) -> str | None:
    if kind not in DOCUMENT_KINDS or value not in (THAI, ARABIC):
        raise UserError(f"ตั้งค่าตัวเลขของ '{kind}' เป็น '{value}' ไม่ได้")
    return set_raw(ctx, digits_key(kind), value)


def set_raw(ctx, key: str, value: str | None, office_id: int | None = None, year: int | None = None) -> str | None:
    """Store one setting (None deletes it) in one audited transaction; returns the old value."""
    from ita_desktop.models import Setting

    from . import audit

    with ctx.db.session() as s:
        row = s.get(Setting, key)
        old = None if row is None else row.value
        if value is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
        audit.record(s, "setting", "setting", None, key=key, office_id=office_id, year=year, old=old, new=value)
        return old


def set_many(ctx, values: dict[str, str | None], office_id: int | None = None) -> dict[str, str | None]:
    """Store several settings in one transaction (None deletes one); returns their old values.

    Pass lines and digit choices are checked first: nothing is stored when one is wrong.
    """
    from ita_desktop.models import Setting

    from . import audit

    for key, value in values.items():
        if key.startswith("pass_line/") and value is not None:
            try:
                ok = 0 < float(value) <= 100
            except ValueError:
                ok = False
            if not ok:
                raise UserError(f"เกณฑ์ผ่าน {value} ใช้ไม่ได้ ต้องมากกว่า 0 และไม่เกิน 100")
        if key.startswith("digits/") and value not in (None, THAI, ARABIC):
            raise UserError(f"ตั้งค่าตัวเลข '{value}' ไม่ได้ ต้องเป็นเลขไทยหรือเลขอารบิก")
    old: dict[str, str | None] = {}
    with ctx.db.session() as s:
        for key, value in values.items():
            row = s.get(Setting, key)
            old[key] = None if row is None else row.value
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
        audit.record(s, "settings", "setting", None, office_id=office_id, old=old, new=values)
    return old


def parse_pass_line(text: str | float) -> float:
    """A pass line from the clerk's text, 0-100; a Thai message otherwise."""
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise UserError(f"เกณฑ์ผ่าน '{text}' ไม่ใช่ตัวเลข (ใส่คะแนน 0-100)") from None
    if not 0 < value <= 100:
        raise UserError(f"เกณฑ์ผ่าน {value:g} ใช้ไม่ได้ ต้องมากกว่า 0 และไม่เกิน 100")
    return value


def garuda_print_size_cm(width_px: int, height_px: int) -> tuple[float, float]:
    """Width and height (cm) the memo prints a Garuda image of this pixel size at (fitted in its square)."""
    from ita_desktop.documents.memo import GARUDA_HEIGHT

    side = GARUDA_HEIGHT / 28.3464567  # points per cm
    if width_px <= 0 or height_px <= 0:
        return 0.0, 0.0
    scale = side / max(width_px, height_px)
    return round(width_px * scale, 2), round(height_px * scale, 2)


def garuda_problem(path: str) -> str | None:
    """Why the memo could not print this Garuda image (Thai), or None."""
    from ita_desktop.documents.memo import garuda_problem as problem

    return problem(path)
