"""ita-cli: help, exit codes, Thai messages, JSON shapes, no tracebacks."""

import json
import os
import subprocess
import sys

import pytest

from ita_desktop.cli.main import run
from ita_desktop.services import offices, scores

SEED_001 = [90.63, 78.75, 86.25, 78.84, 76.09, 80.97, 80.91, 75.49, 80.50, 55.00]


@pytest.fixture
def takotong(ctx):
    p = offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลตะโกทอง", kind="องค์การบริหารส่วนตำบล"))
    with ctx.db.session() as s:
        a = scores.get_assessment(s, p.id, 2566, create=True)
        scores.write_indicator_scores(s, a, dict(zip(range(1, 11), SEED_001)))
        scores.write_item_scores(s, a, {"i19": 64.6, "o10": 0})
    return p


def test_help_lists_subcommands(capsys, data_dir):
    with pytest.raises(SystemExit) as exit_info:
        run(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("demo", "offices", "scores", "backup"):
        assert command in out


def test_bad_option_exits_2_with_thai_message(capsys, data_dir):
    assert run(["scores", "--year", "2566", "--nonsense"]) == 2
    err = capsys.readouterr().err
    assert "ตัวเลือกไม่ถูกต้อง" in err and "Traceback" not in err


def test_bad_year_exits_2(capsys, data_dir):
    assert run(["scores", "--year", "1999"]) == 2
    assert "ปีงบประมาณ" in capsys.readouterr().err


def test_scores_json_for_one_office(capsys, ctx, takotong):
    assert run(["scores", "--year", "๒๕๖๖", "--org", "อบต.ตะโกทอง", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"org", "year", "total", "level", "level_old", "tools", "indicators", "items"}
    assert data["org"] == "องค์การบริหารส่วนตำบลตะโกทอง"
    assert (data["total"], data["level"], data["level_old"]) == (75.47, "ต้องปรับปรุง", "B")
    assert data["tools"] == {"IIT": 82.11, "EIT": 79.12, "OIT": 67.75}
    assert [i["passed"] for i in data["indicators"]][:3] == [True, False, True]
    assert set(data["indicators"][0]) == {"number", "name", "tool", "score", "passed"}
    assert {i["code"] for i in data["items"]} == {"i19", "o10"}
    assert set(data["items"][0]) == {"code", "text", "indicator", "score"}


def test_scores_json_without_org_is_a_list(capsys, ctx, takotong):
    assert run(["scores", "--year", "2566", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and [d["org"] for d in data] == ["องค์การบริหารส่วนตำบลตะโกทอง"]


def test_unknown_office_exits_2(capsys, ctx):
    assert run(["scores", "--year", "2566", "--org", "อบต.ไม่มีจริง"]) == 2
    assert "ไม่พบหน่วยงาน" in capsys.readouterr().err


def test_backup_command(capsys, ctx):
    assert run(["backup"]) == 0
    assert list(ctx.backups_dir.glob("*manual*"))


def test_internal_error_prints_no_traceback(capsys, ctx, monkeypatch):
    from ita_desktop.services import queries

    monkeypatch.setattr(queries, "list_offices", lambda c: (_ for _ in ()).throw(RuntimeError("bug")))
    assert run(["offices"]) == 1
    err = capsys.readouterr().err
    assert "เกิดข้อผิดพลาดภายในโปรแกรม" in err and "Traceback" not in err
    assert "RuntimeError" in ctx.log_file.read_text(encoding="utf-8")


def test_console_script_runs_in_a_fresh_process(tmp_path):
    env = {**os.environ, "ITA_DESKTOP_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "ita_desktop.cli.main", "offices", "--json"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


@pytest.mark.postgres
def test_demo_and_scores_on_postgresql(pg_server, tmp_path, capsys):
    url = pg_server.create_database("ita_cli_demo")
    assert run(["--data-dir", str(tmp_path), "--db-url", url, "demo"]) == 0
    assert run(["--data-dir", str(tmp_path), "--db-url", url, "scores", "--year", "2566", "--org", "อบต.ตะโกทอง",
                "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out[out.index("{"):])
    assert data["total"] == 75.47 and data["level_old"] == "B"
    assert not (tmp_path / "ita.sqlite3").exists()  # the server was used, not the local file


def test_read_only_commands_make_no_backup_but_writing_ones_do(ctx, capsys):
    assert run(["offices"]) == 0
    assert not list(ctx.backups_dir.glob("*before-*"))
    assert run(["demo"]) == 0
    assert list(ctx.backups_dir.glob("*before-demo*"))


def test_damaged_database_file_gets_a_thai_message_and_is_left_alone(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    damaged = data / "ita.sqlite3"
    damaged.write_bytes(b"not a database at all")
    for argv in (["memo", "analysis", "--org", "ตะโกทอง", "--year", "2566", "--out", str(tmp_path / "m.pdf")],
                 ["offices"], ["demo"]):
        assert run(["--data-dir", str(data), *argv]) == 2
        err = capsys.readouterr().err
        assert f"เปิดฐานข้อมูลไม่ได้: '{damaged}'" in err and "Traceback" not in err
    assert damaged.read_bytes() == b"not a database at all"
    assert not (tmp_path / "m.pdf").exists()


def test_unusable_database_url_gets_a_thai_message_without_the_password(tmp_path, capsys):
    for url in ("nonsense", "mysql://clerk:secret@server/ita"):
        assert run(["--data-dir", str(tmp_path / "data"), "--db-url", url, "offices"]) == 2
        err = capsys.readouterr().err
        assert "ที่อยู่ฐานข้อมูล" in err and "postgresql+psycopg2://" in err and "secret" not in err
