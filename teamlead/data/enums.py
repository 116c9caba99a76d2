"""The fixed vocabularies of the domain. Values are stored as these lower-case strings."""

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


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    ARCHIVE = "archive"
    DELETE = "delete"
    ERASE = "erase"
    IMPORT = "import"


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

OPEN_AGREEMENT_STATUSES = (AgreementStatus.OPEN, AgreementStatus.IN_PROGRESS)
