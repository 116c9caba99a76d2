"""The narrative a team lead writes for a district's report over a period: the city reads it as written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from teamlead.data.admin import Narrative
from teamlead.errors import ConflictError
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import audit, check_period, conflict_message, district_or_fail, flush


@dataclass(frozen=True, slots=True)
class NarrativeRow:
    id: int
    district_id: int
    period_from: date
    period_to: date
    text: str
    version: int


def get_narrative(
    session: Session, district_id: int, period_from: date, period_to: date
) -> NarrativeRow | None:
    """The text saved for exactly this district and period, or None when nothing was written yet."""
    narrative = session.scalar(
        select(Narrative).where(
            Narrative.district_id == district_id,
            Narrative.period_from == period_from,
            Narrative.period_to == period_to,
        )
    )
    if narrative is None:
        return None
    return NarrativeRow(
        narrative.id,
        narrative.district_id,
        narrative.period_from,
        narrative.period_to,
        narrative.text,
        narrative.version,
    )


def save_narrative(
    session: Session,
    district_id: int,
    period_from: date,
    period_to: date,
    text: str,
    *,
    expected_version: int | None,
    now: datetime | None = None,
) -> int:
    """Save the text; ``expected_version`` is the version the user saw, or None when there was none yet."""
    district_or_fail(session, district_id)
    check_period("period_to", period_from, period_to)
    narrative = session.scalar(
        select(Narrative).where(
            Narrative.district_id == district_id,
            Narrative.period_from == period_from,
            Narrative.period_to == period_to,
        )
    )
    if narrative is None:
        if expected_version is not None:
            raise ConflictError(conflict_message())
        narrative = Narrative(
            district_id=district_id, period_from=period_from, period_to=period_to, text=(text or "").strip()
        )
        session.add(narrative)
        try:
            flush(session)
        except IntegrityError as error:  # someone else wrote the first text at the same moment
            raise ConflictError(conflict_message()) from error
        audit(
            session,
            narrative,
            AuditAction.CREATE,
            ["district_id", "period_from", "period_to", "text"],
            now=now,
        )
        return narrative.id
    if narrative.version != expected_version:
        raise ConflictError(conflict_message())
    if narrative.text != (text or "").strip():
        narrative.text = (text or "").strip()
        flush(session)
        audit(session, narrative, AuditAction.UPDATE, ["text"], now=now)
    return narrative.id
