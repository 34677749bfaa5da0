"""What progress reporting costs, and how soon ยกเลิก takes effect, for the long operations.

    python bench/bench_progress.py [--runs N]      # default N = 5

It prints numbers; it is not a test. For each operation: the median wall time without a
progress callable (the peer: the same work as before progress existed) and with one that counts
whole percents as the GUI's does (``core.progress.in_percent``), then the longest gap between two
reports in the run with progress: the most ยกเลิก can wait before the work stops.

Operations: a table report PDF (600 Thai rows, ~30 pages), a table workbook (3,000 rows), a
backup and a restore of the sample data with 30 attachments of 1 MB.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ita_desktop.core import progress as progress_of  # noqa: E402

ROWS = [[str(n), f"มาตรการป้องกันการทุจริตข้อที่ {n} การเปิดเผยข้อมูลการจัดซื้อจัดจ้างต่อสาธารณะ", "ดำเนินการแล้ว"]
        for n in range(1, 601)]


def _timed(fn, with_progress: bool) -> tuple[float, float]:
    """(seconds, longest gap between reports in seconds)."""
    stamps: list[float] = []
    progress = progress_of.in_percent(lambda percent, text: stamps.append(time.perf_counter())) if with_progress else None
    start = time.perf_counter()
    fn(progress)
    end = time.perf_counter()
    points = [start, *stamps, end]
    return end - start, max(b - a for a, b in zip(points, points[1:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from ita_desktop.documents.report import build_table_report
    from ita_desktop.documents.xlsx import SheetColumn, table_workbook
    from ita_desktop.services import backups
    from ita_desktop.services.context import open_app
    from ita_desktop.services.demo import load_sample_data

    out = Path(tempfile.mkdtemp(prefix="bench-progress-"))
    data = out / "data"
    ctx = open_app(data, backup_on_start=False)
    load_sample_data(ctx)
    folder = data / "attachments" / "หลักฐาน"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(30):
        (folder / f"เอกสาร-{n:02d}.pdf").write_bytes(bytes(range(256)) * 4096)
    saved = backups.create_backup(ctx, "manual", out=out / "saved.itabak")

    operations = {
        "table report PDF, 600 rows": lambda p: build_table_report(out / "t.pdf", "รายงาน", ["ทดสอบ"],
                                                                   ["ลำดับ", "มาตรการ", "ผล"], ROWS, progress=p),
        "table workbook, 3000 rows": lambda p: table_workbook(out / "t.xlsx", "ตาราง",
                                                              [SheetColumn("ลำดับ"), SheetColumn("มาตรการ"),
                                                               SheetColumn("ผล")], ROWS * 5, ["รายงาน"], progress=p),
        "backup, sample data + 30 MB": lambda p: backups.create_backup(ctx, "manual", out=out / "b.itabak", progress=p),
        "restore, sample data + 30 MB": lambda p: backups.restore_backup(ctx, saved, progress=p),
    }
    build_table_report(out / "warm.pdf", "อุ่นเครื่อง", [], ["ก"], [["ข"]])  # word list and fonts loaded once
    print(f"{'operation':32} {'without':>9} {'with':>9} {'overhead':>9} {'longest wait for ยกเลิก':>24}")
    for name, fn in operations.items():
        plain, reported, gaps = [], [], []
        for _ in range(args.runs):
            plain.append(_timed(fn, False)[0])
            seconds, gap = _timed(fn, True)
            reported.append(seconds)
            gaps.append(gap)
        a, b = statistics.median(plain), statistics.median(reported)
        print(f"{name:32} {a * 1000:7.0f}ms {b * 1000:7.0f}ms {100 * (b - a) / a:+8.1f}% "
              f"{statistics.median(gaps) * 1000:21.0f}ms")
    ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
