"""The gather function of each report kind: a request's options turned into the call of its gatherer.

The gatherers in :mod:`teamlead.reporting` take plain arguments (districts, a period, a day); choosing the
district by the ``--district`` rules and the day a state is shown for happens here, once per kind. Imports are
local so that reading the registry (to build the command line) does not load the database layer.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from teamlead.reporting.minutes_model import Minutes  # plain dataclasses, no database layer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.data.queries.districts import NeighbourhoodRef
    from teamlead.data.queries.people import CallGroup, CallPartner, Contact
    from teamlead.producing.produce import ReportRequest
    from teamlead.reporting.model import (
        AgreementRegister,
        ContactSheet,
        DistrictReport,
        MeetingPack,
        NetworkMap,
        Roster,
    )
    from teamlead.reports.pocket import PocketContact, PocketGroup, PocketPage


def _as_of(request: ReportRequest) -> date:
    """The day roster and contacts show the state of: ``--to``, else the period's end."""
    return request.as_of or request.period.end


def district_report(session: Session, request: ReportRequest, generated_at: datetime) -> DistrictReport:
    from teamlead.reporting.district import gather_district_report
    from teamlead.reporting.districts import choose_one_district

    district = choose_one_district(session, request.district)
    return gather_district_report(session, district, request.period, request.audience, generated_at)


def roster(session: Session, request: ReportRequest, generated_at: datetime) -> Roster:
    from teamlead.reporting.districts import choose_districts
    from teamlead.reporting.roster import gather_roster

    districts = choose_districts(session, request.district)
    everything = request.district is None
    return gather_roster(session, districts, everything, _as_of(request), request.audience, generated_at)


def contacts(session: Session, request: ReportRequest, generated_at: datetime) -> ContactSheet:
    from teamlead.reporting.districts import choose_districts
    from teamlead.reporting.roster import gather_contacts

    districts = choose_districts(session, request.district)
    return gather_contacts(session, districts, request.district is None, _as_of(request), generated_at)


def agreements(session: Session, request: ReportRequest, generated_at: datetime) -> AgreementRegister:
    from teamlead.reporting.districts import choose_districts
    from teamlead.reporting.register import gather_register

    districts = choose_districts(session, request.district)
    everything = request.district is None
    return gather_register(session, districts, everything, request.period, request.audience, generated_at)


def meeting_pack(session: Session, request: ReportRequest, generated_at: datetime) -> MeetingPack:
    from teamlead.reporting.register import gather_meeting_pack

    assert request.meeting_id is not None  # check_request refused a request without one
    return gather_meeting_pack(session, request.meeting_id, generated_at)


def minutes(session: Session, request: ReportRequest, generated_at: datetime) -> Minutes:
    """A held meeting's minutes; a meeting not held by ``generated_at`` is refused (exit 1)."""
    from teamlead.reporting.minutes import gather_minutes

    assert request.meeting_id is not None  # check_request refused a request without one
    return gather_minutes(session, request.meeting_id, generated_at)


def network(session: Session, request: ReportRequest, generated_at: datetime) -> NetworkMap:
    """All districts unless ``--district`` names one; ``--neighbourhood`` within it."""
    from teamlead.reporting.districts import choose_districts, choose_neighbourhood
    from teamlead.reporting.network import gather_network

    districts = choose_districts(session, request.district)
    neighbourhood = None
    if request.neighbourhood is not None:
        neighbourhood = choose_neighbourhood(session, request.neighbourhood, request.district)
    everything = request.district is None
    return gather_network(
        session, districts, everything, neighbourhood, request.period, request.audience, generated_at
    )


def pocket_page(session: Session, request: ReportRequest, generated_at: datetime) -> PocketPage:
    """``contacts --neighbourhood``: what Who to call shows for the neighbourhood
    (:func:`teamlead.data.queries.people.who_to_call`), so the screen and the paper never disagree: the key
    contacts of the active partners serving it first, by domain; then everyone else holding a role there on
    the day shown (and partners without anyone, by their own number)."""
    from teamlead import __version__
    from teamlead.data.queries.people import who_to_call
    from teamlead.reporting.model import ReportHeader
    from teamlead.reports.pocket import PocketPage
    from teamlead.rules.vocabulary import Audience

    neighbourhood = _neighbourhood(session, request)
    as_of = _as_of(request)
    keys, others = _pocket_groups(who_to_call(session, neighbourhood.id, today=as_of))
    header = ReportHeader(
        "contacts", neighbourhood.district, None, Audience.DISTRICT, generated_at, __version__, as_of=as_of
    )
    return PocketPage(header, neighbourhood.name, neighbourhood.district, keys, others)


def _neighbourhood(session: Session, request: ReportRequest) -> NeighbourhoodRef:
    """The neighbourhood a screen chose by id, else the one ``--neighbourhood`` names (within ``--district``)."""
    from teamlead.data.queries.districts import neighbourhoods_of
    from teamlead.errors import UserError
    from teamlead.i18n import tr
    from teamlead.reporting.districts import choose_neighbourhood

    if request.neighbourhood_id is None:
        assert request.neighbourhood is not None  # the registry makes the pocket page only with one
        return choose_neighbourhood(session, request.neighbourhood, request.district)
    for found in neighbourhoods_of(session):
        if found.id == request.neighbourhood_id:
            return found
    raise UserError(tr("That neighbourhood no longer exists (merged or deleted?); choose another."))


def _pocket_groups(
    groups: list[CallGroup],
) -> tuple[tuple[PocketGroup, ...], tuple[PocketGroup, ...]]:
    """Who to call's domain groups split in two: the key contacts, and everyone else."""
    from teamlead.reports.pocket import PocketContact, PocketGroup

    keys: list[PocketGroup] = []
    others: list[PocketGroup] = []
    for group in groups:
        first: list[PocketContact] = []
        rest: list[PocketContact] = []
        for partner in group.partners:
            for person in partner.people:
                (first if person.key else rest).append(_pocket_contact(partner, person))
            if not partner.people:  # nobody holds a role: the partner's own number, so it is not missing
                rest.append(PocketContact("", partner.name, "", partner.phone, partner.email, (), key=False))
        if first:
            keys.append(PocketGroup(group.domain, tuple(first)))
        if rest:
            others.append(PocketGroup(group.domain, tuple(rest)))
    return tuple(keys), tuple(others)


def _pocket_contact(partner: CallPartner, person: Contact) -> PocketContact:
    from teamlead.reports.pocket import PocketContact

    return PocketContact(
        name=person.name,
        partner=partner.name,
        role=", ".join(person.roles),
        phone=person.phone or partner.phone,
        email=person.email,
        reachability=tuple(str(window) for window in person.reachability),
        key=person.key,
        person_id=person.person_id,
    )
