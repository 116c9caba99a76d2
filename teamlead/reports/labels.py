"""Words for the stored vocabularies and the Summary keys, in the current language.

The one place these words are kept: the reports, the calendar export and the app's screens all say
"Local reflection" or "In progress" the same way. Functions, not tables built at import, so that a language
chosen after import (``--language``, the settings dialog) applies.
"""

from __future__ import annotations

from teamlead.i18n import tr


def kind_title(kind: str) -> str:
    titles = {
        "district": tr("District report"),
        "roster": tr("Partner roster"),
        "contacts": tr("Contact sheet"),
        "agreements": tr("Agreements register"),
        "meeting": tr("Meeting pack"),
        "consolidation": tr("City overview"),
    }
    return titles.get(kind, kind)


def audience_label(audience: str) -> str:
    if audience == "city":
        return tr("City: about the network, safe to forward")
    return tr("District: contains personal data, do not forward")


def meeting_kind(kind: str) -> str:
    names = {
        "network": tr("Network meeting"),
        "partner": tr("Partner meeting"),
        "reflection": tr("Local reflection"),
        "other": tr("Other"),
    }
    return names.get(kind, kind)


def note_kind_names() -> dict[str, str]:
    """Every note kind and its word, in the order a choice list offers them."""
    return {
        "call": tr("Call"),
        "visit": tr("Visit"),
        "email": tr("E-mail"),
        "meeting": tr("Meeting"),
        "signal": tr("Signal"),
        "other": tr("Other"),
    }


def note_kind(kind: str) -> str:
    return note_kind_names().get(kind, kind)


def agreement_status(status: str) -> str:
    names = {
        "open": tr("Open"),
        "in_progress": tr("In progress"),
        "done": tr("Done"),
        "dropped": tr("Dropped"),
    }
    return names.get(status, status)


def attendance(value: str) -> str:
    names = {
        "invited": tr("Invited"),
        "present": tr("Present"),
        "excused": tr("Excused"),
        "absent": tr("Absent"),
    }
    return names.get(value, value)


def figure_label(key: str, domain_names: dict[str, str] | None = None) -> str:
    """A readable name for a Summary key; per-kind keys are built from the kind's own word."""
    fixed = {
        "format_version": tr("Format version"),
        "district": tr("District"),
        "period_from": tr("Period from"),
        "period_to": tr("Period to"),
        "audience": tr("Audience"),
        "generated_at": tr("Made at"),
        "teamlead_version": tr("Teamlead version"),
        "partners_active": tr("Active partners"),
        "partners_joined": tr("Partners joined"),
        "partners_left": tr("Partners left"),
        "partners_contacted_share": tr("Share of active partners contacted"),
        "contact_moments": tr("Contact moments"),
        "signals": tr("Signals"),
        "meetings_held": tr("Meetings held"),
        "meeting_attendance_avg": tr("Average attendance per meeting"),
        "agreements_made": tr("Agreements made"),
        "agreements_done": tr("Agreements done"),
        "agreements_overdue": tr("Agreements overdue"),
        "agreements_done_on_time_share": tr("Share done on time"),
    }
    if key in fixed:
        return fixed[key]
    if key.startswith("partners_active_"):
        part = key.removeprefix("partners_active_")
        name = (domain_names or {}).get(part) or _default_domain(part) or part.replace("_", " ").capitalize()
        return tr("Active partners: {domain}", domain=name)
    if key.startswith("contact_moments_"):
        return tr("Contact moments: {kind}", kind=note_kind(key.removeprefix("contact_moments_")))
    if key.startswith("meetings_held_"):
        return tr("Meetings held: {kind}", kind=meeting_kind(key.removeprefix("meetings_held_")))
    return key


def format_figure(key: str, value: object) -> str:
    """A figure as the PDF prints it: shares as percentages, averages with one decimal, empty as a dash."""
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        if key.endswith("_share"):
            return f"{value * 100:.0f}%"
        return f"{value:.1f}"
    return str(value)


def domain_name(key: str | None, name: str) -> str:
    """A domain's name; a default domain that was never renamed is shown in the report's language."""
    from teamlead.data.enums import DEFAULT_DOMAINS
    from teamlead.i18n import current_language

    for default_key, english, dutch in DEFAULT_DOMAINS:
        if key == default_key and name == english:
            return dutch if current_language() == "nl" else english
    return name


def _default_domain(key: str) -> str | None:
    from teamlead.data.enums import DEFAULT_DOMAINS

    for default_key, english, _dutch in DEFAULT_DOMAINS:
        if default_key == key:
            return domain_name(key, english)
    return None
