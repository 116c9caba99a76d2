"""File ▸ Backups…: the backups of the open database with date and size; back up now, restore one, choose
the folder. Restoring keeps the current database: it is renamed aside first (and named in a message)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from teamlead.i18n import tr
from teamlead.ui.widgets.formatting import moment_cell, moment_text
from teamlead.ui.widgets.keys import buttons_in_reading_order
from teamlead.ui.widgets.rows_model import RowsModel

if TYPE_CHECKING:
    from teamlead.startup.rotation import BackupFile
    from teamlead.ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return tr("{n} MB", n=f"{size / 1024 / 1024:.1f}")
    return tr("{n} kB", n=max(1, round(size / 1024)))


class BackupsModel(RowsModel["BackupFile"]):
    """Backups as rows: when, size, kind (automatic, before an upgrade, by hand)."""

    def headers(self) -> list[str]:
        return [tr("Date"), tr("Size"), tr("Kind")]

    def display(self, row: BackupFile, column: int) -> str:
        if column == 0:
            return moment_cell(row.taken_at)
        if column == 1:
            return size_text(row.size)
        return kind_text(row)

    def sort_key(self, row: BackupFile, column: int) -> Any:
        """The moment by the moment (Dutch shows it day first)."""
        return (row.taken_at, row.written_ns) if column == 0 else super().sort_key(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(self.row_at(index.row()).path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


def kind_text(backup: BackupFile) -> str:
    if backup.automatic:
        return tr("automatic")
    if "before-upgrade" in backup.path.name:
        return tr("before an upgrade")
    return tr("by hand")


class BackupsDialog(QDialog):
    """Lists and restores backups of the window's SQLite database."""

    restored = Signal(str)
    """A backup was put in place (the path of the file it replaced, kept aside)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(tr("Backups"))
        self.resize(640, 420)
        self._window = window
        self.database_path: Path = window.context.database.path  # type: ignore[assignment]
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrows move in the rows
        self.table.setAccessibleName(tr("Backups"))
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        heading = QLabel(tr("&Backups of this database, newest first:"))
        heading.setBuddy(self.table)
        buttons = QDialogButtonBox()
        self.backup_button = QPushButton(tr("Back &up now"))
        self.restore_button = QPushButton(tr("&Restore…"))
        self.folder_button = QPushButton(tr("&Folder…"))
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        buttons_in_reading_order(buttons)  # Tab left to right, wherever the platform puts each role
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.choose_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def folder(self) -> Path:
        from teamlead.startup.autobackup import backup_folder

        return backup_folder(self.database_path)

    def reload(self) -> None:
        from teamlead.startup.rotation import list_backups

        folder = self.folder()
        self.folder_label.setText(tr("Backups are kept in {folder}.", folder=folder))
        self.model.set_rows(list_backups(folder, self.database_path))
        if self.model.rowCount():
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.model.rowCount()))

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def back_up_now(self) -> None:
        """A backup by hand, in the background (never rotated away)."""
        from teamlead.data.backup import backup_sqlite, default_backup_path

        source, target = self.database_path, default_backup_path(self.database_path, folder=self.folder())
        self.backup_button.setEnabled(False)

        def done(_path: object) -> None:
            self.backup_button.setEnabled(True)
            self.reload()

        def failed(error: BaseException) -> None:
            from teamlead.ui.tasks import message_for

            self.backup_button.setEnabled(True)
            QMessageBox.warning(self, tr("Backup failed"), message_for(error))

        self._window.context.tasks.run(lambda: backup_sqlite(source, target), done, on_error=failed)

    def choose_folder(self) -> None:
        from teamlead.rules import settings

        chosen = QFileDialog.getExistingDirectory(self, tr("Folder for backups"), str(self.folder()))
        if chosen:
            settings.update(backup_folder=chosen)
            self.reload()

    def confirm_restore(self, backup: BackupFile) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Restore this backup?"),
            tr(
                "Put the backup of {when} in place of the database? Changes made since then are not in it. "
                "The current database is kept, renamed aside.",
                when=moment_text(backup.taken_at),
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self, *, confirmed: bool = False) -> Path | None:
        """Restore the selected backup: close the database, restore (current kept aside), open it again."""
        from teamlead.data.restore import restore_sqlite
        from teamlead.errors import UserError
        from teamlead.startup.opening import open_for_app

        backup = self.selected()
        if backup is None or not (confirmed or self.confirm_restore(backup)):
            return None
        window = self._window
        window.context.tasks.shutdown(wait=True)
        window.context.database.dispose()
        try:
            aside = restore_sqlite(backup.path, self.database_path).aside
        except UserError as error:
            QMessageBox.warning(self, tr("Not restored"), error.message)
            aside = None
        try:
            opened = open_for_app(str(self.database_path))
        except UserError as error:
            QMessageBox.warning(self, tr("Cannot open the database"), error.message)
            return aside
        window.switch_database(opened.database)
        if aside is not None:
            window.statusBar().showMessage(
                tr("Backup restored; the replaced database is kept as {aside}.", aside=aside)
            )
            self.restored.emit(str(aside))
        self.reload()
        return aside


def open_backups_dialog(window: MainWindow) -> BackupsDialog | None:
    """File ▸ Backups…; a server database has none of its own (the server's tools make them)."""
    if not window.has_context:
        return None
    if window.context.database.path is None:
        QMessageBox.information(
            window,
            tr("Backups"),
            tr("This database is on a server: its backups are made with the server's own tools (pg_dump)."),
        )
        return None
    dialog = BackupsDialog(window)
    dialog.open()
    return dialog
