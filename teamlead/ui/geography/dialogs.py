"""The small dialogs of the geography page: a name (and for a neighbourhood its district), and a merge target.

The name dialog saves through a service in the background; a refused name (empty, too long, taken) shows
beside the field and the dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.errors import UserError, ValidationError
from teamlead.i18n import tr
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import Change
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.discard_guard import guard_discard
from teamlead.ui.widgets.forms import FieldForm, show_save_error

Work = Callable[[str, int | None], Callable[[Session], Any]]
"""From the typed name and chosen district, the service call to run in one transaction."""


class NameDialog(QDialog):
    """Add or rename a district, neighbourhood, domain, theme or offer; a neighbourhood's district can be
    chosen too. ``changed``: what the write announces (themes and offers are not geography)."""

    saved = Signal(object)
    """The write succeeded: what the service returned (a new record's id, else None)."""

    def __init__(
        self,
        context: AppContext,
        title: str,
        ok_text: str,
        work: Work,
        *,
        name: str = "",
        districts: Sequence[tuple[int, str]] | None = None,
        district_id: int | None = None,
        parent: QWidget | None = None,
        changed: Change = Change.GEOGRAPHY,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("geographyNameDialog")
        self._changed = changed
        self.setWindowTitle(title)
        self._context = context
        self._work = work
        self._unchanged = (name, district_id) if name else None
        """What a rename starts from: saving it unchanged just closes (an add always writes)."""
        self.form = FieldForm()
        self.name = QLineEdit(name)
        self.name.setMaxLength(Width.PLACE_NAME)
        self.name.selectAll()
        self.form.add_field("name", tr("&Name"), self.name)
        self.district: QComboBox | None = None
        if districts is not None:
            self.district = QComboBox()
            for choice_id, choice_name in districts:
                self.district.addItem(choice_name, choice_id)
            self.district.setCurrentIndex(max(0, self.district.findData(district_id)))
            self.form.add_field("district_id", tr("&District"), self.district)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.ok.setDefault(True)  # once inside the dialog: it stays the default after Tab passed over it
        self.discard_guard = guard_discard(self, buttons)  # Esc or Cancel on typing asks first
        self.setMinimumWidth(380)

    def chosen_district(self) -> int | None:
        return self.district.currentData() if self.district is not None else None

    def save(self) -> None:
        """Write in the background (Enter in the name field presses this); nothing changed: just close."""
        name, district_id = self.name.text(), self.chosen_district()
        if (name.strip(), district_id) == self._unchanged:
            self.accept()
            return
        self.form.clear_errors()
        self.ok.setEnabled(False)
        self._context.write(
            self._work(name, district_id), self._saved, changed=self._changed, on_error=self._failed
        )

    def _saved(self, result: Any) -> None:
        self.ok.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        show_save_error(self.form, self._context.tasks, error)


class MergeDialog(QDialog):
    """Choose what to merge into; the dialog says what would move before anything does."""

    chosen = Signal(int)
    """The target's id, when the user pressed Merge (the page then asks once more and writes)."""

    def __init__(
        self,
        title: str,
        targets: Sequence[tuple[int, str]],
        explain: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("geographyMergeDialog")
        self.setWindowTitle(title)
        self._explain = explain
        self.target = CompletionField[int](tr("Type part of a name"))
        self.target.setObjectName("mergeTarget")
        self.target.set_choice_values((label, target_id, target_id) for target_id, label in targets)
        if targets:
            self.target.set_value(targets[0][0])  # the first (its own district's neighbourhood) until typed
        self.form = FieldForm()
        self.form.add_field("target_id", tr("Merge &into"), self.target)
        self.explanation = QLabel()
        self.explanation.setObjectName("mergeExplanation")
        self.explanation.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(tr("&Merge…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.explanation)
        layout.addWidget(buttons)
        self.ok.setDefault(True)  # once inside the dialog: it stays the default after Tab passed over it
        self.setMinimumWidth(440)
        self.target.changed.connect(self._show_explanation)
        self._show_explanation()

    def _show_explanation(self, *_args: object) -> None:
        target = self.target.value()
        self.explanation.setText(self._explain(int(target)) if target is not None else "")

    def _accept(self) -> None:
        target = self.target.value()
        if self.target.pending_text():
            self.form.show_error(
                ValidationError(
                    "target_id", tr("Nothing on the list is called {name}.", name=self.target.pending_text())
                )
            )
        elif target is not None:
            self.accept()
            self.chosen.emit(int(target))


def show_refusal(parent: QWidget, context: AppContext, error: BaseException, name: str) -> bool:
    """A write the settings refused (in use, a default, changed meanwhile) said in a message box named
    ``name``; True then. Anything else is a bug: it goes to the app's error report, and False."""
    if not isinstance(error, UserError):
        context.tasks.report_error(error)
        return False
    box = QMessageBox(
        QMessageBox.Icon.Warning, tr("Not changed"), error.message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName(name)
    box.open()
    return True
