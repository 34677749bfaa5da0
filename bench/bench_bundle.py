"""The frozen bundle's size beside the median of several cold starts of its GUI smoke test.

    python bench/bench_bundle.py [--bundle dist/ita-desktop] [--runs 5]

Each run starts ``ita-desktop --smoke-test`` offscreen on a fresh data folder (a new user's first
start: the database is created) and reads the milliseconds the program prints from its process
start to the shown main window. Build the bundle first: ``bash installer/build.sh``.
Target: at most 150 MB and 1.0 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_mb(folder: Path) -> float:
    """Size of the files under ``folder`` in MB (links counted once, as the link)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 2**20


def cold_start_ms(executable: Path) -> float:
    """One smoke test on a fresh data folder; the milliseconds it reports."""
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ITA_DESKTOP_DATA_DIR=data)
        env.pop("ITA_DESKTOP_DB_URL", None)
        run = subprocess.run([str(executable), "--smoke-test"], env=env, capture_output=True, text=True,
                             timeout=120)
    if run.returncode != 0:
        raise SystemExit(f"smoke test failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    return float([line for line in run.stdout.split() if line.strip().isdigit()][-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ita-desktop")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    exe = args.bundle / ("ita-desktop.exe" if sys.platform == "win32" else "ita-desktop")
    if not exe.exists():
        raise SystemExit(f"no bundle at {args.bundle}: build it with bash installer/build.sh")
    times = [cold_start_ms(exe) for _ in range(args.runs)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{'bundle':<28}{'size MB':>10}{'cold start ms (median)':>26}{'runs':>24}")
    print(f"{str(args.bundle.relative_to(ROOT) if args.bundle.is_relative_to(ROOT) else args.bundle):<28}"
          f"{folder_mb(args.bundle):>10.1f}{statistics.median(times):>26.0f}"
          f"{' '.join(f'{t:.0f}' for t in times):>24}")
    print(f"(cores: {os.cpu_count()}, load average at the end: {load:.1f}; targets: <= 150 MB, <= 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
