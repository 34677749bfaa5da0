"""Safe first start: a half-made empty database is made again; PCs starting together on PostgreSQL."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from ita_desktop.dbschema import HEAD_REVISION
from ita_desktop.models.db import current_revision, init_db, make_engine
from ita_desktop.services.errors import UserError


def test_half_made_empty_database_is_made_again(data_dir):
    from ita_desktop.services.context import open_app

    data_dir.mkdir(parents=True)
    con = sqlite3.connect(data_dir / "ita.sqlite3")
    con.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY)")  # what an old version left after a kill
    con.execute("CREATE TABLE office (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    ctx = open_app(data_dir)
    ctx.close()
    con = sqlite3.connect(data_dir / "ita.sqlite3")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    assert "person" in [r[1] for r in con.execute("PRAGMA table_info(audit_log)")]
    con.close()


def test_tables_with_rows_but_no_version_are_left_alone(data_dir):
    from ita_desktop.services.context import open_app

    data_dir.mkdir(parents=True)
    con = sqlite3.connect(data_dir / "ita.sqlite3")
    con.execute("CREATE TABLE office (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO office (name) VALUES ('ข้อมูลของใครบางคน')")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="ไม่ใช่ฐานข้อมูลของ ITA Desktop"):
        open_app(data_dir)
    con = sqlite3.connect(data_dir / "ita.sqlite3")
    assert con.execute("SELECT name FROM office").fetchall() == [("ข้อมูลของใครบางคน",)]
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["office"]
    con.close()


def test_a_failing_migration_leaves_the_old_schema(tmp_path, monkeypatch):
    """Every migration of one upgrade commits together: a failure in the last leaves 0001 as it was."""
    from ita_desktop.models import db as dbmod

    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    engine = make_engine(url)
    dbmod.upgrade(engine, "0001")
    real = dbmod.known_revisions

    from alembic import command

    def broken_upgrade(cfg, revision):
        real_upgrade(cfg, "0003")
        raise RuntimeError("power cut")

    real_upgrade = command.upgrade
    monkeypatch.setattr(command, "upgrade", broken_upgrade)
    with pytest.raises(RuntimeError):
        dbmod.upgrade(engine)
    monkeypatch.undo()
    assert current_revision(engine) == "0001"
    assert "measure_set" not in sa.inspect(engine).get_table_names()
    assert real()
    engine.dispose()


@pytest.mark.postgres
def test_pcs_starting_together_on_an_empty_postgresql_database(pg_server):
    url = pg_server.create_database("ita_together")

    def start(_):
        database = init_db(url)
        revision = current_revision(database.engine)
        database.dispose()
        return revision

    with ThreadPoolExecutor(4) as pool:
        revisions = list(pool.map(start, range(4)))
    assert revisions == [HEAD_REVISION] * 4
