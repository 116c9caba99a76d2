"""Each neighbourhood's own ecosystem in the demo: its focus, dated history, places and five years of public
figures; signals and visits that point to one of its places; meetings that belong to it. Counted here from the
rows, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import (
    Indicator,
    Meeting,
    Neighbourhood,
    NeighbourhoodEvent,
    Note,
    Place,
    meeting_neighbourhood,
    note_place,
)
from teamlead.demo import DemoSummary
from teamlead.rules.vocabulary import PlaceKind
from tests.demo.conftest import TODAY
from tests.demo.test_city_wide import make

FIGURES = {"Veiligheidsindex", "Schoolverzuim (%)", "Verwijzingen jeugdhulp"}
YEARS = list(range(TODAY.year - 5, TODAY.year))


def test_every_neighbourhood_has_a_focus_history_places_and_figures(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    database, _ = small_demo
    with database.session() as session:
        neighbourhoods = session.execute(
            select(Neighbourhood.id, Neighbourhood.focus, Neighbourhood.focus_on)
        ).all()
        places = session.execute(select(Place.neighbourhood_id, Place.name, Place.kind, Place.address)).all()
        events = session.execute(
            select(NeighbourhoodEvent.neighbourhood_id, NeighbourhoodEvent.happened_on)
        ).all()
        figures = session.execute(
            select(Indicator.neighbourhood_id, Indicator.name, Indicator.year, Indicator.value)
        ).all()
    ids = {row.id for row in neighbourhoods}
    assert len(ids) == 11
    for row in neighbourhoods:
        assert 1 <= len(re.findall(r"[.!?](\s|$)", row.focus)) <= 3, row.focus
        assert row.focus_on is not None
        assert TODAY - timedelta(days=366) <= row.focus_on <= TODAY
    assert {place.neighbourhood_id for place in places} == ids
    kinds_per: dict[int, list[PlaceKind]] = defaultdict(list)
    for place in places:
        kinds_per[place.neighbourhood_id].append(PlaceKind(place.kind))
        assert place.address.endswith(" Amsterdam")
        assert place.name
    for kinds in kinds_per.values():
        assert 3 <= len(kinds) <= 8
        assert PlaceKind.SCHOOL in kinds
        assert {PlaceKind.SQUARE, PlaceKind.HANG_OUT} & set(kinds)
    assert {kind for kinds in kinds_per.values() for kind in kinds} >= set(PlaceKind) - {PlaceKind.OTHER}
    per_neighbourhood = Counter(row.neighbourhood_id for row in events)
    assert set(per_neighbourhood) == ids
    assert all(2 <= n <= 5 for n in per_neighbourhood.values())
    assert all(TODAY - timedelta(days=4 * 366) <= row.happened_on < TODAY for row in events)
    series: dict[tuple[int, str], list[tuple[int, float]]] = defaultdict(list)
    for figure in figures:
        series[(figure.neighbourhood_id, figure.name)].append((figure.year, figure.value))
    names_per: dict[int, set[str]] = defaultdict(set)
    for (nid, name), values in series.items():
        names_per[nid].add(name)
        assert sorted(year for year, _ in values) == YEARS
    assert set(names_per) == ids
    assert all("Veiligheidsindex" in names and 2 <= len(names) <= 3 for names in names_per.values())
    assert {name for names in names_per.values() for name in names} == FIGURES
    safety = [sorted(values) for (_, name), values in series.items() if name == "Veiligheidsindex"]
    assert all(60 <= value <= 125 for values in safety for _, value in values)
    assert sum(values[-1][1] < values[0][1] for values in safety) > len(safety) / 2  # mostly falling


def test_signals_and_visits_point_to_a_place_of_their_neighbourhood(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    database, _ = small_demo
    with database.session() as session:
        pointed = session.execute(
            select(
                Note.kind, Note.neighbourhood_id, Note.occurred_on, Place.neighbourhood_id, Place.created_at
            )
            .join(note_place, note_place.c.note_id == Note.id)
            .join(Place, Place.id == note_place.c.place_id)
        ).all()
        candidates = Counter(
            session.scalars(
                select(Note.kind).where(
                    Note.neighbourhood_id.is_not(None), Note.kind.in_(("signal", "visit"))
                )
            )
        )
    kinds = Counter(row[0] for row in pointed)
    assert set(kinds) == {"signal", "visit"}
    assert all(0 < kinds[kind] < candidates[kind] for kind in kinds)  # some, not all
    for _kind, note_neighbourhood, day, place_neighbourhood, created in pointed:
        assert note_neighbourhood == place_neighbourhood
        assert created.date() <= day  # the place was known on the note's day


def test_reflections_and_some_partner_meetings_belong_to_a_neighbourhood_of_their_district(
    small_demo: tuple[Database, DemoSummary],
) -> None:
    database, _ = small_demo
    with database.session() as session:
        linked = session.execute(
            select(
                Meeting.kind,
                Meeting.title,
                Meeting.district_id,
                Neighbourhood.district_id,
                Neighbourhood.name,
            )
            .join(meeting_neighbourhood, meeting_neighbourhood.c.meeting_id == Meeting.id)
            .join(Neighbourhood, Neighbourhood.id == meeting_neighbourhood.c.neighbourhood_id)
        ).all()
        kinds = Counter(session.scalars(select(Meeting.kind)))
    by_kind = Counter(row.kind for row in linked)
    assert by_kind["reflection"] == kinds["reflection"] > 0  # every local reflection
    assert 0 < by_kind["partner"] < kinds["partner"]
    assert by_kind["network"] < kinds["network"]  # the district's own network meeting names none
    for row in linked:
        assert row[2] == row[3], row.title
        if row.kind == "reflection":
            assert row.title.endswith(row.name)


def test_every_district_of_the_city_has_them_and_the_mercatorbuurt_its_safety_index(
    database: Database,
) -> None:
    make(database)
    with database.session() as session:
        districts = {
            nid: district_id
            for nid, district_id in session.execute(select(Neighbourhood.id, Neighbourhood.district_id))
        }
        with_places = set(session.scalars(select(Place.neighbourhood_id)))
        reflections = session.execute(
            select(Meeting.district_id, meeting_neighbourhood.c.neighbourhood_id)
            .join(meeting_neighbourhood, meeting_neighbourhood.c.meeting_id == Meeting.id)
            .where(Meeting.kind == "reflection")
        ).all()
        mercator = session.scalars(
            select(Indicator.value)
            .join(Neighbourhood, Neighbourhood.id == Indicator.neighbourhood_id)
            .where(Neighbourhood.name == "Mercatorbuurt", Indicator.name == "Veiligheidsindex")
            .order_by(Indicator.year)
        ).all()
    assert with_places == set(districts)
    assert len(set(districts.values())) == 8
    assert len({district for district, _ in reflections}) == 8
    assert all(districts[nid] == district for district, nid in reflections)
    assert mercator[0] == 102
    assert mercator[-1] == 79
