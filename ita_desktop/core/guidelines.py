"""The guidelines library (แนวทางการพัฒนา): a suggested development guideline for every
indicator and item of a catalog year, from resources/forms/guidelines_YYYY.json.

The library only suggests: an office's own text (stored per office and year) wins, and the
text it wrote last year is suggested before the library's (see services.guidelines).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

LIBRARY_FILE_PATTERN = "guidelines_{year}.json"
INDICATOR, ITEM = "indicator", "item"
KINDS = (INDICATOR, ITEM)


@dataclass(frozen=True)
class GuidelineLibrary:
    year: int  # the library year actually used (the nearest one when the year has none)
    indicators: dict[str, str] = field(default_factory=dict)  # "10" -> text
    items: dict[str, str] = field(default_factory=dict)  # "o10" -> text

    def text(self, kind: str, key: str) -> str:
        table = self.indicators if kind == INDICATOR else self.items
        return table.get(str(key), "")


def library_from_dict(data: dict) -> GuidelineLibrary:
    return GuidelineLibrary(int(data["year"]), {str(k): v for k, v in data.get("indicators", {}).items()},
                            dict(data.get("items", {})))


def library_years(directory: Path | None = None) -> tuple[int, ...]:
    folder = Path(directory) if directory is not None else _forms_dir()
    stems = (p.stem.removeprefix("guidelines_") for p in folder.glob(LIBRARY_FILE_PATTERN.format(year="*")))
    return tuple(sorted(int(s) for s in stems if s.isdigit()))


def load_library(year: int, directory: Path | None = None) -> GuidelineLibrary:
    """The library of ``year``, else of the nearest earlier year, else the nearest one; empty without any."""
    folder = Path(directory) if directory is not None else _forms_dir()
    years = library_years(folder)
    if not years:
        return GuidelineLibrary(year)
    earlier = [y for y in years if y <= year]
    chosen = max(earlier) if earlier else min(years)
    path = folder / LIBRARY_FILE_PATTERN.format(year=chosen)
    return library_from_dict(json.loads(path.read_text(encoding="utf-8")))


def _forms_dir() -> Path:
    from ita_desktop.paths import forms_dir

    return forms_dir()
