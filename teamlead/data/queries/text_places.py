"""Where a free text lives, for a person who must judge a mention of a name or read what is held about them:
its date (a note's day, a meeting's, an agreement's) and the organisations it is about.

One query per kind of text for a batch of records, never one per text: an erasure of a common first name can
list hundreds of texts, an access request every text that mentions the person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from teamlead.data.admin import Narrative
from teamlead.data.agreements import Agreement, AgreementStatusChange, agreement_organisation
from teamlead.data.free_texts import TextField
from teamlead.data.meetings import AgendaItem, Meeting
from teamlead.data.notes import Note, note_organisation
from teamlead.data.places import NeighbourhoodEvent
from teamlead.data.queries._common import grouped
from teamlead.data.roster import Organisation, Role
from teamlead.data.signals import SignalRound

_CHUNK = 500  # ids per IN (...): well under every database's limit of bound parameters


@dataclass(frozen=True)
class TextPlace:
    """A text's date (None where a text has none, such as a partner's description) and its organisations."""

    on: date | None = None
    organisations: tuple[str, ...] = ()


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _dates(table: str, ids: Sequence[int]) -> Select[*tuple[Any, ...]] | None:
    """(record id, date) rows for ``ids`` of ``table``, or None when its texts have no date."""
    statements: dict[str, Select[*tuple[Any, ...]]] = {
        "note": select(Note.id, Note.occurred_on).where(Note.id.in_(ids)),
        "meeting": select(Meeting.id, Meeting.starts_at).where(Meeting.id.in_(ids)),
        "agenda_item": select(AgendaItem.id, Meeting.starts_at)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.id.in_(ids)),
        "agreement": select(Agreement.id, Agreement.made_on).where(Agreement.id.in_(ids)),
        "agreement_status_change": select(AgreementStatusChange.id, AgreementStatusChange.changed_at).where(
            AgreementStatusChange.id.in_(ids)
        ),
        "signal_round": select(SignalRound.id, SignalRound.came_in_at).where(SignalRound.id.in_(ids)),
        "narrative": select(Narrative.id, Narrative.period_to).where(Narrative.id.in_(ids)),
        "neighbourhood_event": select(NeighbourhoodEvent.id, NeighbourhoodEvent.happened_on).where(
            NeighbourhoodEvent.id.in_(ids)
        ),
    }
    return statements.get(table)


def _organisations(table: str, ids: Sequence[int]) -> Select[*tuple[Any, ...]] | None:
    """(record id, organisation name) rows in the record's order, or None when its texts name none."""
    name = Organisation.name
    if table == "note":
        return (
            select(note_organisation.c.note_id, name)
            .join(Organisation, note_organisation.c.organisation_id == Organisation.id)
            .where(note_organisation.c.note_id.in_(ids))
            .order_by(note_organisation.c.note_id, note_organisation.c.position)
        )
    if table == "agreement":
        key = agreement_organisation.c.agreement_id
        return (
            select(key, name)
            .join(Organisation, agreement_organisation.c.organisation_id == Organisation.id)
            .where(key.in_(ids))
            .order_by(key, agreement_organisation.c.position)
        )
    if table == "agreement_status_change":
        return (
            select(AgreementStatusChange.id, name)
            .join(
                agreement_organisation,
                agreement_organisation.c.agreement_id == AgreementStatusChange.agreement_id,
            )
            .join(Organisation, agreement_organisation.c.organisation_id == Organisation.id)
            .where(AgreementStatusChange.id.in_(ids))
            .order_by(AgreementStatusChange.id, agreement_organisation.c.position)
        )
    if table == "signal_round":
        return (
            select(SignalRound.id, name)
            .join(note_organisation, note_organisation.c.note_id == SignalRound.note_id)
            .join(Organisation, note_organisation.c.organisation_id == Organisation.id)
            .where(SignalRound.id.in_(ids))
            .order_by(SignalRound.id, note_organisation.c.position)
        )
    if table == "organisation":
        return select(Organisation.id, name).where(Organisation.id.in_(ids))
    if table == "person":
        return (
            select(Role.person_id, name)
            .join(Organisation, Role.organisation_id == Organisation.id)
            .where(Role.person_id.in_(ids))
            .order_by(Role.person_id, Role.id)
        )
    return None


def text_places(session: Session, texts: Iterable[tuple[TextField, int]]) -> dict[tuple[str, int], TextPlace]:
    """Each text's place, by ``(field key, record id)``; a text with neither date nor organisations gets an
    empty :class:`TextPlace`."""
    by_table: dict[str, set[int]] = {}
    keys: list[tuple[str, str, int]] = []
    for field, record_id in texts:
        by_table.setdefault(field.table.name, set()).add(record_id)
        keys.append((field.key, field.table.name, record_id))
    days: dict[tuple[str, int], date | None] = {}
    names: dict[tuple[str, int], tuple[str, ...]] = {}
    for table, all_ids in by_table.items():
        ordered = sorted(all_ids)
        for start in range(0, len(ordered), _CHUNK):
            ids = ordered[start : start + _CHUNK]
            dated = _dates(table, ids)
            if dated is not None:
                days.update(((table, int(i)), _day(day)) for i, day in session.execute(dated))
            named = _organisations(table, ids)
            if named is not None:
                rows = ((int(i), str(n)) for i, n in session.execute(named))
                names.update(((table, i), found) for i, found in grouped(rows).items())
    return {
        (key, record_id): TextPlace(days.get((table, record_id)), names.get((table, record_id), ()))
        for key, table, record_id in keys
    }
