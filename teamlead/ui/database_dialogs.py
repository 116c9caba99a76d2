"""Choosing, creating and opening a database from the app, and what happens when one cannot be opened.

A database that fails to open (damaged, foreign, newer, unreachable) is never changed: the user reads why and
may open another or create a new one. ``open_database`` guarantees the first; here we make sure "create new"
never points at an existing file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from teamlead.errors import DatabaseError, UserError
from teamlead.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from teamlead.data.database import Database
    from teamlead.ui.main_window import MainWindow


class Choice(Enum):
    OPEN_OTHER = "open"
    CREATE_NEW = "new"
    GIVE_UP = "cancel"


# Asked when a database cannot be opened: gets the message, returns what the user wants to do.
Asker = Callable[[str], Choice]

FILE_FILTER_KEYS = ("Teamlead databases (*.sqlite3 *.sqlite *.db)", "All files (*)")


def file_filter() -> str:
    return ";;".join(tr(text) for text in FILE_FILTER_KEYS)


def choose_database_to_open(parent: QWidget | None) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # not before the first paint: 1 ms of PySide6's class loading

    name, _ = QFileDialog.getOpenFileName(parent, tr("Open database"), "", file_filter())
    return Path(name) if name else None


def open_database_dialog(window: MainWindow) -> None:
    """File ▸ Open database…: choose a file and switch ``window`` to it."""
    path = choose_database_to_open(window)
    if path is not None:
        open_database_at(window, path, create=False)


def new_database_dialog(window: MainWindow) -> None:
    """File ▸ New database…: choose a new file's name and switch ``window`` to it."""
    path = choose_new_database(window)
    if path is not None:
        open_database_at(window, path, create=True)


def open_database_at(window: MainWindow, target: str | Path, *, create: bool = False) -> bool:
    """Switch ``window`` to the database at ``target`` (a path, URL or recent name); on failure, the
    current one stays open."""
    database = open_with_recovery(target, window, window.ask, create=create)
    if database is None:
        return False
    window.switch_database(database)
    return True


def choose_new_database(parent: QWidget | None) -> Path | None:
    """A file name for a new database; an existing non-empty file is refused, never overwritten."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    while True:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            tr("New database"),
            "teamlead.sqlite3",
            file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        from teamlead.data.database import file_is_new

        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".sqlite3")
        if file_is_new(path):
            return path
        QMessageBox.warning(
            parent,
            tr("New database"),
            tr("{path} already exists. Choose another name: Teamlead never overwrites a file.", path=path),
        )


def problem_question(message: str) -> str:
    return tr("{message}\n\nOpen another database, or create a new one?", message=message)


def ask_with_dialog(parent: QWidget | None) -> Asker:
    """The interactive asker: a message box with Open another…, Create new… and Cancel (made when asked:
    loading the message box's class costs the first paint 2 ms)."""

    def ask(message: str) -> Choice:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Cannot open the database"))
        box.setText(problem_question(message))
        other = box.addButton(tr("&Open another…"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(tr("Create &new…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(other)
        box.exec()
        if box.clickedButton() is other:
            return Choice.OPEN_OTHER
        if box.clickedButton() is new:
            return Choice.CREATE_NEW
        return Choice.GIVE_UP

    return ask


def ask_on_stderr(message: str) -> Choice:
    """For ``--exit-when-ready``: the app never waits for a person, so the question goes to stderr."""
    print(problem_question(message), file=sys.stderr)
    return Choice.GIVE_UP


def failure_message(error: UserError) -> str:
    if isinstance(error, DatabaseError):
        return error.message
    return tr("Cannot open the database: {reason}", reason=error.message)


def open_with_recovery(
    target: str | Path | None, parent: QWidget | None, ask: Asker, *, create: bool = True
) -> Database | None:
    """Open ``target``; while that fails, ask what to do. None when the user gives up."""
    from teamlead.data.database import open_database

    try:
        return open_database(target, create=create)
    except UserError as error:
        return recover(failure_message(error), parent, ask)


def recover(message: str, parent: QWidget | None, ask: Asker) -> Database | None:
    """A database failed to open with ``message``: ask what to do until one opens or the user gives up."""
    from teamlead.data.database import open_database

    while True:
        choice = ask(message)
        if choice is Choice.OPEN_OTHER:
            chosen = choose_database_to_open(parent)
        elif choice is Choice.CREATE_NEW:
            chosen = choose_new_database(parent)
        else:
            return None
        if chosen is None:
            return None
        try:
            return open_database(chosen, create=choice is Choice.CREATE_NEW)
        except UserError as error:
            message = failure_message(error)
