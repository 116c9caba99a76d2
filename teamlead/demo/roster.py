"""Districts, neighbourhoods, partner organisations, their people and their roles over time."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from teamlead.demo.kinds import CORE, LOCAL, LOCAL_WEIGHTS, Kind
from teamlead.demo.names import person_name
from teamlead.demo.places import DistrictPlan, postcode
from teamlead.demo.scales import Scale
from teamlead.demo.world import DistrictInfo, OrgInfo, StaffRole, World
from teamlead.rules.vocabulary import AuditAction

_LOCAL_BY_KEY = {kind.key: kind for kind in LOCAL}
_EXTRA_KEYS = tuple(LOCAL_WEIGHTS)
_EXTRA_WEIGHTS = tuple(LOCAL_WEIGHTS.values())
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"  # postcode letters


def slug(text: str) -> str:
    """``Moskee Ar-Rahma`` → ``moskee-ar-rahma``: ASCII for e-mail addresses and websites."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def add_geography(
    world: World,
    plans: tuple[DistrictPlan, ...],
    existing: dict[str, int],
    existing_neighbourhoods: dict[tuple[int, str], int],
) -> None:
    """The districts and neighbourhoods, reusing those a user already made under the same name."""
    created = world.moment(world.start, hour=8)
    for plan in plans:
        district_id = existing.get(plan.name)
        if district_id is None:
            district_id = world.new_id("district")
            world.rows["district"].append({"id": district_id, "name": plan.name, **world.tracked(created)})
        neighbourhoods = []
        for name in plan.neighbourhoods:
            nid = existing_neighbourhoods.get((district_id, name))
            if nid is None:
                nid = world.new_id("neighbourhood")
                world.rows["neighbourhood"].append(
                    {"id": nid, "district_id": district_id, "name": name, **world.tracked(created)}
                )
            neighbourhoods.append((nid, name))
        world.districts.append(DistrictInfo(district_id, plan, neighbourhoods))


def _plan_kinds(world: World, district: DistrictInfo, count: int) -> list[tuple[Kind, int]]:
    """Which kinds of partner, each with the index of its home neighbourhood: core partners first."""
    big = count > 150
    core: list[tuple[Kind, int]] = []
    for kind in CORE:
        copies = {"youth_work": 2, "police": 2, "municipality": 2, "housing": 4, "library": 3}.get(
            kind.key, 1
        )
        if not big:
            copies = {"housing": 2}.get(kind.key, 1 if kind.key not in ("mbo",) or count > 100 else 0)
        core.extend((kind, world.rng.randrange(len(district.neighbourhoods))) for _ in range(copies))
    plan = core[:count]
    local_order = [kind.key for kind in LOCAL]
    n = len(district.neighbourhoods)
    index = 0
    while len(plan) < count:
        round_, nbh = divmod(index, n)
        if round_ < len(local_order):
            key = local_order[(round_ + nbh) % len(local_order)]
        else:
            key = world.rng.choices(_EXTRA_KEYS, _EXTRA_WEIGHTS)[0]
        plan.append((_LOCAL_BY_KEY[key], nbh))
        index += 1
    return plan


def _name(world: World, kind: Kind, plan: DistrictPlan, nbh: str, used: set[str]) -> str:
    rng = world.rng
    name = ""
    for _ in range(8):
        pick = rng.choice(kind.pool) if kind.pool else nbh
        name = rng.choice(kind.names).format(nbh=nbh, district=plan.name, pick=pick)
        if name not in used:
            break
    base, number = name, 1
    while name in used:
        number += 1
        name = f"{base} ({nbh})" if number == 2 else f"{base} {number}"
    used.add(name)
    return name


def add_organisations(world: World, scale: Scale) -> None:
    rng, start, today = world.rng, world.start, world.today
    used: set[str] = set()
    for district in world.districts:
        plan = district.plan
        for kind, home in _plan_kinds(world, district, scale.partners):
            n = len(district.neighbourhoods)
            served = [district.neighbourhoods[home]]
            if kind in CORE:
                served = [
                    district.neighbourhoods[i]
                    for i in sorted(rng.sample(range(n), rng.randint(min(3, n), n)))
                ]
            elif rng.random() < 0.18 and n > 1:
                served.append(district.neighbourhoods[(home + 1) % n])
            name = _name(world, kind, plan, district.neighbourhoods[home][1], used)
            oid = world.new_id("organisation")
            joined = start - timedelta(days=rng.randint(30, 3000))
            if rng.random() < 0.15:
                joined = world.day_between(start + timedelta(days=60), today - timedelta(days=45))
            since = max(joined, world.day_between(start, start + timedelta(days=45)))
            left = (
                world.day_between(since + timedelta(days=120), today - timedelta(days=7))
                if rng.random() < 0.04
                else None
            )
            if left is not None and left >= today:
                left = None
            address = (
                f"{rng.choice(plan.streets)} {rng.randint(1, 240)}, "
                f"{postcode(plan, rng.randrange(100), rng.choice(LETTERS) + rng.choice(LETTERS))} "
                f"{'Weesp' if plan.name == 'Weesp' else 'Amsterdam'}"
            )
            domain = f"{slug(name)}.example"
            informal = kind.informal
            has_phone = not informal or rng.random() < 0.6
            cadence = rng.choice(kind.cadence)
            created = world.moment(since)
            row = {
                "id": oid,
                "name": name,
                "district_id": district.id,
                "domain_id": world.domains[kind.domain],
                "address": address,
                "website": "" if informal and rng.random() < 0.5 else f"https://www.{domain}",
                "phone": f"020 555 0{rng.randint(0, 999):03d}" if has_phone else "",
                "email": f"{slug(name)}@example.org" if informal else f"info@{domain}",
                "description": "",
                "remarks": remark(oid, since),
                "is_informal": informal,
                "status": "former" if left else "active",
                "joined_on": joined,
                "left_on": left,
                "contact_cadence_days": cadence,
            }
            world.log(created, "organisation", oid, AuditAction.CREATE)
            if left:
                archived = world.moment(left)
                row.update(world.tracked(created, archived, 2))
                world.log(archived, "organisation", oid, AuditAction.ARCHIVE, "status,left_on")
            else:
                row.update(world.tracked(created))
            world.rows["organisation"].append(row)
            world.rows["organisation_neighbourhood"].extend(
                {"organisation_id": oid, "neighbourhood_id": nid} for nid, _ in served
            )
            weight = kind.notes * (30 / cadence if cadence else 0.5) * rng.uniform(0.5, 1.5)
            world.orgs.append(
                OrgInfo(
                    oid, name, district, kind, served, address, since, left or today, weight, left_on=left
                )
            )


REMARKS = (
    "Sleutel van de ontmoetingsruimte ligt bij de beheerder.",
    "Liever bellen dan mailen; voicemail wordt niet afgeluisterd.",
    "Nieuwe coördinator sinds het voorjaar; kennismaking gepland.",
    "Neemt in de zomer niet deel aan het netwerkoverleg.",
    "Kan vergaderruimte beschikbaar stellen voor grotere bijeenkomsten.",
)


def remark(organisation_id: int, since: date) -> str:
    """A remark on one partner in nine, as a predecessor's roster brings them (taken from the id, so the
    demo's random draws stay as they were)."""
    if organisation_id % 9:
        return ""
    return f"{since.isoformat()}: {REMARKS[organisation_id // 9 % len(REMARKS)]}"


def _title(world: World, kind: Kind) -> str:
    titles = [title for title, _ in kind.roles]
    return world.rng.choices(titles, [weight for _, weight in kind.roles])[0]


def _add_role(
    world: World,
    person_id: int,
    first: str,
    org: OrgInfo,
    title: str,
    started: date | None,
    ended: date | None,
) -> None:
    rid = world.new_id("role")
    created = world.moment(max(started or org.since, org.since))
    if ended:
        end_at = world.moment(ended)
        stamps = world.tracked(created, end_at, 2)
        world.log(end_at, "role", rid, AuditAction.UPDATE, "ended_on")
    else:
        stamps = world.tracked(created)
    world.log(created, "role", rid, AuditAction.CREATE)
    world.rows["role"].append(
        {
            "id": rid,
            "person_id": person_id,
            "organisation_id": org.id,
            "title": title,
            "started_on": started,
            "ended_on": ended,
            **stamps,
        }
    )
    org.staff.append(StaffRole(person_id, first, started, ended))


def _contact(world: World, org: OrgInfo, first: str, surname: str) -> tuple[str, str]:
    """A person's e-mail address (at the organisation's domain, or a private one) and phone number."""
    rng = world.rng
    if org.kind.private_mail:
        email = f"{slug(first)}.{slug(surname)}{rng.randint(1, 99)}@example.org" if rng.random() < 0.7 else ""
    else:
        email = f"{slug(first)[0]}.{slug(surname).replace('-', '')}@{slug(org.name)}.example"
    phone_roll = rng.random()
    phone = (
        f"06 5555 {rng.randint(0, 9999):04d}"
        if phone_roll < 0.72
        else f"020 555 0{rng.randint(0, 999):03d}"
        if phone_roll < 0.9
        else ""
    )
    return email, phone


def _add_career(
    world: World,
    pid: int,
    first: str,
    org: OrgInfo,
    orgs: list[OrgInfo],
    informal: list[OrgInfo],
    started: date,
) -> date:
    """The person's roles: at ``org`` from ``started``, perhaps after one at another partner, a change of
    job, a departure, or a second role as a volunteer; returns the day the person was entered."""
    rng, start, today = world.rng, world.start, world.today
    story = rng.random()
    created_day = max(started, org.since)
    if story < 0.08 and len(orgs) > 1:  # moved here from another partner in the district
        earlier = rng.choice(orgs)
        moved = world.day_between(start + timedelta(days=90), today - timedelta(days=60))
        if earlier is not org and earlier.since < moved:
            first_start = earlier.since - timedelta(days=rng.randint(60, 1500))
            _add_role(world, pid, first, earlier, _title(world, earlier.kind), first_start, moved)
            started = moved + timedelta(days=rng.randint(1, 30))
            created_day = max(earlier.since, start)
    if story > 0.94:  # promoted or changed jobs within the organisation
        change = world.day_between(max(started, org.since) + timedelta(days=60), today - timedelta(days=30))
        if max(started, org.since) < change < today - timedelta(days=29):
            _add_role(world, pid, first, org, _title(world, org.kind), started, change)
            started = change + timedelta(days=1)
    ended = None
    if 0.08 <= story < 0.13:  # left the organisation
        ended = world.day_between(max(started, org.since) + timedelta(days=30), today - timedelta(days=5))
        if ended >= today:
            ended = None
    _add_role(world, pid, first, org, _title(world, org.kind), started, ended)
    if 0.13 <= story < 0.17 and informal:  # a second role at once, as a volunteer
        other = rng.choice(informal)
        if other is not org:
            _add_role(
                world,
                pid,
                first,
                other,
                _title(world, other.kind),
                world.day_between(other.since, today - timedelta(days=10)),
                None,
            )
    return created_day


def add_people(world: World, scale: Scale) -> None:
    """Persons with a role each; some moved organisations, changed roles, left, or hold two roles at once."""
    rng, start, today = world.rng, world.start, world.today
    for district in world.districts:
        orgs = [org for org in world.orgs if org.district is district]
        raw = [org.kind.staff * rng.uniform(0.6, 1.4) for org in orgs]
        factor = scale.persons / sum(raw)
        informal = [org for org in orgs if org.kind.informal]
        for org, weight in zip(orgs, raw, strict=True):
            for _ in range(max(1, round(weight * factor))):
                name = person_name(rng)
                first, _, surname = name.partition(" ")
                pid = world.new_id("person")
                email, phone = _contact(world, org, first, surname)
                started = (
                    org.since - timedelta(days=rng.randint(30, 2500))
                    if rng.random() < 0.75
                    else world.day_between(org.since, today - timedelta(days=20))
                )
                created_day = _add_career(world, pid, first, org, orgs, informal, started)
                created = world.moment(max(created_day, start))
                world.rows["person"].append(
                    {
                        "id": pid,
                        "name": name,
                        "phone": phone,
                        "email": email,
                        "remarks": "",
                        **world.tracked(created),
                    }
                )
                world.log(created, "person", pid, AuditAction.CREATE)
        world.check()
