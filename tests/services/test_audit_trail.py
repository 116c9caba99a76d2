"""Who changed what: every write through the services names its user and the record's district, and keeps old
and new values of codes, dates and numbers only, never a text or a name."""

from __future__ import annotations

import getpass
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from teamlead.data.admin import AuditEntry
from teamlead.data.free_texts import FREE_TEXTS, MASTER_DATA
from teamlead.data.models import Base
from teamlead.data.queries.history import audit_users, changes, record_history
from teamlead.rules.audit import AUDITED_VALUES, user_from_role
from teamlead.services import agreements, notes, organisations
from teamlead.services.agreements import AgreementInput
from teamlead.services.notes import NoteInput
from teamlead.services.organisations import OrganisationInput
from tests.audit_roles import databases_as
from tests.services.conftest import NOW, TODAY, World

SECRET = "Geheim: Fatima belde over Yusuf"


def _entries(world: World, table: str, record_id: int) -> list[AuditEntry]:
    with world.database.session() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
                .order_by(AuditEntry.id)
            )
        )


def test_a_status_change_names_its_user_district_and_values(world: World) -> None:
    with world.database.begin() as session:
        agreement_id = agreements.make_agreement(
            session, AgreementInput(SECRET, [world.police], due_on=date(2026, 4, 1)), today=TODAY, now=NOW
        )
    with world.database.begin() as session:
        agreements.change_status(
            session, agreement_id, "in_progress", expected_version=1, comment=SECRET, now=NOW
        )
    made, changed = _entries(world, "agreement", agreement_id)
    expected_user = "postgres" if not world.database.is_sqlite else getpass.getuser()
    assert (made.user_name, made.district_id) == (expected_user, world.nieuw_west)
    assert json.loads(made.changes or "{}")["status"] == [None, "open"]
    assert (changed.user_name, changed.district_id, changed.fields) == (
        expected_user,
        world.nieuw_west,
        "status",
    )
    assert json.loads(changed.changes or "") == {"status": ["open", "in_progress"]}


def test_a_partner_edit_keeps_values_of_codes_and_dates_only(world: World) -> None:
    with world.database.session() as session:
        from teamlead.data.roster import Organisation

        partner = session.get(Organisation, world.youth_work)
        assert partner is not None
        version, domain = partner.version, partner.domain_id
    with world.database.begin() as session:
        organisations.edit_organisation(
            session,
            world.youth_work,
            OrganisationInput(
                name="Jongerenwerk Nieuw-West en Yusuf",
                district_id=world.west,
                domain_id=domain,
                neighbourhood_ids=[world.mercator],
                phone="06 1234 5678",
                contact_cadence_days=14,
                joined_on=date(2024, 1, 1),
                description=SECRET,
            ),
            expected_version=version,
            now=NOW + timedelta(hours=1),
        )
    last = _entries(world, "organisation", world.youth_work)[-1]
    assert {"name", "phone", "description", "contact_cadence_days", "district_id"} <= set(
        last.fields.split(",")
    )
    assert json.loads(last.changes or "") == {
        "contact_cadence_days": [30, 14],
        "district_id": [world.nieuw_west, world.west],
    }
    assert last.district_id == world.west
    with world.database.session() as session:
        (shown, *_older) = record_history(session, "organisation", world.youth_work)
    assert ("district_id", "Nieuw-West", "West") in shown.values
    assert "Yusuf" not in repr(shown)
    assert "0612" not in repr(shown).replace(" ", "")


def test_no_text_nor_name_ever_reaches_the_audits_values(world: World) -> None:
    with world.database.begin() as session:
        note_id = notes.log_note(
            session,
            NoteInput(text=SECRET, kind="call", occurred_on=TODAY, organisation_ids=[world.youth_work]),
            today=TODAY,
            now=NOW,
        )
        agreement_id = agreements.make_agreement(
            session, AgreementInput(SECRET, [world.police]), today=TODAY, now=NOW
        )
    with world.database.begin() as session:
        agreements.edit_agreement(
            session,
            agreement_id,
            AgreementInput(SECRET + " en Fatima", [world.police], responsible_person_id=world.fatima),
            expected_version=1,
            now=NOW,
        )
    with world.database.session() as session:
        kept = [value for value in session.scalars(select(AuditEntry.changes)) if value]
        users = audit_users(session)
        listed = changes(session, start=TODAY - timedelta(days=400), end=TODAY + timedelta(days=400))
    assert kept
    assert note_id
    for value in kept:
        assert "Fatima" not in value
        assert "Geheim" not in value
        assert "Yusuf" not in value
        for field in json.loads(value):
            assert field not in {"text", "name", "description", "remarks", "phone", "email", "address"}
    assert len(users) == 1
    assert {row.table_name for row in listed} >= {"note", "agreement", "organisation"}


def test_the_list_of_fields_with_values_names_no_text_column() -> None:
    texts = {field.key for field in (*FREE_TEXTS, *MASTER_DATA)}
    tables = Base.metadata.tables
    for table, fields in AUDITED_VALUES.items():
        for field in fields:
            assert field in tables[table].c, f"{table}.{field}"
            assert f"{table}.{field}" not in texts
            python_type = tables[table].c[field].type.python_type
            assert python_type is not str or field in {"status", "kind"}, f"{table}.{field}"


def test_a_database_role_is_named_without_its_prefix() -> None:
    assert user_from_role("tl_amsterdam__anna.de-vries") == "anna.de-vries"
    assert user_from_role("tl__anna__b") == "anna__b"
    assert user_from_role("postgres") == "postgres"
    assert user_from_role("prefix__") == "prefix__"


@pytest.mark.postgres
@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_on_postgresql_each_role_writes_under_its_own_name(world: World) -> None:
    with databases_as(world.database, "anna", "bram") as (anna, bram):
        with anna.begin() as session:
            agreement_id = agreements.make_agreement(
                session, AgreementInput("Afspraak.", [world.police]), today=TODAY, now=NOW
            )
        with bram.begin() as session:
            agreements.change_status(session, agreement_id, "done", expected_version=1, now=NOW)
    assert [(e.user_name, e.action) for e in _entries(world, "agreement", agreement_id)] == [
        ("anna", "create"),
        ("bram", "update"),
    ]
