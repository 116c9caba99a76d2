"""How an audit entry reads on screen: the action, a field's name and an old → new value in words.

Only the values :mod:`teamlead.data.queries.history` hands over are shown (codes, dates, numbers, a district's
or domain's name); every other changed field is named without its value.
"""

from __future__ import annotations

from datetime import date, datetime

from teamlead.data.queries.history import ChangeRow
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.ui.widgets.formatting import format_date, format_when


def action_text(action: str) -> str:
    return {
        "create": tr("made"),
        "update": tr("changed"),
        "archive": tr("archived"),
        "delete": tr("deleted"),
        "erase": tr("erased"),
        "import": tr("imported"),
        "retention": tr("deleted after the retention review"),
        "merge": tr("merged"),
    }.get(action, action)


def user_text(user: str | None) -> str:
    """Entries written before users were recorded name nobody."""
    return user if user else tr("unknown")


def table_text(table: str) -> str:
    return {
        "organisation": tr("Partner"),
        "person": tr("Contact"),
        "role": tr("Role"),
        "note": tr("Note"),
        "agreement": tr("Agreement"),
        "meeting": tr("Meeting"),
        "meeting_series": tr("Meeting series"),
        "district": tr("District"),
        "neighbourhood": tr("Neighbourhood"),
        "domain": tr("Domain"),
        "narrative": tr("Report narrative"),
    }.get(table, table)


def field_text(field: str) -> str:
    return {
        "status": tr("status"),
        "kind": tr("kind"),
        "district_id": tr("district"),
        "domain_id": tr("domain"),
        "due_on": tr("due date"),
        "made_on": tr("date made"),
        "occurred_on": tr("date"),
        "follow_up_on": tr("follow-up date"),
        "follow_up_done": tr("follow-up done"),
        "joined_on": tr("joined"),
        "left_on": tr("left"),
        "contact_cadence_days": tr("contact cadence (days)"),
        "starts_at": tr("start"),
        "ends_at": tr("end"),
        "text": tr("text"),
        "name": tr("name"),
        "description": tr("description"),
        "remarks": tr("remarks"),
        "organisation_ids": tr("partners"),
        "responsible_person_id": tr("responsible"),
        "title": tr("title"),
        "location": tr("location"),
        "minutes": tr("minutes"),
        "attendance": tr("attendance"),
        "invitees": tr("invitees"),
        "neighbourhood_id": tr("neighbourhood"),
        "person_ids": tr("people"),
        "phone": tr("phone"),
        "email": tr("e-mail address"),
        "address": tr("address"),
        "website": tr("website"),
    }.get(field, field.removesuffix("_id").replace("_", " "))


def value_text(table: str, field: str, value: object) -> str:
    """A kept value in words: a status or kind as the screens name it, a date or moment as they show it."""
    if value is None or value == "":
        return tr("(none)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, str):
        if field == "status":
            return words.agreement_status(value) if table == "agreement" else _other_status(table, value)
        if field == "kind":
            return words.note_kind(value) if table == "note" else words.meeting_kind(value)
        if field.endswith(("_on", "_date", "_from", "_to")):
            return _day(value)
        if field.endswith("_at"):
            return _moment(value)
    return str(value)


def changes_text(row: ChangeRow) -> str:
    """``status: open → in progress; text`` — values where kept, the other fields by name."""
    valued = {field: (old, new) for field, old, new in row.values}
    parts = []
    for field in (*row.fields, *(field for field in valued if field not in row.fields)):
        if field in valued:
            old, new = valued[field]
            before = value_text(row.table_name, field, old)
            after = value_text(row.table_name, field, new)
            parts.append(f"{field_text(field)}: {before} → {after}")
        else:
            parts.append(field_text(field))
    return "; ".join(parts)


def _other_status(table: str, value: str) -> str:
    return words.organisation_status(value) if table == "organisation" else value


def _day(value: str) -> str:
    try:
        return format_date(date.fromisoformat(value))
    except ValueError:
        return value


def _moment(value: str) -> str:
    try:
        return format_when(datetime.fromisoformat(value))
    except ValueError:
        return value
