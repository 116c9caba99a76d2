"""The database's own identity, so that a meeting keeps the same iCalendar UID in every export.

UIDs made from record ids alone would collide between two districts' databases imported into one calendar;
a random UUID stored once in ``teamlead_meta`` makes them unique per database and stable over exports.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from teamlead.data.admin import CALENDAR_KEY, Meta


def database_uid(session: Session, *, store: bool = True) -> str:
    """The database's calendar identity, created on first use (the caller's transaction stores it). Without
    ``store`` (a database opened read-only) a missing one is made up for this export only, so its events get
    other UIDs next time, until an export from a writable database stores one."""
    meta = session.get(Meta, CALENDAR_KEY)
    if meta is not None:
        return meta.value
    value = uuid.uuid4().hex
    if store:
        session.add(Meta(key=CALENDAR_KEY, value=value))
        session.flush()
    return value


def meeting_uid(database: str, meeting_id: int) -> str:
    return f"meeting-{meeting_id}-{database}@teamlead"


def series_uid(database: str, series_id: int) -> str:
    return f"series-{series_id}-{database}@teamlead"
