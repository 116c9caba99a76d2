"""The partner form's key contact and offers, chosen as a user chooses them and saved with the rest of the
partner in one transaction, on SQLite and PostgreSQL: the page shows them, the database holds them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.offers import organisation_offer
from teamlead.data.roster import Organisation, key_contact
from teamlead.services import key_contacts, persons, signal_lists
from teamlead.ui.context import AppContext
from teamlead.ui.partners.people_model import PartnerPeopleModel
from teamlead.ui.partners.view import PartnersView
from tests.ui.partners.conftest import TODAY, Seed, seed_database, settle


@pytest.fixture
def both(qtbot: QtBot, database: Database) -> Iterator[tuple[AppContext, Seed, dict[str, int]]]:
    """The roster seed on each backend, three offers, and a second person at the police team."""
    seed = seed_database(database)
    with database.begin() as session:
        offers = {
            name: signal_lists.add_offer(session, name) for name in ("Ruimte", "Straatpresentie", "Tolk")
        }
        persons.add_person(
            session,
            persons.PersonInput(name="Bram Jansen", phone="0655550002"),
            organisation_id=seed.police,
            role_title="Teamchef",
            started_on=TODAY,
        )
    errors: list[str] = []
    context = AppContext(database, today=TODAY)
    context.tasks.error_reporter = errors.append
    yield context, seed, offers
    context.tasks.shutdown()
    assert errors == []


def opened(qtbot: QtBot, context: AppContext, organisation_id: int) -> tuple[QWidget, PartnersView]:
    host = QWidget()
    host.resize(1366, 768)
    host.show()
    qtbot.addWidget(host)
    view = PartnersView(context, host)
    view.resize(1300, 700)
    view.show()
    settle(qtbot, context)
    assert view.open_record("organisation", organisation_id)
    settle(qtbot, context)
    return host, view


def offer_items(view: PartnersView) -> dict[str, Qt.CheckState]:
    offers = view.pane.editor.offers
    return {offers.item(i).text(): offers.item(i).checkState() for i in range(offers.count())}


def tick(view: PartnersView, name: str) -> None:
    offers = view.pane.editor.offers
    item = next(offers.item(i) for i in range(offers.count()) if offers.item(i).text() == name)
    item.setCheckState(Qt.CheckState.Checked)


def test_choose_the_key_contact_and_offers_then_save(
    qtbot: QtBot, both: tuple[AppContext, Seed, dict[str, int]]
) -> None:
    context, seed, offers = both
    _host, view = opened(qtbot, context, seed.police)
    form, pane = view.pane.editor, view.pane
    # Sanne was the team's only contact when she joined, so its key contact; Bram came later.
    assert pane.key_contact_line.text() == "Key contact: ★ Sanne de Vries — reachability not known"
    assert [form.key_contact.itemText(i) for i in range(form.key_contact.count())] == [
        "(none chosen)",
        "Bram Jansen",
        "Sanne de Vries",
    ]
    assert list(offer_items(view)) == ["Ruimte", "Straatpresentie", "Tolk"]  # in the list's order

    form.key_contact.setFocus()
    qtbot.keyClick(form.key_contact, Qt.Key.Key_Up)  # the keyboard picks the person above Sanne: Bram
    assert form.key_contact.currentText() == "Bram Jansen"
    tick(view, "Straatpresentie")
    tick(view, "Tolk")
    assert pane.save_button.isEnabled()
    with qtbot.waitSignal(context.data_changed):
        qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)

    assert pane.key_contact_line.text() == "Key contact: ★ Bram Jansen — reachability not known"
    assert pane.offers_line.text() == "Can offer: Straatpresentie, Tolk"
    people = {pane.roles.index(r, PartnerPeopleModel.PERSON).data() for r in range(pane.roles.rowCount())}
    assert people == {"Sanne de Vries", "★ Bram Jansen"}
    assert not pane.save_button.isEnabled()
    with context.database.begin() as session:
        assert (
            session.scalar(
                select(key_contact.c.person_id).where(key_contact.c.organisation_id == seed.police)
            )
            != seed.police_officer
        )
        assert set(
            session.scalars(
                select(organisation_offer.c.offer_id).where(
                    organisation_offer.c.organisation_id == seed.police
                )
            )
        ) == {offers["Straatpresentie"], offers["Tolk"]}
        version = session.get_one(Organisation, seed.police).version

    # An edit of another field leaves the choice alone; "none chosen" clears it.
    qtbot.keyClicks(form.address, "Plein 40-45 1")
    form.key_contact.setCurrentIndex(0)
    form.key_contact.activated.emit(0)
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert pane.key_contact_line.text() == "Key contact: none chosen"
    with context.database.begin() as session:
        assert session.scalar(select(key_contact.c.person_id)) is None
        organisation = session.get_one(Organisation, seed.police)
        assert organisation.address == "Plein 40-45 1"
        assert organisation.version > version


def test_the_page_shows_reachability_and_a_key_contact_who_left(
    qtbot: QtBot, both: tuple[AppContext, Seed, dict[str, int]]
) -> None:
    context, seed, _offers = both
    with context.database.begin() as session:
        version = session.get_one(Organisation, seed.police).version
        key_contacts.set_key_contact(
            session, seed.police, seed.police_officer, expected_version=version, today=TODAY
        )
        key_contacts.set_reachability(session, seed.police_officer, ["office", "evening"], expected_version=1)
    _host, view = opened(qtbot, context, seed.police)
    pane = view.pane
    assert pane.key_contact_line.text() == (
        "Key contact: ★ Sanne de Vries — reachable: Office hours (Mon–Fri 9–17), Evening (17–23)"
    )
    row = next(r for r in range(pane.roles.rowCount()) if "Sanne" in pane.roles.index(r, 0).data())
    assert pane.roles.index(row, PartnerPeopleModel.REACHABLE).data() == (
        "Office hours (Mon–Fri 9–17), Evening (17–23)"
    )

    # Sanne leaves; the page says so, and the partner can still be saved without choosing a successor.
    with context.database.begin() as session:
        persons.end_role(
            session, seed.police_officer_role, expected_version=1, ended_on=TODAY - timedelta(days=1)
        )
    pane.reload()
    settle(qtbot, context)
    assert pane.key_contact_line.text().startswith("Key contact: ★ Sanne de Vries (no current role)")
    form = pane.editor
    assert form.key_contact.currentText() == "Sanne de Vries (no current role)"
    qtbot.keyClicks(form.phone, "020 555 0100")
    qtbot.mouseClick(pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert not pane.save_button.isEnabled()
    detail = pane.detail()
    assert detail is not None
    assert detail.phone == "020 555 0100"
    assert pane.key_contact_line.text().startswith("Key contact: ★ Sanne de Vries (no current role)")
