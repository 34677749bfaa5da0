"""Rows of a record and everything that hangs from it, kept so that a deletion can be undone.

A snapshot follows the schema itself: from the chosen rows it takes every row of every table
whose foreign key points at them with ON DELETE CASCADE, and so on down. New tables are
therefore covered as soon as their foreign keys are declared. Restoring inserts the rows again
with their own ids, parents first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from ita_desktop.models import Base


@dataclass(frozen=True)
class Snapshot:
    """Rows by table name, in insertion order (parents first)."""

    rows: dict[str, list[dict]] = field(default_factory=dict)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))


def _children(parent: Table) -> list[tuple[Table, str, str]]:
    """(child table, child column, parent column) of every cascading foreign key to ``parent``."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is parent and (fk.ondelete or "").upper() == "CASCADE":
                found.append((table, fk.parent.name, fk.column.name))
    return found


def take(s: Session, table_name: str, where: dict) -> Snapshot:
    """The rows of ``table_name`` matching ``where`` (column: value) and all their dependants."""
    root = Base.metadata.tables[table_name]
    query = select(root)
    for column, value in where.items():
        query = query.where(root.c[column] == value)
    collected: dict[str, list[dict]] = {}
    _collect(s, root, [dict(r) for r in s.execute(query).mappings()], collected)
    order = [t.name for t in Base.metadata.sorted_tables if t.name in collected]
    return Snapshot({name: collected[name] for name in order})


def _collect(s: Session, table: Table, rows: list[dict], collected: dict[str, list[dict]]) -> None:
    if not rows:
        return
    collected.setdefault(table.name, []).extend(rows)
    for child, column, parent_column in _children(table):
        keys = sorted({r[parent_column] for r in rows})
        found = []
        for start in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
            found += [dict(r) for r in s.execute(
                select(child).where(child.c[column].in_(keys[start:start + 500]))).mappings()]
        _collect(s, child, found, collected)


def remove(s: Session, table_name: str, where: dict) -> None:
    """Delete the matching rows; the database's cascades remove their dependants."""
    root = Base.metadata.tables[table_name]
    statement = delete(root)
    for column, value in where.items():
        statement = statement.where(root.c[column] == value)
    s.execute(statement)


def restore(s: Session, snapshot: Snapshot) -> None:
    """Insert every row of ``snapshot`` again, parents first, with the ids they had."""
    for name, rows in snapshot.rows.items():
        if rows:
            s.execute(insert(Base.metadata.tables[name]), rows)
