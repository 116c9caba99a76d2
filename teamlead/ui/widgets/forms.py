"""Form building blocks shared by the editors and dialogs: labelled fields with their error beside them.

Services raise :class:`~teamlead.errors.ValidationError` with the name of the offending field; a
:class:`FieldForm` shows that message right under the field it is about (and focuses it), instead of in a
dialog the user must read, dismiss and map back to the form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from teamlead.errors import ConflictError, UserError, ValidationError
from teamlead.i18n import tr
from teamlead.ui.tasks import TaskRunner


class FieldForm(QFormLayout):
    """A form layout whose rows know their service field name and can show an error under the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._general = QLabel()
        self._general.setObjectName("formError")
        self._general.setWordWrap(True)
        self._general.setStyleSheet("color: #c62828;")
        self._general.hide()
        self.addRow(self._general)

    def add_field(self, field: str, label: str, editor: QWidget) -> QLabel:
        """Add ``editor`` under a buddy label (its mnemonic focuses it; screen readers read it as a name)."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setWordWrap(True)
        error.setStyleSheet("color: #c62828;")
        error.hide()
        column.addWidget(error)
        # As tall as its editor and message, no taller: a height-capped editor stays beside its label.
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        caption = QLabel(label)
        caption.setBuddy(editor)
        editor.setAccessibleName(label.replace("&", ""))
        self.addRow(caption, holder)
        self._fields[field] = (editor, error)
        return caption

    def editors(self) -> list[QWidget]:
        """The editors, top to bottom."""
        return [editor for editor, _error in self._fields.values()]

    def editor(self, field: str) -> QWidget:
        return self._fields[field][0]

    def error_text(self, field: str) -> str:
        """The message shown beside ``field`` ("" when none): what a user reads there."""
        label = self._fields[field][1] if field in self._fields else self._general
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        for _editor, label in self._fields.values():
            label.clear()
            label.hide()
        self._general.clear()
        self._general.hide()

    def show_error(self, error: ValidationError) -> None:
        """Put the message beside its field (or on top of the form for a field it does not have)."""
        self.clear_errors()
        editor, label = self._fields.get(error.field, (None, self._general))
        label.setText(error.message)
        label.show()
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, message: str) -> None:
        """A message about the whole form (a conflict, a record deleted meanwhile)."""
        self.clear_errors()
        self._general.setText(message)
        self._general.show()


def show_save_error(form: FieldForm, tasks: TaskRunner, error: BaseException) -> None:
    """Route a failed save: a field's message beside the field, a conflict both on the form and in a dialog
    (someone else's change must never pass unnoticed), anything else through the task runner."""
    if isinstance(error, ValidationError):
        form.show_error(error)
    elif isinstance(error, ConflictError):
        form.show_message(error.message)
        tasks.report_message(error.message)
    elif isinstance(error, UserError):
        form.show_message(error.message)
    else:
        tasks.report_error(error)


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    yes: str,
    on_yes: Callable[[], None],
    *,
    no: str | None = None,
    detail: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Ask before something destructive, without blocking the event loop; ``no`` (Cancel unless named) is
    the default button and Esc's, ``detail`` the informative text under ``text``."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    if detail:
        box.setInformativeText(detail)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(no or tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished() -> None:
        if box.clickedButton() is accept:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box
