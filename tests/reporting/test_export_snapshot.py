"""The export reads the database at one moment: what a colleague saves while it runs is wholly in or wholly out.

On PostgreSQL each statement would otherwise see the rows committed before it: a note saved between the
``note`` and the ``note_organisation`` sheets would leave a link to a row the workbook lacks.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from teamlead.data.database import Database
from teamlead.reporting.export import export_sheets, snapshot
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation


def test_the_export_reads_one_moment_while_a_colleague_saves(database: Database) -> None:
    with database.begin() as session:
        partner = add_organisation(session, OrganisationInput(name="Buurtwerk De Punt"))
        log_note(
            session, NoteInput(kind="call", text="Eerste", organisation_ids=[partner]), today=date(2026, 3, 2)
        )
    links: list[tuple[object, ...]] = []
    with snapshot(database) as connection:
        for sheet in export_sheets(connection, datetime(2026, 3, 2, tzinfo=UTC)):
            rows = [tuple(row) for row in sheet.rows]
            if sheet.name == "note":
                notes = {row[0] for row in rows}
                with database.begin() as session:  # a colleague, on another connection
                    log_note(
                        session,
                        NoteInput(kind="visit", text="Tweede", organisation_ids=[partner]),
                        today=date(2026, 3, 2),
                    )
            if sheet.name == "note_organisation":
                links = rows
    assert len(notes) == 1
    assert [link[0] for link in links] == sorted(notes)
