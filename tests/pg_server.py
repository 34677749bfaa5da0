"""A throw-away PostgreSQL server on 127.0.0.1 for the test session (when PostgreSQL is installed)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """initdb + pg_ctl in a temporary folder; as root the server runs as the 'postgres' user."""

    def __init__(self):
        self.bin = _bin_dir()
        self.dir = Path(tempfile.mkdtemp(prefix="ita-pg-"))
        self.port = _free_port()
        self.as_user = "postgres" if os.geteuid() == 0 else None

    @property
    def available(self) -> bool:
        return self.bin is not None

    def _run(self, *cmd: str) -> None:
        if self.as_user:
            cmd = ("runuser", "-u", self.as_user, "--", *cmd)
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def start(self) -> str:
        data = self.dir / "data"
        if self.as_user:
            shutil.chown(self.dir, self.as_user)
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "ita", "--auth=trust", "-E", "UTF8")
        opts = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.dir} -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start")
        return f"postgresql+psycopg2://ita@127.0.0.1:{self.port}/postgres"

    def create_database(self, name: str) -> str:
        import sqlalchemy as sa

        engine = sa.create_engine(f"postgresql+psycopg2://ita@127.0.0.1:{self.port}/postgres",
                                  isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return f"postgresql+psycopg2://ita@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        except (subprocess.SubprocessError, OSError):
            pass
        time.sleep(0.1)
        shutil.rmtree(self.dir, ignore_errors=True)
