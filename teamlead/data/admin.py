"""Records about the work rather than the network: report narratives, the audit log, database metadata."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from teamlead.data.base import Base, Tracked
from teamlead.rules.limits import Width


class Narrative(Tracked, Base):
    """The text a team lead writes for a district's report over a period (the city reads it)."""

    __tablename__ = "narrative"
    __table_args__ = (UniqueConstraint("district_id", "period_from", "period_to"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), index=True)
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    """What happened to which record, when, and who did it. The only personal data is the user's name: no texts,
    no partner's names; values only of the fields that are codes, dates or numbers."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    table_name: Mapped[str] = mapped_column(String(Width.META_KEY))
    record_id: Mapped[int | None] = mapped_column()
    action: Mapped[str] = mapped_column(String(Width.CODE))
    # Names of the fields that changed (comma-separated).
    fields: Mapped[str] = mapped_column(String(Width.RULE), default="")
    # Who: the database role without its per-database prefix (PostgreSQL), the operating system user (SQLite);
    # None for entries written before schema 0011.
    user_name: Mapped[str | None] = mapped_column(String(Width.USER), index=True)
    # The district of the record changed, when it has one (so the audit can be read per district).
    district_id: Mapped[int | None] = mapped_column(index=True)
    # JSON {field: [old, new]} for the fields of teamlead.rules.audit.AUDITED_VALUES only: never a text or a name.
    changes: Mapped[str | None] = mapped_column(Text)


CALENDAR_KEY = "calendar_uid"
"""The database's calendar identity in :class:`Meta` (:mod:`teamlead.calendar.identity`)."""


class Meta(Base):
    """Key/value facts about the database itself; ``application = teamlead`` marks a Teamlead database."""

    __tablename__ = "teamlead_meta"

    key: Mapped[str] = mapped_column(String(Width.META_KEY), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
