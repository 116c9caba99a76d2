"""Every record in a district, remarks instead of import notes, a key for every domain, an id for the database.

What it does to existing data:

- **Districts.** On a database that holds exactly one district, every organisation, note, meeting, meeting
  series and agreement without a district gets that one (earlier versions let a form leave it empty, and such
  records dropped out of the district report). With several districts or none, nothing is guessed: the
  dashboard and ``teamlead check`` list what has no district.
- **Remarks.** Organisations get a ``remarks`` text, as persons have. Notes that a roster import made from its
  Opmerkingen/Notes column (kind ``other``, audited as ``import``) were counted as contact moments on the
  import day; each becomes a remark line (``YYYY-MM-DD: text``, the note's date) on its organisation and on its
  person, unless the same text is already there, and the note is deleted.
- **Domain keys.** A user-made domain without a key gets one from its current name (``Jeugd & Gezin`` ->
  ``jeugd_gezin``; ``_2``… on a clash, in order of creation), fixed from now on through renames.
- **Database id.** ``teamlead_meta`` gets a ``database_id`` (a random id), so a user's personal settings for
  this database (the default district) are kept per database.

What it did is stored under ``teamlead_meta`` key ``upgrade.0007`` (JSON counts), from which the app tells the
user. Downgrading drops the remarks column (the remarks are lost; the deleted notes do not come back) and the
database id; districts and keys stay (the older schema allows them).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from teamlead.rules.text import report_key

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DISTRICT_TABLES = ("organisation", "note", "meeting", "meeting_series", "agreement")


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: recreating the table (batch mode) would trip the search index's triggers.
    op.add_column("organisation", sa.Column("remarks", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    done: dict[str, object] = {}
    done.update(_districts(connection))
    done["remarks"] = _remarks(connection)
    done["domain_keys"] = _domain_keys(connection)
    connection.execute(
        sa.text("INSERT INTO teamlead_meta (key, value) VALUES ('database_id', :value)"),
        {"value": uuid.uuid4().hex},
    )
    connection.execute(
        sa.text("INSERT INTO teamlead_meta (key, value) VALUES ('upgrade.0007', :value)"),
        {"value": json.dumps(done, sort_keys=True)},
    )


def _districts(connection: sa.Connection) -> dict[str, object]:
    districts = connection.execute(sa.text("SELECT id, name FROM district ORDER BY id LIMIT 2")).all()
    if len(districts) != 1:
        return {}
    district_id, name = districts[0]
    counts: dict[str, int] = {}
    for table in DISTRICT_TABLES:
        result = connection.execute(
            sa.text(f"UPDATE {table} SET district_id = :district WHERE district_id IS NULL"),
            {"district": district_id},
        )
        counts[table] = result.rowcount or 0
    return {"district": name, "districted": counts}


def _remarks(connection: sa.Connection) -> int:
    """Notes made by a roster import from its remarks column become remarks; returns how many."""
    notes = connection.execute(
        sa.text(
            "SELECT note.id, note.occurred_on, note.text FROM note WHERE note.kind = 'other' AND EXISTS ("
            "SELECT 1 FROM audit_entry WHERE audit_entry.table_name = 'note' "
            "AND audit_entry.record_id = note.id AND audit_entry.action = 'import') ORDER BY note.id"
        )
    ).all()
    if not notes:
        return 0
    ids = [note_id for note_id, _day, _text in notes]
    organisations = _links(connection, "note_organisation", "organisation_id", ids)
    persons = _links(connection, "note_person", "person_id", ids)
    lines: dict[tuple[str, int], list[str]] = defaultdict(list)
    for note_id, day, text in notes:
        day_text = str(day)[:10]
        for table, owners in (("organisation", organisations), ("person", persons)):
            for owner in owners.get(note_id, ()):
                lines[(table, owner)].append(f"{day_text}: {text}")
    for (table, owner), added in sorted(lines.items()):
        current = connection.execute(
            sa.text(f"SELECT remarks FROM {table} WHERE id = :id"), {"id": owner}
        ).scalar()
        remarks = current or ""
        for line in added:
            if line.split(": ", 1)[1] not in remarks:
                remarks = f"{remarks}\n{line}" if remarks else line
        if remarks != (current or ""):
            connection.execute(
                sa.text(f"UPDATE {table} SET remarks = :remarks WHERE id = :id"),
                {"remarks": remarks, "id": owner},
            )
    for begin in range(0, len(ids), 500):
        chunk = ids[begin : begin + 500]
        for table in ("note_organisation", "note_person"):
            connection.execute(
                sa.text(f"DELETE FROM {table} WHERE note_id IN :ids").bindparams(
                    sa.bindparam("ids", expanding=True)
                ),
                {"ids": chunk},
            )
        connection.execute(
            sa.text("DELETE FROM note WHERE id IN :ids").bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": chunk},
        )
    return len(ids)


def _links(connection: sa.Connection, table: str, column: str, note_ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for begin in range(0, len(note_ids), 500):
        rows = connection.execute(
            sa.text(
                f"SELECT note_id, {column} FROM {table} WHERE note_id IN :ids ORDER BY note_id, {column}"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": note_ids[begin : begin + 500]},
        )
        for note_id, owner in rows:
            found[note_id].append(owner)
    return found


def _domain_keys(connection: sa.Connection) -> int:
    rows = connection.execute(sa.text("SELECT id, key, name FROM domain ORDER BY id")).all()
    taken = {key for _id, key, _name in rows if key}
    made = 0
    for domain_id, key, name in rows:
        if key:
            continue
        new_key = report_key(name, taken)
        taken.add(new_key)
        connection.execute(
            sa.text("UPDATE domain SET key = :key WHERE id = :id"), {"key": new_key, "id": domain_id}
        )
        made += 1
    return made


def downgrade() -> None:
    op.execute("DELETE FROM teamlead_meta WHERE key IN ('database_id', 'upgrade.0007')")
    op.execute("ALTER TABLE organisation DROP COLUMN remarks")  # in place (SQLite 3.35+), as in the upgrade
