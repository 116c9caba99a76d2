"""What the app's frame asks the database besides the dashboard lists: is it empty, which district to show."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement
from teamlead.data.geography import District
from teamlead.data.meetings import Meeting
from teamlead.data.notes import Note
from teamlead.data.roster import Organisation, Person

RECORD_TABLES = (Organisation, Person, Note, Meeting, Agreement)


def has_records(session: Session) -> bool:
    """Whether the database holds any organisation, person, note, meeting or agreement.

    The default domains don't count: a database with only those is empty, and the app offers demo data.
    """
    return any(session.scalar(select(exists().select_from(table))) for table in RECORD_TABLES)


@dataclass(frozen=True, slots=True)
class DistrictChoice:
    id: int
    name: str


def district_choices(session: Session) -> list[DistrictChoice]:
    """All districts by name, for the settings dialog's default district."""
    return [DistrictChoice(id, name) for id, name in session.execute(select(District.id, District.name))]


def _district_key(name: str) -> str:
    return re.sub(r"[\s\-_]+", "", name).casefold()


def find_district(session: Session, name: str | None) -> DistrictChoice | None:
    """The district called ``name``, ignoring case, spaces and dashes (``nieuw west`` is ``Nieuw-West``)."""
    if not name:
        return None
    wanted = _district_key(name)
    for choice in district_choices(session):
        if _district_key(choice.name) == wanted:
            return choice
    return None
