"""What the audit may keep of a change beyond the field's name, and whom it names.

The audit (``audit_entry``) says who changed which fields of which record, and when. Its old → new values are
kept for the fields below only: codes, dates, numbers and links to districts and domains, which are never a
person's words nor a person's data. A name, an address, a note's text or a comment is listed by its field name
alone. One list, beneath every layer, so the services that write the audit and the screens that show it agree.
"""

from __future__ import annotations

from typing import Final

from teamlead.rules.limits import Width

AUDITED_VALUES: Final[dict[str, frozenset[str]]] = {
    "organisation": frozenset(
        {
            "status",
            "joined_on",
            "left_on",
            "contact_cadence_days",
            "district_id",
            "domain_id",
            "is_informal",
        }
    ),
    "agreement": frozenset({"status", "made_on", "due_on", "district_id", "made_in_meeting_id"}),
    "note": frozenset(
        {"kind", "occurred_on", "district_id", "neighbourhood_id", "follow_up_on", "follow_up_done"}
    ),
    "meeting": frozenset({"kind", "status", "starts_at", "ends_at", "district_id", "series_id", "detached"}),
    "meeting_series": frozenset({"kind", "first_date", "start_time", "duration_minutes", "district_id"}),
    "role": frozenset({"started_on", "ended_on", "organisation_id"}),
    "neighbourhood": frozenset({"district_id", "focus_on"}),
    "place": frozenset({"kind", "neighbourhood_id"}),
    "indicator": frozenset({"year", "neighbourhood_id"}),
    "neighbourhood_event": frozenset({"happened_on", "neighbourhood_id"}),
    "signal_round": frozenset({"came_in_at", "closed_on", "feedback_on"}),
    "narrative": frozenset({"district_id", "period_from", "period_to"}),
}
"""Per table, the fields whose old and new values the audit keeps (``changes``); every other field of a change
is named without its values."""

ROLE_PREFIX_SEPARATOR: Final = "__"
"""A database role of a shared PostgreSQL server is ``<prefix>__<name>``: roles are cluster-wide, so each
database prefixes its users' names (``shared/interface.md``, ``teamlead users``)."""


def values_kept(table_name: str, field: str) -> bool:
    """Whether the audit keeps the old and new value of ``field`` of a ``table_name`` record."""
    return field in AUDITED_VALUES.get(table_name, frozenset())


def user_from_role(role: str) -> str:
    """The user a database role stands for: the role's name without its per-database prefix."""
    _prefix, separator, name = role.partition(ROLE_PREFIX_SEPARATOR)
    return (name if separator and name else role)[: Width.USER]
