"""A database that cannot be opened: say what was found and offer what makes sense.

Restore the latest good backup (the file itself is kept, renamed aside), open another database, start a new
one, or, only when the user agrees, move the damaged file aside and start afresh in its place. Nothing is
ever overwritten or deleted. With ``--exit-when-ready`` the question goes to stderr and the app exits 1.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.ui.database_dialogs import (
    choose_database_to_open,
    choose_new_database,
    failure_message,
    problem_question,
)
from teamlead.ui.widgets.formatting import moment_text

if TYPE_CHECKING:
    from teamlead.startup.opening import Opened
    from teamlead.startup.rotation import BackupFile


class Recovery(Enum):
    RESTORE = "restore"
    OPEN_OTHER = "open"
    CREATE_NEW = "new"
    MOVE_ASIDE = "aside"
    QUIT = "quit"


def question_text(message: str, backup: BackupFile | None) -> str:
    """The message and what the user can do, in words (shown in the dialog and on stderr)."""
    text = problem_question(message)
    if backup is not None:
        text += "\n" + tr(
            "Or restore the latest good backup, from {when}: the current file is kept, renamed aside.",
            when=moment_text(backup.taken_at),
        )
    return text


class DamagedDialog(QMessageBox):
    """The question, with a button per choice that makes sense for this file."""

    def __init__(
        self, message: str, backup: BackupFile | None, can_move_aside: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damagedDatabaseDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr("Cannot open the database"))
        self.setText(question_text(message, backup))
        self.choices: dict[Recovery, QPushButton] = {}
        role = QMessageBox.ButtonRole.AcceptRole
        if backup is not None:
            self.choices[Recovery.RESTORE] = self.addButton(tr("&Restore the latest backup"), role)
        self.choices[Recovery.OPEN_OTHER] = self.addButton(tr("&Open another…"), role)
        self.choices[Recovery.CREATE_NEW] = self.addButton(tr("Create &new…"), role)
        if can_move_aside:
            self.choices[Recovery.MOVE_ASIDE] = self.addButton(
                tr("&Move it aside and start empty"), QMessageBox.ButtonRole.DestructiveRole
            )
        self.choices[Recovery.QUIT] = self.addButton(tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        first = next(iter(self.choices.values()))
        self.setDefaultButton(first)

    def labels(self) -> list[str]:
        """The buttons' texts, in order (tests and screen readers)."""
        return [button.text() for button in self.choices.values()]

    def choice(self) -> Recovery:
        clicked = self.clickedButton()
        return next((key for key, button in self.choices.items() if button is clicked), Recovery.QUIT)


def _confirm_move(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        tr("Move the damaged file aside?"),
        tr(
            "{path} will be renamed (not deleted), and a new, empty database made in its place. Continue?",
            path=path,
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def recover(
    message: str, target: str | None, parent: QWidget | None, *, exit_when_ready: bool
) -> Opened | None:
    """Ask what to do about a database that failed to open with ``message``, until one opens or the user
    quits (None)."""
    from teamlead.data.restore import restore_sqlite
    from teamlead.startup.opening import file_problem, latest_good_backup, move_aside, open_for_app

    path, damaged = file_problem(target)
    while True:
        backup = latest_good_backup(path) if path is not None and damaged else None
        if exit_when_ready:
            print(question_text(message, backup), file=sys.stderr, flush=True)
            return None
        dialog = DamagedDialog(message, backup, damaged, parent)
        dialog.exec()
        choice = dialog.choice()
        dialog.deleteLater()
        try:
            if choice is Recovery.RESTORE and backup is not None and path is not None:
                aside = restore_sqlite(backup.path, path).aside
                opened = open_for_app(str(path))
                if aside is not None:
                    QMessageBox.information(
                        parent,
                        tr("Backup restored"),
                        tr(
                            "The backup is back in place. The file it replaced is kept as {aside}.",
                            aside=aside,
                        ),
                    )
                return opened
            if choice is Recovery.MOVE_ASIDE and path is not None:
                if not _confirm_move(parent, path):
                    continue
                move_aside(path)
                return open_for_app(str(path))
            if choice is Recovery.OPEN_OTHER:
                chosen = choose_database_to_open(parent)
            elif choice is Recovery.CREATE_NEW:
                chosen = choose_new_database(parent)
            else:
                return None
            if chosen is None:
                continue
            path, damaged = chosen, False
            target = str(chosen)
            return open_for_app(target)
        except UserError as error:
            message = failure_message(error)
            path, damaged = file_problem(target)
