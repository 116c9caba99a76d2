"""Invitees, those present and those whose attendance was taken, per meeting: the one home of this count.

The district report reads it as a subquery; the city's counting function (:mod:`teamlead.data.access.city`)
is built from the same statement compiled for PostgreSQL, so both paths count attendance alike.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import Select, case, func, select

from teamlead.data.meetings import Invitee
from teamlead.rules.vocabulary import Attendance

RECORDED: Final = (Attendance.PRESENT, Attendance.EXCUSED, Attendance.ABSENT)
"""Attendance that was taken: an invitee still only "invited" says nothing about who came."""


def attendance_statement() -> Select[int, int, int, int]:
    """Per meeting: invitees, invitees present, and invitees whose attendance was recorded."""
    return select(
        Invitee.meeting_id,
        func.count().label("invited"),
        func.sum(case((Invitee.attendance == Attendance.PRESENT, 1), else_=0)).label("present"),
        func.sum(case((Invitee.attendance.in_(RECORDED), 1), else_=0)).label("recorded"),
    ).group_by(Invitee.meeting_id)
