"""The Windows installer, build scripts, spec and CI workflow name only things that exist.

They cannot run here (no Windows), so these checks read them: every path they name is present,
the installer is per-user and keeps the user's data, and the build stays small."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
ISS = (INSTALLER / "ita_desktop.iss").read_text(encoding="utf-8-sig")
BAT = (INSTALLER / "build.bat").read_text(encoding="utf-8")
SPEC = (INSTALLER / "ita_desktop.spec").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")


def _exists(relative: str, base: Path) -> bool:
    """A path as a script names it (backslashes, a trailing wildcard) exists under ``base``."""
    cleaned = relative.replace("\\", "/").strip('"')
    if cleaned.endswith("/*"):
        cleaned = cleaned[:-2]
    return (base / cleaned).resolve().exists()


def iss_sources() -> list[str]:
    return re.findall(r'^Source:\s*"([^"]+)"', ISS, flags=re.M)


def test_iss_sources_exist_or_are_built_by_the_spec():
    sources = iss_sources()
    assert sources, "no [Files] entries"
    for source in sources:
        if source.startswith("..\\dist\\ita-desktop"):
            continue  # made by PyInstaller: checked below through the spec's COLLECT name
        assert _exists(source, INSTALLER), source
    assert 'COLLECT(*collected, name="ita-desktop"' in SPEC
    # the guide's Start-menu shortcut points into the bundle, where the spec puts docs/guide
    assert "{app}\\_internal\\docs\\guide\\index.html" in ISS and (ROOT / "docs" / "guide" / "index.html").is_file()
    assert '(str(ROOT / "docs" / "guide"), "docs/guide")' in SPEC
    license_file = re.search(r"^LicenseFile=(.+)$", ISS, flags=re.M).group(1)
    assert _exists(license_file, INSTALLER)


def test_iss_is_per_user_with_shortcuts_association_and_keeps_data():
    assert re.search(r"^PrivilegesRequired=lowest$", ISS, flags=re.M)
    assert "DefaultDirName={localappdata}\\Programs\\" in ISS
    assert "HKLM" not in ISS and "{commonappdata}" not in ISS and "{pf}" not in ISS  # nothing needs admin
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', ISS, flags=re.M)
    assert re.search(r'^Name: "\{userdesktop\}\\', ISS, flags=re.M)
    assert 'Subkey: "Software\\Classes\\.itapkg"' in ISS and '""%1""' in ISS and "ChangesAssociations=yes" in ISS
    # the uninstaller never deletes the data folder (%LOCALAPPDATA%\ITA Desktop, paths.APP_NAME)
    uninstall = "\n".join(line for line in ISS.split("[UninstallDelete]", 1)[1].splitlines()
                          if not line.startswith(";"))
    assert "{localappdata}" not in uninstall and "{userappdata}" not in uninstall
    assert all(line.startswith("Type:") or not line.strip() for line in uninstall.splitlines())
    assert re.search(r'Name: "\{app\}\\[^"]+"', uninstall)


def test_iss_exe_names_match_the_spec():
    assert '#define AppExe "ita-desktop.exe"' in ISS
    assert 'name="ita-desktop"' in SPEC and 'name="ita-cli"' in SPEC


def test_build_bat_names_existing_files():
    for path in re.findall(r"installer\\[\w.]+", BAT):
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    assert "ita-cli.exe demo" in BAT and "--smoke-test" in BAT and "iscc" in BAT.lower()
    assert "goto :error" in BAT  # a failing step stops the build


def test_spec_names_existing_files():
    for name in re.findall(r'ROOT / "installer" / "([\w.]+)"', SPEC):
        assert (INSTALLER / name).is_file(), name
    assert '(str(ROOT / "resources"), "resources")' in SPEC
    assert (ROOT / "ita_desktop" / "models" / "migrations" / "env.py").is_file()


def test_workflow_names_existing_files():
    assert "runs-on: windows-latest" in WORKFLOW
    for path in re.findall(r"(?:installer|tests|dist)[\\/][\w./\\-]+", WORKFLOW):
        clean = path.replace("\\", "/")
        if clean.startswith("dist/"):
            continue  # built by the workflow
        assert (ROOT / clean).exists(), path
    assert "/CURRENTUSER" in WORKFLOW and "check_bundle.sh" in WORKFLOW


def test_ci_builds_and_checks_the_bundle_after_the_tests():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert ci.index("bash scripts/test.sh") < ci.index("bash installer/build.sh")
    build = (INSTALLER / "build.sh").read_text(encoding="utf-8")
    assert "slim_bundle.py" in build and "check_bundle.sh" in build


@pytest.mark.parametrize("argv0, expected", [
    ("/opt/ita/ita-cli", True), ("C:\\ITA\\ita-cli.exe", True), ("/opt/ita/ita-desktop", False),
    ("ita-desktop.exe", False)])
def test_entry_script_picks_the_program_by_its_name(monkeypatch, argv0, expected):
    entry = runpy.run_path(str(INSTALLER / "entry.py"), run_name="not_main")
    monkeypatch.setattr(sys, "argv", [argv0.replace("\\", "/")])
    monkeypatch.setattr(sys, "executable", "/opt/ita/ita-desktop")
    assert entry["_started_as_cli"]() is expected


def test_entry_script_imports_the_package_absolutely():
    text = (INSTALLER / "entry.py").read_text(encoding="utf-8")
    assert "from ita_desktop.cli.main import main" in text and "from ita_desktop.app import main" in text
    assert not re.search(r"^\s*from \.", text, flags=re.M)


def test_slim_bundle_keeps_thai_english_and_shared_data():
    slim = runpy.run_path(str(INSTALLER / "slim_bundle.py"), run_name="not_main")
    unneeded = slim["unneeded"]
    for kept in ["th.res", "th_TH.res", "en.res", "root.res", "pool.res", "res_index.res", "coll/th.res",
                 "coll/ucadata.icu", "brkitr/thaidict.dict", "zoneinfo64.res", "supplementalData.res",
                 "windows-874-2000.cnv", "cnvalias.icu", "nfkc.nrm", "uts46.nrm"]:
        assert not unneeded(kept, 200_000), kept
    for dropped in ["de.res", "zh_Hant_TW.res", "coll/ja.res", "coll/de__PHONEBOOK.res", "curr/fr.res",
                    "brkitr/cjdict.dict", "gb18030.cnv", "translit/root.res"]:
        assert unneeded(dropped, 200_000), dropped


def test_slim_bundle_keeps_what_is_linked_or_loaded_by_name(tmp_path):
    import shutil

    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) is not installed")
    slim = runpy.run_path(str(INSTALLER / "slim_bundle.py"), run_name="not_main")
    internal = tmp_path / "_internal"
    internal.mkdir()
    python_so = Path(sys.executable).resolve()  # an ELF file that links to libc (or libpython)
    ext = internal / "fake.cpython-311-x86_64-linux-gnu.so"
    shutil.copy(python_so, ext)
    needed = sorted(slim["_needed"](ext))
    assert needed, "the copied interpreter links to nothing?"
    linked = internal / needed[0]
    shutil.copy(python_so, linked)  # stands in for a library the extension links to
    unused = internal / "libunused.so.1"
    shutil.copy(python_so, unused)
    thai = internal / "libthai.so.0"  # loaded by Qt with dlopen: never removed
    shutil.copy(python_so, thai)
    assert slim["unreferenced_libraries"](tmp_path) == [unused]


def test_thai_text_reaches_windows_tools_as_utf8():
    # Inno Setup reads a script without a byte-order mark as ANSI: the Thai shortcut names would break
    assert (INSTALLER / "ita_desktop.iss").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "chcp 65001" in BAT.split("ita-cli.exe demo", 1)[0]  # cmd.exe reads the Thai office name as UTF-8
