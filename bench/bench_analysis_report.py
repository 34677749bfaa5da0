"""Analysis report timings (prints numbers; not a test).

    python bench/bench_analysis_report.py [--runs N]

A fully scored office-year (every item of the 2566 catalog, 88 items, indicators from the
items, the sample's ตะโกทอง office) in a fresh data folder; inside one process that has
already built one of each (warm, median of N):

* the analysis report PDF: services.full_analysis + report data + the document engine;
* the same report as Excel;
* the cover memo alone (services.memos.write_memo_pdf), printed beside it;
* the memo with the report appended (--with-report).

Target: analysis report PDF warm <= 300 ms. Wall and CPU time are both printed: on a machine
shared by other jobs wall time includes waiting for a core.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita_desktop.services import memos, offices, scores  # noqa: E402
from ita_desktop.services.analysis_report import write_analysis_report  # noqa: E402
from ita_desktop.services.context import open_app  # noqa: E402
from ita_desktop.services.demo import load_sample_data  # noqa: E402
from ita_desktop.services.queries import get_criteria  # noqa: E402


def median_ms(action, runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``action()`` (CPU time is what a shared, loaded machine
    does not inflate; wall time is what the clerk waits on an idle PC)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def fully_scored(ctx) -> int:
    """ตะโกทอง's 2567 (no sample scores there) with every item scored; returns the office id."""
    oid = offices.find_office(ctx, "อบต.ตะโกทอง").id
    rng = random.Random(2567)
    items = {i.code: (rng.choice([0, 100, 100]) if i.code.startswith("o") else round(rng.uniform(55, 100), 2))
             for i in get_criteria(ctx, 2567).items}
    with ctx.db.session() as s:
        a = scores.get_assessment(s, oid, 2567, create=True)
        scores.write_item_scores(s, a, items)
    return oid


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ctx = open_app(Path(folder) / "data")
        load_sample_data(ctx)
        oid = fully_scored(ctx)
        out = Path(folder)
        cases = {
            "analysis report PDF": lambda: write_analysis_report(ctx, oid, 2567, out / "a.pdf"),
            "analysis report Excel": lambda: write_analysis_report(ctx, oid, 2567, out / "a.xlsx"),
            "cover memo alone": lambda: memos.write_memo_pdf(ctx, oid, 2567, "analysis", out / "m.pdf"),
            "memo + report (--with-report)": lambda: memos.write_memo_pdf(ctx, oid, 2567, "analysis", out / "mr.pdf",
                                                                          with_report=True),
        }
        for action in cases.values():
            action()  # warm up: fonts, word list, imports
        pages = len(pypdfium2.PdfDocument(str(out / "a.pdf")))
        print(f"fully scored office-year (88 items, report {pages} pages), warm, median of {args.runs} runs")
        print(f"  {'':32s} {'wall':>9s} {'CPU':>9s}")
        for name, action in cases.items():
            wall, cpu = median_ms(action, args.runs)
            print(f"  {name:32s} {wall:6.0f} ms {cpu:6.0f} ms")
        ctx.close()


if __name__ == "__main__":
    main()
