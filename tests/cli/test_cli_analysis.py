"""ita-cli analysis: the JSON shape of issue 10, the line option, Thai errors with exit 2."""

import json

import pytest

from ita_desktop.cli.main import run

INDICATOR_KEYS = {"number", "name", "tool", "score", "category", "gain_to_line", "gain_to_100", "change"}
ITEM_KEYS = {"code", "text", "indicator", "tool", "score", "category", "gain_to_line", "gain_to_100", "guideline",
             "change"}


@pytest.fixture
def demo(data_dir, capsys):
    assert run(["demo"]) == 0
    capsys.readouterr()


def test_analysis_json_shape(capsys, demo):
    assert run(["analysis", "--org", "อบต.ตะโกทอง", "--year", "2566", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"org", "year", "total", "line", "indicators", "items", "path_to_line", "path_to_target"}
    assert (data["org"], data["year"], data["total"], data["line"]) == ("องค์การบริหารส่วนตำบลตะโกทอง", 2566, 75.47, 85.0)
    assert all(set(i) == INDICATOR_KEYS for i in data["indicators"])
    assert all(set(i) == ITEM_KEYS for i in data["items"])
    ind10 = data["indicators"][9]
    assert (ind10["category"], ind10["gain_to_100"], ind10["gain_to_line"]) == ("urgent", 9.0, 6.0)
    assert [i["number"] for i in data["indicators"] if i["category"] == "develop"] == [1, 3]
    o10 = next(i for i in data["items"] if i["code"] == "o10")
    assert (o10["gain_to_100"], o10["tool"], o10["indicator"], o10["score"]) == (0.4, "OIT", 9, 0.0)
    assert o10["guideline"]
    assert {i["category"] for i in data["items"]} == {"urgent", "develop", "maintain"}
    path = data["path_to_line"]
    assert set(path) == {"target", "items", "total_after"} and path["target"] == 85.0
    assert path["total_after"] >= 85 and path["items"][:2] == ["o42", "o43"]
    assert data["path_to_target"] is None
    assert all(isinstance(i["gain_to_line"], float) for i in data["items"])


def test_analysis_line_option_and_text(capsys, demo):
    assert run(["analysis", "--org", "วังไผ่", "--year", "2565", "--line", "๙๐", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["line"] == 90.0
    assert [i["category"] for i in data["indicators"]] == ["develop"] * 5 + [None, "urgent", "urgent", None, None]
    assert run(["analysis", "--org", "ตะโกทอง", "--year", "2566"]) == 0
    out = capsys.readouterr().out
    assert "เส้นทางสู่เกณฑ์ 85" in out and "การป้องกันการทุจริต: 55.00" in out


@pytest.mark.parametrize("args, message", [
    (["--line", "0"], "เกณฑ์ผ่าน"),
    (["--line", "abc"], "เกณฑ์ผ่าน"),
    (["--org", "ไม่มีจริง"], "ไม่พบหน่วยงาน"),
])
def test_analysis_bad_input_exits_2(capsys, demo, args, message):
    base = {"--org": "ตะโกทอง", "--year": "2566"}
    for flag, value in zip(args[::2], args[1::2]):
        base[flag] = value
    argv = ["analysis"] + [x for pair in base.items() for x in pair]
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_report_analysis_pdf_and_xlsx(capsys, demo, tmp_path):
    for name in ("a.pdf", "a.xlsx"):
        out = tmp_path / name
        assert run(["report", "analysis", "--org", "อบต.ตะโกทอง", "--year", "2566", "--out", str(out)]) == 0
        assert out.stat().st_size > 1000 and str(out) in capsys.readouterr().out
    assert (tmp_path / "a.pdf").read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize("org, year, out, message", [
    ("แม่เจดีย์", "2567", "a.pdf", "ยังไม่มีคะแนน: ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
    ("ตะโกทอง", "2566", "a.docx", ".pdf หรือ .xlsx"),
])
def test_report_refusals_exit_2(capsys, demo, tmp_path, org, year, out, message):
    assert run(["report", "analysis", "--org", org, "--year", year, "--out", str(tmp_path / out)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / out).exists()


def test_report_kinds_are_a_dict_others_extend():
    from ita_desktop.cli import cmd_report

    assert set(cmd_report.REPORTS) >= {"analysis"} and callable(cmd_report.REPORTS["analysis"])
