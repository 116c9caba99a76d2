"""Reading many rows without holding the GUI thread, and many ids in ``IN (...)`` lists every backend takes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Row, Select
from sqlalchemy.orm import Session

CHUNK = 250
IN_LIMIT = 500
"""Ids per ``IN (...)``: well under SQLite's and PostgreSQL's limits on bound parameters."""


def chunked[*Ts](session: Session, statement: Select[*Ts]) -> Iterator[Row[*Ts]]:
    """The statement's rows, fetched a chunk at a time rather than all at once.

    SQLAlchemy builds the rows of one fetch in compiled code that holds the GIL; tens of thousands of rows
    in one go would keep the app's GUI thread waiting while a report is made in the background.
    """
    result = session.execute(statement.execution_options(yield_per=CHUNK))
    for partition in result.partitions():
        yield from partition


def id_chunks(ids: Sequence[int], size: int = IN_LIMIT) -> Iterator[Sequence[int]]:
    """``ids`` in slices small enough for one ``IN (...)`` on every backend."""
    for index in range(0, len(ids), size):
        yield ids[index : index + size]
