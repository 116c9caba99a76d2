"""Who to call's "Save for my phone…": the neighbourhood's key contacts as a page (PDF), contact cards (.vcf, or
a .zip of one card per person) or a spreadsheet, made as ``teamlead report contacts --neighbourhood`` makes
them (:func:`teamlead.producing.pocket.pocket_request`), in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.producing.pocket import pocket_file_name, pocket_request
from teamlead.producing.produce import produce
from teamlead.ui.context import AppContext


class PocketButton(QPushButton):
    """Asks where to save, then writes the file; enabled while a neighbourhood is on screen."""

    written = Signal(str)
    """The file was saved at this path."""
    said = Signal(str)
    """What to tell the user: the file saved, or why it was not."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("&Save for my phone…"), parent)
        self._context = context
        self._neighbourhood: tuple[int, str] | None = None
        self.setObjectName("pocketButton")
        self.setToolTip(
            tr("The key contacts of this neighbourhood as a page (PDF) or as contact cards for your phone")
        )
        self.setEnabled(False)
        self.clicked.connect(self._choose_file)

    def set_neighbourhood(self, neighbourhood_id: int | None, name: str) -> None:
        """The neighbourhood on screen (None: none)."""
        self._neighbourhood = (neighbourhood_id, name) if neighbourhood_id is not None else None
        self.setEnabled(neighbourhood_id is not None)

    def _choose_file(self) -> None:
        if self._neighbourhood is None:
            return
        filters = {
            tr("Page to print or keep (*.pdf)"): ".pdf",
            tr("Contact cards for the phone (*.vcf)"): ".vcf",
            tr("One contact card per person, for Outlook (*.zip)"): ".zip",
            tr("Spreadsheet (*.xlsx)"): ".xlsx",
        }
        proposed = Path.home() / pocket_file_name(self._neighbourhood[1], ".pdf")
        path, chosen = QFileDialog.getSaveFileName(
            self, tr("Save for my phone"), str(proposed), ";;".join(filters)
        )
        if path:
            target = Path(path)
            if target.suffix.lower() not in filters.values():
                target = target.with_name(target.name + filters.get(chosen, ".pdf"))
            self.save(target)

    def save(self, target: Path) -> None:
        """Write the neighbourhood's pocket page to ``target`` (its extension says the format)."""
        if self._neighbourhood is None:
            return
        database, now = self._context.database, self._context.now()
        request = pocket_request(target, self._neighbourhood[0], self._context.today())
        self.setEnabled(False)
        self._context.tasks.run(
            lambda: produce(database, request, now),
            self._saved,
            key="whotocall.pocket",
            on_error=self._failed,
        )

    def _saved(self, path: Path) -> None:
        self.setEnabled(True)
        self.said.emit(tr("Saved: {path}", path=path))
        self.written.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.said.emit(
            error.message
            if isinstance(error, UserError)
            else tr("The file could not be saved: {error}", error=error.__class__.__name__)
        )
