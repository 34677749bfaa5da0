"""Opening the application's data: paths, database, bundled catalogs, logging."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ita_desktop import paths
from ita_desktop.models.db import Database, init_db

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What every service call needs: the open database and the data folder."""

    db: Database
    data_dir: Path

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "ita-desktop.log"

    def close(self) -> None:
        self.db.dispose()


def setup_logging(log_file: Path) -> None:
    """Log to a file in the data folder; tracebacks go there, never to the user."""
    root = logging.getLogger()
    if any(getattr(h, "ita_file", None) == str(log_file) for h in root.handlers):
        return
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.ita_file = str(log_file)  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_app(data_dir: str | Path | None = None, db_url: str | None = None,
             backup_on_start: bool = True) -> AppContext:
    """Resolve the data folder and database, back up and upgrade it, load bundled catalogs.

    The GUI backs the database up at every start; ``ita-cli`` (``backup_on_start=False``) only
    before an upgrade and before commands that write.
    """
    from ita_desktop.services import criteria  # local: keeps start-up imports small

    folder = paths.data_dir(data_dir)
    setup_logging(folder / "ita-desktop.log")
    url = paths.db_url(folder, db_url)
    db = init_db(url, backup_dir=folder / "backups", backup_on_start=backup_on_start)
    ctx = AppContext(db=db, data_dir=folder)
    ctx.attachments_dir.mkdir(exist_ok=True)
    criteria.sync_bundled_criteria(ctx)
    return ctx
