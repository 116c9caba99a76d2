"""Fixtures for the app's frame: a window on a real database, its QSettings in the test's own folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.data.models import Domain
from teamlead.ui.context import AppContext
from teamlead.ui.database_dialogs import Choice
from teamlead.ui.main_window import MainWindow

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Seeded:
    district: int
    youth_work: int
    police: int
    signal: int
    follow_up: int


def seed(database: Database) -> Seeded:
    """Nieuw-West with two partners: youth work (in touch) and the police team (overdue), a signal and a
    follow-up due today."""
    from teamlead.services import geography, notes, organisations, persons
    from teamlead.services.notes import NoteInput
    from teamlead.services.organisations import OrganisationInput
    from teamlead.services.persons import PersonInput

    with database.begin() as session:
        district = geography.add_district(session, "Nieuw-West", now=NOW)
        wildeman = geography.add_neighbourhood(session, district, "Wildemanbuurt", now=NOW)
        domains = {d.key: d.id for d in session.scalars(select(Domain))}
        youth_work = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Jongerenwerk Nieuw-West",
                district_id=district,
                domain_id=domains["social"],
                neighbourhood_ids=[wildeman],
                contact_cadence_days=30,
                joined_on=date(2024, 1, 1),
            ),
            today=TODAY,
            now=NOW,
        )
        police = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Politie basisteam Slotervaart",
                district_id=district,
                domain_id=domains["safety"],
                neighbourhood_ids=[wildeman],
                contact_cadence_days=30,
                joined_on=date(2024, 1, 1),
            ),
            today=TODAY,
            now=NOW,
        )
        persons.add_person(
            session,
            PersonInput(name="Fatima el Amrani", phone="06 5555 1234", email="fatima@jongerenwerk.example"),
            organisation_id=youth_work,
            role_title="Jongerenwerker",
            started_on=date(2024, 2, 1),
            now=NOW,
        )
        signal = notes.log_note(
            session,
            NoteInput(
                kind="signal",
                text="Oproep op sociale media om vanavond samen te komen bij het winkelcentrum",
                organisation_ids=[youth_work],
                occurred_on=date(2026, 2, 27),
                neighbourhood_id=wildeman,
            ),
            today=TODAY,
            now=NOW,
        )
        follow_up = notes.log_note(
            session,
            NoteInput(
                kind="call",
                text="Gebeld over de avondopenstelling van het jongerencentrum",
                organisation_ids=[youth_work],
                occurred_on=date(2026, 2, 20),
                follow_up_on=date(2026, 3, 1),
            ),
            today=TODAY,
            now=NOW,
        )
    return Seeded(district, youth_work, police, signal, follow_up)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@dataclass
class Asked:
    """What the window asked when a database did not open, and what the 'user' answers."""

    messages: list[str]
    answer: Choice = Choice.GIVE_UP

    def __call__(self, message: str) -> Choice:
        self.messages.append(message)
        return self.answer


@pytest.fixture
def asked() -> Asked:
    return Asked([])


@pytest.fixture
def make_window(
    qtbot: QtBot, qsettings: QSettings, asked: Asked
) -> Iterator[Callable[[Database], MainWindow]]:
    """Build and show the main window on a database, today fixed; waits until its first screen is ready."""
    windows: list[MainWindow] = []
    errors: list[str] = []

    def make(database: Database) -> MainWindow:
        context = AppContext(database, today=TODAY)
        context.tasks.error_reporter = errors.append
        window = MainWindow(context, qsettings=qsettings, ask=asked)
        qtbot.addWidget(window)
        windows.append(window)
        with qtbot.waitSignal(window.screen_ready, timeout=10_000):
            window.show()
        return window

    yield make
    for window in windows:
        window.context.tasks.shutdown(wait=True)
    assert errors == [], f"background tasks failed: {errors}"


def app_environment(home: Path) -> dict[str, str]:
    """A Teamlead process of its own: offscreen, with its settings and data folders under ``home``."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TEAMLEAD_SETTINGS": str(home / "settings.json"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "LANG": "C.UTF-8",
    }
