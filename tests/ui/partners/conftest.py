"""A real SQLite database seeded through the services, and the AppContext the views get, with a fixed today.

Shared by the roster UI tests (partners, people, notes, who to call): their conftests import these fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.geography import Domain
from teamlead.rules.vocabulary import NoteKind
from teamlead.services import geography, notes, organisations, persons
from teamlead.ui.context import AppContext

TODAY = date(2026, 3, 31)


@dataclass(frozen=True)
class Seed:
    district: int
    wildeman: int
    slotervaart: int
    youth_work: int
    police: int
    police_officer: int
    police_officer_role: int
    school: int


@pytest.fixture
def seed(sqlite_database: Database) -> Seed:
    return seed_database(sqlite_database)


def seed_database(database: Database) -> Seed:
    """Nieuw-West with two neighbourhoods; youth work (overdue), police (in touch, one officer), a school."""
    with database.begin() as session:
        domains = {key: i for key, i in session.execute(select(Domain.key, Domain.id))}
        district = geography.add_district(session, "Nieuw-West")
        wildeman = geography.add_neighbourhood(session, district, "Wildemanbuurt")
        slotervaart = geography.add_neighbourhood(session, district, "Slotervaart")

        def partner(name: str, domain: str, served: list[int], cadence: int | None) -> int:
            data = organisations.OrganisationInput(
                name=name,
                district_id=district,
                domain_id=domains[domain],
                neighbourhood_ids=served,
                joined_on=TODAY - timedelta(days=400),
                contact_cadence_days=cadence,
            )
            return organisations.add_organisation(session, data, today=TODAY)

        youth_work = partner("Jongerenwerk Nieuw-West", "social", [wildeman], 30)
        police = partner("Politie Team Slotervaart", "safety", [wildeman, slotervaart], 60)
        school = partner("Montessori College Öztürk", "education", [slotervaart], None)
        officer = persons.add_person(
            session,
            persons.PersonInput(name="Sanne de Vries", phone="0655551234", email="sanne@politie.example"),
            organisation_id=police,
            role_title="Wijkagent",
            started_on=TODAY - timedelta(days=300),
        )
        notes.log_note(
            session,
            notes.NoteInput(
                kind=NoteKind.CALL,
                text="Kennismaking",
                organisation_ids=[police],
                occurred_on=TODAY - timedelta(days=10),
            ),
            today=TODAY,
        )
    assert officer.role_id is not None
    return Seed(
        district, wildeman, slotervaart, youth_work, police, officer.person_id, officer.role_id, school
    )


@pytest.fixture
def context(qtbot: QtBot, sqlite_database: Database) -> Iterator[AppContext]:
    """The views' context on the test database; a task error fails the test instead of opening a dialog."""
    errors: list[str] = []
    context = AppContext(sqlite_database, today=TODAY)
    context.tasks.error_reporter = errors.append
    yield context
    context.tasks.shutdown()
    assert errors == []


@pytest.fixture
def host(qtbot: QtBot, context: AppContext) -> Iterator[QWidget]:
    """The parent of the views and dialogs a test makes, as the main window is in the app.

    Qt then owns them, and they are deleted with this widget on the GUI thread, after the background work has
    stopped: a Python-owned widget whose last reference sits in a finished task could otherwise be deleted
    by the worker thread that drops the task, which crashes Qt.
    """
    widget = QWidget()
    widget.resize(1366, 768)
    widget.show()
    yield widget
    context.tasks.shutdown()
    widget.close()


def settle(qtbot: QtBot, context: AppContext, timeout: int = 5000) -> None:
    """Wait until every background task has delivered its result (no sleeping, no processEvents loop)."""
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=timeout)
