"""Is the database empty? A new one is offered demo data or an import instead of an empty window."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement
from teamlead.data.meetings import Meeting
from teamlead.data.notes import Note
from teamlead.data.roster import Organisation, Person

RECORD_TABLES = (Organisation, Person, Note, Meeting, Agreement)


def has_records(session: Session) -> bool:
    """Whether the database holds any organisation, person, note, meeting or agreement.

    The default domains don't count: a database with only those is empty, and the app offers demo data.
    """
    return any(session.scalar(select(exists().select_from(table))) for table in RECORD_TABLES)
