"""Undoable score edits: each command writes its old or new value back through the services."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

INDICATOR, ITEM = "indicator", "item"


class ScoreWriter(Protocol):
    def apply_score(self, kind: str, office_id: int, year: int, key, value: float | None) -> bool: ...


class SetScoreCommand(QUndoCommand):
    """One hand-entered indicator or item score of one office-year.

    The edit is stored before the command is pushed (so a refused edit never reaches the
    stack); the first :meth:`redo`, which QUndoStack.push calls, therefore does nothing.
    """

    def __init__(self, writer: ScoreWriter, kind: str, office_id: int, year: int, key, old, new, label: str):
        super().__init__(f"แก้คะแนน{label}")
        self.writer, self.kind = writer, kind
        self.office_id, self.year, self.key = office_id, year, key
        self.old, self.new = old, new
        self._stored = True

    def redo(self) -> None:
        if self._stored:
            self._stored = False
            return
        self.writer.apply_score(self.kind, self.office_id, self.year, self.key, self.new)

    def undo(self) -> None:
        self.writer.apply_score(self.kind, self.office_id, self.year, self.key, self.old)
