"""The read side (services.queries): one SQL text on SQLite, PostgreSQL and the stdlib-sqlite3
context that read-only ita-cli commands use without importing SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from ita_desktop.services import memos, queries
from ita_desktop.services.context import ReadOnlyContext, open_app, open_read_only
from ita_desktop.services.demo import load_sample_data


def _snapshot(ctx) -> dict:
    """Everything the read side answers about the sample data, keyed by names (not ids)."""
    offices = queries.list_offices(ctx)
    by_name = {o.name: o for o in offices}
    years = queries.list_years(ctx)
    snap = {
        "offices": [o.__class__(**{**o.__dict__, "id": None}) for o in offices],
        "years": years,
        "criteria": {y: queries.get_criteria(ctx, y) for y in years},
        "found": {n: queries.find_office(ctx, n).name for n in ("อบต.ตะโกทอง", "ตะโกทอง", "ทต.หนองปรือ")
                  if _exists(ctx, n)},
        "scored": {y: [name for _, name in queries.offices_with_scores(ctx, y)] for y in years},
        "scores": {},
    }
    for name, office in by_name.items():
        for year in queries.years_with_scores(ctx, office.id):
            entry = queries.score_office_year(ctx, office.id, year)
            snap["scores"][(name, year)] = (entry.stored.__class__(**{**entry.stored.__dict__, "office_id": 0}),
                                            entry.result, entry.level)
        snap.setdefault("drafts", {})[name] = queries.memo_draft(ctx, office.id, 2566, "analysis")
    return snap


def _exists(ctx, name: str) -> bool:
    try:
        queries.find_office(ctx, name)
        return True
    except Exception:
        return False


@pytest.fixture
def demo_data(data_dir):
    """A SQLite data folder with the sample data and one saved memo draft."""
    ctx = open_app(data_dir)
    load_sample_data(ctx)
    office = queries.find_office(ctx, "อบต.ตะโกทอง")
    texts = memos.default_texts(ctx, office.id, 2566, "analysis", today=dt.date(2024, 1, 8))
    memos.save_texts(ctx, office.id, 2566, "analysis", texts.__class__(**{**texts.__dict__, "subject": "เรื่องที่แก้ไขแล้ว"}))
    full = _snapshot(ctx)
    ctx.close()
    return data_dir, full


def test_the_read_only_context_answers_as_the_full_one(demo_data):
    data_dir, full = demo_data
    light = open_read_only(data_dir)
    assert isinstance(light, ReadOnlyContext)
    try:
        assert _snapshot(light) == full
    finally:
        light.close()
    assert full["scores"][("องค์การบริหารส่วนตำบลตะโกทอง", 2566)][1].total == pytest.approx(75.47, abs=0.005)
    assert full["drafts"]["องค์การบริหารส่วนตำบลตะโกทอง"] is not None
    assert json.loads(full["drafts"]["องค์การบริหารส่วนตำบลตะโกทอง"]["content_json"])["subject"] == "เรื่องที่แก้ไขแล้ว"


def test_postgresql_answers_as_sqlite(demo_data, pg_server, tmp_path):
    _, on_sqlite = demo_data
    url = pg_server.create_database("ita_test_queries")
    ctx = open_app(tmp_path / "pg-data", url)
    try:
        load_sample_data(ctx)
        office = queries.find_office(ctx, "อบต.ตะโกทอง")
        texts = memos.default_texts(ctx, office.id, 2566, "analysis", today=dt.date(2024, 1, 8))
        memos.save_texts(ctx, office.id, 2566, "analysis",
                         texts.__class__(**{**texts.__dict__, "subject": "เรื่องที่แก้ไขแล้ว"}))
        assert _snapshot(ctx) == on_sqlite
    finally:
        ctx.close()


def test_read_only_context_cannot_write(demo_data):
    light = open_read_only(demo_data[0])
    try:
        with pytest.raises(sqlite3.OperationalError):
            light.connection.execute("DELETE FROM office")
        assert not hasattr(light, "db")
    finally:
        light.close()


def test_no_read_only_context_without_a_database(data_dir):
    assert open_read_only(data_dir) is None
    assert not (data_dir / "ita.sqlite3").exists()  # looking created nothing
    assert open_read_only(data_dir, "postgresql://nobody@127.0.0.1:1/none") is None


def _edit(data_dir, *statements: str) -> None:
    connection = sqlite3.connect(data_dir / "ita.sqlite3")
    connection.execute("PRAGMA foreign_keys=ON")
    with connection:
        for sql in statements:
            connection.execute(sql)
    connection.close()


def test_no_read_only_context_when_the_schema_needs_an_upgrade(demo_data):
    data_dir, _ = demo_data
    _edit(data_dir, "UPDATE alembic_version SET version_num = '0002'")
    assert open_read_only(data_dir) is None


def test_no_read_only_context_when_a_bundled_catalog_is_not_stored(data_dir):
    open_app(data_dir).close()
    _edit(data_dir, "DELETE FROM fiscal_year WHERE year = 2568")  # as after an update that ships a new year
    assert open_read_only(data_dir) is None
    open_app(data_dir).close()  # the full open stores the bundled catalog again
    light = open_read_only(data_dir)
    assert light is not None
    try:
        assert 2568 in queries.list_years(light)
    finally:
        light.close()


def test_read_only_commands_never_import_sqlalchemy(demo_data, tmp_path):
    data_dir, _ = demo_data
    out = tmp_path / "memo.pdf"
    script = (
        "import sys\n"
        "from ita_desktop.cli.main import run\n"
        f"codes = [run(['--data-dir', {str(data_dir)!r}, 'memo', 'analysis', '--org', 'ตะโกทอง', '--year', '2566',"
        f" '--out', {str(out)!r}]),\n"
        f"         run(['--data-dir', {str(data_dir)!r}, 'scores', '--year', '2566', '--org', 'อบต.ตะโกทอง', '--json']),\n"
        f"         run(['--data-dir', {str(data_dir)!r}, 'offices'])]\n"
        "print('CODES', codes, 'sqlalchemy' in sys.modules, 'pythainlp' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "ITA_DESKTOP_DATA_DIR": str(data_dir)})
    assert proc.returncode == 0, proc.stderr
    assert "CODES [0, 0, 0] False False" in proc.stdout
    assert '"total": 75.47' in proc.stdout
    assert out.read_bytes().startswith(b"%PDF")
