"""Logging in to a shared database on a server that asks for a password (SCRAM): the app asks in a dialog,
the person types their Teamlead user name and password, and sees only their district."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from teamlead.data.access.names import Group
from teamlead.data.database import open_database
from teamlead.data.models import Organisation
from teamlead.rules import settings
from teamlead.services import geography, organisations, users
from teamlead.services.organisations import OrganisationInput
from teamlead.ui.safety.login import LoginDialog
from tests.access_world import NOW
from tests.throwaway_server import Server, pg_ctl
from tests.ui.safety.conftest import Started, answer_modal

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def scram_server(throwaway_server: Server) -> Server:
    """The throw-away server asking every login but its superuser's for a SCRAM password."""
    (throwaway_server.data / "pg_hba.conf").write_text(
        "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
    )
    pg_ctl(throwaway_server.data, "reload")
    return throwaway_server


def test_a_team_lead_logs_in_with_name_and_password_and_sees_only_noord(
    start_window: Callable[[str], Started], qtbot: QtBot, scram_server: Server
) -> None:
    owner = open_database(scram_server.url)
    try:
        with owner.begin() as session:
            noord = geography.add_district(session, "Noord", now=NOW)
            west = geography.add_district(session, "Nieuw-West", now=NOW)
            for name, district in (("Buurtwerk Noord", noord), ("Jongerenwerk Nieuw-West", west)):
                organisations.add_organisation(
                    session, OrganisationInput(name=name, district_id=district), now=NOW
                )
        users.add_user(owner, "jan", Group.TEAMLEAD, [noord], "een geheim")
    finally:
        owner.dispose()
    url = scram_server.url.set(username="jan", password=None).render_as_string()

    def log_in(dialog: LoginDialog) -> None:
        assert dialog.user.text() == "jan"
        dialog.password.setText("een geheim")
        dialog.log_in.click()

    answered = answer_modal(LoginDialog, log_in)
    started = start_window(url)
    qtbot.waitUntil(lambda: bool(answered) and started.window.has_context, timeout=20_000)
    database = started.window.context.database
    assert str(database.url.username).endswith("__jan")
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Organisation)) == 1
    assert all("een geheim" not in recent for recent in settings.load().recent_databases)
