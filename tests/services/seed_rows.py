"""Seed result rows (resources/sample/results.json) entered through the services, as a clerk would."""

import json

from ita_desktop import paths
from ita_desktop.services import measure_results as mr
from ita_desktop.services import offices

SOURCES = {"seed 000": ("องค์การบริหารส่วนตำบลทุ่งท่าช้าง", "ทุ่งท่าช้าง"),
           "seed 003": ("องค์การบริหารส่วนตำบลแม่เจดีย์", "แม่เจดีย์")}


def seed_entry(source: str) -> dict:
    entries = json.loads((paths.resource_path("sample") / "results.json").read_text(encoding="utf-8"))
    return next(e for e in entries if e["source"] == source)


def enter_seed_results(ctx, source: str) -> tuple[int, list[dict]]:
    """Create the office (name only) and add the seed's rows; returns (office id, rows)."""
    entry = seed_entry(source)
    name, district = SOURCES[source]
    try:
        office = offices.find_office(ctx, name).id
    except Exception:
        office = offices.save_office(ctx, offices.OfficeProfile(name=name, kind="องค์การบริหารส่วนตำบล",
                                                                district=district)).id
    for r in entry["rows"]:
        mr.add_result_row(ctx, office, entry["year"], mr.ResultInput(
            measure=r["measure"], steps=r["steps"] or "", period=r["period"] or "",
            responsible=r["responsible"] or "", output=r["output"] or "", outcome=r["outcome"] or "",
            status=mr.DONE))
    return office, entry["rows"]
