"""Retention: notes older than the period the team lead chose (e.g. 5 years) are reviewed, then deleted.

The period is kept in the database (``teamlead_meta``), not in one person's settings: on a shared database it
is the team's rule, and the same whoever opens it. A period chosen before the database kept it (the personal
setting) still counts until one is chosen again.

Deleting is never automatic: :func:`notes_past_retention` lists what would go, the user confirms, and
:func:`delete_notes` removes exactly those (and not a note edited meanwhile: its version must still match).
Each deletion goes in the audit log by id only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from teamlead.data.access.refusals import refuse_retention_change
from teamlead.data.admin import Meta
from teamlead.data.notes import Note, note_organisation
from teamlead.data.roster import Organisation
from teamlead.data.signals import SignalAsk, SignalRound
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import settings
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import audit_row

log = logging.getLogger(__name__)

DEFAULT_YEARS = 5
REVIEW_LIMIT = 5000


RETENTION_KEY = "retention_years"
"""The key of the retention period in ``teamlead_meta``."""
FEWEST_YEARS = 1
MOST_YEARS = 50


def retention_years(session: Session) -> int:
    """The database's retention period in years; before one was chosen there, the personal setting of
    earlier versions, else :data:`DEFAULT_YEARS`."""
    stored = session.scalar(select(Meta.value).where(Meta.key == RETENTION_KEY))
    if stored is not None and stored.isdigit() and FEWEST_YEARS <= int(stored) <= MOST_YEARS:
        return int(stored)
    legacy = settings.load().retention_years
    return legacy if legacy is not None and FEWEST_YEARS <= legacy <= MOST_YEARS else DEFAULT_YEARS


def set_retention_years(session: Session, years: int, *, now: datetime | None = None) -> None:
    """Keep ``years`` as the database's retention period (audited: the field's name, as for any record)."""
    if not FEWEST_YEARS <= years <= MOST_YEARS:
        raise ValidationError("retention_years", tr("The retention period must be 1 to 50 years."))
    refuse_retention_change(session)
    meta = session.get(Meta, RETENTION_KEY)
    if meta is None:
        session.add(Meta(key=RETENTION_KEY, value=str(years)))
    elif meta.value == str(years):
        return
    else:
        meta.value = str(years)
    session.flush()
    audit_row(session, Meta.__tablename__, None, AuditAction.UPDATE, [RETENTION_KEY], now=now)


def cutoff(today: date, years: int) -> date:
    """The first day still kept: ``years`` before ``today`` (29 February becomes 28 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


@dataclass(frozen=True)
class ExpiredNote:
    """A note past the retention period, as the review list shows it."""

    id: int
    version: int
    occurred_on: date
    kind: str
    partner: str
    excerpt: str


def notes_past_retention(session: Session, today: date, years: int) -> list[ExpiredNote]:
    """Notes dated before :func:`cutoff`, oldest first (at most :data:`REVIEW_LIMIT` at a time)."""
    first_partner = (
        select(Organisation.name)
        .join(note_organisation, note_organisation.c.organisation_id == Organisation.id)
        .where(note_organisation.c.note_id == Note.id)
        .order_by(note_organisation.c.position)
        .limit(1)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Note.id, Note.version, Note.occurred_on, Note.kind, first_partner, Note.text)
        .where(Note.occurred_on < cutoff(today, years))
        .order_by(Note.occurred_on, Note.id)
        .limit(REVIEW_LIMIT)
    ).all()
    return [
        ExpiredNote(id, version, occurred, kind, partner or "", " ".join((text or "").split())[:120])
        for id, version, occurred, kind, partner, text in rows
    ]


def delete_notes(session: Session, notes: list[ExpiredNote], *, now: datetime | None = None) -> int:
    """Delete the reviewed notes that are unchanged since the review; return how many went."""
    moment = now or datetime.now(UTC)
    gone = 0
    for note in notes:
        # A signal's round and the partners asked go with it (the database cascades): audited as well.
        round_ids = list(session.scalars(select(SignalRound.id).where(SignalRound.note_id == note.id)))
        ask_ids = list(session.scalars(select(SignalAsk.id).where(SignalAsk.round_id.in_(round_ids))))
        result = session.execute(delete(Note).where(Note.id == note.id, Note.version == note.version))
        if getattr(result, "rowcount", 0):
            gone += 1
            for ask_id in ask_ids:
                audit_row(session, "signal_ask", ask_id, AuditAction.RETENTION, now=moment)
            for round_id in round_ids:
                audit_row(session, "signal_round", round_id, AuditAction.RETENTION, now=moment)
            audit_row(session, "note", note.id, AuditAction.RETENTION, now=moment)
    session.flush()
    log.info("retention: %d notes deleted", gone)
    return gone
