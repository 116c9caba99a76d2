"""The Partners section as a user drives it: filter the roster, add a partner with a person, edit, archive."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from teamlead.ui.context import AppContext
from teamlead.ui.partners.model import PartnerTableModel
from teamlead.ui.partners.view import PartnersView
from teamlead.ui.people.dialogs import AddPersonDialog
from teamlead.ui.safety.guarded import ConflictDialog
from tests.ui.partners.conftest import Seed, settle
from tests.ui.safety.conftest import answer_modal


def open_view(qtbot: QtBot, context: AppContext, host: QWidget) -> PartnersView:
    view = PartnersView(context, host)
    view.resize(1300, 700)
    view.show()
    settle(qtbot, context)
    return view


def names(view: PartnersView) -> list[str]:
    return [view.proxy.index(r, PartnerTableModel.NAME).data() for r in range(view.proxy.rowCount())]


def cell(view: PartnersView, name: str, column: int) -> str:
    for r in range(view.proxy.rowCount()):
        if view.proxy.index(r, PartnerTableModel.NAME).data() == name:
            return str(view.proxy.index(r, column).data())
    raise AssertionError(f"{name} is not listed")


def test_roster_lists_active_partners_with_their_light(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host)
    assert names(view) == ["Jongerenwerk Nieuw-West", "Montessori College Öztürk", "Politie Team Slotervaart"]
    assert cell(view, "Jongerenwerk Nieuw-West", PartnerTableModel.STAY_IN_TOUCH) == "Overdue"
    assert cell(view, "Politie Team Slotervaart", PartnerTableModel.STAY_IN_TOUCH) == "In touch"
    assert (
        cell(view, "Politie Team Slotervaart", PartnerTableModel.NEIGHBOURHOODS)
        == "Slotervaart, Wildemanbuurt"
    )
    assert view.count_label.text() == "3 partners"


def test_filter_the_roster_by_typing_and_by_neighbourhood(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host)
    qtbot.keyClicks(view.filter_edit, "vries")  # a person working there
    assert names(view) == ["Politie Team Slotervaart"]
    assert view.count_label.text() == "1 of 3 partners"
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "ozturk")  # without the diacritics
    assert names(view) == ["Montessori College Öztürk"]
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Escape)
    assert len(names(view)) == 3
    view.neighbourhood.setCurrentIndex(view.neighbourhood.findText("Wildemanbuurt"))
    view.neighbourhood.activated.emit(view.neighbourhood.currentIndex())
    settle(qtbot, context)
    assert names(view) == ["Jongerenwerk Nieuw-West", "Politie Team Slotervaart"]


def selected_names(view: PartnersView) -> list[str]:
    return [index.data() for index in view.table.selectionModel().selectedRows(PartnerTableModel.NAME)]


def test_typing_keeps_the_partner_selected_while_it_is_listed(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    """The list is rebuilt on each key: the partner whose page is open stays selected as long as it passes, and
    its page stays when it no longer does."""
    view = open_view(qtbot, context, host)
    view.table.selectRow(names(view).index("Politie Team Slotervaart"))
    settle(qtbot, context)
    page = view.pane.organisation_id()
    assert page is not None
    qtbot.keyClicks(view.filter_edit, "sl")  # Slotervaart, and the police's neighbourhood
    assert "Politie Team Slotervaart" in names(view)
    assert selected_names(view) == ["Politie Team Slotervaart"]
    assert view.table.currentIndex().row() == names(view).index("Politie Team Slotervaart")
    qtbot.keyClicks(view.filter_edit, "oterv")
    assert selected_names(view) == ["Politie Team Slotervaart"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "ozturk")
    assert names(view) == ["Montessori College Öztürk"]
    assert selected_names(view) == []
    assert view.pane.organisation_id() == page  # the page is not swapped under the user's eyes
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Escape)
    assert len(names(view)) == 3


def test_add_a_partner_then_a_person_there(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host)
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.pane.editor
    qtbot.keyClicks(form.name, "Buurtvaders Slotermeer")
    form.domain.setCurrentIndex(form.domain.findText("Informal"))
    form.phone.setText("not a number")
    qtbot.mouseClick(view.pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert form.form.error_text("phone") == "not a number is not a valid phone number."
    form.phone.clear()
    qtbot.keyClicks(form.phone, "020 555 0199")
    qtbot.mouseClick(view.pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert "Buurtvaders Slotermeer" in names(view)
    assert view.pane.heading.text() == "Buurtvaders Slotermeer"
    assert view.pane.detail() is not None
    assert view.pane.detail().phone == "020 555 0199"
    selected = view.table.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["Buurtvaders Slotermeer"]

    qtbot.mouseClick(view.pane.add_person_button, Qt.MouseButton.LeftButton)
    dialog = view.pane.findChild(AddPersonDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.name, "Karim El Amrani")
    dialog.title.insert("Coördinator")  # QTest types ASCII only
    qtbot.keyClicks(dialog.phone, "0655550001")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert dialog.result() == dialog.DialogCode.Accepted
    roles = view.pane.roles.rows()
    assert [(r.person_name, r.title, r.phone) for r in roles] == [
        ("Karim El Amrani", "Coördinator", "06 5555 0001")
    ]
    assert cell(view, "Buurtvaders Slotermeer", PartnerTableModel.NAME) == "Buurtvaders Slotermeer"


def test_edit_can_be_undone_and_a_conflict_is_shown(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host)
    assert view.open_record("organisation", seed.youth_work)
    settle(qtbot, context)
    form = view.pane.editor
    qtbot.keyClicks(form.name, " (oud)")
    assert view.pane.cancel_button.isEnabled()
    qtbot.mouseClick(view.pane.cancel_button, Qt.MouseButton.LeftButton)
    assert form.name.text() == "Jongerenwerk Nieuw-West"

    # Someone else saves the same partner meanwhile (a shared database): our save must say so.
    from teamlead.services import organisations

    with context.database.begin() as session:
        detail = view.pane.detail()
        assert detail is not None
        organisations.edit_organisation(
            session,
            detail.id,
            organisations.OrganisationInput(name="Jongerenwerk NW", district_id=seed.district),
            expected_version=detail.version,
        )
    # The save is refused with both versions side by side; the user takes theirs.
    seen = answer_modal(ConflictDialog, _take_theirs)
    qtbot.keyClicks(form.address, "Plein 40-45 1")
    qtbot.mouseClick(view.pane.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    rows = {row[0]: row[1:] for row in seen[0]}
    assert rows["Name"] == ("Jongerenwerk Nieuw-West", "Jongerenwerk NW")
    settle(qtbot, context)
    qtbot.waitUntil(lambda: form.name.text() == "Jongerenwerk NW", timeout=10_000)
    assert "Plein 40-45" not in form.address.text()


def test_a_colleagues_key_contact_and_offers_are_shown_in_the_conflict_and_mine_saved_over_them(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    from sqlalchemy import select

    from teamlead.data.roster import Organisation, Person, key_contact
    from teamlead.services import key_contacts, signal_lists

    with context.database.begin() as session:
        room = signal_lists.add_offer(session, "Ruimte voor bijeenkomsten")
    view = open_view(qtbot, context, host)
    assert view.open_record("organisation", seed.police)
    settle(qtbot, context)
    form = view.pane.editor
    assert form.key_contact_name() == "Sanne de Vries"  # the only contact, so the key contact
    with context.database.begin() as session:  # a colleague unsets the key contact and ticks an offer
        officer = session.get_one(Person, seed.police_officer).name
        version = session.get_one(Organisation, seed.police).version
        key_contacts.set_key_contact(session, seed.police, None, expected_version=version)
        version = session.get_one(Organisation, seed.police).version
        key_contacts.set_offers(session, seed.police, [room], expected_version=version)
    seen = answer_modal(ConflictDialog, _save_over_theirs)
    form.phone.clear()
    qtbot.keyClicks(form.phone, "020 555 0199")
    qtbot.mouseClick(view.pane.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    rows = {row[0]: row[1:] for row in seen[0]}
    assert rows["Key contact"] == (officer, "")
    assert rows["Can offer"] == ("", "Ruimte voor bijeenkomsten")
    settle(qtbot, context)
    with context.database.session() as session:  # saved over theirs: as the form showed it
        assert session.get_one(Organisation, seed.police).phone == "020 555 0199"
        chosen = session.scalar(
            select(key_contact.c.person_id).where(key_contact.c.organisation_id == seed.police)
        )
    assert chosen == seed.police_officer
    assert form.offer_names() == []


def _save_over_theirs(dialog: ConflictDialog) -> list[tuple[str, ...]]:
    rows = [tuple(dialog.cell(r, c) for c in range(3)) for r in range(dialog.table.rowCount())]
    dialog.overwrite_button.click()
    return rows


def _take_theirs(dialog: ConflictDialog) -> list[tuple[str, ...]]:
    rows = [tuple(dialog.cell(r, c) for c in range(3)) for r in range(dialog.table.rowCount())]
    dialog.reload_button.click()
    return rows


def test_archive_asks_first_then_reactivate(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    view = open_view(qtbot, context, host)
    view.open_record("organisation", seed.school)
    settle(qtbot, context)
    qtbot.mouseClick(view.pane.archive_button, Qt.MouseButton.LeftButton)
    box = view.pane.findChild(QMessageBox, "confirmBox")
    assert box is not None
    assert "Archive Montessori College Öztürk?" in box.text()
    archive = next(b for b in box.findChildren(QPushButton) if b.text() == "&Archive")
    qtbot.mouseClick(archive, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert "Montessori College Öztürk" not in " ".join(names(view))  # the roster shows active partners
    assert view.pane.heading.text() == "Montessori College Öztürk — former partner since 31 Mar 2026"
    assert view.pane.reactivate_button.isVisible()
    qtbot.mouseClick(view.pane.reactivate_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    assert "Montessori College Öztürk" in names(view)
    assert QApplication.activeModalWidget() is None


def test_open_a_former_partner_from_elsewhere(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    from teamlead.services.organisations import archive_organisation

    with context.database.begin() as session:
        archive_organisation(session, seed.school, expected_version=1)
    view = open_view(qtbot, context, host)
    assert "Montessori College Öztürk (former)" not in names(view)
    assert view.open_record("organisation", seed.school)
    assert not view.open_record("meeting", 1)
    settle(qtbot, context)
    assert "Montessori College Öztürk (former)" in names(view)
    assert view.status.currentText() == "Active and former"
    assert [i.data() for i in view.table.selectionModel().selectedRows()] == [
        "Montessori College Öztürk (former)"
    ]
    assert view.pane.heading.text().startswith("Montessori College Öztürk — former partner since")


def test_the_roster_speaks_dutch(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> None:
    from teamlead.i18n import set_language

    set_language("nl")
    view = open_view(qtbot, context, host)
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Naam", "Domein", "Buurten", "Laatste contact", "Contact", "Afspraken"]
    assert cell(view, "Jongerenwerk Nieuw-West", PartnerTableModel.STAY_IN_TOUCH) == "Te laat"
    assert cell(view, "Jongerenwerk Nieuw-West", PartnerTableModel.DOMAIN) == "Sociaal"
    assert view.count_label.text() == "3 partners"
    assert view.pane.editor.domain.itemText(1) == "Sociaal"


def test_the_partner_page_shows_and_edits_its_remarks(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    from sqlalchemy import func, select, update

    from teamlead.data.models import Note, Organisation

    with context.database.begin() as session:  # as a roster import leaves them
        session.execute(
            update(Organisation)
            .where(Organisation.id == seed.police)
            .values(remarks="2026-03-02: Belt altijd terug binnen een dag")
        )
    view = open_view(qtbot, context, host)
    assert view.open_record("organisation", seed.police)
    settle(qtbot, context)
    form = view.pane.editor
    assert form.remarks.toPlainText() == "2026-03-02: Belt altijd terug binnen een dag"
    form.remarks.moveCursor(form.remarks.textCursor().MoveOperation.End)
    qtbot.keyClicks(form.remarks, " (ook in het weekend)")
    assert view.pane.save_button.isEnabled()
    qtbot.mouseClick(view.pane.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    with context.database.session() as session:
        stored = session.scalar(select(Organisation.remarks).where(Organisation.id == seed.police))
        assert session.scalar(select(func.count()).select_from(Note)) == 1  # the seed's call, nothing more
    assert stored == "2026-03-02: Belt altijd terug binnen een dag (ook in het weekend)"
    assert cell(view, "Politie Team Slotervaart", PartnerTableModel.STAY_IN_TOUCH) == "In touch"
