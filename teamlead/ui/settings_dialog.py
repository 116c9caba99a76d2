"""Settings: the interface language and the default district (stored with :mod:`teamlead.rules.settings`;
the default district by id, for the open database only), and for invitations and mail drafts to partners the
team lead's name and e-mail address (the organizer) and the language for partners, on the first tab; the districts, neighbourhoods and
domains of the database on the second (:mod:`teamlead.ui.geography`); the signal themes and the offers of
partners on the third.

A new language takes effect at once: the main window rebuilds itself in it (no restart needed). The second
tab's changes are written at once, each its own transaction; OK and Cancel concern the first tab.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.default_district import DefaultDistrict, default_district
from teamlead.data.queries.districts import DistrictRef, all_districts
from teamlead.errors import ValidationError
from teamlead.i18n import current_language, tr
from teamlead.rules import settings
from teamlead.rules.vocabulary import Change
from teamlead.services.contact import normalise_email
from teamlead.ui.context import AppContext
from teamlead.ui.geography.page import GeographyPage
from teamlead.ui.geography.signal_lists_page import SignalListsPage
from teamlead.ui.style import mute
from teamlead.ui.widgets.forms import FieldForm

LANGUAGE_NAMES = (("nl", "Nederlands"), ("en", "English"))


class SettingsDialog(QDialog):
    """Language and default district; districts, neighbourhoods and domains. Lists load in the background."""

    GENERAL, GEOGRAPHY, SIGNAL_LISTS = 0, 1, 2
    """The tabs, for :meth:`show_tab`."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(tr("Settings"))
        self._saved = settings.load()
        self._default: DefaultDistrict | None = None
        self._context = context

        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code, name in LANGUAGE_NAMES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(current_language()))
        self.language_box.setAccessibleName(tr("Language"))

        self.district_box = QComboBox()
        self.district_box.setObjectName("districtBox")
        self.district_box.addItem(tr("All districts"), None)
        self.district_box.setAccessibleName(tr("Default district"))
        self.district_box.setEnabled(False)

        form = QFormLayout()
        language_label = QLabel(tr("&Language:"))
        language_label.setBuddy(self.language_box)
        district_label = QLabel(tr("Default &district:"))
        district_label.setBuddy(self.district_box)
        form.addRow(language_label, self.language_box)
        form.addRow(district_label, self.district_box)
        hint = mute(
            QLabel(
                tr(
                    "The dashboard shows the default district (without one, all districts), and new partners, "
                    "notes and meetings land in it unless their form says otherwise. It is kept for this "
                    "database only."
                )
            )
        )
        hint.setWordWrap(True)
        hint.setMinimumWidth(400)  # the dialog's height is laid out for the hint wrapped at this width

        self.outgoing = self._outgoing_form()
        outgoing_hint = mute(
            QLabel(
                tr(
                    "Invitations name you as their organizer, so partners' answers come to you. Mail drafts to "
                    "partners, and the invitations and minutes attached to them, are written in the language "
                    "for partners."
                )
            )
        )
        outgoing_hint.setWordWrap(True)
        outgoing_heading = QLabel(tr("Invitations and mail to partners"))
        outgoing_heading.setObjectName("sectionHeading")
        outgoing_heading.setStyleSheet("font-weight: 600")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("&Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget()
        column = QWidget()  # as wide as its fields need, not as the tab that is wide for the three lists
        column.setMaximumWidth(560)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addLayout(form)
        column_layout.addWidget(hint)
        column_layout.addSpacing(12)
        column_layout.addWidget(outgoing_heading)
        column_layout.addLayout(self.outgoing)
        column_layout.addWidget(outgoing_hint)
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(column)
        general_layout.addStretch()
        self.geography = GeographyPage(context)
        self.signal_lists = SignalListsPage(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, tr("General"))
        self.tabs.addTab(self.geography, tr("Districts, neighbourhoods and domains"))
        self.tabs.addTab(self.signal_lists, tr("Signal themes and offers"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.resize(1000, 600)
        self._read_districts()
        context.data_changed.connect(self._data_changed)

    def _outgoing_form(self) -> FieldForm:
        form = FieldForm()
        self.organizer_name = QLineEdit(self._saved.organizer_name or "")
        self.organizer_name.setObjectName("organizerName")
        self.organizer_email = QLineEdit(self._saved.organizer_email or "")
        self.organizer_email.setObjectName("organizerEmail")
        self.organizer_email.setPlaceholderText(tr("name@example.nl"))
        self.partner_language_box = QComboBox()
        self.partner_language_box.setObjectName("partnerLanguageBox")
        for code, name in LANGUAGE_NAMES:
            self.partner_language_box.addItem(name, code)
        self.partner_language_box.setCurrentIndex(
            self.partner_language_box.findData(settings.partner_language(self._saved))
        )
        form.add_field("organizer_name", tr("Your &name:"), self.organizer_name)
        form.add_field("organizer", tr("Your &e-mail address:"), self.organizer_email)
        form.add_field("partner_language", tr("Language for &partners:"), self.partner_language_box)
        return form

    def accept(self) -> None:
        """Save the organizer and the language for partners, once the address reads as one; the caller
        saves the rest (:meth:`language`, :meth:`default_district`) when the dialog is accepted."""
        try:
            email = normalise_email(self.organizer_email.text(), "organizer")
        except ValidationError as error:
            self.tabs.setCurrentIndex(self.GENERAL)
            self.outgoing.show_error(error)
            return
        self.outgoing.clear_errors()
        settings.update(
            organizer_name=self.organizer_name.text().strip() or None,
            organizer_email=email or None,
            partner_language=str(self.partner_language_box.currentData()),
        )
        super().accept()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def _data_changed(self, what: Change) -> None:
        if what in (Change.GEOGRAPHY, Change.ALL):  # a district added, renamed or merged on the second tab
            self._read_districts()

    def _read_districts(self) -> None:
        self._context.read(_districts_and_default, self._show_districts, key="settings.districts")

    def _show_districts(self, loaded: tuple[list[DistrictRef], DefaultDistrict | None]) -> None:
        choices, chosen = loaded
        if self._default is not None and self.district_box.isEnabled():
            # a reload after a change on the second tab: keep what the user chose on the first
            current = self.district_box.currentData()
            chosen = DefaultDistrict(self._default.database_id, int(current) if current is not None else None)
        self._default = chosen
        self.district_box.clear()
        self.district_box.addItem(tr("All districts"), None)
        for choice in choices:
            self.district_box.addItem(choice.name, choice.id)
        if chosen is not None and chosen.district_id is not None:
            self.district_box.setCurrentIndex(max(0, self.district_box.findData(chosen.district_id)))
        self.district_box.setEnabled(chosen is not None)

    def language(self) -> str:
        return str(self.language_box.currentData())

    def default_district(self) -> DefaultDistrict | None:
        """The default district chosen for the open database; None: leave it as it is (not loaded yet)."""
        if self._default is None or not self.district_box.isEnabled():
            return None
        value = self.district_box.currentData()
        return DefaultDistrict(self._default.database_id, int(value) if value is not None else None)


def _districts_and_default(session: Session) -> tuple[list[DistrictRef], DefaultDistrict | None]:
    return all_districts(session), default_district(session)
