"""Records without a district: how many of each kind (the dashboard's list, ``teamlead check``'s warning).

A record without a district counts in no district's report, so the app shows them until someone assigns them
(:func:`teamlead.services.district_assign.assign_district`).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement
from teamlead.data.base import Base
from teamlead.data.meetings import Meeting, MeetingSeries
from teamlead.data.notes import Note
from teamlead.data.roster import Organisation
from teamlead.rules.vocabulary import DistrictedKind

MODELS: dict[DistrictedKind, type[Base]] = {
    DistrictedKind.ORGANISATION: Organisation,
    DistrictedKind.NOTE: Note,
    DistrictedKind.MEETING: Meeting,
    DistrictedKind.SERIES: MeetingSeries,
    DistrictedKind.AGREEMENT: Agreement,
}


def districtless_counts(session: Session) -> dict[DistrictedKind, int]:
    """How many records of each kind have no district (every kind, zeros too), in one statement."""
    counts = [
        select(func.count())
        .select_from(model)
        .where(model.district_id.is_(None))  # type: ignore[attr-defined]
        .scalar_subquery()
        for model in MODELS.values()
    ]
    row = session.execute(select(*counts)).one()
    return {kind: int(count) for kind, count in zip(MODELS, row, strict=True)}


def count_statement() -> str:
    """The same counts as plain SQL, one column per kind in :class:`DistrictedKind` order: for ``check``,
    which reads an SQLite file through a read-only ``sqlite3`` connection, not a session."""
    return "SELECT " + ", ".join(
        f"(SELECT count(*) FROM {kind.value} WHERE district_id IS NULL)" for kind in DistrictedKind
    )
