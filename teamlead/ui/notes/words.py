"""The domain's vocabularies in the user's language (note kinds, meeting kinds, statuses).

Functions, not module constants, so a language switch shows at once (``tr`` is called at use time).
"""

from __future__ import annotations

from teamlead.data.enums import AgreementStatus, MeetingKind, NoteKind, OrganisationStatus
from teamlead.i18n import tr


def note_kind_names() -> dict[str, str]:
    names: dict[str, str] = {
        NoteKind.CALL: tr("Call"),
        NoteKind.VISIT: tr("Visit"),
        NoteKind.EMAIL: tr("E-mail"),
        NoteKind.MEETING: tr("Meeting"),
        NoteKind.SIGNAL: tr("Signal"),
        NoteKind.OTHER: tr("Other"),
    }
    return names


def note_kind_name(kind: str) -> str:
    return note_kind_names().get(kind, kind)


def meeting_kind_name(kind: str) -> str:
    names: dict[str, str] = {
        MeetingKind.NETWORK: tr("Network meeting"),
        MeetingKind.PARTNER: tr("Partner meeting"),
        MeetingKind.REFLECTION: tr("Local reflection"),
        MeetingKind.OTHER: tr("Other meeting"),
    }
    return names.get(kind, kind)


def agreement_status_name(status: str) -> str:
    names: dict[str, str] = {
        AgreementStatus.OPEN: tr("open"),
        AgreementStatus.IN_PROGRESS: tr("in progress"),
        AgreementStatus.DONE: tr("done"),
        AgreementStatus.DROPPED: tr("dropped"),
    }
    return names.get(status, status)


def organisation_status_names() -> dict[str, str]:
    return {OrganisationStatus.ACTIVE: tr("Active"), OrganisationStatus.FORMER: tr("Former")}
