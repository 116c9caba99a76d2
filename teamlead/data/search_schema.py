"""The full-text search index, kept in the database itself so that every writer keeps it right.

Services, the demo's Core bulk inserts, the importer and raw SQL all write the same tables; only triggers in
the database see every one of those writes. So the index lives there:

- **SQLite**: an FTS5 table per kind (``unicode61 remove_diacritics 2``), maintained by row triggers. The
  small kinds (organisations, persons, roles) store their text, so a delete is by rowid and never needs old
  values; notes (200,000 at city scale) use a contentless table, whose ``delete`` command gets the old text
  from the trigger's ``old`` row.
- **PostgreSQL**: a table per kind with a ``tsvector`` and a GIN index, maintained by statement triggers for
  inserts and deletes (set-based: a bulk insert indexes in one statement) and row triggers for updates.

Both backends must tokenise alike, or the same query gives different results. FTS5 splits on every character
that is not a letter or digit and folds case and diacritics; on PostgreSQL :data:`PG_NORMALISE` does the same
with ``unaccent``, ``lower`` and a ``regexp_replace`` of every non-alphanumeric run to a space (PostgreSQL's
parser would otherwise keep e-mail addresses and hyphenated words whole). ``unaccent`` also folds letters
that FTS5 leaves alone (``ı``, ``ł``, ``ø``, ``ß``, ...: common in Turkish and Polish names);
:data:`EXTRA_FOLDS` applies that folding on SQLite too, in the triggers and in the query, so ``yilmaz`` finds
``Yılmaz`` on both.

Each kind indexes a *title* (what names the record; a match there ranks first) and a *body*.

A ``search_paused`` row in ``teamlead_meta`` makes every trigger do nothing: a bulk loader pauses the index inside its
transaction and rebuilds it once at the end (:func:`teamlead.data.search_maintenance.search_index_paused`),
because FTS5 writes a small segment for every *statement* that touches it and row-by-row inserts through the
triggers cost about 150 µs a note.

Changing the documents, the folding or the triggers takes a migration that calls :func:`recreate`; :func:`drop`
finds what to drop in the catalogue, so it also removes any earlier version of the index.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, text

from teamlead.rules.text import EXTRA_FOLDS

# The pause flag: a row in the database's key/value table, seen only by the transaction that set it until commit.
PAUSE_KEY = "search_paused"
PAUSED = f"SELECT 1 FROM teamlead_meta WHERE key = '{PAUSE_KEY}'"

# Longer texts are indexed up to this many characters (a tsvector is limited to 1 MB on PostgreSQL).
MAX_INDEXED_CHARS = 100_000
FTS5_TOKENIZER = "unicode61 remove_diacritics 2"
# Prefix indexes make the short prefixes of search-as-you-type cheap: at city scale a one-letter query takes
# 0.02 ms instead of 25 ms, for 36 MB of note index instead of 28 MB.
FTS5_PREFIXES = "1 2 3"


@dataclass(frozen=True)
class IndexedKind:
    """One kind of record in the index: where it comes from and which text makes its document.

    ``title`` and ``body`` are SQL expressions over the base row, written with ``{row}`` for its alias; both
    backends understand them (``||``, ``coalesce``, scalar subqueries).
    """

    kind: str
    table: str
    title: str
    body: str
    columns: tuple[str, ...]  # base columns whose change changes the document
    contentless: bool = False  # SQLite: no stored copy of the text (notes, for size)
    # PostgreSQL: the sort keys kept beside the document, as (column, type, expression over ``{row}``), and
    # the further base columns they read. A kind with keys also keeps its title as a tsvector of its own, so
    # that the ranking reads the index table alone (see :mod:`teamlead.data.search`).
    keys: tuple[tuple[str, str, str], ...] = ()
    key_columns: tuple[str, ...] = ()

    @property
    def index(self) -> str:
        return f"search_{self.kind}"


ORGANISATION = IndexedKind(
    "organisation",
    "organisation",
    "{row}.name",
    "coalesce({row}.address, '') || ' ' || coalesce({row}.description, '')",
    ("name", "address", "description"),
    keys=(("title_length", "integer", "length({row}.name)"),),
)
PERSON = IndexedKind(
    "person",
    "person",
    "{row}.name",
    "coalesce({row}.email, '')",
    ("name", "email"),
    keys=(("title_length", "integer", "length({row}.name)"),),
)
ROLE = IndexedKind(
    "role",
    "role",
    "coalesce({row}.title, '')",
    "coalesce((SELECT p.name FROM person AS p WHERE p.id = {row}.person_id), '') || ' ' || "
    "coalesce((SELECT o.name FROM organisation AS o WHERE o.id = {row}.organisation_id), '')",
    ("title", "person_id", "organisation_id"),
    # Roles rank by their person's name (``title_length``), current ones first (``ended_on``).
    keys=(
        ("title_length", "integer", "(SELECT length(p.name) FROM person AS p WHERE p.id = {row}.person_id)"),
        ("ended_on", "date", "{row}.ended_on"),
    ),
    key_columns=("ended_on",),
)
NOTE = IndexedKind("note", "note", "''", "coalesce({row}.text, '')", ("text",), contentless=True)

KINDS: tuple[IndexedKind, ...] = (ORGANISATION, PERSON, ROLE, NOTE)
# Role documents contain the person's and the organisation's name: renaming either re-indexes the roles.
ROLE_SOURCES: tuple[tuple[str, str], ...] = (("person", "person_id"), ("organisation", "organisation_id"))


# --- SQLite -------------------------------------------------------------------------------------------------


def sqlite_fold(expression: str) -> str:
    """``expression`` capped, with :data:`EXTRA_FOLDS` applied.

    The guards keep it cheap: most text is plain ASCII (the byte length equals the character length), and
    most of the rest holds none of the letters to fold; the replaces run only for the few that do.
    """
    capped = f"substr({expression}, 1, {MAX_INDEXED_CHARS})"
    folded = capped
    for source, target in EXTRA_FOLDS:
        folded = f"replace({folded}, '{source}', '{target}')"
    holds_one = " OR ".join(f"instr({expression}, '{source}')" for source, _target in EXTRA_FOLDS)
    return (
        f"(CASE WHEN length(CAST({expression} AS BLOB)) = length({expression}) THEN {capped} "
        f"WHEN {holds_one} THEN {folded} ELSE {capped} END)"
    )


def _sqlite_values(kind: IndexedKind, row: str) -> str:
    title = sqlite_fold(kind.title.format(row=row))
    body = sqlite_fold(kind.body.format(row=row))
    return body if kind.contentless else f"{title}, {body}"


def _sqlite_columns(kind: IndexedKind) -> str:
    return "body" if kind.contentless else "title, body"


def sqlite_insert(kind: IndexedKind, row: str) -> str:
    """Index the row called ``row`` (``new`` in a trigger)."""
    columns, values = _sqlite_columns(kind), _sqlite_values(kind, row)
    return f"INSERT INTO {kind.index}(rowid, {columns}) VALUES ({row}.id, {values})"


def sqlite_delete(kind: IndexedKind, row: str) -> str:
    """Remove the row called ``row`` (``old`` in a trigger) from the index."""
    if kind.contentless:
        return (
            f"INSERT INTO {kind.index}({kind.index}, rowid, body) "
            f"VALUES ('delete', {row}.id, {_sqlite_values(kind, row)})"
        )
    return f"DELETE FROM {kind.index} WHERE rowid = {row}.id"


def sqlite_fill(kind: IndexedKind) -> str:
    """Index every row of the base table (after creating or emptying the index)."""
    return (
        f"INSERT INTO {kind.index}(rowid, {_sqlite_columns(kind)}) "
        f"SELECT r.id, {_sqlite_values(kind, 'r')} FROM {kind.table} AS r"
    )


def sqlite_empty(kind: IndexedKind) -> str:
    if kind.contentless:
        return f"INSERT INTO {kind.index}({kind.index}) VALUES ('delete-all')"
    return f"DELETE FROM {kind.index}"


def sqlite_triggers(kind: IndexedKind) -> dict[str, str]:
    """Trigger name -> CREATE TRIGGER statement."""
    running = f"NOT EXISTS ({PAUSED})"
    changed = " OR ".join(f"old.{column} IS NOT new.{column}" for column in ("id", *kind.columns))
    of = ", ".join(("id", *kind.columns))
    triggers = {
        f"{kind.index}_ai": f"AFTER INSERT ON {kind.table} WHEN {running} BEGIN {sqlite_insert(kind, 'new')}; END",
        f"{kind.index}_ad": f"AFTER DELETE ON {kind.table} WHEN {running} BEGIN {sqlite_delete(kind, 'old')}; END",
        f"{kind.index}_au": (
            f"AFTER UPDATE OF {of} ON {kind.table} WHEN ({changed}) AND {running} BEGIN "
            f"{sqlite_delete(kind, 'old')}; {sqlite_insert(kind, 'new')}; END"
        ),
    }
    if kind is ROLE:
        for table, column in ROLE_SOURCES:
            triggers[f"search_role_{table}_au"] = (
                f"AFTER UPDATE OF name ON {table} WHEN old.name IS NOT new.name AND {running} BEGIN "
                f"DELETE FROM search_role WHERE rowid IN (SELECT id FROM role WHERE {column} = new.id); "
                f"INSERT INTO search_role(rowid, title, body) SELECT r.id, {_sqlite_values(ROLE, 'r')} "
                f"FROM role AS r WHERE r.{column} = new.id; END"
            )
    return {name: f"CREATE TRIGGER {name} {body}" for name, body in triggers.items()}


def sqlite_create(connection: Connection) -> None:
    for kind in KINDS:
        content = ", content=''" if kind.contentless else ""
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {kind.index} USING fts5({_sqlite_columns(kind)}{content}, "
            f"tokenize='{FTS5_TOKENIZER}', prefix='{FTS5_PREFIXES}')"
        )
        connection.exec_driver_sql(sqlite_fill(kind))
        for statement in sqlite_triggers(kind).values():
            connection.exec_driver_sql(statement)


def sqlite_drop(connection: Connection) -> None:
    """Drop every search trigger and table, whichever version of the index made them."""
    catalogue = "SELECT name FROM sqlite_master WHERE type = '{type}' AND name LIKE 'search!_%' ESCAPE '!'"
    for name in connection.scalars(text(catalogue.format(type="trigger"))).all():
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for kind in KINDS:  # the FTS5 tables first: dropping one drops its shadow tables
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {kind.index}")
    for name in connection.scalars(text(catalogue.format(type="table"))).all():
        connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"')


# --- PostgreSQL ---------------------------------------------------------------------------------------------

# Installed by the migration with the extension's schema filled in (unaccent is STABLE because its dictionary
# could change; naming the dictionary explicitly makes this wrapper safe to declare IMMUTABLE and index).
PG_NORMALISE = """
CREATE OR REPLACE FUNCTION search_normalise(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(
    {schema}.unaccent('{schema}.unaccent'::regdictionary, left(coalesce(value, ''), {cap})),
    '[^[:alnum:]]+', ' ', 'g'))
$$"""

PG_FUNCTIONS = (
    """
CREATE OR REPLACE FUNCTION search_vector(value text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('simple'::regconfig, search_normalise(value))
$$""",
    """
CREATE OR REPLACE FUNCTION search_document(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('simple'::regconfig, search_normalise(title)), 'A')
      || setweight(to_tsvector('simple'::regconfig, search_normalise(body)), 'B')
$$""",
    # Every word of the query as a prefix, all required; ``restrict_to`` 'A' restricts them to the title. The
    # words come from the same normalisation and parser as the documents, so the two always agree.
    # NULL: no words.
    """
CREATE OR REPLACE FUNCTION search_query(query text, restrict_to text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(quote_literal(word.lexeme) || ':*' || restrict_to, ' & ')::tsquery
  FROM unnest(to_tsvector('simple'::regconfig, search_normalise(query))) AS word
$$""",
)


def pg_document(kind: IndexedKind, row: str) -> str:
    return f"search_document({kind.title.format(row=row)}, {kind.body.format(row=row)})"


def _pg_columns(kind: IndexedKind, row: str) -> dict[str, str]:
    """Index table column -> the expression that fills it from the base row called ``row``."""
    columns = {"id": f"{row}.id", "document": pg_document(kind, row)}
    if kind.keys:
        columns["title"] = f"search_vector({kind.title.format(row=row)})"
        columns |= {name: expression.format(row=row) for name, _type, expression in kind.keys}
    return columns


def pg_fill(kind: IndexedKind, source: str = "") -> str:
    """Index the rows of ``source`` (a transition table; default: the whole base table)."""
    columns = _pg_columns(kind, "r")
    updates = ", ".join(f"{name} = excluded.{name}" for name in columns if name != "id")
    return (
        f"INSERT INTO {kind.index}({', '.join(columns)}) SELECT {', '.join(columns.values())} "
        f"FROM {source or kind.table} AS r ON CONFLICT (id) DO UPDATE SET {updates}"
    )


# GIN's pending list (``fastupdate``) is read in full by every query until it is merged, and the default lets
# it grow to 4 MB: all 12,000 persons after a rebuild, thousands of notes after a day's writes. The smallest
# limit keeps the batching for bulk writes and leaves searches next to nothing to scan.
PG_GIN_OPTIONS = "WITH (gin_pending_list_limit = 64)"


def pg_create_index(kind: IndexedKind) -> str:
    return f"CREATE INDEX ix_{kind.index}_document ON {kind.index} USING gin (document) {PG_GIN_OPTIONS}"


def pg_statements(kind: IndexedKind) -> Iterator[str]:
    """The table, index, trigger functions and triggers of one kind."""
    index, table = kind.index, kind.table
    keys = "".join(f", {name} {type_}" for name, type_, _expression in kind.keys)
    title = ", title tsvector" if kind.keys else ""  # nullable: a fill by 0005 after a downgrade works
    yield f"CREATE TABLE {index} (id integer PRIMARY KEY, document tsvector NOT NULL{title}{keys})"
    yield pg_fill(kind)
    yield pg_create_index(kind)  # after the fill: built in bulk, nothing left pending
    yield _pg_function(f"{index}_inserted", pg_fill(kind, "new_rows"))
    yield _pg_function(f"{index}_deleted", f"DELETE FROM {index} AS s USING old_rows AS r WHERE s.id = r.id")
    yield _pg_function(
        f"{index}_updated",
        f"DELETE FROM {index} WHERE id = OLD.id AND OLD.id <> NEW.id; {pg_fill(kind, '(SELECT NEW.*)')}",
    )
    yield (
        f"CREATE TRIGGER {index}_ai AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {index}_inserted()"
    )
    yield (
        f"CREATE TRIGGER {index}_ad AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {index}_deleted()"
    )
    watched = ("id", *kind.columns, *kind.key_columns)
    changed = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in watched)
    yield (
        f"CREATE TRIGGER {index}_au AFTER UPDATE OF {', '.join(watched)} ON {table} "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {index}_updated()"
    )
    if kind is ROLE:
        for source, column in ROLE_SOURCES:
            yield _pg_function(
                f"search_role_{source}_renamed",
                f"{pg_fill(ROLE, f'(SELECT * FROM role WHERE {column} = NEW.id)')}",
            )
            yield (
                f"CREATE TRIGGER search_role_{source}_au AFTER UPDATE OF name ON {source} FOR EACH ROW "
                f"WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION search_role_{source}_renamed()"
            )


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n  IF NOT EXISTS ({PAUSED}) THEN\n    {body};\n  END IF;\n  RETURN NULL;\nEND\n$$"
    )


def pg_trigger_names() -> list[str]:
    names = [f"{kind.index}_{suffix}" for kind in KINDS for suffix in ("ai", "ad", "au")]
    return [*names, *(f"search_role_{source}_au" for source, _column in ROLE_SOURCES)]


def sqlite_trigger_names() -> list[str]:
    return [name for kind in KINDS for name in sqlite_triggers(kind)]


def pg_create(connection: Connection) -> None:
    connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema = connection.scalar(
        text(
            "SELECT n.nspname FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'"
        )
    )
    quoted = '"' + str(schema).replace('"', '""') + '"'
    connection.exec_driver_sql(PG_NORMALISE.format(schema=quoted, cap=MAX_INDEXED_CHARS))
    for statement in PG_FUNCTIONS:
        connection.exec_driver_sql(statement)
    for kind in KINDS:
        for statement in pg_statements(kind):
            connection.exec_driver_sql(statement)


def pg_drop(connection: Connection) -> None:
    """Drop every search trigger, function and table in this schema, whichever version of the index made them."""
    triggers = connection.execute(
        text(
            "SELECT t.tgname, c.relname FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal AND t.tgname LIKE 'search!_%' ESCAPE '!' "
            "AND c.relnamespace = current_schema()::regnamespace"
        )
    ).all()
    for trigger, table in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{trigger}" ON "{table}"')
    tables = connection.scalars(
        text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename LIKE 'search!_%' ESCAPE '!'"
        )
    ).all()
    for table in tables:
        connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{table}"')
    functions = connection.scalars(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc AS p "
            "WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'search!_%' ESCAPE '!'"
        )
    ).all()
    for function in functions:
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {function}")


def create(connection: Connection) -> None:
    """Create and fill the index on this connection's backend (migration 0002)."""
    if connection.dialect.name == "sqlite":
        sqlite_create(connection)
    else:
        pg_create(connection)


def drop(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        sqlite_drop(connection)
    else:
        pg_drop(connection)


def recreate(connection: Connection) -> None:
    """Replace whatever index the database has with the current one, filled from the tables."""
    drop(connection)
    create(connection)
