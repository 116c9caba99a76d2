"""Agreements made in meetings (and a few outside them), with status histories up to ``today``.

Most are done, on time or late; some were dropped; some are still open or in progress, and of those with a due
date already past, the dashboard shows them overdue. Open agreements return on the agenda of their series.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, timedelta

from teamlead.demo import meeting_texts as texts
from teamlead.demo.meetings import MeetingInfo
from teamlead.demo.scales import Scale
from teamlead.demo.world import DistrictInfo, OrgInfo, World
from teamlead.rules.vocabulary import AuditAction
from teamlead.services.agenda import carried_title

DUE_DAYS = (14, 21, 30, 30, 42, 60, 60, 90, 120)
KIND_WEIGHT = {"network": 3.0, "reflection": 2.5, "partner": 1.0, "other": 1.5}


def _history(world: World, made: date, due: date | None) -> list[tuple[date, str]]:
    """The status changes after ``open`` on ``made``: (day, new status), all before today."""
    rng, today = world.rng, world.today
    changes: list[tuple[date, str]] = []
    last = made
    if rng.random() < 0.65:
        started = made + timedelta(days=rng.randint(2, 25))
        if started < today:
            changes.append((started, "in_progress"))
            last = started
    fate = rng.random()
    if fate < 0.72:
        finish = max(
            (due or made + timedelta(days=60)) + timedelta(days=rng.randint(-25, 20)),
            last + timedelta(days=1),
        )
        if finish < today:
            changes.append((finish, "done"))
    elif fate < 0.8:
        dropped = last + timedelta(days=rng.randint(7, 90))
        if dropped < today:
            changes.append((dropped, "dropped"))
    else:
        # Left open: most old agreements are still closed in the end (late), so what stays overdue on the
        # dashboard is mostly of the last months, as in a district where the team lead follows up.
        deadline = due or made + timedelta(days=60)
        if deadline < today - timedelta(days=120) and rng.random() < 0.9:
            closed = max(deadline + timedelta(days=rng.randint(20, 110)), last + timedelta(days=1))
            if closed < today:
                changes.append((closed, "done" if rng.random() < 0.7 else "dropped"))
    return changes


def add_agreements(world: World, scale: Scale, meetings: list[MeetingInfo]) -> None:
    rng, start, today = world.rng, world.start, world.today
    by_series: dict[int, list[MeetingInfo]] = {}
    for meeting in meetings:
        if meeting.series_id is not None:
            by_series.setdefault(meeting.series_id, []).append(meeting)
    series_days = {sid: [m.day for m in items] for sid, items in by_series.items()}
    for district in world.districts:
        past = [m for m in meetings if m.district is district and m.held and m.invitees]
        orgs = world.partners_of(district)
        from_meetings = int(scale.agreements * 0.85) if past else 0
        drafts: list[tuple[date, int, MeetingInfo | None, list[OrgInfo]]] = []
        chosen = rng.choices(past, [KIND_WEIGHT[m.kind] for m in past], k=from_meetings) if past else []
        for seq, meeting in enumerate(chosen):
            present = [org for org, _ in meeting.invitees]
            drafts.append(
                (meeting.day, seq, meeting, rng.sample(present, min(len(present), rng.randint(1, 3))))
            )
        while len(drafts) < scale.agreements:
            org = rng.choice(orgs)
            day = world.day_between(max(org.since, start), min(org.until, today - timedelta(days=1)))
            others = [other for other in rng.sample(orgs, rng.randint(0, 2)) if other is not org]
            drafts.append((day, len(drafts), None, [org, *others]))
        drafts.sort(key=lambda draft: (draft[0], draft[1]))
        for made, _, source, parties in drafts:
            _agreement(world, district, made, source, parties, by_series, series_days)
        world.check()


def _agreement(
    world: World,
    district: DistrictInfo,
    made: date,
    meeting: MeetingInfo | None,
    parties: list[OrgInfo],
    by_series: dict[int, list[MeetingInfo]],
    series_days: dict[int, list[date]],
) -> None:
    rng = world.rng
    aid = world.new_id("agreement")
    first = parties[0]
    here = first.neighbourhoods_in(district) or first.neighbourhoods
    values = {
        "org": first.name,
        "other": parties[1].name if len(parties) > 1 else "de andere partners",
        "nbh": (meeting.neighbourhood if meeting and meeting.neighbourhood else here[0][1]),
        "street": rng.choice(district.plan.streets),
    }
    text = rng.choice(texts.AGREEMENTS).format(**values)
    contact = first.contact_on(made)
    due = None if rng.random() < 0.08 else made + timedelta(days=rng.choice(DUE_DAYS))
    changes = _history(world, made, due)
    created = world.moment(made, hour=rng.randint(9, 17) if meeting is None else 17)
    status = "open"
    history: list[tuple[datetime, str | None, str, str]] = [(created, None, "open", "")]
    for day, new in changes:
        history.append((world.moment(day), status, new, rng.choice(texts.STATUS_COMMENTS[new])))
        status = new
    world.rows["agreement"].append(
        {
            "id": aid,
            "district_id": district.id,  # where it was agreed, whatever the first partner's home
            "text": text,
            "responsible_person_id": contact.person_id if contact else None,
            "made_on": made,
            "due_on": due,
            "status": status,
            "made_in_meeting_id": meeting.id if meeting else None,
            **world.tracked(created, history[-1][0], len(history)),
        }
    )
    for at, previous, new, comment in history:
        world.rows["agreement_status_change"].append(
            {
                "id": world.new_id("agreement_status_change"),
                "agreement_id": aid,
                "changed_at": at,
                "from_status": previous,
                "to_status": new,
                "comment": comment,
            }
        )
        world.log(
            at,
            "agreement",
            aid,
            AuditAction.CREATE if previous is None else AuditAction.UPDATE,
            "" if previous is None else "status",
        )
    world.rows["agreement_organisation"].extend(
        {"agreement_id": aid, "organisation_id": org.id, "position": position}
        for position, org in enumerate(parties)
    )
    if meeting is None:
        return
    meeting.row["minutes"] += (
        "\nAfspraken:" if "\nAfspraken:" not in meeting.row["minutes"] else ""
    ) + f"\n- {text}"
    if meeting.series_id is None:
        return
    # Carried forward: discussed at the next meetings of the series until it was settled, and on the agenda of
    # the next one while it is still open.
    settled = changes[-1][0] if changes and changes[-1][1] in ("done", "dropped") else None
    later = by_series[meeting.series_id][bisect_right(series_days[meeting.series_id], made) :]
    for step, next_meeting in enumerate(later[:4]):
        if settled is not None and next_meeting.day > settled:
            break
        if next_meeting.held:
            world.rows["agreement_meeting"].append({"agreement_id": aid, "meeting_id": next_meeting.id})
        elif next_meeting.row["status"] == "cancelled":
            continue
        carried = sum(1 for item in next_meeting.agenda if item["agreement_id"] is not None)
        next_meeting.agenda.append(
            {
                "id": 0,
                "meeting_id": next_meeting.id,
                "position": (201 if next_meeting.kind == "network" else 1001) + carried,
                "title": carried_title(text),
                "details": "",
                "agreement_id": aid,
                "_created": world.moment(made),
            }
        )
        if not next_meeting.held or step == 3:
            break
