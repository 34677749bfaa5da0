"""imports.apply reports its percentage stage by stage (offices, indicator scores, item scores, the audit
log; the rows of a stage go in one bulk write); a progress that raises (cancel) rolls it all back."""

from pathlib import Path

import pytest

from ita_desktop.services import imports, offices

CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"


class Stop(Exception):
    pass


def test_apply_reports_its_percentage_stage_by_stage(ctx):
    parsed = imports.read_file(ctx, CORPUS / "provincial_12.xlsx")
    seen = []
    imports.apply(ctx, parsed, progress=lambda percent, text: seen.append((percent, text)))
    total = len(parsed.offices)
    assert total > 1 and len(seen) >= 4
    assert [p for p, _ in seen] == sorted(p for p, _ in seen) and seen[-1][0] == 100
    assert seen[0][1] == f"กำลังบันทึกหน่วยงาน {total} แห่ง"


def test_a_cancel_in_the_middle_changes_nothing(ctx):
    parsed = imports.read_file(ctx, CORPUS / "provincial_12.xlsx")

    def cancel_at_half(percent, text):
        if percent >= 50:
            raise Stop()

    with pytest.raises(Stop):
        imports.apply(ctx, parsed, progress=cancel_at_half)
    assert offices.list_offices(ctx) == []
