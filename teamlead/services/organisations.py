"""Partners on the roster: add, edit, archive (never delete: the history stays), reactivate.

A partner's home district is the one given, else the one precedence's (``shared/interface.md``, "Districts":
the district of the first neighbourhood it serves, the user's default, the only district); an edit without
one keeps the partner's. When a partner gets a district, its notes and agreements without one follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from teamlead.data.access.refusals import refuse_other_district
from teamlead.data.roster import Organisation, organisation_neighbourhood
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import formatting
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import AuditAction, OrganisationStatus
from teamlead.services._common import (
    apply_changes,
    audit,
    check_period,
    domain_or_fail,
    flush,
    for_edit,
    limited_text,
    neighbourhoods_or_fail,
    record_district,
    required_text,
    today_or,
    touch,
)
from teamlead.services.contact import normalise_email, normalise_phone
from teamlead.services.district_assign import follow_organisations


@dataclass(frozen=True, slots=True)
class OrganisationInput:
    """What the partner form holds; the same for adding and editing."""

    name: str
    district_id: int | None = None
    domain_id: int | None = None
    neighbourhood_ids: Sequence[int] = field(default=())
    address: str = ""
    website: str = ""
    phone: str = ""
    email: str = ""
    description: str = ""
    remarks: str = ""
    """Free text about the partner, where a roster's remark cells go too (no contact moment)."""
    is_informal: bool = False
    joined_on: date | None = None
    contact_cadence_days: int | None = None


def _validated(
    session: Session, data: OrganisationInput, current_district_id: int | None = None
) -> dict[str, object]:
    """The column values for ``data``, or a :class:`ValidationError` naming the first bad field."""
    name = required_text("name", tr("Name"), data.name, Width.NAME)
    district_id = record_district(
        session,
        chosen=data.district_id if data.district_id is not None else current_district_id,
        neighbourhood_id=next(iter(data.neighbourhood_ids), None),
    )
    domain_or_fail(session, data.domain_id)
    cadence = data.contact_cadence_days
    if cadence is not None and not 1 <= cadence <= 3660:
        raise ValidationError(
            "contact_cadence_days",
            tr("The contact cadence must be between 1 and 3660 days, not {value}.", value=cadence),
        )
    return {
        "name": name,
        "district_id": district_id,
        "domain_id": data.domain_id,
        "address": limited_text("address", tr("Address"), data.address, Width.ADDRESS),
        "website": limited_text("website", tr("Website"), data.website, Width.ADDRESS),
        "phone": normalise_phone(data.phone),
        "email": normalise_email(data.email),
        "description": (data.description or "").strip(),
        "remarks": (data.remarks or "").strip(),
        "is_informal": bool(data.is_informal),
        "joined_on": data.joined_on,
        "contact_cadence_days": cadence,
    }


def _served(session: Session, organisation_id: int) -> set[int]:
    return set(
        session.scalars(
            select(organisation_neighbourhood.c.neighbourhood_id).where(
                organisation_neighbourhood.c.organisation_id == organisation_id
            )
        )
    )


def _write_neighbourhoods(session: Session, organisation: Organisation, wanted: Sequence[int]) -> None:
    """Replace the neighbourhoods served (link rows, so the caller bumps the organisation's version)."""
    session.execute(
        delete(organisation_neighbourhood).where(
            organisation_neighbourhood.c.organisation_id == organisation.id
        )
    )
    if wanted:
        session.execute(
            insert(organisation_neighbourhood),
            [{"organisation_id": organisation.id, "neighbourhood_id": n} for n in wanted],
        )
    session.expire(organisation, ["neighbourhoods"])


def add_organisation(
    session: Session, data: OrganisationInput, *, today: date | None = None, now: datetime | None = None
) -> int:
    """A new active partner; joined today unless ``data.joined_on`` says otherwise."""
    values = _validated(session, data)
    if values["joined_on"] is None:
        values["joined_on"] = today_or(today)
    wanted = [n.id for n in neighbourhoods_or_fail(session, data.neighbourhood_ids)]
    organisation = Organisation(status=OrganisationStatus.ACTIVE, **values)
    session.add(organisation)
    flush(session)
    _write_neighbourhoods(session, organisation, wanted)
    fields = [name for name, value in values.items() if value not in (None, "", False)]
    audit(session, organisation, AuditAction.CREATE, [*fields, "neighbourhood_ids"], now=now)
    return organisation.id


def edit_organisation(
    session: Session,
    organisation_id: int,
    data: OrganisationInput,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    organisation = for_edit(session, Organisation, organisation_id, expected_version)
    refuse_other_district(session, organisation.district_id)
    values = _validated(session, data, organisation.district_id)
    gets_a_district = organisation.district_id is None and values["district_id"] is not None
    check_period("joined_on", values["joined_on"], organisation.left_on)  # type: ignore[arg-type]
    wanted = [n.id for n in neighbourhoods_or_fail(session, data.neighbourhood_ids)]
    links_changed = set(wanted) != _served(session, organisation.id)
    changed = apply_changes(organisation, values)
    if links_changed:
        changed.append("neighbourhood_ids")
    if not changed:
        return
    touch(organisation, now)
    flush(session)  # one UPDATE: the version goes up once, or the edit is refused as a conflict
    if links_changed:
        _write_neighbourhoods(session, organisation, wanted)
    audit(session, organisation, AuditAction.UPDATE, changed, now=now)
    if gets_a_district:
        follow_organisations(session, [organisation.id], now=now)


def archive_organisation(
    session: Session,
    organisation_id: int,
    *,
    expected_version: int,
    left_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """The partner left the network: status former, left date set. Its notes and agreements stay."""
    organisation = for_edit(session, Organisation, organisation_id, expected_version)
    refuse_other_district(session, organisation.district_id)
    left_on = left_on or today_or(today)
    if organisation.joined_on is not None and left_on < organisation.joined_on:
        raise ValidationError(
            "left_on",
            tr(
                "The end date {end} lies before the start date {start}.",
                end=formatting.day_text(left_on),
                start=formatting.day_text(organisation.joined_on),
            ),
        )
    changed = apply_changes(organisation, {"status": OrganisationStatus.FORMER, "left_on": left_on})
    flush(session)
    audit(session, organisation, AuditAction.ARCHIVE, changed, now=now)


def reactivate_organisation(
    session: Session, organisation_id: int, *, expected_version: int, now: datetime | None = None
) -> None:
    """A former partner is back: active again, without a left date."""
    organisation = for_edit(session, Organisation, organisation_id, expected_version)
    refuse_other_district(session, organisation.district_id)
    changed = apply_changes(organisation, {"status": OrganisationStatus.ACTIVE, "left_on": None})
    flush(session)
    if changed:
        audit(session, organisation, AuditAction.UPDATE, changed, now=now)
