"""Each neighbourhood's own ecosystem: its focus, dated history, places and public figures over five years;
signals and visits that point to a place; meetings that belong to a neighbourhood.

Made after everything else from a random stream of its own (``World.stream``), so the rest of the demo stays
as it was. Only the neighbourhoods the demo makes get a focus, history, places and figures: one a user already
made keeps what the user wrote. Not audited, like key contacts: the audit log stays as it was too.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from teamlead.demo import ecosystem_texts as texts
from teamlead.demo.meetings import MeetingInfo
from teamlead.demo.places import DistrictPlan, postcode
from teamlead.demo.roster import LETTERS
from teamlead.demo.world import DistrictInfo, Row, World
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import PlaceKind

FIGURE_YEARS = 5  # the last complete years
# Which kinds of place a signal or a visit points to, and how often one does.
OUTSIDE = frozenset({PlaceKind.SQUARE, PlaceKind.HANG_OUT})
ROAD_ENDINGS = ("straat", "laan", "weg", "dijk", "gracht", "dreef", "kade")
SIGNAL_PLACES = {PlaceKind.HANG_OUT: 5, PlaceKind.SQUARE: 4, PlaceKind.YOUTH_CENTRE: 2, PlaceKind.SCHOOL: 1}
VISIT_PLACES = {PlaceKind.SCHOOL: 4, PlaceKind.SPORTS_CLUB: 4, PlaceKind.YOUTH_CENTRE: 3, PlaceKind.SQUARE: 1}
POINTING = {"signal": 0.45, "visit": 0.3}
PARTNER_MEETINGS_LOCAL = 0.3  # share of partner meetings (per series) about the partner's own neighbourhood


def add_ecosystems(world: World, meetings: Sequence[MeetingInfo]) -> None:
    rng = world.stream("ecosystem")
    made = {row["id"]: row for row in world.rows["neighbourhood"]}
    places: dict[int, list[Row]] = {}
    for district in world.districts:
        for nid, name in district.neighbourhoods:
            row = made.get(nid)
            if row is None:
                continue
            places[nid] = _places(world, rng, district.plan, nid, name)
            _focus(world, rng, row, name, places[nid])
            _history(world, rng, district.plan, nid, name, places[nid])
            _figures(world, rng, nid, name)
    _point_notes(world, rng, places)
    _meeting_neighbourhoods(world, rng, meetings)


def _moment(rng: random.Random, day: date) -> datetime:
    """A working-hours moment on ``day`` (UTC), from this stream (``World.moment`` draws from the main one)."""
    return datetime(day.year, day.month, day.day, rng.randint(7, 16), rng.randint(0, 59), tzinfo=UTC)


def _address(rng: random.Random, plan: DistrictPlan, street: str) -> str:
    city = "Weesp" if plan.name == "Weesp" else "Amsterdam"
    letters = rng.choice(LETTERS) + rng.choice(LETTERS)
    return f"{street} {rng.randint(1, 240)}, {postcode(plan, rng.randrange(100), letters)} {city}"


def _places(world: World, rng: random.Random, plan: DistrictPlan, nid: int, nbh: str) -> list[Row]:
    """3-8 places: always a school and somewhere outside (a square or a hang-out), then a mix."""
    count = rng.randint(3, 8)
    kinds = [PlaceKind.SCHOOL, rng.choice(sorted(OUTSIDE))]
    others = list(texts.PLACE_NAMES)
    kinds += rng.choices(others, (2, 3, 3, 2, 3, 1), k=count - len(kinds))
    roads = [street for street in plan.streets if street.endswith(ROAD_ENDINGS)] or list(plan.streets)
    rows: list[Row] = []
    used: set[str] = set()
    for kind in kinds:
        street = rng.choice(roads)
        for _ in range(8):
            name = rng.choice(texts.PLACE_NAMES[kind]).format(
                nbh=nbh, street=street, pick=rng.choice(texts.PLACE_PICKS)
            )
            if name not in used:
                break
        if name in used:
            continue
        used.add(name)
        created = _moment(rng, world.start + timedelta(days=rng.randint(0, 20)))
        rows.append(
            {
                "id": world.new_id("place"),
                "neighbourhood_id": nid,
                "name": name,
                "kind": kind,
                "address": _address(rng, plan, street),
                **world.tracked(created),
            }
        )
    world.rows["place"].extend(rows)
    return rows


def _pick(rng: random.Random, places: list[Row], outside: bool) -> str:
    """The name of one of the places outside (or with a roof); every neighbourhood has both kinds."""
    return str(rng.choice([place for place in places if (place["kind"] in OUTSIDE) == outside])["name"])


def _focus(world: World, rng: random.Random, row: Row, nbh: str, places: list[Row]) -> None:
    """1-3 sentences: the task, mostly an accent, sometimes how the partners work; written in the last year."""
    values = {"nbh": nbh, "place": _pick(rng, places, outside=True)}
    sentences = [rng.choice(texts.TASKS)]
    if rng.random() < 0.85:
        sentences.append(rng.choice(texts.ACCENTS))
    if rng.random() < 0.5:
        sentences.append(rng.choice(texts.APPROACHES))
    written = world.today - timedelta(days=rng.randint(7, 360))
    row["focus"] = " ".join(sentence.format(**values) for sentence in sentences)
    row["focus_on"] = written
    row.update(world.tracked(row["created_at"], max(row["created_at"], _moment(rng, written)), 2))


def _history(
    world: World, rng: random.Random, plan: DistrictPlan, nid: int, nbh: str, places: list[Row]
) -> None:
    """2-5 dated lines over the last four years, entered when the team lead started or when they happened."""
    count = rng.randint(2, 5)
    span = (world.today - timedelta(days=4 * 365), world.today - timedelta(days=14))
    days = sorted(span[0] + timedelta(days=rng.randint(0, (span[1] - span[0]).days)) for _ in range(count))
    for day, line in zip(days, rng.sample(texts.HISTORY, count), strict=True):
        values = {
            "nbh": nbh,
            "street": rng.choice(plan.streets),
            "place": _pick(rng, places, outside=True),
            "indoor": _pick(rng, places, outside=False),
        }
        entered = max(day, world.start + timedelta(days=rng.randint(20, 60)))
        world.rows["neighbourhood_event"].append(
            {
                "id": world.new_id("neighbourhood_event"),
                "neighbourhood_id": nid,
                "happened_on": day,
                "text": line.format(**values),
                **world.tracked(_moment(rng, min(entered, world.today))),
            }
        )


def _figures(world: World, rng: random.Random, nid: int, nbh: str) -> None:
    """The safety index and one or both of the others, for the last five complete years, with a trend."""
    years = range(world.today.year - FIGURE_YEARS, world.today.year)
    names = [texts.SAFETY, *rng.sample((texts.ABSENCE, texts.REFERRALS), rng.choice((1, 2)))]
    for name in names:
        for step, (year, value) in enumerate(zip(years, _series(rng, name, nbh), strict=True)):
            published = date(year + 1, 4, 1) + timedelta(days=rng.randint(0, 60))
            entered = max(published, world.start + timedelta(days=rng.randint(20, 60) + step))
            world.rows["indicator"].append(
                {
                    "id": world.new_id("indicator"),
                    "neighbourhood_id": nid,
                    "name": name,
                    "year": year,
                    "value": value,
                    **world.tracked(_moment(rng, min(entered, world.today))),
                }
            )


def _series(rng: random.Random, name: str, nbh: str) -> list[float]:
    """Five yearly values: a level, a trend (mostly improving, not everywhere), and some noise."""
    if name == texts.SAFETY:
        if nbh == "Mercatorbuurt":
            return list(texts.MERCATOR_SAFETY)
        level, slope = rng.uniform(85, 115), rng.uniform(-6.0, 1.5)
        return [float(round(level + slope * k + rng.uniform(-2.5, 2.5))) for k in range(FIGURE_YEARS)]
    if name == texts.ABSENCE:
        level, slope = rng.uniform(3.0, 9.0), rng.uniform(-0.6, 0.25)
        return [round(max(0.5, level + slope * k + rng.uniform(-0.4, 0.4)), 1) for k in range(FIGURE_YEARS)]
    level, factor = rng.uniform(25, 140), rng.uniform(-0.08, 0.06)
    return [float(round(level * (1 + factor) ** k * rng.uniform(0.92, 1.08))) for k in range(FIGURE_YEARS)]


def _point_notes(world: World, rng: random.Random, places: dict[int, list[Row]]) -> None:
    """Some signals and visits in a neighbourhood point to one of its places (one it had on that day)."""
    for note in world.rows["note"]:
        chance = POINTING.get(note["kind"], 0.0)
        here = places.get(note["neighbourhood_id"]) if chance else None
        if not here or rng.random() >= chance:
            continue
        weights = SIGNAL_PLACES if note["kind"] == "signal" else VISIT_PLACES
        known = [place for place in here if place["created_at"].date() <= note["occurred_on"]]
        fitting = [place for place in known if place["kind"] in weights]
        if fitting:
            place = rng.choices(fitting, [weights[place["kind"]] for place in fitting])[0]
            world.rows["note_place"].append({"note_id": note["id"], "place_id": place["id"]})


def _meeting_neighbourhoods(world: World, rng: random.Random, meetings: Sequence[MeetingInfo]) -> None:
    """A meeting whose title names one neighbourhood of its district belongs to it (every local reflection),
    as the upgrade to revision 0009 decides; some partner series are about the partner's own neighbourhood."""
    keys = {
        id(district): [(nid, identity_key(name)) for nid, name in district.neighbourhoods]
        for district in world.districts
    }
    local_series: dict[int | None, int | None] = {}
    for info in meetings:
        folded = identity_key(info.row["title"])
        named = [nid for nid, key in keys[id(info.district)] if key in folded]
        chosen = named[0] if len(named) == 1 else None
        if chosen is None and info.kind == "partner" and info.invitees:
            chosen = _partner_neighbourhood(rng, info.district, info, local_series)
        if chosen is not None:
            world.rows["meeting_neighbourhood"].append({"meeting_id": info.id, "neighbourhood_id": chosen})


def _partner_neighbourhood(
    rng: random.Random, district: DistrictInfo, info: MeetingInfo, decided: dict[int | None, int | None]
) -> int | None:
    """The partner's first neighbourhood in the district for some series (all their occurrences alike)."""
    key = info.series_id if info.series_id is not None else -info.id
    if key not in decided:
        served = info.invitees[0][0].neighbourhoods_in(district)
        decided[key] = served[0][0] if served and rng.random() < PARTNER_MEETINGS_LOCAL else None
    return decided[key]
