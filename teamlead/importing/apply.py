"""Writing a plan: Core bulk inserts in the caller's one transaction, so a failure or a cancel leaves nothing.

Thousands of rows go in as a few multi-row statements rather than one ORM object each (the search triggers
still index every row). Existing records are only completed, never overwritten: an empty field gets the
imported value, and a remark is appended to the remarks; the version goes up like any edit, and a record changed
meanwhile makes the import stop. A remark cell never becomes a note: it is no contact moment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from teamlead.data.admin import AuditEntry
from teamlead.data.audit_trail import session_user
from teamlead.data.roster import Organisation, Person, Role, organisation_neighbourhood
from teamlead.data.search_maintenance import (
    may_rebuild_search_index,
    pause_search_index,
    rebuild_search_index,
)
from teamlead.errors import ConflictError, UserError
from teamlead.i18n import tr
from teamlead.importing.plan import Plan, PlannedOrganisation
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import AuditAction, OrganisationStatus
from teamlead.services.geography import add_district, add_domain, add_neighbourhood
from teamlead.services.key_contacts import choose_only_contacts
from teamlead.services.remarks import with_remark

Progress = Callable[[float, str], None]
Cancel = Callable[[], bool]
BATCH = 2_000
PAUSE_FROM = 2_000
"""From this many new records (and more than the database holds), the search index is rebuilt once at the
end instead of row by row: a few hundred milliseconds instead of seconds."""


class ImportCancelledError(UserError):
    """The user stopped the import; nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    organisations_added: int
    organisations_merged: int
    persons_added: int
    persons_merged: int
    remarks_added: int
    """Remark lines appended to organisations and persons (none is a note: a remark is no contact moment)."""
    rows_skipped: int
    domains_added: tuple[str, ...]
    neighbourhoods_added: tuple[str, ...]


class _Writer:
    def __init__(self, session: Session, plan: Plan, progress: Progress, cancel: Cancel, now: datetime):
        self.session = session
        self.plan = plan
        self.progress = progress
        self.cancel = cancel
        self.now = now
        self.audits: list[dict[str, Any]] = []
        self.total = max(1, len(plan.organisations) + len(plan.persons) * 2)
        self.done = 0
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self.user = session_user(session)

    def step(self, count: int) -> None:
        if self.cancel():
            raise ImportCancelledError(tr("The import was cancelled; the database is unchanged."))
        self.done += count
        self.progress(min(0.99, self.done / self.total), tr("Importing the roster"))

    def insert(self, table: Table, rows: Sequence[dict[str, Any]], audit_fields: str = "") -> list[int]:
        """Insert in batches, returning the new ids in the order of ``rows``.

        SQLite cannot return ids of a multi-row insert in order, so ids are given from the highest one up:
        SQLite has one writer at a time, and a writer that came between would make this transaction fail
        rather than collide. PostgreSQL hands them out from its sequence with ``RETURNING``, or, for a table
        that opts out of ``RETURNING`` (a new person is not yet visible to a team lead, see
        :class:`~teamlead.data.roster.Person`), from its sequence before the insert.
        """
        ids: list[int] = []
        with_ids = "id" in table.c and bool(rows)
        if with_ids and self.sqlite:
            first = (self.session.scalar(select(func.max(table.c.id))) or 0) + 1
            ids = list(range(first, first + len(rows)))
            rows = [{**row, "id": new_id} for row, new_id in zip(rows, ids, strict=True)]
        elif with_ids and not table.implicit_returning:
            ids = list(
                self.session.scalars(
                    text(
                        "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
                    ),
                    {"table": table.name, "count": len(rows)},
                )
            )
            rows = [{**row, "id": new_id} for row, new_id in zip(rows, ids, strict=True)]
            with_ids = False  # the ids are known: a plain insert
        for begin in range(0, len(rows), BATCH):
            batch = rows[begin : begin + BATCH]
            if with_ids and not self.sqlite:
                statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
                ids.extend(self.session.execute(statement, batch).scalars().all())
            else:
                self.session.execute(insert(table), batch)
            self.step(len(batch))
        if audit_fields:
            self.audits += [self.audit(table.name, record_id, audit_fields) for record_id in ids]
        return ids

    def audit(self, table: str, record_id: int, fields: str) -> dict[str, Any]:
        return {
            "at": self.now,
            "table_name": table,
            "record_id": record_id,
            "action": AuditAction.IMPORT,
            "fields": fields,
            "user_name": self.user,
        }

    def complete(
        self,
        model: type[Organisation] | type[Person],
        record: Any,
        values: dict[str, Any],
        remarks: Sequence[str] = (),
    ) -> None:
        """Fill the existing record's empty fields and append its new remarks, checking it was not changed
        since the plan read it."""
        changes = {name: value for name, value in values.items() if value and not getattr(record, name)}
        if remarks:
            changes["remarks"] = self.remarks(record.remarks, remarks)
        if not changes:
            return
        table = cast(Table, model.__table__)
        result = self.session.execute(
            update(table)
            .where(table.c.id == record.id, table.c.version == record.version)
            .values(**changes, version=table.c.version + 1, updated_at=self.now)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(
                tr("{name} was changed while importing; import the file again.", name=record.name)
            )
        self.audits.append(self.audit(table.name, record.id, ",".join(sorted(changes))))

    def remarks(self, current: str, texts: Sequence[str]) -> str:
        """``current`` with each text appended as a line dated the import's day."""
        for remark in texts:
            current = with_remark(current, remark, self.plan.today)
        return current


def apply_plan(
    session: Session,
    plan: Plan,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    now: datetime | None = None,
) -> ImportResult:
    """Write ``plan`` in ``session``'s transaction (the caller commits); raises ImportCancelledError on cancel."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    writer = _Writer(session, plan, progress or (lambda share, text: None), cancel or (lambda: False), now)
    places = _add_places(session, plan, now)
    writer.step(0)
    snapshot = plan.snapshot
    new_records = len(plan.organisations) + len(plan.persons)
    held = len(snapshot.organisations) + sum(len(p) for p in snapshot.persons_by_organisation.values())
    paused = (
        new_records >= PAUSE_FROM and new_records > held and may_rebuild_search_index(session.connection())
    )
    if paused:
        pause_search_index(session.connection())
    organisation_ids, organisations_added = _write_organisations(writer, plan, places)
    persons_added = _write_persons(writer, plan, organisation_ids)
    choose_only_contacts(session, organisation_ids.values(), plan.today, now=now)
    writer.insert(AuditEntry.__table__, writer.audits)  # type: ignore[arg-type]
    if paused:
        rebuild_search_index(session.connection())
    return ImportResult(
        organisations_added=organisations_added,
        organisations_merged=plan.merged("org"),
        persons_added=persons_added,
        persons_merged=plan.merged("person"),
        remarks_added=sum(len(o.remarks) for o in plan.organisations)
        + sum(len(p.remarks) for p in plan.persons),
        rows_skipped=plan.skipped,
        domains_added=tuple(plan.new_domains.values()),
        neighbourhoods_added=tuple(plan.new_neighbourhoods.values()),
    )


@dataclass(frozen=True, slots=True)
class _Places:
    """Where the imported partners go: their district (the one given, else the database's only one, else
    None), domain and neighbourhood ids by identity key, new ones added."""

    district_id: int | None
    domains: dict[str, int]
    neighbourhoods: dict[str, int]


def _add_places(session: Session, plan: Plan, now: datetime) -> _Places:
    """The district, domains and neighbourhoods the plan names, adding those it found new."""
    snapshot = plan.snapshot
    district_id = snapshot.district_id
    if plan.district and district_id is None:
        district_id = add_district(session, plan.district, now=now)
    home = district_id if district_id is not None else snapshot.only_district_id
    domains = dict(snapshot.domains)
    for key, name in plan.new_domains.items():
        domains[key] = add_domain(session, name, now=now)
    neighbourhoods = {key: candidates[0][0] for key, candidates in snapshot.neighbourhoods.items()}
    if district_id is not None:
        for key, candidates in snapshot.neighbourhoods.items():
            neighbourhoods[key] = next((c[0] for c in candidates if c[1] == district_id), candidates[0][0])
    if home is not None:
        for key, name in plan.new_neighbourhoods.items():
            neighbourhoods[key] = add_neighbourhood(session, home, name, now=now)
    # Without --district, the partners' home is the database's only district (none when it has several).
    return _Places(home, domains, neighbourhoods)


def _write_organisations(writer: _Writer, plan: Plan, places: _Places) -> tuple[dict[int, int], int]:
    """New partners inserted, known ones completed, and the neighbourhoods they serve linked; returns the ids
    by planned partner (``id()`` of the plan's record) and how many were added."""

    def values(organisation: PlannedOrganisation) -> dict[str, Any]:
        domain = places.domains.get(identity_key(organisation.domain)) if organisation.domain else None
        return {
            "domain_id": domain,
            "address": organisation.address,
            "website": organisation.website,
            "phone": organisation.phone,
            "email": organisation.email,
        }

    new_organisations = [o for o in plan.organisations if o.existing is None]
    ids = writer.insert(
        Organisation.__table__,  # type: ignore[arg-type]
        [
            {
                "name": o.name,
                "district_id": places.district_id,
                "status": OrganisationStatus.ACTIVE,
                "joined_on": plan.today,
                "description": "",
                "remarks": writer.remarks("", o.remarks),
                "is_informal": False,
                **values(o),
            }
            for o in new_organisations
        ],
        "name,district_id,domain_id,address,website,phone,email,remarks,status,joined_on",
    )
    organisation_ids = {id(o): new_id for o, new_id in zip(new_organisations, ids, strict=True)}
    links = []
    for organisation in plan.organisations:
        known = organisation.existing
        if known is not None:
            organisation_ids[id(organisation)] = known.id
            writer.complete(Organisation, known, values(organisation), organisation.remarks)
        served = known.neighbourhood_ids if known is not None else set()
        for key in organisation.neighbourhoods:
            neighbourhood_id = places.neighbourhoods.get(key)
            if neighbourhood_id is not None and neighbourhood_id not in served:
                served = served | {neighbourhood_id}
                links.append(
                    {
                        "organisation_id": organisation_ids[id(organisation)],
                        "neighbourhood_id": neighbourhood_id,
                    }
                )
    writer.insert(organisation_neighbourhood, links)
    return organisation_ids, len(new_organisations)


def _write_persons(writer: _Writer, plan: Plan, organisation_ids: dict[int, int]) -> int:
    """New contact persons inserted with their role, known ones completed; returns how many were added."""
    new_persons = [p for p in plan.persons if p.existing is None]
    person_ids = writer.insert(
        Person.__table__,  # type: ignore[arg-type]
        [
            {"name": p.name, "phone": p.phone, "email": p.email, "remarks": writer.remarks("", p.remarks)}
            for p in new_persons
        ],
        "name,phone,email,remarks",
    )
    ids_of_persons = {id(p): new_id for p, new_id in zip(new_persons, person_ids, strict=True)}
    for person in plan.persons:
        if person.existing is not None:
            ids_of_persons[id(person)] = person.existing.id
            writer.complete(
                Person, person.existing, {"phone": person.phone, "email": person.email}, person.remarks
            )
    writer.insert(
        Role.__table__,  # type: ignore[arg-type]
        [
            {
                "person_id": ids_of_persons[id(p)],
                "organisation_id": organisation_ids[id(p.organisation)],
                "title": p.role,
                "started_on": plan.today,
            }
            for p in new_persons
        ],
        "person_id,organisation_id,title,started_on",
    )
    return len(new_persons)
