"""The frozen bundle's size beside the median of several cold starts of its GUI smoke test.

    python bench/bench_bundle.py [--bundle dist/ita-desktop] [--runs 5]

Each run starts ``ita-desktop --smoke-test`` offscreen on a fresh data folder (a new user's first
start: the database is created), then once more on that folder, and reads the milliseconds the
program prints from its process start to the shown main window. The same runs from the source
tree follow, so that a loaded machine shows as such. Build the bundle first: ``bash installer/build.sh``.
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


def smoke_ms(command: list[str], data: str) -> tuple[float, float]:
    """One ``--smoke-test`` run on the data folder ``data``: the milliseconds it reports and its CPU ms."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ITA_DESKTOP_DATA_DIR=data)
    env.pop("ITA_DESKTOP_DB_URL", None)
    before = _children_cpu()
    run = subprocess.run(command + ["--smoke-test"], env=env, capture_output=True, text=True, timeout=180, cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(f"smoke test failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    shown = float([line for line in run.stdout.split() if line.strip().isdigit()][-1])
    return shown, (_children_cpu() - before) * 1000


def _children_cpu() -> float:
    """CPU seconds (user + system) of finished child processes: less sensitive to a busy machine."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_and_next_starts(command: list[str], runs: int) -> tuple[list, list]:
    """Per run: a first start on a fresh data folder (database created), then a start on that folder."""
    first, again = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            first.append(smoke_ms(command, data))
            again.append(smoke_ms(command, data))
    return first, again


def row(name: str, size: str, runs: list[tuple[float, float]]) -> str:
    shown = [t for t, _ in runs]
    cpu = statistics.median(c for _, c in runs)
    return (f"{name:<34}{size:>9}{statistics.median(shown):>10.0f}{cpu:>9.0f}   "
            f"{' '.join(f'{t:.0f}' for t in shown)}")


def compiled() -> None:
    """The program's modules compiled to bytecode first, as an installed copy has them (pip and the
    bundle compile them; a checkout run with PYTHONDONTWRITEBYTECODE=1 would compile on every run)."""
    import compileall

    compileall.compile_dir(str(ROOT / "ita_desktop"), quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ita-desktop")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-source", action="store_true", help="skip the same runs from the source tree")
    args = parser.parse_args(argv)
    exe = args.bundle / ("ita-desktop.exe" if sys.platform == "win32" else "ita-desktop")
    if not exe.exists():
        raise SystemExit(f"no bundle at {args.bundle}: build it with bash installer/build.sh")
    size = f"{folder_mb(args.bundle):.1f}"
    print(f"{'GUI --smoke-test (offscreen)':<34}{'size MB':>9}{'median':>10}{'CPU':>9}   runs (ms)")
    first, again = first_and_next_starts([str(exe)], args.runs)
    print(row("frozen, first start (new data)", size, first))
    print(row("frozen, next start", size, again))
    if not args.no_source:  # the same machine's load, for comparison
        compiled()
        first, again = first_and_next_starts([sys.executable, "-m", "ita_desktop"], args.runs)
        print(row("source tree, first start", "-", first))
        print(row("source tree, next start", "-", again))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(cores: {os.cpu_count()}, load average: {load:.1f}; targets: <= 150 MB, <= 1000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
