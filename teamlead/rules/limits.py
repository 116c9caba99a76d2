"""Limits and windows, each spelled once: the widths of text fields, and how far ahead "soon" looks.

The database columns are declared with these widths (:mod:`teamlead.data`), and the services, the import and
the forms check against the same numbers, so a name the form accepts is one the database stores.
"""

from __future__ import annotations

from typing import Final


class Width:
    """The most characters a text field holds."""

    NAME: Final = 200
    """Organisation, person, meeting and series titles, role titles."""
    PLACE_NAME: Final = 100
    """District, neighbourhood and domain names."""
    ADDRESS: Final = 300
    """Addresses, websites, meeting locations, agenda item titles."""
    PHONE: Final = 50
    EMAIL: Final = 254
    """RFC 5321's limit for a whole address."""
    CODE: Final = 20
    """Stored vocabulary values (kinds, statuses)."""
    KEY: Final = 40
    """A domain's stable key."""
    TIMEZONE: Final = 64
    RULE: Final = 500
    """An iCalendar recurrence rule; the audit's list of changed fields."""
    META_KEY: Final = 50
    """Keys of the database's own facts; table names in the audit."""


DUE_SOON_DAYS: Final = 14
"""An agreement or follow-up due within this many days is "due soon"; the dashboard looks this far ahead."""
UPCOMING_MEETING_DAYS: Final = 14
"""The dashboard lists meetings starting within this many days."""
RECENT_SIGNAL_DAYS: Final = 30
"""The dashboard lists the signals of this many days back."""
