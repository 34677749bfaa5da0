"""Errors that carry a Thai message meant for the user."""


class UserError(Exception):
    """Bad input or a refused action. ``str(error)`` is a Thai message that says where and what."""


class ConflictError(UserError):
    """Someone else changed the row meanwhile; the screen should reload."""


CONFLICT_TEXT = "ข้อมูลนี้ถูกแก้ไขโดยผู้ใช้อื่นหรือโปรแกรมอื่นระหว่างนั้น จึงไม่ได้บันทึกทับ"


def check_version(row, expected: int | None, what: str = "") -> None:
    """Refuse to write over ``row`` when its version is not the one the clerk saw.

    ``expected`` None skips the check (a change not made from a screen); 0 means the clerk saw
    no row at all, so any row present now was added by someone else.
    """
    if expected is None:
        return
    present = 0 if row is None else row.version
    if present != expected:
        raise ConflictError(f"{what}: {CONFLICT_TEXT}" if what else CONFLICT_TEXT)


def bump(row) -> None:
    """Count one more change of ``row`` (see :func:`check_version`)."""
    row.version = (row.version or 1) + 1
