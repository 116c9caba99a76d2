"""Signal rounds: what a signal is about, which partners were asked and what they said, and its close.

A signal stays one :class:`~teamlead.data.notes.Note` of kind ``signal`` (``signals`` counts it once); its round
hangs off that note. A partner's answer is a contact moment of its own (a call, visit or e-mail note), linked from
the ask, so the partner's stay-in-touch light follows without the signal being counted again.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teamlead.data.base import Base, Tracked
from teamlead.data.notes import Note
from teamlead.data.roster import Organisation, Person
from teamlead.rules.limits import Width


class Theme(Tracked, Base):
    """What a signal is about. Default themes have a key of the district report (``signals_theme_<key>``);
    a user-made theme gets one from its name when made. Keys never change, names may."""

    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(Width.KEY), unique=True)
    name: Mapped[str] = mapped_column(String(Width.PLACE_NAME), unique=True)
    position: Mapped[int] = mapped_column(default=0)


signal_theme = Table(
    "signal_theme",
    Base.metadata,
    Column("round_id", ForeignKey("signal_round.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id"), primary_key=True, index=True),
)


class SignalRound(Tracked, Base):
    """The follow-up of one signal note: when it came in, its themes, the partners asked, and its close."""

    __tablename__ = "signal_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("note.id", ondelete="CASCADE"), unique=True)
    # The moment it came in, as recorded (editable afterwards); its Amsterdam day is the note's date.
    came_in_at: Mapped[datetime] = mapped_column(index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    # What was done, for the team lead; never in a city report.
    outcome: Mapped[str] = mapped_column(Text, default="")
    feedback_on: Mapped[date | None] = mapped_column(Date)
    feedback: Mapped[str] = mapped_column(Text, default="")

    note: Mapped[Note] = relationship(foreign_keys=[note_id])
    themes: Mapped[list[Theme]] = relationship(secondary=signal_theme, order_by=Theme.position)
    asks: Mapped[list[SignalAsk]] = relationship(
        back_populates="round", order_by="SignalAsk.asked_at", cascade="all, delete-orphan"
    )


class SignalAsk(Tracked, Base):
    """One partner asked about a signal: when (as recorded, editable), whom, and the answer once given."""

    __tablename__ = "signal_ask"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("signal_round.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    asked_at: Mapped[datetime] = mapped_column()
    answer: Mapped[str | None] = mapped_column(String(Width.CODE))
    # The contact moment the answer was logged as (kind call, visit or e-mail).
    contact_note_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("note.id", ondelete="SET NULL"), index=True
    )

    round: Mapped[SignalRound] = relationship(back_populates="asks")
    organisation: Mapped[Organisation] = relationship()
    person: Mapped[Person | None] = relationship()
    contact_note: Mapped[Note | None] = relationship(foreign_keys=[contact_note_id])
