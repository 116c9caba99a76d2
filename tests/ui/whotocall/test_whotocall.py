"""Who to call on a curfew night: type the neighbourhood, see every active partner there with its numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from teamlead.ui.context import AppContext
from teamlead.ui.notes.dialog import NoteDialog
from teamlead.ui.whotocall.view import WhoToCallView
from teamlead.ui.widgets.copy_label import CopyLabel
from tests.ui.partners.conftest import TODAY, Seed, settle

# The completion popup asks the offscreen test platform for things it cannot do (raise, grab the keyboard).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_type_a_neighbourhood_and_call(qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed) -> None:
    view = WhoToCallView(context, host)
    view.show()
    settle(qtbot, context)
    assert view.summary.text().startswith("Choose a neighbourhood")
    qtbot.keyClicks(view.picker.line, "Wildemanbuurt")
    qtbot.keyClick(view.picker.line, Qt.Key.Key_Return)
    settle(qtbot, context)
    assert view.summary.text() == "2 active partners serve Wildemanbuurt."
    assert [(g.domain, [p.name for p in g.partners]) for g in view.groups] == [
        ("Social", ["Jongerenwerk Nieuw-West"]),
        ("Safety", ["Politie Team Slotervaart"]),
    ]
    phones = [label for label in view.findChildren(CopyLabel) if label.objectName() == "callPhone"]
    # The officer is the police team's only contact, so its key contact: listed first, and on its card.
    assert [label.value() for label in phones] == ["06 5555 1234", "06 5555 1234"]
    qtbot.mouseClick(phones[0], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "06 5555 1234"

    qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    settle(qtbot, context)
    dialog = view.findChild(NoteDialog)
    assert dialog is not None
    assert dialog.kind.currentText() == "Signal"
    assert dialog.neighbourhood.line.text() == "Wildemanbuurt"
    dialog.reject()


def test_a_partner_that_left_is_not_called(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    from teamlead.services.organisations import archive_organisation

    with context.database.begin() as session:
        archive_organisation(session, seed.youth_work, expected_version=1)
    view = WhoToCallView(context, host)
    settle(qtbot, context)
    view.show_neighbourhood(seed.wildeman)
    settle(qtbot, context)
    assert [p.name for g in view.groups for p in g.partners] == ["Politie Team Slotervaart"]


def test_at_night_the_key_contact_reachable_now_comes_first_and_offers_narrow_the_list(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed
) -> None:
    """At 22:00 on a Tuesday the police officer (evenings) is listed before the youth worker (office hours),
    although youth work comes first by domain; at 10:00 the order is the domains' again."""
    from datetime import datetime

    from teamlead.data.models import Organisation
    from teamlead.rules.clock import AMSTERDAM
    from teamlead.services import key_contacts, persons, signal_lists

    with context.database.begin() as session:
        worker = persons.add_person(
            session,
            persons.PersonInput(name="Karim Bouali", phone="0655550101"),
            organisation_id=seed.youth_work,
            role_title="Jongerenwerker",
            started_on=TODAY,
        )
        key_contacts.set_key_contact(
            session, seed.youth_work, worker.person_id, expected_version=1, today=TODAY
        )
        key_contacts.set_key_contact(
            session, seed.police, seed.police_officer, expected_version=1, today=TODAY
        )
        key_contacts.set_reachability(session, worker.person_id, ["office"], expected_version=1)
        key_contacts.set_reachability(session, seed.police_officer, ["evening", "night"], expected_version=1)
        room = signal_lists.add_offer(session, "Ruimte voor bijeenkomsten")
        signal_lists.add_offer(session, "Straatpresentie")
        youth_work = session.get(Organisation, seed.youth_work)
        assert youth_work is not None
        key_contacts.set_offers(session, seed.youth_work, [room], expected_version=youth_work.version)

    context.set_now(datetime(2026, 3, 31, 22, 0, tzinfo=AMSTERDAM))
    view = WhoToCallView(context, host)
    settle(qtbot, context)
    view.show_neighbourhood(seed.wildeman)
    settle(qtbot, context)
    assert [(row.contact.name, row.reachable) for row in view.key_rows] == [
        ("Sanne de Vries", True),
        ("Karim Bouali", False),
    ]
    names = [label.text() for label in view.findChildren(QLabel, "keyContactName")]
    assert names == ["Sanne de Vries — Politie Team Slotervaart", "Karim Bouali — Jongerenwerk Nieuw-West"]
    reach = [label.text() for label in view.findChildren(QLabel, "reachability")]
    assert reach == ["Reachable now", "Office hours (Mon–Fri 9–17)"]

    view.offer.setCurrentIndex(view.offer.findText("Ruimte voor bijeenkomsten"))
    view.offer.activated.emit(view.offer.currentIndex())
    settle(qtbot, context)
    assert [p.name for g in view.groups for p in g.partners] == [
        "Jongerenwerk Nieuw-West",
        "Politie Team Slotervaart",
    ]  # what was read; what is shown is narrowed:
    assert [row.partner.name for row in view.key_rows] == ["Jongerenwerk Nieuw-West"]
    assert view.summary.text() == "1 active partner serves Wildemanbuurt."

    view.offer.setCurrentIndex(0)
    view.offer.activated.emit(0)
    context.set_now(datetime(2026, 3, 31, 10, 0, tzinfo=AMSTERDAM))
    view.show_neighbourhood(seed.wildeman)
    settle(qtbot, context)
    assert [(row.contact.name, row.reachable) for row in view.key_rows] == [
        ("Karim Bouali", True),
        ("Sanne de Vries", False),
    ]


def test_save_for_my_phone_writes_the_neighbourhood_cards(
    qtbot: QtBot, context: AppContext, host: QWidget, seed: Seed, tmp_path: Path
) -> None:
    import vobject

    view = WhoToCallView(context, host)
    settle(qtbot, context)
    assert not view.pocket_button.isEnabled()
    view.show_neighbourhood(seed.wildeman)
    settle(qtbot, context)
    assert view.pocket_button.isEnabled()
    with qtbot.waitSignal(view.pocket_button.written, timeout=10_000) as written:
        view.pocket_button.save(tmp_path / "wildeman.vcf")
    cards = list(vobject.readComponents(Path(written.args[0]).read_text(encoding="utf-8")))
    assert [card.fn.value for card in cards] == ["Sanne de Vries"]
    assert cards[0].tel.value == "06 5555 1234"
