"""core/ stays free of Qt and SQLAlchemy; widgets do not build SQL."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ita_desktop"
FORBIDDEN_IN_CORE = ("PySide6", "sqlalchemy", "alembic", "ita_desktop.models", "ita_desktop.services", "ita_desktop.ui")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module if node.level == 0 else "." * node.level + node.module)
    return names


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in (PACKAGE / folder).rglob("*.py"):
        for name in _imports(path):
            if name.split(".")[0] in forbidden or any(name.startswith(f) for f in forbidden):
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return bad


def test_core_imports_neither_qt_nor_sqlalchemy():
    assert _offenders("core", FORBIDDEN_IN_CORE) == []


def test_ui_does_not_import_sqlalchemy_or_models():
    assert _offenders("ui", ("sqlalchemy", "ita_desktop.models")) == []


def test_documents_and_importers_are_free_of_qt_and_the_database():
    forbidden = ("PySide6", "sqlalchemy", "ita_desktop.models", "ita_desktop.ui")
    assert _offenders("documents", forbidden) == []
    assert _offenders("importers", forbidden) == []


def test_the_checker_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert {"PySide6.QtWidgets", "sqlalchemy.orm"} <= _imports(sample)
