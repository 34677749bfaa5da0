"""Small key/value settings on the ``setting`` table (until typed settings replace them).

Keys in use: ``pass_line:<office_id>`` (an office's pass line, a number as text) and
``garuda_image`` (the path of the Garuda image memos print, for new offices)."""

from __future__ import annotations

from ita_desktop.models.records import Setting

from . import audit
from .errors import UserError

GARUDA_IMAGE = "garuda_image"


def pass_line_key(office_id: int) -> str:
    return f"pass_line:{office_id}"


def get_setting(ctx, key: str, default: str | None = None) -> str | None:
    """The stored text of ``key``, else ``default``."""
    with ctx.db.session() as s:
        row = s.get(Setting, key)
        return row.value if row is not None else default


def set_setting(ctx, key: str, value: str) -> str | None:
    """Store ``value`` under ``key``; return the old value (None when there was none), for undo."""
    if not key or len(key) > 100:
        raise UserError(f"ชื่อค่าตั้ง '{key[:40]}' ไม่ถูกต้อง (ต้องมี 1-100 ตัวอักษร)")
    with ctx.db.session() as s:
        row = s.get(Setting, key)
        old = row.value if row is not None else None
        if row is None:
            s.add(Setting(key=key, value=str(value)))
        else:
            row.value = str(value)
        audit.record(s, "setting.set", "setting", None, key=key, old=old, new=str(value))
        return old


def parse_pass_line(text: str | float) -> float:
    """A pass line from the clerk's text, 0-100; a Thai message otherwise."""
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise UserError(f"เกณฑ์ผ่าน '{text}' ไม่ใช่ตัวเลข (ใส่คะแนน 0-100)") from None
    if not 0 <= value <= 100:
        raise UserError(f"เกณฑ์ผ่าน {value:g} อยู่นอกช่วง 0-100")
    return value


def set_pass_line(ctx, office_id: int, value: str | float) -> float:
    """Store an office's pass line (validated first); return the stored number."""
    number = parse_pass_line(value)
    set_setting(ctx, pass_line_key(office_id), f"{number:g}")
    return number


def get_pass_line(ctx, office_id: int, default: float) -> float:
    """An office's pass line, else ``default`` (the catalog's)."""
    text = get_setting(ctx, pass_line_key(office_id))
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


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
