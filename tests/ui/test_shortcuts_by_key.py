"""Every shortcut Help lists, pressed as a user presses it, in a window built the way the app builds it.

The window comes first, then the database (an empty one, and one with the demo), then the language is switched
through Settings (Ctrl+,): each step rebuilds the menus. The list is read from Help ▸ Keyboard shortcuts (F1)
as it is shown; each row's keys are pressed with ``qtbot.keyClick`` (never ``QAction.trigger()``) and its
visible effect is checked. A row this test does not know fails it: a shortcut added later gets its check here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.database import Database
from teamlead.i18n import set_language, tr
from teamlead.ui.context import AppContext
from teamlead.ui.main_window import MainWindow
from teamlead.ui.menus import plain_text
from teamlead.ui.qt_language import apply_qt_language
from tests.ui.conftest import TODAY, Asked

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no raise, no grab


@dataclass
class Built:
    """The window as the app builds it, on an empty or a demo database, switched to Dutch."""

    window: MainWindow
    database: Database
    demo: bool
    checked: list[str] = field(default_factory=list)


@pytest.fixture(params=["empty", "demo"])
def built(
    request: pytest.FixtureRequest, qtbot: QtBot, qsettings: QSettings, asked: Asked, database: Database
) -> Iterator[Built]:
    demo = request.param == "demo"
    if demo:
        from teamlead.demo import generate_demo

        generate_demo(database, "small", today=TODAY)
    window = MainWindow(None, qsettings=qsettings, ask=asked)  # the window first, as teamlead.ui.app does
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.screen_ready, timeout=20_000):
        window.set_context(AppContext(database, today=TODAY))  # then the database
    switch_language_in_settings(qtbot, window, "nl")  # then the language, through Settings
    yield Built(window, database, demo)
    window.context.tasks.shutdown(wait=True)
    set_language("en")
    apply_qt_language("en")


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(qtbot: QtBot, window: QWidget, sequence: QKeySequence) -> None:
    """One key combination, as the keyboard sends it, to whatever has the focus in ``window``."""
    combination = sequence[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def opened[T: QWidget](qtbot: QtBot, kind: type[T]) -> T:
    """The window of ``kind`` that a key opened, once it is shown."""
    found: list[T] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def close(qtbot: QtBot, dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def switch_language_in_settings(qtbot: QtBot, window: MainWindow, language: str) -> None:
    from teamlead.ui.settings_dialog import SettingsDialog

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(qtbot, SettingsDialog)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData(language))
    qtbot.waitUntil(lambda: not window.context.tasks.busy, timeout=10_000)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.language_box, Qt.Key.Key_Return)  # Enter presses OK
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == tr("&File"))
    qtbot.waitUntil(lambda: window.has_context and not window.context.tasks.busy, timeout=10_000)


def help_rows(qtbot: QtBot, window: MainWindow) -> list[tuple[str, str]]:
    """What Help ▸ Keyboard shortcuts shows, opened by its own key (F1) and closed by Esc."""
    from teamlead.ui.help_dialogs import ShortcutsDialog

    activate(qtbot, window)
    press(qtbot, window, QKeySequence(QKeySequence.StandardKey.HelpContents))
    dialog = opened(qtbot, ShortcutsDialog)
    table = dialog.table
    rows = [(table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())]
    activate(qtbot, dialog)
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return rows


def sequences(keys: str) -> list[QKeySequence]:
    """The key combinations of one row ("Ctrl+K, Ctrl+F"; "Ctrl+," is one)."""
    parts = [part for part in keys.split(", ") if part]
    found = [QKeySequence.fromString(part, QKeySequence.SequenceFormat.NativeText) for part in parts]
    assert all(not sequence.isEmpty() for sequence in found), f"Help lists keys nobody can press: {keys}"
    return found


# --- the effect of each menu action -----------------------------------------------------------------------

Check = Callable[[QtBot, Built, QKeySequence], None]


def dialog_opens(dialog_class: str) -> Check:
    def check(qtbot: QtBot, built: Built, keys: QKeySequence) -> None:
        module, name = dialog_class.rsplit(".", 1)
        kind = getattr(__import__(module, fromlist=[name]), name)
        press(qtbot, built.window, keys)
        close(qtbot, opened(qtbot, kind))
        qtbot.waitUntil(lambda: not built.window.context.tasks.busy, timeout=10_000)

    return check


def file_dialog_opens(qtbot: QtBot, built: Built, keys: QKeySequence) -> None:
    """Open or New database: the file dialog (modal, so it is closed from inside its own event loop)."""
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            seen.append(dialog.windowTitle())
            dialog.reject()
        elif not seen:
            QTimer.singleShot(20, close_it)

    QTimer.singleShot(20, close_it)
    press(qtbot, built.window, keys)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert built.window.isVisible()


def section_shows(key: str) -> Check:
    def check(qtbot: QtBot, built: Built, keys: QKeySequence) -> None:
        window = built.window
        window.sidebar.setCurrentRow(0 if key != "dashboard" else 1)  # start elsewhere, so the key must move
        press(qtbot, window, keys)
        qtbot.waitUntil(lambda: not window.showing_welcome)
        qtbot.waitUntil(lambda: window.section_keys()[window.sidebar.currentRow()] == key)
        assert window.current_view() is window.view(key)

    return check


def search_opens(qtbot: QtBot, built: Built, keys: QKeySequence) -> None:
    window = built.window
    press(qtbot, window, keys)
    qtbot.waitUntil(lambda: window.search_popup is not None and window.search_popup.isVisible())
    assert QApplication.focusWidget() is window.search_popup.input
    qtbot.keyClick(window.search_popup.input, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.search_popup.isVisible())


def sidebar_toggles(qtbot: QtBot, built: Built, keys: QKeySequence) -> None:
    """View ▸ Show sidebar: the keys hide a shown sidebar (or show a hidden one), and again put it back."""
    window = built.window
    before = window.sidebar_shown
    press(qtbot, window, keys)
    qtbot.waitUntil(lambda: window.sidebar_shown != before)
    activate(qtbot, window)
    press(qtbot, window, keys)
    qtbot.waitUntil(lambda: window.sidebar_shown == before)


def window_closes(qtbot: QtBot, built: Built, keys: QKeySequence) -> None:
    press(qtbot, built.window, keys)
    qtbot.waitUntil(lambda: not built.window.isVisible())


ACTION_CHECKS: dict[str, Check] = {
    "log_note": dialog_opens("teamlead.ui.notes.dialog.NoteDialog"),
    "new_meeting": dialog_opens("teamlead.ui.meetings.new_meeting.NewMeetingDialog"),
    "new_series": dialog_opens("teamlead.ui.meetings.dialogs.SeriesDialog"),
    "new_database": file_dialog_opens,
    "open_database": file_dialog_opens,
    "settings": dialog_opens("teamlead.ui.settings_dialog.SettingsDialog"),
    "geography": dialog_opens("teamlead.ui.settings_dialog.SettingsDialog"),
    "search": search_opens,
    "shortcuts": dialog_opens("teamlead.ui.help_dialogs.ShortcutsDialog"),
    "about": dialog_opens("teamlead.ui.help_dialogs.AboutDialog"),
    "import_roster": dialog_opens("teamlead.ui.importing.wizard.ImportWizard"),
    "backups": dialog_opens("teamlead.ui.safety.backups_dialog.BackupsDialog"),
    "privacy_person": dialog_opens("teamlead.ui.safety.privacy_dialogs.PersonPrivacyDialog"),
    "privacy_retention": dialog_opens("teamlead.ui.safety.privacy_dialogs.RetentionDialog"),
    "sidebar": sidebar_toggles,
    "quit": window_closes,
}
"""What pressing a menu action's keys shows (a section's keys: that section)."""


# --- the keys Help names that belong to no menu action ----------------------------------------------------

Extra = Callable[[QtBot, Built], None]


def search_with_results(qtbot: QtBot, built: Built) -> object:
    """Ctrl+K and a partner's name (on the demo); on an empty database there is nothing to find."""
    from teamlead.data.models import Organisation

    window = built.window
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_popup is not None and window.search_popup.isVisible())
    popup = window.search_popup
    with built.database.session() as session:
        name = session.scalar(select(Organisation.name).order_by(Organisation.id).limit(1))
    query = name.split()[0] if name else "Slotermeer"
    with qtbot.waitSignal(popup.searched, timeout=10_000):
        qtbot.keyClicks(popup.input, query)
    assert bool(popup.model.hit_rows()) == built.demo
    return popup


def up_down_move_through_results(qtbot: QtBot, built: Built) -> None:
    popup: object = search_with_results(qtbot, built)
    results = popup.results  # type: ignore[attr-defined]
    first = results.currentIndex().row()
    qtbot.keyClick(popup.input, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    if built.demo and len(popup.model.choice_rows()) > 1:  # type: ignore[attr-defined]
        assert results.currentIndex().row() != first
        qtbot.keyClick(popup.input, Qt.Key.Key_Up)  # type: ignore[attr-defined]
        assert results.currentIndex().row() == first
    qtbot.keyClick(popup.input, Qt.Key.Key_Escape)  # type: ignore[attr-defined]


def enter_opens_the_result(qtbot: QtBot, built: Built) -> None:
    popup: object = search_with_results(qtbot, built)
    if built.demo:
        with qtbot.waitSignal(popup.opened, timeout=10_000):  # type: ignore[attr-defined]
            qtbot.keyClick(popup.input, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not popup.isVisible())  # type: ignore[attr-defined]
    else:
        qtbot.keyClick(popup.input, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        assert popup.isVisible()  # type: ignore[attr-defined]  # nothing to open: the search stays
        qtbot.keyClick(popup.input, Qt.Key.Key_Escape)  # type: ignore[attr-defined]


def esc_closes_search_and_dialogs(qtbot: QtBot, built: Built) -> None:
    from teamlead.ui.notes.dialog import NoteDialog

    popup: object = search_with_results(qtbot, built)
    qtbot.keyClick(popup.input, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not popup.isVisible())  # type: ignore[attr-defined]
    activate(qtbot, built.window)
    qtbot.keyClick(built.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(qtbot, NoteDialog)
    qtbot.waitUntil(lambda: not built.window.context.tasks.busy, timeout=10_000)
    activate(qtbot, dialog)
    press(qtbot, dialog, QKeySequence("Esc"))
    qtbot.waitUntil(lambda: not dialog.isVisible())


def tab_moves_to_the_next_field(qtbot: QtBot, built: Built) -> None:
    from teamlead.ui.notes.dialog import NoteDialog

    activate(qtbot, built.window)
    qtbot.keyClick(built.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(qtbot, NoteDialog)
    qtbot.waitUntil(lambda: not built.window.context.tasks.busy, timeout=10_000)
    activate(qtbot, dialog)
    before = QApplication.focusWidget()
    press(qtbot, dialog, QKeySequence("Tab"))
    assert QApplication.focusWidget() is not before
    close(qtbot, dialog)


def date_field_keys(qtbot: QtBot, built: Built) -> None:
    """In the note dialog's date: Alt+Down and F4 open the calendar (Esc closes it), Up and Down step a day."""
    from datetime import timedelta

    from teamlead.ui.notes.dialog import NoteDialog

    activate(qtbot, built.window)
    qtbot.keyClick(built.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = opened(qtbot, NoteDialog)
    qtbot.waitUntil(lambda: not built.window.context.tasks.busy, timeout=10_000)
    activate(qtbot, dialog)
    field = dialog.occurred
    field.line.setFocus()
    day = field.value()
    assert day is not None
    for key, modifier in (
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(field.line, key, modifier)
        qtbot.waitUntil(lambda: field.popup is not None and field.popup.isVisible())
        assert field.popup is not None
        qtbot.keyClick(field.popup.calendar, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: field.popup is not None and not field.popup.isVisible())
        activate(qtbot, dialog)
        field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_Up)
    assert field.value() == day + timedelta(days=1)
    qtbot.keyClick(field.line, Qt.Key.Key_Down)
    assert field.value() == day
    close(qtbot, dialog)


def alt_letter_opens_a_menu(qtbot: QtBot, built: Built) -> None:
    """Alt and the underlined letter of each menu (in Dutch Alt+B for Bestand) opens it, on every section: a
    label or button there with the same letter would take the key instead."""
    window = built.window
    clashes = []
    for key in window.section_keys():
        window.go_to_section(key)
        for action in window.menuBar().actions():
            menu = action.menu()
            assert isinstance(menu, QMenu)
            letter = action.text()[action.text().index("&") + 1]
            activate(qtbot, window)
            qtbot.keyClick(window, QKeySequence(letter)[0].key(), Qt.KeyboardModifier.AltModifier)
            if not menu.isVisible():
                clashes.append(f"{key}: Alt+{letter}")
                continue
            qtbot.keyClick(menu, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda menu=menu: not menu.isVisible())
    assert clashes == [], "the menu's letter is taken by something else on: " + ", ".join(clashes)


def geography_keys(qtbot: QtBot, built: Built) -> None:
    """In Settings' second tab, on the domains: Ctrl+N adds one (typed, Enter saves), then on it F2 and
    Enter rename, Ctrl+M merges, Delete deletes (it asks first). Default domains are renamed only, so the
    keys are tried on the one just added."""
    from teamlead.ui.geography.dialogs import MergeDialog, NameDialog
    from teamlead.ui.settings_dialog import SettingsDialog

    window = built.window
    activate(qtbot, window)
    window.actions_by_name["geography"].trigger()  # no key of its own; opened from the menu
    settings = opened(qtbot, SettingsDialog)
    page = settings.geography
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    activate(qtbot, settings)
    table = page.domains.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    adding = opened(qtbot, NameDialog)
    activate(qtbot, adding)
    qtbot.keyClicks(adding.name, "Sport en bewegen")
    qtbot.keyClick(adding.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not adding.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: any(row.name == "Sport en bewegen" for row in page.domains.model.rows()))
    added = next(row.id for row in page.domains.model.rows() if row.name == "Sport en bewegen")
    for key, modifier, kind in (
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier, NameDialog),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, NameDialog),
        (Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier, MergeDialog),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier, QMessageBox),
    ):
        activate(qtbot, settings)
        page.domains.select(added)
        table.setFocus()
        qtbot.keyClick(table, key, modifier)
        close(qtbot, opened(qtbot, kind))
    close(qtbot, settings)


def extra_checks() -> dict[str, Extra]:
    """By the text Help shows, in the language it is shown in."""
    return {
        tr("Move through search results"): up_down_move_through_results,
        tr("Open the selected result or row"): enter_opens_the_result,
        tr("Close the search or a dialog"): esc_closes_search_and_dialogs,
        tr("Move to the next field"): tab_moves_to_the_next_field,
        tr("Open a menu"): alt_letter_opens_a_menu,
        tr("In a date field: the calendar; a day later or earlier"): date_field_keys,
        tr("Districts, neighbourhoods and domains: add, rename, merge, delete"): geography_keys,
    }


def test_every_shortcut_help_lists_works_by_its_keys(qtbot: QtBot, built: Built) -> None:
    window = built.window
    rows = help_rows(qtbot, window)
    assert rows
    assert tr("Search") in dict(rows)  # Help reads in Dutch: the language switch reached it
    names = {plain_text(action.text()): name for name, action in window.actions_by_name.items()}
    extras = extra_checks()
    unknown = [
        what
        for what, _keys in rows
        if what not in extras
        and not (what in names and (names[what] in ACTION_CHECKS or names[what].startswith("section_")))
    ]
    assert unknown == [], "Help lists shortcuts this test does not know the effect of: add their checks"
    last: list[tuple[str, QKeySequence]] = []
    for what, keys in rows:
        if what in extras:
            extras[what](qtbot, built)
            built.checked.append(what)
            continue
        name = names[what]
        check = (
            section_shows(name.removeprefix("section_"))
            if name.startswith("section_")
            else ACTION_CHECKS[name]
        )
        for sequence in sequences(keys):
            if check is window_closes:
                last.append((what, sequence))  # Quit last: the window is gone after it
                continue
            activate(qtbot, window)
            check(qtbot, built, sequence)
            built.checked.append(f"{what}: {sequence.toString()}")
    assert last, "Help lists no key to quit"
    for what, sequence in last:
        activate(qtbot, window)
        window_closes(qtbot, built, sequence)
        built.checked.append(f"{what}: {sequence.toString()}")
