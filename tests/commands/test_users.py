"""``teamlead users`` on a real PostgreSQL server: add, list, change and remove named users; refusals."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from teamlead.cli import main
from teamlead.data.access.names import database_prefix, user_role
from teamlead.data.database import open_database
from teamlead.services import geography
from tests.access_world import NOW, drop_roles
from tests.conftest import postgres_server_url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_an_sqlite_file_is_refused_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "team.sqlite3"
    code, _out, err = run(capsys, "--database", str(path), "users", "list")
    assert code == 1
    assert "Users exist only on a shared PostgreSQL database" in err
    assert not path.exists()


@pytest.fixture
def shared(_migrated_postgres_url: URL) -> Iterator[tuple[str, str]]:
    """A shared database with Noord and Nieuw-West: (its URL as text, its role prefix); roles dropped after."""
    database = open_database(_migrated_postgres_url)
    try:
        with database.begin() as session:
            geography.add_district(session, "Noord", now=NOW)
            geography.add_district(session, "Nieuw-West", now=NOW)
        with database.engine.connect() as connection:
            prefix = database_prefix(connection)
    finally:
        database.dispose()
    url = _migrated_postgres_url.render_as_string(hide_password=False)
    yield url, prefix
    engine = create_engine(_migrated_postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    engine.dispose()
    server = postgres_server_url()
    assert server is not None
    # The database goes with the fixture that made it; its roles go here, once nothing uses them.
    _drop_later.append((server, prefix))


_drop_later: list[tuple[URL, str]] = []


@pytest.fixture(autouse=True)
def _drop_roles_after() -> Iterator[None]:
    yield
    while _drop_later:
        server, prefix = _drop_later.pop()
        try:
            drop_roles(server, prefix)
        except Exception:  # the database (holding their grants) is dropped after us; retry at the next test
            _drop_later.insert(0, (server, prefix))
            break


pytestmark = pytest.mark.postgres


def test_add_list_change_and_remove(
    shared: tuple[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, prefix = shared
    monkeypatch.setattr("sys.stdin", io.StringIO("een lang geheim\n"))
    code, out, err = run(
        capsys,
        "--database",
        url,
        "users",
        "add",
        "jan",
        "--role",
        "teamlead",
        "--district",
        "noord",
        "--password-stdin",
    )
    assert (code, err) == (0, "")
    assert out == ["Added jan (teamlead)."]
    assert run(capsys, "--database", url, "users", "add", "boss", "--role", "admin")[0] == 0
    code, out, _err = run(capsys, "--database", url, "users", "list")
    assert out == ["boss\tadmin\t*", "jan\tteamlead\tNoord"]
    code, _out, _err = run(
        capsys, "--database", url, "users", "change", "jan", "--district", "noord", "--district", "nieuw west"
    )
    assert code == 0
    assert run(capsys, "--database", url, "users", "list")[1][1] == "jan\tteamlead\tNieuw-West;Noord"
    engine = create_engine(url)
    with engine.connect() as connection:  # the server keeps a SCRAM verifier, never the password
        stored = connection.scalar(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": user_role(prefix, "jan")}
        )
    engine.dispose()
    assert str(stored).startswith("SCRAM-SHA-256$")

    session = psycopg.connect(
        user=user_role(prefix, "jan"),
        password="een lang geheim",
        host=engine.url.host,
        port=engine.url.port,
        dbname=engine.url.database,
    )
    assert session.execute("SELECT count(*) FROM district").fetchone() == (2,)
    code, out, _err = run(capsys, "--database", url, "users", "remove", "jan")
    assert (code, out) == (0, ["Removed jan; open sessions ended: 1."])
    with pytest.raises(psycopg.OperationalError):
        session.execute("SELECT 1")
    session.close()
    assert run(capsys, "--database", url, "users", "list")[1] == ["boss\tadmin\t*"]


def test_the_last_administrator_cannot_be_removed(
    shared: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _prefix = shared
    assert run(capsys, "--database", url, "users", "add", "boss", "--role", "admin")[0] == 0
    code, _out, err = run(capsys, "--database", url, "users", "remove", "boss")
    assert code == 1
    assert "boss is the last administrator of this database: add another administrator first" in err
    code, _out, err = run(capsys, "--database", url, "users", "change", "boss", "--role", "city")
    assert code == 1
    assert "last administrator" in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["add", "Jan!", "--role", "admin"], "'Jan!' cannot be a user name"),
        (
            ["add", "jan", "--role", "teamlead"],
            "The role teamlead works in districts: give one or more with --district.",
        ),
        (
            ["add", "jan", "--role", "city", "--district", "noord"],
            "The role city sees every district: --district does not apply",
        ),
        (
            ["add", "jan", "--role", "colleague", "--district", "zuid"],
            "There is no district called 'zuid'. Districts: Nieuw-West, Noord.",
        ),
    ],
)
def test_wrong_usage_exits_2(
    shared: tuple[str, str], capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    url, _prefix = shared
    code, _out, err = run(capsys, "--database", url, "users", *arguments)
    assert code == 2
    assert message in err


def test_a_user_who_is_not_an_administrator_is_refused(
    shared: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, prefix = shared
    assert (
        run(capsys, "--database", url, "users", "add", "piet", "--role", "colleague", "--district", "noord")[
            0
        ]
        == 0
    )
    as_piet = URL.create(
        "postgresql+psycopg",
        username=user_role(prefix, "piet"),
        host=create_engine(url).url.host,
        port=create_engine(url).url.port,
        database=create_engine(url).url.database,
    ).render_as_string()
    code, _out, err = run(capsys, "--database", as_piet, "users", "list")
    assert code == 1
    assert "Only an administrator can manage the users of this database." in err


def test_an_administrator_who_is_not_the_owner_manages_users(
    shared: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    url, prefix = shared
    assert run(capsys, "--database", url, "users", "add", "boss", "--role", "admin")[0] == 0
    owner = make_url(url)
    as_boss = owner.set(username=user_role(prefix, "boss"), password=None).render_as_string(
        hide_password=False
    )
    code, _out, err = run(
        capsys, "--database", as_boss, "users", "add", "ans", "--role", "teamlead", "--district", "Noord"
    )
    assert (code, err) == (0, "")
    assert run(capsys, "--database", as_boss, "users", "list")[1] == [
        "ans\tteamlead\tNoord",
        "boss\tadmin\t*",
    ]
