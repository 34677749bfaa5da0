"""Every committed write transaction adds one to ``change_counter.n``.

Another window (another copy of the program, ``ita-cli``, another PC on PostgreSQL) polls the
number and redraws when it moved. Registered once on the Session class, so every session of
every engine counts, whatever service made the change.
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.orm import Session

_WROTE = "ita_wrote"
BUMP = text("UPDATE change_counter SET n = n + 1 WHERE id = 1")


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    session.info[_WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.info.get(_WROTE):
        session.flush()
        session.execute(BUMP)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _reset(session: Session) -> None:
    session.info.pop(_WROTE, None)
