"""Recently used files (imported score sheets) for แฟ้ม → ไฟล์ที่ใช้ล่าสุด.

Kept per user and computer in ``recent-files.json`` in the data folder (not in the database:
with a shared PostgreSQL database each clerk has their own list)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)
MAX_FILES = 8


class RecentFiles:
    def __init__(self, store: Path, limit: int = MAX_FILES):
        self.store = Path(store)
        self.limit = limit

    def paths(self) -> list[str]:
        """Newest first; files that no longer exist are left out."""
        try:
            data = json.loads(self.store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [p for p in data if isinstance(p, str) and Path(p).is_file()][: self.limit]

    def add(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        self._write([text] + [p for p in self.paths() if p != text])

    def clear(self) -> None:
        self._write([])

    def _write(self, paths: list[str]) -> None:
        try:
            self.store.write_text(json.dumps(paths[: self.limit], ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError:  # a read-only data folder: the list is a convenience, never an error
            log.warning("cannot write %s", self.store, exc_info=True)
