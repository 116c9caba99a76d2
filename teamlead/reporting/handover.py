"""Gathering the handover dossier: what a successor needs to know of one district on their first day.

Read through the queries the screens use, so the dossier says what the app says: Who to call's partners per
neighbourhood with their key contacts and reachability, the roster's stay-in-touch state (the dashboard's
rule), the agreements register with its history, the dashboard's signals awaiting a round's close or its
feedback. Only the recurring structures, the last reflections per neighbourhood and the narratives are read
here, as no screen lists them this way. Everything is of the chosen district (``shared/interface.md``: the
handover is always for the district audience).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead import __version__
from teamlead.data.admin import Narrative
from teamlead.data.meetings import Invitee, Meeting, MeetingSeries, meeting_neighbourhood
from teamlead.data.queries.dashboard_lists import signals_to_follow_up_capped
from teamlead.data.queries.districts import neighbourhoods_of
from teamlead.data.queries.neighbourhood_page import Reflection
from teamlead.data.queries.people import who_to_call
from teamlead.data.queries.roster import roster
from teamlead.data.roster import Organisation, Role, key_contact
from teamlead.i18n import tr
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.handover_model import (
    Dossier,
    Glance,
    NarrativeLine,
    NeighbourhoodSection,
    PartnerLine,
    SeriesLine,
    rule_words,
)
from teamlead.reporting.model import RegisterEntry, ReportHeader
from teamlead.reporting.periods import Period
from teamlead.reporting.register import gather_register
from teamlead.rules.clock import local_day
from teamlead.rules.vocabulary import (
    OPEN_AGREEMENT_STATUSES,
    Attendance,
    MeetingKind,
    MeetingStatus,
    OrganisationStatus,
    SignalState,
)

REFLECTIONS_PER_NEIGHBOURHOOD = 4
LONGEST_UNCONTACTED = 5
NARRATIVE_YEARS = 2
SIGNALS_LISTED = 100_000
"""The dashboard's signal list without its cap: the dossier lists every signal still waiting."""


def gather_dossier(session: Session, district: DistrictRef, generated_at: datetime) -> Dossier:
    today = local_day(generated_at)
    header = ReportHeader(
        "handover",
        district.name,
        None,
        "district",
        generated_at,
        __version__,
        as_of=today,
        title=tr("Handover dossier"),
    )
    own = roster(session, today=today, district_id=district.id)
    sections = tuple(_neighbourhoods(session, district.id, today, generated_at))
    agreements = _open_agreements(session, district, today, generated_at)
    signals = signals_to_follow_up_capped(session, today, district.id, limit=SIGNALS_LISTED).rows
    series = tuple(_series(session, district.id, generated_at))
    persons = session.scalar(
        select(func.count(func.distinct(Role.person_id))).where(
            Role.organisation_id.in_(select(Organisation.id).where(Organisation.district_id == district.id))
        )
    )
    key_contacts = session.scalar(
        select(func.count())
        .select_from(key_contact)
        .join(Organisation, Organisation.id == key_contact.c.organisation_id)
        .where(Organisation.district_id == district.id, Organisation.status == OrganisationStatus.ACTIVE)
    )
    by_domain = Counter(row.domain or tr("No domain") for row in own)
    glance = Glance(
        active_partners=len(own),
        neighbourhoods=len(sections),
        persons=persons or 0,
        key_contacts=key_contacts or 0,
        series=len(series),
        open_agreements=len(agreements),
        open_signals=sum(1 for row in signals if row.signal_state == SignalState.OPEN),
        signals_without_feedback=sum(1 for row in signals if row.signal_state == SignalState.NO_FEEDBACK),
        by_domain=tuple(sorted(by_domain.items(), key=lambda item: (-item[1], item[0]))),
        by_neighbourhood=tuple((section.name, len(section.partners)) for section in sections),
    )
    return Dossier(
        header,
        glance,
        sections,
        series,
        agreements,
        tuple(signals),
        tuple(_narratives(session, district.id, today)),
    )


def _neighbourhoods(
    session: Session, district_id: int, today: date, now: datetime
) -> list[NeighbourhoodSection]:
    neighbourhoods = neighbourhoods_of(session, [district_id])
    reflections = _reflections(session, [n.id for n in neighbourhoods], now)
    sections = []
    for neighbourhood in neighbourhoods:
        states = {row.id: row for row in roster(session, today=today, neighbourhood_id=neighbourhood.id)}
        lines = tuple(
            PartnerLine(partner, states.get(partner.id))
            for group in who_to_call(session, neighbourhood.id, today=today)
            for partner in group.partners
        )
        with_cadence = [line for line in lines if line.contact and line.contact.contact_state != "none"]
        with_cadence.sort(key=lambda line: (_last(line), line.partner.name.lower()))
        sections.append(
            NeighbourhoodSection(
                neighbourhood.name,
                lines,
                tuple(with_cadence[:LONGEST_UNCONTACTED]),
                reflections.get(neighbourhood.id, ()),
            )
        )
    return sections


def _last(line: PartnerLine) -> date:
    return (line.contact.last_contact if line.contact else None) or date.min


def _reflections(
    session: Session, neighbourhood_ids: list[int], now: datetime
) -> dict[int, tuple[Reflection, ...]]:
    """The last :data:`REFLECTIONS_PER_NEIGHBOURHOOD` reflections held about each neighbourhood (the
    neighbourhood page's rule for its last one)."""
    found: dict[int, list[Reflection]] = defaultdict(list)
    rows = session.execute(
        select(meeting_neighbourhood.c.neighbourhood_id, Meeting)
        .join(meeting_neighbourhood, meeting_neighbourhood.c.meeting_id == Meeting.id)
        .where(
            meeting_neighbourhood.c.neighbourhood_id.in_(neighbourhood_ids),
            Meeting.kind == MeetingKind.REFLECTION,
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.starts_at <= now,
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )
    for neighbourhood_id, meeting in rows:
        if len(found[neighbourhood_id]) < REFLECTIONS_PER_NEIGHBOURHOOD:
            found[neighbourhood_id].append(
                Reflection(
                    meeting.id,
                    meeting.title,
                    local_day(meeting.starts_at),
                    meeting.reflection_goes_well,
                    meeting.reflection_can_improve,
                    meeting.reflection_do_ourselves,
                    meeting.reflection_need_help,
                )
            )
    return {key: tuple(value) for key, value in found.items()}


def _open_agreements(
    session: Session, district: DistrictRef, today: date, now: datetime
) -> tuple[RegisterEntry, ...]:
    """The register (with its history) of today, keeping the agreements open or in progress."""
    register = gather_register(session, [district], False, Period(today, today), "district", now)
    return tuple(entry for entry in register.entries if entry.agreement.status in OPEN_AGREEMENT_STATUSES)


def _series(session: Session, district_id: int, now: datetime) -> list[SeriesLine]:
    year_ago = now - timedelta(days=365)
    lines = []
    for series in session.scalars(
        select(MeetingSeries).where(MeetingSeries.district_id == district_id).order_by(MeetingSeries.title)
    ):
        meetings = [m for m in series.meetings if m.status != MeetingStatus.CANCELLED]
        upcoming = [m for m in meetings if m.starts_at > now]
        if not upcoming and not any(m.starts_at > year_ago for m in meetings):
            continue  # a series that ended over a year ago is history, not a structure to take over
        held = [m for m in meetings if year_ago < m.starts_at <= now]
        following = [m for m in series.meetings if not m.detached] or list(series.meetings)
        latest = following[-1] if following else None
        present: Counter[int] = Counter(
            organisation_id
            for organisation_id in session.scalars(
                select(Invitee.organisation_id).where(
                    Invitee.meeting_id.in_([m.id for m in held]),
                    Invitee.attendance == Attendance.PRESENT,
                    Invitee.organisation_id.is_not(None),
                )
            )
            if organisation_id is not None
        )
        invited = sorted(
            {
                (i.organisation.name, i.organisation.id)
                for i in (latest.invitees if latest else [])
                if i.organisation is not None
            }
        )
        lines.append(
            SeriesLine(
                series.title,
                series.kind,
                rule_words(series.rrule),
                series.location,
                upcoming[0].starts_at if upcoming else None,
                len(held),
                tuple((name, present.get(organisation_id, 0)) for name, organisation_id in invited),
            )
        )
    lines.sort(key=lambda line: (_KIND_ORDER.get(line.kind, len(_KIND_ORDER)), line.title.lower()))
    return lines


_KIND_ORDER: dict[str, int] = {MeetingKind.NETWORK: 0, MeetingKind.REFLECTION: 1, MeetingKind.OTHER: 2}
"""The network meetings first, the local reflections next: the structures a successor takes over; the
bilateral partner meetings last."""


def _narratives(session: Session, district_id: int, today: date) -> list[NarrativeLine]:
    since = today - timedelta(days=round(365.25 * NARRATIVE_YEARS))
    rows = session.execute(
        select(Narrative.period_from, Narrative.period_to, Narrative.text)
        .where(Narrative.district_id == district_id, Narrative.period_to >= since)
        .order_by(Narrative.period_from.desc())
    )
    return [NarrativeLine(Period(start, end), text) for start, end, text in rows if text.strip()]
