"""A neighbourhood's own ecosystem: its focus, history, places and outcome figures; meetings and notes point
to a neighbourhood or a place.

What it does to existing data:

- **Neighbourhoods** get a focus text (empty) and the day it was written (none); history, places and
  indicators start empty.
- **Notes** get a place (none; table ``note_place``).
- **Meetings** get a neighbourhood (table ``meeting_neighbourhood``): a meeting whose title names exactly one neighbourhood of its district
  (names compared as ``--neighbourhood`` compares them: case, spaces, dashes and punctuation ignored) gets that
  one, so its local reflection belongs to that neighbourhood; every other meeting is left without.

What it did is stored under ``teamlead_meta`` key ``upgrade.0009`` (JSON counts), from which the app tells the
user. Downgrading drops the new tables and columns (focus, history, places, indicators and these links are
lost).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from teamlead.rules.text import identity_key

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _neighbourhood(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["neighbourhood_id"], ["neighbourhood.id"], name=op.f(f"fk_{table}_neighbourhood_id_neighbourhood")
    )


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: recreating a table (batch mode) would trip the search index's triggers.
    op.add_column("neighbourhood", sa.Column("focus", sa.Text(), nullable=False, server_default=""))
    op.add_column("neighbourhood", sa.Column("focus_on", sa.Date(), nullable=True))
    op.create_table(
        "place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("neighbourhood_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        *_tracked(),
        _neighbourhood("place"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
        sa.UniqueConstraint("neighbourhood_id", "name", name=op.f("uq_place_neighbourhood_id")),
    )
    op.create_index(op.f("ix_place_neighbourhood_id"), "place", ["neighbourhood_id"])
    op.create_table(
        "neighbourhood_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("neighbourhood_id", sa.Integer(), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_tracked(),
        _neighbourhood("neighbourhood_event"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_neighbourhood_event")),
    )
    op.create_index(
        op.f("ix_neighbourhood_event_neighbourhood_id"), "neighbourhood_event", ["neighbourhood_id"]
    )
    op.create_index(op.f("ix_neighbourhood_event_happened_on"), "neighbourhood_event", ["happened_on"])
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("neighbourhood_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        *_tracked(),
        _neighbourhood("indicator"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
        sa.UniqueConstraint("neighbourhood_id", "name", "year", name=op.f("uq_indicator_neighbourhood_id")),
    )
    op.create_index(op.f("ix_indicator_neighbourhood_id"), "indicator", ["neighbourhood_id"])
    # The links in tables of their own: a new table needs no ALTER of the indexed note and meeting tables.
    op.create_table(
        "note_place",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["note.id"], name=op.f("fk_note_place_note_id_note"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_note_place_place_id_place"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("note_id", name=op.f("pk_note_place")),
    )
    op.create_index(op.f("ix_note_place_place_id"), "note_place", ["place_id"])
    op.create_table(
        "meeting_neighbourhood",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("neighbourhood_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_neighbourhood_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        _neighbourhood("meeting_neighbourhood"),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_meeting_neighbourhood")),
    )
    op.create_index(
        op.f("ix_meeting_neighbourhood_neighbourhood_id"), "meeting_neighbourhood", ["neighbourhood_id"]
    )
    connection = op.get_bind()
    done = {"meetings_in_a_neighbourhood": _meeting_neighbourhoods(connection)}
    connection.execute(
        sa.text("INSERT INTO teamlead_meta (key, value) VALUES ('upgrade.0009', :value)"),
        {"value": json.dumps(done, sort_keys=True)},
    )


def _meeting_neighbourhoods(connection: sa.Connection) -> int:
    """Each meeting whose title names exactly one neighbourhood of its district gets it; returns how many."""
    names: dict[int, list[tuple[int, str]]] = {}
    for neighbourhood_id, district_id, name in connection.execute(
        sa.text("SELECT id, district_id, name FROM neighbourhood")
    ):
        names.setdefault(district_id, []).append((neighbourhood_id, identity_key(name)))
    chosen: list[dict[str, int]] = []
    for meeting_id, district_id, title in connection.execute(
        sa.text("SELECT id, district_id, title FROM meeting WHERE district_id IS NOT NULL")
    ):
        folded = identity_key(title)
        named = [found for found, key in names.get(district_id, []) if key and key in folded]
        if len(named) == 1:
            chosen.append({"meeting": meeting_id, "neighbourhood": named[0]})
    if chosen:
        connection.execute(
            sa.text(
                "INSERT INTO meeting_neighbourhood (meeting_id, neighbourhood_id) VALUES (:meeting, :neighbourhood)"
            ),
            chosen,
        )
    return len(chosen)


def downgrade() -> None:
    op.execute("DELETE FROM teamlead_meta WHERE key = 'upgrade.0009'")
    op.execute("ALTER TABLE neighbourhood DROP COLUMN focus_on")
    op.execute("ALTER TABLE neighbourhood DROP COLUMN focus")
    for table in ("meeting_neighbourhood", "note_place", "indicator", "neighbourhood_event", "place"):
        op.drop_table(table)
