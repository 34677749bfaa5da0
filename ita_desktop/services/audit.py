"""The audit log: who changed what, written in the same transaction as the change."""

from __future__ import annotations

import getpass
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ita_desktop.models import AuditEntry


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows service accounts
        return ""


def record(session: Session, action: str, entity: str = "", entity_id: int | None = None, **detail) -> None:
    """Add an audit entry to ``session`` (committed together with the change it describes)."""
    session.add(
        AuditEntry(
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail, ensure_ascii=False, default=str),
            user=_user(),
        )
    )


def recent(session: Session, limit: int = 100) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))
