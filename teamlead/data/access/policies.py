"""Which rows of which table a user may read and write: every table is classified here, once.

A table holding district data gets row-level security, forced (its owner is held to it too), and four
policies built from its :class:`Reach`: who may read a row, who may write one. A table every district shares
is listed in :data:`SHARED`. ``tests/data/test_access.py`` fails on a table that is neither, so a new table is
classified before it ships. Administrators and the tables' owner have a policy of their own passing every row
(``teamlead.data.access.install``); records without a district therefore reach administrators only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

DISTRICTS: Final = "(SELECT teamlead_districts())::integer[]"
REACHABLE: Final = "(SELECT teamlead_reachable_organisations())::integer[]"
HOME: Final = "(SELECT teamlead_home_organisations())::integer[]"
TRANSACTION: Final = "(SELECT teamlead_transaction())"
WORKER: Final = f"cardinality({DISTRICTS}) > 0"


def _in_district(column: str = "district_id") -> str:
    return f"{{t}}.{column} = ANY ({DISTRICTS})"


def _among(column: str, ids: str) -> str:
    """``column`` in a list of ids, hashed once per statement (``= ANY`` would compare each row with each id:
    12,000 roles against 400 organisations at city scale)."""
    return f"{{t}}.{column} IN (SELECT unnest({ids}))"


def _through(parent: str, column: str, parent_column: str = "id") -> str:
    """Visible through a parent row (whose own policy then decides): links and child records."""
    # A correlated EXISTS: each row's parent is looked up by its key through the parent's own policy. (IN
    # would hash every visible parent once per statement: a little faster on the small demo, but 200,000
    # notes at city scale made the notes page 8x slower.)
    return f"EXISTS (SELECT 1 FROM {parent} AS p WHERE p.{parent_column} = {{t}}.{column})"


def _in_neighbourhood() -> str:
    return f"{{t}}.neighbourhood_id IN (SELECT n.id FROM neighbourhood AS n WHERE n.district_id = ANY ({DISTRICTS}))"


@dataclass(frozen=True)
class Reach:
    """SQL over the row (``{t}`` for the table): ``read`` for SELECT, ``write`` for UPDATE and DELETE,
    ``insert`` for a new row (default: ``write``)."""

    read: str
    write: str
    insert: str | None = None

    def sql(self, table: str) -> tuple[str, str, str]:
        insert = self.insert if self.insert is not None else self.write
        return tuple(part.format(t=table) for part in (self.read, self.write, insert))  # type: ignore[return-value]


def _same(expression: str) -> Reach:
    return Reach(expression, expression)


# A person is also theirs to finish in the transaction that last wrote it: an erasure removes the roles first.
# Looked up by the person's own roles (EXISTS): a meeting page reads a dozen persons, and the set of every
# visible person that ``IN`` built for each such statement made it 42 ms a page on the city demo (26 now); the
# people list of 12,000 costs the same either way.
_PERSON = f"(EXISTS (SELECT 1 FROM role AS r WHERE r.person_id = {{t}}.id) OR {{t}}.xmin::text::bigint = {TRANSACTION})"

_ORGANISATION_LINK = Reach(_among("organisation_id", REACHABLE), _among("organisation_id", HOME))

DISTRICT_DATA: Final[dict[str, Reach]] = {
    # An organisation of another district is readable (not writable) where it serves one of our neighbourhoods.
    # Our own district's by its column as well: PostgreSQL holds a new row of INSERT ... RETURNING to the read
    # policy, and the list of reachable organisations is made before the row exists.
    "organisation": Reach(f"({_in_district()} OR {_among('id', REACHABLE)})", _in_district()),
    "organisation_neighbourhood": _ORGANISATION_LINK,
    "organisation_offer": _ORGANISATION_LINK,
    "key_contact": _ORGANISATION_LINK,
    "role": _ORGANISATION_LINK,
    # A person is visible through a role at a visible organisation; anyone working in a district may add one
    # (the role that follows in the same transaction makes it theirs).
    "person": Reach(_PERSON, _PERSON, WORKER),
    "neighbourhood": Reach("true", _in_district()),
    "place": _same(_in_neighbourhood()),
    "indicator": _same(_in_neighbourhood()),
    "neighbourhood_event": _same(_in_neighbourhood()),
    "note": _same(_in_district()),
    "note_organisation": _same(_through("note", "note_id")),
    "note_person": _same(_through("note", "note_id")),
    "note_place": _same(_through("note", "note_id")),
    "signal_round": _same(_through("note", "note_id")),
    "signal_ask": _same(_through("signal_round", "round_id")),
    "signal_theme": _same(_through("signal_round", "round_id")),
    "meeting": _same(_in_district()),
    "meeting_series": _same(_in_district()),
    "meeting_neighbourhood": _same(_through("meeting", "meeting_id")),
    "invitee": _same(_through("meeting", "meeting_id")),
    "agenda_item": _same(_through("meeting", "meeting_id")),
    "calendar_sent": _same(
        f"({_through('meeting', 'meeting_id')} OR {_through('meeting_series', 'series_id')})"
    ),
    "agreement": _same(_in_district()),
    "agreement_organisation": _same(_through("agreement", "agreement_id")),
    "agreement_meeting": _same(_through("agreement", "agreement_id")),
    "agreement_status_change": _same(_through("agreement", "agreement_id")),
    "narrative": _same(_in_district()),
}
"""Tables of Teamlead's model holding district data, and how far a user reaches into each."""

SEARCH_INDEX: Final[dict[str, Reach]] = {
    f"search_{kind}": Reach(_through(kind, "id"), "false")
    for kind in ("organisation", "person", "role", "note")
}
"""The PostgreSQL search index holds every note's words: a row is readable with its record. Only the index's
triggers write it, and they run as the owner (:mod:`teamlead.data.access.install`)."""

AUDIT: Final = "audit_entry"
"""Read by its ``district_id`` (and one's own entries) where the schema has those columns, else administrators
only; every worker appends to it, and may scrub the entries it reads (an erasure does)."""

SHARED: Final = frozenset({"district", "domain", "theme", "offer", "teamlead_meta"})
"""Lists every district shares, readable by every user and written by administrators (the meta table also by
team leads: the retention period and the search index's pause)."""


def audit_reach(columns: set[str]) -> Reach:
    parts = []
    if "district_id" in columns:
        parts.append(_in_district())
    if "user_name" in columns:
        # The audit names a user by their role without the prefix (teamlead.data.access.names).
        parts.append("{t}.user_name = substr(current_user, strpos(current_user, '__') + 2)")
    read = " OR ".join(parts) if parts else "false"
    return Reach(f"({read})", f"({read})", WORKER)
