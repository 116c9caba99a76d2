"""Initial schema: roster, notes, meetings, agreements, narratives, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 11:20:49.422241
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("table_name", sa.String(length=50), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("fields", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)

    op.create_table(
        "district",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district")),
        sa.UniqueConstraint("name", name=op.f("uq_district_name")),
    )
    op.create_table(
        "domain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_domain")),
        sa.UniqueConstraint("key", name=op.f("uq_domain_key")),
        sa.UniqueConstraint("name", name=op.f("uq_domain_name")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_name"), ["name"], unique=False)

    op.create_table(
        "teamlead_meta",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_teamlead_meta")),
    )
    op.create_table(
        "meeting_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("rrule", sa.String(length=500), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_meeting_series_district_id_district")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_series")),
    )
    with op.batch_alter_table("meeting_series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_series_district_id"), ["district_id"], unique=False)

    op.create_table(
        "narrative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_narrative_district_id_district")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_narrative")),
        sa.UniqueConstraint("district_id", "period_from", "period_to", name=op.f("uq_narrative_district_id")),
    )
    with op.batch_alter_table("narrative", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_narrative_district_id"), ["district_id"], unique=False)

    op.create_table(
        "neighbourhood",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_neighbourhood_district_id_district")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_neighbourhood")),
        sa.UniqueConstraint("district_id", "name", name=op.f("uq_neighbourhood_district_id")),
    )
    with op.batch_alter_table("neighbourhood", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_neighbourhood_district_id"), ["district_id"], unique=False)

    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("domain_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("is_informal", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("contact_cadence_days", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_organisation_district_id_district")
        ),
        sa.ForeignKeyConstraint(["domain_id"], ["domain.id"], name=op.f("fk_organisation_domain_id_domain")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisation_domain_id"), ["domain_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisation_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisation_status"), ["status"], unique=False)

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("occurrence_key", sa.String(length=20), nullable=True),
        sa.Column("detached", sa.Boolean(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("reflection_goes_well", sa.Text(), nullable=False),
        sa.Column("reflection_can_improve", sa.Text(), nullable=False),
        sa.Column("reflection_do_ourselves", sa.Text(), nullable=False),
        sa.Column("reflection_need_help", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_meeting_district_id_district")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"], ["meeting_series.id"], name=op.f("fk_meeting_series_id_meeting_series")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("series_id", "occurrence_key", name=op.f("uq_meeting_series_id")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("neighbourhood_id", sa.Integer(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["district_id"], ["district.id"], name=op.f("fk_note_district_id_district")),
        sa.ForeignKeyConstraint(
            ["neighbourhood_id"], ["neighbourhood.id"], name=op.f("fk_note_neighbourhood_id_neighbourhood")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_follow_up_on"), ["follow_up_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_neighbourhood_id"), ["neighbourhood_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_occurred_on"), ["occurred_on"], unique=False)

    op.create_table(
        "organisation_neighbourhood",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("neighbourhood_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["neighbourhood_id"],
            ["neighbourhood.id"],
            name=op.f("fk_organisation_neighbourhood_neighbourhood_id_neighbourhood"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_organisation_neighbourhood_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organisation_id", "neighbourhood_id", name=op.f("pk_organisation_neighbourhood")
        ),
    )
    with op.batch_alter_table("organisation_neighbourhood", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_neighbourhood_neighbourhood_id"), ["neighbourhood_id"], unique=False
        )

    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=op.f("fk_role_organisation_id_organisation")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_role_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role")),
    )
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_role_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_role_person_id"), ["person_id"], unique=False)

    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("responsible_person_id", sa.Integer(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("made_in_meeting_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_agreement_district_id_district")
        ),
        sa.ForeignKeyConstraint(
            ["made_in_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agreement_made_in_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["responsible_person_id"],
            ["person.id"],
            name=op.f("fk_agreement_responsible_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreement_due_on"), ["due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agreement_made_in_meeting_id"), ["made_in_meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_made_on"), ["made_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agreement_responsible_person_id"), ["responsible_person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_status"), ["status"], unique=False)

    op.create_table(
        "invitee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("attendance", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_invitee_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=op.f("fk_invitee_organisation_id_organisation")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_invitee_person_id_person"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitee")),
    )
    with op.batch_alter_table("invitee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitee_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invitee_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invitee_person_id"), ["person_id"], unique=False)

    op.create_table(
        "note_organisation",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["note.id"], name=op.f("fk_note_organisation_note_id_note"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_note_organisation_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("note_id", "organisation_id", name=op.f("pk_note_organisation")),
    )
    with op.batch_alter_table("note_organisation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_note_organisation_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "note_person",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["note.id"], name=op.f("fk_note_person_note_id_note"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_note_person_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("note_id", "person_id", name=op.f("pk_note_person")),
    )
    with op.batch_alter_table("note_person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_person_person_id"), ["person_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agenda_item_agreement_id_agreement"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_agenda_item_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "agreement_meeting",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_meeting_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agreement_meeting_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_id", "meeting_id", name=op.f("pk_agreement_meeting")),
    )
    with op.batch_alter_table("agreement_meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_meeting_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "agreement_organisation",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_organisation_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_agreement_organisation_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_id", "organisation_id", name=op.f("pk_agreement_organisation")),
    )
    with op.batch_alter_table("agreement_organisation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_organisation_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "agreement_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_status_change_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_status_change")),
    )
    with op.batch_alter_table("agreement_status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_status_change_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_status_change_changed_at"), ["changed_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("agreement_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_status_change_changed_at"))
        batch_op.drop_index(batch_op.f("ix_agreement_status_change_agreement_id"))

    op.drop_table("agreement_status_change")
    with op.batch_alter_table("agreement_organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_organisation_organisation_id"))

    op.drop_table("agreement_organisation")
    with op.batch_alter_table("agreement_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_meeting_meeting_id"))

    op.drop_table("agreement_meeting")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("note_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_person_person_id"))

    op.drop_table("note_person")
    with op.batch_alter_table("note_organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_organisation_organisation_id"))

    op.drop_table("note_organisation")
    with op.batch_alter_table("invitee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitee_person_id"))
        batch_op.drop_index(batch_op.f("ix_invitee_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_invitee_meeting_id"))

    op.drop_table("invitee")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_status"))
        batch_op.drop_index(batch_op.f("ix_agreement_responsible_person_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_made_on"))
        batch_op.drop_index(batch_op.f("ix_agreement_made_in_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_due_on"))
        batch_op.drop_index(batch_op.f("ix_agreement_district_id"))

    op.drop_table("agreement")
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_person_id"))
        batch_op.drop_index(batch_op.f("ix_role_organisation_id"))

    op.drop_table("role")
    with op.batch_alter_table("organisation_neighbourhood", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_neighbourhood_neighbourhood_id"))

    op.drop_table("organisation_neighbourhood")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_note_neighbourhood_id"))
        batch_op.drop_index(batch_op.f("ix_note_kind"))
        batch_op.drop_index(batch_op.f("ix_note_follow_up_on"))
        batch_op.drop_index(batch_op.f("ix_note_district_id"))

    op.drop_table("note")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_starts_at"))
        batch_op.drop_index(batch_op.f("ix_meeting_series_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_kind"))
        batch_op.drop_index(batch_op.f("ix_meeting_district_id"))

    op.drop_table("meeting")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_status"))
        batch_op.drop_index(batch_op.f("ix_organisation_name"))
        batch_op.drop_index(batch_op.f("ix_organisation_domain_id"))
        batch_op.drop_index(batch_op.f("ix_organisation_district_id"))

    op.drop_table("organisation")
    with op.batch_alter_table("neighbourhood", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_neighbourhood_district_id"))

    op.drop_table("neighbourhood")
    with op.batch_alter_table("narrative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_narrative_district_id"))

    op.drop_table("narrative")
    with op.batch_alter_table("meeting_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_series_district_id"))

    op.drop_table("meeting_series")
    op.drop_table("teamlead_meta")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name"))
        batch_op.drop_index(batch_op.f("ix_person_email"))

    op.drop_table("person")
    op.drop_table("domain")
    op.drop_table("district")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
