"""A neighbourhood's page through the services: focus, history, places, a note's place, indicators."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from teamlead.data.geography import Neighbourhood
from teamlead.data.models import AuditEntry, Note
from teamlead.data.notes import note_place
from teamlead.data.places import NeighbourhoodEvent, Place
from teamlead.errors import ConflictError, UserError, ValidationError
from teamlead.services import neighbourhoods, notes
from teamlead.services.notes import NoteInput
from tests.services.conftest import NOW, TODAY, World


def version_of(world: World, model: type[Neighbourhood | Place | NeighbourhoodEvent], record_id: int) -> int:
    with world.database.session() as session:
        record = session.get(model, record_id)
        assert record is not None
        return record.version


def add_place(world: World, name: str = "Het Plein", neighbourhood_id: int | None = None) -> int:
    with world.database.begin() as session:
        return neighbourhoods.add_place(
            session, neighbourhood_id or world.wildeman, name, "square", "Plein 1", now=NOW
        )


def log_signal(world: World, neighbourhood_id: int) -> int:
    with world.database.begin() as session:
        return notes.log_note(
            session,
            NoteInput(kind="signal", text="Jongeren op het plein", neighbourhood_id=neighbourhood_id),
            today=TODAY,
            now=NOW,
        )


def test_the_focus_is_dated_the_day_it_is_written_and_a_stale_edit_is_refused(world: World) -> None:
    version = version_of(world, Neighbourhood, world.wildeman)
    with world.database.begin() as session:
        neighbourhoods.set_focus(
            session, world.wildeman, " Minder overlast op het plein ", expected_version=version, today=TODAY
        )
    with world.database.session() as session:
        wildeman = session.get(Neighbourhood, world.wildeman)
        assert wildeman is not None
        assert (wildeman.focus, wildeman.focus_on) == ("Minder overlast op het plein", TODAY)
        assert (
            session.scalar(
                select(AuditEntry.fields)
                .where(AuditEntry.table_name == "neighbourhood", AuditEntry.record_id == world.wildeman)
                .order_by(AuditEntry.id.desc())
            )
            == "focus,focus_on"
        )
    with pytest.raises(ConflictError), world.database.begin() as session:
        neighbourhoods.set_focus(session, world.wildeman, "Iets anders", expected_version=version)


def test_history_lines_are_added_edited_and_deleted(world: World) -> None:
    with world.database.begin() as session:
        event_id = neighbourhoods.add_event(
            session, world.wildeman, date(2025, 6, 1), "Nieuw buurthuis", now=NOW
        )
    with pytest.raises(ValidationError), world.database.begin() as session:
        neighbourhoods.add_event(session, world.wildeman, date(2025, 6, 1), "  ", now=NOW)
    with world.database.begin() as session:
        neighbourhoods.edit_event(
            session,
            event_id,
            date(2025, 7, 1),
            "Buurthuis open",
            expected_version=version_of(world, NeighbourhoodEvent, event_id),
            now=NOW,
        )
    with world.database.session() as session:
        event = session.get(NeighbourhoodEvent, event_id)
        assert event is not None
        assert (event.happened_on, event.text) == (date(2025, 7, 1), "Buurthuis open")
    with world.database.begin() as session:
        neighbourhoods.delete_event(
            session, event_id, expected_version=version_of(world, NeighbourhoodEvent, event_id), now=NOW
        )
    with world.database.session() as session:
        assert session.get(NeighbourhoodEvent, event_id) is None


def test_place_names_are_unique_per_neighbourhood_by_the_identity_rule(world: World) -> None:
    place_id = add_place(world)
    with pytest.raises(ValidationError, match="Het Plein"), world.database.begin() as session:
        neighbourhoods.add_place(session, world.wildeman, "het-plein", "school", now=NOW)
    add_place(world, "Het Plein", world.geuzenveld)  # another neighbourhood may have one of that name
    with pytest.raises(ValidationError), world.database.begin() as session:
        neighbourhoods.add_place(session, world.wildeman, "Sporthal", "castle", now=NOW)
    other = add_place(world, "Sporthal")
    with pytest.raises(ValidationError), world.database.begin() as session:
        neighbourhoods.edit_place(
            session, other, "HET PLEIN", "sports_club", expected_version=version_of(world, Place, other)
        )
    with world.database.begin() as session:
        neighbourhoods.edit_place(
            session,
            place_id,
            "Het Pleintje",
            "hang_out",
            "",
            expected_version=version_of(world, Place, place_id),
            now=NOW,
        )
    with world.database.session() as session:
        place = session.get(Place, place_id)
        assert place is not None
        assert (place.name, place.kind, place.address) == ("Het Pleintje", "hang_out", "")


def test_a_note_points_at_a_place_of_its_own_neighbourhood_and_deleting_the_place_asks_first(
    world: World,
) -> None:
    place_id = add_place(world)
    elsewhere = add_place(world, "Schoolplein", world.geuzenveld)
    note_id = log_signal(world, world.wildeman)
    with pytest.raises(ValidationError, match="Schoolplein"), world.database.begin() as session:
        neighbourhoods.set_note_place(session, note_id, elsewhere, now=NOW)
    with world.database.begin() as session:
        neighbourhoods.set_note_place(session, note_id, place_id, now=NOW)
    with world.database.session() as session:
        note = session.get(Note, note_id)
        assert note is not None
        assert note.place is not None
        assert note.place.name == "Het Plein"
    with pytest.raises(UserError, match="1 note"), world.database.begin() as session:
        neighbourhoods.delete_place(session, place_id, expected_version=version_of(world, Place, place_id))
    with world.database.begin() as session:
        neighbourhoods.delete_place(
            session, place_id, expected_version=version_of(world, Place, place_id), confirmed=True, now=NOW
        )
    with world.database.session() as session:
        assert session.get(Note, note_id) is not None
        assert session.scalar(select(func.count()).select_from(note_place)) == 0
        assert session.get(Place, place_id) is None


def test_clearing_a_note_place(world: World) -> None:
    place_id = add_place(world)
    note_id = log_signal(world, world.wildeman)
    with world.database.begin() as session:
        neighbourhoods.set_note_place(session, note_id, place_id, now=NOW)
    with world.database.begin() as session:
        neighbourhoods.set_note_place(session, note_id, None, now=NOW)
    with world.database.session() as session:
        assert session.scalar(select(func.count()).select_from(note_place)) == 0
    with world.database.begin() as session:  # an unused place goes without asking
        neighbourhoods.delete_place(session, place_id, expected_version=version_of(world, Place, place_id))


def test_the_page_reads_what_was_kept_with_the_partners_gaps_signals_and_agreements(world: World) -> None:
    from teamlead.data.queries.neighbourhood_page import neighbourhood_page
    from teamlead.data.signals import Theme
    from teamlead.services import agreements, indicators, signal_rounds
    from teamlead.services.agreements import AgreementInput
    from teamlead.services.signal_rounds import SignalInput

    place_id = add_place(world)
    note_id = log_signal(world, world.wildeman)  # no theme: counts as other
    with world.database.begin() as session:
        unrest = session.scalar(select(Theme.id).where(Theme.key == "unrest"))
        assert unrest is not None
        signal_rounds.log_signal(
            session,
            SignalInput(text="Onrust", came_in_at=NOW, neighbourhood_id=world.wildeman, theme_ids=[unrest]),
            now=NOW,
        )
        neighbourhoods.set_note_place(session, note_id, place_id, now=NOW)
        neighbourhoods.add_event(session, world.wildeman, date(2024, 1, 1), "Oud", now=NOW)
        neighbourhoods.add_event(session, world.wildeman, date(2025, 1, 1), "Nieuw", now=NOW)
        indicators.set_indicator(session, world.wildeman, "Veiligheidsindex", 2025, 79, now=NOW)
        indicators.set_indicator(session, world.wildeman, "Veiligheidsindex", 2023, 102, now=NOW)
        agreements.make_agreement(
            session, AgreementInput(text="Samen de straat op", organisation_ids=[world.police]), now=NOW
        )
    with world.database.session() as session:
        page = neighbourhood_page(session, world.wildeman, today=TODAY, now=NOW)
    assert page is not None
    assert (page.name, page.district) == ("Wildemanbuurt", "Nieuw-West")
    assert [line.text for line in page.history] == ["Nieuw", "Oud"]
    assert [(place.name, place.notes) for place in page.places] == [("Het Plein", 1)]
    served = {group.domain: [name for _id, name in group.partners] for group in page.domains}
    assert served["Social"] == ["Jongerenwerk Nieuw-West"]
    assert served["Safety"] == ["Politie basisteam Nieuw-West"]
    assert "Education" in page.gaps
    assert "Social" not in page.gaps
    themes = dict(page.signals_by_theme)
    assert (themes["Unrest"], themes["Other"], page.signals) == (1, 1, 2)
    assert [row.text for row in page.agreements] == ["Samen de straat op"]
    assert [(v.year, v.value) for v in page.indicators["Veiligheidsindex"]] == [(2023, 102.0), (2025, 79.0)]
    assert page.reflection is None
