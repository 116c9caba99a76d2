"""The app follows the server's rights: a colleague gets no erase button, and a refusal reads as a message."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from teamlead.data.database import open_database
from teamlead.ui.safety.privacy_dialogs import PersonPrivacyDialog, RetentionDialog
from teamlead.ui.tasks import message_for
from tests.access_world import AccessWorld, build, drop_roles, unique_database
from tests.conftest import postgres_server_url
from tests.ui.safety.conftest import Started

pytestmark = pytest.mark.postgres


@pytest.fixture
def world() -> Iterator[AccessWorld]:
    server = postgres_server_url()
    if server is None:
        pytest.skip("PostgreSQL tests need TEAMLEAD_TEST_POSTGRES_URL")
    prefix = None
    for url in unique_database(server):
        owner = open_database(url)
        try:
            built = build(owner)
            prefix = built.prefix
            yield built
        finally:
            owner.dispose()
    if prefix is not None:
        drop_roles(server, prefix)


@pytest.mark.parametrize(("name", "may_erase"), [("colleague", False), ("lead", True)])
def test_the_erase_button_is_there_only_for_those_who_may_erase(
    start_window: Callable[[str], Started], qtbot: QtBot, world: AccessWorld, name: str, may_erase: bool
) -> None:
    started = start_window(world.url_of(name).render_as_string(hide_password=False))
    qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)
    dialog = PersonPrivacyDialog(started.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.export_button.isHidden(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.erase_button.isHidden() is not may_erase, timeout=5000)
    dialog.reject()
    retention = RetentionDialog(started.window)
    qtbot.addWidget(retention)
    with qtbot.waitSignal(retention.period_loaded, timeout=5000):
        retention.show()
    assert retention.years.isEnabled() is may_erase  # who may erase may also change the retention period
    retention.reject()
    started.window.context.tasks.shutdown(wait=True)


def test_a_refusal_of_the_server_reads_as_a_message_in_the_app(world: AccessWorld) -> None:
    with (
        world.as_user("lead") as lead,
        lead.engine.connect() as connection,
        pytest.raises(ProgrammingError) as raised,
    ):
        connection.execute(text("DELETE FROM domain"))
    assert message_for(raised.value).startswith(
        "The database refused this: your role may not see or change these records"
    )
