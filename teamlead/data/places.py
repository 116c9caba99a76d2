"""A neighbourhood's own ecosystem: its places, its dated history, and its public outcome figures.

Places (leefplekken) are where young people spend their time; a signal or a visit can point to one. History and
places stay with the team lead and its partners (never in a city output); indicators are public figures per
neighbourhood and year, which the district report may show to the city.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teamlead.data.base import Base, Tracked
from teamlead.data.geography import Neighbourhood
from teamlead.rules.limits import Width


class Place(Tracked, Base):
    """A place in a neighbourhood where young people spend their time: a school, a square, a hang-out."""

    __tablename__ = "place"
    __table_args__ = (UniqueConstraint("neighbourhood_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    neighbourhood_id: Mapped[int] = mapped_column(ForeignKey("neighbourhood.id"), index=True)
    name: Mapped[str] = mapped_column(String(Width.NAME))
    kind: Mapped[str] = mapped_column(String(Width.CODE))
    address: Mapped[str] = mapped_column(String(Width.ADDRESS), default="")

    neighbourhood: Mapped[Neighbourhood] = relationship()


class NeighbourhoodEvent(Tracked, Base):
    """A dated line of a neighbourhood's history: what happened, what changed its task."""

    __tablename__ = "neighbourhood_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    neighbourhood_id: Mapped[int] = mapped_column(ForeignKey("neighbourhood.id"), index=True)
    happened_on: Mapped[date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(Text)


class Indicator(Tracked, Base):
    """A public outcome figure of a neighbourhood in a year (the safety index, school absence, youth-care
    referrals), entered on the neighbourhood page or imported; one value per neighbourhood, year and name."""

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("neighbourhood_id", "name", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    neighbourhood_id: Mapped[int] = mapped_column(ForeignKey("neighbourhood.id"), index=True)
    name: Mapped[str] = mapped_column(String(Width.PLACE_NAME))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
