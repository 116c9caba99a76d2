"""The wizard's first steps: choose the file (read in the background), the sheet, and the column mapping."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from teamlead.errors import UserError
from teamlead.i18n import tr, trn
from teamlead.importing.export_read import is_export
from teamlead.importing.headers import Field, detect_layout, field_label
from teamlead.importing.indicators import detect_indicator_layout
from teamlead.importing.readers import Source, Table, read_file
from teamlead.ui.tasks import message_for

if TYPE_CHECKING:
    from teamlead.ui.importing.wizard import ImportWizard

ERROR_STYLE = "color: #b3261e;"


def column_name(index: int) -> str:
    """Excel's letters for a column: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Choose the file"))
        self.setSubTitle(
            tr(
                "An Excel workbook (.xlsx) or a CSV file with one row per contact person, a sheet of outcome "
                "figures per neighbourhood and year, or a workbook made by Teamlead's export."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(tr("Path of the file"))
        browse = QPushButton(tr("Br&owse…"))
        browse.setObjectName("importBrowse")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.district = QComboBox()
        self.district.setObjectName("importDistrict")
        self.district.setEditable(True)
        self.district.setToolTip(tr("The home district of the imported partners; a new name creates it."))
        form = QFormLayout()
        file_label = QLabel(tr("&File:"))
        file_label.setBuddy(self.path_edit)
        district_label = QLabel(tr("Home &district:"))
        district_label.setBuddy(self.district)
        form.addRow(file_label, row)
        form.addRow(district_label, self.district)
        self.status = QLabel()
        self.status.setObjectName("importFileStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        browse.clicked.connect(self.browse)
        self.path_edit.editingFinished.connect(lambda: self.read(self.path_edit.text()))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._wizard.load_districts(self.district)

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("Import"), str(Path.home()), tr("Spreadsheets (*.xlsx *.csv);;All files (*)")
        )
        if chosen:
            self.path_edit.setText(chosen)
            self.read(chosen)

    def read(self, text: str) -> None:
        """Read the file in the background; the page is complete once it was read."""
        state = self._wizard.state
        path = Path(text.strip()) if text.strip() else None
        if path == state.path and state.source is not None:
            return
        state.path, state.source = path, None
        self.completeChanged.emit()
        if path is None:
            self.status.clear()
            return
        self.status.setStyleSheet("")
        self.status.setText(tr("Reading {name}…", name=path.name))
        self._wizard.context.tasks.run(
            lambda: read_file(path),
            lambda source: self._read(path, source),
            key="import.read",
            on_error=self._failed,
        )

    def _read(self, path: Path, source: Source) -> None:
        state = self._wizard.state
        if state.path != path:
            return
        state.source, state.is_export = source, is_export(source)
        if state.is_export:
            self.status.setText(
                tr(
                    "{name} is a Teamlead export: it is read back whole into this (empty) database.",
                    name=path.name,
                )
            )
        else:
            self.status.setText(
                trn(
                    "{name}: {count} sheet read.",
                    "{name}: {count} sheets read.",
                    len(source.tables),
                    name=path.name,
                )
            )
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(error.message if isinstance(error, UserError) else message_for(error))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self._wizard.state.source is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self._wizard.state.district = self.district.currentText().strip() or None
        return True

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return self._wizard.IMPORT if self._wizard.state.is_export else self._wizard.SHEET


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Choose the sheet"))
        self.setSubTitle(
            tr(
                "Sheets where Teamlead found a row of column names are marked as rosters; sheets of outcome "
                "figures (neighbourhood, year, indicator, value) are imported as they are."
            )
        )
        self.sheets = QListWidget()
        self.sheets.setObjectName("importSheets")
        label = QLabel(tr("&Sheets:"))
        label.setBuddy(self.sheets)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.sheets)
        self.sheets.currentRowChanged.connect(lambda _row: self.completeChanged.emit())

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        source = self._wizard.state.source
        assert source is not None
        self.sheets.clear()
        first = -1
        for index, table in enumerate(source.tables):
            figures = detect_indicator_layout(table) is not None
            found = figures or detect_layout(table) is not None
            if figures:
                text = trn(
                    "{sheet} — outcome figures, {count} row (they replace the figures of the same "
                    "neighbourhood, indicator and year)",
                    "{sheet} — outcome figures, {count} rows (they replace the figures of the same "
                    "neighbourhood, indicator and year)",
                    len(table.rows),
                    sheet=table.name,
                )
            elif found:
                text = trn(
                    "{sheet} — roster, {count} row",
                    "{sheet} — roster, {count} rows",
                    len(table.rows),
                    sheet=table.name,
                )
            else:
                text = tr("{sheet} — no column names found", sheet=table.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.sheets.addItem(item)
            if found and first < 0:
                first = index
        self.sheets.setCurrentRow(max(first, 0))
        self.sheets.setFocus()

    def _chosen(self) -> Table | None:
        source = self._wizard.state.source
        row = self.sheets.currentRow()
        return source.tables[row] if source is not None and 0 <= row < len(source.tables) else None

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        table = self._chosen()
        return table is not None and (
            detect_indicator_layout(table) is not None or detect_layout(table) is not None
        )

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        state = self._wizard.state
        state.table = self._chosen()
        if state.table is None:
            return False
        state.indicators = detect_indicator_layout(state.table) is not None
        state.layout = None if state.indicators else detect_layout(state.table)
        return state.indicators or state.layout is not None

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        """Outcome figures go straight to the import: they have no columns to map and nothing to merge."""
        table = self._chosen()
        if table is not None and detect_indicator_layout(table) is not None:
            return self._wizard.IMPORT
        return self._wizard.MAPPING


class MappingPage(QWizardPage):
    """Which column holds which field, as detected; each can be changed or left out."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Check the columns"))
        self.setSubTitle(tr("Teamlead recognised these columns. Change one where it guessed wrong."))
        self.form = QFormLayout(self)
        self.combos: dict[Field, QComboBox] = {}
        for field in Field:
            combo = QComboBox()
            combo.setObjectName(f"importColumn_{field.value}")
            label = QLabel(field_label(field) + ":")
            label.setBuddy(combo)
            combo.setAccessibleName(field_label(field))
            self.form.addRow(label, combo)
            self.combos[field] = combo
            combo.activated.connect(lambda _index, field=field: self._changed(field))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        layout = self._wizard.state.layout
        assert layout is not None
        for field, combo in self.combos.items():
            combo.clear()
            combo.addItem(tr("(not imported)"), -1)
            for index, header in enumerate(layout.headers):
                combo.addItem(f"{column_name(index)}: {header}" if header else column_name(index), index)
            combo.setCurrentIndex(layout.columns.get(field, -1) + 1)
        self.combos[Field.ORGANISATION].setFocus()

    def _changed(self, field: Field) -> None:
        state = self._wizard.state
        assert state.layout is not None
        column = self.combos[field].currentData()
        state.layout = state.layout.with_column(field, None if column < 0 else column)
        for other, combo in self.combos.items():  # a column feeds one field: the other loses it
            combo.setCurrentIndex(state.layout.columns.get(other, -1) + 1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        layout = self._wizard.state.layout
        return layout is not None and Field.ORGANISATION in layout.columns
