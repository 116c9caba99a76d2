"""The import wizard: file → sheet → columns → preview → merges → import with progress → summary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget, QWizard

from teamlead.i18n import tr
from teamlead.ui.context import AppContext
from teamlead.ui.importing.pages_choose import FilePage, MappingPage, SheetPage
from teamlead.ui.importing.pages_run import ImportPage, MergesPage, PreviewPage, SummaryPage
from teamlead.ui.importing.state import WizardState


class ImportWizard(QWizard):
    imported = Signal()
    """The import was written (the summary page shows what changed)."""

    FILE, SHEET, MAPPING, PREVIEW, MERGES, IMPORT, SUMMARY = range(7)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = WizardState()
        self.setObjectName("importWizard")
        self.setWindowTitle(tr("Import"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Finish"))
        self.file_page = FilePage(self)
        self.import_page = ImportPage(self)
        for number, page in (
            (self.FILE, self.file_page),
            (self.SHEET, SheetPage(self)),
            (self.MAPPING, MappingPage(self)),
            (self.PREVIEW, PreviewPage(self)),
            (self.MERGES, MergesPage(self)),
            (self.IMPORT, self.import_page),
            (self.SUMMARY, SummaryPage(self)),
        ):
            self.setPage(number, page)
        self.setStartId(self.FILE)
        self.resize(980, 620)

    def load_districts(self, combo: QComboBox) -> None:
        """Fill the district choice in the background, showing the one the imported partners get unless the
        user typed another: the user's default district, else the database's only one."""
        from teamlead.data.queries.default_district import DistrictChoice, district_choice

        def show(choice: DistrictChoice) -> None:
            suggested = next((d.name for d in choice.districts if d.id == choice.suggested), "")
            current = combo.currentText() or suggested
            combo.clear()
            combo.addItems(["", *(district.name for district in choice.districts)])
            combo.setCurrentText(current)

        self.context.read(district_choice, show, key="import.districts")

    def reject(self) -> None:
        """Cancel stops a running import first (its transaction rolls back)."""
        task = self.import_page.task
        if task is not None:
            task.cancel()
        super().reject()


def open_import_wizard(context: AppContext, parent: QWidget | None = None) -> ImportWizard:
    wizard = ImportWizard(context, parent)
    wizard.open()
    return wizard
