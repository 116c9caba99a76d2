"""Districts, their neighbourhoods, and the domains partners work in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teamlead.data.base import Base, Tracked
from teamlead.rules.limits import Width


class District(Tracked, Base):
    """The area a team lead is responsible for (Amsterdam: Centrum, Nieuw-West, ...)."""

    __tablename__ = "district"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(Width.PLACE_NAME), unique=True)

    neighbourhoods: Mapped[list[Neighbourhood]] = relationship(
        back_populates="district", order_by="Neighbourhood.name"
    )


class Neighbourhood(Tracked, Base):
    """A part of a district (Wildemanbuurt in Nieuw-West)."""

    __tablename__ = "neighbourhood"
    __table_args__ = (UniqueConstraint("district_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), index=True)
    name: Mapped[str] = mapped_column(String(Width.PLACE_NAME))
    # Its focus and task (opgave) as the team lead wrote it, and the day it was written (None: never).
    focus: Mapped[str] = mapped_column(Text, default="", server_default="")
    focus_on: Mapped[date | None] = mapped_column(Date)

    district: Mapped[District] = relationship(back_populates="neighbourhoods")


class Domain(Tracked, Base):
    """The field a partner works in. Default domains have a stable ``key`` that survives renaming."""

    __tablename__ = "domain"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(Width.KEY), unique=True)
    name: Mapped[str] = mapped_column(String(Width.PLACE_NAME), unique=True)
    position: Mapped[int] = mapped_column(default=0)
