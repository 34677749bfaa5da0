"""Checks on the sample data in resources/sample (built from the five seed documents).

Plain json/pathlib only: the sample files are a data contract, independent of the app code.
"""
import json
import re
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
FILES = ["offices.json", "scores.json", "measures.json", "results.json", "memos.json", "plan.json"]
CODE_RE = re.compile(r"^[ieo][0-9]{1,2}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

TAKO = "องค์การบริหารส่วนตำบลตะโกทอง"
TUNG = "องค์การบริหารส่วนตำบลทุ่งท่าช้าง"
WANG = "เทศบาลตำบลวังไผ่"
MAE = "องค์การบริหารส่วนตำบลแม่เจดีย์"
KHAO = "องค์การบริหารส่วนตำบลเขาทอง"


def load(name):
    return json.loads((SAMPLE / name).read_text(encoding="utf-8"))


def find(records, office, year):
    hits = [r for r in records if r["office"] == office and r["year"] == year]
    assert len(hits) == 1, (office, year)
    return hits[0]


def strings(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)
    elif isinstance(obj, str):
        yield obj


@pytest.mark.parametrize("name", FILES)
def test_file_loads_as_utf8_json_with_thai_unescaped(name):
    text = (SAMPLE / name).read_text(encoding="utf-8")
    data = json.loads(text)
    assert data
    assert "\\u0e" not in text.lower()  # written with ensure_ascii=False


def test_readme_present():
    assert (SAMPLE / "README.md").is_file()


def test_offices():
    offices = {o["name"]: o for o in load("offices.json")}
    assert set(offices) == {TAKO, TUNG, WANG, MAE, KHAO}
    assert offices[WANG]["kind"] == "เทศบาลตำบล"
    assert offices[TAKO]["district"] == "ซับใหญ่" and offices[TAKO]["province"] == "ชัยภูมิ"
    assert offices[KHAO]["district"] == "เมืองกระบี่" and offices[KHAO]["province"] == "กระบี่"
    assert offices[MAE]["website"] == "www.maejd.go.th"
    assert offices[TAKO]["memo_number_prefix"] == "ขย ๗๙๙๐๑/"
    roles = {"clerk", "head_of_office", "chief_administrator", "mayor"}
    for o in offices.values():
        for s in o["signatories"]:
            assert s["role"] in roles and s["name"] and s["position"]
            assert isinstance(s["extra_positions"], list)
    mayor = [s for s in offices[TAKO]["signatories"] if s["role"] == "mayor"][0]
    assert mayor["position"] == "นายกองค์การบริหารส่วนตำบลตะโกทอง"


def _tool_means(indicators):
    by_tool = {}
    for ind in indicators:
        by_tool.setdefault(ind["tool"], []).append(ind["score"])
    return {t: sum(v) / len(v) for t, v in by_tool.items()}


def test_takothong_2566_weighted_total():
    rec = find(load("scores.json"), TAKO, 2566)
    assert [i["number"] for i in rec["indicators"]] == list(range(1, 11))
    means = _tool_means(rec["indicators"])
    assert means["IIT"] == pytest.approx(82.112, abs=1e-9)
    assert means["EIT"] == pytest.approx(79.12333, abs=1e-4)
    assert round(means["EIT"], 3) == 79.123
    assert means["OIT"] == pytest.approx(67.75, abs=1e-9)
    total = 0.3 * means["IIT"] + 0.3 * means["EIT"] + 0.4 * means["OIT"]
    assert round(total, 2) == 75.47 == rec["official_total"]
    assert rec["official_level"] == "B"


def test_takothong_items():
    rec = find(load("scores.json"), TAKO, 2566)
    items = {i["code"]: i for i in rec["items"]}
    assert len(items) == len(rec["items"]) == 38
    # OCR item codes repaired: ๑๗ -> i7, ๑๘ -> i8, ๐๑๐ -> o10
    assert items["i7"]["score"] == 60.07 and items["i8"]["score"] == 44.4
    assert items["i19"]["score"] == 64.6 and items["e6"]["score"] == 71.26
    assert items["i4"]["score"] == 100 and items["i17"]["score"] == 98.9
    oit = [i for i in rec["items"] if i["code"].startswith("o")]
    assert len(oit) == 11 and all(i["score"] == 0 for i in oit)
    assert "o10" in items and items["o10"]["text"] == "นโยบายคุ้มครองข้อมูลส่วนบุคคล"
    assert all(i["guideline"] for i in rec["items"])
    assert "ประพฤติมิชอบ" in items["i25"]["text"]


def test_thung_tha_chang_2568_and_others():
    scores = load("scores.json")
    rec = find(scores, TUNG, 2568)
    assert len(rec["indicators"]) == 10 and len(rec["indicator_notes"]) == 10
    assert rec["indicators"][0]["score"] == 98.92
    mae = find(scores, MAE, 2567)
    assert mae["official_total"] == 93.92 and mae["official_level"] == "ผ่าน"
    wang = find(scores, WANG, 2565)
    assert {i["number"]: i["score"] for i in wang["indicators"]} == {
        1: 95.84, 2: 92.37, 3: 93.12, 4: 90.86, 5: 93.08, 7: 86.79, 8: 85.95}


def test_every_item_code_and_score_valid():
    for rec in load("scores.json"):
        for ind in rec["indicators"]:
            assert isinstance(ind["score"], (int, float)) and 0 <= ind["score"] <= 100
        for it in rec["items"]:
            assert CODE_RE.match(it["code"]), it["code"]
            assert isinstance(it["score"], (int, float)) and 0 <= it["score"] <= 100
        if rec["official_total"] is not None:
            assert 0 <= rec["official_total"] <= 100
    for m in load("measures.json"):
        for row in m["rows"]:
            assert row["item_code"] is None or CODE_RE.match(row["item_code"]), row["item_code"]
            assert row["category"] in ("urgent", "develop", "maintain", None)
            for ind in row.get("indicators", []):
                assert 0 <= ind["score"] <= 100


def test_measures():
    measures = load("measures.json")
    tako = find(measures, TAKO, 2567)
    assert tako["based_on_year"] == 2566 and tako["pass_line"] == 85
    assert len(tako["rows"]) == 42
    codes = [r["item_code"] for r in tako["rows"]]
    assert codes[:3] == ["i1", "i2", "i3"] and "i7" in codes and "i8" in codes
    assert all(r["steps"] and r["reporting"] for r in tako["rows"])
    wang = find(measures, WANG, 2566)
    assert wang["based_on_year"] == 2565 and wang["pass_line"] == 90
    assert [r["category"] for r in wang["rows"]] == ["develop", "urgent"]
    assert all(r["period"] for r in wang["rows"])


def test_results_rows():
    results = load("results.json")
    tung = find(results, TUNG, 2568)
    assert len(tung["rows"]) == 10
    assert [r["order"] for r in tung["rows"]] == list(range(1, 11))
    assert tung["rows"][0]["steps"].startswith("๑) ")
    assert len(tung["summary_paragraphs"]) == 3
    mae = find(results, MAE, 2567)
    assert len(mae["rows"]) == 9
    for rec in results:
        for r in rec["rows"]:
            assert r["measure"] and r["steps"] and r["period"] and r["output"] and r["outcome"]


def test_memos():
    memos = load("memos.json")
    tako = find(memos, TAKO, 2566)
    assert tako["kind"] == "analysis" and tako["date"] == "2023-10-17"
    assert tako["salutation"] == "เรียน นายกองค์การบริหารส่วนตำบลตะโกทอง"
    mae = find(memos, MAE, 2567)
    assert mae["kind"] == "results" and mae["date"] == "2025-01-08"
    assert [s["heading"] for s in mae["sections"]] == ["เรื่องเดิม", "ข้อเท็จจริง", "ข้อกฎหมาย", "ข้อพิจารณา"]
    for m in memos:
        assert DATE_RE.match(m["date"])
        assert m["writer"]["name"] and m["comments"]


def test_plan():
    from ita_desktop.core.plan import TARGET_GROUPS

    plan = load("plan.json")
    assert plan["office"] == KHAO and (plan["start_year"], plan["end_year"]) == (2566, 2570)
    dims = plan["dimensions"]
    assert [d["number"] for d in dims] == [1, 2, 3, 4]
    # The seed's preface says 41 projects (9/19/6/7); its own summary table and
    # detail section list 15 (2/8/2/3).  The data follows the tables.
    assert [d["stated_project_count"] for d in dims] == [9, 19, 6, 7]
    assert [len(d["projects"]) for d in dims] == [2, 8, 2, 3]
    projects = [p for d in dims for p in d["projects"]]
    assert sorted(int(p["code"]) for p in projects) == list(range(1, 16))
    assert sorted(p["detail_order"] for p in projects) == list(range(1, 16))
    for p in projects:
        assert p["kind"] in ("โครงการ", "กิจกรรม", "มาตรการ")
        # the summary table prints "-" in every year and every detail page says ไม่ใช้งบประมาณ
        assert p["budgets"] == {} and p["no_budget"] is True
        assert p["detail"]["budget_text"] == "ไม่ใช้งบประมาณ"
        assert p["target_groups"] and p["target_groups"][0] in TARGET_GROUPS
        det = p["detail"]
        for key in ("rationale", "target_group", "method", "period", "budget_text", "responsible"):
            assert det[key], (p["code"], key)
        assert det["objectives"] and det["outputs_outcomes"]["outputs"] and det["outputs_outcomes"]["outcomes"]
    assert [t["ita_target"] for t in plan["targets"]] == [90, 93, 95, 97, 99]
    assert len(plan["risks"]) == 5 and all(r["level"] == "ต่ำ" for r in plan["risks"])


def test_no_known_ocr_damage_left():
    damaged = ["คະแนน", "คณะณณเจสีย", "นายกองค้การ", "ประพฤตินิยมขบ", "ประพฤตินิชอบ", "รับมิตชอบ",
               "ขออัยม", "มากนักน้อยเพียงใด", "ทริพลิสน์", "มติที่", "ราคาวัดุด", "๑๐๐.๓๓.๓๓"]
    for name in FILES:
        for s in strings(load(name)):
            for bad in damaged:
                assert bad not in s, (name, bad, s[:60])
