"""Key contacts, when people can be reached, and what partners offer the network.

Most partners have a key contact (vaste contactpersoon) among the people who hold a role there today; a few with
several contacts have none chosen yet, so the dashboard has partners to list. Key contacts mostly say when they
can be reached, in the windows their work has (youth work and police in the evening, night and weekend, schools
in office hours); some other contacts do too. Drawn from a stream of their own (``World.stream``), so the rest of
the demo stays as it was.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from teamlead.demo.world import OrgInfo, Row, World
from teamlead.rules.reachability import stored_windows

KEY_CONTACT_SHARE = 0.88  # of partners with someone to choose; with those who have nobody: about 85%
OTHERS_WITH_WINDOWS = 0.15

OFFERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # name, the kinds of partner that offer it
    (
        "Ruimte voor bijeenkomsten",
        ("community_centre", "youth_centre", "mosque", "church", "library", "housing", "sports_club"),
    ),
    ("Straatpresentie", ("youth_work", "police", "residents", "youth_centre")),
    (
        "Ouderavond",
        ("primary_school", "secondary_school", "parent_child_team", "mosque", "self_organisation"),
    ),
    ("Vertaling/tolk", ("self_organisation", "mosque", "church", "neighbourhood_team")),
    ("Huisbezoek", ("neighbourhood_team", "parent_child_team", "school_attendance", "police", "ggd")),
    ("Sportactiviteit", ("sports_club", "youth_centre", "youth_work")),
    (
        "Doorverwijzing naar hulp",
        ("neighbourhood_team", "care_provider", "ggd", "parent_child_team", "municipality", "youth_work"),
    ),
    ("Informatie-avond", ("municipality", "police", "library", "ggd", "housing", "community_centre")),
    ("Huiswerkbegeleiding", ("library", "self_organisation", "community_centre", "primary_school")),
    ("Buurtbemiddeling", ("housing", "community_centre", "residents", "municipality")),
    ("Stageplekken", ("mbo", "housing", "municipality", "secondary_school", "care_provider")),
    ("Jongerenpanel", ("youth_work", "youth_centre", "municipality", "mbo")),
)
OFFER_SHARE = 0.88

# When people of a kind of partner can be reached: (windows, chance) pairs, each window drawn on its own.
_DAY = (("office", 0.95),)
_STREET = (("office", 0.7), ("evening", 0.9), ("night", 0.35), ("weekend", 0.6))
_VOLUNTEER = (("office", 0.25), ("evening", 0.85), ("weekend", 0.7))
REACH: dict[str, tuple[tuple[str, float], ...]] = {
    "youth_work": _STREET,
    "youth_centre": _STREET,
    "police": (("office", 0.8), ("evening", 0.85), ("night", 0.6), ("weekend", 0.7)),
    "ggd": (("office", 0.95), ("evening", 0.15)),
    "housing": (("office", 0.95), ("evening", 0.15)),
    "municipality": (("office", 0.95), ("evening", 0.3), ("weekend", 0.1)),
    "community_centre": (("office", 0.9), ("evening", 0.6)),
    "residents": _VOLUNTEER,
    "sports_club": _VOLUNTEER,
    "self_organisation": _VOLUNTEER,
    "mosque": (("office", 0.3), ("evening", 0.8), ("weekend", 0.8)),
    "church": (("office", 0.3), ("evening", 0.7), ("weekend", 0.9)),
}


def add_key_contacts(world: World) -> None:
    """Key contacts and reachability for the partners made so far, and the offer list with who offers what."""
    rng = world.stream("contacts")
    people = {row["id"]: row for row in world.rows["person"]}
    for row in people.values():
        row["reachability"] = ""
    kinds: dict[int, str] = {}  # person -> the kind of partner whose windows they keep
    for org in world.orgs:
        current = list(dict.fromkeys(role.person_id for role in org.staff if role.active_on(world.today)))
        for person_id in current:
            kinds.setdefault(person_id, org.kind.key)
        if not current or org.left_on is not None:
            continue
        if len(current) > 1 and rng.random() > KEY_CONTACT_SHARE:
            continue  # several contacts and none chosen: the dashboard lists it
        # Mostly the longest-serving contact (the one the team lead knows), sometimes another.
        chosen = current[0] if rng.random() < 0.7 else rng.choice(current)
        org.key_contact = chosen
        kinds[chosen] = org.kind.key
        world.rows["key_contact"].append({"organisation_id": org.id, "person_id": chosen})
        if rng.random() < 0.9:
            people[chosen]["reachability"] = _windows(rng, org.kind.key)
    chosen_ids = {org.key_contact for org in world.orgs}
    for person_id, kind in kinds.items():
        if person_id not in chosen_ids and rng.random() < OTHERS_WITH_WINDOWS:
            people[person_id]["reachability"] = _windows(rng, kind)
    _add_offers(world, rng)


def _windows(rng: random.Random, kind: str) -> str:
    windows = [window for window, chance in REACH.get(kind, _DAY) if rng.random() < chance]
    return stored_windows(windows or ["office"])


def _add_offers(world: World, rng: random.Random) -> None:
    """The offer list (reusing offers the database already has by name) and one to three per partner."""
    start = world.start
    created = datetime(start.year, start.month, start.day, 8, tzinfo=UTC)  # not World.moment: no main draw
    for position, (name, _kinds) in enumerate(OFFERS):
        if name not in world.offers:
            world.offers[name] = world.new_id("offer")
            world.rows["offer"].append(
                {"id": world.offers[name], "name": name, "position": position, **world.tracked(created)}
            )
    links: list[Row] = world.rows["organisation_offer"]
    for org in world.orgs:
        fitting = _fitting(org)
        if not fitting or rng.random() > OFFER_SHARE:
            continue
        for name in sorted(rng.sample(fitting, min(len(fitting), rng.choice((1, 1, 2, 2, 3))))):
            links.append({"organisation_id": org.id, "offer_id": world.offers[name]})


def _fitting(org: OrgInfo) -> list[str]:
    return [name for name, kinds in OFFERS if org.kind.key in kinds]
