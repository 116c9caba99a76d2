"""Meetings: the recurring structures of collaboration, with invitees, agenda, minutes and reflection."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from teamlead.data.base import Base, Tracked
from teamlead.data.geography import District, Neighbourhood
from teamlead.data.roster import Organisation, Person
from teamlead.rules.clock import AMSTERDAM_NAME
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import Attendance, MeetingStatus


class MeetingSeries(Tracked, Base):
    """A recurrence rule (iCalendar RRULE) in Amsterdam wall-clock time.

    Occurrences are stored as :class:`Meeting` rows with ``series_id`` and ``occurrence_key`` (the original
    start in local time), so one occurrence can be moved or cancelled while the series stays a series.
    """

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    kind: Mapped[str] = mapped_column(String(Width.CODE))
    title: Mapped[str] = mapped_column(String(Width.NAME))
    location: Mapped[str] = mapped_column(String(Width.ADDRESS), default="")
    rrule: Mapped[str] = mapped_column(String(Width.RULE))
    first_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=90)
    timezone: Mapped[str] = mapped_column(String(Width.TIMEZONE), default=AMSTERDAM_NAME)

    meetings: Mapped[list[Meeting]] = relationship(back_populates="series", order_by="Meeting.starts_at")


# The neighbourhood a meeting is about, if one (a local reflection belongs to its neighbourhood): a table of its
# own, at most one per meeting.
meeting_neighbourhood = Table(
    "meeting_neighbourhood",
    Base.metadata,
    Column("meeting_id", ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column("neighbourhood_id", ForeignKey("neighbourhood.id"), nullable=False, index=True),
)


class Meeting(Tracked, Base):
    """A scheduled meeting: network meeting, partner meeting, local reflection or other."""

    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("series_id", "occurrence_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    kind: Mapped[str] = mapped_column(String(Width.CODE), index=True)
    title: Mapped[str] = mapped_column(String(Width.NAME))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime | None] = mapped_column()
    location: Mapped[str] = mapped_column(String(Width.ADDRESS), default="")
    status: Mapped[str] = mapped_column(String(Width.CODE), default=MeetingStatus.SCHEDULED)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_series.id"), index=True)
    # For an occurrence of a series: its original local start ("YYYY-MM-DDTHH:MM"), the iCalendar RECURRENCE-ID.
    occurrence_key: Mapped[str | None] = mapped_column(String(Width.CODE))
    # True when this occurrence was changed on its own and no longer follows the series' edits.
    detached: Mapped[bool] = mapped_column(default=False)
    minutes: Mapped[str] = mapped_column(Text, default="")
    # The four local-reflection questions (shared/domain.md).
    reflection_goes_well: Mapped[str] = mapped_column(Text, default="")
    reflection_can_improve: Mapped[str] = mapped_column(Text, default="")
    reflection_do_ourselves: Mapped[str] = mapped_column(Text, default="")
    reflection_need_help: Mapped[str] = mapped_column(Text, default="")

    district: Mapped[District | None] = relationship()
    neighbourhood: Mapped[Neighbourhood | None] = relationship(
        secondary=meeting_neighbourhood, uselist=False, viewonly=True
    )
    series: Mapped[MeetingSeries | None] = relationship(back_populates="meetings")
    invitees: Mapped[list[Invitee]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Invitee.id"
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )


class Invitee(Tracked, Base):
    """An organisation, or a person there, invited to a meeting, with their attendance."""

    __tablename__ = "invitee"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    attendance: Mapped[str] = mapped_column(String(Width.CODE), default=Attendance.INVITED)

    meeting: Mapped[Meeting] = relationship(back_populates="invitees")
    organisation: Mapped[Organisation | None] = relationship()
    person: Mapped[Person | None] = relationship()


class AgendaItem(Tracked, Base):
    """One point on a meeting's agenda; ``agreement_id`` links a carried-forward open agreement."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(Width.ADDRESS))
    details: Mapped[str] = mapped_column(Text, default="")
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class CalendarSent(Base):
    """What Teamlead last wrote for one iCalendar UID (a meeting's or a series'), in a publish export or an
    invitation: its SEQUENCE and a fingerprint of what an invitee sees (start, end, place, title, status,
    invitees). The next file raises the SEQUENCE only when that fingerprint changed, so a minutes edit never
    sends partners an "updated" invitation. ``invited_at`` is when an invitation (``METHOD:REQUEST``) was last
    written: partners may have it in their calendars, so that meeting or series can be cancelled but no
    longer deleted.

    Bookkeeping, not a record users edit (no version). An export carries it, as it carries the database's
    calendar identity (the UIDs): whoever reads the export in (a successor, after a handover) updates the same
    events in partners' calendars, with SEQUENCEs that go on rising.
    """

    __tablename__ = "calendar_sent"

    uid: Mapped[str] = mapped_column(String(Width.NAME), primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), unique=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), unique=True
    )
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    fingerprint: Mapped[str] = mapped_column(String(Width.FINGERPRINT))
    written_at: Mapped[datetime] = mapped_column()
    invited_at: Mapped[datetime | None] = mapped_column()
