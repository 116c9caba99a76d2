"""The structures of collaboration: monthly network meetings, quarterly local reflections, bilateral meetings.

Recurring meetings are a :class:`MeetingSeries` with a simple RRULE plus their occurrences as meeting rows
(``occurrence_key`` = the original local start), in Amsterdam time stored as UTC. Past meetings that took
place have attendance, minutes and (for reflections) the four answers; future ones only invitations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from teamlead.demo import meeting_texts as texts
from teamlead.demo.kinds import CORE
from teamlead.demo.scales import Scale
from teamlead.demo.world import DistrictInfo, OrgInfo, Row, World
from teamlead.rules.clock import AMSTERDAM, AMSTERDAM_NAME
from teamlead.rules.vocabulary import AuditAction

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
ATTENDANCE = ("present", "excused", "absent")
ATTENDANCE_WEIGHTS = (72, 17, 11)


@dataclass
class MeetingInfo:
    """What the agreements need to know about a meeting: when, with whom, and whether it took place."""

    id: int
    series_id: int | None
    district: DistrictInfo
    kind: str
    day: date
    held: bool
    invitees: list[tuple[OrgInfo, int | None]]
    row: Row
    agenda: list[Row] = field(default_factory=list)
    neighbourhood: str = ""


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def monthly(first: date, last: date, n: int, weekday: int, interval: int = 1) -> list[date]:
    """The days of ``FREQ=MONTHLY;INTERVAL=i;BYDAY=<n><weekday>`` from ``first``'s month to ``last``."""
    days = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        day = nth_weekday(year, month, n, weekday)
        if first <= day <= last:
            days.append(day)
        month += interval
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return days


class MeetingMaker:
    def __init__(self, world: World) -> None:
        self.world = world
        self.meetings: list[MeetingInfo] = []

    def series(
        self,
        district: DistrictInfo,
        kind: str,
        title: str,
        location: str,
        rrule: str,
        days: list[date],
        at: tuple[int, int],
        minutes: int,
        orgs: list[OrgInfo],
        nbh: str = "",
    ) -> None:
        if not days:
            return
        world = self.world
        sid = world.new_id("meeting_series")
        created = world.moment(max(world.start, days[0] - timedelta(days=14)))
        world.rows["meeting_series"].append(
            {
                "id": sid,
                "district_id": district.id,
                "kind": kind,
                "title": title,
                "location": location,
                "rrule": rrule,
                "first_date": days[0],
                "start_time": datetime(2000, 1, 1, *at).time(),
                "duration_minutes": minutes,
                "timezone": AMSTERDAM_NAME,
                **world.tracked(created),
            }
        )
        world.log(created, "meeting_series", sid, AuditAction.CREATE)
        for day in days:
            summer = day.month == 8 and kind in ("network", "reflection")
            cancelled = summer or world.rng.random() < 0.03
            self.meeting(
                district, kind, title, location, day, at, minutes, orgs, created, sid, cancelled, nbh
            )

    def meeting(
        self,
        district: DistrictInfo,
        kind: str,
        title: str,
        location: str,
        day: date,
        at: tuple[int, int],
        minutes: int,
        orgs: list[OrgInfo],
        created: datetime | None = None,
        series_id: int | None = None,
        cancelled: bool = False,
        nbh: str = "",
    ) -> None:
        world, rng = self.world, self.world.rng
        mid = world.new_id("meeting")
        local = datetime(day.year, day.month, day.day, *at, tzinfo=AMSTERDAM)
        starts = local.astimezone(UTC)
        held = day < world.today and not cancelled
        created = created or world.moment(max(world.start, day - timedelta(days=rng.randint(3, 30))))
        row: Row = {
            "id": mid,
            "district_id": district.id,
            "kind": kind,
            "title": title,
            "starts_at": starts,
            "ends_at": starts + timedelta(minutes=minutes),
            "location": location,
            "status": "cancelled" if cancelled else "scheduled",
            "series_id": series_id,
            "occurrence_key": f"{day.isoformat()}T{at[0]:02d}:{at[1]:02d}" if series_id else None,
            "detached": False,
            "minutes": "",
            "reflection_goes_well": "",
            "reflection_can_improve": "",
            "reflection_do_ourselves": "",
            "reflection_need_help": "",
        }
        invitees: list[tuple[OrgInfo, int | None]] = []
        for org in orgs:
            if org.partner_on(day):
                contact = org.contact_on(day)
                invitees.append((org, contact.person_id if contact else None))
        recorded = world.moment(min(day + timedelta(days=1), world.today))
        counts = {"present": 0, "excused": 0, "absent": 0}
        for org, person_id in invitees:
            iid = world.new_id("invitee")
            if held:
                attendance = rng.choices(ATTENDANCE, ATTENDANCE_WEIGHTS)[0]
                counts[attendance] += 1
                stamps = world.tracked(created, recorded, 2)
            else:
                attendance, stamps = "invited", world.tracked(created)
            world.rows["invitee"].append(
                {
                    "id": iid,
                    "meeting_id": mid,
                    "organisation_id": org.id,
                    "person_id": person_id,
                    "attendance": attendance,
                    **stamps,
                }
            )
        info = MeetingInfo(mid, series_id, district, kind, day, held, invitees, row, neighbourhood=nbh)
        self._agenda(info, created)
        if held:
            street = rng.choice(district.plan.streets)
            theme = info.agenda[-2]["title"] if len(info.agenda) > 1 else title
            row["minutes"] = " ".join(
                (
                    rng.choice(texts.MINUTES_PARTNER)
                    if kind == "partner"
                    else rng.choice(texts.MINUTES_OPENINGS).format(
                        present=counts["present"], excused=counts["excused"]
                    ),
                    rng.choice(texts.MINUTES_BODIES).format(
                        street=street, nbh=nbh or district.plan.name, theme=theme.lower()
                    ),
                )
            )
            if kind == "reflection":
                for _, column in texts.REFLECTION_QUESTIONS:
                    row[column] = " ".join(rng.sample(texts.REFLECTION_ANSWERS[column], 2))
            row.update(world.tracked(created, max(created, recorded), 2))
            world.log(recorded, "meeting", mid, AuditAction.UPDATE, "minutes,attendance")
        else:
            row.update(world.tracked(created))
        world.rows["meeting"].append(row)
        self.meetings.append(info)

    def _agenda(self, info: MeetingInfo, created: datetime) -> None:
        rng = self.world.rng
        theme = rng.choice(texts.THEMES)
        if info.kind == "network":
            items = [texts.OPENING, texts.SIGNALS, texts.REVIEW, theme, texts.CLOSING]
        elif info.kind == "reflection":
            items = [(question, "") for question, _ in texts.REFLECTION_QUESTIONS]
        elif info.kind == "partner":
            items = [*texts.PARTNER_ITEMS, theme]
        else:
            items = [theme]
        for position, (title, details) in enumerate(items):
            row = {
                "id": 0,
                "meeting_id": info.id,
                "position": position * 100,
                "title": title,
                "details": details,
                "agreement_id": None,
                "_created": created,
            }
            info.agenda.append(row)


def _weekday_slot(world: World) -> tuple[int, int]:
    return world.rng.randint(1, 4), world.rng.randrange(5)


def add_meetings(world: World, scale: Scale) -> list[MeetingInfo]:
    rng, start, horizon = world.rng, world.start, world.horizon
    maker = MeetingMaker(world)
    for district in world.districts:
        orgs = world.partners_of(district)
        target = len(maker.meetings) + scale.meetings
        plan = district.plan
        core = [org for org in orgs if org.kind in CORE]
        n, wd = 2, 1
        guests = core + rng.sample([o for o in orgs if o.kind not in CORE], min(8, len(orgs) - len(core)))
        maker.series(
            district,
            "network",
            f"Netwerkoverleg Jeugd {plan.name}",
            plan.office,
            f"FREQ=MONTHLY;BYDAY={n}{WEEKDAYS[wd]}",
            monthly(start + timedelta(days=10), horizon, n, wd),
            (9, 30),
            120,
            guests,
        )
        local_count = min(len(district.neighbourhoods), max(1, scale.meetings // 120))
        for nid, nbh in district.neighbourhoods[:local_count]:
            here = [org for org in orgs if any(nid == served for served, _ in org.neighbourhoods)]
            centre = next((org for org in here if org.kind.key == "community_centre"), None)
            location = f"{centre.name}, {centre.address}" if centre else plan.office
            n, wd = _weekday_slot(world)
            guests = sorted(rng.sample(here, min(12, len(here))), key=lambda org: org.id)
            maker.series(
                district,
                "network",
                f"Netwerkoverleg {nbh}",
                location,
                f"FREQ=MONTHLY;BYDAY={n}{WEEKDAYS[wd]}",
                monthly(start + timedelta(days=rng.randint(0, 40)), horizon, n, wd),
                rng.choice(((9, 30), (13, 30), (15, 0))),
                90,
                guests,
                nbh,
            )
            n, wd = _weekday_slot(world)
            first = start + timedelta(days=rng.randint(0, 80))
            maker.series(
                district,
                "reflection",
                f"Lokale reflectie {nbh}",
                location,
                f"FREQ=MONTHLY;INTERVAL=3;BYDAY={n}{WEEKDAYS[wd]}",
                monthly(first, horizon, n, wd, interval=3),
                (13, 30),
                150,
                sorted(rng.sample(here, min(9, len(here))), key=lambda org: org.id),
                nbh,
            )
        partners = sorted(orgs, key=lambda org: -org.note_weight)
        for org in partners:
            if len(maker.meetings) >= target - scale.meetings * 0.15:
                break
            weeks = rng.choice((4, 6, 6, 8))
            first = world.day_between(max(org.since, start), start + timedelta(days=200))
            while first.weekday() > 4:
                first += timedelta(days=1)
            # An active partner's series runs on; a former partner's ends the day it left.
            active = org.until >= world.today
            last = horizon if active else org.until
            rule = f"FREQ=WEEKLY;INTERVAL={weeks}" + ("" if active else f";UNTIL={org.until:%Y%m%d}T235959")
            days = [first + timedelta(weeks=weeks * k) for k in range((last - first).days // (7 * weeks) + 1)]
            maker.series(
                district,
                "partner",
                f"Bilateraal overleg {org.name}",
                org.address,
                rule,
                days,
                rng.choice(((10, 0), (11, 0), (14, 0), (15, 30))),
                60,
                [org],
            )
        while len(maker.meetings) < target:
            day = world.day_between(start, horizon)
            if day.weekday() > 4:
                continue
            org = rng.choice(orgs)
            if not org.since <= day <= org.until:
                continue
            kind, title, guests = "partner", f"Kennismaking {org.name}", [org]
            if rng.random() < 0.6:
                theme = rng.choice(texts.THEMES)[0]
                kind, title = "other", f"{theme} {rng.choice(district.neighbourhoods)[1]}"
                guests = sorted(rng.sample(orgs, rng.randint(2, 5)), key=lambda org: org.id)
            maker.meeting(
                district,
                kind,
                title,
                plan.office if kind == "other" else org.address,
                day,
                (rng.randint(9, 16), rng.choice((0, 30))),
                rng.choice((60, 90)),
                guests,
                cancelled=rng.random() < 0.04,
            )
        world.check()
    return maker.meetings
