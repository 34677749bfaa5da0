"""Resources are found from the source tree and from a frozen bundle (sys._MEIPASS)."""

import sys

from ita_desktop import paths


def test_resources_beside_the_package():
    assert (paths.fonts_dir() / "Laksaman.ttf").exists()
    assert (paths.fonts_dir() / "LICENSE-Laksaman.txt").exists()
    assert sorted(p.name for p in paths.forms_dir().glob("criteria_*.json"))[:3] == [
        "criteria_2566.json", "criteria_2567.json", "criteria_2568.json"]


def test_frozen_bundle_resources(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    paths.resources_dir.cache_clear()
    try:
        assert paths.forms_dir() == tmp_path / "resources" / "forms"
    finally:
        paths.resources_dir.cache_clear()


def test_thai_word_list_found_installed_and_frozen(monkeypatch, tmp_path):
    from ita_desktop.documents.wordbreak import words_file

    assert words_file().is_file() and words_file().parts[-3:] == ("pythainlp", "corpus", "words_th.txt")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    # where collect_data_files("pythainlp") in the spec puts it
    assert words_file() == tmp_path / "pythainlp" / "corpus" / "words_th.txt"


def test_third_party_code_ships_its_licence():
    licences = paths.resources_dir() / "licenses"
    assert "Apache License" in (licences / "pythainlp-LICENSE.txt").read_text(encoding="utf-8")
    assert "newmm.py" in (licences / "README.md").read_text(encoding="utf-8")


def test_spec_bundles_resources_and_migrations():
    spec = (paths.resources_dir().parent / "installer" / "ita_desktop.spec").read_text(encoding="utf-8")
    assert '"resources"' in spec and "migrations" in spec and "pythainlp" in spec


def test_data_dir_override_and_env(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"
    monkeypatch.setenv(paths.DB_URL_ENV, "postgresql://x/y")
    assert paths.db_url(tmp_path) == "postgresql://x/y"
    monkeypatch.delenv(paths.DB_URL_ENV)
    assert paths.db_url(tmp_path).startswith("sqlite:///") and paths.db_url(tmp_path).endswith("ita.sqlite3")
