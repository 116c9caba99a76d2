"""Full-text search over organisations, persons, roles and notes: one function for SQLite and PostgreSQL.

:func:`search` finds the records in which every word of the query occurs as the start of a word, ignoring
case and diacritics (``zoe`` finds Zoë, ``wild`` finds Wildemanbuurt), and returns them grouped by kind, best
first, with the matches marked. Both backends return the same records in the same order: the ranking uses
only the data itself (a match in the name first, then the shorter name; for notes the most recently logged),
never a backend's own relevance score.

The index is kept by triggers (:mod:`teamlead.data.search_schema`); :func:`rebuild_search_index` refills it
and :func:`check_search_index` says whether it is sound, for ``teamlead check``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import Connection, Date, Integer, TextClause, bindparam, text
from sqlalchemy.orm import Session

from teamlead.data.search_maintenance import (
    check_search_index,
    pause_search_index,
    rebuild_search_index,
    search_index_paused,
)
from teamlead.data.search_text import Marks, ParsedQuery, highlight, mark, parse_query, snippet

DEFAULT_LIMIT = 5


class SearchKind(StrEnum):
    """The kinds of record search finds, in the order their groups are listed."""

    ORGANISATION = "organisation"
    PERSON = "person"
    ROLE = "role"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record found: what to show (title and snippet, with the matching words marked) and what to open.

    ``title_marks`` and ``snippet_marks`` are (start, end) character spans; :func:`highlight` renders them.
    For a role, ``person_id`` and ``organisation_id`` say whose role where; for a note, ``organisation_id`` is
    its first organisation (whose name is the title) and ``occurred_on`` its date.
    """

    kind: SearchKind
    record_id: int
    title: str
    title_marks: Marks
    snippet: str
    snippet_marks: Marks
    organisation_id: int | None = None
    person_id: int | None = None
    occurred_on: date | None = None
    ended_on: date | None = None


@dataclass(frozen=True, slots=True)
class SearchGroup:
    kind: SearchKind
    hits: tuple[SearchHit, ...]
    more: bool  # there are more matches than the limit


@dataclass(frozen=True, slots=True)
class SearchResults:
    """The groups that have hits, in :class:`SearchKind` order."""

    query: str
    terms: tuple[str, ...]
    groups: tuple[SearchGroup, ...]

    def __bool__(self) -> bool:
        return bool(self.groups)

    def hits(self) -> tuple[SearchHit, ...]:
        return tuple(hit for group in self.groups for hit in group.hits)

    def group(self, kind: SearchKind) -> SearchGroup | None:
        return next((group for group in self.groups if group.kind == kind), None)


def _connection(target: Connection | Session) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def search(
    target: Connection | Session,
    query: str,
    *,
    limit: int = DEFAULT_LIMIT,
    kinds: tuple[SearchKind, ...] = tuple(SearchKind),
    today: date | None = None,
) -> SearchResults:
    """Records matching every word of ``query``, at most ``limit`` per kind, grouped and best first.

    Any text is a valid query: quotes, operators and punctuation are just separators, and a query without
    letters or digits finds nothing. ``today`` decides which roles are current (they are listed first).
    """
    parsed = parse_query(query)
    if not parsed or limit < 1:
        return SearchResults(query, parsed.terms, ())
    connection = _connection(target)
    sqlite = connection.dialect.name == "sqlite"
    groups: list[SearchGroup] = []
    for kind in SearchKind:
        if kind not in kinds:
            continue
        values: dict[str, object] = {"limit": limit + 1, "today": today or date.today()}
        if sqlite:
            values |= {"q": parsed.fts5(), "tq": f"title : ({parsed.fts5()})"}
            rows: Sequence[Sequence[Any]] = connection.execute(_statement(kind), values).all()
        else:
            rows = _postgresql_rows(connection, kind, values | {"q": parsed.text()})
        if rows:
            hits = tuple(_HIT[kind](row, parsed) for row in rows[:limit])
            groups.append(SearchGroup(kind, hits, more=len(rows) > limit))
    return SearchResults(query, parsed.terms, tuple(groups))


@cache
def _statement(kind: SearchKind) -> TextClause:
    """The SQLite query for one kind."""
    statement = text(_SELECT[kind].format(matched=_sqlite_matched(kind)))
    statement = statement.bindparams(bindparam("limit", type_=Integer()))
    if kind is SearchKind.ROLE:
        statement = statement.bindparams(bindparam("today", type_=Date()))
    return statement


def _sqlite_matched(kind: SearchKind) -> str:
    """A subquery of the matching ids (``id``) and whether every word matched in the title (``tier`` 0)."""
    index = f"search_{kind}"
    if kind is SearchKind.NOTE:  # newest first straight from the index, which stops after the limit
        return "(SELECT rowid AS id, 1 AS tier FROM search_note WHERE search_note MATCH :q ORDER BY rowid DESC LIMIT :limit)"
    tier = f"CASE WHEN rowid IN (SELECT rowid FROM {index} WHERE {index} MATCH :tq) THEN 0 ELSE 1 END"
    return f"(SELECT rowid AS id, {tier} AS tier FROM {index} WHERE {index} MATCH :q)"


# On PostgreSQL the newest matching notes come from a look at the newest notes first: a common word is found
# there at once, and only a word that is rare lately needs the GIN index over all of them (where the planner,
# misjudging a rare prefix, would otherwise walk all 200,000 notes backwards through the primary key).
RECENT_NOTES = 5_000
_PG_NOTES_RECENT = (
    "(SELECT id, 1 AS tier FROM (SELECT id, document FROM search_note ORDER BY id DESC LIMIT %(recent)s) AS r "
    "WHERE document @@ search_query(%(q)s, '') ORDER BY id DESC LIMIT %(limit)s)"
)
_PG_NOTES_ALL = (  # ``id + 0``: sorting the few matches beats walking the primary key for them
    "(SELECT id, 1 AS tier FROM search_note WHERE document @@ search_query(%(q)s, '') "
    "ORDER BY id + 0 DESC LIMIT %(limit)s)"
)


def _postgresql_rows(
    connection: Connection, kind: SearchKind, values: dict[str, object]
) -> Sequence[Sequence[Any]]:
    """Rows for one kind on PostgreSQL, through psycopg without preparing the statement.

    A prepared statement soon runs on a generic plan, in which ``search_query(%(q)s, ...)`` is no constant:
    it is computed again for every row (50 ms instead of 3 for a common word). Unprepared, each query is
    planned with the user's words and the planner folds the query to a constant the GIN index can use.
    """
    if not connection.in_transaction():  # what psycopg runs belongs to SQLAlchemy's transaction
        connection.begin()
    driver = connection.connection.driver_connection
    assert driver is not None
    values = values | {"recent": RECENT_NOTES}
    if kind is not SearchKind.NOTE:
        matched = _PG_RANKED.format(index=f"search_{kind}", order=_PG_ORDER[kind])
        return driver.execute(_pg_select(kind, matched), values, prepare=False).fetchall()  # type: ignore[no-any-return]
    rows = driver.execute(_pg_select(kind, _PG_NOTES_RECENT), values, prepare=False).fetchall()
    if len(rows) < int(str(values["limit"])):
        rows = driver.execute(_pg_select(kind, _PG_NOTES_ALL), values, prepare=False).fetchall()
    return rows  # type: ignore[no-any-return]


# The best few matches of a named kind, ranked in its index table alone: the title's own tsvector says whether
# every word is in the title (``tier``) and the sort keys stored beside it order them, so only the hits shown
# are joined to the base tables (whose query then sorts them again by the same keys, read from there).
_PG_RANKED = (
    "(SELECT id, CASE WHEN title @@ search_query(%(q)s, '') THEN 0 ELSE 1 END AS tier FROM {index} "
    "WHERE document @@ search_query(%(q)s, '') ORDER BY {order} LIMIT %(limit)s)"
)
_PG_ORDER = {
    SearchKind.ORGANISATION: "tier, title_length, id",
    SearchKind.PERSON: "tier, title_length, id",
    SearchKind.ROLE: (
        "CASE WHEN ended_on IS NULL OR ended_on >= %(today)s THEN 0 ELSE 1 END, tier, title_length, id"
    ),
}


@cache
def _pg_select(kind: SearchKind, matched: str) -> str:
    """The query for one kind in psycopg's parameter style (``%(name)s``)."""
    return re.sub(r":(\w+)", r"%(\1)s", _SELECT[kind]).format(matched=matched)


# Everything after the match is the same SQL on both backends, so the order is the same too: only lengths, ids
# and dates decide it (no collation, no backend-specific score).
_SELECT: dict[SearchKind, str] = {
    SearchKind.ORGANISATION: (
        "SELECT o.id, o.name, o.address, o.description FROM {matched} AS m "
        "JOIN organisation AS o ON o.id = m.id ORDER BY m.tier, length(o.name), o.id LIMIT :limit"
    ),
    SearchKind.PERSON: (
        "SELECT p.id, p.name, p.email FROM {matched} AS m "
        "JOIN person AS p ON p.id = m.id ORDER BY m.tier, length(p.name), p.id LIMIT :limit"
    ),
    SearchKind.ROLE: (
        "SELECT r.id, r.title, r.person_id, p.name, r.organisation_id, o.name, r.ended_on "
        "FROM {matched} AS m "
        "JOIN role AS r ON r.id = m.id JOIN person AS p ON p.id = r.person_id "
        "JOIN organisation AS o ON o.id = r.organisation_id "
        "ORDER BY CASE WHEN r.ended_on IS NULL OR r.ended_on >= :today THEN 0 ELSE 1 END, m.tier, "
        "length(p.name), r.id LIMIT :limit"
    ),
    SearchKind.NOTE: (
        "SELECT n.id, n.occurred_on, n.text, o.id, o.name FROM {matched} AS m JOIN note AS n ON n.id = m.id "
        "LEFT JOIN organisation AS o ON o.id = (SELECT l.organisation_id FROM note_organisation AS l "
        "WHERE l.note_id = n.id ORDER BY l.position, l.organisation_id LIMIT 1) "
        "ORDER BY n.id DESC LIMIT :limit"
    ),
}


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))  # SQLite returns the stored ISO text through text()


def _organisation_hit(row: Sequence[Any], parsed: ParsedQuery) -> SearchHit:
    record_id, name, address, description = row
    fields = [str(value or "") for value in (address, description)]
    shown = next((field for field in fields if mark(field, parsed.terms)), fields[0] or fields[1])
    excerpt, marks = snippet(shown, parsed.terms)
    return SearchHit(
        SearchKind.ORGANISATION, int(record_id), str(name), mark(str(name), parsed.terms), excerpt, marks
    )


def _person_hit(row: Sequence[Any], parsed: ParsedQuery) -> SearchHit:
    record_id, name, email = row
    email = str(email or "")
    return SearchHit(
        SearchKind.PERSON,
        int(record_id),
        str(name),
        mark(str(name), parsed.terms),
        email,
        mark(email, parsed.terms),
    )


def _role_hit(row: Sequence[Any], parsed: ParsedQuery) -> SearchHit:
    record_id, role_title, person_id, person_name, organisation_id, organisation_name, ended_on = row
    title = " · ".join(str(part) for part in (person_name, role_title) if part)
    organisation = str(organisation_name)
    return SearchHit(
        SearchKind.ROLE,
        int(record_id),
        title,
        mark(title, parsed.terms),
        organisation,
        mark(organisation, parsed.terms),
        organisation_id=int(organisation_id),
        person_id=int(person_id),
        ended_on=_as_date(ended_on),
    )


def _note_hit(row: Sequence[Any], parsed: ParsedQuery) -> SearchHit:
    record_id, occurred_on, note_text, organisation_id, organisation_name = row
    title = str(organisation_name or "")
    excerpt, marks = snippet(str(note_text or ""), parsed.terms)
    return SearchHit(
        SearchKind.NOTE,
        int(record_id),
        title,
        mark(title, parsed.terms),
        excerpt,
        marks,
        organisation_id=None if organisation_id is None else int(organisation_id),
        occurred_on=_as_date(occurred_on),
    )


_HIT = {
    SearchKind.ORGANISATION: _organisation_hit,
    SearchKind.PERSON: _person_hit,
    SearchKind.ROLE: _role_hit,
    SearchKind.NOTE: _note_hit,
}

__all__ = [
    "DEFAULT_LIMIT",
    "SearchGroup",
    "SearchHit",
    "SearchKind",
    "SearchResults",
    "check_search_index",
    "highlight",
    "pause_search_index",
    "rebuild_search_index",
    "search",
    "search_index_paused",
]
