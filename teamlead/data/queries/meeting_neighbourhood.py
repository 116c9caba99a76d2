"""What the meeting dialogs' neighbourhood field offers: every neighbourhood (the field shows those of the district
chosen in the form) and the one the meeting is about now."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from teamlead.data.meetings import meeting_neighbourhood
from teamlead.data.queries.districts import NeighbourhoodRef, neighbourhoods_of


@dataclass(frozen=True, slots=True)
class NeighbourhoodChoices:
    neighbourhoods: tuple[NeighbourhoodRef, ...]
    current: int | None
    """The meeting's neighbourhood (None: a new meeting, or one about no neighbourhood)."""


def meeting_neighbourhood_choices(session: Session, meeting_id: int | None = None) -> NeighbourhoodChoices:
    current = None
    if meeting_id is not None:
        current = session.scalar(
            select(meeting_neighbourhood.c.neighbourhood_id).where(
                meeting_neighbourhood.c.meeting_id == meeting_id
            )
        )
    return NeighbourhoodChoices(tuple(neighbourhoods_of(session)), current)
