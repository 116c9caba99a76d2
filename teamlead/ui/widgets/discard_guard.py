"""Esc, Cancel or the window's close button on a form with typing in it asks before throwing the typing away.

One guard for every form dialog (notes, meetings, people, names): what counts as a change is what a user
would lose — text typed into a line, a text box, and the entries of a pick list — compared with what the form
held when it was first shown (so lists that fill in the background are no change). An untouched form closes
at once, as before. The question is Qt's own Discard / Cancel box, so it reads in the app's language.

Use::

    self.discard_guard = guard_discard(self, self.buttons)   # Cancel's rejected -> reject connected first
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
)

from teamlead.i18n import tr

Snapshot = tuple[tuple[str, ...], ...]


def typed(dialog: QDialog) -> Snapshot:
    """What the user typed or picked in ``dialog``: texts of its lines and text boxes, entries of its lists."""
    lines = tuple(
        edit.text()
        for edit in dialog.findChildren(QLineEdit)
        if not edit.isReadOnly() and edit.parent() is not None and not _inside_spin_box(edit)
    )
    boxes = tuple(box.toPlainText() for box in dialog.findChildren(QPlainTextEdit) if not box.isReadOnly())
    rich = tuple(box.toPlainText() for box in dialog.findChildren(QTextEdit) if not box.isReadOnly())
    lists = tuple(
        "\n".join(widget.item(row).text() for row in range(widget.count()))
        for widget in dialog.findChildren(QListWidget)
    )
    return (lines, boxes, rich, lists)


def _inside_spin_box(edit: QLineEdit) -> bool:
    """The line inside a date, time or number field: its value is set by the form, not typed as text."""
    parent = edit.parent()
    return parent is not None and parent.inherits("QAbstractSpinBox")


class DiscardGuard(QObject):
    """Watches one dialog; see the module's docstring."""

    def __init__(self, dialog: QDialog, buttons: QDialogButtonBox | None = None) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._shown: Snapshot | None = None
        self._leaving = False
        self.question: QMessageBox | None = None
        """The open question, while one is asked (tests answer it)."""
        dialog.installEventFilter(self)
        for box in [buttons] if buttons is not None else dialog.findChildren(QDialogButtonBox):
            box.rejected.disconnect(dialog.reject)  # Cancel asks too
            box.rejected.connect(self.request_close)

    def changed(self) -> bool:
        return self._shown is not None and typed(self._dialog) != self._shown

    def filled(self) -> None:
        """The form was filled from the database after it was shown: what it holds now is nobody's typing."""
        self._shown = typed(self._dialog)

    def request_close(self) -> None:
        """Cancel: close at once when nothing was typed, else ask first."""
        if self._leaving or not self.changed():
            self._leave()
            return
        if self.question is not None:
            return
        box = QMessageBox(self._dialog)
        box.setObjectName("discardQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self._dialog.windowTitle())
        box.setText(tr("Throw away what you typed?"))
        box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(self._answered)
        self.question = box
        box.open()

    def _answered(self, button: QAbstractButton) -> None:
        box = self.question
        self.question = None
        if box is None:
            return
        discard = box.standardButton(button) == QMessageBox.StandardButton.Discard
        box.deleteLater()
        if discard:
            self._leave()

    def _leave(self) -> None:
        self._leaving = True
        self._dialog.reject()
        self._leaving = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._dialog:
            kind = event.type()
            if kind == QEvent.Type.Show and self._shown is None:
                self._shown = typed(self._dialog)
            elif (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
                and not self._leaving
            ):
                self.request_close()
                return True
            elif kind == QEvent.Type.Close and not self._leaving and self.changed():
                event.ignore()
                self.request_close()
                return True
        return super().eventFilter(watched, event)


def guard_discard(dialog: QDialog, buttons: QDialogButtonBox | None = None) -> DiscardGuard:
    """Ask before ``dialog`` throws typing away. ``buttons``: its button box, whose Cancel (connected to
    ``dialog.reject``) then asks too; by default the boxes already inside the dialog."""
    return DiscardGuard(dialog, buttons)
