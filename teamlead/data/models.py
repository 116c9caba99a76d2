"""All mapped classes in one import, for callers that want the whole model (and for Alembic)."""

from teamlead.data.admin import AuditEntry, Meta, Narrative
from teamlead.data.agreements import (
    Agreement,
    AgreementStatusChange,
    agreement_meeting,
    agreement_organisation,
)
from teamlead.data.base import Base
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.meetings import (
    AgendaItem,
    CalendarSent,
    Invitee,
    Meeting,
    MeetingSeries,
    meeting_neighbourhood,
)
from teamlead.data.notes import Note, note_organisation, note_person, note_place
from teamlead.data.offers import Offer, organisation_offer
from teamlead.data.places import Indicator, NeighbourhoodEvent, Place
from teamlead.data.roster import Organisation, Person, Role, key_contact, organisation_neighbourhood
from teamlead.data.signals import SignalAsk, SignalRound, Theme, signal_theme

__all__ = [
    "AgendaItem",
    "Agreement",
    "AgreementStatusChange",
    "AuditEntry",
    "Base",
    "CalendarSent",
    "District",
    "Domain",
    "Indicator",
    "Invitee",
    "Meeting",
    "MeetingSeries",
    "Meta",
    "Narrative",
    "Neighbourhood",
    "NeighbourhoodEvent",
    "Note",
    "Offer",
    "Organisation",
    "Person",
    "Place",
    "Role",
    "SignalAsk",
    "SignalRound",
    "Theme",
    "agreement_meeting",
    "agreement_organisation",
    "key_contact",
    "meeting_neighbourhood",
    "note_organisation",
    "note_person",
    "note_place",
    "organisation_neighbourhood",
    "organisation_offer",
    "signal_theme",
]
