"""How messages and the status bar name a database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url

from teamlead.data.engine import display_name


def test_a_file_is_named_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "teamlead.sqlite3"
    assert display_name(URL.create("sqlite+pysqlite", database=str(path))) == str(path)


def test_a_server_database_shows_the_persons_name_and_never_the_password() -> None:
    """A named user connects as ``<prefix>__<name>``; the prefix is the database's, not theirs to read."""
    named = make_url("postgresql+psycopg://tl_fbccca13b3__town:geheim@db.example:5432/teamlead")
    assert display_name(named) == "postgresql+psycopg://town:***@db.example:5432/teamlead"
    plain = make_url("postgresql+psycopg://postgres@db.example/teamlead")
    assert display_name(plain) == "postgresql+psycopg://postgres@db.example/teamlead"
