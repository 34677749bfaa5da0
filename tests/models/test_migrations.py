"""Migrations: empty -> head, the first migration's database (with rows) -> head, models == head."""

import sqlite3

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from ita_desktop.models import Base
from ita_desktop.models.db import current_revision, head_revision, init_db, make_engine, upgrade


def test_empty_database_upgrades_to_head(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    tables = set(sa.inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    engine.dispose()


def test_models_match_the_migrations(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_first_migration_database_with_rows_upgrades_and_keeps_them(db_url):
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO fiscal_year (year, pass_line, note) VALUES (2566, 85, '')"))
        conn.execute(sa.text(
            "INSERT INTO office (name, kind, district, province, website, phone, memo_unit, memo_number_prefix,"
            " garuda_path, created_at) VALUES ('องค์การบริหารส่วนตำบลตะโกทอง', 'องค์การบริหารส่วนตำบล',"
            " 'ซับใหญ่', 'ชัยภูมิ', '', '', '', '', '', CURRENT_TIMESTAMP)"))
        conn.execute(sa.text(
            "INSERT INTO assessment (office_id, year, official_total, official_level, note)"
            " VALUES (1, 2566, 75.47, 'B', '')"))
    engine.dispose()
    database = init_db(db_url)
    assert current_revision(database.engine) == head_revision()
    with database.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT name FROM office")).scalar() == "องค์การบริหารส่วนตำบลตะโกทอง"
        assert conn.execute(sa.text("SELECT official_total FROM assessment")).scalar() == 75.47
        assert "measure_set" in sa.inspect(conn).get_table_names()
    database.dispose()


def test_start_up_backs_up_before_upgrading(tmp_path):
    import zipfile

    from ita_desktop.services.backups import list_backups
    from ita_desktop.services.context import open_app

    folder = tmp_path / "data"
    folder.mkdir()
    db_file = folder / "ita.sqlite3"
    engine = make_engine(f"sqlite:///{db_file}")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO setting (key, value) VALUES ('marker', 'kept')"))
    engine.dispose()
    open_app(folder, backup_on_start=False).close()
    copies = list_backups(folder / "backups")
    assert [c.reason for c in copies] == ["before-upgrade"] and copies[0].revision == "0001"
    with zipfile.ZipFile(copies[0].path) as z:
        (tmp_path / "copy.sqlite3").write_bytes(z.read("ita.sqlite3"))
    con = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert con.execute("SELECT value FROM setting WHERE key='marker'").fetchone() == ("kept",)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    con.close()


def test_head_constant_matches_the_migration_scripts():
    from ita_desktop.models.db import HEAD_REVISION

    assert HEAD_REVISION == head_revision()
