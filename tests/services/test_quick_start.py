"""The GUI's quick start (open_app with ``defer``): a local database that needs nothing done is read
with stdlib sqlite3 until the window is shown; SQLAlchemy, the engine and the backup at start
come on a thread after it. Everything else (an upgrade, a newer schema, PostgreSQL, the first
start) opens as before, with a backup before an upgrade and a Thai refusal of a newer schema."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from ita_desktop.dbschema import HEAD_REVISION
from ita_desktop.services import queries
from ita_desktop.services.backups import list_backups
from ita_desktop.services.context import open_app
from ita_desktop.services.errors import UserError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def demo_folder(data_dir):
    """A data folder whose database holds the sample data (closed again)."""
    from ita_desktop.services.demo import load_sample_data

    ctx = open_app(data_dir, backup_on_start=False)
    load_sample_data(ctx)
    ctx.close()
    return data_dir


def _revision(folder: Path) -> str:
    con = sqlite3.connect(folder / "ita.sqlite3")
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_a_ready_database_is_read_before_it_is_opened_then_changed_after(demo_folder):
    ctx = open_app(demo_folder, defer=True, backup_on_start=False)
    try:
        assert ctx.loading and not ctx.opening.imported.is_set()  # nothing started yet
        names = queries.office_names(ctx)
        office = names[0].id
        year = queries.years_with_scores(ctx, office)[-1]
        shown = queries.score_office_year(ctx, office, year)
        assert shown.result.total is not None
        assert ctx.loading and ctx.opening._thread is None  # the reads did not need the engine

        ctx.opening.start()
        db = ctx.db  # waits for the thread
        assert not ctx.loading and ctx.opening.imported.is_set() and db.engine.dialect.name == "sqlite"
        from ita_desktop.services import scores

        number = next(iter(shown.stored.indicators))
        scores.set_indicator_score(ctx, office, year, number, 12.5)
        assert queries.load_scores(ctx, office, year).indicators[number] == 12.5  # read after the write
        assert db.changed
    finally:
        ctx.close()


def test_a_change_before_the_thread_was_started_opens_the_database_itself(demo_folder):
    ctx = open_app(demo_folder, defer=True, backup_on_start=False)
    try:
        from ita_desktop.services import offices

        profile = queries.get_office(ctx, queries.office_names(ctx)[0].id)
        offices.save_office(ctx, replace(profile, phone="0 4481 1234"))
        assert queries.get_office(ctx, profile.id).phone == "0 4481 1234"
    finally:
        ctx.close()


def test_the_backup_at_start_is_made_on_the_thread_before_any_change(demo_folder):
    ctx = open_app(demo_folder, defer=True)  # backup_on_start as the GUI: none made yet, so one is due
    try:
        assert list_backups(demo_folder / "backups") == []
        ctx.db  # noqa: B018 (waits for the thread)
        assert [b.reason for b in list_backups(demo_folder / "backups")] == ["start"]
    finally:
        ctx.close()


def test_a_failed_backup_at_start_is_a_warning_and_the_program_still_works(demo_folder, monkeypatch):
    from ita_desktop.services import backups

    def refuse(*_args, **_kwargs):
        raise UserError("สำรองข้อมูลไม่ได้: ทดสอบ")

    monkeypatch.setattr(backups, "make_backup", refuse)
    ctx = open_app(demo_folder, defer=True)
    try:
        ctx.db  # noqa: B018
        assert ctx.warnings == ["สำรองข้อมูลไม่ได้: ทดสอบ"]
    finally:
        ctx.close()


def test_no_backup_at_start_when_one_was_made_within_a_day(demo_folder):
    from ita_desktop.services.backups import make_backup

    make_backup(demo_folder / "ita.sqlite3", demo_folder, "manual")
    ctx = open_app(demo_folder, defer=True)
    ctx.db  # noqa: B018
    ctx.close()
    assert [b.reason for b in list_backups(demo_folder / "backups")] == ["manual"]


def test_the_first_start_creates_the_database_at_once(data_dir):
    ctx = open_app(data_dir, defer=True)
    try:
        assert not ctx.loading and ctx.opening is None
        assert queries.list_years(ctx)
    finally:
        ctx.close()
    assert _revision(data_dir) == HEAD_REVISION


def test_an_older_schema_is_upgraded_with_a_backup_before_the_window(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(FIXTURES / "schema_0001.sqlite3", folder / "ita.sqlite3")
    ctx = open_app(folder, defer=True, backup_on_start=False)
    try:
        assert not ctx.loading  # opened (and upgraded) before returning
        assert _revision(folder) == HEAD_REVISION
        assert [b.reason for b in list_backups(folder / "backups")] == ["before-upgrade"]
    finally:
        ctx.close()


def test_a_newer_schema_is_refused_in_thai_and_left_as_it_was(demo_folder):
    con = sqlite3.connect(demo_folder / "ita.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="รุ่นที่ใหม่กว่า"):
        open_app(demo_folder, defer=True)
    assert _revision(demo_folder) == "9999"


def test_a_newer_schema_found_after_the_window_is_refused_at_the_first_change(demo_folder):
    """Another program upgraded the file between the quick check and the thread: no change is made."""
    ctx = open_app(demo_folder, defer=True, backup_on_start=False)
    try:
        con = sqlite3.connect(demo_folder / "ita.sqlite3")
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
        with pytest.raises(UserError, match="รุ่นที่ใหม่กว่า"):
            ctx.db  # noqa: B018
        assert queries.office_names(ctx)  # the data can still be read
    finally:
        ctx.close()
    assert _revision(demo_folder) == "9999"


def test_the_reads_before_opening_cannot_write(demo_folder):
    ctx = open_app(demo_folder, defer=True, backup_on_start=False)
    try:
        with ctx.reader() as r, pytest.raises(sqlite3.OperationalError):
            r.rows("DELETE FROM office")
    finally:
        ctx.close()
    con = sqlite3.connect(demo_folder / "ita.sqlite3")
    assert con.execute("SELECT count(*) FROM office").fetchone()[0] > 0
    con.close()


def test_a_server_database_opens_as_before(pg_server, tmp_path):
    url = pg_server.create_database("ita_quick_start")
    ctx = open_app(tmp_path / "data", url, defer=True)
    try:
        assert not ctx.loading and ctx.opening is None
        assert ctx.db.engine.dialect.name == "postgresql"
        assert queries.list_years(ctx)
    finally:
        ctx.close()



def test_a_first_start_copies_the_bundled_empty_database(tmp_path, monkeypatch):
    """The bundle carries an empty database (installer/ita_desktop.spec): a first start copies it,
    opens it on the quick path and makes no backup; without it the schema is made as before."""
    import sqlite3

    from ita_desktop import paths
    from ita_desktop.dbschema import HEAD_REVISION
    from ita_desktop.services.context import open_app

    made = open_app(tmp_path / "made", backup_on_start=False)
    made.close()
    template = tmp_path / "template.sqlite3"
    source, target = sqlite3.connect(tmp_path / "made" / "ita.sqlite3"), sqlite3.connect(template)
    source.backup(target)
    source.close()
    target.close()
    monkeypatch.setattr(paths, "database_template", lambda: template)
    ctx = open_app(tmp_path / "first", defer=True)
    try:
        assert ctx.opening is not None  # the quick path: the copy needed nothing done
        db = sqlite3.connect(tmp_path / "first" / "ita.sqlite3")
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
        assert db.execute("SELECT count(*) FROM fiscal_year").fetchone()[0] == len(paths.bundled_criteria_years())
        db.close()
        assert not list((tmp_path / "first").glob("*.new"))
    finally:
        ctx.close()
    assert not (tmp_path / "first" / "backups").exists() or not list((tmp_path / "first" / "backups").iterdir())


def test_a_module_early_in_the_preload_is_ready_before_the_later_ones(demo_folder, monkeypatch):
    """A tab chosen right after the window appeared waits for its own module, not for SQLAlchemy."""
    import importlib
    import threading

    gate, real = threading.Event(), importlib.import_module

    def slow(name, *args):
        if name == "json.tool":  # stands for the write side, imported after the tabs
            assert gate.wait(10)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", slow)
    ctx = open_app(demo_folder, defer=True, backup_on_start=False,
                   preload=("ita_desktop.core.levels", "json.tool", "ita_desktop.core.digits"))
    try:
        ctx.opening.wait_module("ita_desktop.core.levels")  # returns while json.tool is held back
        assert not ctx.opening.imported.is_set()
        gate.set()
        ctx.opening.wait_module("ita_desktop.core.digits")
        assert ctx.opening.imported.wait(10)
        ctx.opening.wait_module("not.in.the.preload")  # any other name: everything imported
    finally:
        gate.set()
        ctx.close()


def test_the_opening_thread_steps_aside_while_the_window_is_busy(demo_folder, tmp_path, monkeypatch):
    """After the clerk chose a tab, the opening thread imports nothing for a moment (the window's
    Python code then does not queue behind it for the interpreter), while the window's thread
    can still import; waiting for the opening thread ends that."""
    import sys
    import threading
    import time

    from ita_desktop.services import context

    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / "aside_gate.py").write_text("import sys\nsys.aside_gate.wait(10)\n", encoding="utf-8")
    for name in ("aside_first", "aside_second", "aside_other"):
        (tmp_path / "mods" / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "mods"))
    monkeypatch.setattr(sys, "aside_gate", threading.Event(), raising=False)
    monkeypatch.setattr(context, "MAX_ASIDE_SECONDS", 3.0)
    ctx = open_app(demo_folder, defer=True, backup_on_start=False,
                   preload=("aside_gate", "aside_first", "aside_second"))
    try:
        ctx.opening.step_aside(5.0)  # before the thread runs (the window not shown yet): no effect
        assert ctx.opening._aside_until == 0.0
        ctx.opening.start()
        ctx.opening.step_aside(0.6)  # the clerk chose a tab: no further import for 0.6 s
        started = time.monotonic()
        sys.aside_gate.set()
        assert not ctx.opening.imported.wait(0.3)
        import aside_other  # noqa: F401  (the window's thread imports meanwhile, not held up)
        assert time.monotonic() - started < 0.5
        assert ctx.opening.imported.wait(10)
        assert time.monotonic() - started >= 0.5
    finally:
        ctx.close()
    ctx = open_app(demo_folder, defer=True, backup_on_start=False, preload=("aside_gate", "aside_second"))
    try:
        sys.aside_gate.clear()
        for name in ("aside_gate", "aside_second"):
            sys.modules.pop(name, None)
        ctx.opening.start()
        ctx.opening.step_aside(5.0)
        sys.aside_gate.set()
        started = time.monotonic()
        ctx.opening.wait_module("aside_second")  # the window waits for the thread: it goes on at once
        assert time.monotonic() - started < 2.0
    finally:
        ctx.close()


def test_the_opening_thread_steps_aside_for_a_bounded_time_only(demo_folder, tmp_path, monkeypatch):
    import sys
    import threading
    import time

    from ita_desktop.services import context

    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / "aside_bounded.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "mods"))
    monkeypatch.setattr(context, "MAX_ASIDE_SECONDS", 0.4)
    (tmp_path / "mods" / "aside_wait.py").write_text("import sys\nsys.aside_gate.wait(10)\n", encoding="utf-8")
    monkeypatch.setattr(sys, "aside_gate", threading.Event(), raising=False)
    ctx = open_app(demo_folder, defer=True, backup_on_start=False, preload=("aside_wait", "aside_bounded"))
    try:
        ctx.opening.start()
        ctx.opening.step_aside(60.0)  # a clerk clicking without end cannot hold the start back
        sys.aside_gate.set()
        started = time.monotonic()
        assert ctx.opening.imported.wait(10) and time.monotonic() - started < 5.0
        assert 0.35 <= ctx.opening._aside_total <= 0.45
        assert "aside_bounded" in sys.modules
    finally:
        ctx.close()
