"""Gathering the network map: which partners worked together in a period, from what actually happened.

The rule (issue 16, ``shared/interface.md``): a held meeting (not cancelled, started in the period and before
the report is made) adds 1/(n−1) to each pair of the n organisations marked present, so a meeting gives each
partner a weight of 1 however many came; an agreement made in the period adds 1 to each pair of its
organisations; for the district audience, a contact moment in the period adds 1 to each pair it names. The
city audience's map is built from meetings and agreements only: no note is read then, and no query here names a
person's column or any text but an organisation's and a domain's name.

Everything is read in a handful of queries (organisations, domains, present invitees, agreements' partners,
notes' partners, a neighbourhood's partners); the pairs are summed here, in id order, so the same data gives the
same weights on both backends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import combinations, groupby

from sqlalchemy import ColumnElement, Select, func, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from teamlead import __version__
from teamlead.data.access.city import reads_as_city
from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.geography import District
from teamlead.data.meetings import Invitee, Meeting
from teamlead.data.notes import Note, note_organisation
from teamlead.data.roster import Organisation, organisation_neighbourhood
from teamlead.reporting.districts import DistrictRef, NeighbourhoodRef
from teamlead.reporting.facts import OrganisationFact, load_domains
from teamlead.reporting.model import NetworkLink, NetworkMap, NetworkNode, ReportHeader
from teamlead.reporting.periods import Period, local_date
from teamlead.reporting.roster import scope_label
from teamlead.rules import words
from teamlead.rules.vocabulary import Attendance, Audience, MeetingStatus

Pair = tuple[int, int]


@dataclass
class _Pairs:
    """Weights and counts per pair of organisations, and what each organisation took part in."""

    weight: dict[Pair, float] = field(default_factory=lambda: defaultdict(float))
    meetings: dict[Pair, int] = field(default_factory=lambda: defaultdict(int))
    agreements: dict[Pair, int] = field(default_factory=lambda: defaultdict(int))
    contacts: dict[Pair, int] = field(default_factory=lambda: defaultdict(int))
    activity: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, organisations: Sequence[int], counts: dict[Pair, int], each: float | None = None) -> None:
        """One event that these organisations (distinct, sorted) took part in together."""
        for organisation in organisations:
            self.activity[organisation] += 1
        if len(organisations) < 2:
            return
        weight = each if each is not None else 1.0
        for pair in combinations(organisations, 2):
            self.weight[pair] += weight
            counts[pair] += 1


def gather_network(
    session: Session,
    districts: list[DistrictRef],
    everything: bool,
    neighbourhood: NeighbourhoodRef | None,
    period: Period,
    audience: str,
    generated_at: datetime,
) -> NetworkMap:
    """The map of ``districts`` (all of them, and records without a district, when ``everything``) over
    ``period`` as seen at ``generated_at``. With ``neighbourhood``: the partners serving it (whatever their
    home district), linked by the records of its district."""
    district_ids = None if everything else [district.id for district in districts]
    if neighbourhood is not None:
        district_ids = [neighbourhood.district_id]
    last_day = min(period.end, local_date(generated_at))
    pairs = _Pairs()
    if last_day >= period.start:
        counted = Period(period.start, last_day)
        if reads_as_city(session) and district_ids is not None:  # counted on the server: no invitee read
            _city_meetings(session, pairs, district_ids, period)
        else:
            _meetings(session, pairs, district_ids, period, generated_at)
        _agreements(session, pairs, district_ids, counted)
        if audience == Audience.DISTRICT:
            _notes(session, pairs, district_ids, counted)
    serving = _serving(session, neighbourhood.id) if neighbourhood is not None else None
    nodes = _nodes(session, district_ids, pairs.activity, serving, period.end)
    kept = {node.id for node in nodes}
    links = tuple(
        NetworkLink(
            source,
            target,
            round(weight, 6),
            pairs.meetings.get((source, target), 0),
            pairs.agreements.get((source, target), 0),
            pairs.contacts.get((source, target), 0),
        )
        for (source, target), weight in sorted(pairs.weight.items())
        if source in kept and target in kept
    )
    domains = tuple(
        (domain.key, words.domain_name(domain.key, domain.name)) for domain in load_domains(session)
    )
    if neighbourhood is not None:
        scope = neighbourhood.district
    elif len(districts) == 1:  # also "all districts" of a database that has one
        scope = districts[0].name
    else:
        scope = scope_label(districts, everything)
    header = ReportHeader("network", scope, period, audience, generated_at, __version__)
    return NetworkMap(
        header=header,
        neighbourhood=neighbourhood.name if neighbourhood is not None else "",
        domains=domains,
        nodes=nodes,
        links=links,
    )


def _in_districts(
    column: InstrumentedAttribute[int | None], district_ids: list[int] | None
) -> ColumnElement[bool]:
    return column.in_(district_ids) if district_ids is not None else true()


def _events(session: Session, statement: Select[int, int | None]) -> Iterable[list[int]]:
    """The organisations of each event, from rows of (event id, organisation id) sorted by both."""
    for _event, rows in groupby(session.execute(statement), key=lambda row: row[0]):
        yield sorted({row[1] for row in rows if row[1] is not None})


def _meetings(
    session: Session, pairs: _Pairs, district_ids: list[int] | None, period: Period, now: datetime
) -> None:
    start, end = period.utc_bounds()
    statement = (
        select(Invitee.meeting_id, Invitee.organisation_id)
        .join(Meeting, Meeting.id == Invitee.meeting_id)
        .where(
            _in_districts(Meeting.district_id, district_ids),
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.starts_at >= start,
            Meeting.starts_at < min(end, now),
            Invitee.attendance == Attendance.PRESENT,
            Invitee.organisation_id.is_not(None),
        )
        .order_by(Invitee.meeting_id, Invitee.organisation_id)
    )
    for present in _events(session, statement):
        pairs.add(present, pairs.meetings, 1 / (len(present) - 1) if len(present) > 1 else None)


def _city_meetings(session: Session, pairs: _Pairs, district_ids: list[int], period: Period) -> None:
    """The meetings' links as the city's counting function sums them (per pair, and each partner's meetings)."""
    for district_id in district_ids:
        rows = session.execute(
            select(
                func.teamlead_city.meeting_links(district_id, period.start, period.end).table_valued(
                    "source", "target", "weight", "meetings"
                )
            )
        )
        for source, target, weight, meetings in rows:
            if target is None:
                pairs.activity[source] += int(meetings)
            else:
                pairs.weight[(source, target)] += float(weight)
                pairs.meetings[(source, target)] += int(meetings)


def _agreements(session: Session, pairs: _Pairs, district_ids: list[int] | None, period: Period) -> None:
    statement = (
        select(agreement_organisation.c.agreement_id, agreement_organisation.c.organisation_id)
        .join(Agreement, Agreement.id == agreement_organisation.c.agreement_id)
        .where(
            _in_districts(Agreement.district_id, district_ids),
            Agreement.made_on.between(period.start, period.end),
        )
        .order_by(agreement_organisation.c.agreement_id, agreement_organisation.c.organisation_id)
    )
    for organisations in _events(session, statement):
        pairs.add(organisations, pairs.agreements)


def _notes(session: Session, pairs: _Pairs, district_ids: list[int] | None, period: Period) -> None:
    """Contact moments (district audience only): which partners each names, never what it says."""
    statement = (
        select(note_organisation.c.note_id, note_organisation.c.organisation_id)
        .join(Note, Note.id == note_organisation.c.note_id)
        .where(
            _in_districts(Note.district_id, district_ids),
            Note.occurred_on.between(period.start, period.end),
        )
        .order_by(note_organisation.c.note_id, note_organisation.c.organisation_id)
    )
    for organisations in _events(session, statement):
        pairs.add(organisations, pairs.contacts)


def _serving(session: Session, neighbourhood_id: int) -> set[int]:
    return set(
        session.scalars(
            select(organisation_neighbourhood.c.organisation_id).where(
                organisation_neighbourhood.c.neighbourhood_id == neighbourhood_id
            )
        )
    )


def _nodes(
    session: Session,
    district_ids: list[int] | None,
    activity: dict[int, int],
    serving: set[int] | None,
    last_day: date,
) -> tuple[NetworkNode, ...]:
    """The scope's partners active on the period's last day (with ``serving``: those serving the
    neighbourhood), and every partner that took part in its records (a partner from elsewhere at one of its
    meetings, one that left during the period)."""
    domains = {domain.id: domain for domain in load_domains(session)}
    district_names: dict[int, str] = {
        row.id: row.name for row in session.execute(select(District.id, District.name))
    }
    statement = select(
        Organisation.id,
        Organisation.name,
        Organisation.domain_id,
        Organisation.district_id,
        Organisation.status,
        Organisation.joined_on,
        Organisation.left_on,
    ).order_by(Organisation.id)
    nodes = []
    for row in session.execute(statement):
        if serving is not None and row.id not in serving:
            continue
        took_part = row.id in activity
        at_home = district_ids is None or serving is not None or row.district_id in district_ids
        if not took_part:
            fact = OrganisationFact(row.id, row.domain_id, row.status, row.joined_on, row.left_on)
            if not at_home or not fact.active_on(last_day):
                continue
        domain = domains.get(row.domain_id) if row.domain_id is not None else None
        nodes.append(
            NetworkNode(
                id=row.id,
                name=row.name,
                domain_key=domain.key if domain is not None else "",
                domain=words.domain_name(domain.key, domain.name) if domain is not None else "",
                activity=activity.get(row.id, 0),
                district=district_names.get(row.district_id, "") if row.district_id is not None else "",
            )
        )
    return tuple(nodes)
