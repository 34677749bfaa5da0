"""After PyInstaller, on Linux: shrink the ICU data to what a Thai program needs, drop unused libraries.

1. ICU data (30 MB -> 8.5 MB).

PySide6's Linux wheels link Qt to ICU, whose data library holds every locale, every legacy
character set and the CJK/Khmer/Lao/Burmese dictionaries. Qt asks ICU for collation, the
Thai/English locale data and a few conversions, so the bundle keeps: the root, English and Thai
locales in every category, all non-locale data (normalization, properties, time zones, Thai
break dictionary), and only the small or Thai character-set tables. The data is repacked with
ICU's own ``icupkg`` and linked into a library of the same name and symbol.

2. System libraries nothing in the bundle links to (PyInstaller collects the dependencies of
Qt's GTK theme plugin, which the spec then leaves out: cairo, pango, gio, ...), found by following
every ELF file's NEEDED entries from the executable, the Python extensions, the Qt plugins and
libpython. Libraries loaded by name at run time (libthai for Thai line breaking, Qt's own) stay.

Usage: python installer/slim_bundle.py dist/ita-desktop    (needs readelf; icupkg, objcopy and gcc
for step 1, else it says so and leaves ICU whole). Windows bundles carry no ICU and no system DLLs.
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


# Loaded with dlopen (no NEEDED entry points at them): always kept.
DLOPENED = re.compile(r"^(libpython|libthai|libdatrie|libQt6|libicu|libpyside|libshiboken)")


def _needed(elf: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def unreferenced_libraries(bundle: Path) -> list[Path]:
    """Libraries in the bundle's top library folder that no kept ELF file needs."""
    elfs = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    by_name: dict[str, list[Path]] = {}
    for p in elfs:
        by_name.setdefault(p.name, []).append(p)
    for link in bundle.rglob("*.so*"):
        if link.is_symlink():
            by_name.setdefault(link.name, []).append(link.resolve())
    internal = bundle / "_internal"

    def is_root(p: Path) -> bool:
        # a library (lib*.so*) beside the executable's folder; Python extension modules are entries
        return p.parent == internal and p.name.startswith("lib") and not DLOPENED.match(p.name)

    reached: set[Path] = set()
    stack = [p for p in elfs if not is_root(p)]
    while stack:
        p = stack.pop()
        if p in reached:
            continue
        reached.add(p)
        for name in _needed(p):
            stack.extend(by_name.get(name, []))
    return sorted(p for p in elfs if is_root(p) and p not in reached)


def prune(bundle: Path) -> int:
    """Delete the unreferenced libraries (and links to them); return the bytes freed."""
    if shutil.which("readelf") is None:
        print("slim_bundle: readelf not found; unused libraries left in place (install binutils)")
        return 0
    freed = 0
    for lib in unreferenced_libraries(bundle):
        freed += lib.stat().st_size
        lib.unlink()
    for link in bundle.rglob("*"):
        if link.is_symlink() and not link.exists():
            link.unlink()
    return freed


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/ita-desktop")
    if sys.platform.startswith("linux"):
        freed = prune(bundle)
        print(f"slim_bundle: {freed / 2**20:.1f} MB of libraries nothing links to removed")
    libraries = sorted(p for p in bundle.rglob("libicudata.so.*") if not p.is_symlink())
    if not libraries:
        print("slim_bundle: no ICU data library in the bundle (nothing to do)")
        return 0
    missing = _tools_missing()
    if missing:
        print(f"slim_bundle: {', '.join(missing)} not found; ICU data left whole (install icu-devtools, binutils, gcc)")
        return 0
    for library in libraries:
        before, after = slim(library)
        print(f"slim_bundle: {library.name} {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
