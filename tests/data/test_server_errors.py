"""Every way PostgreSQL says "not now" reads as a server that cannot be reached: a session the server ended
(``AdminShutdown``, as at a normal shutdown) and the other ``OperationalError`` kinds (here a lock that did not
come in time). They are worth a retry, so the app keeps what was typed (:func:`connection_lost`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from teamlead.data.database import Database, open_database
from teamlead.errors import ServerUnreachableError
from teamlead.services.conflicts import connection_lost

pytestmark = pytest.mark.postgres


@pytest.fixture
def server_database(_migrated_postgres_url: URL) -> Iterator[Database]:
    database = open_database(_migrated_postgres_url)
    try:
        yield database
    finally:
        database.dispose()


def test_a_session_the_server_ended_reads_as_unreachable(server_database: Database) -> None:
    admin = create_engine(server_database.url, isolation_level="AUTOCOMMIT")
    with server_database.engine.connect() as connection:
        pid = connection.scalar(text("SELECT pg_backend_pid()"))
        with admin.connect() as other:  # what pg_ctl stop -m fast does to every session
            assert other.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        with pytest.raises(ServerUnreachableError) as raised:
            connection.execute(text("SELECT value FROM teamlead_meta WHERE key = 'application'"))
    admin.dispose()
    assert raised.value.message.startswith("Cannot reach the database server for ")
    assert "terminating connection due to administrator command" in raised.value.message
    assert "[SQL" not in raised.value.message
    assert connection_lost(raised.value)
    with server_database.engine.connect() as connection:  # the pool lets the dead session go
        assert connection.scalar(text("SELECT 1")) == 1


def test_a_lock_that_does_not_come_reads_as_unreachable(server_database: Database) -> None:
    with server_database.engine.connect() as holder, server_database.engine.connect() as waiter:
        holder.execute(text("SELECT * FROM teamlead_meta WHERE key = 'application' FOR UPDATE"))
        waiter.execute(text("SET lock_timeout = '50ms'"))
        with pytest.raises(ServerUnreachableError) as raised:
            waiter.execute(text("SELECT * FROM teamlead_meta WHERE key = 'application' FOR UPDATE"))
    assert "lock" in raised.value.message
    assert connection_lost(raised.value)
