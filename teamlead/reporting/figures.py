"""The district report's key figures, exactly by the definitions and keys of ``shared/interface.md``.

Pure functions over :class:`~teamlead.reporting.facts.DistrictFacts`, so the same code gives the period's
figures and each trend quarter's; the keys, their order and the consolidation's weights are in
:mod:`teamlead.reporting.summary_keys`. A period that is not over counts only what is dated up to the moment
the report is made (:class:`~teamlead.reporting.periods.Counted`).
"""

from __future__ import annotations

import statistics

from teamlead.reporting.facts import DistrictFacts
from teamlead.reporting.model import Value
from teamlead.reporting.periods import Counted
from teamlead.reporting.summary_keys import DOMAIN_PREFIX, MEETING_KINDS, THEME_PREFIX, figure_keys
from teamlead.rules.vocabulary import OPEN_AGREEMENT_STATUSES


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _add(figures: dict[str, Value], key: str, count: int = 1) -> None:
    if key in figures:
        figures[key] = int(figures[key] or 0) + count


def compute_figures(facts: DistrictFacts, counted: Counted) -> dict[str, Value]:
    """The figures of ``counted.period`` (inside ``facts.window``), keyed and ordered as the Summary."""
    period = counted.period
    if not (facts.window.start <= period.start and period.end <= facts.window.end):
        raise ValueError(f"{period} is outside the loaded window {facts.window}")
    last = counted.last
    domain_ids = {domain.id: domain.key for domain in facts.domains}
    figures: dict[str, Value] = dict.fromkeys(
        figure_keys([domain.key for domain in facts.domains], [theme.key for theme in facts.themes]), 0
    )

    active = [org for org in facts.organisations if org.active_on(last)]
    figures["partners_active"] = len(active)
    figures["partners_joined"] = sum(1 for org in facts.organisations if counted.counts_day(org.joined_on))
    figures["partners_left"] = sum(1 for org in facts.organisations if counted.counts_day(org.left_on))
    for org in active:
        if org.domain_id in domain_ids:
            _add(figures, f"{DOMAIN_PREFIX}{domain_ids[org.domain_id]}")
    if facts.contacted is not None:  # counted on the server: a city user reads no note
        contacted = facts.contacted[period]
    else:
        contacted = sum(
            1 for org in active if any(counted.counts_day(day) for day in facts.contacts.get(org.id, []))
        )
    figures["partners_contacted_share"] = _share(contacted, len(active))

    total_notes = 0
    for (day, kind), count in facts.notes_by_day.items():
        if counted.counts_day(day):
            total_notes += count
            _add(figures, f"contact_moments_{kind}", count)
    figures["contact_moments"] = total_notes
    figures["signals"] = figures["contact_moments_signal"]
    figures.update(signal_figures(facts, counted))
    figures.update(_meeting_figures(facts, counted))
    figures.update(_agreement_figures(facts, counted))
    return figures


SIGNAL_KEYS = ("signals_closed", "signals_feedback_share", "signals_first_ask_hours_median")


def signal_figures(facts: DistrictFacts, counted: Counted) -> dict[str, Value]:
    """Signals closed in the period (up to today) and the share of them with feedback recorded; the median
    hours from coming in to the first partner asked, over the period's signals with a partner asked; the
    period's signals per theme (a signal may have several; one without a round or themes is ``other``).
    A signal recorded before signal rounds existed counts only under ``other``."""
    figures: dict[str, Value] = {f"{THEME_PREFIX}{theme.key}": 0 for theme in facts.themes}
    if facts.signal_counts is not None:  # counted on the server: a city user reads no signal
        counts = facts.signal_counts[counted.period]
        figures.update({key: value for key, value in counts.items() if key in figures})
        return {key: counts.get(key) for key in SIGNAL_KEYS} | figures
    first, last, today, made_at = counted.period.start, counted.last, counted.today, counted.made_at
    closed = feedback = 0
    hours: list[float] = []
    for signal in facts.signals:  # thousands a district, for the period and each trend quarter: kept plain
        if signal.closed_on is not None and first <= signal.closed_on <= last:
            closed += 1
            if signal.feedback_on is not None and signal.feedback_on <= today:
                feedback += 1
        if not first <= signal.day <= last:
            continue
        for key in signal.themes:
            _add(figures, f"{THEME_PREFIX}{key}")
        waited = signal.first_ask_hours(made_at)
        if waited is not None:
            hours.append(waited)
    return {
        "signals_closed": closed,
        "signals_feedback_share": _share(feedback, closed),
        "signals_first_ask_hours_median": statistics.median(hours) if hours else None,
        **figures,
    }


def _meeting_figures(facts: DistrictFacts, counted: Counted) -> dict[str, Value]:
    """Meetings held, by kind; the average attendance of those whose attendance was recorded."""
    held = [m for m in facts.meetings if not m.cancelled and counted.counts_meeting(m.starts_at)]
    figures: dict[str, Value] = {"meetings_held": len(held)}
    figures.update({f"meetings_held_{kind}": 0 for kind in MEETING_KINDS})
    for meeting in held:
        _add(figures, f"meetings_held_{meeting.kind}")
    recorded = [meeting for meeting in held if meeting.recorded]
    figures["meeting_attendance_avg"] = (
        sum(meeting.present for meeting in recorded) / len(recorded) if recorded else None
    )
    figures["meetings_held_unrecorded"] = len(held) - len(recorded)
    return figures


def _agreement_figures(facts: DistrictFacts, counted: Counted) -> dict[str, Value]:
    """Agreements made and done in the period (up to today), done on time, and overdue on its last day (or
    today, when that is earlier)."""
    last = counted.last
    days = counted.days
    made = done = on_time = overdue = 0
    for agreement in facts.agreements:
        if counted.counts_day(agreement.made_on):
            made += 1
        done_on = agreement.done_in(days) if days is not None else None
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
