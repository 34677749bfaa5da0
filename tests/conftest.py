"""Shared fixtures: a fresh data folder and database per test, Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("ITA_DESKTOP_DATA_DIR", str(folder))
    monkeypatch.delenv("ITA_DESKTOP_DB_URL", raising=False)
    return folder


@pytest.fixture
def ctx(data_dir):
    """An opened application context on a fresh SQLite database (bundled catalogs loaded)."""
    from ita_desktop.services.context import open_app

    context = open_app(data_dir)
    yield context
    context.close()


@pytest.fixture
def demo_ctx(ctx):
    """A context with the sample data loaded."""
    from ita_desktop.services.demo import load_sample_data

    load_sample_data(ctx)
    return ctx


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the session; skipped where PostgreSQL or psycopg2 is missing."""
    from tests.pg_server import PgServer

    pytest.importorskip("psycopg2")
    server = PgServer()
    if not server.available:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed, but CI must run the PostgreSQL tests")
        pytest.skip("PostgreSQL is not installed on this machine")
    server.start()
    yield server
    server.stop()


_DB_COUNTER = iter(range(1, 10**6))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh empty database URL on SQLite and, where available, on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"
    server = request.getfixturevalue("pg_server")
    return server.create_database(f"ita_test_{next(_DB_COUNTER)}")
