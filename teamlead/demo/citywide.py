"""City-wide partners of the city demo: police units, the GGD and housing corporations that serve
neighbourhoods of several districts.

Each has one home district and is invited, called and bound by agreements in every district it serves, so the
city demo holds notes, invitations and agreements of one district about a partner whose home is another
(``shared/interface.md``, "Districts"). Only a demo of several districts has them; the others stay as they were.
"""

from __future__ import annotations

from datetime import timedelta

from teamlead.demo.kinds import CORE
from teamlead.demo.places import postcode
from teamlead.demo.roster import LETTERS, remark, slug
from teamlead.demo.world import OrgInfo, World
from teamlead.rules.vocabulary import AuditAction

CITY_WIDE: tuple[tuple[str, str, str, int], ...] = (
    # name, kind of partner, home district, how many districts it serves
    ("Politie Eenheid Amsterdam, team Jeugd en Veiligheid", "police", "Centrum", 4),
    ("Politie Amsterdam, Flexteam Jeugdgroepen", "police", "Nieuw-West", 4),
    ("GGD Amsterdam, Jeugdgezondheidszorg", "ggd", "Oost", 6),
    ("GGD Amsterdam, Vangnet Jeugd", "ggd", "Centrum", 4),
    ("Woonstichting Amsterdam Thuis", "housing", "West", 4),
    ("Wooncorporatie Samen Stad", "housing", "Zuidoost", 3),
    ("Stichting Stadsbreed Wonen", "housing", "Noord", 3),
)
_KINDS = {kind.key: kind for kind in CORE}


def add_city_wide_partners(world: World) -> None:
    """The city-wide partners, after every district's own; none when the demo has one district."""
    if len(world.districts) < 2:
        return
    rng, start = world.rng, world.start
    by_name = {district.plan.name: district for district in world.districts}
    for name, kind_key, home_name, reach in CITY_WIDE:
        home = by_name.get(home_name)
        if home is None:
            continue
        kind = _KINDS[kind_key]
        others = [district for district in world.districts if district is not home]
        reached = {id(district) for district in [home, *rng.sample(others, min(reach - 1, len(others)))]}
        served = []
        for district in world.districts:
            if id(district) in reached:
                n = len(district.neighbourhoods)
                picks = sorted(rng.sample(range(n), rng.randint(min(2, n), min(4, n))))
                served += [district.neighbourhoods[i] for i in picks]
        oid = world.new_id("organisation")
        joined = start - timedelta(days=rng.randint(300, 3000))
        since = max(joined, world.day_between(start, start + timedelta(days=45)))
        plan = home.plan
        address = (
            f"{rng.choice(plan.streets)} {rng.randint(1, 240)}, "
            f"{postcode(plan, rng.randrange(100), rng.choice(LETTERS) + rng.choice(LETTERS))} Amsterdam"
        )
        domain = f"{slug(name)}.example"
        cadence = rng.choice(kind.cadence)
        created = world.moment(since)
        world.rows["organisation"].append(
            {
                "id": oid,
                "name": name,
                "district_id": home.id,
                "domain_id": world.domains[kind.domain],
                "address": address,
                "website": f"https://www.{domain}",
                "phone": f"020 555 0{rng.randint(0, 999):03d}",
                "email": f"info@{domain}",
                "description": "",
                "remarks": remark(oid, since),
                "is_informal": False,
                "status": "active",
                "joined_on": joined,
                "left_on": None,
                "contact_cadence_days": cadence,
                **world.tracked(created),
            }
        )
        world.log(created, "organisation", oid, AuditAction.CREATE)
        world.rows["organisation_neighbourhood"].extend(
            {"organisation_id": oid, "neighbourhood_id": nid} for nid, _ in served
        )
        weight = kind.notes * (30 / cadence if cadence else 0.5) * rng.uniform(0.5, 1.5)
        world.orgs.append(OrgInfo(oid, name, home, kind, served, address, since, world.today, weight))
