"""Records get a district after the fact: the notes and agreements that follow their partner, and the
dashboard's "assign district" for every record of a kind that has none.

A record without a district counts in no district's report; these keep what the precedence of
``shared/interface.md`` ("Districts") would have given, had the district been known when it was made.
Each write is one statement per district (not one per record), each moved record gets its audit entry
(field ``district_id``), and its version goes up like any edit, so a form that showed it before is told.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.base import Base
from teamlead.data.meetings import Meeting, MeetingSeries
from teamlead.data.notes import Note, note_organisation
from teamlead.data.queries.districtless import MODELS
from teamlead.data.roster import Organisation
from teamlead.rules.vocabulary import AuditAction, DistrictedKind
from teamlead.services._common import audit_row, district_or_fail, now_or

CHUNK = 500
"""Ids per ``IN (...)`` list: far below SQLite's limit on bound values, and few statements all the same."""


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _move(
    session: Session, model: type[Base], ids: Sequence[int], district_id: int, now: datetime | None
) -> None:
    """Put the records ``ids`` (all without a district) in ``district_id``, version up, one audit entry each."""
    moment = now_or(now)
    table = model.__table__
    assert isinstance(table, Table)
    session.flush()
    for chunk in _chunks(ids):
        session.execute(
            update(table)
            .where(table.c.id.in_(chunk), table.c.district_id.is_(None))
            .values(district_id=district_id, version=table.c.version + 1, updated_at=moment)
        )
    moved = set(ids)
    for record in list(session.identity_map.values()):
        if isinstance(record, model) and getattr(record, "id", None) in moved:
            session.expire(record)  # the statement changed its row behind the object's back
    for record_id in ids:
        audit_row(session, table.name, record_id, AuditAction.UPDATE, ["district_id"], now=now)


def _follow_first_organisation(
    session: Session,
    model: type[Base],
    links: Table,
    owner: str,
    organisation_ids: Sequence[int] | None,
    now: datetime | None,
) -> int:
    """Records of ``model`` without a district whose first organisation (lowest ``position`` in ``links``)
    has one, and is one of ``organisation_ids`` (None: any), get that organisation's district."""
    owner_column = links.c[owner]
    table = model.__table__
    assert isinstance(table, Table)
    candidates = (
        select(owner_column)
        .join(table, table.c.id == owner_column)
        .where(table.c.district_id.is_(None))
        .distinct()
    )
    if organisation_ids is not None:
        candidates = candidates.where(links.c.organisation_id.in_(list(organisation_ids)))
    rows = session.execute(
        select(owner_column, links.c.organisation_id, Organisation.district_id)
        .join(Organisation, Organisation.id == links.c.organisation_id)
        .where(owner_column.in_(candidates))
        .order_by(owner_column, links.c.position, links.c.organisation_id)
    ).all()
    wanted = set(organisation_ids) if organisation_ids is not None else None
    first: dict[int, tuple[int, int | None]] = {}
    for record_id, organisation_id, district_id in rows:
        first.setdefault(record_id, (organisation_id, district_id))
    by_district: dict[int, list[int]] = {}
    for record_id, (organisation_id, district_id) in first.items():
        if district_id is not None and (wanted is None or organisation_id in wanted):
            by_district.setdefault(district_id, []).append(record_id)
    for district_id, ids in by_district.items():
        _move(session, model, sorted(ids), district_id, now)
    return sum(len(ids) for ids in by_district.values())


def follow_organisations(
    session: Session, organisation_ids: Sequence[int] | None, *, now: datetime | None = None
) -> int:
    """Notes and agreements without a district whose first organisation is one of ``organisation_ids`` (None:
    any) take that organisation's district, in the caller's transaction; how many moved.

    Called when an organisation gets a district (the partner form, the dashboard's bulk action), so a note
    logged while its partner had none counts in the partner's district from then on."""
    if organisation_ids is not None and not organisation_ids:
        return 0
    moved = _follow_first_organisation(session, Note, note_organisation, "note_id", organisation_ids, now)
    moved += _follow_first_organisation(
        session, Agreement, agreement_organisation, "agreement_id", organisation_ids, now
    )
    return moved


def assign_district(
    session: Session, kind: DistrictedKind, district_id: int, *, now: datetime | None = None
) -> int:
    """Put every record of ``kind`` without a district in ``district_id``, in one go; how many moved.

    Partners take their notes and agreements without a district along (:func:`follow_organisations`); a
    series takes its meetings without one."""
    district_or_fail(session, district_id)
    model = MODELS[kind]
    table = model.__table__
    assert isinstance(table, Table)
    ids = list(session.scalars(select(table.c.id).where(table.c.district_id.is_(None)).order_by(table.c.id)))
    if not ids:
        return 0
    _move(session, model, ids, district_id, now)
    if kind is DistrictedKind.ORGANISATION:
        follow_organisations(session, ids, now=now)
    elif kind is DistrictedKind.SERIES:
        meetings_follow_series(session, ids, now=now)
    return len(ids)


def meetings_follow_series(
    session: Session, series_ids: Sequence[int], *, now: datetime | None = None
) -> int:
    """Meetings without a district of these series (past ones too) take their series' district; how many."""
    by_district: dict[int, list[int]] = {}
    for chunk in _chunks(list(series_ids)):
        for meeting_id, district_id in session.execute(
            select(Meeting.id, MeetingSeries.district_id)
            .join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
            .where(
                Meeting.series_id.in_(chunk),
                Meeting.district_id.is_(None),
                MeetingSeries.district_id.is_not(None),
            )
        ):
            if district_id is not None:
                by_district.setdefault(district_id, []).append(meeting_id)
    for district_id, ids in by_district.items():
        _move(session, Meeting, sorted(ids), district_id, now)
    return sum(len(ids) for ids in by_district.values())
