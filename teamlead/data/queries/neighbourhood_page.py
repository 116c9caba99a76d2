"""Everything the neighbourhood page shows, in one read: its focus and history, its places, the partners serving
it by domain (and the domains without one: the gaps of the report's domain × neighbourhood table), its signals of
the last year by theme, its last local reflection, the open agreements with its partners, and its indicators.

Places, history and focus are for the district only (never in a city output); this page is the team lead's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, agreement_organisation
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.meetings import Meeting, meeting_neighbourhood
from teamlead.data.notes import Note, note_place
from teamlead.data.places import Indicator, NeighbourhoodEvent, Place
from teamlead.data.queries.agreements import AgreementRow, agreement_rows
from teamlead.data.queries.signals import theme_choices, theme_condition
from teamlead.data.roster import Organisation, organisation_neighbourhood
from teamlead.rules import words
from teamlead.rules.clock import local_day
from teamlead.rules.vocabulary import (
    OPEN_AGREEMENT_STATUSES,
    UNTHEMED,
    MeetingKind,
    MeetingStatus,
    OrganisationStatus,
)

SIGNAL_WINDOW_DAYS = 365
"""The page counts the signals of the last year (the issue's "last 12 months")."""


@dataclass(frozen=True, slots=True)
class HistoryLine:
    id: int
    happened_on: date
    text: str
    version: int


@dataclass(frozen=True, slots=True)
class PlaceRow:
    id: int
    name: str
    kind: str
    address: str
    notes: int
    """How many notes point at it (deleting it asks first when there are any)."""
    version: int


@dataclass(frozen=True, slots=True)
class DomainPartners:
    """A domain and the active partners serving the neighbourhood in it (empty: a gap)."""

    domain_id: int | None
    domain: str
    partners: tuple[tuple[int, str], ...]
    """(organisation id, name), by name."""


@dataclass(frozen=True, slots=True)
class Reflection:
    meeting_id: int
    title: str
    held_on: date
    goes_well: str
    can_improve: str
    do_ourselves: str
    need_help: str


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    id: int
    year: int
    value: float
    version: int


@dataclass(frozen=True, slots=True)
class NeighbourhoodPage:
    id: int
    name: str
    district: str
    focus: str
    focus_on: date | None
    version: int
    history: tuple[HistoryLine, ...]
    """Newest first."""
    places: tuple[PlaceRow, ...]
    domains: tuple[DomainPartners, ...]
    """Every domain in its order (a gap too), then partners without a domain if any (domain "")."""
    signals_by_theme: tuple[tuple[str, int], ...]
    """(theme as shown, signals of the last year), every theme in its order."""
    reflection: Reflection | None
    agreements: tuple[AgreementRow, ...]
    indicators: dict[str, tuple[IndicatorValue, ...]]
    """Name -> its values by year, names in alphabetical order."""

    @property
    def gaps(self) -> tuple[str, ...]:
        """The domains no active partner serves here."""
        return tuple(group.domain for group in self.domains if not group.partners)

    @property
    def signals(self) -> int:
        return sum(count for _theme, count in self.signals_by_theme)


def neighbourhood_page(
    session: Session, neighbourhood_id: int, *, today: date, now: datetime | None = None
) -> NeighbourhoodPage | None:
    """The page of the neighbourhood; None when it is gone (merged or deleted meanwhile)."""
    row = session.execute(
        select(Neighbourhood, District.name)
        .join(District, District.id == Neighbourhood.district_id)
        .where(Neighbourhood.id == neighbourhood_id)
    ).first()
    if row is None:
        return None
    neighbourhood, district = row
    domains = _domains(session, neighbourhood_id)
    partner_ids = [partner_id for group in domains for partner_id, _name in group.partners]
    return NeighbourhoodPage(
        id=neighbourhood.id,
        name=neighbourhood.name,
        district=district,
        focus=neighbourhood.focus,
        focus_on=neighbourhood.focus_on,
        version=neighbourhood.version,
        history=tuple(
            HistoryLine(*line)
            for line in session.execute(
                select(
                    NeighbourhoodEvent.id,
                    NeighbourhoodEvent.happened_on,
                    NeighbourhoodEvent.text,
                    NeighbourhoodEvent.version,
                )
                .where(NeighbourhoodEvent.neighbourhood_id == neighbourhood_id)
                .order_by(NeighbourhoodEvent.happened_on.desc(), NeighbourhoodEvent.id.desc())
            )
        ),
        places=_places(session, neighbourhood_id),
        domains=domains,
        signals_by_theme=_signals_by_theme(session, neighbourhood_id, today),
        reflection=_last_reflection(session, neighbourhood_id, now or datetime.now(UTC)),
        agreements=tuple(
            agreement_rows(
                session,
                [
                    Agreement.status.in_([str(status) for status in OPEN_AGREEMENT_STATUSES]),
                    Agreement.id.in_(
                        select(agreement_organisation.c.agreement_id).where(
                            agreement_organisation.c.organisation_id.in_(partner_ids)
                        )
                    ),
                ],
                today,
            )
        )
        if partner_ids
        else (),
        indicators=_indicators(session, neighbourhood_id),
    )


def place_choices(session: Session, neighbourhood_id: int) -> list[tuple[int, str]]:
    """The neighbourhood's places by name (a note's place field)."""
    return [
        (place_id, name)
        for place_id, name in session.execute(
            select(Place.id, Place.name)
            .where(Place.neighbourhood_id == neighbourhood_id)
            .order_by(func.lower(Place.name), Place.id)
        )
    ]


def note_place_id(session: Session, note_id: int) -> int | None:
    return session.scalar(select(note_place.c.place_id).where(note_place.c.note_id == note_id))


def _places(session: Session, neighbourhood_id: int) -> tuple[PlaceRow, ...]:
    uses = (
        select(note_place.c.place_id, func.count().label("notes")).group_by(note_place.c.place_id).subquery()
    )
    return tuple(
        PlaceRow(place_id, name, kind, address, notes or 0, version)
        for place_id, name, kind, address, notes, version in session.execute(
            select(Place.id, Place.name, Place.kind, Place.address, uses.c.notes, Place.version)
            .outerjoin(uses, uses.c.place_id == Place.id)
            .where(Place.neighbourhood_id == neighbourhood_id)
            .order_by(func.lower(Place.name), Place.id)
        )
    )


def _domains(session: Session, neighbourhood_id: int) -> tuple[DomainPartners, ...]:
    partners: dict[int | None, list[tuple[int, str]]] = {}
    for organisation_id, name, domain_id in session.execute(
        select(Organisation.id, Organisation.name, Organisation.domain_id)
        .join(organisation_neighbourhood, organisation_neighbourhood.c.organisation_id == Organisation.id)
        .where(
            organisation_neighbourhood.c.neighbourhood_id == neighbourhood_id,
            Organisation.status == OrganisationStatus.ACTIVE,
        )
        .order_by(func.lower(Organisation.name), Organisation.id)
    ):
        partners.setdefault(domain_id, []).append((organisation_id, name))
    groups = [
        DomainPartners(domain_id, words.domain_name(key, name), tuple(partners.get(domain_id, ())))
        for domain_id, key, name in session.execute(
            select(Domain.id, Domain.key, Domain.name).order_by(Domain.position, Domain.id)
        )
    ]
    if None in partners:
        groups.append(DomainPartners(None, "", tuple(partners[None])))
    return tuple(groups)


def _signals_by_theme(session: Session, neighbourhood_id: int, today: date) -> tuple[tuple[str, int], ...]:
    """Per theme, the neighbourhood's signals of the last year; a signal without a theme counts as other, as
    the district report counts it."""
    since = today - timedelta(days=SIGNAL_WINDOW_DAYS)
    counts = []
    for theme in theme_choices(session):
        count = session.scalar(
            select(func.count(Note.id)).where(
                Note.neighbourhood_id == neighbourhood_id,
                Note.occurred_on > since,
                Note.occurred_on <= today,
                theme_condition(theme.id, other=theme.key == UNTHEMED),
            )
        )
        counts.append((theme.name, count or 0))
    return tuple(counts)


def _last_reflection(session: Session, neighbourhood_id: int, now: datetime) -> Reflection | None:
    meeting = session.scalar(
        select(Meeting)
        .join(meeting_neighbourhood, meeting_neighbourhood.c.meeting_id == Meeting.id)
        .where(
            meeting_neighbourhood.c.neighbourhood_id == neighbourhood_id,
            Meeting.kind == MeetingKind.REFLECTION,
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.starts_at <= now,
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(1)
    )
    if meeting is None:
        return None
    return Reflection(
        meeting.id,
        meeting.title,
        local_day(meeting.starts_at),
        meeting.reflection_goes_well,
        meeting.reflection_can_improve,
        meeting.reflection_do_ourselves,
        meeting.reflection_need_help,
    )


def _indicators(session: Session, neighbourhood_id: int) -> dict[str, tuple[IndicatorValue, ...]]:
    values: dict[str, list[IndicatorValue]] = {}
    for indicator_id, name, year, value, version in session.execute(
        select(Indicator.id, Indicator.name, Indicator.year, Indicator.value, Indicator.version)
        .where(Indicator.neighbourhood_id == neighbourhood_id)
        .order_by(func.lower(Indicator.name), Indicator.name, Indicator.year)
    ):
        values.setdefault(name, []).append(IndicatorValue(indicator_id, year, value, version))
    return {name: tuple(rows) for name, rows in values.items()}
