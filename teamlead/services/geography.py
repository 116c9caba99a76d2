"""Districts, their neighbourhoods, and the (editable) domains partners work in: add, rename, move, delete.

Merging lives in :mod:`.geography_merge`. The rules of both: names are unique by the identity rule
(:func:`~teamlead.rules.text.identity_key`: districts and domains in the database, neighbourhoods within their
district); a rename keeps every link (records point at ids); nothing in use is deleted (the refusal says what
uses it and offers a merge); a user-made domain gets its Summary key when it is made and keeps it through
renames; the default domains can be renamed but never deleted or merged away.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from teamlead.data.access.refusals import refuse_shared_addition, refuse_shared_change
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.notes import Note
from teamlead.data.queries.districts import find_district
from teamlead.data.queries.geography import DEFAULT_DOMAIN_KEYS, in_use_message, usage_of
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.limits import Width
from teamlead.rules.text import identity_key, report_key
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import (
    apply_changes,
    audit,
    audit_row,
    district_or_fail,
    flush,
    for_edit,
    now_or,
    required_text,
)

# --- districts ------------------------------------------------------------------------------------------


def _unique_district_name(session: Session, name: str, exclude_id: int | None = None) -> None:
    other = find_district(session, name)
    if other is not None and other.id != exclude_id:
        raise ValidationError("name", tr("There is already a district called {name}.", name=other.name))


def add_district(session: Session, name: str, *, now: datetime | None = None) -> int:
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_district_name(session, name)
    refuse_shared_addition(session, "district", name)
    district = District(name=name)
    session.add(district)
    flush(session)
    audit(session, district, AuditAction.CREATE, ["name"], now=now)
    return district.id


def rename_district(
    session: Session, district_id: int, name: str, *, expected_version: int, now: datetime | None = None
) -> None:
    """A new name; every record in the district stays in it (they point at its id)."""
    district = for_edit(session, District, district_id, expected_version)
    refuse_shared_change(session, "district")
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_district_name(session, name, exclude_id=district.id)
    changed = apply_changes(district, {"name": name})
    flush(session)
    if changed:
        audit(session, district, AuditAction.UPDATE, changed, now=now)


def delete_district(
    session: Session, district_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """Remove a district nothing is in (no neighbourhood, partner, note, meeting, agreement, report text)."""
    district = for_edit(session, District, district_id, expected_version)
    refuse_shared_change(session, "district")
    _refuse_in_use(session, "district", district.id, district.name)
    session.delete(district)
    flush(session)
    audit_row(session, "district", district_id, AuditAction.DELETE, now=now)


# --- neighbourhoods -------------------------------------------------------------------------------------


def _unique_neighbourhood_name(session: Session, district_id: int, name: str, exclude_id: int | None) -> None:
    for other in session.scalars(select(Neighbourhood).where(Neighbourhood.district_id == district_id)):
        if other.id != exclude_id and identity_key(other.name) == identity_key(name):
            raise ValidationError(
                "name", tr("This district already has a neighbourhood called {name}.", name=other.name)
            )


def add_neighbourhood(session: Session, district_id: int, name: str, *, now: datetime | None = None) -> int:
    district_or_fail(session, district_id)
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_neighbourhood_name(session, district_id, name, None)
    neighbourhood = Neighbourhood(district_id=district_id, name=name)
    session.add(neighbourhood)
    flush(session)
    audit(session, neighbourhood, AuditAction.CREATE, ["district_id", "name"], now=now)
    return neighbourhood.id


def rename_neighbourhood(
    session: Session,
    neighbourhood_id: int,
    name: str,
    *,
    expected_version: int,
    district_id: int | None = None,
    now: datetime | None = None,
) -> None:
    """A new name, and with ``district_id`` another district: the neighbourhood was filed under the wrong
    one. Partners keep serving it; its notes that were in the old district move with it (a note about a
    neighbourhood belongs to the neighbourhood's district), notes someone put elsewhere stay there."""
    neighbourhood = for_edit(session, Neighbourhood, neighbourhood_id, expected_version)
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    old_district = neighbourhood.district_id
    new_district = old_district if district_id is None else district_id
    if new_district != old_district:
        district_or_fail(session, new_district)
    _unique_neighbourhood_name(session, new_district, name, neighbourhood.id)
    changed = apply_changes(neighbourhood, {"name": name, "district_id": new_district})
    flush(session)
    if not changed:
        return
    audit(session, neighbourhood, AuditAction.UPDATE, changed, now=now)
    if new_district != old_district:
        moved = list(
            session.scalars(
                select(Note.id).where(
                    Note.neighbourhood_id == neighbourhood.id, Note.district_id == old_district
                )
            )
        )
        for note_id in moved:
            audit_row(session, "note", note_id, AuditAction.UPDATE, ["district_id"], now=now)
        if moved:
            session.execute(
                update(Note)
                .where(Note.id.in_(moved))
                .values(district_id=new_district, version=Note.version + 1, updated_at=now_or(now))
                .execution_options(synchronize_session=False)
            )
            session.expire_all()


def delete_neighbourhood(
    session: Session, neighbourhood_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """Remove a neighbourhood no partner serves and no note is about."""
    neighbourhood = for_edit(session, Neighbourhood, neighbourhood_id, expected_version)
    _refuse_in_use(session, "neighbourhood", neighbourhood.id, neighbourhood.name)
    session.delete(neighbourhood)
    flush(session)
    audit_row(session, "neighbourhood", neighbourhood_id, AuditAction.DELETE, now=now)


# --- domains --------------------------------------------------------------------------------------------


def _unique_domain_name(session: Session, name: str, exclude_id: int | None) -> None:
    """A default domain with its default name is shown in either language (Social, Sociaal): a new domain
    may take neither, or the list would show two of the same name."""
    wanted = identity_key(name)
    for other in session.scalars(select(Domain)):
        names = words.domain_names(other.key, other.name)
        if other.id != exclude_id and wanted in {identity_key(n) for n in names}:
            raise ValidationError(
                "name",
                tr("There is already a domain called {name}.", name=words.domain_name(other.key, other.name)),
            )


def add_domain(session: Session, name: str, *, now: datetime | None = None) -> int:
    """A new domain, listed after the existing ones, with its Summary key (``partners_active_<key>``) made
    from its name now and kept through renames; ``_2``, ``_3``… when another domain has that key."""
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_domain_name(session, name, None)
    refuse_shared_addition(session, "domain", name)
    taken = {key for key in session.scalars(select(Domain.key)) if key} | DEFAULT_DOMAIN_KEYS
    last = session.scalar(select(func.max(Domain.position))) or 0
    domain = Domain(name=name, key=report_key(name, taken), position=last + 1)
    session.add(domain)
    flush(session)
    audit(session, domain, AuditAction.CREATE, ["key", "name", "position"], now=now)
    return domain.id


def rename_domain(
    session: Session, domain_id: int, name: str, *, expected_version: int, now: datetime | None = None
) -> None:
    """Rename a domain; it keeps its ``key``, so reports still know it by the same Summary key."""
    domain = for_edit(session, Domain, domain_id, expected_version)
    refuse_shared_change(session, "domain")
    name = required_text("name", tr("Name"), name, Width.PLACE_NAME)
    _unique_domain_name(session, name, domain.id)
    changed = apply_changes(domain, {"name": name})
    flush(session)
    if changed:
        audit(session, domain, AuditAction.UPDATE, changed, now=now)


def refuse_default_domain(domain: Domain) -> None:
    """A default domain stays: its Summary key (``partners_active_social``) is what the city adds up."""
    if domain.key in DEFAULT_DOMAIN_KEYS:
        raise ValidationError(
            "id",
            tr(
                "{name} is one of the default domains: it can be renamed, but not deleted or merged into "
                "another domain (the city's reports count by it).",
                name=words.domain_name(domain.key, domain.name),
            ),
        )


def delete_domain(
    session: Session, domain_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """Remove a user-made domain no partner has."""
    domain = for_edit(session, Domain, domain_id, expected_version)
    refuse_shared_change(session, "domain")
    refuse_default_domain(domain)
    _refuse_in_use(session, "domain", domain.id, domain.name)
    session.delete(domain)
    flush(session)
    audit_row(session, "domain", domain_id, AuditAction.DELETE, now=now)


# --- shared ---------------------------------------------------------------------------------------------


def _refuse_in_use(session: Session, table_name: str, record_id: int, name: str) -> None:
    usage = usage_of(session, table_name, [record_id]).get(record_id)
    if usage is not None and usage.in_use:
        raise ValidationError("id", in_use_message(name, usage))
