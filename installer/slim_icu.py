"""Shrink the ICU data library of a Linux bundle (30 MB -> a few MB) to what a Thai program needs.

PySide6's Linux wheels link Qt to ICU, whose data library holds every locale, every legacy
character set and the CJK/Khmer/Lao/Burmese dictionaries. Qt asks ICU for collation, the
Thai/English locale data and a few conversions, so the bundle keeps: the root, English and Thai
locales in every category, all non-locale data (normalization, properties, time zones, Thai
break dictionary), and only the small or Thai character-set tables. The data is repacked with
ICU's own ``icupkg`` and linked into a library of the same name and symbol.

Usage: python installer/slim_icu.py dist/ita-desktop    (needs icupkg, objcopy and gcc; without
them it says so and leaves the bundle as it is). Windows bundles carry no ICU.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = {"root", "en", "en_US", "en_US_POSIX", "en_001", "th", "th_TH", "th_TH_TRADITIONAL"}
# Non-locale resource bundles whose names look like locale ids.
NOT_LOCALES = {"res_index", "pool"}
LOCALE_RES = re.compile(r"^([a-z]{2,3}(?:_[A-Za-z0-9]*)*)\.res$")  # de__PHONEBOOK too
DROP_DICTIONARIES = {"cjdict.dict", "khmerdict.dict", "burmesedict.dict", "laodict.dict"}
THAI_CHARSETS = ("874", "8859_11")
SMALL_CHARSET = 8 * 1024


def unneeded(item: str, size: int) -> bool:
    """True for an ICU data item (``brkitr/th.res``, ``gb18030.cnv``) a Thai/English program never asks for."""
    name = item.rsplit("/", 1)[-1]
    if item.startswith("translit/"):  # transliteration rules: Qt never transliterates
        return True
    if name in DROP_DICTIONARIES:
        return True
    if name.endswith(".cnv"):
        return size > SMALL_CHARSET and not any(code in name for code in THAI_CHARSETS)
    match = LOCALE_RES.match(name)
    if match and match.group(1) not in NOT_LOCALES:
        return match.group(1) not in KEEP_LOCALES
    return False


def _tools_missing() -> list[str]:
    return [t for t in ("icupkg", "objcopy", "gcc") if shutil.which(t) is None]


def slim(library: Path) -> tuple[int, int]:
    """Rewrite ``library`` (libicudataNN.so) in place; return its sizes before and after."""
    version = re.search(r"so\.(\d+)", library.name).group(1)
    symbol = f"icudt{version}_dat"
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "small").mkdir()
        # icupkg wants the file named after the package inside it (icudt73l.dat: little-endian)
        full = work / f"icudt{version}l.dat"
        small = work / "small" / full.name
        subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(full)], check=True)
        items = _items(full, work)
        drop = {item for item, size in items.items() if unneeded(item, size)}
        _repack(full, small, drop, work / "drop.txt")
        _link(small, symbol, library.name, work / library.name)
        shutil.copyfile(work / library.name, library)
    return before, library.stat().st_size


MISSING = re.compile(r"Item (\S+) depends on missing item (\S+)")


def _repack(full: Path, small: Path, drop: set[str], listing: Path) -> None:
    """Remove ``drop`` from the package; an item another kept item needs stays (icupkg checks)."""
    for _ in range(10):
        listing.write_text("\n".join(sorted(drop)) + "\n", encoding="utf-8")
        run = subprocess.run(["icupkg", "-r", str(listing), str(full), str(small)], capture_output=True, text=True)
        if run.returncode == 0:
            return
        pairs = MISSING.findall(run.stdout + run.stderr)
        if not pairs:
            raise RuntimeError(f"icupkg failed: {run.stderr.strip()}")
        for needing, needed in pairs:
            if unneeded(needing, 0):
                drop.add(needing)  # a dropped locale's or charset's alias goes with it
            else:
                drop.discard(needed)
    raise RuntimeError("icupkg: dependencies did not settle")


def _items(data: Path, work: Path) -> dict[str, int]:
    """The package's items with their sizes (extracted once to measure them)."""
    listing = subprocess.run(["icupkg", "-l", str(data)], check=True, capture_output=True, text=True).stdout
    names = [line.strip() for line in listing.splitlines() if line.strip()]
    out = work / "items"
    out.mkdir()
    subprocess.run(["icupkg", "-x", "*", "-d", str(out), str(data)], check=True, capture_output=True)
    return {name: (out / name).stat().st_size if (out / name).exists() else 0 for name in names}


def _link(data: Path, symbol: str, soname: str, target: Path) -> None:
    source = target.with_suffix(".S")
    source.write_text(
        f'.section .rodata\n.global {symbol}\n.type {symbol}, @object\n.balign 16\n'
        f'{symbol}:\n.incbin "{data}"\n.size {symbol}, .-{symbol}\n'
        '.section .note.GNU-stack,"",@progbits\n', encoding="utf-8")
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(target), str(source)],
                   check=True)


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/ita-desktop")
    libraries = sorted(p for p in bundle.rglob("libicudata.so.*") if not p.is_symlink())
    if not libraries:
        print("slim_icu: no ICU data library in the bundle (nothing to do)")
        return 0
    missing = _tools_missing()
    if missing:
        print(f"slim_icu: {', '.join(missing)} not found; ICU data left whole (install icu-devtools, binutils, gcc)")
        return 0
    for library in libraries:
        before, after = slim(library)
        print(f"slim_icu: {library.name} {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
