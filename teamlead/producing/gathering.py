"""The gather function of each report kind: a request's options turned into the call of its gatherer.

The gatherers in :mod:`teamlead.reporting` take plain arguments (districts, a period, a day); choosing the
district by the ``--district`` rules and the day a state is shown for happens here, once per kind. Imports are
local so that reading the registry (to build the command line) does not load the database layer.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.producing.produce import ReportRequest
    from teamlead.reporting.model import (
        AgreementRegister,
        ContactSheet,
        DistrictReport,
        MeetingPack,
        NetworkMap,
        Roster,
    )


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
