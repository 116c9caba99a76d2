"""Merging a district, neighbourhood or domain into another: every link moves, then the one merged away goes.

Each merge is one user action (the caller's one transaction). What points at the record merged away is found
in the schema (:mod:`teamlead.data.references`), so a table a later issue adds moves along without a change
here. A moved record's version goes up (someone editing it meanwhile is told, not overwritten) and the audit
log gets one entry per moved record, written set-based: a district's merge may move tens of thousands of
notes.

- **Neighbourhoods**: the partners serving it serve the other (once: a partner serving both keeps one link),
  notes about it are about the other; notes keep their own district. Its places, history and indicators move
  too: a place of the same name (identity rule) becomes the other's place (its notes follow), an indicator of
  a year the other has already keeps the other's value, and its focus is added below the other's.
- **Districts**: a neighbourhood with the same name (identity rule) in both is merged into the other's, the
  rest move over; every record of the district (partners, notes, meetings, series, agreements) moves; report
  texts of the same period are joined into one. ``teamlead_meta`` keeps ``merged.district.<old id>`` =
  ``<new id>`` (:data:`~teamlead.data.queries.districts.MERGED_PREFIX`), so a default district kept by id
  follows.
- **Domains**: its partners get the other domain. A default domain is never merged away (merging *into* one
  is fine).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, Table, delete, insert, literal, select, update
from sqlalchemy.orm import Session

from teamlead.data.access.refusals import refuse_shared_change
from teamlead.data.admin import AuditEntry, Meta, Narrative
from teamlead.data.audit_trail import session_user
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.notes import note_place
from teamlead.data.places import Indicator, Place
from teamlead.data.queries.districts import MERGED_PREFIX
from teamlead.data.references import Reference, references_to
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import audit, audit_row, flush, for_edit, get_or_fail, now_or
from teamlead.services.geography import refuse_default_domain


def merge_neighbourhoods(
    session: Session, source_id: int, target_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """``source_id`` merged into ``target_id``: its partners and notes move there, then it is removed."""
    source = for_edit(session, Neighbourhood, source_id, expected_version)
    target = get_or_fail(session, Neighbourhood, target_id, "target_id")
    _refuse_itself(source_id, target_id, tr("Choose another neighbourhood to merge into."))
    _merge_neighbourhood(session, source, target, now)


def merge_districts(
    session: Session, source_id: int, target_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """``source_id`` merged into ``target_id``: its neighbourhoods (same names merged) and every record in it
    move there, then it is removed; a default district kept by its id follows."""
    source = for_edit(session, District, source_id, expected_version)
    refuse_shared_change(session, "district")
    target = get_or_fail(session, District, target_id, "target_id")
    _refuse_itself(source_id, target_id, tr("Choose another district to merge into."))
    theirs = {
        identity_key(n.name): n
        for n in session.scalars(select(Neighbourhood).filter_by(district_id=target.id))
    }
    for neighbourhood in list(session.scalars(select(Neighbourhood).filter_by(district_id=source.id))):
        namesake = theirs.get(identity_key(neighbourhood.name))
        if namesake is not None:
            _merge_neighbourhood(session, neighbourhood, namesake, now)
    _join_narratives(session, source.id, target.id, now)
    _move_references(session, "district", source.id, target.id, now)
    session.merge(Meta(key=f"{MERGED_PREFIX}{source.id}", value=str(target.id)))
    _remove(session, source, target, now)


def merge_domains(
    session: Session, source_id: int, target_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """``source_id`` merged into ``target_id``: its partners get the other domain, then it is removed."""
    source = for_edit(session, Domain, source_id, expected_version)
    refuse_shared_change(session, "domain")
    target = get_or_fail(session, Domain, target_id, "target_id")
    _refuse_itself(source_id, target_id, tr("Choose another domain to merge into."))
    refuse_default_domain(source)
    _move_references(session, "domain", source.id, target.id, now)
    _remove(session, source, target, now)


def _refuse_itself(source_id: int, target_id: int, message: str) -> None:
    if source_id == target_id:
        raise ValidationError("target_id", message)


def _merge_neighbourhood(
    session: Session, source: Neighbourhood, target: Neighbourhood, now: datetime | None
) -> None:
    _join_ecosystems(session, source, target, now)
    _move_references(session, "neighbourhood", source.id, target.id, now)
    _remove(session, source, target, now)


def _join_ecosystems(
    session: Session, source: Neighbourhood, target: Neighbourhood, now: datetime | None
) -> None:
    """What would clash when the places and indicators move: same-named places become one (their notes
    follow), a year the target has keeps its value; the focus texts are joined."""
    theirs = {
        identity_key(name): place_id
        for place_id, name in session.execute(
            select(Place.id, Place.name).filter_by(neighbourhood_id=target.id)
        )
    }
    for place_id, name in session.execute(
        select(Place.id, Place.name).filter_by(neighbourhood_id=source.id)
    ).all():
        other = theirs.get(identity_key(name))
        if other is None:
            continue
        session.execute(update(note_place).where(note_place.c.place_id == place_id).values(place_id=other))
        session.execute(delete(Place).where(Place.id == place_id))
        audit_row(session, "place", place_id, AuditAction.MERGE, ["merged_into"], now=now)
    kept = set(session.execute(select(Indicator.name, Indicator.year).filter_by(neighbourhood_id=target.id)))
    for indicator_id, name, year in session.execute(
        select(Indicator.id, Indicator.name, Indicator.year).filter_by(neighbourhood_id=source.id)
    ).all():
        if (name, year) in kept:
            session.execute(delete(Indicator).where(Indicator.id == indicator_id))
            audit_row(session, "indicator", indicator_id, AuditAction.DELETE, now=now)
    text = source.focus.strip()
    if text and text not in target.focus:
        target.focus = f"{target.focus.rstrip()}\n\n{text}" if target.focus.strip() else text
        target.focus_on = max(filter(None, (target.focus_on, source.focus_on)), default=None)
        flush(session)
        audit(session, target, AuditAction.UPDATE, ["focus"], now=now)


def _remove(
    session: Session,
    source: District | Neighbourhood | Domain,
    target: District | Neighbourhood | Domain,
    now: datetime | None,
) -> None:
    """Delete the record merged away, and log the merge on both."""
    source_id = source.id
    session.delete(source)
    flush(session)
    audit_row(session, source.__tablename__, source_id, AuditAction.MERGE, ["merged_into"], now=now)
    audit(session, target, AuditAction.MERGE, ["merged_from"], now=now)


def _join_narratives(session: Session, source_id: int, target_id: int, now: datetime | None) -> None:
    """A report text of the same period in both districts becomes one text (theirs first, then ours)."""
    ours = list(session.scalars(select(Narrative).filter_by(district_id=source_id)))
    theirs = {
        (n.period_from, n.period_to): n
        for n in session.scalars(select(Narrative).filter_by(district_id=target_id))
    }
    for narrative in ours:
        other = theirs.get((narrative.period_from, narrative.period_to))
        if other is None:
            continue
        text = narrative.text.strip()
        if text and text not in other.text:
            other.text = f"{other.text.rstrip()}\n\n{text}" if other.text.strip() else text
            flush(session)
            audit(session, other, AuditAction.UPDATE, ["text"], now=now)
        narrative_id = narrative.id
        session.delete(narrative)
        flush(session)
        audit_row(session, "narrative", narrative_id, AuditAction.DELETE, now=now)


def _move_references(session: Session, table_name: str, old: int, new: int, now: datetime | None) -> None:
    """Point every column that holds ``old`` (an id of ``table_name``) at ``new``."""
    session.flush()
    moment = now_or(now)
    for reference in references_to(table_name):
        if reference.is_link:
            _move_links(session, reference, old, new, moment)
        else:
            _move_column(session, reference, old, new, moment)
    session.expire_all()


def _audit_moved(
    session: Session,
    table_name: str,
    record_id: ColumnElement[int],
    where: ColumnElement[bool],
    field: str,
    moment: datetime,
) -> None:
    """One ``update`` entry per moved record (``record_id`` of the rows ``where`` picks), in one statement."""
    entries = AuditEntry.__table__
    rows = select(
        literal(moment, entries.c.at.type),
        literal(table_name),
        record_id,
        literal(str(AuditAction.UPDATE)),
        literal(field),
        literal(session_user(session), entries.c.user_name.type),
    ).where(where)
    session.execute(
        insert(AuditEntry).from_select(
            ["at", "table_name", "record_id", "action", "fields", "user_name"], rows
        )
    )


def _bumped(table: Table, moment: datetime) -> dict[str, object]:
    """A moved row's version goes up, so an edit begun before the merge is refused as a conflict."""
    if "version" not in table.c:
        return {}
    return {"version": table.c.version + 1, "updated_at": moment}


def _move_column(session: Session, reference: Reference, old: int, new: int, moment: datetime) -> None:
    table, column = reference.table, reference.column
    if "id" in table.c:
        _audit_moved(session, table.name, table.c.id, column == old, column.name, moment)
    session.execute(update(table).where(column == old).values({column.name: new, **_bumped(table, moment)}))


def _move_links(session: Session, reference: Reference, old: int, new: int, moment: datetime) -> None:
    """Link rows (``organisation_neighbourhood``): a holder linked to both keeps one link; each holder whose
    links changed is audited and its version raised."""
    table, column, owner = reference.table, reference.column, reference.owner
    assert owner is not None
    holders = next(iter(owner.foreign_keys)).column.table
    _audit_moved(session, holders.name, owner, column == old, f"{column.name}s", moment)
    if "version" in holders.c:
        session.execute(
            update(holders)
            .where(holders.c.id.in_(select(owner).where(column == old)))
            .values(_bumped(holders, moment))
        )
    twin = table.alias("twin")
    others = [c for c in table.primary_key.columns if c is not column]
    clash = (
        select(literal(1))
        .select_from(twin)
        .where(twin.c[column.name] == new, *[twin.c[c.name] == c for c in others])
        .correlate(table)
        .exists()
    )
    session.execute(delete(table).where(column == old, clash))
    session.execute(update(table).where(column == old).values({column.name: new}))
