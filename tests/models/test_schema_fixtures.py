"""Every released schema (tests/fixtures/schema_<rev>.sqlite3, with rows) upgrades to head keeping its rows."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ita_desktop.dbschema import HEAD_REVISION
from tests.fixtures.make_schema_fixtures import RELEASED

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _rows(path: Path) -> dict[str, dict[tuple, dict]]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    out = {}
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        if table == "alembic_version":
            continue
        pk = [r["name"] for r in con.execute(f'PRAGMA table_info("{table}")') if r["pk"]]
        out[table] = {tuple(row[k] for k in pk): dict(row) for row in con.execute(f'SELECT * FROM "{table}"')}
    con.close()
    return out


@pytest.mark.parametrize("revision", RELEASED)
def test_released_schema_upgrades_to_head_with_rows_kept(revision, tmp_path):
    from ita_desktop.services.backups import list_backups
    from ita_desktop.services.context import open_app

    fixture = FIXTURES / f"schema_{revision}.sqlite3"
    folder = tmp_path / "data"
    folder.mkdir()
    db_file = folder / "ita.sqlite3"
    shutil.copy(fixture, db_file)
    before = _rows(fixture)
    assert sum(len(r) for r in before.values()) >= 45
    open_app(folder, backup_on_start=False).close()
    con = sqlite3.connect(db_file)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    after = _rows(db_file)
    for table, rows in before.items():
        for key, row in rows.items():
            assert key in after[table], f"{table} {key} lost in the upgrade from {revision}"
            kept = {k: after[table][key][k] for k in row}
            assert kept == row, f"{table} {key} changed in the upgrade from {revision}"
    assert [b.reason for b in list_backups(folder / "backups")] == ["before-upgrade"]


def test_fixture_script_makes_the_committed_files(tmp_path):
    """The committed fixtures are what the script makes (same tables and rows)."""
    from tests.fixtures.make_schema_fixtures import make

    counts = make("0001", tmp_path / "again.sqlite3")
    assert {t: len(r) for t, r in _rows(FIXTURES / "schema_0001.sqlite3").items()} == counts
