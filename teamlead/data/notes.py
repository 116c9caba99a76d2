"""Notes: dated contact moments with partners, signals among them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teamlead.data.base import Base, Tracked
from teamlead.data.geography import District, Neighbourhood
from teamlead.data.places import Place
from teamlead.data.roster import Organisation, Person
from teamlead.rules.limits import Width

# ``position`` keeps the order organisations were given in: the first one decides the note's district.
note_organisation = Table(
    "note_organisation",
    Base.metadata,
    Column("note_id", ForeignKey("note.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
    Column("position", Integer, nullable=False, default=0),
    # Covering index for "last contact per partner" (migration 0003), with ix_note_id_occurred_on.
    Index("ix_note_organisation_organisation_note", "organisation_id", "note_id"),
)

note_person = Table(
    "note_person",
    Base.metadata,
    Column("note_id", ForeignKey("note.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True),
)


# A note's place, in a table of its own (at most one per note): deleting the place or the note takes the link.
note_place = Table(
    "note_place",
    Base.metadata,
    Column("note_id", ForeignKey("note.id", ondelete="CASCADE"), primary_key=True),
    Column("place_id", ForeignKey("place.id", ondelete="CASCADE"), nullable=False, index=True),
)


class Note(Tracked, Base):
    """A contact moment (call, visit, e-mail, meeting, signal, other), with an optional follow-up."""

    __tablename__ = "note"
    __table_args__ = (
        Index("ix_note_id_occurred_on", "id", "occurred_on"),
        # The dashboard's open follow-ups and recent signals as one index range each (migration 0005).
        Index("ix_note_follow_up_open", "follow_up_done", "follow_up_on"),
        Index("ix_note_kind_occurred_on", "kind", "occurred_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    kind: Mapped[str] = mapped_column(String(Width.CODE), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    neighbourhood_id: Mapped[int | None] = mapped_column(ForeignKey("neighbourhood.id"), index=True)
    follow_up_on: Mapped[date | None] = mapped_column(Date, index=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)

    district: Mapped[District | None] = relationship()
    neighbourhood: Mapped[Neighbourhood | None] = relationship()
    organisations: Mapped[list[Organisation]] = relationship(
        secondary=note_organisation, order_by=note_organisation.c.position, viewonly=True
    )
    persons: Mapped[list[Person]] = relationship(secondary=note_person)
    # The place it is about (a signal at the square, a visit to the youth centre), if one.
    place: Mapped[Place | None] = relationship(secondary="note_place", uselist=False, viewonly=True)
