"""Signal rounds for the demo's signals: when each came in, its themes, the partners asked, its close.

Most signal notes get a round: the moment it came in on the note's day (often in the evening or at night),
one to three themes from what the note says, two to five active partners serving its neighbourhood asked within
minutes to a day, and their answers (knew it, did not know, acting). Most rounds are closed a few days later,
most of those with feedback to the partners; a few recent ones are open, and some signals have no round at all
(state "none", as signals recorded before rounds existed).

Each answer is a contact moment with the partner asked, of kind call, visit or e-mail, as the app logs it.
Those notes are taken out of the scale's note budget: each ask takes over an unused call, visit or e-mail note
of the district (no follow-up) from within a week or so of the day asked, and it becomes the answer; so the
note totals stay as documented and the days stay as busy as they were. Everything is drawn from a stream of its own (``World.stream``).
"""

from __future__ import annotations

import random
from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate

from teamlead.demo.signal_texts import ASK_TEXTS, FEEDBACK, OUTCOMES, THEMES_BY_WORD
from teamlead.demo.world import OrgInfo, Row, World
from teamlead.rules.clock import AMSTERDAM

ASKED = ("call", "email", "visit")
NO_ROUND_SHARE = 0.07  # signals with no round, besides those of the first weeks
NO_ROUND_DAYS = 45  # the first weeks of the demo: recorded before the team lead kept rounds
ASK_COUNTS, ASK_COUNT_WEIGHTS = (2, 3, 4, 5), tuple(accumulate((38, 34, 18, 10)))
ANSWERS, ANSWER_WEIGHTS = ("knew", "not_known", "acting"), tuple(accumulate((45, 30, 25)))
# Weights are cumulative: drawn tens of thousands of times in the city demo.
# The hour (Amsterdam) a signal comes in: mostly by day, often in the evening, sometimes at night.
HOURS = tuple(range(24))
HOUR_WEIGHTS = tuple(
    accumulate((2, 1, 1, 0.5, 0.3, 0.3, 0.5, 1.5, 3, 5, 6, 6, 6, 6, 6, 6, 5.5, 5, 4.5, 4.5, 4.5, 4, 3.5, 3))
)
ASK_WEIGHTS = {
    "youth_work": 6.0,
    "police": 5.0,
    "youth_centre": 3.0,
    "housing": 3.0,
    "neighbourhood_team": 3.0,
    "municipality": 2.0,
    "school_attendance": 2.0,
    "secondary_school": 2.0,
    "community_centre": 2.0,
    "parent_child_team": 1.5,
    "residents": 1.5,
}
NEAR_DAYS = 7  # an answer takes a note of the kind drawn when one is at most this many days away
# How a partner is asked (call, e-mail, visit) at night, in the evening and by day.
KIND_BY_HOUR = tuple(tuple(accumulate(weights)) for weights in ((1, 0, 0), (50, 25, 25), (40, 35, 25)))
CLOSE_AFTER = (0, 1, 1, 2, 2, 3, 3, 4, 5, 7, 10, 14)
FEEDBACK_AFTER = (0, 0, 1, 1, 2, 3, 5, 7)


class Donors:
    """The call, visit and e-mail notes of one district that may become a partner's answer, by day.

    ``nearest`` finds the unused one nearest to a day and ``use`` hands it out; two pointer tables with path halving skip the used
    ones, so the city demo's tens of thousands of asks cost next to nothing.
    """

    def __init__(self, notes: list[Row]) -> None:
        self.notes = sorted(notes, key=lambda row: (row["occurred_on"], row["id"]))
        self.days = [row["occurred_on"] for row in self.notes]
        size = len(self.notes)
        self._right = list(range(size + 1))  # index -> the first unused index at or after it (size: none)
        self._left = list(range(size + 1))  # index + 1 -> the last unused index + 1 at or before it (0: none)

    @staticmethod
    def _find(links: list[int], index: int) -> int:
        while links[index] != index:
            links[index] = links[links[index]]
            index = links[index]
        return index

    def nearest(self, day: date) -> tuple[int, int] | None:
        """(days away, index) of the unused note nearest to ``day``, or None when all are used."""
        at = bisect_left(self.days, day)
        after = self._find(self._right, at)
        before = self._find(self._left, at) - 1
        return min(
            ((abs((self.days[i] - day).days), i) for i in (after, before) if 0 <= i < len(self.notes)),
            default=None,
        )

    def use(self, index: int) -> Row:
        self._right[index] = index + 1
        self._left[index + 1] = index
        return self.notes[index]


class Pools:
    """A district's donor notes per kind: at night a partner is called (or mailed), by day also visited."""

    def __init__(self, notes: list[Row]) -> None:
        self.kinds = {kind: Donors([row for row in notes if row["kind"] == kind]) for kind in ASKED}

    def take(self, rng: random.Random, moment: datetime) -> Row | None:
        """The note that becomes the answer at ``moment`` (Amsterdam): of the kind drawn for the hour when one
        is within a week, else the nearest of any kind fitting the hour, so the days stay as busy as they were."""
        hour, day = moment.hour, moment.date()
        night = hour < 7 or hour >= 23
        weights = KIND_BY_HOUR[0 if night else 1 if hour >= 17 else 2]
        first = rng.choices(ASKED, cum_weights=weights)[0]
        found = self.kinds[first].nearest(day)
        if found is None or found[0] > NEAR_DAYS:
            kinds = ("call", "email") if night else ASKED
            nearest = [(*near, kind) for kind in kinds if (near := self.kinds[kind].nearest(day)) is not None]
            if not nearest:
                return None
            _, index, first = min(nearest)
            return self.kinds[first].use(index)
        return self.kinds[first].use(found[1])


@dataclass
class Signal:
    row: Row
    neighbourhood: str  # its name
    reporter: int | None  # the first partner the note names


def add_signal_rounds(world: World) -> None:
    """Rounds, themes and asks for the signal notes made so far; the asks' answers take over donor notes."""
    rng = world.stream("signals")
    first_partner: dict[int, int] = {
        link["note_id"]: link["organisation_id"]
        for link in world.rows["note_organisation"]
        if link["position"] == 0
    }
    names = {nid: name for district in world.districts for nid, name in district.neighbourhoods}
    signals: dict[int, list[Signal]] = {district.id: [] for district in world.districts}
    donors: dict[int, list[Row]] = {district.id: [] for district in world.districts}
    for row in world.rows["note"]:
        if row["kind"] == "signal":
            where = names.get(row["neighbourhood_id"], "de buurt")
            signals[row["district_id"]].append(Signal(row, where, first_partner.get(row["id"])))
        elif row["kind"] in ASKED and row["follow_up_on"] is None:
            donors[row["district_id"]].append(row)
    serving: dict[int, list[OrgInfo]] = {}
    for org in world.orgs:
        for nid, _ in org.neighbourhoods:
            serving.setdefault(nid, []).append(org)
    rounds = Rounds(world, rng, {nid: Serving(orgs) for nid, orgs in serving.items()})
    for district in world.districts:
        rounds.district(signals[district.id], Pools(donors[district.id]))
        world.check()
    rounds.relink()


class Serving:
    """The partners serving one neighbourhood, with the cumulative weights of being asked (drawn often)."""

    def __init__(self, orgs: list[OrgInfo]) -> None:
        self.orgs = orgs
        self.weights = list(accumulate(ASK_WEIGHTS.get(org.kind.key, 1.0) for org in orgs))

    def draw(self, rng: random.Random, count: int, day: date, reporter: int | None) -> list[OrgInfo]:
        """Up to ``count`` different partners, active on ``day``, other than the one who reported it."""
        picks: dict[int, OrgInfo] = {}
        for org in rng.choices(self.orgs, cum_weights=self.weights, k=count * 3):
            if org.since <= day <= org.until and org.id != reporter:
                picks.setdefault(org.id, org)
        return list(picks.values())[:count]


class Rounds:
    """Makes the rounds of one district after another, and relinks the notes that became answers."""

    def __init__(self, world: World, rng: random.Random, serving: dict[int, Serving]) -> None:
        self.world, self.rng, self.serving = world, rng, serving
        self.names = {org.id: org.name for org in world.orgs}
        self.first_round_day = world.start + timedelta(days=NO_ROUND_DAYS)
        self.taken: set[int] = set()  # note ids that became answers
        self.links: list[Row] = []
        self.people: list[Row] = []

    def district(self, signals: list[Signal], donors: Pools) -> None:
        for signal in signals:
            day = signal.row["occurred_on"]
            if day < self.first_round_day or self.rng.random() < NO_ROUND_SHARE:
                continue
            self.make_round(signal, day, donors)

    def make_round(self, signal: Signal, day: date, donors: Pools) -> None:
        world, rng, row = self.world, self.rng, signal.row
        local = datetime.combine(
            day, time(rng.choices(HOURS, cum_weights=HOUR_WEIGHTS)[0], rng.randrange(60))
        )
        came_in = local.replace(tzinfo=AMSTERDAM).astimezone(UTC)
        if row["created_at"] < came_in:  # typed in after it came in
            typed = came_in + timedelta(minutes=rng.randint(10, 90))
            row["created_at"] = typed
            row["updated_at"] = max(row["updated_at"], typed)
        round_id = world.new_id("signal_round")
        for theme in self.themes(row["text"]):
            world.rows["signal_theme"].append({"round_id": round_id, "theme_id": theme})
        last_asked = self.asks(signal, round_id, came_in, donors)
        closed, feedback = self.close(day, last_asked)
        values = {"nbh": signal.neighbourhood, "org": self.names.get(signal.reporter or 0, "de melder")}
        version, updated = 1, row["created_at"]
        if closed is not None:
            version, updated = 2, max(updated, self.moment(closed))
        if feedback is not None and feedback != closed:
            version, updated = 3, max(updated, self.moment(feedback))
        world.rows["signal_round"].append(
            {
                "id": round_id,
                "note_id": row["id"],
                "came_in_at": came_in,
                "closed_on": closed,
                "outcome": rng.choice(OUTCOMES).format(**values) if closed else "",
                "feedback_on": feedback,
                "feedback": rng.choice(FEEDBACK).format(**values) if feedback else "",
                **world.tracked(row["created_at"], updated, version),
            }
        )

    def moment(self, day: date) -> datetime:
        """A working-hours moment on ``day`` (UTC), from this stream (``World.moment`` draws from the main one)."""
        return datetime(
            day.year, day.month, day.day, self.rng.randint(7, 16), self.rng.randrange(60), tzinfo=UTC
        )

    def themes(self, text: str) -> list[int]:
        """One to three themes: those the note's words point to, now and then one more."""
        if not self.world.themes:
            return []
        keys = next((keys for word, keys in THEMES_BY_WORD if word in text), ())
        chosen = list(keys[: self.rng.choice((1, 2, 2))]) or [self.rng.choice(tuple(self.world.themes))]
        if len(chosen) < 3 and self.rng.random() < 0.15:
            extra = self.rng.choice(tuple(self.world.themes))
            if extra not in chosen:
                chosen.append(extra)
        return [self.world.themes[key] for key in chosen if key in self.world.themes]

    def asks(self, signal: Signal, round_id: int, came_in: datetime, donors: Pools) -> date:
        """The partners asked, each answer taking over a donor note; returns the day of the last ask."""
        rng, world = self.rng, self.world
        day: date = signal.row["occurred_on"]
        last = day
        serving = self.serving.get(signal.row["neighbourhood_id"])
        if serving is None:
            return last
        asked = serving.draw(
            rng, rng.choices(ASK_COUNTS, cum_weights=ASK_COUNT_WEIGHTS)[0], day, signal.reporter
        )
        moment = came_in + timedelta(minutes=self.first_delay(came_in))
        answered = 0.6 if (world.today - day).days <= 7 else 0.93  # the share answered
        for org in asked:
            moment = self.not_at_night(came_in, moment)
            local = moment.astimezone(AMSTERDAM)
            asked_on = local.date()
            donor = donors.take(rng, local) if asked_on <= world.today else None
            if donor is None:
                break
            answer = rng.choices(ANSWERS, cum_weights=ANSWER_WEIGHTS)[0] if rng.random() < answered else None
            person = self.person(org, day)
            self.answer(signal, org, person, (moment, asked_on), answer, donor)
            world.rows["signal_ask"].append(
                {
                    "id": world.new_id("signal_ask"),
                    "round_id": round_id,
                    "organisation_id": org.id,
                    "person_id": person[0] if person else None,
                    "asked_at": moment,
                    "answer": answer,
                    "contact_note_id": donor["id"],
                    **world.tracked(donor["created_at"]),
                }
            )
            last = asked_on
            moment += timedelta(minutes=rng.randint(2, 40) if rng.random() < 0.85 else rng.randint(60, 300))
        return last

    def first_delay(self, came_in: datetime) -> int:
        """Minutes until the first partner is asked: mostly within the hour and a half, sometimes hours, now
        and then the next day (not for a signal of the small hours: its partners are asked that morning)."""
        roll = self.rng.random()
        if roll < 0.6:
            return self.rng.randint(5, 90)
        if roll < 0.85 or came_in.astimezone(AMSTERDAM).hour < 7:
            return self.rng.randint(90, 360)
        return self.rng.randint(720, 1440)

    def not_at_night(self, came_in: datetime, moment: datetime) -> datetime:
        """Partners are called at night only in the first hour and a half; later asks wait for the morning,
        and every ask falls within a day of the signal."""
        local = moment.astimezone(AMSTERDAM)
        if local.hour < 7 and moment - came_in > timedelta(minutes=90):
            morning = local.replace(hour=7, minute=30) + timedelta(minutes=self.rng.randint(0, 120))
            moment = morning.astimezone(UTC)
        return min(moment, came_in + timedelta(days=1))

    def person(self, org: OrgInfo, day: date) -> tuple[int, str] | None:
        """Whom the team lead reaches: the key contact when they worked there then, else a contact of that day."""
        roles = [role for role in org.staff if role.active_on(day)]
        for role in roles:
            if role.person_id == org.key_contact:
                return role.person_id, role.first_name
        return (roles[0].person_id, roles[0].first_name) if roles else None

    def answer(
        self,
        signal: Signal,
        org: OrgInfo,
        person: tuple[int, str] | None,
        asked: tuple[datetime, date],
        answer: str | None,
        donor: Row,
    ) -> None:
        """Turn the donor note into the answer: a contact moment with ``org`` on the day it was asked."""
        rng = self.rng
        text = rng.choice(ASK_TEXTS[answer][donor["kind"]]).format(
            org=org.name,
            person=person[1] if person else "de contactpersoon",
            nbh=signal.neighbourhood,
            day=f"{signal.row['occurred_on'].day}-{signal.row['occurred_on'].month}",
        )
        typed = asked[0] + timedelta(minutes=rng.randint(1, 30))
        donor.update(
            {
                "occurred_on": asked[1],
                "district_id": signal.row["district_id"],
                "text": text[0].upper() + text[1:],
                "neighbourhood_id": signal.row["neighbourhood_id"],
                "follow_up_on": None,
                "follow_up_done": False,
                **self.world.tracked(typed),
            }
        )
        self.taken.add(donor["id"])
        self.links.append({"note_id": donor["id"], "organisation_id": org.id, "position": 0})
        if person is not None:
            self.people.append({"note_id": donor["id"], "person_id": person[0]})

    def close(self, day: date, last_asked: date) -> tuple[date | None, date | None]:
        """When the round was closed and feedback went back: most old rounds closed, a few recent ones open."""
        rng, today = self.rng, self.world.today
        age = (today - day).days
        if rng.random() > (0.995 if age > 60 else 0.95 if age > 21 else 0.7 if age > 7 else 0.2):
            return None, None
        closed = min(today, max(last_asked, day + timedelta(days=rng.choice(CLOSE_AFTER))))
        if rng.random() > 0.8:
            return closed, None
        return closed, min(today, closed + timedelta(days=rng.choice(FEEDBACK_AFTER)))

    def relink(self) -> None:
        """The answers' partners and people replace what the donor notes named before."""
        rows = self.world.rows
        rows["note_organisation"] = [
            link for link in rows["note_organisation"] if link["note_id"] not in self.taken
        ] + self.links
        rows["note_person"] = [
            link for link in rows["note_person"] if link["note_id"] not in self.taken
        ] + self.people
