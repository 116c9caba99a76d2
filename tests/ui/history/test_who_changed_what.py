"""Who changed what, as a user sees it: an agreement's status changed in the app by two users (two real
non-superuser roles on PostgreSQL; two named users of one SQLite file) shows both names and both status
changes on the agreement's page, and no text of the agreement nor of a comment; File → Changes… lists both,
filtered by user and by period."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from teamlead.data.database import Database, open_database
from teamlead.services import agreements
from teamlead.services.agreements import AgreementInput
from teamlead.ui.agreements.pane import AgreementPane
from teamlead.ui.history.dialog import ChangesDialog
from teamlead.ui.history.model import ChangesModel
from teamlead.ui.main_window import MainWindow
from tests.audit_roles import databases_as
from tests.ui.conftest import NOW, TODAY, seed

AGREED = "Jongerenwerk en politie lopen samen op vrijdagavond"
MADE = NOW - timedelta(days=30)
COMMENTS = ("Eerste ronde met Fatima gelopen", "Afgerond na overleg met Yusuf")


@contextmanager
def two_users(database: Database) -> Iterator[list[Database]]:
    """The database as anna and as bram: their own roles on PostgreSQL, named users on SQLite."""
    if not database.is_sqlite:
        with databases_as(database, "anna", "bram") as opened:
            yield opened
        return
    opened = [open_database(database.url) for _ in range(2)]
    opened[0].user_name, opened[1].user_name = "anna", "bram"
    try:
        yield opened
    finally:
        for other in opened:
            other.dispose()


def _cells(model: ChangesModel) -> list[list[str]]:
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _change_status(
    qtbot: QtBot, window: MainWindow, agreement_id: int, status: str, comment: str
) -> list[list[str]]:
    """As the window's user: open the agreement, change its status with a comment; the page's history after."""
    window.context.open_record.emit("agreement", agreement_id)
    pane = window.view("agreements").pane
    assert isinstance(pane, AgreementPane)
    qtbot.waitUntil(lambda: pane.detail is not None and pane.detail.row.id == agreement_id, timeout=10_000)
    before = pane.changes_model.rowCount()
    pane.new_status.setCurrentIndex(pane.new_status.findData(status))
    pane.comment.setText(comment)
    pane.change_button.click()
    qtbot.waitUntil(lambda: pane.changes_model.rowCount() == before + 1, timeout=10_000)
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=10_000)
    return _cells(pane.changes_model)


def test_two_users_change_a_status_and_the_page_and_the_list_name_both(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], database: Database
) -> None:
    seeded = seed(database)
    with database.begin() as session:
        agreement_id = agreements.make_agreement(
            session,
            AgreementInput(AGREED, [seeded.youth_work, seeded.police]),
            today=MADE.date(),
            now=MADE,
        )
    with two_users(database) as (anna, bram):
        _change_status(qtbot, make_window(anna), agreement_id, "in_progress", COMMENTS[0])
        shown = _change_status(qtbot, make_window(bram), agreement_id, "done", COMMENTS[1])

    # Newest first: when, who, which fields (values of the status only).
    assert [row[1:] for row in shown[:2]] == [
        ["bram", "status: In progress → Done"],
        ["anna", "status: Open → In progress"],
    ]
    assert shown[2][2].startswith("made: ")
    assert "status: (none) → Open" in shown[2][2]
    assert "text" in shown[2][2].split("; ")  # the agreement's text is named, never shown
    everything = " ".join(" ".join(row) for row in shown)
    for text in (AGREED, *COMMENTS, "Fatima", "Yusuf", "Jongerenwerk"):
        assert text not in everything

    window = make_window(database)
    window.actions_by_name["changes"].trigger()
    dialog = next(w for w in window.findChildren(ChangesDialog) if w.isVisible())
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=10_000)
    users = [dialog.user.itemText(i) for i in range(dialog.user.count())]
    assert {"anna", "bram"} <= set(users)
    # The last month up to the app's today (2 March 2026): both status changes, and what came before.
    listed = _cells(dialog.model)
    assert [(row[1], row[2], row[4]) for row in listed if row[1] in ("anna", "bram")] == [
        ("bram", f"Agreement {agreement_id}", "status: In progress → Done"),
        ("anna", f"Agreement {agreement_id}", "status: Open → In progress"),
    ]
    assert dialog.count.text() == f"{len(listed)} changes"

    _choose(qtbot, dialog, user="anna")
    assert [(row[1], row[4]) for row in _cells(dialog.model)] == [("anna", "status: Open → In progress")]
    _choose(qtbot, dialog, user="bram", end=TODAY - timedelta(days=1))
    assert _cells(dialog.model) == []
    _choose(qtbot, dialog, start=TODAY, end=TODAY)
    assert [(row[1], row[4]) for row in _cells(dialog.model)] == [("bram", "status: In progress → Done")]
    # Everyone, in February: the agreement was made then, and changed by nobody yet.
    _choose(qtbot, dialog, user="", start=MADE.date(), end=TODAY - timedelta(days=1))
    assert [(row[2], row[3]) for row in _cells(dialog.model)] == [(f"Agreement {agreement_id}", "made")]
    dialog.close()


def _choose(
    qtbot: QtBot,
    dialog: ChangesDialog,
    *,
    user: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> None:
    """Pick a user and a period as a user does, and wait for the list to show them."""
    if start is not None:
        dialog.start.set_value(start)
    if end is not None:
        dialog.end.set_value(end)
    if user is not None:
        dialog.user.setCurrentIndex(dialog.user.findData(user))
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.user.activated.emit(dialog.user.currentIndex())


def test_a_partners_page_shows_who_changed_its_cadence_and_not_its_description(
    qtbot: QtBot, make_window: Callable[[Database], MainWindow], sqlite_database: Database
) -> None:
    seeded = seed(sqlite_database)
    sqlite_database.user_name = "anna"
    window = make_window(sqlite_database)
    window.context.open_record.emit("organisation", seeded.police)
    pane = window.view("partners").pane
    qtbot.waitUntil(lambda: pane.organisation_id() == seeded.police, timeout=10_000)
    pane.editor.cadence.setValue(14)
    pane.editor.description.setPlainText("Wijkagent Yusuf belt op vrijdag")
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        pane.save()
    qtbot.waitUntil(lambda: pane.changes.rowCount() == 2, timeout=10_000)
    pane.tabs.setCurrentWidget(pane.changes_view)
    shown = _cells(pane.changes)
    assert shown[0][1:] == ["anna", "contact cadence (days): 30 → 14; description"]
    assert shown[1][2].startswith("made: ")
    assert "Yusuf" not in " ".join(" ".join(row) for row in shown)
