"""Signal rounds and themes, key contacts with their reachability, and what partners can offer.

What it does to existing data:

- **Themes.** The default themes (unrest, drugs, weapons, school absence, online, exploitation, nuisance, other)
  are added to a database that already has content; a new database gets them when it is made, as with domains.
- **Signals.** Nothing changes: signals recorded before this revision have no round. They still count in
  ``signals`` and as theme ``other``, not in the round figures, and are never shown as open.
- **Key contacts.** A partner with exactly one person in a current role (started, and no end date or one still
  to come) gets that person as its key contact; a partner with several is left without one, and the dashboard
  lists it.
- **Reachability and offers** start empty.

What it did is stored under ``teamlead_meta`` key ``upgrade.0008`` (JSON counts), from which the app tells the
user. Downgrading drops the new tables and columns (rounds, themes, key contacts and offers are lost; the signal
notes and the answers' contact moments stay).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa
from alembic import op

from teamlead.rules.clock import amsterdam_today
from teamlead.rules.vocabulary import DEFAULT_THEMES

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("key", name=op.f("uq_theme_key")),
        sa.UniqueConstraint("name", name=op.f("uq_theme_name")),
    )
    op.create_table(
        "signal_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("came_in_at", sa.DateTime(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["note_id"], ["note.id"], name=op.f("fk_signal_round_note_id_note"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_round")),
        sa.UniqueConstraint("note_id", name=op.f("uq_signal_round_note_id")),
    )
    op.create_index(op.f("ix_signal_round_came_in_at"), "signal_round", ["came_in_at"])
    op.create_index(op.f("ix_signal_round_closed_on"), "signal_round", ["closed_on"])
    op.create_table(
        "signal_theme",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["signal_round.id"],
            name=op.f("fk_signal_theme_round_id_signal_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], name=op.f("fk_signal_theme_theme_id_theme")),
        sa.PrimaryKeyConstraint("round_id", "theme_id", name=op.f("pk_signal_theme")),
    )
    op.create_index(op.f("ix_signal_theme_theme_id"), "signal_theme", ["theme_id"])
    op.create_table(
        "signal_ask",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("answer", sa.String(length=20), nullable=True),
        sa.Column("contact_note_id", sa.Integer(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["signal_round.id"],
            name=op.f("fk_signal_ask_round_id_signal_round"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_signal_ask_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_signal_ask_person_id_person"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["contact_note_id"],
            ["note.id"],
            name=op.f("fk_signal_ask_contact_note_id_note"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_ask")),
    )
    for column in ("round_id", "organisation_id", "person_id", "contact_note_id"):
        op.create_index(op.f(f"ix_signal_ask_{column}"), "signal_ask", [column])
    op.create_table(
        "offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer")),
        sa.UniqueConstraint("name", name=op.f("uq_offer_name")),
    )
    op.create_table(
        "organisation_offer",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_organisation_offer_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offer.id"], name=op.f("fk_organisation_offer_offer_id_offer"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("organisation_id", "offer_id", name=op.f("pk_organisation_offer")),
    )
    op.create_index(op.f("ix_organisation_offer_offer_id"), "organisation_offer", ["offer_id"])
    # A plain ALTER TABLE ADD COLUMN: recreating the table (batch mode) would trip the search index's triggers.
    op.add_column(
        "person", sa.Column("reachability", sa.String(length=500), nullable=False, server_default="")
    )
    op.create_table(
        "key_contact",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_key_contact_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_key_contact_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("organisation_id", name=op.f("pk_key_contact")),
    )
    op.create_index(op.f("ix_key_contact_person_id"), "key_contact", ["person_id"])
    connection = op.get_bind()
    done = {
        "themes": _default_themes(connection),
        "key_contacts": _key_contacts(connection, amsterdam_today()),
    }
    connection.execute(
        sa.text("INSERT INTO teamlead_meta (key, value) VALUES ('upgrade.0008', :value)"),
        {"value": json.dumps(done, sort_keys=True)},
    )


def _default_themes(connection: sa.Connection) -> int:
    """The default themes, on a database that has content (a new one gets them with its domains)."""
    if connection.execute(sa.text("SELECT COUNT(*) FROM domain")).scalar() == 0:
        return 0
    stamp = connection.execute(sa.text("SELECT MIN(created_at) FROM domain")).scalar()
    connection.execute(
        sa.text(
            "INSERT INTO theme (key, name, position, created_at, updated_at, version) "
            "VALUES (:key, :name, :position, :stamp, :stamp, 1)"
        ),
        [
            {"key": key, "name": english, "position": position, "stamp": stamp}
            for position, (key, english, _dutch) in enumerate(DEFAULT_THEMES)
        ],
    )
    return len(DEFAULT_THEMES)


def _key_contacts(connection: sa.Connection, today: date) -> int:
    """Partners whose only current role holder becomes their key contact; returns how many."""
    rows = connection.execute(
        sa.text(
            "SELECT organisation_id, MIN(person_id) FROM role "
            "WHERE (started_on IS NULL OR started_on <= :today) "
            "AND (ended_on IS NULL OR ended_on >= :today) "
            "GROUP BY organisation_id HAVING COUNT(DISTINCT person_id) = 1"
        ),
        {"today": today.isoformat()},
    ).all()
    for organisation_id, person_id in rows:
        connection.execute(
            sa.text("INSERT INTO key_contact (organisation_id, person_id) VALUES (:id, :person)"),
            {"person": person_id, "id": organisation_id},
        )
    return len(rows)


def downgrade() -> None:
    op.execute("DELETE FROM teamlead_meta WHERE key = 'upgrade.0008'")
    op.execute("ALTER TABLE person DROP COLUMN reachability")
    for table in (
        "key_contact",
        "organisation_offer",
        "offer",
        "signal_ask",
        "signal_theme",
        "signal_round",
        "theme",
    ):
        op.drop_table(table)
