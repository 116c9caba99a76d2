"""One district's records as the sheets of ``teamlead export``, for the handover (``shared/interface.md``).

The same format and writer as the whole export (:mod:`teamlead.reporting.export`), so that ``teamlead import``
reads it into an empty database; only the rows differ. The district's own records are whole: its
neighbourhoods (with their places, history and figures), its organisations (home district) with their persons
and roles, its notes, meetings, series, agreements, signal rounds and narratives. An organisation of another
district that those records name (an invitee, a note's or agreement's partner, a partner serving one of its
neighbourhoods) comes along as a *reference row*: its name, domain, status and neighbourhoods, none of its
contact details, notes or persons. A link to a person who is not of the district's organisations is left out
(an invitee keeps the organisation), so a successor never receives another district's people.

Everything is decided in SQL (subqueries, no id lists), so a city database of any size scopes in one pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    Table,
    Text,
    case,
    false,
    literal,
    null,
    or_,
    select,
    union,
)

from teamlead.data import migrate
from teamlead.data.base import Base
from teamlead.data.export_format import (
    ABOUT,
    ABOUT_HEADERS,
    about_rows,
    export_query,
    export_tables,
    headers,
    row_writer,
)
from teamlead.reporting.export import BATCH, ExportSheet

REFERENCE_KEEPS = frozenset(
    {"id", "name", "district_id", "domain_id", "is_informal", "status", "joined_on", "left_on"}
    | {"created_at", "updated_at", "version"}
)
"""What a reference row of another district's organisation keeps; its other columns are emptied."""


class _Scope:
    """The subqueries that say which rows of each table belong to the district's handover."""

    def __init__(self, district_id: int) -> None:
        t = Base.metadata.tables
        self.district_id = district_id
        organisation, neighbourhood = t["organisation"], t["neighbourhood"]
        self.own_organisations = select(organisation.c.id).where(organisation.c.district_id == district_id)
        self.own_neighbourhoods = select(neighbourhood.c.id).where(neighbourhood.c.district_id == district_id)
        self.notes = select(t["note"].c.id).where(t["note"].c.district_id == district_id)
        self.meetings = select(t["meeting"].c.id).where(t["meeting"].c.district_id == district_id)
        self.series = select(t["meeting_series"].c.id).where(t["meeting_series"].c.district_id == district_id)
        self.agreements = select(t["agreement"].c.id).where(t["agreement"].c.district_id == district_id)
        self.rounds = select(t["signal_round"].c.id).where(t["signal_round"].c.note_id.in_(self.notes))
        self.persons = select(t["role"].c.person_id).where(
            t["role"].c.organisation_id.in_(self.own_organisations)
        )
        self.places = select(t["place"].c.id).where(
            t["place"].c.neighbourhood_id.in_(self.own_neighbourhoods)
        )
        serving = t["organisation_neighbourhood"]
        named_by = (
            select(serving.c.organisation_id).where(serving.c.neighbourhood_id.in_(self.own_neighbourhoods)),
            select(t["invitee"].c.organisation_id).where(
                t["invitee"].c.meeting_id.in_(self.meetings), t["invitee"].c.organisation_id.is_not(None)
            ),
            select(t["note_organisation"].c.organisation_id).where(
                t["note_organisation"].c.note_id.in_(self.notes)
            ),
            select(t["agreement_organisation"].c.organisation_id).where(
                t["agreement_organisation"].c.agreement_id.in_(self.agreements)
            ),
            select(t["signal_ask"].c.organisation_id).where(t["signal_ask"].c.round_id.in_(self.rounds)),
        )
        named = union(*named_by)
        self.organisations = union(self.own_organisations, *named_by)  # flat: SQLite nests no UNION
        references = select(organisation.c.id).where(
            organisation.c.id.in_(named), organisation.c.id.not_in(self.own_organisations)
        )
        self.neighbourhoods = union(
            self.own_neighbourhoods,
            select(serving.c.neighbourhood_id).where(serving.c.organisation_id.in_(references)),
            select(t["note"].c.neighbourhood_id).where(
                t["note"].c.district_id == district_id, t["note"].c.neighbourhood_id.is_not(None)
            ),
            select(t["meeting_neighbourhood"].c.neighbourhood_id).where(
                t["meeting_neighbourhood"].c.meeting_id.in_(self.meetings)
            ),
        )
        self.districts = union(
            select(literal(district_id)),
            select(neighbourhood.c.district_id).where(neighbourhood.c.id.in_(self.neighbourhoods)),
            select(organisation.c.district_id).where(
                organisation.c.id.in_(self.organisations), organisation.c.district_id.is_not(None)
            ),
        )

    def where(self, table: Table) -> list[ColumnElement[bool]]:
        """Which rows of ``table`` the handover holds (none: the vocabularies and ``teamlead_meta``, whole)."""
        c, name = table.c, table.name
        records: dict[str, Any] = {
            "district": self.districts,
            "person": self.persons,
            "meeting_series": self.series,
            "neighbourhood": self.neighbourhoods,
            "organisation": self.organisations,
            "meeting": self.meetings,
            "note": self.notes,
            "agreement": self.agreements,
            "signal_round": self.rounds,
        }
        if name in records:
            return [c.id.in_(records[name])]
        links: dict[str, list[ColumnElement[bool]]] = {
            "audit_entry": [false()],  # the whole database's history, not the district's
            "narrative": [c.district_id == self.district_id] if name == "narrative" else [],
            "organisation_offer": [c.organisation_id.in_(self.own_organisations)]
            if name == "organisation_offer"
            else [],
            "role": [c.organisation_id.in_(self.own_organisations)] if name == "role" else [],
            "key_contact": [c.organisation_id.in_(self.own_organisations), c.person_id.in_(self.persons)]
            if name == "key_contact"
            else [],
        }
        if name in links:
            return links[name]
        if name == "organisation_neighbourhood":
            return [c.organisation_id.in_(self.organisations), c.neighbourhood_id.in_(self.neighbourhoods)]
        if name == "calendar_sent":
            return [or_(c.meeting_id.in_(self.meetings), c.series_id.in_(self.series))]
        if name == "note_person":
            return [c.note_id.in_(self.notes), c.person_id.in_(self.persons)]
        if name == "note_place":
            return [c.note_id.in_(self.notes), c.place_id.in_(self.places)]
        if name == "agreement_meeting":
            return [c.agreement_id.in_(self.agreements), c.meeting_id.in_(self.meetings)]
        if name == "invitee":
            return [
                c.meeting_id.in_(self.meetings),
                or_(c.organisation_id.is_not(None), c.person_id.in_(self.persons)),
            ]
        owners: dict[str, Any] = {
            "meeting_id": self.meetings,
            "note_id": self.notes,
            "agreement_id": self.agreements,
            "round_id": self.rounds,
            "neighbourhood_id": self.own_neighbourhoods,  # places, history lines, figures
        }
        for column, subquery in owners.items():
            if column in c:
                return [c[column].in_(subquery)]
        return []

    def columns(self, table: Table) -> list[ColumnElement[Any]]:
        """The columns of ``table`` in order, with a link out of the district emptied and a reference
        organisation's details blanked."""
        loose_links = {
            ("meeting", "series_id"): self.series,
            ("agreement", "made_in_meeting_id"): self.meetings,
            ("agreement", "responsible_person_id"): self.persons,
            ("invitee", "person_id"): self.persons,
            ("agenda_item", "agreement_id"): self.agreements,
            ("signal_ask", "person_id"): self.persons,
            ("signal_ask", "contact_note_id"): self.notes,
        }
        columns: list[ColumnElement[Any]] = []
        for column in table.columns:
            within = loose_links.get((table.name, column.name))
            if within is not None:
                columns.append(case((column.in_(within), column), else_=null()).label(column.name))
            elif table.name == "organisation" and column.name not in REFERENCE_KEEPS:
                blank: Any = literal("") if isinstance(column.type, String | Text) else null()
                own = table.c.id.in_(self.own_organisations)
                columns.append(case((own, column), else_=blank).label(column.name))
            elif table.name == "neighbourhood" and column.name in ("focus", "focus_on"):
                blank = literal("") if column.name == "focus" else null()
                own = table.c.id.in_(self.own_neighbourhoods)
                columns.append(case((own, column), else_=blank).label(column.name))
            else:
                columns.append(column)
        return columns

    def query(self, table: Table) -> Select[Any]:
        return export_query(table).with_only_columns(*self.columns(table)).where(*self.where(table))


def district_export_sheets(
    connection: Connection, generated_at: datetime, district_id: int
) -> Iterator[ExportSheet]:
    """``About`` first, then a sheet per table as :func:`teamlead.reporting.export.export_sheets` writes it,
    holding only ``district_id``'s handover (read them inside one :func:`teamlead.reporting.export.snapshot`)."""
    scope = _Scope(district_id)
    about = about_rows(migrate.current_revision(connection), generated_at)
    yield ExportSheet(ABOUT, ABOUT_HEADERS, about, widths=(20, 60))
    for table in export_tables():
        yield ExportSheet(table.name, headers(table), _rows(connection, table, scope))


def _rows(connection: Connection, table: Table, scope: _Scope) -> Iterator[Sequence[object]]:
    write = row_writer(table)
    result = connection.execution_options(yield_per=BATCH).execute(scope.query(table))
    for partition in result.partitions():
        for row in partition:
            yield write(row)
