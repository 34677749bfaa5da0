"""ita-cli backup/backups/restore/audit/package and the Thai words for a bad environment (exit 2)."""

from __future__ import annotations

import errno
import json
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest

from ita_desktop.cli.main import run

CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _offices(capsys) -> list[str]:
    capsys.readouterr()
    assert run(["offices", "--json"]) == 0
    return [o["name"] for o in json.loads(capsys.readouterr().out)]


def test_backup_list_and_restore_round_trip(data_dir, capsys, tmp_path):
    assert run(["demo"]) == 0
    names = _offices(capsys)
    out = tmp_path / "copy.itabak"
    assert run(["backup", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out and out.exists()
    assert run(["backup"]) == 0
    capsys.readouterr()
    assert run(["backups", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {b["reason"] for b in listed} >= {"manual", "before-demo"}
    assert all(b["size"] > 0 and b["made_at"].endswith("Z") for b in listed)
    assert run(["backups"]) == 0
    assert "สำรองด้วยตนเอง" in capsys.readouterr().out
    (data_dir / "ita.sqlite3").unlink()  # the database is gone
    for side in ("-wal", "-shm"):
        (data_dir / f"ita.sqlite3{side}").unlink(missing_ok=True)
    assert _offices(capsys) == []
    assert run(["restore", str(out)]) == 0
    assert "กู้คืนข้อมูลแล้ว" in capsys.readouterr().out
    assert _offices(capsys) == names


def test_restore_mends_a_damaged_database_and_keeps_the_damaged_file(data_dir, capsys, tmp_path):
    assert run(["demo"]) == 0
    out = tmp_path / "good.itabak"
    assert run(["backup", "--out", str(out)]) == 0
    db = data_dir / "ita.sqlite3"
    for side in ("-wal", "-shm"):
        (data_dir / f"ita.sqlite3{side}").unlink(missing_ok=True)
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 1000)
    assert run(["offices"]) == 2
    assert run(["restore", str(out)]) == 0
    assert list(data_dir.glob("ita.sqlite3.damaged-*"))
    assert len(_offices(capsys)) >= 1


def test_restore_refuses_a_bad_file_with_exit_2(data_dir, capsys, tmp_path):
    assert run(["demo"]) == 0
    bad = tmp_path / "bad.itabak"
    bad.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    before = (data_dir / "ita.sqlite3").stat().st_mtime_ns
    assert run(["restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "ไม่ใช่ไฟล์สำรองข้อมูล" in err and "Traceback" not in err
    assert (data_dir / "ita.sqlite3").stat().st_mtime_ns == before
    assert run(["restore", str(tmp_path / "missing.itabak")]) == 2
    assert "ไม่พบไฟล์สำรอง" in capsys.readouterr().err


def test_audit_json_has_old_and_new_values_of_an_import_that_replaced(data_dir, capsys):
    from ita_desktop.services import offices, scores
    from ita_desktop.services.context import open_app

    assert run(["import", str(CORPUS / "template_filled.xlsx")]) == 0
    ctx = open_app(data_dir, backup_on_start=False)
    office = offices.list_offices(ctx)[0]
    scores.set_indicator_score(ctx, office.id, 2566, 1, 12.34)
    ctx.close()
    assert run(["import", str(CORPUS / "template_filled.xlsx"), "--replace"]) == 0
    capsys.readouterr()
    assert run(["audit", "--org", office.name, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    edit = next(r for r in rows if r["action"] == "score.indicator")
    assert edit["old"]["1"] not in (None, 12.34) and edit["new"] == {"1": 12.34}
    replaced = next(r for r in rows if r["action"] == "import.office")  # newest first: the --replace one
    assert replaced["old"]["ตัวชี้วัดที่ 1"] == 12.34
    assert replaced["new"]["ตัวชี้วัดที่ 1"] != 12.34
    assert replaced["year"] == 2566 and replaced["office"] == office.name and replaced["user"]
    assert run(["audit", "--since", "2999-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(["audit", "--since", "๒๕๖๙-๐๑-๐๑"]) == 0
    assert run(["audit", "--since", "yesterday"]) == 2


def test_package_export_import_round_trip_with_conflict_choices(tmp_path, capsys, monkeypatch):
    src, dst = tmp_path / "src", tmp_path / "dst"
    monkeypatch.setenv("ITA_DESKTOP_DATA_DIR", str(src))
    assert run(["demo"]) == 0
    pkg = tmp_path / "takothong.itapkg"
    assert run(["package", "export", "--org", "อบต.ตะโกทอง", "--out", str(pkg)]) == 0
    monkeypatch.setenv("ITA_DESKTOP_DATA_DIR", str(dst))
    assert run(["package", "import", str(pkg), "--dry-run"]) == 0
    assert "ยังไม่บันทึก" in capsys.readouterr().out
    assert _offices(capsys) == []
    assert run(["package", "import", str(pkg)]) == 0
    assert _offices(capsys) == ["องค์การบริหารส่วนตำบลตะโกทอง"]
    capsys.readouterr()
    for choice in ("keep", "skip", "replace"):
        assert run(["package", "import", str(pkg), "--on-conflict", choice]) == 0
        assert "นำเข้าชุดข้อมูลแล้ว" in capsys.readouterr().out
    assert _offices(capsys) == ["องค์การบริหารส่วนตำบลตะโกทอง"]
    assert run(["package", "import", str(pkg), "--on-conflict", "merge"]) == 2
    capsys.readouterr()
    assert run(["restore", str(pkg)]) == 0  # a data package given to restore replaces that office
    assert re.search(r"แทนของเดิม [1-9]", capsys.readouterr().out)


def test_newer_database_says_update_and_makes_no_backup(data_dir, capsys):
    assert run(["demo"]) == 0
    con = sqlite3.connect(data_dir / "ita.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = sorted(p.name for p in (data_dir / "backups").iterdir())
    for _ in range(3):
        assert run(["demo"]) == 2
        err = capsys.readouterr().err
        assert "รุ่นที่ใหม่กว่า" in err and "ปรับปรุงโปรแกรม" in err and "Traceback" not in err
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == before


def test_read_only_data_folder_is_a_thai_message(data_dir, capsys, monkeypatch):
    assert run(["offices"]) == 0

    def refuse(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert run(["demo"]) == 2
    err = capsys.readouterr().err
    assert "เขียนไม่ได้" in err and str(data_dir) in err and "Traceback" not in err


def test_full_disk_during_a_write_rolls_back_and_says_how_much(data_dir, capsys, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from ita_desktop.services import demo

    real = demo._load_scores

    def full(*a, **k):
        real(*a, **k)
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(demo, "_load_scores", full)
    assert run(["demo"]) == 2
    err = capsys.readouterr().err
    assert "พื้นที่ดิสก์ไม่พอ" in err and "MB" in err and "Traceback" not in err
    monkeypatch.setattr(demo, "_load_scores", real)  # (undo() would also drop the data folder setting)
    assert _offices(capsys) == []


def test_locked_database_is_a_thai_message(data_dir, capsys, monkeypatch):
    from ita_desktop.models import db as dbmod

    assert run(["offices"]) == 0
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
    con = sqlite3.connect(data_dir / "ita.sqlite3", isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    try:
        assert run(["demo"]) == 2
        err = capsys.readouterr().err
        assert "ถูกโปรแกรมอื่นใช้งานอยู่" in err and "Traceback" not in err
    finally:
        con.execute("ROLLBACK")
        con.close()


@pytest.mark.postgres
def test_postgresql_wrong_password_and_unreachable_never_print_the_password(pg_server, tmp_path, capsys):
    url = pg_server.create_database("ita_cli_pw")
    unreachable = "postgresql+psycopg2://ita:Sekret123@127.0.0.1:1/ita"
    assert run(["--data-dir", str(tmp_path), "--db-url", unreachable, "offices"]) == 2
    err = capsys.readouterr().err
    assert "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล" in err and "Sekret123" not in err and "Traceback" not in err
    assert run(["--data-dir", str(tmp_path), "--db-url", url.replace("/ita_cli_pw", "/no_such_db"), "offices"]) == 2
    err = capsys.readouterr().err
    assert "เปิดฐานข้อมูลไม่ได้" in err and "Traceback" not in err


def test_wrong_password_message_names_the_server_but_not_the_password(tmp_path):
    from sqlalchemy.exc import OperationalError

    from ita_desktop.services.context import database_error

    url = "postgresql+psycopg2://ita:Sekret123@server.local:5432/ita"
    exc = OperationalError("connect", {}, Exception('FATAL:  password authentication failed for user "ita"'))
    text = str(database_error(exc, url, tmp_path))
    assert "ไม่รับชื่อผู้ใช้หรือรหัสผ่าน" in text and "server.local" in text and "Sekret123" not in text
    down = OperationalError("connect", {}, Exception("could not connect to server: Connection refused"))
    text = str(database_error(down, url, tmp_path))
    assert "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล" in text and "Sekret123" not in text


def _office_count(data_dir: Path) -> int:
    con = sqlite3.connect(data_dir / "ita.sqlite3")
    try:
        return con.execute("SELECT count(*) FROM office").fetchone()[0]
    finally:
        con.close()


def test_import_backs_up_while_it_reads_and_writes_only_after_the_backup(data_dir, capsys, monkeypatch):
    import threading
    import time

    from ita_desktop.services import backups

    assert run(["offices"]) == 0  # the database exists, as on a clerk's PC
    real, seen = backups.make_backup, {}

    def slow(db_file, folder, reason, **kw):
        seen["thread"] = threading.current_thread().name
        time.sleep(0.5)  # the file is read meanwhile; nothing may be written yet
        seen["offices while backing up"] = _office_count(data_dir)
        return real(db_file, folder, reason, **kw)

    monkeypatch.setattr(backups, "make_backup", slow)
    assert run(["import", str(CORPUS / "provincial_12.xlsx")]) == 0
    assert seen == {"thread": "backup", "offices while backing up": 0}
    assert _office_count(data_dir) == 12
    assert [b.reason for b in backups.list_backups(data_dir / "backups")] == ["before-import"]


def test_import_whose_backup_fails_stores_nothing_and_says_why(data_dir, capsys, monkeypatch):
    from ita_desktop.services import backups
    from ita_desktop.services.errors import UserError

    assert run(["offices"]) == 0

    def fail(*a, **k):
        raise UserError("สำรองข้อมูลไม่ได้: พื้นที่ดิสก์ไม่พอ (ทดสอบ)")

    monkeypatch.setattr(backups, "make_backup", fail)
    capsys.readouterr()
    assert run(["import", str(CORPUS / "provincial_12.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "สำรองข้อมูลไม่ได้: พื้นที่ดิสก์ไม่พอ (ทดสอบ)" in err and "Traceback" not in err
    assert _office_count(data_dir) == 0
    assert backups.list_backups(data_dir / "backups") == []
