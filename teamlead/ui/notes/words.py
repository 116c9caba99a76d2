"""The domain's vocabularies in the user's language (note kinds, meeting kinds, statuses).

The words are :mod:`teamlead.reports.labels`' (one set for screens and reports); this module adds the forms a
sentence or a timeline needs. Functions, not module constants, so a language switch shows at once.
"""

from __future__ import annotations

from teamlead.data.enums import MeetingKind, OrganisationStatus
from teamlead.i18n import tr
from teamlead.reports.labels import agreement_status, meeting_kind, note_kind_names
from teamlead.reports.labels import note_kind as note_kind_name

__all__ = [
    "agreement_status_name",
    "meeting_kind_name",
    "note_kind_name",
    "note_kind_names",
    "organisation_status_names",
]


def meeting_kind_name(kind: str) -> str:
    """A meeting kind on its own in a timeline, where a bare "Other" would not say it was a meeting."""
    return tr("Other meeting") if kind == MeetingKind.OTHER else meeting_kind(kind)


def agreement_status_name(status: str) -> str:
    """A status inside a sentence ("Agreement (in progress)"): the register's word, in lower case."""
    return agreement_status(status).lower()


def organisation_status_names() -> dict[str, str]:
    return {OrganisationStatus.ACTIVE: tr("Active"), OrganisationStatus.FORMER: tr("Former")}
