"""What an upgrade did to the user's data, in words: read from what the migrations recorded.

A migration that changes existing data (not just the schema) stores counts under ``teamlead_meta`` key
``upgrade.<revision>`` (JSON); after upgrading, :func:`upgrade_report` turns those of the revisions just applied
into sentences the CLI prints and the app shows, so nobody is surprised by records that moved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from teamlead.data.admin import Meta
from teamlead.i18n import tr, trn


@dataclass(frozen=True)
class Upgrade:
    """An upgrade that happened while opening: from which schema revision, where the copy of the old database
    was kept (SQLite), and what it did to existing data."""

    from_revision: str | None
    to_revision: str
    backup: Path | None
    changes: tuple[str, ...]

    def lines(self) -> list[str]:
        kept = (
            tr(" The database as it was is kept as {path}.", path=self.backup)
            if self.backup is not None
            else ""
        )
        first = tr(
            "The database was upgraded from schema {old} to {new}.",
            old=self.from_revision or "?",
            new=self.to_revision,
        )
        return [first + kept, *self.changes]


def upgrade_report(
    connection: Connection, from_revision: str | None, to_revision: str, backup: Path | None
) -> Upgrade:
    recorded = {
        key.removeprefix("upgrade."): value
        for key, value in connection.execute(select(Meta.key, Meta.value).where(Meta.key.like("upgrade.%")))
    }
    changes: list[str] = []
    for revision in sorted(recorded):
        if from_revision is not None and revision <= from_revision:
            continue
        try:
            facts = json.loads(recorded[revision])
        except ValueError:
            continue
        if isinstance(facts, dict):
            changes += _sentences(facts)
    return Upgrade(from_revision, to_revision, backup, tuple(changes))


def _districted_counts(districted: dict[str, Any]) -> dict[str, str]:
    """How many records of each kind were given a district, in words ("3 partners", "1 agreement")."""
    count = {table: int(districted.get(table, 0)) for table in DISTRICTED}
    return {
        "organisation": trn("{count} partner", "{count} partners", count["organisation"]),
        "note": trn("{count} note", "{count} notes", count["note"]),
        "meeting": trn("{count} meeting", "{count} meetings", count["meeting"]),
        "meeting_series": trn("{count} meeting series", "{count} meeting series", count["meeting_series"]),
        "agreement": trn("{count} agreement", "{count} agreements", count["agreement"]),
    }


def _sentences(facts: dict[str, Any]) -> list[str]:
    said: list[str] = []
    districted = facts.get("districted")
    if isinstance(districted, dict) and any(districted.values()):
        said.append(
            tr(
                "Records that had no district are now in {district}: {organisation}, {note}, {meeting}, "
                "{meeting_series} and {agreement}.",
                district=facts.get("district", "?"),
                **_districted_counts(districted),
            )
        )
    remarks = facts.get("remarks")
    if isinstance(remarks, int) and remarks:
        said.append(
            trn(
                "{count} note that a roster import made from its remarks column is now a remark on its "
                "partner or person; it no longer counts as a contact moment.",
                "{count} notes that a roster import made from its remarks column are now remarks on their "
                "partners and persons; they no longer count as contact moments.",
                remarks,
            )
        )
    in_neighbourhood = facts.get("meetings_in_a_neighbourhood")
    if isinstance(in_neighbourhood, int) and in_neighbourhood:
        said.append(
            trn(
                "{count} meeting whose title names one neighbourhood now belongs to that neighbourhood.",
                "{count} meetings whose title names one neighbourhood now belong to that neighbourhood.",
                in_neighbourhood,
            )
        )
    key_contacts = facts.get("key_contacts")
    if isinstance(key_contacts, int) and key_contacts:
        said.append(
            trn(
                "{count} partner with one contact person now has that person as its key contact.",
                "{count} partners with one contact person now have that person as their key contact.",
                key_contacts,
            )
        )
    return said


DISTRICTED = ("organisation", "note", "meeting", "meeting_series", "agreement")
