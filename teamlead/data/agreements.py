"""Agreements partners made: who does what by when, with the history of every status change."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teamlead.data.base import Base, Tracked
from teamlead.data.geography import District
from teamlead.data.meetings import Meeting
from teamlead.data.roster import Organisation, Person
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import AgreementStatus

agreement_organisation = Table(
    "agreement_organisation",
    Base.metadata,
    Column("agreement_id", ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
    Column("position", Integer, nullable=False, default=0),
)

agreement_meeting = Table(
    "agreement_meeting",
    Base.metadata,
    Column("agreement_id", ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True),
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True, index=True),
)
"""The meetings where an agreement was discussed (beyond the one where it was made)."""


class Agreement(Tracked, Base):
    __tablename__ = "agreement"
    # Open agreements due by a day, or per partner, without reading their rows (migration 0005).
    __table_args__ = (Index("ix_agreement_status_due_on", "status", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    responsible_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    made_on: Mapped[date] = mapped_column(Date, index=True)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(Width.CODE), default=AgreementStatus.OPEN, index=True)
    made_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )

    district: Mapped[District | None] = relationship()
    responsible_person: Mapped[Person | None] = relationship()
    made_in_meeting: Mapped[Meeting | None] = relationship()
    organisations: Mapped[list[Organisation]] = relationship(
        secondary=agreement_organisation, order_by=agreement_organisation.c.position, viewonly=True
    )
    discussed_in: Mapped[list[Meeting]] = relationship(secondary=agreement_meeting)
    history: Mapped[list[AgreementStatusChange]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementStatusChange.changed_at"
    )


class AgreementStatusChange(Base):
    """One status change; the first row of an agreement has ``from_status`` None (it was made)."""

    __tablename__ = "agreement_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(index=True)
    from_status: Mapped[str | None] = mapped_column(String(Width.CODE))
    to_status: Mapped[str] = mapped_column(String(Width.CODE))
    comment: Mapped[str] = mapped_column(Text, default="")

    agreement: Mapped[Agreement] = relationship(back_populates="history")
