"""One import from start to end: read the file, choose the sheet, plan, and write it in one transaction.

The CLI and the wizard share this; the wizard stops between the steps to let the user adjust the column
mapping and the merges, the CLI runs them straight through.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from teamlead.data.database import Database
from teamlead.errors import UsageError
from teamlead.i18n import tr, trn
from teamlead.importing.apply import Cancel, ImportResult, Progress, apply_plan
from teamlead.importing.export_load import load_export
from teamlead.importing.export_read import is_export
from teamlead.importing.headers import Field, Layout, detect_layout
from teamlead.importing.indicators import IndicatorLayout, detect_indicator_layout, plan_indicators
from teamlead.importing.limits import refuse
from teamlead.importing.plan import Choices, Plan, build_plan
from teamlead.importing.readers import Source, Table


@dataclass(frozen=True, slots=True)
class Roster:
    """The sheet to import and how its columns are read."""

    table: Table
    layout: Layout


def choose_roster(source: Source, sheet: str | None = None) -> Roster:
    """The named sheet, else the first with a recognisable header; refused when there is none."""
    if sheet is not None:
        table = source.table(sheet)
        if table is None:
            raise UsageError(
                tr(
                    "There is no sheet {sheet} in {name}; its sheets are: {sheets}.",
                    sheet=sheet,
                    name=source.path.name,
                    sheets=", ".join(t.name for t in source.tables),
                )
            )
        candidates = [table]
    else:
        candidates = source.tables
    for table in candidates:
        layout = detect_layout(table)
        if layout is not None:
            return Roster(table, check_layout(source, layout))
    raise refuse(
        source.path,
        tr(
            "no recognisable header row. The roster needs a row of column names such as Organisatie, "
            "Naam, Functie, Telefoon, E-mail (or Organisation, Name, Role, Phone, Email)."
        ),
    )


def check_layout(source: Source, layout: Layout) -> Layout:
    if Field.ORGANISATION not in layout.columns:
        raise refuse(
            source.path,
            tr("there is no Organisation (Organisatie) column, so no row says which partner it is about."),
        )
    return layout


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the CLI prints: the plan's lines (with the summary), or the export's counts."""

    lines: list[str]
    result: ImportResult | None = None


def import_source(
    database: Database,
    source: Source,
    *,
    sheet: str | None = None,
    district: str | None = None,
    dry_run: bool = False,
    choices: Choices | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Outcome:
    """Import what :func:`~teamlead.importing.readers.read_file` read into ``database`` as one transaction
    (nothing at all with ``dry_run``)."""
    if is_export(source):
        return _import_export(database, source, dry_run)
    indicators = choose_indicators(source, sheet)
    if indicators is not None:
        return _import_indicators(database, *indicators, district=district, dry_run=dry_run)
    roster = choose_roster(source, sheet)
    if dry_run:
        with database.session() as session:
            plan = build_plan(
                session, roster.table, roster.layout, district=district, choices=choices, today=today
            )
            return Outcome(plan.lines())
    with database.begin() as session:
        plan = build_plan(
            session, roster.table, roster.layout, district=district, choices=choices, today=today
        )
        result = apply_plan(session, plan, progress=progress, cancel=cancel)
    return Outcome(plan.lines(), result)


def apply_in_transaction(
    database: Database,
    roster: Roster,
    *,
    district: str | None,
    choices: Choices,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[Plan, ImportResult]:
    """Plan again and write, in one transaction: what the wizard runs in the background at its end."""
    with database.begin() as session:
        plan = build_plan(
            session, roster.table, roster.layout, district=district, choices=choices, today=today
        )
        result = apply_plan(session, plan, progress=progress, cancel=cancel)
    return plan, result


def choose_indicators(source: Source, sheet: str | None = None) -> tuple[Table, IndicatorLayout] | None:
    """The indicators sheet to read: the named sheet when it is one, else the first recognisable sheet when it
    is one (a roster before it wins); None when the file is to be read as a roster."""
    candidates = source.tables if sheet is None else [table for table in source.tables if table.name == sheet]
    for table in candidates:
        layout = detect_indicator_layout(table)
        if layout is not None:
            return table, layout
        if detect_layout(table) is not None:
            return None
    return None


def _import_indicators(
    database: Database,
    table: Table,
    layout: IndicatorLayout,
    *,
    district: str | None,
    dry_run: bool,
) -> Outcome:
    from teamlead.services.indicators import replace_indicators

    with database.session(write=True) as session:  # a write: it waits for another program's to end
        transaction = session.begin()
        plan = plan_indicators(session, table, layout, district=district)
        replaced = replace_indicators(session, plan.figures)  # an error: closing rolls back
        if dry_run:
            transaction.rollback()
        else:
            transaction.commit()
    return Outcome(plan.lines(replaced))


def _import_export(database: Database, source: Source, dry_run: bool) -> Outcome:
    with database.session(write=True) as session:  # a write: it waits for another program's to end
        transaction = session.begin()
        counts = load_export(session, source)  # on an error, closing the session rolls back
        if dry_run:
            transaction.rollback()
        else:
            transaction.commit()
    lines = [f"{table}: {count}" for table, count in counts.items() if count]
    lines.append(
        tr(
            "export read back: {records} in {tables}",
            records=trn("{count} record", "{count} records", sum(counts.values())),
            tables=trn("{count} table", "{count} tables", sum(1 for count in counts.values() if count)),
        )
    )
    return Outcome(lines)
