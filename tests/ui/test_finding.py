"""One rule for finding (:mod:`teamlead.rules.text`): the same typed words find the same records in the global
search, the Partners filter, the People filter and the Agreements register, whatever the diacritics or the
case. Yılmaz (dotless ı), Zoë (diaeresis), Øster (slashed o), Doğan (ğ) and Straße (ß) are each found from
plain letters and from their own spelling, on a database seeded through the services; the search runs in
the database, so the test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication

from teamlead.data.database import Database
from teamlead.data.queries.agreements_register import register_rows
from teamlead.data.queries.people import people
from teamlead.data.queries.roster import roster
from teamlead.data.search import SearchKind, search
from teamlead.services import agreements, geography, organisations, persons
from teamlead.services.agreements import AgreementInput
from teamlead.services.organisations import OrganisationInput
from teamlead.services.persons import PersonInput
from teamlead.ui.agreements.model import AgreementTableModel, RegisterFilter
from teamlead.ui.partners.model import PartnerFilterProxy, PartnerTableModel
from teamlead.ui.people.models import PeopleTableModel

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

CASES = {
    # key: (partner, person working there, an agreement with that partner, that person responsible)
    "yilmaz": ("Buurtwerk Yılmaz", "Ayşe Yılmaz", "Huiswerkklas op dinsdag"),
    "zoe": ("Kinderopvang Zoë", "Zoë Jansen", "Ouderavond plannen"),
    "oster": ("Øster Jeugdzorg", "Lars Østergaard", "Wachtlijst bespreken"),
    "dogan": ("Doğan Advies", "Mehmet Doğan", "Spreekuur in de bibliotheek"),
    "strasse": ("Café Straße", "Anna Straßer", "Buurtfeest organiseren"),
}
QUERIES = {
    "yilmaz": ["yilmaz", "Yılmaz", "YILMAZ", "yıl"],
    "zoe": ["zoe", "Zoë", "ZOË", "zoë"],
    "oster": ["oster", "Øster", "øster", "OSTER"],
    "dogan": ["dogan", "Doğan", "DOĞAN", "dog"],
    "strasse": ["strasse", "Straße", "STRASSE", "stras"],
}


@dataclass(frozen=True)
class Found:
    partners: set[int]
    people: set[int]
    agreements: set[int]


@dataclass(frozen=True)
class World:
    expected: dict[str, Found]


def seed(database: Database) -> World:
    """The five partners, each with a person and an agreement, beside one that none of the words finds."""
    expected: dict[str, Found] = {}
    with database.begin() as session:
        district = geography.add_district(session, "Nieuw-West", now=NOW)

        def partner(name: str, person: str, text: str) -> Found:
            organisation = organisations.add_organisation(
                session, OrganisationInput(name=name, district_id=district), today=TODAY, now=NOW
            )
            added = persons.add_person(
                session,
                PersonInput(name=person),
                organisation_id=organisation,
                role_title="Coördinator",
                started_on=date(2025, 1, 1),
                now=NOW,
            )
            agreement = agreements.make_agreement(
                session,
                AgreementInput(text, [organisation], responsible_person_id=added.person_id),
                today=TODAY,
                now=NOW,
            )
            return Found({organisation}, {added.person_id}, {agreement})

        for key, (name, person, text) in CASES.items():
            expected[key] = partner(name, person, text)
        partner("Politie Slotervaart", "Bram de Wit", "Straatcoaches inzetten")
    return World(expected)


def found_by_search(database: Database, query: str) -> Found:
    with database.session() as session:
        results = search(session, query, limit=50, today=TODAY)
    partners, people = results.group(SearchKind.ORGANISATION), results.group(SearchKind.PERSON)
    return Found(
        {hit.record_id for hit in partners.hits} if partners else set(),
        {hit.record_id for hit in people.hits} if people else set(),
        set(),
    )


@dataclass
class Screens:
    """The list filters as the screens hold them: the models over the rows their queries read."""

    partners: PartnerFilterProxy
    people: PeopleTableModel
    register: AgreementTableModel

    def find(self, query: str) -> Found:
        self.partners.set_text(query)
        partner_ids = {
            self.partners.index(row, 0).data(PartnerTableModel.IdRole)
            for row in range(self.partners.rowCount())
        }
        self.people.set_filter_text(query)
        self.register.set_filter(RegisterFilter(TODAY, text=query))
        agreement_ids = {row.id for row in self.register.rows()}
        self.register.set_filter(RegisterFilter(TODAY, partner=query))
        assert {row.id for row in self.register.rows()} == agreement_ids  # the register's partner filter too
        return Found(partner_ids, {row.id for row in self.people.rows()}, agreement_ids)


def screens(database: Database) -> Screens:
    with database.session() as session:
        roster_rows = roster(session, today=TODAY)
        people_rows = people(session, today=TODAY)
        register = register_rows(session)
    partner_model = PartnerTableModel()
    partner_model.set_roster(roster_rows)
    proxy = PartnerFilterProxy()
    proxy.setSourceModel(partner_model)
    people_model = PeopleTableModel()
    people_model.set_rows(people_rows)
    register_model = AgreementTableModel(TODAY)
    register_model.set_register(register)
    return Screens(proxy, people_model, register_model)


@pytest.mark.parametrize("key", list(CASES))
def test_the_same_words_find_the_same_records_everywhere(
    qapp: QApplication, database: Database, key: str
) -> None:
    world = seed(database)
    shown = screens(database)
    expected = world.expected[key]
    for query in QUERIES[key]:
        searched = found_by_search(database, query)
        assert (searched.partners, searched.people) == (expected.partners, expected.people), query
        assert shown.find(query) == expected, query
