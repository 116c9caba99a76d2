"""A neighbourhood's outcome figures on its page: an entry line (indicator, year, value) with Save and Delete,
and one small multi-year chart per indicator. Written through :mod:`teamlead.services.indicators`, the one home
of indicator writes (the import uses it too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from teamlead.data.queries.neighbourhood_page import NeighbourhoodPage
from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.rules import formatting
from teamlead.rules.numbers import typed_number
from teamlead.rules.text import identity_key
from teamlead.rules.vocabulary import Change
from teamlead.ui.context import AppContext
from teamlead.ui.neighbourhoods.charts import IndicatorChart
from teamlead.ui.widgets.forms import confirm


class FiguresBox(QGroupBox):
    """The outcome figures of the neighbourhood on the page (:meth:`show_page`)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Outcome figures"), parent)
        self._context = context
        self.page: NeighbourhoodPage | None = None
        self.name = QLineEdit()
        self.name.setObjectName("indicatorName")
        self.name.setPlaceholderText(tr("e.g. safety index"))
        self.name.setAccessibleName(tr("Indicator"))
        self.year = QSpinBox()
        self.year.setObjectName("indicatorYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(context.today().year)
        self.year.setAccessibleName(tr("Year"))
        self.value = QLineEdit()
        self.value.setObjectName("indicatorValue")
        self.value.setAccessibleName(tr("Value"))
        self.save_button = QPushButton(tr("Save figu&re"))
        self.save_button.setObjectName("saveIndicator")
        self.delete_button = QPushButton(tr("Delete figure…"))
        self.delete_button.setObjectName("deleteIndicator")
        self.delete_button.setToolTip(tr("Delete the figure of this indicator and year"))
        self.error = QLabel()
        self.error.setObjectName("indicatorError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        entry = QHBoxLayout()
        for caption, editor in (
            (tr("Indica&tor:"), self.name),
            (tr("&Year:"), self.year),
            (tr("Val&ue:"), self.value),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(editor)
            entry.addWidget(buddy)
            entry.addWidget(editor, 2 if editor is self.name else 1)
        entry.addWidget(self.save_button)
        entry.addWidget(self.delete_button)
        self.charts = QWidget()
        self.charts_layout = QHBoxLayout(self.charts)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_layout.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(self.charts)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.value.returnPressed.connect(self.save)

    def show_page(self, page: NeighbourhoodPage) -> None:
        """One chart per indicator of ``page``."""
        self.page = page
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for name, values in page.indicators.items():
            self.charts_layout.addWidget(IndicatorChart(name, [(v.year, v.value) for v in values]))
        if not page.indicators:
            self.charts_layout.addWidget(QLabel(tr("No figures yet.")))

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def save(self) -> None:
        page = self.page
        if page is None:
            return
        from teamlead.services.indicators import set_indicator

        value = typed_number(self.value.text())
        if value is None:
            self._refuse(tr("“{text}” is not a number.", text=self.value.text().strip()))
            self.value.setFocus()
            return
        self.error.hide()
        name, year = self.name.text(), self.year.value()
        self._context.write(
            lambda session: set_indicator(session, page.id, name, year, value),
            self._saved,
            changed=Change.GEOGRAPHY,
            on_error=self._failed,
        )

    def _saved(self, _result: object) -> None:
        self.value.clear()

    def delete(self) -> None:
        """Delete the figure of the indicator and year in the entry line (a typing error, a year withdrawn)."""
        page = self.page
        if page is None:
            return
        from teamlead.services.indicators import delete_indicator

        typed, year = identity_key(self.name.text()), self.year.value()
        found = next(
            (
                (name, value)
                for name, values in page.indicators.items()
                if identity_key(name) == typed
                for value in values
                if value.year == year
            ),
            None,
        )
        if found is None:
            self._refuse(
                tr("There is no figure of {name} for {year}.", name=self.name.text().strip(), year=year)
            )
            return
        self.error.hide()
        name, value = found

        def delete() -> None:
            self._context.write(
                lambda session: delete_indicator(session, value.id, expected_version=value.version),
                None,
                changed=Change.GEOGRAPHY,
                on_error=self._failed,
            )

        confirm(
            self,
            tr("Delete figure"),
            tr("Delete the figure of {name} for {year}?", name=name, year=year),
            tr("&Delete"),
            delete,
            detail=formatting.number(value.value),
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._refuse(error.message)
        else:
            self._context.tasks.report_error(error)
