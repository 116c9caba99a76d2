"""The user's default district in this database, and the precedence with it filled in.

The default district is a personal setting (:mod:`teamlead.rules.settings`), kept by district id per database
(``teamlead_meta.database_id``): a rename keeps it, a merge is followed (:func:`current_district_id`), and a
second database of the same user has its own. The app's forms and the services ask
:func:`district_for_user`, so a form shows the district a service will store: one rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.access.identity import who_am_i
from teamlead.data.admin import Meta
from teamlead.data.queries.districts import (
    DistrictRef,
    all_districts,
    current_district_id,
    district_for,
    find_district,
)
from teamlead.rules import settings

DATABASE_ID_KEY = "database_id"


def database_id(session: Session) -> str | None:
    """This database's own id (migration 0007 gives every database one); None on a database without it."""
    return session.scalar(select(Meta.value).where(Meta.key == DATABASE_ID_KEY))


@dataclass(frozen=True, slots=True)
class DefaultDistrict:
    """The user's default district of one database: None when there is none (all districts)."""

    database_id: str
    district_id: int | None


def default_district(session: Session) -> DefaultDistrict | None:
    """The user's default district here, followed through merges; None when the database has no id.

    A name an earlier Teamlead kept (one name for every database) is converted the first time a database
    that has a district of that name asks: it is stored by id for that database, and the name goes."""
    own_id = database_id(session)
    if own_id is None:
        return None
    values = settings.load()
    if own_id in values.default_districts:
        return DefaultDistrict(own_id, current_district_id(session, values.default_districts[own_id]))
    legacy = settings.legacy_default_district(values)
    found = find_district(session, legacy) if legacy is not None else None
    if found is not None:
        settings.set_default_district(own_id, found.id)
        return DefaultDistrict(own_id, found.id)
    return DefaultDistrict(own_id, None)


def user_default_district_id(session: Session) -> int | None:
    """The id of the user's default district here, or None (no default, or it no longer exists). A team lead
    or colleague of one district on a shared database has that district, whatever a setting says: it is the
    only one they may write in."""
    own = who_am_i(session).district_ids
    chosen = default_district(session)
    chosen_id = chosen.district_id if chosen is not None else None
    if own and chosen_id not in own:
        return own[0] if len(own) == 1 else None
    return chosen_id


def save_default_district(choice: DefaultDistrict) -> None:
    """Keep the user's choice (a settings file, not the database: a personal setting)."""
    settings.set_default_district(choice.database_id, choice.district_id)


def district_for_user(
    session: Session,
    *,
    chosen: int | None = None,
    neighbourhood_id: int | None = None,
    screen_district_id: int | None = None,
    organisation_ids: Sequence[int] = (),
) -> int | None:
    """:func:`~teamlead.data.queries.districts.district_for` with this user's default district. A team lead or
    colleague gets one of their own districts: a note about a partner of another district that serves one of
    their neighbourhoods is still theirs (that district's would be refused by the server)."""
    found = district_for(
        session,
        chosen=chosen,
        neighbourhood_id=neighbourhood_id,
        screen_district_id=screen_district_id,
        organisation_ids=organisation_ids,
        default_district_id=user_default_district_id(session),
    )
    own = who_am_i(session).district_ids
    if chosen is None and own and found not in own:
        return own[0] if len(own) == 1 else None
    return found


@dataclass(frozen=True, slots=True)
class DistrictChoice:
    """What a form's district field shows: the districts to choose from and the one the precedence gives."""

    districts: tuple[DistrictRef, ...]
    suggested: int | None


def district_choice(
    session: Session,
    *,
    neighbourhood_id: int | None = None,
    screen_district_id: int | None = None,
    organisation_ids: Sequence[int] = (),
) -> DistrictChoice:
    """The districts and the one a new record would get from these inputs (nothing chosen yet)."""
    own = who_am_i(session).district_ids  # a team lead or colleague chooses among the districts they work in
    suggested = district_for_user(
        session,
        neighbourhood_id=neighbourhood_id,
        screen_district_id=screen_district_id,
        organisation_ids=organisation_ids,
    )
    return DistrictChoice(tuple(d for d in all_districts(session) if not own or d.id in own), suggested)
