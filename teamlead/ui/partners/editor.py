"""The partner form: an organisation's fields, editable, with each validation message beside its field."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from teamlead.data.queries.filter_choices import Choices
from teamlead.data.queries.key_contact_page import KeyContactPage, OfferOption
from teamlead.data.queries.organisation import OrganisationDetail
from teamlead.i18n import tr
from teamlead.services.contact_forms import KeyContactChoice
from teamlead.services.organisations import OrganisationInput
from teamlead.ui.context import AppContext
from teamlead.ui.widgets.district_field import DistrictField
from teamlead.ui.widgets.forms import FieldForm


class OrganisationForm(QWidget):
    """The fields of one organisation; :meth:`value` gives what the services take, :meth:`load` fills it."""

    changed = Signal()
    """The user edited a field (the pane enables Save and Cancel)."""

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._screen_district: int | None = None
        self._choices = Choices((), (), ())
        self._loading = False
        self.form = FieldForm()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        outer.addStretch()
        self.name = QLineEdit()
        self.domain = QComboBox()
        self.district = DistrictField()
        self.neighbourhoods = QListWidget()
        self.neighbourhoods.setMaximumHeight(110)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("020 555 0123")
        self.email = QLineEdit()
        self.email.setPlaceholderText(tr("name@example.org"))
        self.website = QLineEdit()
        self.address = QLineEdit()
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3660)
        self.cadence.setSpecialValueText(tr("no cadence"))
        self.cadence.setSuffix(tr(" days"))
        self.informal = QCheckBox(tr("&Informal partner"))
        self.informal.setToolTip(tr("Volunteers, residents, a faith community or a sports club"))
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(80)
        self.description.setTabChangesFocus(True)
        self.remarks = QPlainTextEdit()
        self.remarks.setMaximumHeight(80)
        self.remarks.setTabChangesFocus(True)
        self.remarks.setToolTip(tr("Remarks about this partner, also those a roster import brought (dated)"))
        self.key_contact = QComboBox()
        self.key_contact.setObjectName("keyContact")
        self.key_contact.setToolTip(
            tr("The person you call first at this partner (vaste contactpersoon), among its current people")
        )
        self._loaded_key_contact: int | None = None
        self._key_contact_names: dict[int, str] = {}
        self.offers = QListWidget()
        self.offers.setObjectName("offerList")
        self.offers.setMaximumHeight(110)
        self.form.add_field("name", tr("&Name"), self.name)
        self.form.add_field("domain_id", tr("Do&main"), self.domain)
        self.form.add_field("district_id", tr("Dis&trict"), self.district)
        self.form.add_field("neighbourhood_ids", tr("Neigh&bourhoods"), self.neighbourhoods)
        self.form.add_field("phone", tr("&Phone"), self.phone)
        self.form.add_field("email", tr("&E-mail"), self.email)
        self.form.add_field("website", tr("&Website"), self.website)
        self.form.add_field("address", tr("Addr&ess"), self.address)
        self.form.add_field("person_id", tr("Ke&y contact"), self.key_contact)
        self.form.add_field("offer_ids", tr("&Can offer"), self.offers)
        self.form.add_field("contact_cadence_days", tr("Stay in touch e&very"), self.cadence)
        self.form.add_field("is_informal", "", self.informal)
        self.form.add_field("description", tr("Descr&iption"), self.description)
        self.form.add_field("remarks", tr("Remar&ks"), self.remarks)
        self.district.currentIndexChanged.connect(self._fill_neighbourhoods)
        self.neighbourhoods.itemChanged.connect(self._suggest_district)
        for line in (self.name, self.phone, self.email, self.website, self.address):
            line.textEdited.connect(self._edited)
        self.domain.activated.connect(self._edited)
        self.district.activated.connect(self._edited)
        self.neighbourhoods.itemChanged.connect(self._edited)
        self.key_contact.activated.connect(self._edited)
        self.offers.itemChanged.connect(self._edited)
        self.cadence.valueChanged.connect(self._edited)
        self.informal.toggled.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        self.remarks.textChanged.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.form.clear_errors()
            self.changed.emit()

    def set_choices(self, choices: Choices) -> None:
        self._choices = choices
        self._loading = True
        current = self.domain.currentData()
        self.domain.clear()
        self.domain.addItem(tr("(none)"), None)
        for choice in choices.domains:
            self.domain.addItem(choice.name, choice.id)
        self.domain.setCurrentIndex(max(0, self.domain.findData(current)))
        self.district.set_districts(choices.districts)
        self._fill_neighbourhoods()
        self._loading = False

    def _fill_neighbourhoods(self, *_args: object) -> None:
        """The district's neighbourhoods to tick (all of them when no district is chosen)."""
        ticked = set(self.neighbourhood_ids())
        district_id = self.district.currentData()
        loading, self._loading = self._loading, True
        self.neighbourhoods.clear()
        for choice in self._choices.neighbourhoods:
            if district_id is None or choice.group_id == district_id or choice.id in ticked:
                item = QListWidgetItem(choice.name)
                item.setData(Qt.ItemDataRole.UserRole, choice.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if choice.id in ticked else Qt.CheckState.Unchecked)
                self.neighbourhoods.addItem(item)
        self._loading = loading

    def neighbourhood_ids(self) -> list[int]:
        return [
            int(self.neighbourhoods.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.neighbourhoods.count())
            if self.neighbourhoods.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_neighbourhood_ids(self, ids: set[int]) -> None:
        for i in range(self.neighbourhoods.count()):
            item = self.neighbourhoods.item(i)
            wanted = int(item.data(Qt.ItemDataRole.UserRole)) in ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def show_key_contacts(
        self, people: Sequence[tuple[int, str]], page: KeyContactPage, former: str | None = None
    ) -> None:
        """The partner's current people to choose the key contact from, and the offers to tick.

        ``former``: the name of a key contact who no longer holds a role there; shown as chosen until the
        user picks another, and not saved again (the form passes only a changed choice)."""
        loading, self._loading = self._loading, True
        self.key_contact.clear()
        self.key_contact.addItem(tr("(none chosen)"), None)
        self._key_contact_names = dict(people)
        for person_id, name in people:
            self.key_contact.addItem(name, person_id)
        chosen = page.key_contact_id
        if chosen is not None and self.key_contact.findData(chosen) < 0:
            self.key_contact.addItem(tr("{name} (no current role)", name=former or "?"), chosen)
            self._key_contact_names[chosen] = former or ""
        self.key_contact.setCurrentIndex(max(0, self.key_contact.findData(chosen)))
        self.key_contact.setEnabled(bool(people) or chosen is not None)
        self._loaded_key_contact = chosen
        self.set_offer_options(page.offers, page.offer_ids)
        self._loading = loading

    def set_offer_options(self, options: Sequence[OfferOption], ticked: Iterable[int]) -> None:
        """The offers in their order, ``ticked`` checked."""
        wanted = set(ticked)
        loading, self._loading = self._loading, True
        self.offers.clear()
        for option in options:
            item = QListWidgetItem(option.name)
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if option.id in wanted else Qt.CheckState.Unchecked)
            self.offers.addItem(item)
        self.offers.setToolTip(
            tr("What this partner can offer the network; the list is kept in Settings")
            if options
            else tr("No offers yet: add them in Settings › Signal themes and offers")
        )
        self._loading = loading

    def offer_ids(self) -> list[int]:
        return [
            int(self.offers.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.offers.count())
            if self.offers.item(i).checkState() == Qt.CheckState.Checked
        ]

    def key_contact_name(self) -> str:
        """The chosen key contact's name ("" for none), as the conflict dialog compares it."""
        chosen = self.key_contact.currentData()
        return "" if chosen is None else self._key_contact_names.get(int(chosen), "")

    def offer_names(self) -> list[str]:
        return [
            self.offers.item(i).text()
            for i in range(self.offers.count())
            if self.offers.item(i).checkState() == Qt.CheckState.Checked
        ]

    def shown_key_contact(self) -> KeyContactChoice:
        """The key contact as the form shows it, changed or not: what "save over theirs" writes."""
        chosen = self.key_contact.currentData()
        return KeyContactChoice(int(chosen) if chosen is not None else None)

    def key_contact_choice(self) -> KeyContactChoice | None:
        """The chosen key contact when the user changed it, else None (leave it as it is)."""
        chosen = self.key_contact.currentData()
        if chosen == self._loaded_key_contact:
            return None
        return KeyContactChoice(int(chosen) if chosen is not None else None)

    def load(self, detail: OrganisationDetail | None, *, district_id: int | None = None) -> None:
        """Show ``detail`` (None: an empty form for a new partner, made from a screen showing ``district_id``).

        The district field shows the partner's own district; a new partner, or one without a district, gets
        the one the precedence gives (the screen's, the first neighbourhood's, the default, the only one)."""
        self._loading = True
        self.form.clear_errors()
        self.name.setText(detail.name if detail else "")
        self.domain.setCurrentIndex(max(0, self.domain.findData(detail.domain_id if detail else None)))
        self._screen_district = None if detail else district_id
        self.district.set_district(detail.district_id if detail else None)
        self.neighbourhoods.clear()
        self._fill_neighbourhoods()
        self.set_neighbourhood_ids(set(detail.neighbourhood_ids) if detail else set())
        self.phone.setText(detail.phone if detail else "")
        self.email.setText(detail.email if detail else "")
        self.website.setText(detail.website if detail else "")
        self.address.setText(detail.address if detail else "")
        self.cadence.setValue((detail.contact_cadence_days or 0) if detail else 0)
        self.informal.setChecked(detail.is_informal if detail else False)
        self.description.setPlainText(detail.description if detail else "")
        self.remarks.setPlainText(detail.remarks if detail else "")
        for line in (self.name, self.phone, self.email, self.website, self.address):
            line.setCursorPosition(0)  # a long address shows its start, not its end
        self._loading = False
        self._suggest_district()

    def _suggest_district(self, *_args: object) -> None:
        """Show the district the precedence gives now (a neighbourhood ticked may decide it)."""
        if self._context is None or self._loading:
            return
        ticked = self.neighbourhood_ids()
        self.district.suggest_from(
            self._context,
            neighbourhood_id=ticked[0] if ticked else None,
            screen_district_id=self._screen_district,
        )

    def value(self, joined_on_from: OrganisationDetail | None) -> OrganisationInput:
        return OrganisationInput(
            name=self.name.text(),
            district_id=self.district.district_id(),
            domain_id=self.domain.currentData(),
            neighbourhood_ids=tuple(self.neighbourhood_ids()),
            address=self.address.text(),
            website=self.website.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            description=self.description.toPlainText(),
            remarks=self.remarks.toPlainText(),
            is_informal=self.informal.isChecked(),
            joined_on=joined_on_from.joined_on if joined_on_from else None,
            contact_cadence_days=self.cadence.value() or None,
        )
