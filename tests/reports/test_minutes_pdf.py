"""The minutes (verslag) of every held network meeting and local reflection of the district demo, made as
``teamlead report minutes`` makes them and read back with pypdf: the attendance counts and the agreements are
those the test asks of the database itself, and no minutes run past four pages.

The demo is made by ``teamlead demo --scale district --seed 1 --today 2026-03-02``; the minutes are made as of
noon that day, so the meetings before it are held and those after it are not.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement, AgreementStatusChange, agreement_meeting
from teamlead.data.database import Database, open_database
from teamlead.data.meetings import AgendaItem, Invitee, Meeting
from teamlead.errors import UserError
from teamlead.producing.minutes import minutes_request
from teamlead.producing.produce import produce, titled
from teamlead.reporting.minutes import MinutesItem, gather_minutes
from teamlead.reports.minutes_pdf import write_minutes_pdf
from teamlead.rules.clock import AMSTERDAM, local_day
from teamlead.rules.vocabulary import MeetingKind, MeetingStatus
from tests.reports.readback import pdf_text

TODAY = date(2026, 3, 2)
MADE = datetime(2026, 3, 2, 12, 0, tzinfo=AMSTERDAM)
MOST_PAGES = 4


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path = tmp_path_factory.mktemp("minutes") / "district.sqlite3"
    command = [sys.executable, "-m", "teamlead", "--database", str(path), "demo", "--scale", "district"]
    result = subprocess.run(
        [*command, "--seed", "1", "--today", TODAY.isoformat()], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return open_database(path)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _held(session: Session) -> list[tuple[int, str]]:
    return [
        (row.id, row.kind)
        for row in session.execute(
            select(Meeting.id, Meeting.kind)
            .where(
                Meeting.kind.in_([MeetingKind.NETWORK, MeetingKind.REFLECTION]),
                Meeting.status != MeetingStatus.CANCELLED,
                Meeting.starts_at <= MADE,
            )
            .order_by(Meeting.id)
        )
    ]


def _attendance(session: Session, meeting_id: int) -> Counter[str]:
    return Counter(
        dict(
            session.execute(
                select(Invitee.attendance, func.count())
                .where(Invitee.meeting_id == meeting_id)
                .group_by(Invitee.attendance)
            ).all()
        )
    )


def _status_when_begun(session: Session, agreement: Agreement, day: date) -> str:
    """The agreement's status at the start of ``day``: the last change before it, else its first status."""
    changes = session.execute(
        select(AgreementStatusChange.changed_at, AgreementStatusChange.to_status)
        .where(AgreementStatusChange.agreement_id == agreement.id)
        .order_by(AgreementStatusChange.changed_at, AgreementStatusChange.id)
    ).all()
    before = [status for changed_at, status in changes if local_day(changed_at) < day]
    if before:
        return before[-1]
    return changes[0][1] if changes else agreement.status


def _agreements(session: Session, meeting_id: int, day: date) -> tuple[list[str], list[str]]:
    """The texts of the agreements made in the meeting, and of those discussed there that were still open."""
    made = session.scalars(select(Agreement).where(Agreement.made_in_meeting_id == meeting_id)).all()
    linked = session.scalars(
        union(
            select(AgendaItem.agreement_id).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.agreement_id.is_not(None)
            ),
            select(agreement_meeting.c.agreement_id).where(agreement_meeting.c.meeting_id == meeting_id),
        )
    ).all()
    discussed = [
        agreement.text
        for agreement in session.scalars(select(Agreement).where(Agreement.id.in_(linked)))
        if agreement.made_in_meeting_id != meeting_id
        and _status_when_begun(session, agreement, day) in ("open", "in_progress")
    ]
    return [agreement.text for agreement in made], discussed


def _between(text: str, start: str, *ends: str) -> str:
    after = text.split(start, 1)[1]
    cut = min((after.index(end) for end in ends if end in after), default=len(after))
    return after[:cut]


def test_every_held_network_meeting_and_reflection_reads_back_within_four_pages(
    demo: Database, tmp_path: Path
) -> None:
    with demo.session() as session:
        held = _held(session)
    kinds = Counter(kind for _, kind in held)
    assert kinds[MeetingKind.NETWORK] > 100  # every one of them, not a sample
    assert kinds[MeetingKind.REFLECTION] > 20
    pages: dict[int, int] = {}
    seen_made = seen_discussed = 0
    for meeting_id, kind in held:
        target = tmp_path / f"{meeting_id}.pdf"
        with demo.session() as session:
            starts_at = session.get_one(Meeting, meeting_id).starts_at
        day = local_day(starts_at)
        produce(demo, minutes_request(target, meeting_id, day), MADE)
        pages[meeting_id] = len(PdfReader(target).pages)
        text = pdf_text(target)
        with demo.session() as session:
            counts = _attendance(session, meeting_id)
            made, discussed = _agreements(session, meeting_id, day)
        for word, value in (("Present", "present"), ("Excused", "excused"), ("Absent", "absent")):
            assert f"{word}: {counts[value]} " in text, (meeting_id, word)
        assert f"invited: {sum(counts.values())} " in text, meeting_id
        made_part = _between(text, "Agreements made", "Open agreements discussed")
        discussed_part = _between(text, "Open agreements discussed", "Local reflection")
        for texts, part in ((made, made_part), (discussed, discussed_part)):
            for wording, times in Counter(_words(t) for t in texts).items():
                assert part.count(wording) == times, (meeting_id, wording)
        if not made:
            assert "No agreement was made in this meeting." in made_part
        if not discussed:
            assert "No open agreement was discussed." in discussed_part
        assert ("What goes well?" in text) == (kind == MeetingKind.REFLECTION)
        seen_made += len(made)
        seen_discussed += len(discussed)
    assert seen_made > 300  # the demo's meetings make agreements and look back on them: the check had work
    assert seen_discussed > 50
    assert max(pages.values()) <= MOST_PAGES, sorted(pages.items(), key=lambda kv: -kv[1])[:5]


def test_a_meeting_still_to_come_and_a_cancelled_one_have_no_minutes(demo: Database, tmp_path: Path) -> None:
    with demo.session() as session:
        future = session.scalars(
            select(Meeting.id).where(Meeting.starts_at > MADE, Meeting.status != MeetingStatus.CANCELLED)
        ).first()
        cancelled = session.scalars(
            select(Meeting.id).where(Meeting.status == MeetingStatus.CANCELLED)
        ).first()
    assert future is not None
    assert cancelled is not None
    target = tmp_path / "minutes.pdf"
    with pytest.raises(UserError, match="has not been held yet"):
        produce(demo, minutes_request(target, future, TODAY + timedelta(days=7)), MADE)
    with pytest.raises(UserError, match="was cancelled, so it has no minutes"):
        produce(demo, minutes_request(target, cancelled, TODAY), MADE)
    assert list(tmp_path.iterdir()) == []  # refused before anything was written


def test_the_fullest_demo_meeting_with_sixteen_points_each_with_details_stays_within_four_pages(
    demo: Database, tmp_path: Path
) -> None:
    """The demo's meetings have at most 15 points, many without details; the promise is 16 with details."""
    with demo.session() as session:
        fullest = max(
            (gather_minutes(session, meeting_id, MADE) for meeting_id, _kind in _held(session)),
            key=lambda m: (
                len(m.attendees),
                len(m.agreements_made) + len(m.agreements_discussed),
                len(m.text),
            ),
        )
    points = tuple(
        MinutesItem(
            position,
            f"Punt {position + 1}: signalen en afspraken uit de buurt",
            "Ronde langs de partners: wat zien en horen jullie, wat is er sinds de vorige keer gedaan, "
            "en wie pakt wat op voor de volgende keer?",
            None,
        )
        for position in range(16)
    )
    target = tmp_path / "fullest.pdf"
    write_minutes_pdf(titled(replace(fullest, agenda=points), "Minutes"), target)
    assert len(fullest.attendees) == 24
    assert len(PdfReader(target).pages) <= MOST_PAGES
    assert "Punt 16: signalen" in pdf_text(target)
