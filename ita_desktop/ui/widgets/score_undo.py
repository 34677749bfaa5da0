"""One hand-entered score as an undoable change (Qt-free; the operations helper runs it)."""

from __future__ import annotations

from dataclasses import dataclass

from ita_desktop.services.changes import SCORES, Changes
from ita_desktop.services.undo import Step, value_step

INDICATOR, ITEM = "indicator", "item"


@dataclass(frozen=True)
class ScoreEdit:
    """Indicator ``number`` or item ``code`` of one office-year goes from ``old`` to ``new``."""

    office_id: int
    year: int
    kind: str
    key: object
    old: float | None
    new: float | None

    @property
    def label(self) -> str:
        what = f"ตัวชี้วัดที่ {self.key}" if self.kind == INDICATOR else f"ข้อคำถาม {self.key}"
        return f"แก้คะแนน{what}"

    @property
    def changes(self) -> Changes:
        return Changes.of(SCORES, office_id=self.office_id, year=self.year)

    def write(self, ctx, value: float | None, expected_version: int | None) -> int:
        ctx.db  # noqa: B018  (a quick start: waits for the opening thread, which imports the write side)
        from ita_desktop.services import scores  # the ORM write side: not imported to show the window

        setter = scores.set_indicator_score if self.kind == INDICATOR else scores.set_item_score
        return setter(ctx, self.office_id, self.year, self.key, value, expected_version)

    def step(self, version: int) -> Step:
        return value_step(self.label, self.write, self.old, self.new, version, self.changes)
