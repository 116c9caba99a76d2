"""The fixed vocabularies of the domain: one name per concept, stored as these lower-case strings.

Their words on screen and in reports are in :mod:`teamlead.rules.words`.
"""

from __future__ import annotations

from enum import StrEnum


class OrganisationStatus(StrEnum):
    ACTIVE = "active"
    FORMER = "former"


class NoteKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    EMAIL = "email"
    MEETING = "meeting"
    SIGNAL = "signal"
    OTHER = "other"


ASKED_KINDS = (NoteKind.CALL, NoteKind.VISIT, NoteKind.EMAIL)
"""How a partner is asked in a signal round: each answer is a contact moment of one of these kinds, never a
signal, so that ``signals`` counts the signal once and the partner's stay-in-touch light follows."""


class SignalAnswer(StrEnum):
    """A partner's answer when asked about a signal (bekend / niet bekend / onderneemt actie)."""

    KNEW = "knew"
    NOT_KNOWN = "not_known"
    ACTING = "acting"


class SignalState(StrEnum):
    """Where a signal's round stands; a signal recorded before signal rounds existed has none (``NONE``)."""

    OPEN = "open"
    """Came in, not closed yet."""
    NO_FEEDBACK = "no_feedback"
    """Closed, but no feedback to the partners recorded."""
    CLOSED = "closed"
    """Closed, with feedback recorded."""
    NONE = "none"
    """No round: recorded before signal rounds existed; never shown as open."""


class ReachWindow(StrEnum):
    """When a key contact can be reached, Amsterdam time (``shared/domain.md``, "key contact")."""

    OFFICE = "office"
    """Monday to Friday, 9:00-17:00."""
    EVENING = "evening"
    """Every day, 17:00-23:00."""
    NIGHT = "night"
    """Every day, 23:00-7:00."""
    WEEKEND = "weekend"
    """Saturday and Sunday, all day."""


class PlaceKind(StrEnum):
    """What a place (leefplek) in a neighbourhood is (``shared/domain.md``)."""

    SCHOOL = "school"
    SPORTS_CLUB = "sports_club"
    SQUARE = "square"
    YOUTH_CENTRE = "youth_centre"
    HANG_OUT = "hang_out"
    OTHER = "other"


class MeetingKind(StrEnum):
    NETWORK = "network"
    PARTNER = "partner"
    REFLECTION = "reflection"
    OTHER = "other"


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Attendance(StrEnum):
    INVITED = "invited"
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


class AgreementStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Audience(StrEnum):
    """Who may read a report (``shared/interface.md``, "Audiences")."""

    CITY = "city"
    """Safe to forward: about the network, never about people."""
    DISTRICT = "district"
    """For the team lead and their partners: may hold persons and their contact details."""


class AuditAction(StrEnum):
    """What the audit log says happened to a row (``retention``: a note deleted after the retention review;
    ``merge``: a district, neighbourhood or domain merged into another, whose links moved there)."""

    CREATE = "create"
    UPDATE = "update"
    ARCHIVE = "archive"
    DELETE = "delete"
    ERASE = "erase"
    IMPORT = "import"
    RETENTION = "retention"
    MERGE = "merge"


# The default domains: a stable key (used in report keys, even when the domain is renamed) and names.
DEFAULT_DOMAINS: tuple[tuple[str, str, str], ...] = (
    ("social", "Social", "Sociaal"),
    ("care", "Care", "Zorg"),
    ("safety", "Safety", "Veiligheid"),
    ("education", "Education", "Onderwijs"),
    ("housing", "Housing", "Wonen"),
    ("informal", "Informal", "Informeel"),
    ("municipality", "Municipality", "Gemeente"),
)

# The default themes of a signal, the same way: a stable key (the district report's ``signals_theme_<key>``,
# even when the theme is renamed) and names; ``other`` takes the signals recorded without a theme.
DEFAULT_THEMES: tuple[tuple[str, str, str], ...] = (
    ("unrest", "Unrest", "Onrust"),
    ("drugs", "Drugs", "Drugs"),
    ("weapons", "Weapons", "Wapens"),
    ("school_absence", "School absence", "Schoolverzuim"),
    ("online", "Online", "Online"),
    ("exploitation", "Exploitation", "Uitbuiting"),
    ("nuisance", "Nuisance", "Overlast"),
    ("other", "Other", "Overig"),
)

UNTHEMED = "other"
"""The theme a signal counts under when it names none (a signal recorded before rounds, or a round without
themes): ``signals_theme_other``."""

OPEN_AGREEMENT_STATUSES = (AgreementStatus.OPEN, AgreementStatus.IN_PROGRESS)


class RecordKind(StrEnum):
    """A kind of record a screen can open (the app's ``open_record``)."""

    ORGANISATION = "organisation"
    PERSON = "person"
    NOTE = "note"
    """A note, including a signal's round and the contact moments of the partners asked."""
    MEETING = "meeting"
    AGREEMENT = "agreement"
    SIGNAL_ASK = "signal_ask"
    """Ask the partners about a signal (id: the signal's note): Who to call for its neighbourhood, asking."""
    NEIGHBOURHOOD = "neighbourhood"
    """A neighbourhood's page: its focus, history, places, partners, signals and outcome figures."""


class DistrictedKind(StrEnum):
    """A kind of record that belongs to a district; the value is its table. Records of these kinds without a
    district drop out of every district's figures, so the dashboard and ``check`` list them."""

    ORGANISATION = "organisation"
    NOTE = "note"
    MEETING = "meeting"
    SERIES = "meeting_series"
    AGREEMENT = "agreement"


class Change(StrEnum):
    """What a write changed, so the screens showing it reload (the app's ``data_changed``).

    Typed, so a misspelt kind fails the type check instead of quietly not refreshing a screen.
    """

    ORGANISATION = "organisation"
    PERSON = "person"
    NOTE = "note"
    MEETING = "meeting"
    SERIES = "series"
    AGREEMENT = "agreement"
    NARRATIVE = "narrative"
    CALENDAR = "calendar"
    GEOGRAPHY = "geography"
    THEMES = "themes"
    OFFERS = "offers"
    SETTINGS = "settings"
    ALL = "all"
    """Everything may have changed: a demo load, an import, another database."""
