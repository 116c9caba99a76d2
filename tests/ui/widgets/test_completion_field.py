"""The completion field and list through the screens that use them, as a user types: the pop-up matches any part
of a name without case or diacritics, Down and Enter pick from it, a name nobody has is said under the field,
and the people of a partner chosen in the dialog (or whose page it was opened from) come first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.i18n import set_language
from teamlead.services import notes, persons
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.view import SCOPE_THIS, MeetingsView
from teamlead.ui.notes.dialog import NoteDialog
from teamlead.ui.notes.view import NotesView
from teamlead.ui.partners.view import PartnersView
from teamlead.ui.widgets.completion_list import CompletionField, CompletionList
from tests.ui.partners.conftest import TODAY, Seed, context, host, seed, settle

__all__ = ["context", "host", "seed"]  # the roster fixtures

# The completion popup asks the offscreen test platform for things it cannot do (raise, grab the keyboard).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SANNE = "Sanne de Vries (Politie Team Slotervaart)"
BAS = "Bas Sandberg (Politie Team Slotervaart)"
MARK = "Mark Sanders (Jongerenwerk Nieuw-West)"


def add_person(database: Database, name: str, organisation_id: int) -> None:
    with database.begin() as session:
        persons.add_person(
            session,
            persons.PersonInput(name=name),
            organisation_id=organisation_id,
            role_title="Medewerker",
            started_on=TODAY - timedelta(days=30),
        )


def popup_of(field: CompletionField[int] | CompletionList[object]) -> QAbstractItemView:
    popup = field.completer.popup()
    assert popup is not None
    return popup


def popup_rows(field: CompletionField[int] | CompletionList[object]) -> list[str]:
    """The rows the pop-up shows, top to bottom."""
    model = popup_of(field).model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def type_into(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.clear()
    qtbot.keyClicks(line, text)


def note_dialog_from_the_page_of(
    qtbot: QtBot, context: AppContext, host: QWidget, organisation_id: int
) -> NoteDialog:
    """Partners › a partner's page › Log a contact moment…"""
    view = PartnersView(context, host)
    view.show()
    settle(qtbot, context)
    assert view.open_record("organisation", organisation_id)
    settle(qtbot, context)
    qtbot.mouseClick(view.pane.note_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in view.pane.findChildren(NoteDialog) if d.isVisible())
    settle(qtbot, context)
    return dialog


@pytest.mark.parametrize(("partner", "first"), [("police", [BAS, SANNE]), ("youth_work", [MARK])])
def test_the_note_dialog_offers_the_people_of_the_partner_whose_page_it_came_from_first(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed, partner: str, first: list[str]
) -> None:
    add_person(context.database, "Bas Sandberg", seed.police)
    add_person(context.database, "Mark Sanders", seed.youth_work)
    dialog = note_dialog_from_the_page_of(qtbot, context, host, getattr(seed, partner))
    type_into(qtbot, dialog.persons.line, "san")  # in all three names
    assert popup_of(dialog.persons).isVisible()
    rows = popup_rows(dialog.persons)
    assert sorted(rows) == sorted([BAS, SANNE, MARK])
    assert rows[: len(first)] == first  # that partner's people, then the others
    qtbot.keyClick(popup_of(dialog.persons), Qt.Key.Key_Down)
    qtbot.keyClick(popup_of(dialog.persons), Qt.Key.Key_Return)
    assert dialog.persons.labels() == [first[0]]
    assert dialog.isVisible()  # Enter picked; it did not save

    # Down on the empty line lists everybody, the partner's people first; a partner added brings its own.
    qtbot.keyClick(dialog.persons.line, Qt.Key.Key_Down)
    assert popup_rows(dialog.persons)[: len(first)] == first
    popup_of(dialog.persons).hide()
    dialog.organisations.pick_id(seed.youth_work if partner == "police" else seed.police)
    assert set(dialog.persons.offered()[:3]) == {BAS, SANNE, MARK}
    dialog.reject()


def test_a_meeting_offers_the_people_of_the_partners_invited_first(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    add_person(context.database, "Anouk Bakker", seed.youth_work)  # before Sanne in the alphabet
    view = MeetingsView(context, host, ask=lambda _parent, _row: SCOPE_THIS)
    view.show()
    settle(qtbot, context)
    view.new_meeting_button.click()
    qtbot.waitUntil(lambda: getattr(view, "meeting_dialog", None) is not None)
    dialog = view.meeting_dialog
    offered = dialog.invitees.offered()
    assert offered.index("Anouk Bakker (Jongerenwerk Nieuw-West)") < offered.index(SANNE)
    type_into(qtbot, dialog.invitees.line, "politie")
    qtbot.keyClick(popup_of(dialog.invitees), Qt.Key.Key_Return)  # nothing highlighted: the first row
    assert dialog.invitees.labels() == ["Politie Team Slotervaart"]
    qtbot.keyClick(dialog.invitees.line, Qt.Key.Key_Down)  # the empty line: everybody, the police's first
    assert popup_rows(dialog.invitees)[0] == SANNE
    qtbot.keyClick(popup_of(dialog.invitees), Qt.Key.Key_Down)
    qtbot.keyClick(popup_of(dialog.invitees), Qt.Key.Key_Return)
    assert dialog.invitees.labels() == ["Politie Team Slotervaart", SANNE]
    assert dialog.isVisible()
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_notes_partner_filter_is_typed(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed, language: str
) -> None:
    with context.database.begin() as session:
        notes.log_note(
            session,
            notes.NoteInput(
                kind="call", text="Gebeld", organisation_ids=[seed.youth_work], occurred_on=TODAY
            ),
            today=TODAY,
        )
    set_language(language)
    view = NotesView(context, host)
    view.show()
    settle(qtbot, context)
    assert view.model.rowCount() == 2
    field = view.partner
    type_into(qtbot, field.line, "OZT")  # Öztürk, without case or diacritics
    assert popup_rows(field) == ["Montessori College Öztürk"]
    popup_of(field).hide()
    type_into(qtbot, field.line, "slotervaart")
    qtbot.keyClick(popup_of(field), Qt.Key.Key_Down)
    qtbot.keyClick(popup_of(field), Qt.Key.Key_Return)
    settle(qtbot, context)
    assert (field.value(), field.line.text()) == (seed.police, "Politie Team Slotervaart")
    assert view.model.rowCount() == 1  # the police's note
    type_into(qtbot, field.line, "brandweer")
    popup_of(field).hide()
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert (
        field.message.text()
        == {
            "en": "No partner is called brandweer.",
            "nl": "Er is geen partner die brandweer heet.",
        }[language]
    )
    field.line.selectAll()
    qtbot.keyClick(field.line, Qt.Key.Key_Backspace)  # an empty line: every partner
    settle(qtbot, context)
    assert field.value() is None
    assert not field.message.isVisible()
    assert view.model.rowCount() == 2
