"""``generate_demo``: build the demo rows in plain Python, then bulk-insert them with Core in one transaction.

The check that the database is empty, the inserts and the sequence fix-up on PostgreSQL are one transaction: a
refusal, an error or a cancel leaves the database exactly as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from teamlead.data.base import Base
from teamlead.data.database import Database
from teamlead.data.models import (
    Agreement,
    District,
    Domain,
    Meeting,
    Narrative,
    Neighbourhood,
    Note,
    Offer,
    Organisation,
    Person,
    Theme,
)
from teamlead.data.search_maintenance import pause_search_index, rebuild_search_index
from teamlead.demo.agreements import add_agreements
from teamlead.demo.bulk import bulk_insert
from teamlead.demo.citywide import add_city_wide_partners
from teamlead.demo.contacts import add_key_contacts
from teamlead.demo.ecosystem import add_ecosystems
from teamlead.demo.meetings import add_meetings
from teamlead.demo.narratives import add_narratives, finish_agendas
from teamlead.demo.notes import add_notes
from teamlead.demo.roster import add_geography, add_organisations, add_people
from teamlead.demo.scales import SCALE_NAMES, SCALES, Scale
from teamlead.demo.signals import add_signal_rounds
from teamlead.demo.world import TABLES, Row, World
from teamlead.errors import UsageError, UserError
from teamlead.i18n import tr
from teamlead.rules.vocabulary import DEFAULT_DOMAINS, DEFAULT_THEMES

Progress = Callable[[float, str], None]
"""Called with the share done (0..1) and what is happening, in the user's language."""
Cancel = Callable[[], bool]
"""Returns True when the user asked to stop; checked between steps and insert batches."""

BATCH = 10_000
BUILD_SHARE = 0.45


class DemoCancelledError(UserError):
    """The user stopped the demo; nothing was written."""


class DatabaseNotEmptyError(UserError):
    """Demo data goes only into an empty database."""


@dataclass(frozen=True)
class DemoSummary:
    scale: str
    seed: int
    today: date
    counts: dict[str, int]  # rows made, per table
    seconds: float


def ensure_empty(session: Session, name: str) -> None:
    for model in (Organisation, Person, Note, Meeting, Agreement):
        if session.scalar(select(model.id).limit(1)) is not None:
            raise DatabaseNotEmptyError(
                tr(
                    "{name} already holds data (organisations, persons, notes, meetings or agreements). "
                    "Demo data only goes into an empty database: use --database with a new file.",
                    name=name,
                )
            )


def _prepare(
    session: Session, world: World
) -> tuple[dict[str, int], dict[tuple[int, str], int], set[tuple[int, date, date]]]:
    """Reuse what an otherwise empty database already has: districts, neighbourhoods, domains, narratives,
    themes and offers."""
    districts = {name: id_ for id_, name in session.execute(select(District.id, District.name))}
    neighbourhoods = {
        (district_id, name): id_
        for id_, district_id, name in session.execute(
            select(Neighbourhood.id, Neighbourhood.district_id, Neighbourhood.name)
        )
    }
    narratives: set[tuple[int, date, date]] = {
        (row[0], row[1], row[2])
        for row in session.execute(select(Narrative.district_id, Narrative.period_from, Narrative.period_to))
    }
    domains = {key: id_ for id_, key in session.execute(select(Domain.id, Domain.key)) if key}
    names = set(session.scalars(select(Domain.name)))
    created = world.moment(world.start, hour=8)
    for position, (key, english, _dutch) in enumerate(DEFAULT_DOMAINS):
        if key not in domains:
            domains[key] = world.new_id("domain")
            world.rows["domain"].append(
                {
                    "id": domains[key],
                    "key": key,
                    "name": english if english not in names else f"{english} ({key})",
                    "position": position,
                    **world.tracked(created),
                }
            )
    world.domains = domains
    # The default themes come with the database (their keys never change); the demo only uses them.
    themes = {key: id_ for id_, key in session.execute(select(Theme.id, Theme.key))}
    world.themes = {key: themes[key] for key, _english, _dutch in DEFAULT_THEMES if key in themes}
    world.offers = {
        name: id_ for id_, name in session.execute(select(Offer.id, Offer.name).order_by(Offer.id))
    }
    return districts, neighbourhoods, narratives


def _first_ids(session: Session) -> dict[str, int]:
    first = {}
    for name in TABLES:
        table = Base.metadata.tables[name]
        if "id" in table.c:
            first[name] = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return first


def generate_demo(
    database: Database,
    scale: str = "small",
    seed: int = 1,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> DemoSummary:
    """Fill an empty database with realistic demo data; deterministic for ``seed`` and ``today``.

    Raises :class:`DatabaseNotEmptyError` for a database with data, :class:`DemoCancelledError` when
    ``cancel`` said stop; in both cases the database is unchanged. Safe to call from a background thread.
    """
    if scale not in SCALES:
        raise UsageError(
            tr("Unknown scale {scale}: choose {choices}.", scale=scale, choices=", ".join(SCALE_NAMES))
        )
    plan = SCALES[scale]
    today = today or date.today()
    report = progress or (lambda share, message: None)

    def check() -> None:
        if cancel is not None and cancel():
            raise DemoCancelledError(tr("Making demo data was cancelled; the database is unchanged."))

    began = time.perf_counter()
    with database.begin() as session:
        ensure_empty(session, database.display_name())
        rows = build_rows(session, plan, seed, today, report, check)
        write_rows(session, rows, report, check)
        finish_load(session)
    counts = {name: len(table_rows) for name, table_rows in rows.items()}
    report(1.0, tr("Demo data is ready."))
    return DemoSummary(scale, seed, today, counts, time.perf_counter() - began)


def build_rows(
    session: Session,
    plan: Scale,
    seed: int,
    today: date,
    report: Progress | None = None,
    check: Callable[[], None] | None = None,
) -> dict[str, list[Row]]:
    """Every demo row, per table in insert order, built in plain Python (reads only what already exists)."""
    report = report or (lambda share, message: None)
    world = World(seed, today, _first_ids(session))
    world.check = check or (lambda: None)
    districts, neighbourhoods, narratives = _prepare(session, world)
    steps: tuple[tuple[str, Callable[[], object]], ...] = (
        (
            tr("Making districts and partners"),
            lambda: add_geography(world, plan.districts, districts, neighbourhoods),
        ),
        (tr("Making districts and partners"), lambda: add_partners(world, plan)),
        (tr("Making contact persons and roles"), lambda: add_people(world, plan)),
        (tr("Making contact persons and roles"), lambda: add_key_contacts(world)),
        (tr("Making two years of notes"), lambda: add_notes(world, plan)),
        (tr("Making two years of notes"), lambda: add_signal_rounds(world)),
    )
    for index, (message, step) in enumerate(steps):
        report(BUILD_SHARE * index / 9, message)
        step()
        world.check()
    report(BUILD_SHARE * 6 / 9, tr("Making meetings"))
    meetings = add_meetings(world, plan)
    report(BUILD_SHARE * 7 / 9, tr("Making agreements"))
    add_agreements(world, plan, meetings)
    report(BUILD_SHARE * 8 / 9, tr("Writing the quarterly narratives"))
    add_narratives(world, meetings, narratives)
    finish_agendas(world, meetings)
    add_ecosystems(world, meetings)
    world.finish_audit()
    return world.rows


def add_partners(world: World, plan: Scale) -> None:
    """Every district's own partners, then the city-wide ones (a demo of several districts only)."""
    add_organisations(world, plan)
    add_city_wide_partners(world)


def write_rows(
    session: Session,
    rows: dict[str, list[Row]],
    report: Progress | None = None,
    check: Callable[[], None] | None = None,
) -> None:
    """Bulk inserts (``COPY`` on PostgreSQL), parents first, in batches so progress moves and a cancel is
    noticed; the search index is paused meanwhile and rebuilt in one go at the end.

    Indexing row by row through the triggers cost about half the city demo's time on both backends; one
    rebuild over the finished tables takes a few seconds.
    """
    report = report or (lambda share, message: None)
    check = check or (lambda: None)
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # A big page cache keeps SQLite from spilling half-built index pages to disk during the one large
        # transaction; the connection's own setting is restored once the rows are in.
        default_cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql("PRAGMA cache_size=-262144")
    pause_search_index(connection)
    total = sum(len(table_rows) for table_rows in rows.values()) or 1
    done = 0
    for name in TABLES:
        table = Base.metadata.tables[name]
        table_rows = rows[name]
        for begin in range(0, len(table_rows), BATCH):
            batch = table_rows[begin : begin + BATCH]
            bulk_insert(connection, table, batch)
            done += len(batch)
            report(BUILD_SHARE + (1 - BUILD_SHARE) * done / total, tr("Saving demo data"))
            check()
    if not sqlite:
        reset_sequences(session, rows)
    rebuild_search_index(connection)
    if sqlite:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(default_cache or -2000)}")


def finish_load(session: Session) -> None:
    """Gather the statistics the query planner needs to use the indexes (SQLite ignores some of them until
    ``ANALYZE`` has run, PostgreSQL misjudges fresh tables), so the app is fast at once."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA analysis_limit=2000")
    connection.exec_driver_sql("ANALYZE")


def reset_sequences(session: Session, rows: dict[str, list[Row]]) -> None:
    """Explicit ids leave PostgreSQL's sequences behind: move them past the ids used, so new rows fit."""
    for name in TABLES:
        if rows[name] and "id" in Base.metadata.tables[name].c:
            session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))")
            )
