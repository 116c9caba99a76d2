"""The city user's dashboard: counts they may read, and the way to the city's reports.

A city user reads no note, person or partner's page (the server refuses them), so this dashboard lists none:
per district its neighbourhoods, active partners and open agreements, read through the city's own views, and a
button to Reports, where the city-audience reports are made from counts alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from teamlead.data.queries.city_overview import CityOverview, DistrictCount, city_overview
from teamlead.i18n import tr
from teamlead.rules.vocabulary import Change
from teamlead.ui.context import AppContext
from teamlead.ui.dashboard.cards import CountTile
from teamlead.ui.style import heading, mute
from teamlead.ui.widgets.formatting import format_date, weekday_abbreviation
from teamlead.ui.widgets.rows_model import RowsModel

TABLE_WIDTH = 640
MOST_ROWS_HEIGHT = 480
"""The districts' table is as tall as its rows, up to this; beyond it scrolls."""


class DistrictCountModel(RowsModel[DistrictCount]):
    def headers(self) -> list[str]:
        return [tr("District"), tr("Neighbourhoods"), tr("Active partners"), tr("Open agreements")]

    def number(self, row: DistrictCount, column: int) -> int:
        return (row.neighbourhoods, row.partners, row.open_agreements)[column - 1]

    def display(self, row: DistrictCount, column: int) -> str:
        return row.name if column == 0 else str(self.number(row, column))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().data(index, role)

    def sort_key(self, row: DistrictCount, column: int) -> object:
        return self.number(row, column) if column > 0 else super().sort_key(row, column)


class CityDashboardView(QWidget):
    """Counts only; Reports is one click (or Ctrl+2) away."""

    loaded = Signal()
    """The counts are on screen."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.overview: CityOverview | None = None
        self.heading = heading(QLabel(self.title()))
        self.heading.setObjectName("viewHeading")
        self.subtitle = mute(QLabel())
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addSpacing(16)
        header.addWidget(self.subtitle, 1, Qt.AlignmentFlag.AlignBottom)

        self.tiles = {
            "districts": CountTile(tr("districts")),
            "neighbourhoods": CountTile(tr("neighbourhoods")),
            "partners": CountTile(tr("active partners")),
            "agreements": CountTile(tr("open agreements")),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for key, tile in self.tiles.items():
            tile.setObjectName(f"tile_{key}")
            tiles.addWidget(tile, 1)

        self.explanation = QLabel(
            tr(
                "You see the city's counts and reports. Notes, persons, partners and meetings stay with each "
                "district's team: the city reports are made from counts alone."
            )
        )
        self.explanation.setObjectName("cityExplanation")
        self.explanation.setWordWrap(True)
        self.reports_button = QPushButton(tr("Make a city &report…"))
        self.reports_button.setObjectName("cityReports")
        self.reports_button.clicked.connect(self._go_to_reports)
        row = QHBoxLayout()
        row.addWidget(self.explanation, 1)
        row.addWidget(self.reports_button)

        self.model = DistrictCountModel(self)
        self.table = QTableView()
        self.table.setObjectName("cityDistricts")
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Districts and their neighbourhoods"))
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumWidth(TABLE_WIDTH)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(tiles)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addStretch(1)
        self.setFocusProxy(self.reports_button)
        context.data_changed.connect(self._on_data_changed)
        self.reload()

    def title(self) -> str:
        return tr("Dashboard")

    def reload(self) -> None:
        self._context.read(city_overview, self._show, key="dashboard.city")

    def _show(self, overview: CityOverview) -> None:
        self.overview = overview
        today = self._context.today()
        self.subtitle.setText(f"{tr('All districts')} · {weekday_abbreviation(today)} {format_date(today)}")
        self.tiles["districts"].set_count(len(overview.districts))
        self.tiles["neighbourhoods"].set_count(overview.total("neighbourhoods"))
        self.tiles["partners"].set_count(overview.total("partners"))
        self.tiles["agreements"].set_count(overview.total("open_agreements"))
        self.model.set_rows(overview.districts)
        for column in (1, 2, 3):
            self.table.resizeColumnToContents(column)
        rows = sum(self.table.rowHeight(row) for row in range(self.model.rowCount()))
        self.table.setFixedHeight(min(rows, MOST_ROWS_HEIGHT) + self.table.horizontalHeader().height() + 4)
        self.loaded.emit()

    def _on_data_changed(self, _what: Change) -> None:
        self.reload()

    def _go_to_reports(self) -> None:
        window = self.window()
        go = getattr(window, "go_to_section", None)
        if callable(go):
            go("reports")

    def open_record(self, _kind: object, _record_id: int) -> bool:
        return False
