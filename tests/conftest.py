"""Shared fixtures: a fresh data folder and database per test, Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket  # noqa: E402

import pytest  # noqa: E402

_LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost", "0.0.0.0", ""}


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # a unix socket path
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    if isinstance(host, bytes):
        host = host.decode()
    return str(host).lower() in _LOCAL_HOSTS or str(host).startswith("127.")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail the test on any attempt to reach the network (the program works offline).

    127.0.0.1, localhost and unix sockets stay allowed (the PostgreSQL tests use a local server).
    The attempt raises at once and the test also fails at teardown, in case the code caught it.
    """
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(address) -> None:
        if not _is_local(address):
            attempts.append(repr(address))
            raise OSError(f"network access attempted in a test: {address!r}")

    def connect(self, address):
        if self.family != getattr(socket, "AF_UNIX", None):
            check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family != getattr(socket, "AF_UNIX", None):
            check(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, socket.gethostname()):
            check((host,))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield attempts
    if attempts:
        pytest.fail(f"the test tried to reach the network: {', '.join(attempts)}")


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
