"""Logging a contact moment and finding it back, as a user would; the partner's light turns green."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from teamlead.data.models import Note
from teamlead.data.queries.dashboard_lists import overdue_partners_capped
from teamlead.i18n import set_language
from teamlead.rules.vocabulary import NoteKind
from teamlead.ui.context import AppContext
from teamlead.ui.notes.dialog import NoteDialog, open_note_dialog
from teamlead.ui.notes.view import NotesTableModel, NotesView
from teamlead.ui.partners.model import PartnerTableModel
from teamlead.ui.partners.view import PartnersView
from tests.ui.partners.conftest import TODAY, Seed, settle

# The completion popup asks the offscreen test platform for things it cannot do (raise, grab the keyboard).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def overdue_names(context: AppContext) -> list[str]:
    with context.database.session() as session:
        return [row.name for row in overdue_partners_capped(session, TODAY).rows]


def light(view: PartnersView, name: str) -> str:
    for r in range(view.proxy.rowCount()):
        if view.proxy.index(r, PartnerTableModel.NAME).data() == name:
            return str(view.proxy.index(r, PartnerTableModel.STAY_IN_TOUCH).data())
    raise AssertionError(name)


def open_dialog(qtbot: QtBot, context: AppContext, host: QWidget, **preset: int) -> NoteDialog:
    dialog = open_note_dialog(context, host, **preset)
    settle(qtbot, context)
    return dialog


def test_log_a_note_and_the_partner_leaves_the_overdue_list(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    roster = PartnersView(context, host)
    settle(qtbot, context)
    assert overdue_names(context) == ["Jongerenwerk Nieuw-West"]
    assert light(roster, "Jongerenwerk Nieuw-West") == "Overdue"

    dialog = open_dialog(qtbot, context, host)
    assert dialog.occurred.value() == TODAY
    qtbot.keyClicks(dialog.organisations.line, "jongerenwerk")
    qtbot.keyClick(dialog.organisations.line, Qt.Key.Key_Return)
    assert dialog.organisations.labels() == ["Jongerenwerk Nieuw-West"]
    qtbot.keyClicks(dialog.persons.line, "Sanne de Vries (Politie Team Slotervaart)")
    qtbot.keyClick(dialog.persons.line, Qt.Key.Key_Return)
    assert dialog.persons.ids() == [seed.police_officer]
    dialog.kind.setCurrentIndex(dialog.kind.findData(str(NoteKind.VISIT)))
    qtbot.keyClicks(dialog.text, "Samen door de buurt gelopen")
    dialog.follow_up_check.setChecked(True)
    with qtbot.waitSignal(context.data_changed) as changed:
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == ["note"]
    settle(qtbot, context)
    assert overdue_names(context) == []
    assert light(roster, "Jongerenwerk Nieuw-West") == "In touch"


def test_a_refused_note_keeps_what_was_typed(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    dialog = open_dialog(qtbot, context, host, organisation_id=seed.police)
    assert dialog.organisations.labels() == ["Politie Team Slotervaart"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no text
    settle(qtbot, context)
    assert dialog.form.error_text("text") == "Text is empty."
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.text, "Signaal: oproep tot rellen")
    dialog.occurred.line.selectAll()
    qtbot.keyClicks(dialog.occurred.line, "tomorrow")
    dialog.follow_up_check.setChecked(True)
    dialog.follow_up.line.selectAll()
    qtbot.keyClicks(dialog.follow_up.line, "today")
    assert (dialog.occurred.value(), dialog.follow_up.value()) == (TODAY + timedelta(days=1), TODAY)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert "follow-up date 31 Mar 2026 lies before" in dialog.form.error_text("follow_up_on")
    qtbot.keyClicks(dialog.persons.line, "somebody unknown")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.form.error_text("person_ids") == "No match for “somebody unknown”: pick a name from the list."
    )


def note_count(context: AppContext) -> int:
    with context.database.session() as session:
        return len(session.scalars(select(Note)).all())


def test_a_date_that_names_no_day_is_refused_and_nothing_is_saved(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    set_language("nl")
    try:
        dialog = open_dialog(qtbot, context, host, organisation_id=seed.police)
        before = note_count(context)
        qtbot.keyClicks(dialog.text, "Signaal: oproep tot rellen")
        dialog.occurred.line.selectAll()
        qtbot.keyClicks(dialog.occurred.line, "31-02")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, context)
        assert dialog.isVisible()
        assert dialog.form.error_text("occurred_on") == (
            "“31-02” is geen datum. Typ bijvoorbeeld 31-03-2026, 3 dec, +2w of vandaag."
        )
        assert dialog.focusWidget() is dialog.occurred.line
        assert note_count(context) == before
        dialog.occurred.line.selectAll()
        qtbot.keyClicks(dialog.occurred.line, "16-3")
        dialog.follow_up_check.setChecked(True)
        dialog.follow_up.line.selectAll()
        qtbot.keyClicks(dialog.follow_up.line, "+2x")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        settle(qtbot, context)
        assert dialog.form.error_text("follow_up_on").startswith("“+2x” is geen datum.")
        assert dialog.focusWidget() is dialog.follow_up.line
        assert note_count(context) == before
        dialog.follow_up.line.selectAll()
        qtbot.keyClicks(dialog.follow_up.line, "+2w")
        with qtbot.waitSignal(dialog.accepted):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        settle(qtbot, context)
        with context.database.session() as session:
            saved = session.scalars(select(Note).order_by(Note.id.desc())).first()
            assert saved is not None
            assert (saved.occurred_on, saved.follow_up_on) == (date(2026, 3, 16), date(2026, 4, 14))
        assert note_count(context) == before + 1
    finally:
        set_language("en")


def test_notes_view_filters_by_kind_neighbourhood_and_partner(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    from teamlead.services.notes import NoteInput, log_note

    with context.database.begin() as session:
        log_note(
            session,
            NoteInput(
                kind=NoteKind.SIGNAL,
                text="Oproep tot rellen op sociale media",
                neighbourhood_id=seed.wildeman,
                organisation_ids=[seed.youth_work, seed.police],
            ),
            today=TODAY,
        )
    view = NotesView(context, host)
    settle(qtbot, context)
    assert view.model.rowCount() == 2
    assert view.count_label.text() == "2 notes"
    view.set_filters(kind=str(NoteKind.SIGNAL))
    settle(qtbot, context)
    row = [view.model.index(0, c).data() for c in range(7)]
    assert row[1:5] == [
        "Signal · open",
        "Jongerenwerk Nieuw-West, Politie Team Slotervaart",
        "",
        "Wildemanbuurt",
    ]
    view.set_filters(neighbourhood_id=seed.slotervaart)
    settle(qtbot, context)
    assert view.model.rowCount() == 0
    view.set_filters(organisation_id=seed.police, days=7)
    settle(qtbot, context)
    assert [view.model.index(r, NotesTableModel.TEXT).data() for r in range(view.model.rowCount())] == [
        "Oproep tot rellen op sociale media"
    ]
    view.table.selectRow(0)
    assert view.text.toPlainText() == "Oproep tot rellen op sociale media"


def test_open_a_note_from_elsewhere(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> None:
    view = NotesView(context, host)
    settle(qtbot, context)
    view.set_filters(kind=str(NoteKind.SIGNAL))
    settle(qtbot, context)
    assert view.model.rowCount() == 0
    note_id = 1  # the seed's only note
    assert view.open_record("note", note_id)
    settle(qtbot, context)
    assert view.kind.currentText() == "All kinds"
    assert view.text.toPlainText() == "Kennismaking"


def test_signals_are_found_by_state_and_theme(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    """Open, closed without feedback, closed with feedback; by theme, ``other`` also finds a signal without one."""
    from datetime import datetime

    from teamlead.data.models import Theme
    from teamlead.rules.clock import AMSTERDAM
    from teamlead.services import signal_rounds
    from teamlead.services.signal_rounds import SignalInput

    with context.database.begin() as session:
        themes = {key: theme_id for theme_id, key in session.execute(select(Theme.id, Theme.key))}
        logged = {}
        for day, text, theme in (
            (3, "Drugsoverlast", "drugs"),
            (2, "Vechtpartij", "unrest"),
            (1, "Graffiti", None),
        ):
            logged[text] = signal_rounds.log_signal(
                session,
                SignalInput(
                    text=text,
                    came_in_at=datetime.combine(TODAY - timedelta(days=day), datetime.min.time(), AMSTERDAM),
                    neighbourhood_id=seed.wildeman,
                    theme_ids=[themes[theme]] if theme else [],
                ),
            )
        for text, feedback in (("Drugsoverlast", None), ("Vechtpartij", TODAY)):
            signal_rounds.close_signal(
                session,
                logged[text],
                closed_on=TODAY,
                outcome="Besproken",
                feedback_on=feedback,
                expected_version=1,
            )
    view = NotesView(context, host)
    settle(qtbot, context)

    def shown() -> list[str]:
        return [view.model.index(r, NotesTableModel.TEXT).data() for r in range(view.model.rowCount())]

    for state, texts in (
        ("open", ["Graffiti"]),
        ("no_feedback", ["Drugsoverlast"]),
        ("closed", ["Vechtpartij"]),
    ):
        view.state.setCurrentIndex(view.state.findData(state))
        view.state.activated.emit(view.state.currentIndex())
        settle(qtbot, context)
        assert shown() == texts, state
    view.state.setCurrentIndex(0)
    for key, texts in (("drugs", ["Drugsoverlast"]), ("weapons", []), ("other", ["Graffiti"])):
        view.theme.setCurrentIndex(view.theme.findData(themes[key]))
        view.theme.activated.emit(view.theme.currentIndex())
        settle(qtbot, context)
        assert shown() == texts, key
    view.table.selectRow(0)
    assert view.round_button.isEnabled()


def test_a_visit_points_to_a_place_of_its_neighbourhood(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    """The place field offers the places of the neighbourhood picked, and the note keeps the one chosen."""
    from teamlead.data.notes import note_place
    from teamlead.services.neighbourhoods import add_place

    with context.database.begin() as session:
        centre = add_place(session, seed.wildeman, "Jongerencentrum De Tussenmeer", "youth_centre")
        add_place(session, seed.slotervaart, "Sporthal Slotervaart", "sports_club")
    dialog = open_dialog(qtbot, context, host)
    assert not dialog.place.isEnabled()  # no neighbourhood yet
    dialog.kind.setCurrentIndex(dialog.kind.findData("visit"))
    qtbot.keyClicks(dialog.organisations.line, "jongerenwerk")
    qtbot.keyClick(dialog.organisations.line, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.neighbourhood.line, "Wildemanbuurt")
    qtbot.keyClick(dialog.neighbourhood.line, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert [dialog.place.itemText(i) for i in range(dialog.place.count())] == [
        "No place",
        "Jongerencentrum De Tussenmeer",
    ]
    dialog.place.setCurrentIndex(1)
    qtbot.keyClicks(dialog.text, "Langs geweest bij de inloop")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    with context.database.session() as session:
        assert session.scalar(select(note_place.c.place_id)) == centre
