"""Put who-may-see-what in place on a shared PostgreSQL database: group roles, grants, helper functions and
row-level security. Idempotent: every ``teamlead users`` change and every upgrade runs it again, so a table a
newer schema added gets its policies and a search trigger recreated by a migration runs as its owner again.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import Connection, text

from teamlead.data.access.city import install_city
from teamlead.data.access.names import (
    DISTRICT_GROUPS,
    Group,
    database_prefix,
    district_role,
    group_role,
    quoted,
)
from teamlead.data.access.policies import AUDIT, DISTRICT_DATA, SEARCH_INDEX, SHARED, Reach, audit_reach
from teamlead.data.admin import CALENDAR_KEY

POLICY_PREFIX = "teamlead_"


def _functions(prefix: str) -> list[str]:
    """The helpers every policy calls. They read only the catalogs, as the caller (``current_user`` is who is
    asking), except :func:`teamlead_organisations_in`, which must read organisations and the neighbourhoods
    they serve past their own policies (else those policies would call each other without end), and so runs as
    its owner, with the caller's districts as its argument."""
    admin = group_role(prefix, Group.ADMIN)
    districts = district_role(prefix, 0)[:-1]  # "<prefix>_d"
    return [
        "CREATE OR REPLACE FUNCTION teamlead_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$ "
        f"SELECT pg_has_role(current_user, '{admin}', 'USAGE') OR pg_has_role(current_user, "
        "(SELECT c.relowner FROM pg_class AS c WHERE c.oid = 'teamlead_meta'::regclass), 'USAGE') $$",
        # PL/pgSQL keeps its plans for the session; an SQL function that cannot be inlined is planned anew on
        # every call, and these are called once per table of every statement.
        "CREATE OR REPLACE FUNCTION teamlead_districts() RETURNS integer[] LANGUAGE plpgsql STABLE AS $$ BEGIN "
        f"RETURN (SELECT coalesce(array_agg(substr(r.rolname, {len(districts) + 1})::integer ORDER BY r.rolname), "
        f"'{{}}'::integer[]) FROM pg_roles AS r WHERE starts_with(r.rolname, '{districts}') "
        f"AND substr(r.rolname, {len(districts) + 1}) ~ '^[0-9]+$' "
        "AND pg_has_role(current_user, r.oid, 'USAGE')); END $$",
        "CREATE OR REPLACE FUNCTION teamlead_transaction() RETURNS bigint LANGUAGE sql STABLE AS $$ "
        "SELECT mod(pg_current_xact_id_if_assigned()::text::bigint, 4294967296) $$",
        "CREATE OR REPLACE FUNCTION teamlead_may_read_district(district integer) RETURNS boolean "
        "LANGUAGE sql STABLE AS $$ SELECT teamlead_sees_all() OR district = ANY (teamlead_districts()) $$",
        "CREATE OR REPLACE FUNCTION teamlead_organisations_in(districts integer[], serving boolean) "
        # Running as its owner, it takes only the districts the person logged in (session_user) works in: no
        # one learns another district's organisation ids by passing its id. A UNION of two index scans: an OR
        # of both conditions scanned every organisation of the city, at every call.
        "RETURNS integer[] LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$ BEGIN "
        "districts := ARRAY(SELECT d FROM unnest(districts) AS d WHERE coalesce(pg_has_role(session_user, "
        f"to_regrole('{districts}' || d), 'USAGE'), false)); "
        "RETURN ARRAY(SELECT o.id FROM organisation AS o WHERE o.district_id = ANY (districts) "
        "UNION SELECT x.organisation_id FROM organisation_neighbourhood AS x "
        "JOIN neighbourhood AS n ON n.id = x.neighbourhood_id WHERE serving AND n.district_id = ANY (districts)); "
        "END $$",
        "CREATE OR REPLACE FUNCTION teamlead_reachable_organisations() RETURNS integer[] LANGUAGE plpgsql "
        "STABLE AS $$ BEGIN RETURN teamlead_organisations_in(teamlead_districts(), true); END $$",
        "CREATE OR REPLACE FUNCTION teamlead_home_organisations() RETURNS integer[] LANGUAGE plpgsql STABLE "
        "AS $$ BEGIN RETURN teamlead_organisations_in(teamlead_districts(), false); END $$",
    ]


def create_groups(connection: Connection, prefix: str) -> None:
    """The role groups and one per district, those missing (an administrator may do this; policies need the owner)."""
    existing = set(
        connection.scalars(text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"), {"p": prefix})
    )
    for group in Group:
        role = group_role(prefix, group)
        if role not in existing:
            connection.exec_driver_sql(f"CREATE ROLE {quoted(role)} NOLOGIN")
    district_ids = connection.scalars(text("SELECT id FROM district")).all()
    for district_id in district_ids:
        role = district_role(prefix, district_id)
        if role not in existing:
            connection.exec_driver_sql(f"CREATE ROLE {quoted(role)} NOLOGIN")


def _tables(connection: Connection) -> set[str]:
    return set(
        connection.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
    )


def _grant(connection: Connection, prefix: str, tables: set[str]) -> None:
    groups = {group: quoted(group_role(prefix, group)) for group in Group}
    everyone = ", ".join(groups.values())
    workers = ", ".join(groups[group] for group in DISTRICT_GROUPS)
    schema = connection.scalar(text("SELECT current_schema()"))
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA {quoted(str(schema))} TO {everyone}")
    database = connection.scalar(text("SELECT current_database()"))
    connection.exec_driver_sql(f"GRANT CONNECT ON DATABASE {quoted(str(database))} TO {everyone}")
    for table in sorted(tables):
        name = quoted(table)
        connection.exec_driver_sql(f"REVOKE ALL ON {name} FROM {everyone}")
        connection.exec_driver_sql(f"GRANT SELECT ON {name} TO {everyone}")
        connection.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {groups[Group.ADMIN]}")
        if table in DISTRICT_DATA or table == AUDIT:
            connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {name} TO {workers}")
    # Team leads keep the retention period (in teamlead_meta); colleagues may neither change it nor erase.
    connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON teamlead_meta TO {groups[Group.TEAMLEAD]}")
    connection.exec_driver_sql(f"REVOKE DELETE ON person FROM {groups[Group.COLLEAGUE]}")
    connection.exec_driver_sql(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quoted(str(schema))} TO {everyone}"
    )
    connection.exec_driver_sql(
        "REVOKE ALL ON FUNCTION teamlead_organisations_in(integer[], boolean) FROM PUBLIC"
    )
    connection.exec_driver_sql(
        f"GRANT EXECUTE ON FUNCTION teamlead_organisations_in(integer[], boolean) TO {everyone}"
    )


def _owner(connection: Connection) -> str:
    """The role owning the tables (the migration owner): it reads and writes every row, as administrators do."""
    # regrole's text is the name quoted where it needs to be.
    return str(
        connection.scalar(
            text(
                "SELECT c.relowner::regrole::text FROM pg_class AS c WHERE c.oid = 'teamlead_meta'::regclass"
            )
        )
    )


def _policy_statements(table: str, reach: Reach, prefix: str, owner: str) -> list[str]:
    """Administrators and the owner get one policy passing every row; the other groups get the table's reach.

    Each policy names the roles it is for, so a team lead's query is planned with their reach alone: a
    "sees everything OR reach" in one policy kept the planner from the indexes (every note of the city was
    scanned to find one district's) and made a team lead's dashboard twice as slow as the owner's."""
    read, write, insert = reach.sql(table)
    name = quoted(table)
    everyone_else = ", ".join(
        quoted(group_role(prefix, group)) for group in Group if group is not Group.ADMIN
    )
    return [
        f"CREATE POLICY teamlead_all ON {name} FOR ALL TO {quoted(group_role(prefix, Group.ADMIN))}, {owner} "
        "USING (true) WITH CHECK (true)",
        f"CREATE POLICY teamlead_read ON {name} FOR SELECT TO {everyone_else} USING ({read})",
        f"CREATE POLICY teamlead_insert ON {name} FOR INSERT TO {everyone_else} WITH CHECK ({insert})",
        f"CREATE POLICY teamlead_update ON {name} FOR UPDATE TO {everyone_else} USING ({write}) "
        f"WITH CHECK ({write})",
        f"CREATE POLICY teamlead_delete ON {name} FOR DELETE TO {everyone_else} USING ({write})",
        f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY",
    ]


def _install_policies(connection: Connection, table: str, statements: list[str]) -> None:
    for old in connection.scalars(
        text("SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND tablename = :t"),
        {"t": table},
    ):
        connection.exec_driver_sql(f"DROP POLICY {quoted(old)} ON {quoted(table)}")
    for statement in statements:
        connection.exec_driver_sql(statement)


def _search_triggers_as_owner(connection: Connection) -> None:
    """The search index's trigger functions run as their owner: a user's insert indexes its own rows only
    anyway, and a delete must remove index rows whose record (already gone) no policy lets anyone see."""
    functions = connection.scalars(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc AS p WHERE p.pronamespace = current_schema()::regnamespace "
            "AND p.proname LIKE 'search!_%' ESCAPE '!' AND p.prorettype = 'trigger'::regtype AND NOT p.prosecdef"
        )
    ).all()
    for function in functions:
        connection.exec_driver_sql(f"ALTER FUNCTION {function} SECURITY DEFINER SET search_path FROM CURRENT")


def _calendar_identity(connection: Connection) -> None:
    """The database's calendar identity, stored now by the owner when no export stored it yet: the first export
    would, but a colleague may not write ``teamlead_meta`` and their first calendar would be refused."""
    connection.execute(
        text("INSERT INTO teamlead_meta (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING"),
        {"k": CALENDAR_KEY, "v": uuid.uuid4().hex},
    )


def reaches(connection: Connection) -> dict[str, Reach]:
    """Every table under row-level security in this database, with its reach."""
    tables = _tables(connection)
    covered = {name: reach for name, reach in (DISTRICT_DATA | SEARCH_INDEX).items() if name in tables}
    if AUDIT in tables:
        columns = set(
            connection.scalars(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = :t"
                ),
                {"t": AUDIT},
            )
        )
        covered[AUDIT] = audit_reach(columns)
    return covered


def _fingerprint(functions: list[str], policies: dict[str, list[str]], tables: set[str]) -> str:
    """What the installed access consists of, so an unchanged one is left alone (replacing a policy locks
    its table against every reader until the transaction ends)."""
    parts = [*functions, *sorted(tables), *(f"{t}:{policies[t]}" for t in sorted(policies))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def install_access(connection: Connection) -> str:
    """Install (again) groups, grants, helpers and policies; returns the database's role prefix. Needs a
    connection that owns the tables and may create roles (the migration owner). Cheap when nothing changed:
    then only the roles of districts added since are created."""
    prefix = database_prefix(connection)
    create_groups(connection, prefix)
    tables = _tables(connection)
    unclassified = tables - set(DISTRICT_DATA) - set(SEARCH_INDEX) - SHARED - {AUDIT, "alembic_version"}
    if unclassified:
        raise RuntimeError(f"tables without an access rule: {sorted(unclassified)}")
    functions = _functions(prefix)
    owner = _owner(connection)
    policies = {
        table: _policy_statements(table, reach, prefix, owner) for table, reach in reaches(connection).items()
    }
    fingerprint = _fingerprint(functions, policies, tables)
    installed = connection.scalar(
        text("SELECT obj_description(to_regprocedure('teamlead_sees_all()'), 'pg_proc')")
    )
    if installed != fingerprint:
        for statement in functions:
            connection.exec_driver_sql(statement)
        _grant(connection, prefix, tables)
        for table, statements in policies.items():
            _install_policies(connection, table, statements)
        connection.exec_driver_sql(f"COMMENT ON FUNCTION teamlead_sees_all() IS '{fingerprint}'")
    _search_triggers_as_owner(connection)
    _calendar_identity(connection)
    install_city(connection)
    return prefix


def access_installed(connection: Connection) -> bool:
    """Whether this database has Teamlead's groups (and so its policies)."""
    if connection.dialect.name != "postgresql":
        return False
    prefix = database_prefix(connection)
    role = group_role(prefix, Group.ADMIN)
    return bool(connection.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": role}))
