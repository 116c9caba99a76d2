"""File → Handover…: write a district's handover folder for a successor (:mod:`teamlead.producing.handover`).

The user picks the district (their default first), the folder to put it in and its name; the folder is written
in the background with progress, and at the end the dialog lists what was written (and why there is no copy of
the database, when there is none) with a button that opens the folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.errors import UserError
from teamlead.i18n import current_language, tr
from teamlead.producing.handover import Handover, check_folder, default_folder_name, write_handover
from teamlead.reporting.districts import DistrictRef
from teamlead.ui.context import AppContext
from teamlead.ui.tasks import Progress, Task
from teamlead.ui.widgets.district_field import DistrictField

STEPS = 100


class HandoverDialog(QDialog):
    """Choose the district and the new folder, write it, show what was written."""

    finished_writing = Signal(object)
    """The handover was written (its :class:`~teamlead.producing.handover.Handover`)."""

    failed = Signal(str)
    """Writing stopped; the message shown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(tr("Handover"))
        self._context = context
        self._task: Task | None = None
        self._name_edited = False
        self.written: Handover | None = None

        intro = QLabel(
            tr(
                "Writes a new folder for the team lead who takes over a district: the handover dossier "
                "(PDF), the district's records as a workbook that Teamlead imports into an empty database, "
                "a copy of the database when it holds this district only, and a read-me. The folder holds "
                "personal data: hand it over safely and delete it when it is no longer needed."
            )
        )
        intro.setWordWrap(True)
        self.district = DistrictField()
        self.district.setToolTip(tr("The district to hand over"))
        self.parent_edit = QLineEdit(str(Path.home()))
        self.parent_edit.setObjectName("handoverParent")
        choose = QPushButton(tr("C&hoose…"))
        choose.setObjectName("handoverChooseParent")
        choose.setAutoDefault(False)  # Enter in a field writes the handover, never opens the folder chooser
        choose.clicked.connect(self._choose_parent)
        parent_row = QHBoxLayout()
        parent_row.addWidget(self.parent_edit, 1)
        parent_row.addWidget(choose)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("handoverName")
        self.name_edit.textEdited.connect(self._name_typed)
        form = QFormLayout()
        district_label = QLabel(tr("&District:"))
        district_label.setBuddy(self.district)
        form.addRow(district_label, self.district)
        parent_label = QLabel(tr("&In folder:"))
        parent_label.setBuddy(self.parent_edit)
        form.addRow(parent_label, parent_row)
        name_label = QLabel(tr("Folder &name:"))
        name_label.setBuddy(self.name_edit)
        form.addRow(name_label, self.name_edit)

        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setObjectName("handoverStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(
            tr("&Write the handover"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.write_button.setObjectName("handoverWrite")
        self.open_button = self.buttons.addButton(
            tr("&Open the folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("handoverOpen")
        self.open_button.setEnabled(False)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("&Close"))
        self.write_button.setDefault(True)
        self.buttons.accepted.connect(self.write)  # the button, and Enter in a field
        self.open_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        # The dialog grows with its texts (the list of what was written), never clipping a wrapped line.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(640)

        self.district.currentIndexChanged.connect(self._district_changed)
        self.district.start(context)

    # -- the folder ------------------------------------------------------------------------------------------

    def _name_typed(self, _text: str) -> None:
        self._name_edited = True

    def _district_changed(self, _index: int) -> None:
        if not self._name_edited and self.district.district_id() is not None:
            self.name_edit.setText(default_folder_name(self.district.currentText(), self._context.today()))

    def _choose_parent(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Put the handover folder in"), self.parent_edit.text()
        )
        if chosen:
            self.parent_edit.setText(chosen)

    def folder(self) -> Path:
        return Path(self.parent_edit.text().strip()) / self.name_edit.text().strip()

    # -- writing ---------------------------------------------------------------------------------------------

    def write(self) -> Task | None:
        """Write the handover into :meth:`folder` in the background; a wrong folder is said at once."""
        district_id = self.district.district_id()
        if district_id is None:
            self._show_failure(tr("Choose a district first."))
            return None
        if not self.name_edit.text().strip() or not self.parent_edit.text().strip():
            self._show_failure(tr("Give the folder to put it in and the new folder's name."))
            return None
        folder = self.folder()
        try:
            check_folder(folder.absolute())
        except UserError as error:
            self._show_failure(error.message)
            return None
        district = DistrictRef(district_id, self.district.currentText())
        database = self._context.database
        generated_at = self._context.now()
        language = current_language()

        def work(progress: Progress) -> Handover:
            def report(share: float, label: str) -> None:
                progress.check()
                progress.report(round(share * STEPS), STEPS, label)

            return write_handover(database, folder, district, generated_at, language, report)

        self.written = None
        self.write_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(tr("Writing the handover…"))
        self._task = self._context.tasks.run_with_progress(
            work,
            self._done,
            on_progress=self._progress,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            key="handover.write",
        )
        return self._task

    def _progress(self, done: int, _total: int | None, label: str) -> None:
        self.progress.setValue(done)
        if label:
            self.status.setText(label)

    def _done(self, handover: Handover) -> None:
        self._task = None
        self.written = handover
        self.write_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.progress.setValue(STEPS)
        lines = [tr("Written into {folder}:", folder=handover.folder)]
        lines += [f"• {path.name}" for path in handover.paths()]
        if handover.no_copy_because:
            lines.append(tr("No copy of the database: {reason}", reason=handover.no_copy_because))
        self.status.setText("\n".join(lines))
        self.adjustSize()
        self.finished_writing.emit(handover)

    def _show_failure(self, message: str) -> None:
        self.status.setText(message)
        self.failed.emit(message)

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.write_button.setEnabled(True)
        self.progress.setValue(0)
        if isinstance(error, UserError):
            self._show_failure(error.message)
        else:
            self._show_failure(
                tr(
                    "The handover could not be written ({error}); no folder was made.",
                    error=type(error).__name__,
                )
            )

    def _cancelled(self) -> None:
        self._task = None
        self.write_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(tr("Cancelled; no folder was made."))

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.folder)))


def open_handover_dialog(context: AppContext, parent: QWidget | None = None) -> HandoverDialog:
    dialog = HandoverDialog(context, parent)
    dialog.show()
    return dialog
