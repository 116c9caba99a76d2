"""The screens' queries on the city demo, each against its floor: bare SQL that reads the same result.

Measured end to end as a screen gets them (SQL, rows, the frozen row objects): the roster of the whole city,
the Notes & signals page (the newest 1,000 notes), the Agreements register (all 30,000), and each list of the
dashboard (its first rows and full count). The floor runs hand-written SQL for the same data through the
driver and fetches every row, nothing more. Timings are medians of interleaved runs (the machine is shared
and noisy; compare within one run). On PostgreSQL too when a server is configured (see ``_city``).

Aims (issue 3): roster under 150 ms, notes page under 50 ms, register under 300 ms, dashboard lists under
100 ms each.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as clock
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from benchmarks._city import TODAY, city_postgres, city_sqlite, postgres_server
from teamlead.data.database import open_database
from teamlead.data.queries.agreements_register import register_rows
from teamlead.data.queries.dashboard import upcoming_meetings
from teamlead.data.queries.dashboard_lists import (
    DASHBOARD_ROWS,
    agreements_due_capped,
    follow_ups_due_capped,
    overdue_partners_capped,
    signals_to_follow_up_capped,
)
from teamlead.data.queries.notes import notes
from teamlead.data.queries.roster import RECENT_DAYS, roster
from teamlead.rules.limits import DUE_SOON_DAYS, UPCOMING_MEETING_DAYS

RUNS = 7
NOW = datetime.combine(TODAY, clock(8, 0), tzinfo=ZoneInfo("Europe/Amsterdam"))
NOW_UTC = NOW.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
PARAMS: dict[str, Any] = {
    "today": TODAY.isoformat(),
    "agreements_until": (TODAY + timedelta(days=DUE_SOON_DAYS)).isoformat(),
    "now": NOW_UTC.isoformat(sep=" "),
    "until": (NOW_UTC + timedelta(days=UPCOMING_MEETING_DAYS)).isoformat(sep=" "),
    "rows": DASHBOARD_ROWS,
    "recent": (TODAY - timedelta(days=RECENT_DAYS)).isoformat(),
}

# The last contact per partner from the notes of the last RECENT_DAYS days (one range of the date index); the
# second pass of ``last_contacts`` (partners without a recent note) has nothing to do for the active partners
# of the city demo, so the floor leaves it out.
RECENT_CONTACT = """SELECT l.organisation_id, max(n.occurred_on) FROM note n JOIN note_organisation l ON l.note_id = n.id
    WHERE n.occurred_on > :recent AND n.occurred_on <= :today GROUP BY l.organisation_id"""

FLOORS: dict[str, list[str]] = {
    "roster": [
        """SELECT o.id, o.name, o.domain_id, d.key, d.name, o.district_id, t.name, o.contact_cadence_days,
               o.joined_on, o.status, o.is_informal, o.version, oa.open
        FROM organisation o LEFT JOIN domain d ON d.id = o.domain_id LEFT JOIN district t ON t.id = o.district_id
        LEFT JOIN (SELECT l.organisation_id, count(*) AS open FROM agreement a
                   JOIN agreement_organisation l ON l.agreement_id = a.id
                   WHERE a.status IN ('open', 'in_progress') GROUP BY l.organisation_id) oa
            ON oa.organisation_id = o.id
        WHERE o.status = 'active' ORDER BY lower(o.name), o.id""",
        RECENT_CONTACT,
        """SELECT l.organisation_id, n.name FROM organisation_neighbourhood l
        JOIN neighbourhood n ON n.id = l.neighbourhood_id JOIN organisation o ON o.id = l.organisation_id
        WHERE o.status = 'active' ORDER BY n.name""",
        """SELECT DISTINCT r.organisation_id, p.name FROM role r JOIN person p ON p.id = r.person_id
        JOIN organisation o ON o.id = r.organisation_id
        WHERE o.status = 'active' AND (r.started_on IS NULL OR r.started_on <= :today)
          AND (r.ended_on IS NULL OR r.ended_on >= :today) ORDER BY p.name""",
    ],
    "notes page (1,000)": [
        """SELECT n.id, n.occurred_on, n.kind, n.text, n.district_id, n.neighbourhood_id, b.name, n.follow_up_on,
               n.follow_up_done, n.version
        FROM note n LEFT JOIN neighbourhood b ON b.id = n.neighbourhood_id
        ORDER BY n.occurred_on DESC, n.id DESC LIMIT 1000""",
        """SELECT l.note_id, o.id, o.name FROM note_organisation l JOIN organisation o ON o.id = l.organisation_id
        WHERE l.note_id IN (SELECT id FROM note ORDER BY occurred_on DESC, id DESC LIMIT 1000)
        ORDER BY l.note_id, l.position""",
        """SELECT l.note_id, p.id, p.name FROM note_person l JOIN person p ON p.id = l.person_id
        WHERE l.note_id IN (SELECT id FROM note ORDER BY occurred_on DESC, id DESC LIMIT 1000)
        ORDER BY l.note_id, p.name""",
    ],
    "agreements register": [
        """SELECT l.agreement_id, o.name FROM agreement_organisation l JOIN organisation o
        ON o.id = l.organisation_id ORDER BY l.agreement_id, l.position""",
        """SELECT l.agreement_id, m.id, m.title FROM agreement_meeting l JOIN meeting m ON m.id = l.meeting_id
        ORDER BY l.agreement_id, m.starts_at""",
        # Unordered: the cheapest read of the same rows (the register sorts them in Python).
        """SELECT a.id, a.text, p.name, a.made_on, a.due_on, a.status, a.version, m.id, m.starts_at, m.title
        FROM agreement a LEFT JOIN person p ON p.id = a.responsible_person_id
        LEFT JOIN meeting m ON m.id = a.made_in_meeting_id""",
    ],
    "dashboard: overdue partners": [
        """SELECT o.id, o.name, d.key, d.name, o.joined_on, o.contact_cadence_days
        FROM organisation o LEFT JOIN domain d ON d.id = o.domain_id
        WHERE o.status = 'active' AND o.contact_cadence_days IS NOT NULL""",
        RECENT_CONTACT,
    ],
    "dashboard: follow-ups due": [
        """SELECT n.id, n.occurred_on, n.kind, n.text, n.district_id, n.neighbourhood_id, b.name, n.follow_up_on,
               n.follow_up_done, n.version
        FROM note n LEFT JOIN neighbourhood b ON b.id = n.neighbourhood_id
        WHERE n.follow_up_done = FALSE AND n.follow_up_on <= :today ORDER BY n.follow_up_on, n.id LIMIT :rows""",
        """SELECT count(*) FROM note WHERE follow_up_done = FALSE AND follow_up_on <= :today""",
    ],
    "dashboard: upcoming meetings": [
        """SELECT m.id, m.kind, m.title, m.starts_at, m.ends_at, m.location, m.district_id, d.name, m.status,
               (SELECT count(*) FROM invitee i WHERE i.meeting_id = m.id), m.series_id, m.version
        FROM meeting m LEFT JOIN district d ON d.id = m.district_id
        WHERE m.starts_at >= :now AND m.starts_at < :until AND m.status <> 'cancelled'
        ORDER BY m.starts_at, m.id""",
    ],
    "dashboard: agreements due": [
        """SELECT a.id, a.text, a.district_id, a.responsible_person_id, p.name, a.made_on, a.due_on, a.status,
               a.made_in_meeting_id, a.version
        FROM agreement a LEFT JOIN person p ON p.id = a.responsible_person_id
        WHERE a.status IN ('open', 'in_progress') AND a.due_on <= :agreements_until
        ORDER BY a.due_on, a.id LIMIT :rows""",
        """SELECT count(*) FROM agreement WHERE status IN ('open', 'in_progress') AND due_on <= :agreements_until""",
    ],
    "dashboard: signals to follow up": [
        """SELECT n.id, n.occurred_on, n.kind, n.text, n.district_id, n.neighbourhood_id, b.name, n.follow_up_on,
               n.follow_up_done, n.version, r.id, r.closed_on, r.feedback_on
        FROM note n JOIN signal_round r ON r.note_id = n.id LEFT JOIN neighbourhood b ON b.id = n.neighbourhood_id
        WHERE n.kind = 'signal' AND n.occurred_on <= :today AND (r.closed_on IS NULL OR r.feedback_on IS NULL)
        ORDER BY n.occurred_on DESC, n.id DESC LIMIT :rows""",
        """SELECT count(*) FROM note n JOIN signal_round r ON r.note_id = n.id
        WHERE n.kind = 'signal' AND n.occurred_on <= :today AND (r.closed_on IS NULL OR r.feedback_on IS NULL)""",
    ],
}

AIMS_MS = {
    "roster": 150.0,
    "notes page (1,000)": 50.0,
    "agreements register": 300.0,
}

MEASURES: dict[str, Callable[[Session], object]] = {
    "roster": lambda session: roster(session, today=TODAY),
    "notes page (1,000)": lambda session: notes(session, limit=1000),
    "agreements register": lambda session: register_rows(session),
    "dashboard: overdue partners": lambda session: overdue_partners_capped(session, TODAY),
    "dashboard: follow-ups due": lambda session: follow_ups_due_capped(session, TODAY),
    "dashboard: upcoming meetings": lambda session: upcoming_meetings(session, NOW, UPCOMING_MEETING_DAYS),
    "dashboard: agreements due": lambda session: agreements_due_capped(session, TODAY, DUE_SOON_DAYS),
    "dashboard: signals to follow up": lambda session: signals_to_follow_up_capped(session, TODAY),
}


def _floor(session: Session, statements: list[str]) -> None:
    connection = session.connection()
    for statement in statements:
        connection.execute(text(statement), PARAMS).fetchall()


def _ms(work: Callable[..., object], *args: Any) -> float:
    began = time.perf_counter()
    work(*args)
    return (time.perf_counter() - began) * 1000


def measure(backend: str, target: Any) -> None:
    database = open_database(target)
    try:
        for name, query in MEASURES.items():
            timings: list[float] = []
            floors: list[float] = []
            statements = FLOORS[name]
            with database.session() as session:
                query(session)  # warm: the first run fills caches as a user's first look would
                _floor(session, statements)
                for _ in range(RUNS):
                    timings.append(_ms(query, session))
                    floors.append(_ms(_floor, session, statements))
            ms, floor = statistics.median(timings), statistics.median(floors)
            aim = AIMS_MS.get(name, 100.0)
            verdict = "ok" if ms <= aim else "over the aim"
            print(
                f"{backend}: {name:30s} {ms:7.1f} ms; floor {floor:7.1f} ms; ratio {ms / floor:5.2f}x"
                f"  (aim < {aim:.0f} ms: {verdict})",
                flush=True,
            )
    finally:
        database.dispose()


def main() -> None:
    measure("sqlite", city_sqlite())
    server = postgres_server()
    if server is None:
        print("postgresql: skipped (set TEAMLEAD_BENCH_POSTGRES_URL to measure it)")
        return
    measure("postgresql", city_postgres(server))


if __name__ == "__main__":
    main()
