"""The city's two paths into a shared database: read-only views of the city-audience columns, and counts.

A city user reads no note and no person (row-level security gives the city group no district), yet the city
report is built from them. So the city group gets a schema of its own, ``teamlead_city``, and nothing else:

- views named after the tables they show, with exactly the columns a city-audience report prints or counts
  by (meetings without minutes or invitees, agreements without responsible person or status-change comments,
  organisations with name, domain, neighbourhoods and the dates their active status is rebuilt from, reflection
  answers, narratives, indicators, and the shared lists). Each view reads through a function that runs as its
  owner, because the policies ask who the *caller* is, and the caller of a view is still the city user;
- counts-only functions, run as their owner, for everything counted from notes, persons and invitees. They take
  whole quarters only (refused otherwise) and return counts per quarter, per meeting as the Meetings sheet shows
  them, or per pair of partners as the network's links do: nothing finer than the report shows.

Because the views carry the tables' names, the district report's own queries run unchanged on them with the
schema as ``search_path`` (:func:`city_reading`); a query that strays to a note finds no such relation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from sqlalchemy import Connection, literal_column, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from teamlead.data.access.names import Group, database_prefix, group_role, quoted
from teamlead.data.attendance import attendance_statement
from teamlead.data.meetings import Invitee
from teamlead.rules.vocabulary import UNTHEMED, Attendance, MeetingStatus, NoteKind, OrganisationStatus

SCHEMA: Final = "teamlead_city"
CITY_KEY: Final = "teamlead_city"
"""``session.info`` key: set while the district report is gathered through the city's paths."""

VIEWS: Final[dict[str, tuple[str, ...]]] = {
    "district": ("id", "name"),
    "domain": ("id", "key", "name", "position"),
    "theme": ("id", "key", "name", "position"),
    "neighbourhood": ("id", "district_id", "name"),
    "organisation": ("id", "name", "district_id", "domain_id", "status", "joined_on", "left_on"),
    "organisation_neighbourhood": ("organisation_id", "neighbourhood_id"),
    "meeting": (
        "id",
        "district_id",
        "kind",
        "title",
        "starts_at",
        "status",
        "reflection_goes_well",
        "reflection_can_improve",
        "reflection_do_ourselves",
        "reflection_need_help",
    ),
    "agreement": ("id", "district_id", "text", "made_on", "due_on", "status"),
    "agreement_organisation": ("agreement_id", "organisation_id", "position"),
    "agreement_status_change": ("id", "agreement_id", "changed_at", "to_status"),
    "narrative": ("id", "district_id", "period_from", "period_to", "text"),
    "indicator": ("id", "neighbourhood_id", "name", "year", "value"),
}
"""Each view and its columns: the city-audience columns, nothing else."""

_TODAY = "(now() AT TIME ZONE 'Europe/Amsterdam')::date"


def _midnight(day: str) -> str:
    return f"(({day})::timestamp AT TIME ZONE 'Europe/Amsterdam')"


def _active_on(day: str) -> str:
    """An organisation's active status on ``day``, rebuilt from its dates as
    :meth:`teamlead.reporting.facts.OrganisationFact.active_on` does (a second home: keep them alike)."""
    return (
        f"((o.joined_on IS NULL OR o.joined_on <= {day}) AND NOT (o.left_on IS NOT NULL AND o.left_on <= {day} "
        f"AND (o.joined_on IS NULL OR o.left_on >= o.joined_on)) AND (o.status = '{OrganisationStatus.ACTIVE}' "
        f"OR (o.left_on IS NOT NULL AND o.left_on > {day})))"
    )


def _attendance_sql() -> str:
    """Invitees, present and recorded of meeting ``m``: the normal path's own query, compiled for PostgreSQL,
    narrowed to one meeting so that it is run per meeting of the span through the invitees' index."""
    statement = attendance_statement().where(Invitee.meeting_id == literal_column("m.id"))
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _counting(name: str, returns: str, body: str) -> str:
    """A counting function: whole quarters only, as its owner, ``last`` capped at today in Amsterdam."""
    return (
        f"CREATE OR REPLACE FUNCTION {SCHEMA}.{name}(p_district integer, p_first date, p_last date) "
        f"RETURNS {returns} LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$ "
        "#variable_conflict use_column\n"
        f"DECLARE p_day date := least(p_last, {_TODAY}); BEGIN "
        f"PERFORM {SCHEMA}.whole_quarters(p_first, p_last); {body} END $$"
    )


def _functions() -> list[str]:
    signal = f"n.district_id = p_district AND n.kind = '{NoteKind.SIGNAL}'"
    first_ask = "(SELECT min(a.asked_at) FROM signal_ask AS a WHERE a.round_id = r.id)"
    return [
        f"CREATE OR REPLACE FUNCTION {SCHEMA}.whole_quarters(p_first date, p_last date) RETURNS void "
        "LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN IF p_first IS NULL OR p_last IS NULL OR p_last < p_first "
        "OR p_first <> date_trunc('quarter', p_first)::date "
        "OR p_last <> (date_trunc('quarter', p_last) + interval '3 months' - interval '1 day')::date THEN "
        "RAISE EXCEPTION 'Teamlead counts for the city cover whole quarters only, not % – %', p_first, p_last "
        "USING ERRCODE = '22023'; END IF; END $$",
        # Contact moments per quarter and kind, up to today.
        _counting(
            "notes",
            "TABLE(quarter date, kind text, moments bigint)",
            "RETURN QUERY SELECT date_trunc('quarter', n.occurred_on)::date, n.kind::text, count(*) "
            "FROM note AS n WHERE n.district_id = p_district AND n.occurred_on BETWEEN p_first AND p_day "
            "GROUP BY 1, 2;",
        ),
        # How many of the partners active on the last day one of the district's contact moments of the span names.
        _counting(
            "contacted",
            "bigint",
            f"RETURN (SELECT count(*) FROM organisation AS o WHERE o.district_id = p_district AND {_active_on('p_day')} "
            "AND EXISTS (SELECT 1 FROM note_organisation AS x JOIN note AS n ON n.id = x.note_id "
            "WHERE x.organisation_id = o.id AND n.district_id = p_district "
            "AND n.occurred_on BETWEEN p_first AND p_day));",
        ),
        # Signals: closed, with feedback, the median hours to the first partner asked, and per theme key.
        _counting(
            "signals",
            "TABLE(figure text, value double precision)",
            "RETURN QUERY WITH s AS (SELECT n.occurred_on AS day, r.id AS round_id, r.closed_on, r.feedback_on, "
            f"CASE WHEN {first_ask} <= now() THEN (extract(epoch FROM {first_ask}) - extract(epoch FROM r.came_in_at))"
            "::double precision / 3600 END AS hours FROM note AS n LEFT JOIN signal_round AS r ON r.note_id = n.id "
            f"WHERE {signal}), "
            "hours AS (SELECT array_agg(s.hours ORDER BY s.hours) AS h FROM s "
            "WHERE s.day BETWEEN p_first AND p_day AND s.hours IS NOT NULL) "
            "SELECT 'closed', count(*)::double precision FROM s WHERE s.closed_on BETWEEN p_first AND p_day "
            "UNION ALL SELECT 'feedback', count(*)::double precision FROM s WHERE s.closed_on BETWEEN p_first "
            f"AND p_day AND s.feedback_on <= {_TODAY} "
            "UNION ALL SELECT 'median', CASE WHEN h IS NULL THEN NULL WHEN cardinality(h) % 2 = 1 "
            "THEN h[(cardinality(h) + 1) / 2] ELSE (h[cardinality(h) / 2] + h[cardinality(h) / 2 + 1]) / 2 END "
            "FROM hours "
            "UNION ALL SELECT 'theme:' || coalesce(t.key, "
            f"'{UNTHEMED}'), count(*)::double precision FROM s LEFT JOIN signal_theme AS x ON x.round_id = s.round_id "
            "LEFT JOIN theme AS t ON t.id = x.theme_id WHERE s.day BETWEEN p_first AND p_day GROUP BY 1;",
        ),
        # Invitees, present and recorded per meeting of the span: the numbers the Meetings sheet shows.
        _counting(
            "attendance",
            "TABLE(meeting_id integer, invited bigint, present bigint, recorded bigint)",
            f"RETURN QUERY SELECT a.meeting_id, a.invited::bigint, a.present::bigint, a.recorded::bigint "
            f"FROM meeting AS m CROSS JOIN LATERAL ({_attendance_sql()}) AS a "
            f"WHERE m.district_id = p_district AND m.starts_at >= {_midnight('p_first')} "
            f"AND m.starts_at < {_midnight('p_last + 1')};",
        ),
        # The network's links from meetings held: per pair of partners present together, the summed weight
        # 1/(n-1) and the number of meetings; per partner the meetings it was present at (its activity).
        _counting(
            "meeting_links",
            "TABLE(source integer, target integer, weight double precision, meetings bigint)",
            "RETURN QUERY WITH present AS (SELECT DISTINCT i.meeting_id, i.organisation_id FROM invitee AS i "
            "JOIN meeting AS m ON m.id = i.meeting_id WHERE m.district_id = p_district "
            f"AND m.status <> '{MeetingStatus.CANCELLED}' AND m.starts_at >= {_midnight('p_first')} "
            f"AND m.starts_at < least({_midnight('p_last + 1')}, now()) "
            f"AND i.attendance = '{Attendance.PRESENT}' AND i.organisation_id IS NOT NULL), "
            "sizes AS (SELECT p.meeting_id, count(*) AS n FROM present AS p GROUP BY 1) "
            "SELECT a.organisation_id, b.organisation_id, sum(1::double precision / (z.n - 1)), count(*) "
            "FROM present AS a JOIN present AS b ON b.meeting_id = a.meeting_id "
            "AND a.organisation_id < b.organisation_id JOIN sizes AS z ON z.meeting_id = a.meeting_id "
            "GROUP BY 1, 2 UNION ALL SELECT p.organisation_id, NULL::integer, NULL::double precision, count(*) "
            "FROM present AS p GROUP BY 1;",
        ),
    ]


def _view_statements(connection: Connection, schema: str) -> list[str]:
    statements = []
    for view, columns in VIEWS.items():
        types: dict[str, str] = dict(
            connection.execute(
                text(
                    "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute AS a "
                    "WHERE a.attrelid = to_regclass(:t) AND a.attnum > 0 AND NOT a.attisdropped"
                ),
                {"t": f"{quoted(schema)}.{quoted(view)}"},
            ).all()
        )
        if not types:
            continue
        returns = ", ".join(f"{quoted(c)} {types[c]}" for c in columns)
        selected = ", ".join(f"r.{quoted(c)}" for c in columns)
        statements += [
            f"CREATE FUNCTION {SCHEMA}.{view}_rows() RETURNS TABLE({returns}) LANGUAGE sql STABLE "
            f"SECURITY DEFINER SET search_path FROM CURRENT AS $$ SELECT {selected} FROM {quoted(view)} AS r $$",
            f"CREATE VIEW {SCHEMA}.{quoted(view)} WITH (security_barrier) AS SELECT * FROM {SCHEMA}.{view}_rows()",
        ]
    return statements


def install_city(connection: Connection) -> None:
    """Put the city's views and counting functions in place (again, when they changed); idempotent. Needs the
    connection :func:`~teamlead.data.access.install.install_access` has (the owner of the tables)."""
    if connection.dialect.name != "postgresql":
        return
    schema = str(connection.scalar(text("SELECT current_schema()")))
    city = quoted(group_role(database_prefix(connection), Group.CITY))
    statements = [*_view_statements(connection, schema), *_functions()]
    fingerprint = hashlib.sha256("\n".join([schema, city, *statements]).encode()).hexdigest()
    installed = connection.scalar(
        text("SELECT obj_description(n.oid, 'pg_namespace') FROM pg_namespace AS n WHERE n.nspname = :s"),
        {"s": SCHEMA},
    )
    if installed == fingerprint:
        return
    connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
    connection.exec_driver_sql(f"CREATE SCHEMA {SCHEMA}")
    # The functions' own search_path ("SET search_path FROM CURRENT") is the tables' schema alone.
    before = connection.scalar(text("SELECT current_setting('search_path')"))
    connection.execute(
        text("SELECT set_config('search_path', :p, true)"), {"p": f"{quoted(schema)}, pg_temp"}
    )
    for statement in statements:
        connection.exec_driver_sql(statement.replace("%", "%%"))  # the driver reads % as a placeholder
    connection.execute(text("SELECT set_config('search_path', :p, true)"), {"p": before})
    connection.exec_driver_sql(f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC")
    connection.exec_driver_sql(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC")
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {city}")
    connection.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {city}")
    connection.exec_driver_sql(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {SCHEMA} TO {city}")
    connection.exec_driver_sql(f"COMMENT ON SCHEMA {SCHEMA} IS '{fingerprint}'")


def is_city_user(connection: Connection) -> bool:
    """Whether this connection is a city user's: a member of the city group, and neither a superuser nor
    anyone who sees everything (``pg_has_role`` says yes to a superuser for every role)."""
    if connection.dialect.name != "postgresql":
        return False
    role = group_role(database_prefix(connection), Group.CITY)
    found = connection.execute(
        text(
            "SELECT to_regrole(:r) IS NOT NULL, r.rolsuper FROM pg_roles AS r WHERE r.rolname = current_user"
        ),
        {"r": role},
    ).one_or_none()
    if found is None or not found[0] or found[1]:
        return False
    return bool(
        connection.scalar(
            text("SELECT pg_has_role(current_user, :r, 'USAGE') AND NOT teamlead_sees_all()"), {"r": role}
        )
    )


@contextmanager
def city_reading(session: Session) -> Iterator[bool]:
    """While inside, a city user's session reads the city's views in place of the tables (yields True);
    anyone else's session is left as it is (yields False)."""
    connection = session.connection()
    if not is_city_user(connection):
        yield False
        return
    before = connection.scalar(text("SELECT current_setting('search_path')"))
    connection.execute(text("SELECT set_config('search_path', :p, true)"), {"p": SCHEMA})
    session.info[CITY_KEY] = True
    try:
        yield True
    finally:
        session.info.pop(CITY_KEY, None)
        connection.execute(text("SELECT set_config('search_path', :p, true)"), {"p": before})


def reads_as_city(session: Session) -> bool:
    return bool(session.info.get(CITY_KEY))
