"""Making the list reports (roster, contacts, agreements, meeting pack): gather, then write by format."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from teamlead.reporting.districts import choose_districts

if TYPE_CHECKING:
    from teamlead.reporting.produce import ReportRequest


def produce_list(
    session: Session, request: ReportRequest, generated_at: datetime, writing: Callable[[], None]
) -> None:
    """Gather the list ``request`` names, call ``writing()`` (which may raise to cancel), then write it."""
    from teamlead.reports import lists_pdf, lists_xlsx

    pdf = request.target.suffix.lower() == ".pdf"
    everything = request.district is None
    as_of = request.as_of or request.period.end
    if request.kind == "meeting":
        from teamlead.reporting.register import gather_meeting_pack

        assert request.meeting_id is not None
        pack = gather_meeting_pack(session, request.meeting_id, generated_at)
        writing()
        (lists_pdf.write_meeting_pack if pdf else lists_xlsx.write_meeting_pack)(pack, request.target)
        return
    districts = choose_districts(session, request.district)
    if request.kind == "roster":
        from teamlead.reporting.roster import gather_roster

        roster = gather_roster(session, districts, everything, as_of, request.audience, generated_at)
        writing()
        (lists_pdf.write_roster if pdf else lists_xlsx.write_roster)(roster, request.target)
    elif request.kind == "contacts":
        from teamlead.reporting.roster import gather_contacts

        sheet = gather_contacts(session, districts, everything, as_of, generated_at)
        writing()
        (lists_pdf.write_contacts if pdf else lists_xlsx.write_contacts)(sheet, request.target)
    else:
        from teamlead.reporting.register import gather_register

        register = gather_register(
            session, districts, everything, request.period, request.audience, generated_at
        )
        writing()
        (lists_pdf.write_register if pdf else lists_xlsx.write_register)(register, request.target)
