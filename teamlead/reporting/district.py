"""Gathering the district report (the city-level overview) from the database.

Only network data is read, for every audience: organisations (name, domain, neighbourhoods), counts, meetings
(kind, date, title, attendance as numbers), agreements (text, organisations, dates, status), reflection
answers and the narrative. No query here names a person's column, a note's text or a status-change comment,
which is what makes the city audience safe whatever the data holds (``tests/reporting`` checks it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead import __version__
from teamlead.data.access.city import city_reading
from teamlead.data.admin import Narrative
from teamlead.data.agreements import Agreement
from teamlead.data.geography import Domain, Neighbourhood
from teamlead.data.meetings import Meeting
from teamlead.data.roster import Organisation, organisation_neighbourhood
from teamlead.errors import UsageError
from teamlead.i18n import tr
from teamlead.reporting.chunks import id_chunks
from teamlead.reporting.city_facts import check_whole_quarters, load_city_facts
from teamlead.reporting.districts import DistrictRef
from teamlead.reporting.facts import (
    AgreementFact,
    DistrictFacts,
    agreement_organisation_names,
    attendance_counts,
    load_facts,
)
from teamlead.reporting.figures import compute_figures
from teamlead.reporting.indicators import neighbourhood_indicators
from teamlead.reporting.model import (
    NO_NEIGHBOURHOOD,
    AgreementLine,
    DistrictReport,
    MeetingLine,
    NetworkMatrix,
    ReflectionLine,
    ReportHeader,
    Trend,
    Value,
)
from teamlead.reporting.network import gather_network
from teamlead.reporting.periods import Counted, Period, local_date, quarter_label, trend_quarters
from teamlead.reporting.signals import signal_themes
from teamlead.reporting.summary_keys import (
    DOMAIN_PREFIX,
    FALSE,
    FORMAT_VERSION,
    META_KEYS,
    THEME_PREFIX,
    TRUE,
)
from teamlead.rules import words
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, Audience, MeetingKind, MeetingStatus


def gather_district_report(
    session: Session, district: DistrictRef, period: Period, audience: str, generated_at: datetime
) -> DistrictReport:
    """The report of ``period`` as made at ``generated_at`` (aware): a period not over by then is interim.

    A city user's report is gathered by the same code through the city's views and counting functions
    (:mod:`teamlead.data.access.city`), for the city audience and whole quarters only."""
    with city_reading(session) as city:
        if city:
            if audience != Audience.CITY:
                raise UsageError(
                    tr("As a city user you make the district report for the city audience only.")
                )
            check_whole_quarters(period)
        return _gather(session, district, period, audience, generated_at, city)


def _gather(
    session: Session, district: DistrictRef, period: Period, audience: str, generated_at: datetime, city: bool
) -> DistrictReport:
    counted = Counted(period, generated_at)
    quarters = [Counted(quarter, generated_at) for quarter in trend_quarters(period)]
    window = Period(min(period.start, quarters[0].period.start), max(period.end, quarters[-1].period.end))
    if city:
        facts = load_city_facts(session, district.id, window, [period, *(q.period for q in quarters)])
    else:
        facts = load_facts(session, district.id, window)
    figures = compute_figures(facts, counted)
    meta: dict[str, Value | str] = {
        "format_version": FORMAT_VERSION,
        "district": district.name,
        "period_from": period.start.isoformat(),
        "period_to": period.end.isoformat(),
        "audience": audience,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "teamlead_version": __version__,
        "period_complete": TRUE if counted.complete else FALSE,
    }
    summary: list[tuple[str, Value | str]] = [*((key, meta[key]) for key in META_KEYS), *figures.items()]
    per_quarter = [compute_figures(facts, quarter) for quarter in quarters]
    trend = Trend(
        quarters=tuple(quarter_label(quarter.period.start) for quarter in quarters),
        rows=tuple((key, tuple(values[key] for values in per_quarter)) for key in figures),
        complete=tuple(quarter.complete for quarter in quarters),
    )
    header = ReportHeader(
        "district",
        district.name,
        period,
        audience,
        generated_at,
        __version__,
        counted_until=None if counted.complete else counted.today,
    )
    by_id = {agreement.id: agreement for agreement in facts.agreements}
    days = counted.days
    made = [a for a in facts.agreements if counted.counts_day(a.made_on)]
    done = [a for a in facts.agreements if days is not None and a.done_in(days) is not None]
    overdue = [
        a
        for a in facts.agreements
        if a.due_on is not None
        and a.due_on < counted.last
        and a.status_on(counted.last) in OPEN_AGREEMENT_STATUSES
    ]
    lines = _agreement_lines(session, [a.id for a in (*made, *done, *overdue)], by_id, counted)
    return DistrictReport(
        header=header,
        summary=tuple(summary),
        trend=trend,
        network=_network(session, district.id, facts, counted.last),
        meetings=_meetings(session, district.id, counted),
        agreements_made=tuple(lines[a.id] for a in sorted(made, key=lambda a: (a.made_on, a.id))),
        agreements_done=tuple(lines[a.id] for a in sorted(done, key=lambda a: (a.done_in(period), a.id))),
        agreements_overdue=tuple(lines[a.id] for a in sorted(overdue, key=lambda a: (a.due_on, a.id))),
        reflections=_reflections(session, district.id, counted),
        narrative=_narrative(session, district.id, period),
        network_map=gather_network(session, [district], False, None, period, audience, generated_at),
        signals=signal_themes(
            session, district.id, facts, counted, per_quarter, trend.quarters, audience == Audience.DISTRICT
        ),
        indicators=neighbourhood_indicators(session, district.id, period.end.year),
        labels={
            **{f"{DOMAIN_PREFIX}{domain.key}": domain.name for domain in facts.domains},
            **{f"{THEME_PREFIX}{theme.key}": theme.name for theme in facts.themes},
        },
    )


def _network(session: Session, district_id: int, facts: DistrictFacts, day: date) -> NetworkMatrix:
    active = {org.id: org.domain_id for org in facts.organisations if org.active_on(day)}
    domains = session.execute(
        select(Domain.id, Domain.key, Domain.name).order_by(Domain.position, Domain.name)
    ).all()
    neighbourhoods = session.execute(
        select(Neighbourhood.id, Neighbourhood.name)
        .where(Neighbourhood.district_id == district_id)
        .order_by(Neighbourhood.name)
    ).all()
    served: dict[int, list[int]] = defaultdict(list)
    for org_id, neighbourhood_id in session.execute(
        select(organisation_neighbourhood.c.organisation_id, organisation_neighbourhood.c.neighbourhood_id)
        .join(Organisation, Organisation.id == organisation_neighbourhood.c.organisation_id)
        .where(Organisation.district_id == district_id)
    ):
        served[org_id].append(neighbourhood_id)
    columns = {row.id: index for index, row in enumerate(neighbourhoods)}
    wide = len(neighbourhoods)
    rows = {row.id: index for index, row in enumerate(domains)}
    counts = [[0] * (wide + 1) for _ in domains]
    for org_id, domain_id in active.items():
        if domain_id not in rows:
            continue
        places = [columns[n] for n in served.get(org_id, []) if n in columns] or [wide]
        for place in places:
            counts[rows[domain_id]][place] += 1
    return NetworkMatrix(
        domains=tuple(words.domain_name(row.key, row.name) for row in domains),
        neighbourhoods=(*(row.name for row in neighbourhoods), NO_NEIGHBOURHOOD),
        counts=tuple(tuple(row) for row in counts),
    )


def _meetings(session: Session, district_id: int, counted: Counted) -> tuple[MeetingLine, ...]:
    """The meetings held: started in the period before the report was made, not cancelled."""
    start, end = counted.period.utc_bounds()
    invitees = attendance_counts(session, district_id, counted.period)
    rows = session.execute(
        select(Meeting.starts_at, Meeting.kind, Meeting.title, invitees.c.invited, invitees.c.present)
        .outerjoin(invitees, invitees.c.meeting_id == Meeting.id)
        .where(
            Meeting.district_id == district_id,
            Meeting.starts_at >= start,
            Meeting.starts_at < min(end, counted.made_at),
            Meeting.status != MeetingStatus.CANCELLED,
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return tuple(
        MeetingLine(
            local_date(row.starts_at), row.kind, row.title, int(row.present or 0), int(row.invited or 0)
        )
        for row in rows
    )


def _agreement_lines(
    session: Session, ids: Iterable[int], facts: dict[int, AgreementFact], counted: Counted
) -> dict[int, AgreementLine]:
    wanted = sorted(set(ids))
    texts: dict[int, str] = {}
    for chunk in id_chunks(wanted):
        for agreement_id, text in session.execute(
            select(Agreement.id, Agreement.text).where(Agreement.id.in_(chunk))
        ):
            texts[agreement_id] = text
    names = agreement_organisation_names(session, wanted)
    lines = {}
    for agreement_id in wanted:
        fact = facts[agreement_id]
        lines[agreement_id] = AgreementLine(
            id=agreement_id,
            text=texts.get(agreement_id, ""),
            organisations=", ".join(names.get(agreement_id, [])),
            made_on=fact.made_on,
            due_on=fact.due_on,
            status=fact.status_on(counted.last) or fact.status,
            done_on=fact.done_in(counted.days) if counted.days is not None else None,
        )
    return lines


def _reflections(session: Session, district_id: int, counted: Counted) -> tuple[ReflectionLine, ...]:
    start, end = counted.period.utc_bounds()
    rows = session.execute(
        select(
            Meeting.starts_at,
            Meeting.title,
            Meeting.reflection_goes_well,
            Meeting.reflection_can_improve,
            Meeting.reflection_do_ourselves,
            Meeting.reflection_need_help,
        )
        .where(
            Meeting.district_id == district_id,
            Meeting.starts_at >= start,
            Meeting.starts_at < min(end, counted.made_at),
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.kind == MeetingKind.REFLECTION,
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    lines = [
        ReflectionLine(local_date(row[0]), row[1], row[2] or "", row[3] or "", row[4] or "", row[5] or "")
        for row in rows
    ]
    return tuple(
        line for line in lines if line.goes_well or line.can_improve or line.do_ourselves or line.need_help
    )


def _narrative(session: Session, district_id: int, period: Period) -> str:
    text = session.scalar(
        select(Narrative.text).where(
            Narrative.district_id == district_id,
            Narrative.period_from == period.start,
            Narrative.period_to == period.end,
        )
    )
    return text or ""
