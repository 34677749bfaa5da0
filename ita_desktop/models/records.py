"""Attachments, memo drafts, the audit log and application settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Attachment(Base):
    """A file kept in the data folder's attachments/ and linked to a record."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    entity: Mapped[str] = mapped_column(String(40), default="")  # measure, result_row, project, ...
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    file_name: Mapped[str] = mapped_column(String(500))
    stored_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class MemoDraft(Base):
    """The clerk's edited text of a memo, kept so it can be printed again."""

    __tablename__ = "memo_draft"
    __table_args__ = (UniqueConstraint("office_id", "year", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))  # analysis | results | ...
    number: Mapped[str] = mapped_column(String(100), default="")
    date: Mapped[str] = mapped_column(String(20), default="")  # ISO date
    content_json: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON
    user: Mapped[str] = mapped_column(String(100), default="")  # operating-system login
    person: Mapped[str] = mapped_column(String(100), default="", server_default="")  # name set in the program
    office_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)  # no FK: outlives the office
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    old: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON of the values before
    new: Mapped[str] = mapped_column(Text, default="", server_default="")  # JSON of the values after


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class ChangeCounter(Base):
    """One row whose ``n`` grows with every committed write: other windows poll it to redraw."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
