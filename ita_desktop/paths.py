"""Where things are: bundled resources and the per-user data folder. Resolved once."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "ITA Desktop"
DATA_DIR_ENV = "ITA_DESKTOP_DATA_DIR"
DB_URL_ENV = "ITA_DESKTOP_DB_URL"


@cache
def resources_dir() -> Path:
    """The ``resources/`` folder: inside the frozen bundle, else beside the package."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


TEMPLATE_DB = ("template", "ita.sqlite3")  # an empty database at the head schema with the bundled catalogs


def database_template() -> Path | None:
    """The empty database the bundle carries (made at build time, installer/ita_desktop.spec):
    a first start copies it instead of creating the schema and loading the catalogs. None from source."""
    path = resource_path(*TEMPLATE_DB)
    return path if path.is_file() else None


def fonts_dir() -> Path:
    return resource_path("fonts")


def forms_dir() -> Path:
    return resource_path("forms")


def bundled_criteria_years() -> set[int]:
    """The years of the bundled catalogs, resources/forms/criteria_YYYY.json."""
    years = set()
    for path in forms_dir().glob("criteria_*.json"):
        suffix = path.stem.removeprefix("criteria_")
        if suffix.isdigit():
            years.add(int(suffix))
    return years


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The data folder: ``--data-dir``, else $ITA_DESKTOP_DATA_DIR, else the per-user folder."""
    chosen = override or os.environ.get(DATA_DIR_ENV) or default_data_dir()
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def db_url(data: Path, override: str | None = None) -> str:
    """The database URL: ``--db-url``, else $ITA_DESKTOP_DB_URL, else SQLite in the data folder."""
    url = override or os.environ.get(DB_URL_ENV)
    if url:
        return url
    return f"sqlite:///{(data / 'ita.sqlite3').as_posix()}"
