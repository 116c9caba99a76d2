"""Which texts are free text (what a team lead writes about the work) and which are master data (what names
and describes a record), for erasure and every other rewrite of what people wrote.

Free text may mention anyone, so an erased person's name is replaced there. Master data is never rewritten by
such a pass: *Jan Evertsenstraat* is an address, *Bakker* may be an organisation, *Osdorp* is a neighbourhood,
whoever shares the word. Every text column of the schema is in exactly one of :data:`FREE_TEXTS`,
:data:`MASTER_DATA` and :data:`NOT_WRITTEN` (a test checks it), so a new column is placed deliberately.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from sqlalchemy import Column, Table, bindparam, select, update
from sqlalchemy.orm import Session

from teamlead.data.admin import AuditEntry, Meta, Narrative
from teamlead.data.agreements import Agreement, AgreementStatusChange
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.meetings import AgendaItem, CalendarSent, Invitee, Meeting, MeetingSeries
from teamlead.data.notes import Note
from teamlead.data.offers import Offer
from teamlead.data.places import Indicator, NeighbourhoodEvent, Place
from teamlead.data.roster import Organisation, Person, Role
from teamlead.data.signals import SignalAsk, SignalRound, Theme
from teamlead.i18n import tr

_BATCH = 2000  # rows read at a time: a city's notes are scanned without holding them all


@dataclass(frozen=True, eq=False)
class TextField:
    """One text column: its table's rows are read and written by id. Equal by :attr:`key` (comparing the
    columns themselves with ``==`` would build an SQL expression)."""

    column: Column[str]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TextField) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)

    @property
    def table(self) -> Table:
        table = self.column.table
        assert isinstance(table, Table)
        return table

    @cached_property
    def key(self) -> str:
        """``table.column``, as the tests and labels name it."""
        return f"{self.table.name}.{self.column.name}"

    def label(self) -> str:
        """What the user calls this text (for a list of mentions)."""
        return _labels().get(self.key, self.key)


def _field(column: object) -> TextField:
    assert isinstance(column, Column)
    return TextField(column)


FREE_TEXTS: tuple[TextField, ...] = tuple(
    _field(column)
    for column in (
        Note.__table__.c.text,
        Meeting.__table__.c.minutes,
        Meeting.__table__.c.reflection_goes_well,
        Meeting.__table__.c.reflection_can_improve,
        Meeting.__table__.c.reflection_do_ourselves,
        Meeting.__table__.c.reflection_need_help,
        AgendaItem.__table__.c.title,
        AgendaItem.__table__.c.details,
        Agreement.__table__.c.text,
        AgreementStatusChange.__table__.c.comment,
        Narrative.__table__.c.text,
        Organisation.__table__.c.description,
        Organisation.__table__.c.remarks,
        Person.__table__.c.remarks,
        SignalRound.__table__.c.outcome,
        SignalRound.__table__.c.feedback,
        Neighbourhood.__table__.c.focus,
        NeighbourhoodEvent.__table__.c.text,
    )
)
"""Written about the work: may mention anyone; an erasure replaces mentions here."""

MASTER_DATA: tuple[TextField, ...] = tuple(
    _field(column)
    for column in (
        Organisation.__table__.c.name,
        Organisation.__table__.c.address,
        Organisation.__table__.c.website,
        Organisation.__table__.c.phone,
        Organisation.__table__.c.email,
        Person.__table__.c.name,
        Person.__table__.c.phone,
        Person.__table__.c.email,
        Role.__table__.c.title,
        MeetingSeries.__table__.c.title,
        MeetingSeries.__table__.c.location,
        Meeting.__table__.c.title,
        Meeting.__table__.c.location,
        District.__table__.c.name,
        Neighbourhood.__table__.c.name,
        Domain.__table__.c.name,
        Theme.__table__.c.name,
        Offer.__table__.c.name,
        Place.__table__.c.name,
        Place.__table__.c.address,
        Indicator.__table__.c.name,
    )
)
"""Names, addresses, titles, numbers: what identifies a record. Never rewritten because of another record."""

NOT_WRITTEN: tuple[TextField, ...] = tuple(
    _field(column)
    for column in (
        Note.__table__.c.kind,
        Meeting.__table__.c.kind,
        Meeting.__table__.c.status,
        Meeting.__table__.c.occurrence_key,
        MeetingSeries.__table__.c.kind,
        MeetingSeries.__table__.c.rrule,
        MeetingSeries.__table__.c.timezone,
        Invitee.__table__.c.attendance,
        Agreement.__table__.c.status,
        AgreementStatusChange.__table__.c.from_status,
        AgreementStatusChange.__table__.c.to_status,
        Organisation.__table__.c.status,
        Domain.__table__.c.key,
        Theme.__table__.c.key,
        SignalAsk.__table__.c.answer,
        Person.__table__.c.reachability,
        Place.__table__.c.kind,
        AuditEntry.__table__.c.table_name,
        AuditEntry.__table__.c.action,
        AuditEntry.__table__.c.fields,
        AuditEntry.__table__.c.user_name,  # the app's user (a login name), never a partner's words
        AuditEntry.__table__.c.changes,  # codes, dates and numbers only (teamlead.rules.audit)
        Meta.__table__.c.key,
        Meta.__table__.c.value,
        CalendarSent.__table__.c.uid,
        CalendarSent.__table__.c.fingerprint,
    )
)
"""Codes, keys and rules the app writes itself: never a person's words."""


def _labels() -> dict[str, str]:
    return {
        "note.text": tr("Note"),
        "meeting.minutes": tr("Minutes"),
        "meeting.reflection_goes_well": tr("Reflection"),
        "meeting.reflection_can_improve": tr("Reflection"),
        "meeting.reflection_do_ourselves": tr("Reflection"),
        "meeting.reflection_need_help": tr("Reflection"),
        "agenda_item.title": tr("Agenda item"),
        "agenda_item.details": tr("Agenda item"),
        "agreement.text": tr("Agreement"),
        "agreement_status_change.comment": tr("Agreement status comment"),
        "narrative.text": tr("Report narrative"),
        "organisation.description": tr("Partner description"),
        "organisation.remarks": tr("Partner remarks"),
        "person.remarks": tr("Contact remarks"),
        "organisation.name": tr("Partner name"),
        "organisation.address": tr("Partner address"),
        "organisation.website": tr("Partner website"),
        "organisation.phone": tr("Partner phone"),
        "organisation.email": tr("Partner e-mail address"),
        "person.name": tr("Contact name"),
        "person.phone": tr("Contact phone"),
        "person.email": tr("Contact e-mail address"),
        "role.title": tr("Role"),
        "meeting_series.title": tr("Meeting series title"),
        "meeting_series.location": tr("Meeting series location"),
        "meeting.title": tr("Meeting title"),
        "meeting.location": tr("Meeting location"),
        "district.name": tr("District"),
        "neighbourhood.name": tr("Neighbourhood"),
        "domain.name": tr("Domain"),
        "theme.name": tr("Theme"),
        "offer.name": tr("Offer"),
        "signal_round.outcome": tr("Signal close"),
        "signal_round.feedback": tr("Signal feedback"),
        "neighbourhood.focus": tr("Neighbourhood focus"),
        "neighbourhood_event.text": tr("Neighbourhood history"),
        "place.name": tr("Place"),
        "place.address": tr("Place address"),
        "indicator.name": tr("Indicator"),
    }


class Text(NamedTuple):
    """One text of one record (a named tuple: a city's half a million are made in one pass)."""

    field: TextField
    record_id: int
    value: str


def texts(session: Session, fields: Iterable[TextField]) -> Iterator[Text]:
    """Every non-empty text of ``fields``, read in batches (by id within each field)."""
    for field in fields:
        statement = (
            select(field.table.c.id, field.column)
            .where(field.column != "")
            .order_by(field.table.c.id)
            .execution_options(yield_per=_BATCH)
        )
        for record_id, value in session.execute(statement):
            if value:
                yield Text(field, int(record_id), str(value))


def rewrite(session: Session, changes: Iterable[Text]) -> int:
    """Write each changed text (its new value) by record id; a versioned record's version goes up, so that an
    edit started before this one is refused as a conflict. Returns how many texts were written."""
    by_field: dict[TextField, list[dict[str, object]]] = {}
    for change in changes:
        by_field.setdefault(change.field, []).append({"record": change.record_id, "value": change.value})
    for field, rows in by_field.items():
        values: dict[str, object] = {field.column.name: bindparam("value")}
        if "version" in field.table.c:
            values["version"] = field.table.c.version + 1
        statement = update(field.table).where(field.table.c.id == bindparam("record")).values(values)
        session.execute(statement, rows)
    return sum(len(rows) for rows in by_field.values())
