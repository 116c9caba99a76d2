"""Renaming, moving, merging and deleting districts, neighbourhoods and domains, on both backends: every link
stays or moves (without duplicates), nothing in use is deleted, default domains stay, keys stay."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from teamlead.data.admin import AuditEntry, Meta
from teamlead.data.agreements import Agreement
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.meetings import Meeting
from teamlead.data.notes import Note
from teamlead.data.queries.districts import MERGED_PREFIX, current_district_id, district_for
from teamlead.data.queries.geography import geography
from teamlead.data.queries.people import who_to_call
from teamlead.data.roster import Organisation, organisation_neighbourhood
from teamlead.errors import ConflictError, ValidationError
from teamlead.rules.clock import AMSTERDAM
from teamlead.services import agreements, geography_merge, meetings, narratives, notes, organisations
from teamlead.services import geography as places
from teamlead.services.organisations import OrganisationInput
from tests.services.conftest import NOW, TODAY, World


def _served(world: World, organisation_id: int) -> list[int]:
    with world.database.session() as session:
        return sorted(
            session.scalars(
                select(organisation_neighbourhood.c.neighbourhood_id).where(
                    organisation_neighbourhood.c.organisation_id == organisation_id
                )
            )
        )


def _version(
    world: World, model: type[Organisation | Note | Neighbourhood | District], record_id: int
) -> int:
    with world.database.session() as session:
        record = session.get(model, record_id)
        assert record is not None
        return record.version


def _note(
    world: World, neighbourhood_id: int | None, organisation_id: int, district_id: int | None = None
) -> int:
    with world.database.begin() as session:
        return notes.log_note(
            session,
            notes.NoteInput(
                kind="signal",
                text="Onrust bij het winkelcentrum",
                organisation_ids=[organisation_id],
                occurred_on=TODAY,
                neighbourhood_id=neighbourhood_id,
                district_id=district_id,
            ),
            today=TODAY,
            now=NOW,
        )


# --- renames keep every link ----------------------------------------------------------------------------


def test_renames_keep_every_link(world: World) -> None:
    note = _note(world, world.wildeman, world.youth_work)
    with world.database.begin() as session:
        places.rename_neighbourhood(
            session, world.wildeman, "Wildemanbuurt-Oost", expected_version=1, now=NOW
        )
        places.rename_district(session, world.nieuw_west, "Nieuw West", expected_version=1, now=NOW)
        places.rename_domain(session, world.social, "Sociaal domein", expected_version=1, now=NOW)
    assert _served(world, world.youth_work) == sorted([world.wildeman, world.geuzenveld])
    with world.database.session() as session:
        youth_work = session.get(Organisation, world.youth_work)
        assert youth_work is not None
        assert (youth_work.district_id, youth_work.domain_id) == (world.nieuw_west, world.social)
        assert youth_work.version == 1  # a rename does not touch the records that point at it
        written = session.get(Note, note)
        assert written is not None
        assert (written.neighbourhood_id, written.district_id) == (world.wildeman, world.nieuw_west)
        groups = who_to_call(session, world.wildeman, today=TODAY)
        assert [(g.domain, [p.name for p in g.partners]) for g in groups] == [
            ("Sociaal domein", ["Jongerenwerk Nieuw-West"]),
            ("Safety", ["Politie basisteam Nieuw-West"]),
        ]


def test_a_neighbourhood_moves_to_another_district_with_its_notes(world: World) -> None:
    about = _note(world, world.geuzenveld, world.youth_work)
    not_about_it = _note(world, None, world.youth_work)
    with world.database.begin() as session:
        places.rename_neighbourhood(
            session, world.geuzenveld, "Geuzenveld", district_id=world.west, expected_version=1, now=NOW
        )
    with world.database.session() as session:
        moved = session.get(Neighbourhood, world.geuzenveld)
        assert moved is not None
        assert moved.district_id == world.west
        note_districts = {n.id: n.district_id for n in session.scalars(select(Note))}
        assert note_districts[about] == world.west
        assert note_districts[not_about_it] == world.nieuw_west
        assert district_for(session, neighbourhood_id=world.geuzenveld) == world.west
    assert _served(world, world.youth_work) == sorted([world.wildeman, world.geuzenveld])
    with world.database.begin() as session:
        places.add_neighbourhood(session, world.nieuw_west, "Mercatorbuurt", now=NOW)
    with (
        world.database.begin() as session,
        pytest.raises(ValidationError, match="already has a neighbourhood called Mercatorbuurt"),
    ):
        places.rename_neighbourhood(
            session, world.mercator, "Mercatorbuurt", district_id=world.nieuw_west, expected_version=1
        )


# --- merging neighbourhoods -----------------------------------------------------------------------------


def test_merging_neighbourhoods_moves_their_links_without_duplicates(world: World) -> None:
    about_geuzenveld = _note(world, world.geuzenveld, world.police)
    about_wildeman = _note(world, world.wildeman, world.police)
    before = _version(world, Organisation, world.youth_work)
    with world.database.begin() as session:
        geography_merge.merge_neighbourhoods(
            session, world.geuzenveld, world.wildeman, expected_version=1, now=NOW
        )
    assert _served(world, world.youth_work) == [world.wildeman]  # served both: one link left
    assert _served(world, world.police) == [world.wildeman]
    assert _version(world, Organisation, world.youth_work) == before + 1
    with world.database.session() as session:
        assert session.get(Neighbourhood, world.geuzenveld) is None
        moved = session.get(Note, about_geuzenveld)
        assert moved is not None
        assert (moved.neighbourhood_id, moved.district_id) == (world.wildeman, world.nieuw_west)
        assert moved.version == 2
        untouched = session.get(Note, about_wildeman)
        assert untouched is not None
        assert untouched.version == 1
        entries = {
            (a.table_name, a.record_id, a.action, a.fields) for a in session.scalars(select(AuditEntry))
        }
    assert ("organisation", world.youth_work, "update", "neighbourhood_ids") in entries
    assert ("note", about_geuzenveld, "update", "neighbourhood_id") in entries
    assert ("neighbourhood", world.geuzenveld, "merge", "merged_into") in entries
    assert ("neighbourhood", world.wildeman, "merge", "merged_from") in entries


def test_a_merge_quotes_the_version_seen_and_not_itself(world: World) -> None:
    with world.database.begin() as session, pytest.raises(ConflictError):
        geography_merge.merge_neighbourhoods(session, world.geuzenveld, world.wildeman, expected_version=7)
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        geography_merge.merge_neighbourhoods(session, world.wildeman, world.wildeman, expected_version=1)
    assert caught.value.field == "target_id"
    with world.database.begin() as session, pytest.raises(ValidationError, match="no longer exists"):
        geography_merge.merge_districts(session, world.west, 999, expected_version=1)
    assert _served(world, world.youth_work) == sorted([world.wildeman, world.geuzenveld])


def test_a_partner_editing_during_a_merge_is_told(world: World) -> None:
    """The merge raised the partner's version: an edit begun before it is refused, not silently undone."""
    seen = _version(world, Organisation, world.youth_work)
    with world.database.begin() as session:
        geography_merge.merge_neighbourhoods(session, world.geuzenveld, world.wildeman, expected_version=1)
    with world.database.begin() as session, pytest.raises(ConflictError):
        organisations.edit_organisation(
            session,
            world.youth_work,
            OrganisationInput(name="Jongerenwerk Nieuw-West", neighbourhood_ids=[world.geuzenveld]),
            expected_version=seen,
        )


# --- merging districts ----------------------------------------------------------------------------------


def test_merging_districts_moves_every_record_and_is_remembered(world: World) -> None:
    with world.database.begin() as session:
        namesake = places.add_neighbourhood(session, world.west, "geuzenveld", now=NOW)
        west_partner = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Buurtteam West",
                district_id=world.west,
                domain_id=world.social,
                neighbourhood_ids=[world.mercator, namesake],
            ),
            today=TODAY,
            now=NOW,
        )
        starts = datetime(2026, 3, 10, 14, 0, tzinfo=AMSTERDAM)
        meeting = meetings.schedule_meeting(
            session,
            meetings.MeetingInput(
                kind="network", title="Netwerkoverleg West", starts_at=starts, district_id=world.west
            ),
            now=NOW,
        )
        agreement = agreements.make_agreement(
            session,
            agreements.AgreementInput(
                text="Samen de avondronde lopen", organisation_ids=[west_partner], district_id=world.west
            ),
            today=TODAY,
            now=NOW,
        )
        quarter = (date(2026, 1, 1), date(2026, 3, 31))
        narratives.save_narrative(
            session, world.west, *quarter, "West: rustig kwartaal.", expected_version=None
        )
        narratives.save_narrative(
            session, world.nieuw_west, *quarter, "Nieuw-West: veel signalen.", expected_version=None
        )
    note = _note(world, namesake, west_partner, district_id=world.west)

    with world.database.begin() as session:
        geography_merge.merge_districts(session, world.west, world.nieuw_west, expected_version=1, now=NOW)

    with world.database.session() as session:
        assert session.get(District, world.west) is None
        assert session.get(Neighbourhood, namesake) is None  # merged into Nieuw-West's Geuzenveld
        mercator = session.get(Neighbourhood, world.mercator)
        assert mercator is not None
        assert mercator.district_id == world.nieuw_west
        partner = session.get(Organisation, west_partner)
        assert partner is not None
        assert partner.district_id == world.nieuw_west
        written = session.get(Note, note)
        assert written is not None
        assert (written.district_id, written.neighbourhood_id) == (world.nieuw_west, world.geuzenveld)
        held = session.get(Meeting, meeting)
        made = session.get(Agreement, agreement)
        assert held is not None
        assert made is not None
        assert (held.district_id, made.district_id) == (world.nieuw_west, world.nieuw_west)
        text = narratives.get_narrative(session, world.nieuw_west, *quarter)
        assert text is not None
        assert text.text == "Nieuw-West: veel signalen.\n\nWest: rustig kwartaal."
        assert session.get(Meta, f"{MERGED_PREFIX}{world.west}") is not None
        assert current_district_id(session, world.west) == world.nieuw_west
        assert district_for(session, default_district_id=world.west) == world.nieuw_west
        listed = geography(session)
        assert [d.name for d in listed.districts] == ["Nieuw-West"]
        assert [n.name for n in listed.neighbourhoods] == ["Geuzenveld", "Mercatorbuurt", "Wildemanbuurt"]
    assert _served(world, west_partner) == sorted([world.mercator, world.geuzenveld])


# --- merging domains ------------------------------------------------------------------------------------


def test_merging_domains_moves_partners_and_default_domains_stay(world: World) -> None:
    with world.database.begin() as session:
        sport = places.add_domain(session, "Sport", now=NOW)
        organisations.edit_organisation(
            session,
            world.police,
            OrganisationInput(
                name="Politie basisteam Nieuw-West",
                district_id=world.nieuw_west,
                domain_id=sport,
                neighbourhood_ids=[world.wildeman],
                joined_on=date(2024, 1, 1),
            ),
            expected_version=1,
        )
    with (
        world.database.begin() as session,
        pytest.raises(ValidationError, match="one of the default domains"),
    ):
        geography_merge.merge_domains(session, world.social, sport, expected_version=1)
    with world.database.begin() as session:
        geography_merge.merge_domains(session, sport, world.social, expected_version=1, now=NOW)
    with world.database.session() as session:
        assert session.get(Domain, sport) is None
        police = session.get(Organisation, world.police)
        assert police is not None
        assert police.domain_id == world.social
        assert {d.key for d in session.scalars(select(Domain))} == {
            "social",
            "care",
            "safety",
            "education",
            "housing",
            "informal",
            "municipality",
        }


# --- nothing in use is deleted --------------------------------------------------------------------------


def test_nothing_in_use_is_deleted(world: World) -> None:
    _note(world, world.geuzenveld, world.police)
    with world.database.begin() as session, pytest.raises(ValidationError) as caught:
        places.delete_neighbourhood(session, world.geuzenveld, expected_version=1)
    assert caught.value.message == (
        "Geuzenveld is still in use (partners: 1, notes: 1), so it cannot be deleted. Merge it into another "
        "one instead: everything that uses it moves there."
    )
    with world.database.begin() as session, pytest.raises(ValidationError, match=r"neighbourhoods: 1\)"):
        places.delete_district(session, world.west, expected_version=1)
    with world.database.begin() as session:
        sport = places.add_domain(session, "Sport")
        organisations.edit_organisation(
            session,
            world.police,
            OrganisationInput(name="Politie basisteam Nieuw-West", domain_id=sport),
            expected_version=1,
        )
    with world.database.begin() as session, pytest.raises(ValidationError, match=r"\(partners: 1\)"):
        places.delete_domain(session, sport, expected_version=1)
    with world.database.session() as session:
        assert session.scalar(select(func.count()).select_from(Neighbourhood)) == 3
        assert session.get(Domain, sport) is not None


def test_unused_ones_are_deleted_and_default_domains_never(world: World) -> None:
    with world.database.begin() as session:
        places.delete_neighbourhood(session, world.mercator, expected_version=1, now=NOW)
        places.delete_district(session, world.west, expected_version=1, now=NOW)
        sport = places.add_domain(session, "Sport", now=NOW)
    with world.database.begin() as session:
        places.delete_domain(session, sport, expected_version=1, now=NOW)
    with (
        world.database.begin() as session,
        pytest.raises(ValidationError, match="one of the default domains"),
    ):
        places.delete_domain(session, _domain(world, "care"), expected_version=1)
    with world.database.session() as session:
        assert session.get(District, world.west) is None
        assert session.get(Neighbourhood, world.mercator) is None
        assert session.get(Domain, sport) is None
        deleted = {
            (table, record)
            for table, record in session.execute(
                select(AuditEntry.table_name, AuditEntry.record_id).where(AuditEntry.action == "delete")
            )
        }
    assert deleted == {("neighbourhood", world.mercator), ("district", world.west), ("domain", sport)}


def _domain(world: World, key: str) -> int:
    with world.database.session() as session:
        found = session.scalar(select(Domain.id).where(Domain.key == key))
        assert found is not None
        return found


# --- keys of user-made domains --------------------------------------------------------------------------


def test_a_domain_gets_its_key_when_made_and_keeps_it(world: World) -> None:
    with world.database.begin() as session:
        family = places.add_domain(session, "Jeugd & Gezin", now=NOW)
    with world.database.begin() as session:
        places.rename_domain(session, family, "Sport", expected_version=1, now=NOW)
    with world.database.begin() as session:
        again = places.add_domain(session, "Jeugd & Gezin", now=NOW)
        long = places.add_domain(session, "Ondersteuning " * 7, now=NOW)
    with world.database.session() as session:
        keys = {d.id: (d.key, d.name) for d in session.scalars(select(Domain))}
    assert keys[family] == ("jeugd_gezin", "Sport")
    assert keys[again] == ("jeugd_gezin_2", "Jeugd & Gezin")
    assert keys[long][0] == "ondersteuning_ondersteuning_ondersteunin"


@pytest.mark.parametrize("name", ["Sociaal", "SOCIAL", "veiligheid"])
def test_a_new_domain_takes_no_default_domains_name_in_either_language(world: World, name: str) -> None:
    with world.database.begin() as session, pytest.raises(ValidationError, match="already a domain called"):
        places.add_domain(session, name)


def test_a_neighbourhood_merge_joins_places_indicators_and_focus(world: World) -> None:
    """Geuzenveld into Wildemanbuurt: the same square becomes one place (its signal follows), a year both
    measured keeps Wildemanbuurt's value, the other years move, and the focus texts are joined."""
    from sqlalchemy import insert

    from teamlead.data.notes import note_place
    from teamlead.data.places import Indicator, Place

    with world.database.begin() as session:
        square_here = Place(neighbourhood_id=world.wildeman, name="Plein '40-'45", kind="square", address="")
        square_there = Place(neighbourhood_id=world.geuzenveld, name="plein 40 45", kind="square", address="")
        school = Place(neighbourhood_id=world.geuzenveld, name="Calvijn College", kind="school", address="")
        session.add_all([square_here, square_there, school])
        session.add_all(
            [
                Indicator(neighbourhood_id=world.wildeman, name="Veiligheidsindex", year=2025, value=90.0),
                Indicator(neighbourhood_id=world.geuzenveld, name="Veiligheidsindex", year=2025, value=110.0),
                Indicator(neighbourhood_id=world.geuzenveld, name="Veiligheidsindex", year=2024, value=102.0),
            ]
        )
        session.flush()
        signal = notes.log_note(
            session,
            notes.NoteInput(kind="signal", text="Onrust op het plein", neighbourhood_id=world.geuzenveld),
            now=NOW,
        )
        session.execute(insert(note_place).values(note_id=signal, place_id=square_there.id))
        here = session.get_one(Neighbourhood, world.wildeman)
        there = session.get_one(Neighbourhood, world.geuzenveld)
        here.focus, there.focus = "Rust op straat.", "Ouders betrekken."
        ids = {"square": square_here.id, "school": school.id}
    with world.database.begin() as session:
        version = session.get_one(Neighbourhood, world.geuzenveld).version
        geography_merge.merge_neighbourhoods(
            session, world.geuzenveld, world.wildeman, expected_version=version, now=NOW
        )
    with world.database.session() as session:
        assert sorted(session.execute(select(Place.id, Place.neighbourhood_id)).all()) == sorted(
            [(ids["square"], world.wildeman), (ids["school"], world.wildeman)]
        )
        assert (
            session.scalar(select(note_place.c.place_id).where(note_place.c.note_id == signal))
            == ids["square"]
        )
        values = session.execute(select(Indicator.year, Indicator.value, Indicator.neighbourhood_id)).all()
        assert sorted(values) == [(2024, 102.0, world.wildeman), (2025, 90.0, world.wildeman)]
        assert session.get_one(Neighbourhood, world.wildeman).focus == "Rust op straat.\n\nOuders betrekken."
