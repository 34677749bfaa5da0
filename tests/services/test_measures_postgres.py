"""The measures services on PostgreSQL: explicit ids on restore, moves between sets, version checks."""

import pytest

from ita_desktop.services import evidence as ev
from ita_desktop.services import measure_results as mr
from ita_desktop.services import measures as ms
from ita_desktop.services import measures_xlsx as mx
from ita_desktop.services import offices
from ita_desktop.services.context import open_app
from ita_desktop.services.demo import load_sample_data
from ita_desktop.services.errors import ConflictError


def test_measures_services_on_postgresql(pg_server, tmp_path):
    ctx = open_app(tmp_path / "pg-data", pg_server.create_database("ita_test_measures"))
    try:
        load_sample_data(ctx)
        office = offices.find_office(ctx, "อบต.ตะโกทอง").id
        before = ms.measure_set_of_year(ctx, office, 2567).measures
        snap = ms.delete_measure(ctx, before[4].id, expected_version=1)
        ms.restore_measure(ctx, snap)
        new_id = ms.create_measure(ctx, office, 2567, ms.MeasureInput(issue="ประเด็นใหม่"))  # sequence still right
        assert new_id > max(m.id for m in before)
        assert ms.measure_set_of_year(ctx, office, 2567).measures[:42] == before
        kept = ms.merge_measures(ctx, [before[0].id, before[1].id])
        assert len(ms.split_measure(ctx, kept)) == 2
        row = mr.record_result(ctx, before[2].id, mr.ResultInput(status=mr.IN_PROGRESS))
        with pytest.raises(ConflictError):
            mr.record_result(ctx, before[2].id, mr.ResultInput(status=mr.DONE), expected_version=row.version + 1)
        proof = tmp_path / "หลักฐาน.pdf"
        proof.write_bytes(b"%PDF-1.4 proof")
        added = ev.add_evidence(ctx, row.id, proof)
        ev.restore_evidence(ctx, ev.remove_evidence(ctx, added.id))
        assert [e.id for e in ev.list_evidence(ctx, row.id)] == [added.id]
        moved = mr.carry_over(ctx, [before[3].id], move=True)
        mr.undo_carry_over(ctx, moved)
        path = mx.export_measures(ctx, office, 2567, tmp_path / "m.xlsx")
        assert mx.import_measures(ctx, path, office, 2568).count == 43
    finally:
        ctx.close()
