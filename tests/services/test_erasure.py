"""Erasure on a world where the person's words mean other things too: "Jan Bakker" among the Jan
Evertsenstraat, a Piet Jansen and a partner called Bakker. Only the free texts that mention Jan Bakker change,
and afterwards neither search nor the SQLite file's bytes hold him."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from teamlead.data.database import Database
from teamlead.data.free_texts import FREE_TEXTS, MASTER_DATA, texts
from teamlead.data.meetings import Meeting
from teamlead.data.roster import Person
from teamlead.data.scrub import scrub
from teamlead.data.search import SearchKind, search
from teamlead.errors import ValidationError
from teamlead.rules.mentions import Identifier, IdentifierKind
from teamlead.services.agenda import add_agenda_item
from teamlead.services.agreements import AgreementInput, change_status, make_agreement
from teamlead.services.erasure import erase_person, plan_erasure
from teamlead.services.geography import add_district, add_neighbourhood
from teamlead.services.meetings import MeetingInput, save_minutes, schedule_meeting
from teamlead.services.narratives import save_narrative
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.services.persons import PersonInput, add_person
from teamlead.services.privacy import access_report

NAME = "Jan Bakker"
MAIL = "Jan.Bakker@Kwartiermakers.example"
PHONE = "06 1234 5678"  # as the service stores what was typed as 06-12345678
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# Notes that mention Jan Bakker: by name in any case and across a line break, by e-mail address in another
# case, by phone number as people type it ...
MENTIONING = {
    "call": "Gebeld met Jan Bakker over de zomeractiviteiten.",
    "shout": "JAN BAKKER belde terug, mail naar jan.bakker@kwartiermakers.EXAMPLE.",
    "phones": "Bereikbaar op 06-12345678, ook op +31 6 1234 5678 en 0612345678.",
    "line": "Jan\nBakker neemt het over.",
}
# ... and notes that share his words without being about him.
NOT_MENTIONING = {
    "street": "Overlast bij de Jan Evertsenstraat; Piet Jansen gaat kijken.",
    "longer_name": "Afval opgehaald aan de Jan Bakkerstraat.",  # his full name, but not as whole words
    "first_name": "Jan belt morgen terug.",
    "bakery": "Bakker Brood & Zo levert voor de buurtbarbecue; de bakkerij bakt ook.",
    "longer_number": "Zaaknummer 10612345678 doorgegeven.",
}


@dataclass(frozen=True)
class World:
    person: int
    role: int
    partner: int  # a partner whose name shares a word with the person
    notes: dict[str, int]
    meeting: int


# Beyond the notes, Jan Bakker is mentioned in: the partner's description, Piet's remarks, the minutes, the
# agenda item's title, the agreement and the narrative. The status comment names "J. Bakker": not his name.
TEXTS_MENTIONING = len(MENTIONING) + 6


def _seed(database: Database) -> World:
    with database.begin() as session:
        district = add_district(session, "Nieuw-West", now=NOW)
        centre = add_organisation(
            session,
            OrganisationInput(
                name="Buurthuis Evertsen",
                district_id=district,
                address="Jan Evertsenstraat 12",
                description="Kwartiermaker is Jan Bakker.",
            ),
        )
        bakery = add_organisation(
            session, OrganisationInput(name="Bakker", district_id=district, address="Osdorpplein 3")
        )
        added = add_person(
            session,
            PersonInput(name=NAME, email=MAIL, phone="06-12345678"),
            organisation_id=centre,
            role_title="Kwartiermaker",
        )
        assert added.role_id is not None
        add_person(
            session,
            PersonInput(name="Piet Jansen", remarks="Neemt het werk van jan bakker over."),
            organisation_id=centre,
        )
        notes = {
            label: log_note(
                session,
                NoteInput(kind="call", text=text, organisation_ids=[centre], occurred_on=date(2026, 3, 1)),
            )
            for label, text in (MENTIONING | NOT_MENTIONING).items()
        }
        meeting = schedule_meeting(
            session,
            MeetingInput(
                kind="network",
                title="Netwerkoverleg Jan Evertsenstraat",
                starts_at=datetime(2026, 3, 5, 14, 0, tzinfo=UTC),
                location="Jan Evertsenstraat 12",
                district_id=district,
                organisation_ids=[centre],
            ),
            now=NOW,
        )
        version = session.get_one(Meeting, meeting).version
        save_minutes(
            session, meeting, "Jan Bakker zat voor. Jan Evertsenstraat besproken.", expected_version=version
        )
        add_agenda_item(session, meeting, "Voorstel van Jan Bakker", details="Bakker Brood & Zo sponsort.")
        agreement = make_agreement(
            session, AgreementInput(text="Jan Bakker regelt de zaal.", organisation_ids=[centre]), now=NOW
        )
        change_status(
            session, agreement, "done", expected_version=1, comment="Bevestigd door J. Bakker.", now=NOW
        )
        save_narrative(
            session,
            district,
            date(2026, 1, 1),
            date(2026, 3, 31),
            "Dank aan Jan Bakker.",
            expected_version=None,
        )
    return World(added.person_id, added.role_id, bakery, notes, meeting)


def _free_texts(database: Database) -> dict[tuple[str, int], str]:
    with database.session() as session:
        return {(t.field.key, t.record_id): t.value for t in texts(session, FREE_TEXTS)}


def _master_data(database: Database, world: World) -> dict[tuple[str, int], str]:
    """Every name, address, title and number, except the erased person's own (which go with them)."""
    own = {("person", world.person), ("role", world.role)}
    with database.session() as session:
        return {
            (t.field.key, t.record_id): t.value
            for t in texts(session, MASTER_DATA)
            if (t.field.table.name, t.record_id) not in own
        }


def test_erasure_replaces_whole_word_mentions_in_free_texts_only(database: Database) -> None:
    world = _seed(database)
    before, master = _free_texts(database), _master_data(database, world)
    with database.begin() as session:
        erased = erase_person(session, world.person)  # the certain identifiers: name, e-mail, phone
    after = _free_texts(database)
    changed = {key for key in before if before[key] != after.get(key)}
    assert erased.texts_changed == len(changed) == TEXTS_MENTIONING  # what really changed, nothing more
    with database.session() as session:
        assert session.get(Person, world.person) is None
    for label, text in NOT_MENTIONING.items():
        assert after[("note.text", world.notes[label])] == text
    note = {label: after[("note.text", world.notes[label])] for label in MENTIONING}
    assert note == {
        "call": "Gebeld met […] over de zomeractiviteiten.",
        "shout": "[…] belde terug, mail naar […].",
        "phones": "Bereikbaar op […], ook op […] en […].",
        "line": "[…] neemt het over.",
    }
    assert after[("meeting.minutes", world.meeting)] == "[…] zat voor. Jan Evertsenstraat besproken."
    assert "Bevestigd door J. Bakker." in after.values()
    assert _master_data(database, world) == master  # names, addresses, titles: untouched


def test_the_plan_asks_about_single_words_with_their_mentions_in_context(database: Database) -> None:
    world = _seed(database)
    with database.session() as session:
        plan = plan_erasure(session, world.person)
    assert [(i.kind, i.value) for i in plan.certain] == [("name", NAME), ("email", MAIL), ("phone", PHONE)]
    assert plan.texts_changed == TEXTS_MENTIONING
    asked = {candidate.identifier.value: candidate for candidate in plan.candidates}
    assert set(asked) == {"Jan", "Bakker"}  # the first name and the surname alone: the user decides
    # the two streets in notes, the one in the minutes, and "Jan belt morgen terug"; never inside "Jansen"
    assert asked["Jan"].count == 4
    assert "…de Jan Evertsenstraat; Piet Jansen…" not in [m.excerpt for m in asked["Jan"].mentions]
    assert "Jan belt morgen terug." in [m.excerpt for m in asked["Jan"].mentions]
    # the bakery in a note and in the agenda item's details, and "J. Bakker"; never inside "bakkerij"
    assert asked["Bakker"].count == 3
    assert {m.label() for m in asked["Bakker"].mentions} == {
        "Note",
        "Agenda item",
        "Agreement status comment",
    }
    assert plan.master_data == ()


def test_a_word_chosen_text_by_text_is_replaced_in_free_texts_but_never_in_master_data(
    database: Database,
) -> None:
    world = _seed(database)
    master = _master_data(database, world)
    with database.session() as session:
        plan = plan_erasure(session, world.person)
    surname = next(c for c in plan.candidates if c.identifier.value == "Bakker")
    with database.begin() as session:
        erased = erase_person(
            session, world.person, replace=plan.certain, redactions=surname.redactions(surname.mentions)
        )
    assert erased.texts_changed == TEXTS_MENTIONING + 3
    after = _free_texts(database)
    assert after[("note.text", world.notes["bakery"])] == (
        "[…] Brood & Zo levert voor de buurtbarbecue; de bakkerij bakt ook."
    )
    assert after[("note.text", world.notes["first_name"])] == "Jan belt morgen terug."
    assert _master_data(database, world) == master
    assert master[("organisation.name", world.partner)] == "Bakker"


def test_master_data_holding_the_persons_details_is_named_and_kept(database: Database) -> None:
    with database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Kwartiermakers", email=MAIL.lower()))
        person = add_person(session, PersonInput(name=NAME, email=MAIL), organisation_id=partner).person_id
    with database.session() as session:
        plan = plan_erasure(session, person)
    assert [(m.field.key, m.record_id, m.value) for m in plan.master_data] == [
        ("organisation.email", partner, MAIL.lower())
    ]
    with database.begin() as session:
        assert erase_person(session, person, replace=plan.certain).texts_changed == 0
    with database.session() as session:
        assert [t.value for t in texts(session, MASTER_DATA) if t.field.key == "organisation.email"] == [
            MAIL.lower()
        ]


def test_an_identifier_too_short_to_mean_anything_is_refused(database: Database) -> None:
    world = _seed(database)
    with pytest.raises(ValidationError), database.begin() as session:
        erase_person(session, world.person, replace=[Identifier(IdentifierKind.NAME, "J.")])
    with database.session() as session:
        assert session.get(Person, world.person) is not None  # the transaction was rolled back


def test_the_access_report_finds_the_notes_that_mention_the_person_as_erasure_does(
    database: Database,
) -> None:
    world = _seed(database)
    with database.session() as session:
        report = access_report(session, world.person)
    assert sorted(note["text"] for note in report["notes"]) == sorted(MENTIONING.values())


def test_search_finds_nothing_of_the_erased_person(database: Database) -> None:
    world = _seed(database)
    with database.session() as session:
        assert search(session, "kwartiermakers")
    with database.begin() as session:
        erase_person(session, world.person)
    scrub(database)
    with database.session() as session:
        for query in (MAIL, "kwartiermakers", "0612345678", "12345678", "06 1234 5678"):
            assert not search(session, query), query
        for query, label in ((NAME, "longer_name"), ("Jansen", "street")):  # a name search finds prefixes
            notes = search(session, query).group(SearchKind.NOTE)
            assert notes is not None
            assert [hit.record_id for hit in notes.hits] == [world.notes[label]]


def test_erased_words_are_gone_from_the_sqlite_files_bytes(sqlite_database: Database) -> None:
    path = sqlite_database.path
    assert path is not None
    world = _seed(sqlite_database)
    with sqlite_database.begin() as session:
        erase_person(session, world.person)
    scrub(sqlite_database)
    for file in (path, path.with_name(path.name + "-wal")):
        if not file.exists():
            continue
        data = file.read_bytes().lower()
        for name in (b"jan bakker", b"jan\nbakker"):  # his name, not the Jan Bakkerstraat
            assert not re.search(re.escape(name) + rb"(?![a-z])", data), f"{name!r} still in {file.name}"
        for words in (
            MAIL.lower(),
            "kwartiermakers",
            "06-12345678",
            "+31 6 1234 5678",
        ):
            assert words.encode() not in data, f"{words!r} still in {file.name}"
        for number in (PHONE, "0612345678"):  # as a number of its own, not inside the longer one
            assert not re.search(rb"(?<!\d)" + number.encode() + rb"(?!\d)", data), f"{number} in {file.name}"


def _osdorp(database: Database) -> World:
    """A contact called "Osdorp" (the issue's case: erasing one changed 208 records, partners' names too)."""
    with database.begin() as session:
        district = add_district(session, "Nieuw-West", now=NOW)
        add_neighbourhood(session, district, "Osdorp-Oost", now=NOW)
        club = add_organisation(session, OrganisationInput(name="Sportclub Osdorp", address="Osdorpplein 1"))
        added = add_person(session, PersonInput(name="Osdorp"), organisation_id=club)
        note = log_note(
            session,
            NoteInput(kind="call", text="Overlast in Osdorp, bij het Osdorpplein.", organisation_ids=[club]),
        )
    assert added.role_id is not None
    return World(added.person_id, added.role_id, club, {"osdorp": note}, 0)


def test_erasing_a_one_word_name_changes_nothing_unless_confirmed(database: Database) -> None:
    world = _osdorp(database)
    master = _master_data(database, world)
    with database.begin() as session:
        assert erase_person(session, world.person).texts_changed == 0  # one word: nothing is certain
    assert _free_texts(database)[("note.text", world.notes["osdorp"])] == (
        "Overlast in Osdorp, bij het Osdorpplein."
    )
    assert _master_data(database, world) == master  # the partner's name, the neighbourhood, the address


def test_the_plan_asks_about_a_one_word_name(database: Database) -> None:
    world = _osdorp(database)
    with database.session() as session:
        plan = plan_erasure(session, world.person)
    assert plan.certain == ()
    assert plan.texts_changed == 0
    assert [(c.identifier.value, c.count) for c in plan.candidates] == [("Osdorp", 1)]
    assert [m.excerpt for m in plan.candidates[0].mentions] == ["Overlast in Osdorp, bij het Osdorpplein."]


def test_a_confirmed_one_word_name_is_replaced_as_a_word_in_free_texts_only(database: Database) -> None:
    world = _osdorp(database)
    person, note, club = world.person, world.notes["osdorp"], world.partner
    master = _master_data(database, world)
    with database.session() as session:
        (candidate,) = plan_erasure(session, person).candidates
    with database.begin() as session:
        erased = erase_person(session, person, redactions=candidate.redactions(candidate.mentions))
    assert erased.texts_changed == 1
    assert _free_texts(database)[("note.text", note)] == "Overlast in […], bij het Osdorpplein."
    assert _master_data(database, world) == master
    assert master[("organisation.name", club)] == "Sportclub Osdorp"


def test_a_single_word_is_never_replaced_everywhere_at_once(database: Database) -> None:
    """ "Jan" is a first name, a street's first word and another man's name: refused as a word to replace
    everywhere; only texts chosen one by one change."""
    world = _seed(database)
    with pytest.raises(ValidationError, match="text by text"), database.begin() as session:
        erase_person(session, world.person, replace=[Identifier(IdentifierKind.NAME_PART, "Jan")])
    with database.session() as session:
        assert session.get(Person, world.person) is not None  # rolled back
        first = next(c for c in plan_erasure(session, world.person).candidates if c.identifier.value == "Jan")
    chosen = [m for m in first.mentions if m.excerpt.startswith("Jan belt")]
    assert len(chosen) == 1
    with database.begin() as session:
        erased = erase_person(session, world.person, redactions=first.redactions(chosen))
    after = _free_texts(database)
    assert erased.texts_changed == TEXTS_MENTIONING + 1
    assert after[("note.text", world.notes["first_name"])] == "[…] belt morgen terug."
    assert after[("note.text", world.notes["street"])] == NOT_MENTIONING["street"]  # not chosen: kept
    assert after[("meeting.minutes", world.meeting)] == "[…] zat voor. Jan Evertsenstraat besproken."


def test_a_redaction_of_master_data_or_of_another_word_is_refused(database: Database) -> None:
    from teamlead.services.erasure import Redaction

    world = _seed(database)
    name_field = next(field for field in MASTER_DATA if field.key == "organisation.name")
    note_field = next(field for field in FREE_TEXTS if field.key == "note.text")
    bakker = Identifier(IdentifierKind.NAME_PART, "Bakker")
    for redaction in (
        Redaction(name_field, world.partner, bakker),  # the partner called Bakker: master data
        Redaction(note_field, world.notes["bakery"], Identifier(IdentifierKind.NAME_PART, "Brood")),
    ):
        with pytest.raises(ValidationError), database.begin() as session:
            erase_person(session, world.person, redactions=[redaction])
    assert _master_data(database, world)[("organisation.name", world.partner)] == "Bakker"
    assert _free_texts(database)[("note.text", world.notes["bakery"])] == NOT_MENTIONING["bakery"]


def test_the_plan_shows_each_text_with_its_date_and_organisations_the_first_name_with_theirs_first(
    database: Database,
) -> None:
    """The field writes "Jan (Buurthuis Evertsen)": such a text comes first, its brackets shown whole."""
    world = _seed(database)
    with database.begin() as session:
        centre = session.get_one(Person, world.person).roles[0].organisation_id
        named = log_note(
            session,
            NoteInput(
                kind="call",
                text="Gisteren belde Jan (Buurthuis Evertsen) over de sleutel van de zaal aan het plein.",
                organisation_ids=[centre, world.partner],
                occurred_on=date(2026, 2, 27),
            ),
        )
    with database.session() as session:
        first = next(c for c in plan_erasure(session, world.person).candidates if c.identifier.value == "Jan")
    top = first.mentions[0]
    assert (top.field.key, top.record_id, top.with_organisation) == ("note.text", named, True)
    assert top.on == date(2026, 2, 27)
    assert top.organisations == ("Buurthuis Evertsen", "Bakker")
    assert "Jan (Buurthuis Evertsen)" in top.excerpt
    assert [m.with_organisation for m in first.mentions[1:]] == [False] * (len(first.mentions) - 1)
    assert first.texts == len(first.mentions) == 5  # one per text: four notes and the minutes
    minutes = next(m for m in first.mentions if m.field.key == "meeting.minutes")
    assert minutes.on == date(2026, 3, 5)
