"""Audit entries with old and new values; data packages refuse anything unsafe with nothing changed."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ita_desktop.services import audit, backups, offices, package, scores
from ita_desktop.services.errors import UserError

NAME = "องค์การบริหารส่วนตำบลตะโกทอง"


def test_office_edit_records_who_and_old_and_new_values(demo_ctx, tmp_path):
    ctx = demo_ctx
    audit.save_person(ctx, "นางสาวสมใจ ใจดี")
    office = offices.find_office(ctx, "อบต.ตะโกทอง")
    from dataclasses import replace

    offices.save_office(ctx, replace(office, phone="044-000000"))
    entry = audit.entries(ctx, kind="office")[0]
    assert entry.action == "office.save" and entry.office_id == office.id and entry.office == NAME
    assert entry.old["phone"] == office.phone and entry.new["phone"] == "044-000000"
    assert entry.person == "นางสาวสมใจ ใจดี" and entry.user
    assert (ctx.data_dir / audit.PERSON_FILE).read_text(encoding="utf-8") == "นางสาวสมใจ ใจดี"
    assert "นางสาวสมใจ ใจดี" in audit.people(ctx)
    assert audit.entries(ctx, who="นางสาวสมใจ ใจดี", kind="office") == [entry]
    assert audit.entries(ctx, since=entry.at + timedelta(seconds=1)) == []
    audit.save_person(ctx, "")


def test_score_edit_records_old_and_new_with_office_and_year(demo_ctx):
    ctx = demo_ctx
    office = offices.find_office(ctx, "อบต.ตะโกทอง")
    old = scores.load_scores(ctx, office.id, 2566).items["i19"]
    scores.set_item_score(ctx, office.id, 2566, "i19", 77.5)
    entry = audit.entries(ctx, kind="score", office_id=office.id)[0]
    assert (entry.year, entry.old, entry.new) == (2566, {"i19": old}, {"i19": 77.5})


def test_audit_excel_export(demo_ctx, tmp_path):
    rows = audit.entries(demo_ctx)
    out = audit.export_xlsx(demo_ctx, rows, tmp_path / "audit.xlsx")
    ws = load_workbook(out).active
    assert ws.title == "ประวัติการแก้ไข" and ws["A1"].value.startswith("วันเวลา")
    assert ws.max_row == len(rows) + 1
    with pytest.raises(UserError, match=".xlsx"):
        audit.export_xlsx(demo_ctx, rows, tmp_path / "audit.csv")


def _state(ctx):
    with ctx.reader() as r:
        return {t: r.rows(f"SELECT count(*) AS n FROM {t}")[0]["n"]
                for t in ("office", "assessment", "item_score", "measure", "result_row", "project", "memo_draft",
                          "project_budget", "attachment")}


def test_package_round_trip_keeps_every_record_and_attachment(demo_ctx, data_dir, tmp_path):
    from ita_desktop.services.context import open_app

    src = demo_ctx
    office = offices.find_office(src, "อบต.ตะโกทอง")
    (src.attachments_dir / "evidence-1.pdf").write_bytes(b"%PDF evidence")
    with src.db.session() as s:
        from ita_desktop.models import Attachment

        s.add(Attachment(office_id=office.id, year=2566, entity="office", entity_id=office.id,
                         file_name="หลักฐาน.pdf", stored_name="evidence-1.pdf",
                         sha256=hashlib.sha256(b"%PDF evidence").hexdigest()))
    pkg = package.export_office(src, office.id, tmp_path / "t.itapkg")
    before = scores.load_scores(src, office.id, 2566)
    dst = open_app(tmp_path / "other", backup_on_start=False)
    try:
        preview = package.preview_package(dst, pkg)
        assert not preview.office_exists and preview.count("add") == len(preview.units)
        result = package.import_package(dst, pkg)
        assert result.count("add") == len(result.units)
        new = offices.find_office(dst, "อบต.ตะโกทอง")
        after = scores.load_scores(dst, new.id, 2566)
        assert after.items == before.items and after.indicators == before.indicators
        assert (dst.attachments_dir / "evidence-1.pdf").read_bytes() == b"%PDF evidence"
        counts = _state(dst)
        assert counts["office"] == 1 and counts["attachment"] == 1
        assert counts == {t: preview.counts.get(t, 0) for t in counts}  # every record of the package arrived
        assert counts["measure"] and counts["item_score"]
        # again: everything exists now
        kept = package.import_package(dst, pkg, on_conflict="keep")
        assert kept.count("add") == 0 and _state(dst) == counts
        skipped = package.import_package(dst, pkg, on_conflict="skip")
        assert skipped.count("skip") == len(skipped.units) and _state(dst) == counts
        scores.set_item_score(dst, new.id, 2566, "i19", 1.0)
        replaced = package.import_package(dst, pkg, on_conflict="replace")
        assert replaced.count("replace") == len(replaced.units)
        assert scores.load_scores(dst, new.id, 2566).items == before.items
        assert _state(dst) == counts
        assert "before-package" in [b.reason for b in backups.list_backups(dst.backups_dir)]
        entry = audit.entries(dst, kind="package")[0]
        assert entry.old["replaced"] and entry.office_id == new.id
    finally:
        dst.close()


def _rewrite(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    entries = change(entries)
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return dst


def _resign(entries: dict) -> dict:
    manifest = json.loads(entries["manifest.json"])
    manifest["files"] = {n: hashlib.sha256(c).hexdigest() for n, c in entries.items() if n != "manifest.json"}
    entries["manifest.json"] = json.dumps(manifest).encode()
    return entries


@pytest.fixture
def exported(demo_ctx, tmp_path):
    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    return package.export_office(demo_ctx, office.id, tmp_path / "t.itapkg")


def _escape(e):
    e["attachments/../../evil.txt"] = b"x"
    return _resign(e)


def _unknown_kind(e):
    data = json.loads(e["data.json"])
    data["secret_table"] = [{"id": 1}]
    e["data.json"] = json.dumps(data).encode()
    return _resign(e)


def _checksum(e):
    data = json.loads(e["data.json"])
    data["office"][0]["phone"] = "099"
    e["data.json"] = json.dumps(data).encode()
    return e


def _newer(e):
    manifest = json.loads(e["manifest.json"])
    manifest["schema"] = "9999"
    e["manifest.json"] = json.dumps(manifest).encode()
    return e


def _unknown_entry(e):
    e["run.exe"] = b"MZ"
    return _resign(e)


@pytest.mark.parametrize("change, words", [
    (_escape, "ชี้ออกนอกโฟลเดอร์"), (_unknown_kind, "ไม่รู้จัก"), (_checksum, "ค่าตรวจสอบ"),
    (_newer, "รุ่นที่ใหม่กว่า"), (_unknown_entry, "ไม่รู้จัก"),
])
def test_unsafe_packages_are_refused_with_nothing_changed(demo_ctx, exported, tmp_path, change, words):
    bad = _rewrite(exported, tmp_path / "bad.itapkg", change)
    before = _state(demo_ctx)
    with pytest.raises(UserError, match=words):
        package.import_package(demo_ctx, bad, on_conflict="replace")
    assert _state(demo_ctx) == before
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_is_refused(demo_ctx, exported, tmp_path):
    bomb = tmp_path / "bomb.itapkg"

    def inflate(e):
        e["attachments/zeros.bin"] = b"\0" * (20 * 1024 * 1024)
        return _resign(e)

    _rewrite(exported, bomb, inflate)
    before = _state(demo_ctx)
    with pytest.raises(UserError, match="zip bomb"):
        package.import_package(demo_ctx, bomb)
    assert _state(demo_ctx) == before
    not_zip = tmp_path / "x.itapkg"
    not_zip.write_bytes(b"hello")
    with pytest.raises(UserError, match="ไม่ใช่ไฟล์ชุดข้อมูล"):
        package.read_package(not_zip)


def test_sample_data_over_edited_scores_records_what_it_replaced(demo_ctx):
    from ita_desktop.services.demo import load_sample_data

    office = offices.find_office(demo_ctx, "อบต.ตะโกทอง")
    scores.set_item_score(demo_ctx, office.id, 2566, "i19", 1.5)
    load_sample_data(demo_ctx)
    entry = next(e for e in audit.entries(demo_ctx, kind="demo", office_id=office.id) if e.year == 2566)
    assert entry.old["i19"] == 1.5 and entry.new["i19"] == 64.6
