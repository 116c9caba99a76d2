"""The Network section: who worked with whom in a quarter, as a map, with the filters of the report and more.

The data come from the same gatherer as ``teamlead report network`` (:mod:`teamlead.reporting.network`) and the
picture from the same layout (:mod:`teamlead.reports.network.layout`), both in the background; only the
drawing happens on the GUI thread. On screen it is the team lead's own view (contact moments count, as in
the district audience) unless "Contact moments" is unticked, which shows the city's map. A click on a partner
opens its page in Partners.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.filter_choices import Choices, choices
from teamlead.i18n import tr, trn
from teamlead.reporting.districts import DistrictRef, NeighbourhoodRef
from teamlead.reporting.model import NetworkMap
from teamlead.reporting.network import gather_network
from teamlead.reporting.periods import Period, last_full_quarter, previous_quarter, quarter_label
from teamlead.reports.network.graph import PER_NODE, Graph, drawn_graph
from teamlead.reports.network.layout import Layout, lay_out
from teamlead.rules.vocabulary import Audience, Change, RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.network.canvas import MapCanvas
from teamlead.ui.widgets.filter_bar import FlowLayout, labelled

QUARTERS = 12
ASPECT = 0.62
"""The map's height ÷ width on screen: a landscape window."""
RELOAD_ON = (Change.ORGANISATION, Change.MEETING, Change.AGREEMENT, Change.NOTE, Change.GEOGRAPHY, Change.ALL)


@dataclass(frozen=True)
class Picture:
    graph: Graph
    layout: Layout


class NetworkView(QWidget):
    """Filters above, the map below; a line under the filters says what is drawn."""

    loaded = Signal()
    """A map is on screen (after each load or change of a filter)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._choices: Choices | None = None
        self.network: NetworkMap | None = None
        self.picture: Picture | None = None
        self.is_loaded = False

        self.district = QComboBox()
        self.district.setObjectName("networkDistrict")
        self.neighbourhood = QComboBox()
        self.neighbourhood.setObjectName("networkNeighbourhood")
        for combo in (self.district, self.neighbourhood):
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.quarter = QComboBox()
        self.quarter.setObjectName("networkQuarter")
        last = last_full_quarter(context.today())
        for _ in range(QUARTERS):
            self.quarter.addItem(quarter_label(last.start), last)
            last = previous_quarter(last)
        self.domains = QToolButton()
        self.domains.setObjectName("networkDomains")
        self.domains.setText(tr("Domains"))
        self.domains.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.domains.setMenu(QMenu(self.domains))
        self.contacts = QCheckBox(tr("&Contact moments"))
        self.contacts.setToolTip(tr("Count contact moments naming two partners (the city's map does not)"))
        self.contacts.setChecked(True)
        self.per_node = QSpinBox()
        self.per_node.setObjectName("networkLinksPerPartner")
        self.per_node.setRange(1, 20)
        self.per_node.setValue(PER_NODE)
        self.per_node.setAccessibleName(tr("Links per partner"))
        self.more = QPushButton(tr("&More links"))
        self.more.setToolTip(tr("Show two more links per partner"))
        bar = FlowLayout()
        for text, widget in (
            (tr("&District:"), self.district),
            (tr("&Neighbourhood:"), self.neighbourhood),
            (tr("&Quarter:"), self.quarter),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.add_widget(labelled(label, widget))
        bar.add_widget(self.domains)
        self.summary = QLabel()
        self.summary.setObjectName("networkSummary")
        self.summary.setWordWrap(True)  # a narrow window puts what is drawn on two lines
        links = QLabel(tr("&Links per partner:"))
        links.setBuddy(self.per_node)
        second = QHBoxLayout()
        for control in (self.contacts, links, self.per_node, self.more):
            second.addWidget(control)
        second.addSpacing(12)
        second.addWidget(self.summary, 1)
        self.canvas = MapCanvas()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(self.canvas, 1)

        self.district.currentIndexChanged.connect(self._district_changed)
        self.neighbourhood.currentIndexChanged.connect(self.reload)
        self.quarter.currentIndexChanged.connect(self.reload)
        self.contacts.toggled.connect(self.reload)
        self.per_node.valueChanged.connect(self.redraw)
        self.more.clicked.connect(lambda: self.per_node.setValue(self.per_node.value() + 2))
        self.canvas.partner_clicked.connect(self.open_partner)
        context.data_changed.connect(self._data_changed)
        self.setFocusProxy(self.canvas)
        context.read(choices, self._show_choices, key="network.choices")

    def title(self) -> str:
        return tr("Network")

    def open_record(self, kind: str, record_id: int) -> bool:
        """Partners open in their own section; the map is the home of no record."""
        return False

    # -- the filters ---------------------------------------------------------------------------------------

    def _show_choices(self, loaded: Choices) -> None:
        self._choices = loaded
        current = self.district.currentData()
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(tr("All districts"), None)
        for choice in loaded.districts:
            self.district.addItem(choice.name, choice.id)
        only = loaded.districts[0].id if len(loaded.districts) == 1 else None
        self.district.setCurrentIndex(
            max(0, self.district.findData(current if current is not None else only))
        )
        self.district.blockSignals(False)
        menu = self.domains.menu()
        menu.clear()
        for choice in loaded.domains:
            action = QAction(choice.name, menu)
            action.setCheckable(True)
            action.setChecked(True)
            action.setData(choice.id)
            action.toggled.connect(self.redraw)
            menu.addAction(action)
        self._district_changed()

    def _district_changed(self) -> None:
        if self._choices is None:
            return
        district_id = self.district.currentData()
        names = {choice.id: choice.name for choice in self._choices.districts}
        current = self.neighbourhood.currentData()
        self.neighbourhood.blockSignals(True)
        self.neighbourhood.clear()
        self.neighbourhood.addItem(tr("All neighbourhoods"), None)
        for choice in self._choices.neighbourhoods:
            if district_id is None:
                self.neighbourhood.addItem(
                    f"{choice.name} ({names.get(choice.group_id or 0, '')})", choice.id
                )
            elif choice.group_id == district_id:
                self.neighbourhood.addItem(choice.name, choice.id)
        self.neighbourhood.setCurrentIndex(max(0, self.neighbourhood.findData(current)))
        self.neighbourhood.blockSignals(False)
        self.reload()

    def choose_neighbourhood(self, name: str) -> None:
        """Filter the map to a neighbourhood by its name as the list shows it (a test and script hook)."""
        self.neighbourhood.setCurrentIndex(self.neighbourhood.findText(name))

    def period(self) -> Period:
        period: Period = self.quarter.currentData()
        return period

    def _domain_keys(self) -> set[str] | None:
        """The keys of the domains ticked, or None when all are."""
        if self.network is None:
            return None
        actions = self.domains.menu().actions()
        if all(action.isChecked() for action in actions):
            return None
        ticked = {action.text() for action in actions if action.isChecked()}
        return {key for key, name in self.network.domains if name in ticked}

    # -- loading and drawing -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Gather the map for the filters (in the background), then lay it out and draw it."""
        if self._choices is None:
            return
        district_id = self.district.currentData()
        neighbourhood_id = self.neighbourhood.currentData()
        districts = [DistrictRef(choice.id, choice.name) for choice in self._choices.districts]
        chosen = [district for district in districts if district_id in (None, district.id)]
        neighbourhood = None
        if neighbourhood_id is not None:
            found = next(choice for choice in self._choices.neighbourhoods if choice.id == neighbourhood_id)
            home = next(district for district in districts if district.id == found.group_id)
            neighbourhood = NeighbourhoodRef(found.id, found.name, home.id, home.name)
        audience = Audience.DISTRICT if self.contacts.isChecked() else Audience.CITY
        period = self.period()
        now = self._context.now()
        everything = district_id is None

        def gather(session: Session) -> NetworkMap:
            return gather_network(session, chosen, everything, neighbourhood, period, audience, now)

        self.summary.setText(tr("Drawing the map…"))
        self._context.read(gather, self._gathered, key="network.map")

    def _gathered(self, network: NetworkMap) -> None:
        self.network = network
        self.redraw()

    def redraw(self) -> None:
        """Lay the map out again for the links per partner and the domains (in the background)."""
        network = self.network
        if network is None:
            return
        per_node = self.per_node.value()
        domains = self._domain_keys()

        def work() -> Picture:
            graph = drawn_graph(network, per_node=per_node, domains=domains)
            return Picture(graph, lay_out(graph, network.domains, aspect=ASPECT))

        self._context.tasks.run(work, self._show, key="network.layout")

    def _show(self, picture: Picture) -> None:
        self.picture = picture
        graph = picture.graph
        self.canvas.show_layout(picture.layout)
        self.summary.setText(
            tr(
                "{partners}; {links}; {apart} without a drawn link (below).",
                partners=trn("{count} partner", "{count} partners", len(graph.nodes)),
                links=trn(
                    "{drawn} of {count} link drawn",
                    "{drawn} of {count} links drawn",
                    len(graph.links) + graph.hidden,
                    drawn=len(graph.links),
                ),
                apart=len(graph.isolated),
            )
        )
        self.is_loaded = True
        self.loaded.emit()

    def open_partner(self, organisation_id: int) -> None:
        self._context.open_record.emit(RecordKind.ORGANISATION, organisation_id)

    def _data_changed(self, what: Change) -> None:
        if what in (Change.ALL, Change.GEOGRAPHY):
            self._context.read(choices, self._show_choices, key="network.choices")
        elif what in RELOAD_ON:
            self.reload()
