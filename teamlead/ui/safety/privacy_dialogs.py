"""Privacy ▸ …: a person's access request and erasure, and the retention review of old notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teamlead.i18n import tr, trn
from teamlead.rules import words
from teamlead.rules.vocabulary import Change
from teamlead.ui.widgets.completion_list import CompletionField
from teamlead.ui.widgets.formatting import day_cell
from teamlead.ui.widgets.keys import buttons_in_reading_order

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.data.queries.name_choices import NameChoice
    from teamlead.services.erasure import Erased, ErasurePlan
    from teamlead.services.retention import ExpiredNote
    from teamlead.ui.main_window import MainWindow


class PersonPrivacyDialog(QDialog):
    """Choose a person; export what is held about them, or erase them."""

    erased = Signal(int)
    """A person was erased (their former id) and the file scrubbed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("personPrivacyDialog")
        self.setWindowTitle(tr("A person's data"))
        self._window = window
        self._context = window.context
        self.person = CompletionField[int](tr("Type part of a person's name"))
        self.person.setObjectName("privacyPerson")
        self.person.refusal = tr("No person is called {name}.")
        self.person.setAccessibleName(tr("Person"))
        form = QFormLayout()
        form.addRow(tr("&Person:"), self.person)
        explain = QLabel(
            tr(
                "Someone asked what Teamlead holds about them, or to be forgotten. Export gives everything "
                "held as a file to hand over; erasing removes the person and replaces their name, e-mail "
                "address and phone number in every text."
            )
        )
        explain.setWordWrap(True)
        self.export_button = QPushButton(tr("&Export everything held…"))
        self.erase_button = QPushButton(tr("E&rase this person…"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        buttons_in_reading_order(buttons)  # Tab left to right, wherever the platform puts each role
        self.export_button.clicked.connect(lambda: self.export())
        self.erase_button.clicked.connect(lambda: self.erase())
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        from teamlead.data.access.refusals import may
        from teamlead.data.queries.name_choices import person_names

        self._context.read(person_names, self._fill, key="privacy.persons")
        # A colleague on a shared database may not erase (the server refuses it too): no button to press.
        self._context.read(lambda session: may(session, "DELETE", "person"), self.erase_button.setVisible)

    def _fill(self, choices: list[NameChoice]) -> None:
        self.person.set_choice_values((choice.label, choice.id, choice.id) for choice in choices)

    def select(self, person_id: int) -> None:
        self.person.set_value(person_id)

    def person_id(self) -> int | None:
        return self.person.value()

    def export(self, target: Path | None = None) -> None:
        """Write everything held about the person as a PDF to read and a JSON file beside it with the same
        name (the user chooses where): both, so the person gets a page they can read and the complete copy
        in a form other programs read, without the user having to know which one a request needs."""
        from teamlead.producing.access import write_access_files
        from teamlead.services.privacy import access_report

        person_id = self.person_id()
        if person_id is None:
            return
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, tr("Export everything held"), "", "PDF + JSON (*.pdf)"
            )
            if not name:
                return
            target = Path(name)
        chosen = target

        def done(paths: tuple[Path, Path]) -> None:
            self.status.setText(tr("Written to {pdf} and {json}.", pdf=paths[0], json=paths[1].name))

        self._context.read(
            lambda session: write_access_files(access_report(session, person_id), chosen), done
        )

    def erase(self, *, confirmed: bool = False) -> None:
        """Show what erasing the person would do and ask (:class:`ErasureDialog`); erase what the user chose,
        make the file forget it, then name the copies of the database that still hold the person and offer
        to delete those. ``confirmed``: no question, the certain identifiers only (for tests and scripts)."""
        from teamlead.services.erasure import plan_erasure

        person_id = self.person_id()
        if person_id is None:
            return
        self._context.read(
            lambda session: plan_erasure(session, person_id), lambda plan: self._ask(plan, confirmed)
        )

    def _ask(self, plan: ErasurePlan, confirmed: bool) -> None:
        from teamlead.services.erasure import erase_person
        from teamlead.ui.safety.erasure_dialog import ErasureDialog

        chosen, redactions = list(plan.certain), []
        if not confirmed:
            question = ErasureDialog(plan, self)
            answer = question.exec()
            chosen, redactions = question.chosen(), question.redactions()
            question.deleteLater()
            if answer != QDialog.DialogCode.Accepted:
                return
        person_id = plan.person_id

        def work(session: Session) -> Erased:
            return erase_person(session, person_id, replace=chosen, redactions=redactions)

        self._context.write(work, self._scrub, changed=Change.PERSON)

    def _scrub(self, erased: Erased) -> None:
        from teamlead.data.scrub import scrub
        from teamlead.services.privacy import backups_holding
        from teamlead.startup.copies import kept_copies

        database = self._context.database
        path = database.path

        def work() -> list[Path]:
            scrub(database)
            if path is None:
                return []
            return backups_holding(kept_copies(path), erased.person_id, erased.identifiers)

        self._context.tasks.run(work, lambda holding: self._erased(erased, holding))

    def _erased(self, erased: Erased, holding: list[Path]) -> None:
        self.status.setText(tr("The person was erased; {count} texts changed.", count=erased.texts_changed))
        self.erased.emit(erased.person_id)
        self.reload()
        if holding:
            self.offer_to_delete_backups(holding)

    def offer_to_delete_backups(self, holding: list[Path]) -> None:
        """Name the copies that still hold the person, by kind, and offer to delete them (with their -wal)."""
        from teamlead.data.integrity import sidecars
        from teamlead.startup.copies import CopyKind, copy_kind

        headings = {
            CopyKind.BACKUP: tr("Backups:"),
            CopyKind.BEFORE_UPGRADE: tr("Copies made before an upgrade (in backups/ beside the database):"),
            CopyKind.REPLACED: tr("Databases a restore set aside (beside the database):"),
        }
        sections = []
        for kind, heading in headings.items():
            names = [path.name for path in holding if copy_kind(path) is kind]
            if names:
                shown = "\n".join(names[:15]) + ("\n…" if len(names) > 15 else "")
                sections.append(f"{heading}\n{shown}")
        box = QMessageBox(self)
        box.setObjectName("backupsHoldingBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Copies still hold this person"))
        box.setText(
            trn(
                "This copy of the database was made before the erasure and still holds the person:\n\n{names}"
                "\n\nDelete it? Newer backups do not hold the person.",
                "These {count} copies of the database were made before the erasure and still hold the "
                "person:\n\n{names}\n\nDelete them? Newer backups do not hold the person.",
                len(holding),
                names="\n\n".join(sections),
            )
        )
        delete = box.addButton(tr("&Delete these copies"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("&Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is delete:
            for path in holding:
                for file in (path, *sidecars(path)):
                    file.unlink(missing_ok=True)
            self.status.setText(
                trn(
                    "The person was erased, and {count} copy of the database deleted.",
                    "The person was erased, and {count} copies of the database deleted.",
                    len(holding),
                )
            )
        box.deleteLater()


class RetentionDialog(QDialog):
    """Notes older than the retention period: review the list, then delete them with confirmation."""

    deleted = Signal(int)
    """How many notes were deleted."""

    period_loaded = Signal()
    """The database's retention period is shown (and may be changed, where this user may)."""

    def __init__(self, window: MainWindow) -> None:
        from teamlead.services.retention import MOST_YEARS

        super().__init__(window)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(tr("Retention of notes"))
        self.resize(720, 440)
        self._context = window.context
        self.rows: list[ExpiredNote] = []
        self.years = QSpinBox()
        self.years.setRange(1, MOST_YEARS)
        self.years.setEnabled(False)  # until the database's period is read
        self.years.setSuffix(tr(" years"))
        form = QFormLayout()
        form.addRow(tr("&Keep notes for:"), self.years)
        self.summary = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("retentionTable")
        self.table.setHorizontalHeaderLabels([tr("Date"), tr("Kind"), tr("Partner"), tr("Text")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrows move in the rows
        self.delete_button = QPushButton(tr("&Delete these notes…"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        buttons_in_reading_order(buttons)  # Tab left to right, wherever the platform puts each role
        self.delete_button.clicked.connect(lambda: self.delete_reviewed())
        self.years.valueChanged.connect(self._years_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._read_period()

    def _read_period(self) -> None:
        """The database's period and whether this user may change it, read in the background; then the list."""
        from teamlead.data.access.refusals import may
        from teamlead.services.retention import retention_years

        self._context.read(
            lambda s: (retention_years(s), may(s, "UPDATE", "teamlead_meta")),
            self._show_period,
            key="privacy.retention_period",
        )

    def _show_period(self, period: tuple[int, bool]) -> None:
        years, may_change = period
        with QSignalBlocker(self.years):  # shown, not chosen: nothing to write
            self.years.setValue(years)
        self.years.setEnabled(may_change)
        if not may_change:  # a colleague on a shared database: the server keeps the period from them too
            self.years.setToolTip(
                tr("Only a team lead or your administrator can change the retention period.")
            )
        self.period_loaded.emit()
        self.review()

    def _years_changed(self, years: int) -> None:
        """The period is the database's: kept there at once (for everyone who opens it), then the list again."""
        from teamlead.services.retention import set_retention_years

        self._context.write(
            lambda session: set_retention_years(session, years),
            lambda _none: self.review(),
            changed=Change.SETTINGS,
        )

    def review(self) -> None:
        from teamlead.services.retention import notes_past_retention

        today, years = self._context.today(), self.years.value()
        self._context.read(
            lambda s: notes_past_retention(s, today, years), self._show, key="privacy.retention"
        )

    def _show(self, rows: list[ExpiredNote]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, note in enumerate(rows):
            cells: tuple[Any, ...] = (
                day_cell(note.occurred_on),
                words.note_kind(note.kind),  # the stored "call" read as "Telefoon" in Dutch
                note.partner,
                note.excerpt,
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.summary.setText(
            trn(
                "{count} note is older than the retention period.",
                "{count} notes are older than the retention period.",
                len(rows),
            )
        )
        self.delete_button.setEnabled(bool(rows))

    def delete_reviewed(self, *, confirmed: bool = False) -> None:
        from teamlead.services.retention import delete_notes

        reviewed = list(self.rows)
        if not reviewed:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self,
                tr("Delete old notes?"),
                trn(
                    "Delete the {count} note listed? This cannot be undone.",
                    "Delete the {count} notes listed? This cannot be undone.",
                    len(reviewed),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def scrubbed(count: int) -> None:
            self.deleted.emit(count)
            self.review()

        def deleted(count: int) -> None:
            from teamlead.data.scrub import scrub

            database = self._context.database
            self._context.tasks.run(lambda: scrub(database), lambda _emptied: scrubbed(count))

        self._context.write(lambda session: delete_notes(session, reviewed), deleted, changed=Change.NOTE)


def open_person_privacy(window: MainWindow) -> QWidget | None:
    if not window.has_context:
        return None
    dialog = PersonPrivacyDialog(window)
    dialog.open()
    return dialog


def open_retention(window: MainWindow) -> QWidget | None:
    if not window.has_context:
        return None
    dialog = RetentionDialog(window)
    dialog.open()
    return dialog
