"""A signal's round: when it came in, what it is about, whom was asked and what they said, and its close.

The first story of the field texts: a signal comes in, the team lead asks the partners in that neighbourhood
whether they know it too, they act together, and afterwards the partners hear what happened. "Ask partners"
opens Who to call for the signal's neighbourhood with an "Ask…" button per partner; each answer comes back here
(the dialog reloads on every note change). The close asks two things the city's figures count: when it was
closed, and when feedback went back to the partners.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.neighbourhood_page import note_place_id, place_choices
from teamlead.data.queries.signals import AskRow, SignalPage, ThemeChoice, signal_page, theme_choices
from teamlead.errors import ValidationError
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, RecordKind, SignalAnswer, SignalState
from teamlead.services.neighbourhoods import set_note_place
from teamlead.services.signal_rounds import RoundInput, remove_ask, save_round
from teamlead.ui.context import AppContext
from teamlead.ui.signals.ask_dialog import AskEdit, open_ask_dialog
from teamlead.ui.tasks import widget_alive
from teamlead.ui.widgets.date_field import DateField
from teamlead.ui.widgets.discard_guard import guard_discard
from teamlead.ui.widgets.filter_bar import FlowLayout
from teamlead.ui.widgets.formatting import format_date, format_when
from teamlead.ui.widgets.forms import FieldForm, confirm, show_save_error
from teamlead.ui.widgets.moment_field import MomentField
from teamlead.ui.widgets.rows_model import RowRole, RowsModel


@dataclass(frozen=True)
class Loaded:
    page: SignalPage | None
    themes: list[ThemeChoice]
    places: list[tuple[int, str]] = field(default_factory=list)
    """The places of the signal's neighbourhood (id, name), by name."""
    place_id: int | None = None
    """The place the signal points at, if any."""


class AsksModel(RowsModel[AskRow]):
    PARTNER, PERSON, ASKED, HOW, ANSWER = range(5)

    def headers(self) -> tuple[str, ...]:
        return (tr("Partner"), tr("Person"), tr("Asked"), tr("How"), tr("Answer"))

    def display(self, row: AskRow, column: int) -> str:
        if column == self.PARTNER:
            return row.organisation
        if column == self.PERSON:
            return row.person
        if column == self.ASKED:
            return format_when(row.asked_at)
        if column == self.HOW:
            return words.note_kind(row.contact_kind) if row.contact_kind else ""
        return words.signal_answer(row.answer)

    def sort_key(self, row: AskRow, column: int) -> Any:
        if column == self.ASKED:
            return (row.asked_at, row.id)
        return super().sort_key(row, column)


class SignalRoundDialog(QDialog):
    """Follow one signal up; stays open while partners are asked from Who to call."""

    def __init__(self, context: AppContext, note_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.note_id = note_id
        self.page: SignalPage | None = None
        self._form_version: int | None = None
        """The round's version the form was filled from: a save against it, so a change made meanwhile
        (another window, a colleague) is refused as a conflict instead of overwritten."""
        self._fill = False
        self.is_loaded = False
        self.setObjectName("signalRoundDialog")
        self.setWindowTitle(tr("Signal round"))
        self.setMinimumWidth(720)
        self.heading = QLabel()
        self.heading.setObjectName("signalHeading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.state = QLabel()
        self.state.setObjectName("signalState")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        self.neighbourhood_button = QPushButton(tr("Neighbourhood pa&ge"))
        self.neighbourhood_button.setObjectName("neighbourhoodPageButton")
        self.neighbourhood_button.setToolTip(tr("Open the page of the signal's neighbourhood"))
        self.neighbourhood_button.setEnabled(False)
        top.addWidget(self.neighbourhood_button)

        self.form = FieldForm()
        self.came_in = MomentField(context.now(), today=context.today)
        self.themes_box = QWidget()
        self.themes_layout = FlowLayout(self.themes_box)
        self.theme_checks: dict[int, QCheckBox] = {}
        self.form.add_field("came_in_at", tr("Came &in"), self.came_in)
        self.form.add_field("theme_ids", tr("Themes"), self.themes_box)
        self.place = QComboBox()
        self.place.setObjectName("signalPlace")
        self.place.addItem(tr("No place"), None)
        self.form.add_field("place_id", tr("Pl&ace"), self.place)

        asked = QGroupBox(tr("Partners asked"))
        self.asks_model = AsksModel(self)
        self.asks = QTableView()
        self.asks.setObjectName("signalAsks")
        self.asks.setAccessibleName(tr("Partners asked"))
        self.asks.setModel(self.asks_model)
        self.asks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.asks.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.asks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.asks.verticalHeader().hide()
        header = self.asks.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            AsksModel.PARTNER, QHeaderView.ResizeMode.Stretch
        )  # the rest fit beside it
        self.asks.setMinimumHeight(140)
        self.asks_summary = QLabel()
        self.ask_button = QPushButton(tr("Ask &partners in Who to call…"))
        self.ask_button.setObjectName("askPartnersButton")
        self.ask_button.setToolTip(
            tr("Open Who to call for this neighbourhood, with an Ask button per partner")
        )
        self.edit_ask_button = QPushButton(tr("Cor&rect answer…"))
        self.remove_ask_button = QPushButton(tr("Re&move"))
        self.asks_summary.setWordWrap(True)
        ask_buttons = QHBoxLayout()
        ask_buttons.addStretch(1)
        ask_buttons.addWidget(self.ask_button)
        ask_buttons.addWidget(self.edit_ask_button)
        ask_buttons.addWidget(self.remove_ask_button)
        asked_layout = QVBoxLayout(asked)
        asked_layout.addWidget(self.asks)
        asked_layout.addWidget(self.asks_summary)
        asked_layout.addLayout(ask_buttons)

        close = QGroupBox(tr("Close"))
        self.close_form = FieldForm()
        today = context.today()
        self.closed_check = QCheckBox(tr("&Closed on"))
        self.closed_on = DateField(today, today=context.today)
        self.closed_on.setAccessibleName(tr("Closed on"))
        self.outcome = QPlainTextEdit()
        self.outcome.setTabChangesFocus(True)
        self.outcome.setPlaceholderText(tr("What was done, with whom"))
        self.outcome.setMaximumHeight(70)
        self.feedback_check = QCheckBox(tr("&Feedback to the partners on"))
        self.feedback_on = DateField(today, today=context.today)
        self.feedback_on.setAccessibleName(tr("Feedback to the partners on"))
        self.feedback = QPlainTextEdit()
        self.feedback.setTabChangesFocus(True)
        self.feedback.setPlaceholderText(tr("What the partners were told, and how"))
        self.feedback.setMaximumHeight(70)
        self.close_form.add_field("closed_on", "", _checked_row(self.closed_check, self.closed_on))
        self.close_form.add_field("outcome", tr("&What was done"), self.outcome)
        self.close_form.add_field("feedback_on", "", _checked_row(self.feedback_check, self.feedback_on))
        self.close_form.add_field("feedback", tr("Feedbac&k"), self.feedback)
        close.setLayout(self.close_form)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addLayout(self.form)
        layout.addWidget(asked, 1)
        layout.addWidget(close)
        layout.addWidget(buttons)

        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.discard_guard = guard_discard(self, buttons)  # Esc or Cancel after typing asks first
        self.closed_check.toggled.connect(self._close_toggled)
        self.feedback_check.toggled.connect(self.feedback_on.setEnabled)
        self.ask_button.clicked.connect(self.ask_partners)
        self.neighbourhood_button.clicked.connect(self.open_neighbourhood)
        self.edit_ask_button.clicked.connect(self.correct_ask)
        self.remove_ask_button.clicked.connect(self.remove_selected_ask)
        self.asks.doubleClicked.connect(self.correct_ask)
        self.asks.selectionModel().selectionChanged.connect(self._ask_selected)
        context.data_changed.connect(self._data_changed)
        self._close_toggled(False)
        self._ask_selected()
        self.reload(fill=True)

    def reload(self, *, fill: bool = False) -> None:
        """Read the signal; ``fill`` also puts its values in the form (the first time): later reloads bring in
        the partners' answers without overwriting what the user is typing."""
        note_id = self.note_id
        self._fill = fill or self._fill

        def load(session: Session) -> Loaded:
            page = signal_page(session, note_id)
            places = place_choices(session, page.neighbourhood_id) if page and page.neighbourhood_id else []
            return Loaded(page, theme_choices(session), places, note_place_id(session, note_id))

        # A bound method, so the result is dropped once the dialog is gone (closed while reading).
        self._context.read(load, self._show, key=f"signal-round.{note_id}")

    def _data_changed(self, what: Change) -> None:
        if what in (Change.NOTE, Change.THEMES, Change.GEOGRAPHY, Change.ALL):
            self.reload(fill=False)

    def _show(self, loaded: Loaded) -> None:
        fill, self._fill = self._fill, False
        page = loaded.page
        if page is None:
            self.heading.setText(
                tr("This signal has no signal round (it was recorded before rounds existed).")
            )
            self.save_button.setEnabled(False)
            self.ask_button.setEnabled(False)
            self._loaded()
            return
        self.page = page
        where = page.neighbourhood or tr("no neighbourhood")
        self.heading.setText(tr("Signal of {date}, {place}", date=format_date(page.occurred_on), place=where))
        self.state.setText(words.signal_state(page.state))
        self.state.setStyleSheet(
            "color: #b3261e; font-weight: 600;" if page.state != SignalState.CLOSED else "color: #2e7d32;"
        )
        self.text.setText(page.text)
        chosen = {theme_id for theme_id, check in self.theme_checks.items() if check.isChecked()}
        if fill or not self.theme_checks:
            chosen = set(page.theme_ids)
        self._show_themes(loaded.themes, chosen)
        self.asks_model.set_rows(page.asks)
        self.asks_summary.setText(_asks_summary(page.asks))
        self.ask_button.setEnabled(page.neighbourhood_id is not None)
        self.neighbourhood_button.setEnabled(page.neighbourhood_id is not None)
        self._show_places(loaded.places, loaded.place_id if fill else self.place.currentData())
        if page.neighbourhood_id is None:
            self.ask_button.setToolTip(
                tr("The signal names no neighbourhood, so Who to call cannot list its partners.")
            )
        if fill:
            self._form_version = page.version
            self.came_in.set_value(page.came_in_at)
            self.closed_check.setChecked(page.closed_on is not None)
            if page.closed_on is not None:
                self.closed_on.set_value(page.closed_on)
            self.outcome.setPlainText(page.outcome)
            self.feedback_check.setChecked(page.feedback_on is not None)
            if page.feedback_on is not None:
                self.feedback_on.set_value(page.feedback_on)
            self.feedback.setPlainText(page.feedback)
            self.discard_guard.filled()
        self.save_button.setEnabled(True)
        self._loaded()

    def _loaded(self) -> None:
        self.is_loaded = True

    def _show_themes(self, themes: list[ThemeChoice], chosen: set[int]) -> None:
        while self.themes_layout.count():
            item = self.themes_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.theme_checks = {}
        for theme in themes:
            check = QCheckBox(theme.name.replace("&", "&&"))  # a name's "&" is shown, not a shortcut
            check.setObjectName(f"theme_{theme.key}")
            check.setChecked(theme.id in chosen)
            self.theme_checks[theme.id] = check
            self.themes_layout.add_widget(check)
        # Made after the rest of the form: put them in reading order, between the time and the list.
        chain = [self.came_in.time, *self.theme_checks.values(), self.asks]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _close_toggled(self, closed: bool) -> None:
        self.closed_on.setEnabled(closed)
        self.outcome.setEnabled(closed)
        self.feedback_check.setEnabled(closed)
        self.feedback_on.setEnabled(closed and self.feedback_check.isChecked())
        self.feedback.setEnabled(closed)
        if not closed:
            self.feedback_check.setChecked(False)

    def _selected_ask(self) -> AskRow | None:
        indexes = self.asks.selectionModel().selectedRows()
        row = indexes[0].data(RowRole) if indexes else None
        return row if isinstance(row, AskRow) else None

    def _ask_selected(self, *_args: object) -> None:
        chosen = self._selected_ask() is not None
        self.edit_ask_button.setEnabled(chosen)
        self.remove_ask_button.setEnabled(chosen)

    def _show_places(self, places: list[tuple[int, str]], chosen: int | None) -> None:
        """The neighbourhood's places to choose from, ``chosen`` selected (when it is still there)."""
        self.place.clear()
        self.place.addItem(tr("No place"), None)
        for place_id, name in places:
            self.place.addItem(name, place_id)
        self.place.setCurrentIndex(max(0, self.place.findData(chosen)))
        self.place.setEnabled(bool(places))

    def open_neighbourhood(self) -> None:
        """The page of the signal's neighbourhood, in the main window (this dialog stays open beside it)."""
        if self.page is not None and self.page.neighbourhood_id is not None:
            self._context.open_record.emit(RecordKind.NEIGHBOURHOOD, self.page.neighbourhood_id)

    def ask_partners(self) -> None:
        """Who to call for the signal's neighbourhood, in asking mode for this signal."""
        self._context.open_record.emit(RecordKind.SIGNAL_ASK, self.note_id)

    def correct_ask(self, *_args: object) -> None:
        row = self._selected_ask()
        if row is None:
            return
        open_ask_dialog(
            self._context,
            AskEdit(row.id, row.organisation, row.person, row.asked_at, row.answer, row.version),
            self,
        )

    def remove_selected_ask(self) -> None:
        row = self._selected_ask()
        if row is None:
            return
        context = self._context

        def remove() -> None:
            context.write(
                lambda session: remove_ask(session, row.id, expected_version=row.version),
                changed=Change.NOTE,
            )

        confirm(
            self,
            tr("Remove from the round"),
            tr("Take {partner} off this signal's round?", partner=row.organisation),
            tr("&Remove"),
            remove,
            detail=tr("The contact moment with them stays: it did happen."),
        )

    def value(self) -> RoundInput:
        closed = self.closed_check.isChecked()
        with_feedback = closed and self.feedback_check.isChecked()
        return RoundInput(
            came_in_at=self.came_in.checked_value("came_in_at"),
            theme_ids=[theme_id for theme_id, check in self.theme_checks.items() if check.isChecked()],
            closed_on=self.closed_on.checked_value("closed_on") if closed else None,
            outcome=self.outcome.toPlainText(),  # kept when the close is undone: what was written stays
            feedback_on=self.feedback_on.checked_value("feedback_on") if with_feedback else None,
            feedback=self.feedback.toPlainText(),
        )

    def save(self) -> None:
        page, version = self.page, self._form_version
        if page is None or version is None:
            return
        self.form.clear_errors()
        self.close_form.clear_errors()
        try:
            data = self.value()
        except ValidationError as refused:
            self._show_error(refused)
            return
        self.save_button.setEnabled(False)
        today = self._context.today()
        place_id = self.place.currentData()

        def write(session: Session) -> None:
            save_round(session, page.note_id, data, expected_version=version, today=today)
            set_note_place(session, page.note_id, place_id)

        self._context.write(
            write,
            self._saved,
            changed=Change.NOTE,
            on_error=self._failed,
        )

    def _saved(self, _result: object) -> None:
        self.discard_guard.filled()  # saved: nothing left to throw away
        self.accept()

    def _show_error(self, error: ValidationError) -> None:
        if error.field in ("closed_on", "outcome", "feedback_on", "feedback"):
            self.close_form.show_error(error)
        else:
            self.form.show_error(error)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in (
            "closed_on",
            "outcome",
            "feedback_on",
            "feedback",
        ):
            self.close_form.show_error(error)
            return
        show_save_error(self.form, self._context.tasks, error)


def _checked_row(check: QCheckBox, field: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(check)
    layout.addWidget(field)
    layout.addStretch()
    row.setFocusProxy(field)
    return row


def _asks_summary(asks: tuple[AskRow, ...]) -> str:
    if not asks:
        return tr("Nobody asked yet.")
    answers = [ask.answer for ask in asks]
    return trn(
        "{count} partner asked: {knew} knew it, {acting} acting, {not_known} did not know.",
        "{count} partners asked: {knew} knew it, {acting} acting, {not_known} did not know.",
        len(asks),
        knew=answers.count(SignalAnswer.KNEW),
        acting=answers.count(SignalAnswer.ACTING),
        not_known=answers.count(SignalAnswer.NOT_KNOWN),
    )


_open: dict[int, SignalRoundDialog] = {}


def open_signal_round(context: AppContext, note_id: int, parent: QWidget | None = None) -> SignalRoundDialog:
    """Open the dialog (not modal: Who to call stays usable beside it); it deletes itself when closed. A
    signal whose round is open already is brought to the front, not opened twice."""
    shown = _open.get(note_id)
    if shown is not None and widget_alive(shown) and shown.isVisible():
        shown.raise_()
        shown.activateWindow()
        return shown
    dialog = SignalRoundDialog(context, note_id, parent)
    _open[note_id] = dialog
    dialog.destroyed.connect(lambda: _open.pop(note_id, None))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    return dialog
