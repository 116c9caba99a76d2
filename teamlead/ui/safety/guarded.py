"""Saving in a shared database: a conflict shows both versions (reload or overwrite), a lost connection
shows a message and a retry, and what the user typed is never thrown away.

For the owner of an edit form::

    guarded_save(
        context, parent,
        save=lambda session, version: edit_organisation(session, id, data, expected_version=version),
        expected_version=form_version,
        load_theirs=lambda session: stored_partner(session, id),
        mine=partner_form_values(data), labels=partner_labels(),
        on_saved=..., on_reload=lambda saved: form.fill(saved), changed=Change.ORGANISATION,
        on_other_error=self._save_failed,  # e.g. show_save_error: a field's message beside the field
    )
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamlead.errors import ConflictError
from teamlead.i18n import tr
from teamlead.rules.vocabulary import Change
from teamlead.ui.widgets.keys import buttons_in_reading_order

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.services.conflicts import Saved
    from teamlead.ui.context import AppContext

CHANGED = QColor(255, 236, 179)


class Resolution(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    KEEP_EDITING = "keep"


class ConflictDialog(QDialog):
    """Both versions, field by field, the differing ones marked; reload theirs, or overwrite with mine."""

    def __init__(
        self,
        mine: dict[str, str],
        theirs: dict[str, str],
        labels: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(tr("Someone else saved this record"))
        self.resize(720, 380)
        self.resolution = Resolution.KEEP_EDITING
        intro = QLabel(
            tr(
                "While you were editing, someone else saved this record. Nothing was overwritten. Compare "
                "both versions: take theirs (your changes are dropped), or save yours over theirs."
            )
        )
        intro.setWordWrap(True)
        # A handful of fields, read-only: a widget table is the plain tool here.
        self.table = QTableWidget(len(mine), 3)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Your version"), tr("Saved by someone else")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.differing: list[str] = []
        for row, name in enumerate(mine):
            cells = (labels.get(name, name), mine.get(name, ""), theirs.get(name, ""))
            differs = cells[1] != cells[2]
            if differs:
                self.differing.append(name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if differs:
                    item.setBackground(QBrush(CHANGED))
                    font = item.font()
                    font.setBold(column == 0)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrows move in the rows
        self.table.setCurrentCell(-1, -1)  # nothing looks selected; Tab still reaches the table
        buttons = QDialogButtonBox(self)  # in the dialog already: its default button stays the default
        self.reload_button = QPushButton(tr("&Take their version"))
        self.overwrite_button = QPushButton(tr("&Save mine over theirs"))
        self.keep_button = QPushButton(tr("&Keep editing"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(lambda: self._choose(Resolution.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(Resolution.OVERWRITE))
        self.keep_button.clicked.connect(lambda: self._choose(Resolution.KEEP_EDITING))
        self.reload_button.setDefault(True)
        buttons_in_reading_order(buttons)  # Tab left to right, wherever the platform puts each role
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _choose(self, resolution: Resolution) -> None:
        self.resolution = resolution
        if resolution is Resolution.KEEP_EDITING:
            self.reject()
        else:
            self.accept()

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def connection_lost_box(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Connection lost"),
        tr(
            "The connection to the database server was lost, so this was not saved yet. What you typed is "
            "kept. Check the network (or ask whoever runs the server), then try again."
        ),
        parent=parent,
    )
    box.setObjectName("connectionLostBox")
    box.addButton(tr("&Try again"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
    return box


def guarded_save(  # noqa: C901 - three small handlers as closures over one save: conflict, lost server, other
    context: AppContext,
    parent: QWidget | None,
    *,
    save: Callable[[Session, int], Any],
    expected_version: int,
    load_theirs: Callable[[Session], Saved],
    mine: dict[str, str],
    labels: dict[str, str],
    changed: Change,
    on_saved: Callable[[Any], None] | None = None,
    on_reload: Callable[[Saved], None] | None = None,
    on_kept: Callable[[], None] | None = None,
    on_other_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``save(session, version)`` in one transaction; see the module docstring for what happens when
    it is refused or the server is gone. ``on_kept``: the user keeps editing (the form stays as typed).
    ``on_other_error``: any other failure (a field's message goes beside the field), else a message box."""
    from teamlead.services.conflicts import connection_lost
    from teamlead.ui.tasks import message_for

    def attempt(version: int) -> None:
        context.write(
            lambda session: save(session, version), on_saved, changed=changed, on_error=failed(version)
        )

    def failed(version: int) -> Callable[[BaseException], None]:
        def handle(error: BaseException) -> None:
            if isinstance(error, ConflictError):
                context.read(load_theirs, show_conflict, on_error=handle)
            elif connection_lost(error):
                box = connection_lost_box(parent)
                box.exec()
                retry = box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
                box.deleteLater()
                if retry:
                    attempt(version)
                elif on_kept is not None:
                    on_kept()
            elif on_other_error is not None:
                on_other_error(error)
            else:
                QMessageBox.warning(parent, tr("Not saved"), message_for(error))
                if on_kept is not None:
                    on_kept()

        return handle

    def show_conflict(theirs: Saved) -> None:
        dialog = ConflictDialog(mine, theirs.values, labels, parent)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.exec()
        resolution = dialog.resolution
        dialog.deleteLater()
        if resolution is Resolution.OVERWRITE:
            attempt(theirs.version)  # the user has seen theirs: save over exactly that version
        elif resolution is Resolution.RELOAD and on_reload is not None:
            on_reload(theirs)
        elif resolution is Resolution.KEEP_EDITING and on_kept is not None:
            on_kept()

    attempt(expected_version)
