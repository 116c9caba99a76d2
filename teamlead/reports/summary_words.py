"""Words of the reports themselves: the Summary keys' readable names, and figures as printed.

The vocabulary's words (kinds, statuses, domains) are :mod:`teamlead.rules.words`', shared with the screens;
a report's title comes in its header, from the registry of report kinds (:mod:`teamlead.producing.registry`).
Functions, not tables built at import, so that a language chosen after import (``--language``) applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from teamlead.i18n import tr
from teamlead.reporting.summary_keys import DOMAIN_PREFIX, THEME_PREFIX, TRUE
from teamlead.rules import formatting, words


def figure_label(key: str, names: Mapping[str, str] | None = None) -> str:
    """A readable name for a Summary key; per-kind keys are built from the kind's own word. ``names`` (a
    report's :attr:`~teamlead.reporting.model.DistrictReport.labels`) gives domains and themes their current
    names; without it a default one is named by its default name."""
    fixed = {
        "format_version": tr("Format version"),
        "district": tr("District"),
        "period_from": tr("Period from"),
        "period_to": tr("Period to"),
        "audience": tr("Audience"),
        "generated_at": tr("Made at"),
        "teamlead_version": tr("Teamlead version"),
        "period_complete": tr("Period complete"),
        "partners_active": tr("Active partners"),
        "partners_joined": tr("Partners joined"),
        "partners_left": tr("Partners left"),
        "partners_contacted_share": tr("Share of active partners contacted"),
        "contact_moments": tr("Contact moments"),
        "signals": tr("Signals"),
        "signals_closed": tr("Signals closed"),
        "signals_feedback_share": tr("Share of closed signals fed back"),
        "signals_first_ask_hours_median": tr("Median hours to first partner asked"),
        "meetings_held": tr("Meetings held"),
        "meeting_attendance_avg": tr("Average attendance (where taken)"),
        "meetings_held_unrecorded": tr("Meetings without attendance taken"),
        "agreements_made": tr("Agreements made"),
        "agreements_done": tr("Agreements done"),
        "agreements_overdue": tr("Agreements overdue"),
        "agreements_done_on_time_share": tr("Share done on time"),
    }
    if key in fixed:
        return fixed[key]
    named = (names or {}).get(key)
    if key.startswith(THEME_PREFIX):
        part = key.removeprefix(THEME_PREFIX)
        theme = named or words.default_theme_name(part) or part.replace("_", " ").capitalize()
        return tr("Signals: {theme}", theme=theme)
    if key.startswith(DOMAIN_PREFIX):
        part = key.removeprefix(DOMAIN_PREFIX)
        name = named or words.default_domain_name(part) or part.replace("_", " ").capitalize()
        return tr("Active partners: {domain}", domain=name)
    if key.startswith("contact_moments_"):
        return tr("Contact moments: {kind}", kind=words.note_kind(key.removeprefix("contact_moments_")))
    if key.startswith("meetings_held_"):
        return tr("Meetings held: {kind}", kind=words.meeting_kind(key.removeprefix("meetings_held_")))
    return key


def format_figure(key: str, value: object) -> str:
    """A figure as the PDF prints it (:mod:`teamlead.rules.formatting`): shares as percentages, averages and
    medians with one decimal, empty as a dash. A share or average read back from a workbook may be a whole
    number (a share of 1 is stored as 1), so the key decides, not the type."""
    if value is None or value == "":
        return "–"
    if key == "period_complete":
        return tr("complete") if value == TRUE else tr("interim")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if key.endswith("_share"):
            return formatting.share(value)
        if key.endswith(("_avg", "_median")) or isinstance(value, float):
            return formatting.number(value, 1)
        return formatting.number(value)
    return str(value)


def interim_words(until: date) -> str:
    """What a report of a period that was not over says about it, on its first page."""
    return tr("interim, up to {date}", date=formatting.day_text(until))
