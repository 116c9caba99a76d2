"""A shared PostgreSQL database with real users (team lead, colleague, administrator and a city user)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from teamlead.data.access.names import Group
from teamlead.data.database import open_database
from teamlead.services import users
from tests.access_world import AccessWorld, build, drop_roles, unique_database
from tests.conftest import postgres_server_url
from tests.ui.safety.conftest import start_window  # noqa: F401 - the real window, started as the app does


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
            users.add_user(owner, "town", Group.CITY, [], None)
            yield built
        finally:
            owner.dispose()
    if prefix is not None:
        drop_roles(server, prefix)
