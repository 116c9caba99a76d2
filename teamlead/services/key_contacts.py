"""A partner's key contact (vaste contactpersoon), when people can be reached, and what a partner offers.

The key contact is one of the partner's current role holders: the person the team lead calls first, listed
first in Who to call and on the pocket page. A partner's only contact person becomes its key contact by
itself (as the upgrade to 0008 did), when added by hand or by a roster import. Ending that person's role does
not clear the choice (a successor is not guessed); the dashboard lists partners whose key contact no longer
works there or who have several contacts and none chosen
(:func:`teamlead.data.queries.dashboard_lists.key_contacts_missing`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.queries._common import role_current
from teamlead.data.roster import Organisation, Person, Role, key_contact
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.reachability import stored_windows
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import (
    apply_changes,
    audit,
    audit_row,
    flush,
    for_edit,
    get_or_fail,
    today_or,
    touch,
)


def set_key_contact(
    session: Session,
    organisation_id: int,
    person_id: int | None,
    *,
    expected_version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> None:
    """Make ``person_id`` the partner's key contact (None: none chosen). They must hold a role there today."""
    organisation = for_edit(session, Organisation, organisation_id, expected_version)
    if person_id is not None:
        holds = session.scalar(
            select(Role.id).where(
                Role.organisation_id == organisation.id,
                Role.person_id == person_id,
                role_current(today_or(today)),
            )
        )
        if holds is None:
            person = get_or_fail(session, Person, person_id, "person_id")
            raise ValidationError(
                "person_id",
                tr(
                    "{person} has no current role at {partner}; only a current contact person can be the "
                    "key contact.",
                    person=person.name,
                    partner=organisation.name,
                ),
            )
    current = session.scalar(
        select(key_contact.c.person_id).where(key_contact.c.organisation_id == organisation.id)
    )
    if current == person_id:
        return
    session.execute(delete(key_contact).where(key_contact.c.organisation_id == organisation.id))
    if person_id is not None:
        session.execute(insert(key_contact).values(organisation_id=organisation.id, person_id=person_id))
    touch(organisation, now)  # the version goes up: an edit started before this one is refused
    flush(session)
    session.expire(organisation, ["key_contact"])
    audit(session, organisation, AuditAction.UPDATE, ["key_contact"], now=now)


def choose_only_contacts(
    session: Session, organisation_ids: Iterable[int], today: date, *, now: datetime | None = None
) -> int:
    """Give each of these partners without a key contact its only current contact person as key contact
    (a partner with several is left to the team lead); returns how many were chosen."""
    wanted = sorted(set(organisation_ids))
    if not wanted:
        return 0
    chosen = 0
    for start in range(0, len(wanted), 1000):
        only = session.execute(
            select(Role.organisation_id, func.min(Role.person_id))
            .where(
                Role.organisation_id.in_(wanted[start : start + 1000]),
                Role.organisation_id.not_in(select(key_contact.c.organisation_id)),
                role_current(today),
            )
            .group_by(Role.organisation_id)
            .having(func.count(func.distinct(Role.person_id)) == 1)
        ).all()
        if only:
            session.execute(
                insert(key_contact), [{"organisation_id": org, "person_id": person} for org, person in only]
            )
            for organisation_id, _person in only:
                audit_row(
                    session, "organisation", organisation_id, AuditAction.UPDATE, ["key_contact"], now=now
                )
            chosen += len(only)
    return chosen


def set_reachability(
    session: Session,
    person_id: int,
    windows: Iterable[str],
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """When the person can be reached (:class:`~teamlead.rules.vocabulary.ReachWindow` values)."""
    person = for_edit(session, Person, person_id, expected_version)
    try:
        stored = stored_windows(windows)
    except ValueError:
        raise ValidationError("reachability", tr("Unknown reachability window.")) from None
    changed = apply_changes(person, {"reachability": stored})
    flush(session)
    if changed:
        audit(session, person, AuditAction.UPDATE, changed, now=now)


def set_offers(
    session: Session,
    organisation_id: int,
    offer_ids: Iterable[int],
    *,
    expected_version: int,
    now: datetime | None = None,
) -> None:
    """What the partner can offer, as a whole set (the partner form's checklist)."""
    organisation = for_edit(session, Organisation, organisation_id, expected_version)
    wanted = set(offer_ids)
    known = set(session.scalars(select(Offer.id).where(Offer.id.in_(wanted)))) if wanted else set()
    if unknown := wanted - known:
        raise ValidationError("offer_ids", tr("Unknown offer (id {id}).", id=min(unknown)))
    current = set(
        session.scalars(
            select(organisation_offer.c.offer_id).where(
                organisation_offer.c.organisation_id == organisation.id
            )
        )
    )
    if current == wanted:
        return
    session.execute(delete(organisation_offer).where(organisation_offer.c.organisation_id == organisation.id))
    if wanted:
        session.execute(
            insert(organisation_offer),
            [{"organisation_id": organisation.id, "offer_id": offer_id} for offer_id in sorted(wanted)],
        )
    touch(organisation, now)
    flush(session)
    audit(session, organisation, AuditAction.UPDATE, ["offer_ids"], now=now)
