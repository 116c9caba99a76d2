"""Limits and windows, each spelled once: the widths of text fields, and how far ahead "soon" looks.

The database columns are declared with these widths (:mod:`teamlead.data`), and the services, the import and
the forms check against the same numbers, so a name the form accepts is one the database stores.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from teamlead.i18n import tr


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
    FINGERPRINT: Final = 64
    """A SHA-256 in hex."""
    USER: Final = 63
    """Who changed a record, in the audit: PostgreSQL's longest role name (NAMEDATALEN − 1 bytes)."""


DUE_SOON_DAYS: Final = 14
"""An agreement or follow-up due within this many days is "due soon"; the dashboard looks this far ahead."""
UPCOMING_MEETING_DAYS: Final = 14
"""The dashboard lists meetings starting within this many days."""
RECENT_SIGNAL_DAYS: Final = 30
"""The dashboard lists the signals of this many days back."""


FIRST_DAY: Final = date(1900, 1, 1)
LAST_DAY: Final = date(2199, 12, 31)
"""The dates Teamlead takes from outside (the command line, workbooks to combine): ``shared/interface.md``'s
1900–2199. Wide enough for any real record, and far enough from the calendar's ends (year 1, 9999) that a
quarter, a trend of eight quarters or a year of meetings computed from them stays within Python's dates."""

MAX_ID: Final = 2**31 - 1
"""The largest record id: ids are INTEGER columns, 32 bits on PostgreSQL. SQLite would hold more, but every
database holds what the other could (the export reader keeps workbooks to the same), so a larger number, let
alone one beyond 64 bits, is no id at all."""

NAME_BYTES: Final = 255
"""The longest file or folder name the common file systems accept (ext4, NTFS, APFS), in UTF-8 bytes."""
PATH_BYTES: Final = 4095
"""The longest whole path Linux accepts (PATH_MAX, 4 KB with its closing zero byte)."""


def date_in_range(day: date) -> bool:
    """Whether ``day`` lies within :data:`FIRST_DAY`..:data:`LAST_DAY`."""
    return FIRST_DAY <= day <= LAST_DAY


def path_too_long(path: str) -> str | None:
    """Why the file system would refuse ``path`` for its length (a name over :data:`NAME_BYTES` or the whole
    over :data:`PATH_BYTES`, counted in the bytes it is stored as: ``ü`` takes two), or None when it fits."""
    encoded = path.encode("utf-8", "surrogateescape")
    if len(encoded) > PATH_BYTES:
        return tr("the path is {size} bytes long; at most {most} fit", size=len(encoded), most=PATH_BYTES)
    longest = max(len(part) for part in encoded.replace(b"\\", b"/").split(b"/"))
    if longest > NAME_BYTES:
        return tr("a name in it is {size} bytes long; at most {most} fit", size=longest, most=NAME_BYTES)
    return None
