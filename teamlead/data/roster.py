"""The partner roster: organisations, the people there, and their roles over time."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teamlead.data.base import Base, Tracked
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import OrganisationStatus

organisation_neighbourhood = Table(
    "organisation_neighbourhood",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "neighbourhood_id", ForeignKey("neighbourhood.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

# A partner's key contact: at most one person per partner (its own table, so that deleting the person or the
# partner takes the choice with it on every backend).
key_contact = Table(
    "key_contact",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True),
)


class Organisation(Tracked, Base):
    """A partner in the network: youth work, a police team, a school, a mosque, a residents' initiative."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(Width.NAME), index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    domain_id: Mapped[int | None] = mapped_column(ForeignKey("domain.id"), index=True)
    address: Mapped[str] = mapped_column(String(Width.ADDRESS), default="")
    website: Mapped[str] = mapped_column(String(Width.ADDRESS), default="")
    phone: Mapped[str] = mapped_column(String(Width.PHONE), default="")
    email: Mapped[str] = mapped_column(String(Width.EMAIL), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # What the team lead keeps about the partner beyond the fields, e.g. lines a roster import brought along.
    remarks: Mapped[str] = mapped_column(Text, default="", server_default="")
    is_informal: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(Width.CODE), default=OrganisationStatus.ACTIVE, index=True)
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    # How often the team lead wants to be in touch, in days; None: no cadence, never overdue.
    contact_cadence_days: Mapped[int | None] = mapped_column(Integer)

    district: Mapped[District | None] = relationship()
    domain: Mapped[Domain | None] = relationship()
    neighbourhoods: Mapped[list[Neighbourhood]] = relationship(
        secondary=organisation_neighbourhood, order_by="Neighbourhood.name"
    )
    roles: Mapped[list[Role]] = relationship(back_populates="organisation", order_by="Role.started_on")
    # The person the team lead calls first (vaste contactpersoon), if chosen.
    key_contact: Mapped[Person | None] = relationship(secondary="key_contact", uselist=False)


class Person(Tracked, Base):
    """A contact person. Their link to organisations is through :class:`Role`, so history is kept."""

    __tablename__ = "person"
    # No INSERT ... RETURNING: on a shared database a new person is visible to its writer only once a role links
    # it to one of their organisations (teamlead.data.access), so the id is taken from the sequence first.
    __table_args__ = ({"implicit_returning": False},)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(Width.NAME), index=True)
    phone: Mapped[str] = mapped_column(String(Width.PHONE), default="")
    email: Mapped[str] = mapped_column(String(Width.EMAIL), default="", index=True)
    remarks: Mapped[str] = mapped_column(Text, default="")
    # When they can be reached, Amsterdam time: ReachWindow values, comma-separated ("" = not said).
    reachability: Mapped[str] = mapped_column(String(Width.RULE), default="", server_default="")

    roles: Mapped[list[Role]] = relationship(back_populates="person", order_by="Role.started_on")


class Role(Tracked, Base):
    """A person's role at an organisation from a date to a date (open-ended while current).

    A person may hold two roles at once, or move: the old role gets an end date, a new one starts.
    """

    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    title: Mapped[str] = mapped_column(String(Width.NAME), default="")
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="roles")
    organisation: Mapped[Organisation] = relationship(back_populates="roles")
