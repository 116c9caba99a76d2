"""Two years of contact moments per district, with the rhythm of the work: quiet weekends and holidays."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from itertools import accumulate

from teamlead.demo.scales import Scale
from teamlead.demo.texts import FOLLOW_UP_TAILS, NOTES
from teamlead.demo.world import OrgInfo, Row, World

KINDS = ("call", "email", "visit", "meeting", "signal", "other")
KIND_WEIGHTS = (28, 24, 14, 12, 10, 12)
SIGNAL_PRONE = frozenset({"police", "youth_work", "housing", "residents", "youth_centre", "municipality"})
FOLLOW_UP_DAYS = (2, 3, 7, 7, 7, 14, 14, 21, 30)


def day_weight(day: date, start: date) -> float:
    """How busy a day is: weekdays, fewer contacts in the summer and Christmas holidays, a growing network."""
    weight = (1.0, 1.0, 1.0, 1.0, 0.75, 0.08, 0.04)[day.weekday()]
    if (day.month == 7 and day.day >= 14) or day.month == 8:
        weight *= 0.45
    elif (day.month == 12 and day.day >= 23) or (day.month == 1 and day.day <= 2):
        weight *= 0.25
    elif day.month == 4 and day.day >= 24:
        weight *= 0.7
    return weight * (0.85 + 0.25 * (day - start).days / 730)


def add_notes(world: World, scale: Scale) -> None:
    rng, start, today = world.rng, world.start, world.today
    days = [start + timedelta(days=offset) for offset in range((today - start).days + 1)]
    cumulative = list(accumulate(day_weight(day, start) for day in days))
    for district in world.districts:
        orgs = world.partners_of(district)
        streets = district.plan.streets
        picks = rng.choices(orgs, [org.note_weight for org in orgs], k=scale.notes)
        drafts: list[tuple[date, int, OrgInfo]] = []
        for seq, org in enumerate(picks):
            low = cumulative[(org.since - start).days - 1] if org.since > start else 0.0
            high = cumulative[(org.until - start).days]
            drafts.append((days[bisect_left(cumulative, rng.uniform(low, high))], seq, org))
        drafts.sort(key=lambda draft: (draft[0], draft[1]))
        notes, links, people = world.rows["note"], world.rows["note_organisation"], world.rows["note_person"]
        for day, _, org in drafts:
            nid = world.new_id("note")
            weights = KIND_WEIGHTS if org.kind.key not in SIGNAL_PRONE else (28, 22, 14, 12, 22, 10)
            kind = rng.choices(KINDS, weights)[0]
            others: list[OrgInfo] = []
            extra = rng.random()
            if extra < (0.6 if kind == "signal" else 0.3):
                for other in rng.sample(orgs, 2 if extra < 0.08 else 1):
                    if other is not org and other.since <= day <= other.until:
                        others.append(other)
            contact = org.contact_on(day) if rng.random() < 0.5 else None
            if contact is None:
                active = [role for role in org.staff if role.active_on(day)]
                contact = rng.choice(active) if active and rng.random() < 0.75 else None
            here = org.neighbourhoods_in(district) or org.neighbourhoods
            neighbourhood = rng.choice(here) if kind == "signal" or rng.random() < 0.2 else None
            values = {
                "org": org.name,
                "other": others[0].name if others else "de wijkagent",
                "person": contact.first_name if contact else "de contactpersoon",
                "nbh": neighbourhood[1] if neighbourhood else here[0][1],
                "street": rng.choice(streets),
            }
            text = rng.choice(NOTES[kind]).format(**values)
            follow_up = None
            done = False
            if rng.random() < (0.5 if kind == "signal" else 0.2):
                follow_up = day + timedelta(days=rng.choice(FOLLOW_UP_DAYS))
                text += rng.choice(FOLLOW_UP_TAILS).format(**values)
                # A team lead ticks off nearly every follow-up in time; the few left open are recent ones.
                chance = 0.99 if follow_up < today - timedelta(days=45) else 0.75
                done = follow_up < today - timedelta(days=1) and rng.random() < chance
            created = world.moment(day if rng.random() < 0.9 else min(day + timedelta(days=1), today))
            row: Row = {
                "id": nid,
                "occurred_on": day,
                "district_id": district.id,
                "kind": kind,
                "text": text,
                "neighbourhood_id": neighbourhood[0] if neighbourhood else None,
                "follow_up_on": follow_up,
                "follow_up_done": done,
            }
            if done and follow_up is not None:
                row.update(world.tracked(created, max(created, world.moment(follow_up)), 2))
            else:
                row.update(world.tracked(created))
            notes.append(row)
            links.append({"note_id": nid, "organisation_id": org.id, "position": 0})
            links.extend(
                {"note_id": nid, "organisation_id": other.id, "position": position}
                for position, other in enumerate(others, start=1)
            )
            if contact is not None:
                people.append({"note_id": nid, "person_id": contact.person_id})
        world.check()
