"""The narrative a team lead writes for the city each quarter, consistent with the demo's own figures."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from teamlead.demo import meeting_texts as texts
from teamlead.demo.meetings import MeetingInfo
from teamlead.demo.world import World
from teamlead.rules.vocabulary import AuditAction

QUARTERS_WITH_NARRATIVE = 4


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    following = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, following - timedelta(days=1)


def add_narratives(world: World, meetings: list[MeetingInfo], skip: set[tuple[int, date, date]]) -> None:
    """One narrative per district for each of the last full quarters before today (the city reads them)."""
    rng = world.rng
    notes: Counter[tuple[int, tuple[int, int]]] = Counter()
    signals: Counter[tuple[int, tuple[int, int]]] = Counter()
    for note in world.rows["note"]:
        key = (note["district_id"], quarter_of(note["occurred_on"]))
        notes[key] += 1
        if note["kind"] == "signal":
            signals[key] += 1
    held = Counter((m.district.id, quarter_of(m.day)) for m in meetings if m.held)
    made = Counter((a["district_id"], quarter_of(a["made_on"])) for a in world.rows["agreement"])
    year, quarter = quarter_of(world.today)
    periods = []
    for _ in range(QUARTERS_WITH_NARRATIVE):
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
        periods.append((year, quarter))
    for district in world.districts:
        for year, quarter in reversed(periods):
            first, last = quarter_bounds(year, quarter)
            if (district.id, first, last) in skip:
                continue
            key = (district.id, (year, quarter))
            text = texts.NARRATIVE.format(
                quarter=quarter,
                year=year,
                district=district.plan.name,
                notes=notes[key],
                signals=signals[key],
                meetings=held[key],
                agreements=made[key],
                highlight=rng.choice(texts.NARRATIVE_HIGHLIGHTS),
                concern=rng.choice(texts.NARRATIVE_CONCERNS),
            )
            written = world.moment(min(last + timedelta(days=rng.randint(5, 20)), world.today))
            nid = world.new_id("narrative")
            world.rows["narrative"].append(
                {
                    "id": nid,
                    "district_id": district.id,
                    "period_from": first,
                    "period_to": last,
                    "text": text,
                    **world.tracked(written),
                }
            )
            world.log(written, "narrative", nid, AuditAction.CREATE)


def finish_agendas(world: World, meetings: list[MeetingInfo]) -> None:
    """Agenda items get their ids last, in meeting and position order, once the agreements were carried in."""
    rows = world.rows["agenda_item"]
    for meeting in meetings:
        for item in sorted(meeting.agenda, key=lambda item: item["position"]):
            created = item.pop("_created")
            item["id"] = world.new_id("agenda_item")
            item.update(world.tracked(created))
            rows.append(item)
