"""A shared PostgreSQL database: two people save one partner (the second sees both versions, nothing is
lost), and the server going away mid-session (a message, the edit kept, and a retry that saves it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from teamlead.data.database import Database, open_database
from teamlead.data.roster import Organisation
from teamlead.services.conflicts import Saved, partner_form_values, partner_labels, stored_partner
from teamlead.services.organisations import OrganisationInput, add_organisation, edit_organisation
from teamlead.ui.context import AppContext
from teamlead.ui.safety.guarded import ConflictDialog, guarded_save
from tests.throwaway_server import Server
from tests.ui.safety.conftest import answer_modal

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_people(_migrated_postgres_url: URL) -> Iterator[tuple[Database, Database, int]]:
    """Two app sessions on one server database (two laptops), and a partner both can see."""
    first, second = open_database(_migrated_postgres_url), open_database(_migrated_postgres_url)
    with first.begin() as session:
        partner = add_organisation(
            session, OrganisationInput(name="Politie basisteam West", phone="020 123 4567")
        )
    try:
        yield first, second, partner
    finally:
        first.dispose()
        second.dispose()


def _save_as(database: Database, partner: int, version: int, **changes: Any) -> None:
    with database.begin() as session:
        edit_organisation(
            session,
            partner,
            OrganisationInput(name="Politie basisteam West", phone="020 123 4567", **changes),
            expected_version=version,
        )


def _run_guarded(
    qtbot: QtBot, context: AppContext, partner: int, version: int, data: OrganisationInput, choose: str
) -> tuple[list[Any], dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def act(dialog: ConflictDialog) -> list[tuple[str, str, str]]:
        rows = [tuple(dialog.cell(r, c) for c in range(3)) for r in range(dialog.table.rowCount())]
        getattr(dialog, f"{choose}_button").click()
        return rows  # type: ignore[return-value]

    shown = answer_modal(ConflictDialog, act)
    guarded_save(
        context,
        None,
        save=lambda session, v: edit_organisation(session, partner, data, expected_version=v),
        expected_version=version,
        load_theirs=lambda session: stored_partner(session, partner),
        mine=partner_form_values(data),
        labels=partner_labels(),
        changed="organisation",
        on_saved=lambda result: outcome.setdefault("saved", True),
        on_reload=lambda saved: outcome.setdefault("reloaded", saved),
        on_kept=lambda: outcome.setdefault("kept", True),
    )
    qtbot.waitUntil(lambda: bool(outcome), timeout=20_000)
    return shown, outcome


def _stored(database: Database, partner: int) -> tuple[str, str, int]:
    with database.session() as session:
        row = session.get_one(Organisation, partner)
        return row.name, row.phone, row.version


def test_the_second_save_is_refused_and_shows_both_versions_then_overwrites(
    qtbot: QtBot, two_people: tuple[Database, Database, int]
) -> None:
    mine_db, theirs_db, partner = two_people
    context = AppContext(mine_db)
    # Both opened the partner at version 1; the colleague saves first.
    _save_as(theirs_db, partner, 1, email="west@politie.example")
    mine = OrganisationInput(name="Politie basisteam West", phone="020 765 4321")
    shown, outcome = _run_guarded(qtbot, context, partner, 1, mine, "overwrite")
    rows = {row[0]: row[1:] for row in shown[0]}
    assert rows["Phone"] == ("020 765 4321", "020 123 4567")
    assert rows["E-mail"] == ("", "west@politie.example")  # their change, shown before it is overwritten
    assert outcome == {"saved": True}
    assert _stored(theirs_db, partner) == ("Politie basisteam West", "020 765 4321", 3)
    context.tasks.shutdown()


def test_taking_their_version_keeps_theirs(qtbot: QtBot, two_people: tuple[Database, Database, int]) -> None:
    mine_db, theirs_db, partner = two_people
    context = AppContext(mine_db)
    _save_as(theirs_db, partner, 1, email="west@politie.example")
    mine = OrganisationInput(name="Politie West (mijn naam)", phone="020 123 4567")
    shown, outcome = _run_guarded(qtbot, context, partner, 1, mine, "reload")
    assert shown
    reloaded: Saved = outcome["reloaded"]
    assert reloaded.values["email"] == "west@politie.example"
    assert reloaded.version == 2
    assert _stored(mine_db, partner) == ("Politie basisteam West", "020 123 4567", 2)  # no lost update
    context.tasks.shutdown()


def test_the_server_stopped_mid_session_keeps_the_edit_for_a_retry(
    qtbot: QtBot, throwaway_server: Server
) -> None:
    from PySide6.QtWidgets import QMessageBox

    url = throwaway_server.url
    database = open_database(url)
    with database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Buurtteam Osdorp"))
    context = AppContext(database)
    throwaway_server.stop("fast")  # the server goes away while the user types
    edited = OrganisationInput(
        name="Buurtteam Osdorp", phone="020 555 0101", description="Nieuw adres per mei"
    )

    def retry_after_restart(box: QMessageBox) -> str:
        message = box.text()
        throwaway_server.start()
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
        return message

    told = answer_modal(QMessageBox, retry_after_restart)
    saved: list[bool] = []
    guarded_save(
        context,
        None,
        save=lambda session, v: edit_organisation(session, partner, edited, expected_version=v),
        expected_version=1,
        load_theirs=lambda session: stored_partner(session, partner),
        mine=partner_form_values(edited),
        labels=partner_labels(),
        changed="organisation",
        on_saved=lambda _result: saved.append(True),
    )
    qtbot.waitUntil(lambda: bool(saved), timeout=60_000)
    assert "connection to the database server was lost" in told[0]
    assert "What you typed is kept" in told[0]
    with database.session() as session:
        row = session.get_one(Organisation, partner)
        assert (row.phone, row.description, row.version) == ("020 555 0101", "Nieuw adres per mei", 2)
    context.tasks.shutdown()
    database.dispose()
