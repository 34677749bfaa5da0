"""Benchmark of the score-sheet importer (prints numbers; not a test).

Run from the repository root: ``python bench/bench_import.py [--repeat N]``.

Measures, in-process, the parse of a one-office sheet and of a 250-office provincial sheet,
and compares each with openpyxl's own read of the same file (read_only load + iterate every
value), which is the floor any openpyxl-based importer stands on.
Targets: one office <= 0.2 s, 250 offices <= 3 s, ratio to openpyxl <= 2.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from ita_desktop.importers import read_score_workbook  # noqa: E402
from tests.importers.criteria_data import criteria_2566  # noqa: E402
from tests.importers.make_corpus import write_provincial  # noqa: E402


def openpyxl_read(path: Path) -> int:
    """openpyxl alone: load read-only from the file's bytes and touch every value."""
    data = path.read_bytes()
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            count += len(row)
    wb.close()
    return count


def timed(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return time.perf_counter() - started


def measure(repeat: int, path: Path, criteria) -> tuple[list[float], list[float]]:
    """Wall times of the importer and of openpyxl alone, interleaved so both see the same load."""
    ours, floor = [], []
    for _ in range(repeat):
        ours.append(timed(read_score_workbook, path, criteria))
        floor.append(timed(openpyxl_read, path))
    return ours, floor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    criteria = criteria_2566()
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            "one office (seed-001 analysis)": ROOT / "tests/importers/corpus/analysis_seed001.xlsx",
            "one office (filled template)": ROOT / "tests/importers/corpus/template_filled.xlsx",
            "250 offices (provincial)": write_provincial(Path(tmp) / "province250.xlsx", 250),
        }
        print(f"{'sheet':32} {'import min':>10} {'median':>8} {'openpyxl min':>12} {'median':>8} "
              f"{'ratio min':>9} {'ratio med':>9}")
        for label, path in files.items():
            read_score_workbook(path, criteria)  # warm up imports and caches
            ours, floor = measure(args.repeat, path, criteria)
            ratios = [a / b for a, b in zip(ours, floor)]
            print(f"{label:32} {min(ours):>9.4f}s {statistics.median(ours):>7.4f}s {min(floor):>11.4f}s "
                  f"{statistics.median(floor):>7.4f}s {min(ours) / min(floor):>9.2f} {statistics.median(ratios):>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
