"""Settings › General: the organizer of invitations (name, e-mail address) and the language for partners,
kept in the settings file the command line reads too; an address that is not one is refused beside its field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from teamlead.data.database import Database
from teamlead.rules import settings
from teamlead.ui.context import AppContext
from teamlead.ui.settings_dialog import SettingsDialog


def test_the_organizer_and_language_for_partners_are_saved_once_the_address_is_one(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    context = AppContext(sqlite_database)
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.partner_language_box.currentData() == "nl"  # the default
    dialog.organizer_name.setText("  Anna de Vries ")
    dialog.organizer_email.setText("anna@example")
    dialog.partner_language_box.setCurrentIndex(dialog.partner_language_box.findData("en"))
    dialog.accept()
    assert dialog.isVisible()
    assert "anna@example" in dialog.outgoing.error_text("organizer")
    assert settings.load().organizer_email is None
    dialog.organizer_email.setText("anna@example.nl")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    saved = settings.load()
    assert (saved.organizer_name, saved.organizer_email, saved.partner_language) == (
        "Anna de Vries",
        "anna@example.nl",
        "en",
    )
    again = SettingsDialog(context)
    qtbot.addWidget(again)
    assert again.organizer_email.text() == "anna@example.nl"
    assert again.partner_language_box.currentData() == "en"
    context.tasks.shutdown(wait=True)
