"""Power cuts: SIGKILL at seeded random moments during first start, upgrade, import, replace, restore.

After every kill the database opens, passes ``PRAGMA integrity_check``, is at the old or the new
state and never in between (an import is fully there or not at all), every listed backup is
complete, and the program starts on it again. The child is forked from the test process (no
interpreter start-up), so the >= 100 kills of the suite take well under a minute.
ITA_KILL_TRIALS scales the number of kills per scenario (default below).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from ita_desktop.dbschema import HEAD_REVISION

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

SEED = 13
CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRIALS = {"first_start": 12, "upgrade": 25, "import": 22, "replace": 20, "restore": 23}
OUTCOMES: dict[str, dict[str, int]] = {}


def _trials(name: str) -> int:
    scale = float(os.environ.get("ITA_KILL_TRIALS_SCALE", "1"))
    return max(1, int(TRIALS[name] * scale))


def _run_child(fn) -> int:
    pid = os.fork()
    if pid == 0:  # the child: do the work, never return into pytest
        code = 0
        try:
            fn()
        except BaseException:
            code = 3
        os._exit(code)
    return pid


def _kill_at(fn, delay: float) -> str:
    pid = _run_child(fn)
    time.sleep(delay)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return "killed"
    assert os.WEXITSTATUS(status) == 0, "the operation failed on its own (not killed)"
    return "finished"


def _duration(fn) -> float:
    start = time.monotonic()
    pid = _run_child(fn)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the operation fails without a kill"
    return time.monotonic() - start


def _integrity(db_file: Path) -> None:
    con = sqlite3.connect(db_file)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def _revision(db_file: Path) -> str | None:
    con = sqlite3.connect(db_file)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            assert not tables - {"sqlite_sequence"}, f"tables without a schema version: {tables}"
            return None
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def _state(db_file: Path) -> tuple:
    """What an all-or-nothing operation changes: row counts and the sum of all scores."""
    con = sqlite3.connect(db_file)
    try:
        counts = tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                       for t in ("office", "assessment", "indicator_score", "item_score", "source_file"))
        total = con.execute("SELECT round(coalesce(sum(score), 0), 4) FROM item_score").fetchone()[0]
        ind = con.execute("SELECT round(coalesce(sum(score), 0), 4) FROM indicator_score").fetchone()[0]
        return counts + (total, ind)
    finally:
        con.close()


def _backups_complete(folder: Path) -> None:
    from ita_desktop.services.backups import SUFFIX, read_info

    for path in (folder / "backups").glob(f"*{SUFFIX}"):
        if not path.name.startswith(".tmp-"):
            read_info(path)  # raises on anything half written


def _opens(folder: Path) -> None:
    from ita_desktop.services.context import open_app

    ctx = open_app(folder, backup_on_start=False)
    ctx.close()
    assert _revision(folder / "ita.sqlite3") == HEAD_REVISION


def _record(name: str, outcome: str) -> None:
    OUTCOMES.setdefault(name, {}).setdefault(outcome, 0)
    OUTCOMES[name][outcome] += 1


def _prepared(tmp_path: Path, name: str, setup) -> Path:
    """A data folder in the state before the operation, made once and copied for each kill."""
    base = tmp_path / f"base-{name}"
    base.mkdir()
    setup(base)
    return base


def _fresh_copy(base: Path, tmp_path: Path, n: int) -> Path:
    folder = tmp_path / f"run-{n}"
    shutil.copytree(base, folder)
    return folder


def _schedule(name: str, duration: float) -> list[float]:
    rng = random.Random(f"{SEED}-{name}")
    return [rng.uniform(0.0, duration * 1.05) for _ in range(_trials(name))]


def _open_quiet(folder: Path, backup_on_start: bool = False):
    from ita_desktop.services.context import open_app

    return open_app(folder, backup_on_start=backup_on_start)


def test_kill_during_first_start(tmp_path):
    def op(folder):
        return lambda: _open_quiet(folder, backup_on_start=True).close()

    probe = tmp_path / "probe"
    duration = _duration(op(probe))
    for n, delay in enumerate(_schedule("first_start", duration)):
        folder = tmp_path / f"run-{n}"
        _kill_at(op(folder), delay)
        db_file = folder / "ita.sqlite3"
        revision = None
        if db_file.exists() and db_file.stat().st_size:
            _integrity(db_file)
            revision = _revision(db_file)
            assert revision in (None, HEAD_REVISION)
        _record("first_start", "schema made" if revision else "nothing made")
        _opens(folder)
        shutil.rmtree(folder)


def _upgrade_base(base: Path) -> None:
    shutil.copy(FIXTURES / "schema_0001.sqlite3", base / "ita.sqlite3")


def _counts_0001(db_file: Path) -> dict:
    con = sqlite3.connect(db_file)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t in ("office", "assessment", "item_score", "indicator_score", "criteria_item", "setting")}
    finally:
        con.close()


def test_kill_during_upgrade_of_a_0001_database_with_rows(tmp_path):
    base = _prepared(tmp_path, "upgrade", _upgrade_base)
    rows = _counts_0001(base / "ita.sqlite3")
    probe = _fresh_copy(base, tmp_path, 9999)
    duration = _duration(lambda: _open_quiet(probe).close())
    for n, delay in enumerate(_schedule("upgrade", duration)):
        folder = _fresh_copy(base, tmp_path, n)
        _kill_at(lambda: _open_quiet(folder).close(), delay)
        db_file = folder / "ita.sqlite3"
        _integrity(db_file)
        revision = _revision(db_file)
        assert revision in ("0001", HEAD_REVISION)
        assert {k: v for k, v in _counts_0001(db_file).items() if k != "criteria_item"} == \
               {k: v for k, v in rows.items() if k != "criteria_item"}
        _backups_complete(folder)
        _record("upgrade", "upgraded" if revision == HEAD_REVISION else "still 0001")
        _opens(folder)
        assert _counts_0001(db_file)["item_score"] == rows["item_score"]
        shutil.rmtree(folder)


def _catalog_base(base: Path) -> None:
    _open_quiet(base).close()


def test_kill_during_import(tmp_path):
    from ita_desktop.services import imports

    base = _prepared(tmp_path, "import", _catalog_base)
    before = _state(base / "ita.sqlite3")

    def op(folder):
        def run():
            ctx = _open_quiet(folder)
            imports.import_file(ctx, CORPUS / "provincial_12.xlsx")
            ctx.close()
        return run

    probe = _fresh_copy(base, tmp_path, 9999)
    duration = _duration(op(probe))
    after = _state(probe / "ita.sqlite3")
    assert after != before and after[0] == 12
    for n, delay in enumerate(_schedule("import", duration)):
        folder = _fresh_copy(base, tmp_path, n)
        _kill_at(op(folder), delay)
        db_file = folder / "ita.sqlite3"
        _integrity(db_file)
        state = _state(db_file)
        assert state in (before, after), f"a half import: {state}"
        _record("import", "finished" if state == after else "rolled back")
        _opens(folder)
        shutil.rmtree(folder)


def _replace_base(base: Path) -> None:
    from ita_desktop.services import imports, offices, scores

    ctx = _open_quiet(base)
    imports.import_file(ctx, CORPUS / "provincial_12.xlsx")
    for office in offices.list_offices(ctx):
        for number in range(1, 11):
            scores.set_indicator_score(ctx, office.id, 2566, number, 11.11)
    ctx.close()


def test_kill_during_import_that_replaces_scores(tmp_path):
    from ita_desktop.services import imports

    base = _prepared(tmp_path, "replace", _replace_base)
    before = _state(base / "ita.sqlite3")

    def op(folder):
        def run():
            ctx = _open_quiet(folder)
            imports.import_file(ctx, CORPUS / "provincial_12.xlsx", replace=True)
            ctx.close()
        return run

    probe = _fresh_copy(base, tmp_path, 9999)
    duration = _duration(op(probe))
    after = _state(probe / "ita.sqlite3")
    assert after != before
    for n, delay in enumerate(_schedule("replace", duration)):
        folder = _fresh_copy(base, tmp_path, n)
        _kill_at(op(folder), delay)
        db_file = folder / "ita.sqlite3"
        _integrity(db_file)
        state = _state(db_file)
        assert state in (before, after), f"a half replacement: {state}"
        _backups_complete(folder)
        _record("replace", "finished" if state == after else "rolled back")
        _opens(folder)
        shutil.rmtree(folder)


def test_kill_during_restore(tmp_path):
    from ita_desktop.services import backups, imports

    def setup(base):
        ctx = _open_quiet(base)
        imports.import_file(ctx, CORPUS / "analysis_seed001.xlsx")
        backups.create_backup(ctx, "manual", out=base / "saved.itabak")
        imports.import_file(ctx, CORPUS / "provincial_12.xlsx")
        ctx.close()

    base = _prepared(tmp_path, "restore", setup)
    before = _state(base / "ita.sqlite3")

    def op(folder):
        def run():
            ctx = _open_quiet(folder)
            backups.restore_backup(ctx, folder / "saved.itabak")
            ctx.close()
        return run

    probe = _fresh_copy(base, tmp_path, 9999)
    duration = _duration(op(probe))
    after = _state(probe / "ita.sqlite3")
    assert after != before
    for n, delay in enumerate(_schedule("restore", duration)):
        folder = _fresh_copy(base, tmp_path, n)
        _kill_at(op(folder), delay)
        db_file = folder / "ita.sqlite3"
        _integrity(db_file)
        state = _state(db_file)
        assert state in (before, after), f"a half restore: {state}"
        _backups_complete(folder)
        _record("restore", "finished" if state == after else "rolled back")
        _opens(folder)
        shutil.rmtree(folder)


def test_kill_counts_reach_one_hundred():
    """Runs last in this module: at least 100 kills were tried over the scenarios above."""
    tried = sum(sum(v.values()) for v in OUTCOMES.values())
    print("kill outcomes:", OUTCOMES)
    if len(OUTCOMES) == len(TRIALS) and float(os.environ.get("ITA_KILL_TRIALS_SCALE", "1")) >= 1:
        assert tried >= 100
