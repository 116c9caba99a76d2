"""The next start shows the dashboard as the last read left it, before the database is open, and the same view
carries on once it is: what a team lead sees at the first paint of the day's second start."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database, open_database
from teamlead.data.kept_dashboard import Kept, read_kept
from teamlead.data.queries.dashboard_lists import load_dashboard
from teamlead.rules.vocabulary import Change
from teamlead.services import meetings, notes
from teamlead.services.meetings import MeetingInput
from teamlead.services.notes import NoteInput
from teamlead.ui.context import AppContext
from teamlead.ui.dashboard.view import DashboardView
from teamlead.ui.main_window import MainWindow
from tests.ui.conftest import NOW, TODAY, Asked, Seeded, app_environment, seed

COUNTS = ("overdue", "follow_ups", "agreements", "meetings", "signals")


@pytest.fixture
def seeded(sqlite_database: Database) -> Seeded:
    return seed(sqlite_database)


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for window in made:
        if window.has_context:
            window.context.tasks.shutdown(wait=True)


def start(
    qtbot: QtBot,
    qsettings: QSettings,
    windows: list[MainWindow],
    database: Database | None,
    kept: Kept | None,
) -> MainWindow:
    """A window as the app builds it: on a context, or before the database is open with what was kept."""
    context = AppContext(database, today=TODAY) if database is not None else None
    window = MainWindow(context, qsettings=qsettings, ask=Asked([]), kept=kept)
    qtbot.addWidget(window)
    windows.append(window)
    with qtbot.waitSignal(window.screen_ready, timeout=10_000):
        window.show()
    return window


def counts(view: DashboardView) -> dict[str, str]:
    return {key: view.tiles[key].value.text() for key in COUNTS}


def log_signal(database: Database, seeded: Seeded) -> None:
    """A second signal about the police team, saved as the note form saves it."""
    with database.begin() as session:
        notes.log_note(
            session,
            NoteInput(
                kind="signal", text="Nog een signaal", organisation_ids=[seeded.police], occurred_on=TODAY
            ),
            today=TODAY,
            now=NOW,
        )


def kept_now(database: Database) -> Kept | None:
    assert database.path is not None
    data = read_kept(database.path, TODAY, NOW)
    return None if data is None else Kept(data, TODAY)


def test_the_second_start_shows_the_kept_dashboard_before_the_database_opens(
    qtbot: QtBot, qsettings: QSettings, windows: list[MainWindow], sqlite_database: Database, seeded: Seeded
) -> None:
    first = start(qtbot, qsettings, windows, sqlite_database, None)
    shown = first.current_view()
    assert isinstance(shown, DashboardView)
    seen = counts(shown)
    assert seen == {"overdue": "1", "follow_ups": "1", "agreements": "0", "meetings": "0", "signals": "1"}
    first.close()

    kept = kept_now(sqlite_database)
    assert kept is not None
    second = start(qtbot, qsettings, windows, None, kept)  # screen_ready came without a database

    assert not second.has_context
    view = second.current_view()
    assert isinstance(view, DashboardView)
    assert counts(view) == seen
    overdue = view.models["overdue"]
    assert overdue.index(0, 0).data() == "Politie basisteam Slotervaart"

    with qtbot.waitSignal(second.first_read_done, timeout=10_000):
        second.set_context(AppContext(sqlite_database, today=TODAY))
    assert second.current_view() is view  # not built again: no empty flash
    assert counts(view) == seen
    table = view.cards["overdue"].table
    table.setFocus()
    table.setCurrentIndex(overdue.index(0, 0))
    with qtbot.waitSignal(second.context.open_record) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == ["organisation", seeded.police]


def test_a_change_since_then_means_no_kept_dashboard_and_the_view_follows_changes(
    qtbot: QtBot, qsettings: QSettings, windows: list[MainWindow], sqlite_database: Database, seeded: Seeded
) -> None:
    start(qtbot, qsettings, windows, sqlite_database, None).close()
    kept = kept_now(sqlite_database)
    assert kept is not None
    window = start(qtbot, qsettings, windows, None, kept)
    with qtbot.waitSignal(window.first_read_done, timeout=10_000):
        window.set_context(AppContext(sqlite_database, today=TODAY))
    view = window.current_view()
    assert isinstance(view, DashboardView)

    log_signal(sqlite_database, seeded)
    assert kept_now(sqlite_database) is None  # the write emptied what was kept
    window.context.data_changed.emit(Change.NOTE)
    qtbot.waitUntil(lambda: view.tiles["signals"].value.text() == "2", timeout=10_000)
    window.context.tasks.shutdown(wait=True)
    kept_after = kept_now(sqlite_database)  # the reload after the change was kept in its turn
    assert kept_after is not None
    assert kept_after.data.signals.total == 2


def test_a_section_chosen_before_the_database_opens_is_shown_once_it_is(
    qtbot: QtBot, qsettings: QSettings, windows: list[MainWindow], sqlite_database: Database, seeded: Seeded
) -> None:
    start(qtbot, qsettings, windows, sqlite_database, None).close()
    kept = kept_now(sqlite_database)
    window = start(qtbot, qsettings, windows, None, kept)
    window.sidebar.setCurrentRow(window.section_keys().index("partners"))  # clicked within the first second
    with qtbot.waitSignal(window.first_read_done, timeout=10_000):
        window.set_context(AppContext(sqlite_database, today=TODAY))
    qtbot.waitUntil(lambda: window.current_view().objectName() == "view_partners", timeout=10_000)


PROBE = r"""
import json, sys
from teamlead.ui import main_window

seen = {}
built = main_window.MainWindow.__init__

def init(self, *args, **kwargs):
    built(self, *args, **kwargs)
    def ready():
        view = self.current_view()
        seen["sqlalchemy"] = "sqlalchemy" in sys.modules
        seen["context"] = self.has_context
        seen["tiles"] = {key: tile.value.text() for key, tile in getattr(view, "tiles", {}).items()}
    self.screen_ready.connect(ready)

main_window.MainWindow.__init__ = init
from teamlead.cli import main
code = main(["--database", sys.argv[1], "--exit-when-ready"])
print("RESULT " + json.dumps({"code": code, **seen}))
"""


def probe(target: Path, home: Path) -> tuple[dict[str, object], str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(target)],
        capture_output=True,
        text=True,
        env=app_environment(home),
        timeout=120,
        check=False,
    )
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    assert line is not None, result.stderr
    return json.loads(line.removeprefix("RESULT ")), result.stdout


def test_the_app_started_twice_is_ready_before_sqlalchemy_loads(tmp_path: Path) -> None:
    """``teamlead --exit-when-ready`` as the benchmark starts it: the first start reads and keeps, the second
    paints the same figures before SQLAlchemy is imported, and still exits only once the file is open."""
    target = tmp_path / "data.sqlite3"
    database = open_database(target)
    seed(database)
    database.dispose()

    first, _ = probe(target, tmp_path)
    second, stdout = probe(target, tmp_path)

    assert first["code"] == 0
    assert first["sqlalchemy"] is True
    assert first["context"] is True
    assert second["code"] == 0
    assert second["sqlalchemy"] is False
    assert second["context"] is False
    assert second["tiles"] == first["tiles"]
    assert first["tiles"]["signals"] == "1"
    assert "ready in " in stdout


def test_tomorrows_dashboard_is_kept_for_the_first_start_of_the_day(
    qtbot: QtBot, qsettings: QSettings, windows: list[MainWindow], sqlite_database: Database, seeded: Seeded
) -> None:
    """The meeting tomorrow at 10:00 is on tomorrow's kept dashboard at 08:30, and off it once it began."""
    tomorrow = TODAY + timedelta(days=1)
    ten = datetime.combine(tomorrow, time(10, 0)).astimezone()
    with sqlite_database.begin() as session:
        meetings.schedule_meeting(
            session,
            MeetingInput(kind="network", title="Netwerkoverleg", starts_at=ten, district_id=seeded.district),
            now=NOW,
        )
    window = start(qtbot, qsettings, windows, sqlite_database, None)
    view = window.current_view()
    assert isinstance(view, DashboardView)
    assert view._tomorrow.isActive()
    path = sqlite_database.path
    assert path is not None
    half_past_eight = datetime.combine(tomorrow, time(8, 30)).astimezone()
    assert read_kept(sqlite_database.path, tomorrow, half_past_eight) is None
    view.keep_tomorrow()
    qtbot.waitUntil(lambda: read_kept(path, tomorrow, half_past_eight) is not None, timeout=10_000)
    kept = read_kept(sqlite_database.path, tomorrow, half_past_eight)
    assert kept is not None
    with sqlite_database.session() as session:
        assert kept == load_dashboard(session, tomorrow, half_past_eight)
    assert [meeting.title for meeting in kept.meetings.rows] == ["Netwerkoverleg"]
    assert kept.follow_ups.total == 1
    assert read_kept(sqlite_database.path, tomorrow, ten) is None


def test_a_change_made_on_another_screen_is_kept_for_the_next_start(
    qtbot: QtBot, qsettings: QSettings, windows: list[MainWindow], sqlite_database: Database, seeded: Seeded
) -> None:
    window = start(qtbot, qsettings, windows, sqlite_database, None)
    window.go_to_section("partners")
    log_signal(sqlite_database, seeded)
    assert kept_now(sqlite_database) is None
    window.context.data_changed.emit(Change.NOTE)

    def kept_signals() -> int | None:
        kept = kept_now(sqlite_database)
        return None if kept is None else kept.data.signals.total

    qtbot.waitUntil(lambda: kept_signals() == 2, timeout=10_000)
    assert window.current_view().objectName() == "view_partners"  # the user stayed where they were


def test_a_database_started_empty_opens_on_the_welcome_page_again(
    qtbot: QtBot, qsettings: QSettings, windows: list[MainWindow], sqlite_database: Database
) -> None:
    """ "Start empty" shows an empty dashboard; nothing is kept of it, so the next start offers the demo again
    instead of flashing that empty dashboard first."""
    window = start(qtbot, qsettings, windows, sqlite_database, None)
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    view = window.current_view()
    assert isinstance(view, DashboardView)
    qtbot.waitUntil(lambda: view.is_loaded)
    window.context.tasks.shutdown(wait=True)
    assert kept_now(sqlite_database) is None
