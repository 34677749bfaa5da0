"""Offices (อบต./เทศบาล), their divisions and signatories."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Office(Base):
    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)  # full official name
    kind: Mapped[str] = mapped_column(String(50))  # องค์การบริหารส่วนตำบล, เทศบาลตำบล, ...
    district: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    memo_unit: Mapped[str] = mapped_column(String(300), default="")  # ส่วนราชการ line of memos
    memo_number_prefix: Mapped[str] = mapped_column(String(100), default="")  # ที่ ขย ๗๙๙๐๑/
    garuda_path: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    divisions: Mapped[list["Division"]] = relationship(
        back_populates="office", cascade="all, delete-orphan", order_by="Division.sort_order"
    )
    signatories: Mapped[list["Signatory"]] = relationship(
        back_populates="office", cascade="all, delete-orphan", order_by="Signatory.sort_order"
    )


class Division(Base):
    """A division of the office (สำนักปลัด, กองคลัง, กองช่าง, ...)."""

    __tablename__ = "division"
    __table_args__ = (UniqueConstraint("office_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    office: Mapped[Office] = relationship(back_populates="divisions")


class Signatory(Base):
    """A person who signs memos: the clerk, head of office, ปลัด, นายก."""

    __tablename__ = "signatory"
    __table_args__ = (UniqueConstraint("office_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40))  # clerk | head_of_office | chief_administrator | mayor
    name: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(300), default="")
    extra_positions: Mapped[str] = mapped_column(Text, default="")  # one per line
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    office: Mapped[Office] = relationship(back_populates="signatories")
