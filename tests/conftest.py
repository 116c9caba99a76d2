"""Shared fixtures: every test gets its own real database, an SQLite file or a fresh PostgreSQL database.

PostgreSQL tests run when ``TEAMLEAD_TEST_POSTGRES_URL`` names a server (``.ci/pg-start`` starts one); they
skip without it, unless ``TEAMLEAD_REQUIRE_POSTGRES=1`` (as in CI), where a missing server fails them.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6.QtCore  # noqa: F401 - first, so that the app's filing of later imports applies (below)
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from teamlead.data.backup import backup_sqlite
from teamlead.data.database import Database, open_database
from teamlead.i18n import set_language
from teamlead.ui.qt_imports import file_modules_by_name
from tests.throwaway_server import Server
from tests.throwaway_server import throwaway_server as _throwaway_server

file_modules_by_name()  # as the app does: PySide6 would read the source of every later import

POSTGRES_ENV = "TEAMLEAD_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "TEAMLEAD_REQUIRE_POSTGRES"


@pytest.fixture(autouse=True, scope="session")
def _isolated_session_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Session and module fixtures run before the per-test folders below: keep them off the real ones too."""
    home = tmp_path_factory.mktemp("session-home")
    names = {"XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "config", "XDG_STATE_HOME": "state"}
    saved = {name: os.environ.get(name) for name in [*names, "TEAMLEAD_LOG_DIR"]}
    os.environ.update({name: str(home / folder) for name, folder in names.items()})
    os.environ["TEAMLEAD_LOG_DIR"] = str(home / "log")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def qapp(qapp: object) -> Iterator[object]:
    """pytest-qt's application with the app's garbage collection: automatic collection off, collected on the
    GUI thread (a worker thread collecting Qt wrappers crashed the suite; see teamlead.ui.collector)."""
    from PySide6.QtWidgets import QApplication

    from teamlead.ui.collector import install_gui_collector

    assert isinstance(qapp, QApplication)
    collector = install_gui_collector(qapp)
    yield qapp
    collector.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """After each test, on the main (GUI) thread, the collection the automatic collector would have run by
    now: between tests no Qt timer ticks."""
    yield
    collector = sys.modules.get("teamlead.ui.collector")
    if collector is not None and not gc.isenabled():
        collector.collect_due()


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the developer's own database and settings, and speak English by default."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TEAMLEAD_SETTINGS", str(home / "settings.json"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("TEAMLEAD_LOG_DIR", str(home / "log"))
    monkeypatch.delenv("TEAMLEAD_DATABASE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language("en")


def postgres_server_url() -> URL | None:
    value = os.environ.get(POSTGRES_ENV)
    return make_url(value).set(drivername="postgresql+psycopg") if value else None


def _missing_postgres(reason: str) -> None:
    if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
        pytest.fail(f"PostgreSQL is required here but {reason}")
    pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV}: {reason}")


@pytest.fixture
def postgres_url() -> Iterator[URL]:
    """A brand-new, empty PostgreSQL database for one test, dropped afterwards."""
    server = postgres_server_url()
    if server is None:
        _missing_postgres(f"{POSTGRES_ENV} is not set")
        raise AssertionError  # unreachable: skip or fail raised
    name = f"teamlead_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        admin.dispose()
        _missing_postgres(f"the server did not answer ({error.__class__.__name__})")
    try:
        yield server.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> URL:
    return URL.create("sqlite+pysqlite", database=str(tmp_path / "teamlead.sqlite3"))


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite database per test session; each test gets a copy (migrating takes longer)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).dispose()
    return path


CITY_DEMO_TODAY = "2026-03-02"


@pytest.fixture(scope="session")
def city_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``teamlead demo --scale city --seed 1 --today 2026-03-02``, made once per test session (it takes most of
    a minute). Read it only; a test that writes takes a copy with :func:`backup_sqlite`."""
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    command = [sys.executable, "-m", "teamlead", "--database", str(path), "demo", "--scale", "city"]
    subprocess.run(
        [*command, "--seed", "1", "--today", CITY_DEMO_TODAY], check=True, stdout=subprocess.DEVNULL
    )
    return path


@pytest.fixture(scope="session")
def _postgres_template() -> Iterator[str | None]:
    """One migrated PostgreSQL database per session, cloned with CREATE DATABASE ... TEMPLATE per test."""
    server = postgres_server_url()
    if server is None:
        yield None
        return
    name = f"teamlead_template_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        admin.dispose()
        yield None
        return
    open_database(server.set(database=name)).dispose()
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def _migrated_postgres_url(_postgres_template: str | None) -> Iterator[URL]:
    server = postgres_server_url()
    if server is None or _postgres_template is None:
        _missing_postgres("the server is not set or did not answer")
        raise AssertionError  # unreachable: skip or fail raised
    name = f"teamlead_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_postgres_template}"'))
    try:
        yield server.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def _migrated_sqlite_url(_sqlite_template: Path, sqlite_url: URL) -> URL:
    assert sqlite_url.database is not None
    backup_sqlite(_sqlite_template, Path(sqlite_url.database))
    return sqlite_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> URL:
    """Parametrises a test over both backends: an empty real SQLite file and an empty real PostgreSQL database."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: URL = request.getfixturevalue(name)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A new, migrated Teamlead database on each backend (a copy of a session-wide freshly migrated one)."""
    name = "_migrated_sqlite_url" if request.param == "sqlite" else "_migrated_postgres_url"
    database = open_database(request.getfixturevalue(name))
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def sqlite_database(_migrated_sqlite_url: URL) -> Iterator[Database]:
    """A new Teamlead database in an SQLite file, for tests where only SQLite matters."""
    database = open_database(_migrated_sqlite_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def throwaway_server() -> Iterator[Server]:
    """A PostgreSQL server of the test's own, to stop and start (:mod:`tests.throwaway_server`)."""
    yield from _throwaway_server()
