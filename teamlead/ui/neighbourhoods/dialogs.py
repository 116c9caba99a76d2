"""The small dialogs of the neighbourhood page: a place (name, kind, address) and a dated line of history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, PlaceKind
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.date_field import DateField
from teamlead.ui.widgets.discard_guard import guard_discard
from teamlead.ui.widgets.forms import FieldForm, show_save_error


class _SaveDialog(QDialog):
    """A form with Save and Cancel; Save runs the service in the background and closes on success."""

    def __init__(self, context: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(title)
        self.form = FieldForm()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("&Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def _write(self, work: Callable[[Session], Any]) -> None:
        self.form.clear_errors()
        self.save_button.setEnabled(False)
        self._context.write(
            work, lambda _result: self.accept(), changed=Change.GEOGRAPHY, on_error=self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_save_error(self.form, self._context.tasks, error)


class PlaceDialog(_SaveDialog):
    """Add a place to a neighbourhood, or change one (``place`` given: id, name, kind, address, version)."""

    def __init__(
        self,
        context: AppContext,
        neighbourhood_id: int,
        place: tuple[int, str, str, str, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, tr("Edit place") if place else tr("Add a place"), parent)
        self.setObjectName("placeDialog")
        self._neighbourhood_id = neighbourhood_id
        self._place = place
        self.name = QLineEdit()
        self.name.setObjectName("placeName")
        self.kind = QComboBox()
        self.kind.setObjectName("placeKind")
        for kind, word in words.place_kind_names().items():
            self.kind.addItem(word, str(kind))
        self.address = QLineEdit()
        self.address.setObjectName("placeAddress")
        self.form.add_field("name", tr("&Name:"), self.name)
        self.form.add_field("kind", tr("&Kind of place:"), self.kind)
        self.form.add_field("address", tr("&Address:"), self.address)
        if place is not None:
            _id, name, kind, address, _version = place
            self.name.setText(name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            self.address.setText(address)
        self.discard_guard = guard_discard(self, self.buttons)  # Esc or Cancel on typing asks first
        self.name.setFocus()

    def save(self) -> None:
        from teamlead.services.neighbourhoods import add_place, edit_place

        name, kind, address = (
            self.name.text(),
            str(self.kind.currentData() or PlaceKind.OTHER),
            self.address.text(),
        )
        neighbourhood_id, place = self._neighbourhood_id, self._place
        if place is None:
            self._write(lambda session: add_place(session, neighbourhood_id, name, kind, address))
        else:
            place_id, version = place[0], place[4]
            self._write(
                lambda session: edit_place(session, place_id, name, kind, address, expected_version=version)
            )


class EventDialog(_SaveDialog):
    """Add a dated line to a neighbourhood's history, or change one (``event``: id, day, text, version)."""

    def __init__(
        self,
        context: AppContext,
        neighbourhood_id: int,
        event: tuple[int, date, str, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, tr("Edit history line") if event else tr("Add to the history"), parent)
        self.setObjectName("eventDialog")
        self._neighbourhood_id = neighbourhood_id
        self._event = event
        self.day = DateField(event[1] if event else context.today(), today=context.today)
        self.text = QLineEdit()
        self.text.setObjectName("eventText")
        self.form.add_field("happened_on", tr("&Date:"), self.day)
        self.form.add_field("text", tr("&What happened:"), self.text)
        if event is not None:
            self.text.setText(event[2])
        self.discard_guard = guard_discard(self, self.buttons)  # Esc or Cancel on typing asks first
        self.text.setFocus()

    def save(self) -> None:
        from teamlead.services.neighbourhoods import add_event, edit_event

        try:
            day = self.day.checked_value("happened_on")
        except ValidationError as error:
            self._failed(error)
            return
        text, neighbourhood_id, event = self.text.text(), self._neighbourhood_id, self._event
        if event is None:
            self._write(lambda session: add_event(session, neighbourhood_id, day, text))
        else:
            event_id, version = event[0], event[3]
            self._write(lambda session: edit_event(session, event_id, day, text, expected_version=version))
