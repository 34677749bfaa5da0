"""Development guidelines (แนวทางการพัฒนา) an office wrote for one year's indicators and items."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Guideline(Base):
    """The clerk's own guideline for an indicator (``kind`` "indicator", ``key`` "10") or an item
    (``kind`` "item", ``key`` "o10") of an office-year; the library's suggestion is not stored."""

    __tablename__ = "guideline"
    __table_args__ = (UniqueConstraint("office_id", "year", "kind", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
