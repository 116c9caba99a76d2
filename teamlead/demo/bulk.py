"""Loading many prepared rows into one table as fast as each backend allows.

PostgreSQL takes rows fastest through ``COPY ... FROM STDIN`` (psycopg 3's ``cursor.copy`` with
``write_row``): one stream instead of a round trip and a parse per batch, about 3x faster than ``executemany``
for the city demo's 600,000 rows. SQLite has no such protocol and runs in-process, so Core's ``executemany``
is already its fastest path. Either way the rows go through the columns' bind processing first (aware UTC
datetimes become naive UTC, :class:`enum.StrEnum` values plain text), so both backends store the very same
values and the demo stays identical on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Table, insert

Row = dict[str, Any]
Converter = Callable[[Any], Any]


def bulk_insert(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Insert ``rows`` (dicts with the same keys, explicit ids) into ``table`` in this transaction."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _copy(connection, table, rows)
    else:
        connection.execute(insert(table), list(rows))


def _copy(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    names, defaults, converters = _layout(connection, table, rows[0])
    quoted = ", ".join(connection.dialect.identifier_preparer.quote(name) for name in names)
    driver = connection.connection.driver_connection
    assert driver is not None, "a PostgreSQL connection always has its psycopg connection"
    statement = f"COPY {connection.dialect.identifier_preparer.format_table(table)} ({quoted}) FROM STDIN"
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for values in _values(rows, names, defaults, converters):
            copy.write_row(values)


def _layout(
    connection: Connection, table: Table, first: Row
) -> tuple[list[str], dict[str, Any], list[Converter | None]]:
    """The columns to write (those the rows give, plus those with a fixed default), their defaults, and per
    column the function that turns a Python value into what the database stores (None: as it is)."""
    names: list[str] = []
    defaults: dict[str, Any] = {}
    converters: list[Converter | None] = []
    for column in table.columns:
        if column.name not in first:
            default = column.default
            if default is None or not default.is_scalar:
                continue  # the database's own default or NULL, as with Core's insert
            defaults[column.name] = default.arg  # type: ignore[attr-defined]
        names.append(column.name)
        converters.append(column.type.bind_processor(connection.dialect))
    return names, defaults, converters


def _values(
    rows: Sequence[Row], names: list[str], defaults: dict[str, Any], converters: list[Converter | None]
) -> Iterator[tuple[Any, ...]]:
    plan = list(zip(names, converters, strict=True))
    for row in rows:
        values = []
        for name, convert in plan:
            value = row[name] if name in row else defaults[name]
            if isinstance(value, Enum):
                value = value.value
            if convert is not None and value is not None:
                value = convert(value)
            values.append(value)
        yield tuple(values)
