"""The menu bar: File, View, Go and Help, with a shortcut or mnemonic for every action.

Built again on every language switch (see :class:`~teamlead.ui.main_window.MainWindow`). The Help menu's list
of keyboard shortcuts is read from these very actions, so it can never fall out of date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from teamlead.i18n import tr
from teamlead.ui.database_dialogs import new_database_dialog, open_database_at, open_database_dialog
from teamlead.ui.settings_actions import open_geography, open_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.ui.help_dialogs import AboutDialog
    from teamlead.ui.main_window import MainWindow
    from teamlead.ui.meetings.view import MeetingsView


def _action(
    window: MainWindow,
    menu: QMenu,
    name: str,
    text: str,
    slot: object,
    *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Fill the window's menu bar; returns the actions by name (tests and the shortcut list use them)."""
    from teamlead.ui.sections import section_title

    bar = window.menuBar()
    old_menus = [action.menu() for action in bar.actions()]
    bar.clear()
    for menu in old_menus:
        if menu is not None:  # nameless at once: until it is deleted, findChild would still find it by name
            menu.setObjectName("")
            menu.deleteLater()
    actions: dict[str, QAction] = {}

    file_menu = bar.addMenu(tr("&File"))
    file_menu.setObjectName("fileMenu")
    actions["log_note"] = _action(
        window, file_menu, "logNote", tr("&Log a contact moment…"), window.log_contact_moment, "Ctrl+L"
    )
    actions["new_meeting"] = _action(
        window,
        file_menu,
        "newMeeting",
        tr("New &meeting…"),
        lambda: _meetings(window).new_meeting(),
        "Ctrl+Shift+M",
    )
    actions["new_series"] = _action(
        window, file_menu, "newSeries", tr("New mee&ting series…"), lambda: _meetings(window).new_series()
    )
    file_menu.addSeparator()
    actions["new_database"] = _action(
        window,
        file_menu,
        "newDatabase",
        tr("&New database…"),
        lambda: new_database_dialog(window),
        "Ctrl+Shift+N",
    )
    actions["open_database"] = _action(
        window,
        file_menu,
        "openDatabase",
        tr("&Open database…"),
        lambda: open_database_dialog(window),
        "Ctrl+O",
    )
    recent = file_menu.addMenu(tr("&Recent databases"))
    recent.setObjectName("recentMenu")
    window.recent_menu = recent
    fill_recent_menu(window, recent)
    recent.aboutToShow.connect(lambda: fill_recent_menu(window, recent))
    file_menu.addSeparator()
    actions["settings"] = _action(
        window, file_menu, "settings", tr("&Settings…"), lambda: open_settings(window), "Ctrl+,"
    )
    actions["geography"] = _action(
        window,
        file_menu,
        "geography",
        tr("&Districts, neighbourhoods and domains…"),
        lambda: open_geography(window),
    )
    actions["handover"] = _action(
        window, file_menu, "handover", tr("&Handover…"), lambda: _open_handover(window)
    )
    actions["changes"] = _action(window, file_menu, "changes", tr("Chan&ges…"), lambda: _open_changes(window))
    actions["users"] = _action(window, file_menu, "users", tr("&Users…"), lambda: _open_users(window))
    file_menu.addSeparator()
    actions["quit"] = _action(window, file_menu, "quit", tr("&Quit"), window.close, "Ctrl+Q")

    view_menu = bar.addMenu(tr("&View"))
    view_menu.setObjectName("viewMenu")
    actions["sidebar"] = _action(
        window, view_menu, "toggleSidebar", tr("Show &sidebar"), window.toggle_sidebar, "Ctrl+B"
    )
    actions["sidebar"].setCheckable(True)

    go_menu = bar.addMenu(tr("&Go"))
    go_menu.setObjectName("goMenu")
    for number, section in enumerate(window.sections, start=1):
        keys = [f"Ctrl+{number}"] if number < 10 else []
        if section.shortcut:
            keys.append(section.shortcut)
        actions[f"section_{section.key}"] = _action(
            window,
            go_menu,
            f"section_{section.key}",
            section_title(section.key).replace("&", "&&"),  # a literal "&", not a mnemonic
            lambda _checked=False, key=section.key: window.go_to_section(key),
            *keys,
        )
    go_menu.addSeparator()
    actions["search"] = _action(
        window, go_menu, "search", tr("&Search…"), window.open_search, "Ctrl+K", QKeySequence.StandardKey.Find
    )

    help_menu = bar.addMenu(tr("&Help"))
    help_menu.setObjectName("helpMenu")
    actions["shortcuts"] = _action(
        window,
        help_menu,
        "shortcuts",
        tr("&Keyboard shortcuts"),
        lambda: show_shortcuts(window),
        QKeySequence.StandardKey.HelpContents,
    )
    actions["about"] = _action(window, help_menu, "about", tr("&About Teamlead"), lambda: show_about(window))
    from teamlead.ui.safety.menu import add_safety_actions

    actions.update(add_safety_actions(window, file_menu, bar))  # File ▸ Backups…, the Privacy menu
    for name, action in actions.items():  # these need an open database
        if name in (
            "log_note",
            "new_meeting",
            "new_series",
            "settings",
            "geography",
            "search",
            "changes",
            "users",
        ) or (name.startswith("section_")):
            action.setEnabled(window.has_context)
    return actions


def _open_handover(window: MainWindow) -> None:
    """File → Handover…: the dialog, imported when first asked for (it brings the report writers)."""
    from teamlead.ui.handover_dialog import open_handover_dialog

    open_handover_dialog(window.context, window)


def _open_changes(window: MainWindow) -> None:
    """File → Changes…: who changed what, by user and period."""
    from teamlead.ui.history.dialog import open_changes_dialog

    open_changes_dialog(window.context, window)


def _open_users(window: MainWindow) -> None:
    """File → Users…: an administrator's list of who connects to this shared database."""
    from teamlead.ui.users.dialog import open_users_dialog

    open_users_dialog(window.context, window)


def _meetings(window: MainWindow) -> MeetingsView:
    """The Meetings section, shown: a meeting planned from the menu appears in its list."""
    from teamlead.ui.meetings.view import MeetingsView

    window.go_to_section("meetings")
    view = window.view("meetings")
    assert isinstance(view, MeetingsView)
    return view


def fill_recent_menu(window: MainWindow, menu: QMenu) -> None:
    """The recent databases, newest first, numbered for the keyboard; read afresh each time it opens."""
    from teamlead.rules import settings

    menu.clear()
    entries = list(settings.load().recent_databases)
    for number, name in enumerate(entries, start=1):
        label = f"&{number} {name}" if number < 10 else name
        action = menu.addAction(label)
        action.setData(name)
        action.triggered.connect(lambda _checked=False, name=name: open_database_at(window, name))
    menu.setEnabled(bool(entries))


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, plus the keys that work inside lists and search."""
    rows: list[tuple[str, str]] = []
    for action in window.actions_by_name.values():
        keys = ", ".join(
            sequence.toString(QKeySequence.SequenceFormat.NativeText) for sequence in action.shortcuts()
        )
        if keys:
            rows.append((plain_text(action.text()), keys))
    rows.extend(extra_shortcuts())
    return rows


def plain_text(text: str) -> str:
    """An action's text without its mnemonic marker ("&&" is a literal "&") or trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def extra_shortcuts() -> list[tuple[str, str]]:
    return [
        (tr("Move through search results"), tr("Up, Down")),
        (tr("Open the selected result or row"), tr("Enter")),
        (tr("Close the search or a dialog"), tr("Esc")),
        (tr("Move to the next field"), tr("Tab")),
        (tr("In a date field: the calendar; a day later or earlier"), tr("Alt+Down or F4; Up, Down")),
        (tr("Open a menu"), tr("Alt + the underlined letter")),
        (
            tr("Districts, neighbourhoods and domains: add, rename, merge, delete"),
            tr("Ctrl+N, F2 or Enter, Ctrl+M, Delete"),
        ),
    ]


def show_shortcuts(window: MainWindow) -> None:
    from teamlead.ui.help_dialogs import ShortcutsDialog

    ShortcutsDialog(shortcut_rows(window), window).open()


def show_about(window: MainWindow) -> AboutDialog:
    """About, with the open database's name; its schema revision is read in the background."""
    from teamlead.ui.help_dialogs import AboutDialog

    if not window.has_context:
        dialog = AboutDialog(window)
    else:
        context = window.context
        dialog = AboutDialog(window, database=context.database.display_name())
        context.read(_schema_revision, dialog.set_revision, key="about.revision")
    dialog.open()
    return dialog


def _schema_revision(session: Session) -> str | None:
    from teamlead.data.migrate import current_revision

    return current_revision(session.connection())
