"""One undo history for the whole application, below the screens (Anki's undo_status/undo/redo).

A step is a pair of plain functions of the context: ``undo(ctx)`` puts the data back as it was
before the change, ``redo(ctx)`` makes the change again. Both go through the services, so they
are transactional, audited and version-checked like any other change: an undo over a row that
someone else changed meanwhile is refused (ConflictError) and the step stays where it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .changes import Changes

MAX_STEPS = 100


@dataclass
class Step:
    label: str  # Thai, names what it undoes: "แก้คะแนนตัวชี้วัดที่ 1"
    undo: Callable[[Any], Any]
    redo: Callable[[Any], Any]
    changes: Changes


@dataclass(frozen=True)
class UndoStatus:
    undo_label: str | None
    redo_label: str | None


class UndoHistory:
    """Done steps and undone steps; a new step forgets what was undone."""

    def __init__(self, limit: int = MAX_STEPS):
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self.limit = limit

    def push(self, step: Step) -> None:
        self._done.append(step)
        del self._done[:-self.limit]
        self._undone.clear()

    def status(self) -> UndoStatus:
        return UndoStatus(self._done[-1].label if self._done else None,
                          self._undone[-1].label if self._undone else None)

    def undo(self, ctx) -> Step:
        """Undo the newest step; on error the step stays done and the error propagates."""
        if not self._done:
            raise IndexError("nothing to undo")
        step = self._done[-1]
        step.undo(ctx)
        self._undone.append(self._done.pop())
        return step

    def redo(self, ctx) -> Step:
        if not self._undone:
            raise IndexError("nothing to redo")
        step = self._undone[-1]
        step.redo(ctx)
        self._done.append(self._undone.pop())
        return step

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()


def value_step(label: str, write: Callable[[Any, Any, int | None], int], old, new, version: int,
               changes: Changes) -> Step:
    """A step for one value written by ``write(ctx, value, expected_version) -> new version``.

    The version moves with every undo and redo, so each of them is refused (ConflictError)
    when someone else changed the value in between.
    """
    state = {"version": version}

    def undo(ctx) -> None:
        state["version"] = write(ctx, old, state["version"])

    def redo(ctx) -> None:
        state["version"] = write(ctx, new, state["version"])

    return Step(label, undo, redo, changes)


def deletion_step(label: str, delete: Callable[[Any], Any], restore: Callable[[Any, Any], Any],
                  snapshot, changes: Changes) -> Step:
    """A step for a deletion: ``delete(ctx)`` returns what it removed, ``restore(ctx, that)`` puts it back."""
    state = {"snapshot": snapshot}

    def undo(ctx) -> None:
        restore(ctx, state["snapshot"])

    def redo(ctx) -> None:
        state["snapshot"] = delete(ctx)

    return Step(label, undo, redo, changes)
