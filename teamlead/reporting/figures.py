"""The district report's key figures, exactly by the definitions and keys of ``shared/interface.md``.

Pure functions over :class:`~teamlead.reporting.facts.DistrictFacts`, so the same code gives the period's
figures and each trend quarter's; the Summary's fixed keys and the consolidation's weights are in
:mod:`teamlead.reporting.summary_keys`.
"""

from __future__ import annotations

from datetime import date

from teamlead.reporting.facts import DistrictFacts
from teamlead.reporting.model import Value
from teamlead.reporting.periods import Period
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES, MeetingKind, NoteKind

NOTE_KINDS = tuple(kind.value for kind in NoteKind)
MEETING_KINDS = tuple(kind.value for kind in MeetingKind)


def figure_keys(domain_keys: list[str]) -> list[str]:
    """Every figure key, in the Summary's order, for a database with these domain keys."""
    return [
        "partners_active",
        "partners_joined",
        "partners_left",
        *(f"partners_active_{key}" for key in domain_keys),
        "partners_contacted_share",
        "contact_moments",
        *(f"contact_moments_{kind}" for kind in NOTE_KINDS),
        "signals",
        "meetings_held",
        *(f"meetings_held_{kind}" for kind in MEETING_KINDS),
        "meeting_attendance_avg",
        "agreements_made",
        "agreements_done",
        "agreements_overdue",
        "agreements_done_on_time_share",
    ]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _contacted(days: list[date], period: Period) -> bool:
    return any(day in period for day in days)


def compute_figures(facts: DistrictFacts, period: Period) -> dict[str, Value]:
    """The figures of ``period`` (inside ``facts.window``), keyed and ordered as the Summary."""
    if not (facts.window.start <= period.start and period.end <= facts.window.end):
        raise ValueError(f"{period} is outside the loaded window {facts.window}")
    last = period.end
    domain_ids = {domain.id: domain.key for domain in facts.domains}
    figures: dict[str, Value] = dict.fromkeys(figure_keys([domain.key for domain in facts.domains]), 0)

    active = [org for org in facts.organisations if org.active_on(last)]
    figures["partners_active"] = len(active)
    figures["partners_joined"] = sum(1 for org in facts.organisations if org.joined_on in period)
    figures["partners_left"] = sum(1 for org in facts.organisations if org.left_on in period)
    for org in active:
        if org.domain_id in domain_ids:
            key = f"partners_active_{domain_ids[org.domain_id]}"
            figures[key] = int(figures[key] or 0) + 1
    contacted = sum(1 for org in active if _contacted(facts.contacts.get(org.id, []), period))
    figures["partners_contacted_share"] = _share(contacted, len(active))

    total_notes = 0
    for (day, kind), count in facts.notes_by_day.items():
        if day in period:
            total_notes += count
            key = f"contact_moments_{kind}"
            if key in figures:
                figures[key] = int(figures[key] or 0) + count
    figures["contact_moments"] = total_notes
    figures["signals"] = figures["contact_moments_signal"]

    held = [meeting for meeting in facts.meetings if meeting.day in period and not meeting.cancelled]
    figures["meetings_held"] = len(held)
    for meeting in held:
        key = f"meetings_held_{meeting.kind}"
        if key in figures:
            figures[key] = int(figures[key] or 0) + 1
    figures["meeting_attendance_avg"] = sum(meeting.present for meeting in held) / len(held) if held else None

    figures.update(_agreement_figures(facts, period))
    return figures


def _agreement_figures(facts: DistrictFacts, period: Period) -> dict[str, Value]:
    """Agreements made and done in ``period``, done on time, and overdue at its end."""
    last = period.end
    made = done = on_time = overdue = 0
    for agreement in facts.agreements:
        if agreement.made_on in period:
            made += 1
        done_on = agreement.done_in(period)
        if done_on is not None:
            done += 1
            if agreement.due_on is None or done_on <= agreement.due_on:
                on_time += 1
        if (
            agreement.due_on is not None
            and agreement.due_on < last
            and agreement.status_on(last) in OPEN_AGREEMENT_STATUSES
        ):
            overdue += 1
    return {
        "agreements_made": made,
        "agreements_done": done,
        "agreements_overdue": overdue,
        "agreements_done_on_time_share": _share(on_time, done),
    }
