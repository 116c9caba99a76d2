"""The Neighbourhoods section: pick a neighbourhood, see its page, keep its focus, history, places and figures.

The home of :attr:`RecordKind.NEIGHBOURHOOD`: Who to call and a signal's round open a neighbourhood here. The
page is read in one go (:func:`~teamlead.data.queries.neighbourhood_page.neighbourhood_page`) and written through
:mod:`teamlead.services.neighbourhoods`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices, choices
from teamlead.data.queries.neighbourhood_page import NeighbourhoodPage, PlaceRow, neighbourhood_page
from teamlead.errors import UserError
from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.neighbourhoods.dialogs import EventDialog, PlaceDialog
from teamlead.ui.neighbourhoods.figures import FiguresBox
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.formatting import format_date
from teamlead.ui.widgets.forms import confirm


class NeighbourhoodsView(QWidget):
    """A neighbourhood picker over one neighbourhood's page."""

    loaded = Signal()
    """The neighbourhoods can be picked, or a picked neighbourhood's page is on screen."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.page: NeighbourhoodPage | None = None
        self.is_loaded = False
        self._pending: int | None = None
        self.picker = CompletionField[int](tr("Type a neighbourhood, e.g. Wildemanbuurt"))
        self.picker.setObjectName("neighbourhoodPicker")
        self.picker.refusal = tr("No neighbourhood is called {name}.")
        self.picker.setAccessibleName(tr("Neighbourhood"))
        label = QLabel(tr("&Neighbourhood:"))
        label.setBuddy(self.picker)
        self.heading = QLabel()
        self.heading.setObjectName("neighbourhoodHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.picker, 1)
        top.addWidget(self.heading, 2)

        # focus
        self.focus_edit = QPlainTextEdit()
        self.focus_edit.setObjectName("neighbourhoodFocus")
        self.focus_edit.setTabChangesFocus(True)
        self.focus_edit.setMaximumHeight(80)
        self.focus_edit.setAccessibleName(tr("Focus and task"))
        focus_label = QLabel(tr("F&ocus and task:"))
        focus_label.setBuddy(self.focus_edit)
        self.focus_date = QLabel()
        self.save_focus_button = QPushButton(tr("&Save focus"))
        self.save_focus_button.setObjectName("saveFocus")
        focus_box = QGroupBox(tr("Focus"))
        focus_layout = QVBoxLayout(focus_box)
        focus_layout.addWidget(focus_label)
        focus_layout.addWidget(self.focus_edit)
        focus_row = QHBoxLayout()
        focus_row.addWidget(self.focus_date, 1)
        focus_row.addWidget(self.save_focus_button)
        focus_layout.addLayout(focus_row)

        # history
        self.history = QListWidget()
        self.history.setObjectName("neighbourhoodHistory")
        self.history.setAccessibleName(tr("History"))
        self.add_event_button = QPushButton(tr("Add &line…"))
        self.edit_event_button = QPushButton(tr("Ed&it line…"))
        self.delete_event_button = QPushButton(tr("Delete lin&e"))
        history_box = self._list_box(
            tr("History"),
            self.history,
            (self.add_event_button, self.edit_event_button, self.delete_event_button),
        )

        # places
        self.places = QListWidget()
        self.places.setObjectName("neighbourhoodPlaces")
        self.places.setAccessibleName(tr("Places"))
        self.add_place_button = QPushButton(tr("&Add place…"))
        self.add_place_button.setObjectName("addPlace")
        self.edit_place_button = QPushButton(tr("Edit &place…"))
        self.delete_place_button = QPushButton(tr("&Delete place"))
        places_box = self._list_box(
            tr("Places"),
            self.places,
            (self.add_place_button, self.edit_place_button, self.delete_place_button),
        )

        self.figures = FiguresBox(context)

        # what the page reads
        self.partners = self._text_label("neighbourhoodPartners")
        self.signals = self._text_label("neighbourhoodSignals")
        self.reflection = self._text_label("neighbourhoodReflection")
        self.agreements = self._text_label("neighbourhoodAgreements")
        self.partners.linkActivated.connect(self._open_partner)

        left = QVBoxLayout()
        left.addWidget(focus_box)
        left.addWidget(self.figures)
        left.addWidget(history_box)
        left.addWidget(places_box)
        left.addStretch(1)
        right = QVBoxLayout()
        for title, label_widget in (
            (tr("Partners by domain"), self.partners),
            (tr("Signals of the last 12 months"), self.signals),
            (tr("Last local reflection"), self.reflection),
            (tr("Open agreements with its partners"), self.agreements),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(label_widget)
            right.addWidget(box)
        right.addStretch(1)
        self.body = QWidget()
        grid = QGridLayout(self.body)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.body.setEnabled(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self.picker.changed.connect(self._picked)
        self.save_focus_button.clicked.connect(self.save_focus)
        self.add_event_button.clicked.connect(self.add_event)
        self.edit_event_button.clicked.connect(self.edit_event)
        self.delete_event_button.clicked.connect(self.delete_event)
        self.history.itemActivated.connect(lambda _item: self.edit_event())
        self.add_place_button.clicked.connect(self.add_place)
        self.edit_place_button.clicked.connect(self.edit_place)
        self.delete_place_button.clicked.connect(self.delete_place)
        self.places.itemActivated.connect(lambda _item: self.edit_place())
        context.data_changed.connect(self._data_changed)
        self.setFocusProxy(self.picker)
        self._read_choices()

    def title(self) -> str:
        return tr("Neighbourhoods")

    # --- building ---------------------------------------------------------------------------------------

    @staticmethod
    def _list_box(title: str, items: QListWidget, buttons: tuple[QPushButton, ...]) -> QGroupBox:
        items.setMaximumHeight(120)
        items.setWordWrap(True)  # a long line wraps instead of scrolling sideways
        items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(items)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    @staticmethod
    def _text_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        return label

    # --- loading ----------------------------------------------------------------------------------------

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """Home of a neighbourhood's page."""
        if kind != RecordKind.NEIGHBOURHOOD:
            return False
        self.show_neighbourhood(record_id)
        return True

    def _read_choices(self) -> None:
        self._context.read(choices, self._show_choices, key="neighbourhoods.choices")

    def _show_choices(self, loaded: Choices) -> None:
        blocked = self.picker.blockSignals(True)
        self.picker.set_choice_values((choice.name, choice.id, choice.id) for choice in loaded.neighbourhoods)
        self.picker.blockSignals(blocked)
        if self._pending is not None:
            self.picker.set_value(self._pending)
        if not self.is_loaded:
            self.is_loaded = True
            self.loaded.emit()

    def _picked(self) -> None:
        neighbourhood_id = self.picker.value()
        if neighbourhood_id is not None and (self.page is None or self.page.id != neighbourhood_id):
            self.show_neighbourhood(neighbourhood_id)

    def show_neighbourhood(self, neighbourhood_id: int) -> None:
        """Load and show the neighbourhood's page."""
        self._pending = neighbourhood_id
        blocked = self.picker.blockSignals(True)
        self.picker.set_value(neighbourhood_id)
        self.picker.blockSignals(blocked)
        self._reload()

    def _reload(self) -> None:
        neighbourhood_id = self._pending
        if neighbourhood_id is None:
            return
        today, now = self._context.today(), self._context.now()

        def load(session: Session) -> NeighbourhoodPage | None:
            return neighbourhood_page(session, neighbourhood_id, today=today, now=now)

        self._context.read(load, self._show_page, key="neighbourhoods.page")

    def _data_changed(self, what: Change) -> None:
        if what in (Change.GEOGRAPHY, Change.ALL):
            self._read_choices()
        self._reload()

    def _show_page(self, page: NeighbourhoodPage | None) -> None:
        self.page = page
        self.body.setEnabled(page is not None)
        if page is None:
            self._pending = None
            self.heading.clear()
            self.loaded.emit()
            return
        self.heading.setText(f"<b>{escape(page.name)}</b> · {escape(page.district)}")
        if self.focus_edit.toPlainText() != page.focus:
            self.focus_edit.setPlainText(page.focus)
        self.focus_date.setText(
            tr("Written {date}", date=format_date(page.focus_on)) if page.focus_on else tr("Not written yet")
        )
        self._fill(
            self.history,
            [(f"{format_date(line.happened_on)}  {line.text}", line.id) for line in page.history],
            tr("No history yet."),
        )
        self._fill(
            self.places,
            [
                (
                    " · ".join(
                        part
                        for part in (
                            place.name,
                            words.place_kind(place.kind),
                            place.address,
                            trn("{count} note", "{count} notes", place.notes) if place.notes else "",
                        )
                        if part
                    ),
                    place.id,
                )
                for place in page.places
            ],
            tr("No places yet."),
        )
        self._show_partners(page)
        self._show_signals(page)
        self._show_reflection(page)
        self._show_agreements(page)
        self.figures.show_page(page)
        self.loaded.emit()

    @staticmethod
    def _fill(items: QListWidget, rows: list[tuple[str, int]], empty: str) -> None:
        current = items.currentItem().data(Qt.ItemDataRole.UserRole) if items.currentItem() else None
        items.clear()
        for text, record_id in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            items.addItem(item)
            if record_id == current:
                items.setCurrentItem(item)
        if not rows:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            items.addItem(item)

    def _show_partners(self, page: NeighbourhoodPage) -> None:
        lines = []
        for group in page.domains:
            if not group.partners:
                continue
            names = ", ".join(f'<a href="{org_id}">{escape(name)}</a>' for org_id, name in group.partners)
            lines.append(f"<b>{escape(group.domain or tr('No domain'))}</b>: {names}")
        if page.gaps:
            lines.append(
                f'<span style="color:#c62828">{escape(tr("No partner here in: {domains}", domains=", ".join(page.gaps)))}</span>'
            )
        self.partners.setText(
            "<br>".join(lines) or escape(tr("No active partner serves this neighbourhood."))
        )

    def _show_signals(self, page: NeighbourhoodPage) -> None:
        counted = [f"{escape(theme)}: {count}" for theme, count in page.signals_by_theme if count]
        self.signals.setText(
            escape(trn("{count} signal", "{count} signals", page.signals))
            + ("<br>" + "<br>".join(counted) if counted else "")
        )

    def _show_reflection(self, page: NeighbourhoodPage) -> None:
        reflection = page.reflection
        if reflection is None:
            self.reflection.setText(escape(tr("No local reflection held for this neighbourhood yet.")))
            return
        answers = (
            (tr("1. What goes &well?"), reflection.goes_well),
            (tr("2. What can be &better?"), reflection.can_improve),
            (tr("3. What can you do &yourselves?"), reflection.do_ourselves),
            (tr("4. Where do you need he&lp?"), reflection.need_help),
        )
        self.reflection.setText(
            f"{escape(reflection.title)} ({escape(format_date(reflection.held_on))})<br>"
            + "<br>".join(
                f"<b>{escape(question.replace('&', ''))}</b>: {escape(answer or '–')}"
                for question, answer in answers
            )
        )

    def _show_agreements(self, page: NeighbourhoodPage) -> None:
        rows = [
            escape(
                " · ".join(
                    part
                    for part in (
                        row.text,
                        ", ".join(row.organisations),
                        tr("due {date}", date=format_date(row.due_on)) if row.due_on else "",
                    )
                    if part
                )
            )
            for row in page.agreements
        ]
        self.agreements.setText("<br>".join(rows) or escape(tr("No open agreements.")))

    # --- acting -----------------------------------------------------------------------------------------

    def _open_partner(self, link: str) -> None:
        self._context.open_record.emit(RecordKind.ORGANISATION, int(link))

    def _write(self, work, on_done=None) -> None:  # type: ignore[no-untyped-def]
        self._context.write(work, on_done, changed=Change.GEOGRAPHY, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._context.tasks.report_message(error.message)
        else:
            self._context.tasks.report_error(error)

    def save_focus(self) -> None:
        page = self.page
        if page is None:
            return
        from teamlead.services.neighbourhoods import set_focus

        text, today = self.focus_edit.toPlainText(), self._context.today()
        self._write(
            lambda session: set_focus(session, page.id, text, expected_version=page.version, today=today)
        )

    def _current(self, items: QListWidget) -> int | None:
        item = items.currentItem()
        found = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(found) if found is not None else None

    def add_event(self) -> None:
        if self.page is not None:
            EventDialog(self._context, self.page.id, parent=self).open()

    def edit_event(self) -> None:
        event_id = self._current(self.history)
        line = next((line for line in self.page.history if line.id == event_id), None) if self.page else None
        if self.page is not None and line is not None:
            EventDialog(
                self._context, self.page.id, (line.id, line.happened_on, line.text, line.version), parent=self
            ).open()

    def delete_event(self) -> None:
        event_id = self._current(self.history)
        line = next((line for line in self.page.history if line.id == event_id), None) if self.page else None
        if line is None:
            return
        from teamlead.services.neighbourhoods import delete_event

        confirm(
            self,
            tr("Delete history line"),
            tr("Delete this line of the history?"),
            tr("&Delete"),
            lambda: self._write(
                lambda session: delete_event(session, line.id, expected_version=line.version)
            ),
            detail=line.text,
        )

    def add_place(self) -> None:
        if self.page is not None:
            PlaceDialog(self._context, self.page.id, parent=self).open()

    def _current_place(self) -> PlaceRow | None:
        place_id = self._current(self.places)
        return next((p for p in self.page.places if p.id == place_id), None) if self.page else None

    def edit_place(self) -> None:
        place = self._current_place()
        if self.page is not None and place is not None:
            PlaceDialog(
                self._context,
                self.page.id,
                (place.id, place.name, place.kind, place.address, place.version),
                parent=self,
            ).open()

    def delete_place(self) -> None:
        place = self._current_place()
        if place is None:
            return
        from teamlead.services.neighbourhoods import delete_place

        def delete() -> None:
            self._write(
                lambda session: delete_place(
                    session, place.id, expected_version=place.version, confirmed=True
                )
            )

        confirm(
            self,
            tr("Delete place"),
            tr("Delete the place {place}?", place=place.name),
            tr("&Delete"),
            delete,
            detail=trn(
                "{count} note points at it; the note stays, without its place.",
                "{count} notes point at it; the notes stay, without their place.",
                place.notes,
            )
            if place.notes
            else "",
        )
