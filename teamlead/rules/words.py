"""The words for the vocabulary, in the current language: one word per value, for screens and reports alike.

Functions, not tables built at import, so that a language chosen after import (``--language``, the settings
dialog) applies at once. A screen and a report therefore name a status, a kind or a domain the same way.
"""

from __future__ import annotations

from teamlead.i18n import current_language, tr, trn, trp
from teamlead.rules.vocabulary import (
    DEFAULT_DOMAINS,
    DEFAULT_THEMES,
    AgreementStatus,
    Attendance,
    Audience,
    DistrictedKind,
    MeetingKind,
    NoteKind,
    OrganisationStatus,
    PlaceKind,
    ReachWindow,
    SignalAnswer,
    SignalState,
)

_DEFAULT_DOMAIN_NAMES = {key: (english, dutch) for key, english, dutch in DEFAULT_DOMAINS}
_DEFAULT_THEME_NAMES = {key: (english, dutch) for key, english, dutch in DEFAULT_THEMES}


def note_kind_names() -> dict[str, str]:
    """Every note kind and its word, in the order a choice list offers them."""
    return {
        NoteKind.CALL: tr("Call"),
        NoteKind.VISIT: tr("Visit"),
        NoteKind.EMAIL: tr("E-mail"),
        NoteKind.MEETING: tr("Meeting"),
        NoteKind.SIGNAL: tr("Signal"),
        NoteKind.OTHER: tr("Other"),
    }


def note_kind(kind: str) -> str:
    return note_kind_names().get(kind, kind)


def meeting_kind_names() -> dict[str, str]:
    """Every meeting kind and its word, in the order a choice list offers them."""
    return {
        MeetingKind.NETWORK: tr("Network meeting"),
        MeetingKind.PARTNER: tr("Partner meeting"),
        MeetingKind.REFLECTION: tr("Local reflection"),
        MeetingKind.OTHER: tr("Other"),
    }


def meeting_kind(kind: str) -> str:
    return meeting_kind_names().get(kind, kind)


def meeting_kind_alone(kind: str) -> str:
    """A meeting kind on its own in a timeline, where a bare "Other" would not say it was a meeting."""
    return tr("Other meeting") if kind == MeetingKind.OTHER else meeting_kind(kind)


def agreement_status_names() -> dict[str, str]:
    return {
        # In context: "Done" as a status reads otherwise in Dutch than "Done" as a finished step.
        AgreementStatus.OPEN: trp("agreement status", "Open"),
        AgreementStatus.IN_PROGRESS: trp("agreement status", "In progress"),
        AgreementStatus.DONE: trp("agreement status", "Done"),
        AgreementStatus.DROPPED: trp("agreement status", "Dropped"),
    }


def agreement_status(status: str) -> str:
    return agreement_status_names().get(status, status)


def agreement_status_in_sentence(status: str) -> str:
    """A status inside a sentence ("Agreement (in progress)"): the register's word, in lower case."""
    return agreement_status(status).lower()


def attendance_names() -> dict[str, str]:
    return {
        Attendance.INVITED: tr("Invited"),
        Attendance.PRESENT: tr("Present"),
        Attendance.EXCUSED: tr("Excused"),
        Attendance.ABSENT: tr("Absent"),
    }


def attendance(value: str) -> str:
    return attendance_names().get(value, value)


def organisation_status_names() -> dict[str, str]:
    return {OrganisationStatus.ACTIVE: tr("Active"), OrganisationStatus.FORMER: tr("Former")}


def organisation_status(status: str) -> str:
    return organisation_status_names().get(status, status)


def audience_names() -> dict[str, str]:
    """The two audiences of a report, as the form and the report's title block say them."""
    return {
        Audience.CITY: tr("City: about the network, safe to forward"),
        Audience.DISTRICT: tr("District: contains personal data, do not forward"),
    }


def audience(value: str) -> str:
    return audience_names().get(value, value)


def domain_name(key: str | None, name: str | None) -> str:
    """A domain as shown: a default domain that still has its default name (in either language) in the
    current language, any other (renamed or user-made) as named."""
    if name is None:
        return ""
    names = _DEFAULT_DOMAIN_NAMES.get(key or "")
    if names is not None and name in names:
        return names[1] if current_language() == "nl" else names[0]
    return name


def domain_names(key: str | None, name: str) -> frozenset[str]:
    """Every name a domain goes by: its own, and for a default domain that still has its default name, that
    name in both languages (a new domain may take none of them)."""
    names = _DEFAULT_DOMAIN_NAMES.get(key or "")
    if names is not None and name in names:
        return frozenset(names)
    return frozenset({name})


def default_domain_name(key: str) -> str | None:
    """The word for a default domain's key (``social`` -> Social / Sociaal); None for other keys."""
    names = _DEFAULT_DOMAIN_NAMES.get(key)
    return domain_name(key, names[0]) if names is not None else None


def districtless(kind: DistrictedKind, count: int) -> str:
    """ "12 partners have no district": a line of the dashboard's and ``check``'s list of records without one."""
    match kind:
        case DistrictedKind.ORGANISATION:
            return trn("{count} partner has no district", "{count} partners have no district", count)
        case DistrictedKind.NOTE:
            return trn("{count} note has no district", "{count} notes have no district", count)
        case DistrictedKind.MEETING:
            return trn("{count} meeting has no district", "{count} meetings have no district", count)
        case DistrictedKind.SERIES:
            return trn(
                "{count} meeting series has no district", "{count} meeting series have no district", count
            )
        case DistrictedKind.AGREEMENT:
            return trn("{count} agreement has no district", "{count} agreements have no district", count)


def default_theme_name(key: str) -> str | None:
    """The word for a default signal theme's key (``unrest`` -> Unrest / Onrust); None for other keys."""
    names = _DEFAULT_THEME_NAMES.get(key)
    if names is None:
        return None
    return names[1] if current_language() == "nl" else names[0]


def theme_name(key: str | None, name: str) -> str:
    """A theme as shown: a default theme that still has its default name in the current language, any other
    (renamed or user-made) as named."""
    names = _DEFAULT_THEME_NAMES.get(key or "")
    if names is not None and name in names:
        return names[1] if current_language() == "nl" else names[0]
    return name


def signal_answer_names() -> dict[str, str]:
    """A partner's answer when asked about a signal, in the order the ask buttons offer them."""
    return {
        SignalAnswer.KNEW: tr("Knew it"),
        SignalAnswer.NOT_KNOWN: tr("Did not know"),
        SignalAnswer.ACTING: tr("Acting"),
    }


def signal_answer(answer: str | None) -> str:
    return signal_answer_names().get(answer or "", tr("No answer yet"))


def signal_state_names() -> dict[str, str]:
    """Where a signal's round stands, in the order the notes filter offers them."""
    return {
        SignalState.OPEN: trp("signal state", "Open"),
        SignalState.NO_FEEDBACK: tr("Closed, feedback missing"),
        SignalState.CLOSED: tr("Closed"),
        SignalState.NONE: tr("Recorded before signal rounds"),
    }


def signal_state(state: str) -> str:
    return signal_state_names().get(state, state)


def reach_window_names() -> dict[str, str]:
    """When a key contact can be reached, with the hours (Amsterdam time)."""
    return {
        ReachWindow.OFFICE: tr("Office hours (Mon–Fri 9–17)"),
        ReachWindow.EVENING: tr("Evening (17–23)"),
        ReachWindow.NIGHT: tr("Night (23–7)"),
        ReachWindow.WEEKEND: tr("Weekend"),
    }


def reach_window(window: str) -> str:
    return reach_window_names().get(window, window)


def place_kind_names() -> dict[str, str]:
    """What a place (leefplek) in a neighbourhood is, in the order the place form offers them."""
    return {
        PlaceKind.SCHOOL: tr("School"),
        PlaceKind.SPORTS_CLUB: tr("Sports club"),
        PlaceKind.SQUARE: tr("Square"),
        PlaceKind.YOUTH_CENTRE: tr("Youth centre"),
        PlaceKind.HANG_OUT: tr("Hang-out"),
        PlaceKind.OTHER: tr("Other"),
    }


def place_kind(kind: str) -> str:
    return place_kind_names().get(kind, kind)
