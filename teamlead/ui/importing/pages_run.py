"""The wizard's last steps: preview each row with its problems, the merges to confirm, the import, its summary.

The plan is worked out in the background (it reads the database); the import runs in the background too,
with progress and cancel, and plans again in its own transaction so what is written matches the database then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.importing.plan import build_plan, records_of
from teamlead.importing.session import Roster, apply_in_transaction, import_source
from teamlead.rules.vocabulary import Change
from teamlead.ui.importing.models import PreviewModel, ProposalModel, preview_rows
from teamlead.ui.importing.pages_choose import ERROR_STYLE
from teamlead.ui.tasks import Progress, Task, message_for

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.ui.importing.wizard import ImportWizard


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._ready = False
        self.setTitle(tr("Preview"))
        self.setSubTitle(tr("Each row as it will be imported. Rows with problems are shown in red."))
        self.summary = QLabel()
        self.summary.setObjectName("importPreviewSummary")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("importPreview")
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Rows to import"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrows move in the rows
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        state = self._wizard.state
        assert state.table is not None
        assert state.layout is not None
        table, layout, district, today = (
            state.table,
            state.layout,
            state.district,
            self._wizard.context.today(),
        )
        self._ready = False
        self.completeChanged.emit()
        self.model.set_rows([])
        self.summary.setStyleSheet("")
        self.summary.setText(tr("Working out what the import would do…"))

        def work(session: Session) -> Any:
            plan = build_plan(session, table, layout, district=district, today=today)
            return plan, records_of(table, layout)

        self._wizard.context.read(work, self._planned, key="import.plan", on_error=self._failed)

    def _planned(self, result: Any) -> None:
        plan, records = result
        state = self._wizard.state
        state.plan, state.records = plan, records
        self.model.set_rows(preview_rows(records, plan))
        for column, width in enumerate((44, 220, 160, 330, 130, 110, 220)):
            self.table.setColumnWidth(column, width)
        problems = self.model.problem_count()
        self.summary.setText(
            tr("{summary}. Rows with a problem: {problems}.", summary=plan.summary(), problems=problems)
        )
        self._ready = True
        self.completeChanged.emit()
        self.table.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(error.message if isinstance(error, UserError) else message_for(error))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self._ready


class ProposalList(QListView):
    """The list of merges; Space ticks or unticks the selected one."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        model = self.model()
        if (
            event.key() == Qt.Key.Key_Space
            and isinstance(model, ProposalModel)
            and self.currentIndex().isValid()
        ):
            model.toggle(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class MergesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Merges and possible duplicates"))
        self.setSubTitle(
            tr(
                "Ticked lines are merged. Untick a merge to keep the records apart; tick a possible "
                "duplicate to merge it. Space ticks the selected line."
            )
        )
        self.model = ProposalModel(self)
        self.list = ProposalList()
        self.list.setObjectName("importProposals")
        self.list.setModel(self.model)
        self.list.setAccessibleName(tr("Merges and possible duplicates"))
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.empty = QLabel(
            tr("Nothing to merge: every organisation and person in the file is new and unique.")
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.setCommitPage(True)
        self.setButtonText(wizard.WizardButton.CommitButton, tr("&Import"))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        plan = self._wizard.state.plan
        assert plan is not None
        self.model.set_proposals(plan.proposals, self._wizard.state.choices)
        self.list.setVisible(bool(plan.proposals))
        self.empty.setVisible(not plan.proposals)
        if plan.proposals:
            self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self._wizard.state.choices = self.model.choices()
        return True


class ImportPage(QWizardPage):
    """Runs the import in the background with progress; Cancel stops it and nothing is written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._done = False
        self.task: Task | None = None
        self.setTitle(tr("Importing"))
        self.label = QLabel()
        self.label.setObjectName("importProgressLabel")
        self.label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(tr("Progress of the import"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        self.setCommitPage(True)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        state = self._wizard.state
        context = self._wizard.context
        self._done = False
        self.label.setStyleSheet("")
        self.label.setText(tr("Importing {name}…", name=state.path.name if state.path else ""))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        database = context.database

        if state.is_export or state.indicators:
            source, sheet, district = state.source, state.table.name if state.table else None, state.district
            assert source is not None

            def work(progress: Progress) -> list[str]:
                return import_source(database, source, sheet=sheet, district=district).lines

        else:
            assert state.table is not None
            assert state.layout is not None
            roster = Roster(state.table, state.layout)
            district, choices, today = state.district, state.choices, context.today()

            def work(progress: Progress) -> list[str]:
                plan, _result = apply_in_transaction(
                    database,
                    roster,
                    district=district,
                    choices=choices,
                    today=today,
                    progress=lambda share, text: progress.report(int(share * 1000), 1000, text),
                    cancel=lambda: progress.cancelled,
                )
                return plan.lines()

        self.task = context.tasks.run_with_progress(
            work,
            self._finished,
            on_progress=self._on_progress,
            on_error=self._failed,
            on_cancelled=self._cancelled,
        )

    def _on_progress(self, done: int, total: int | None, label: str) -> None:
        self.progress.setValue(done)
        if label:
            self.label.setText(label)

    def _finished(self, lines: list[str]) -> None:
        self.task = None
        self._done = True
        self._wizard.state.lines = lines
        self.progress.setValue(1000)
        self._wizard.context.data_changed.emit(Change.ALL)
        self._wizard.imported.emit()
        self.completeChanged.emit()
        self._wizard.next()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.label.setStyleSheet(ERROR_STYLE)
        message = error.message if isinstance(error, UserError) else message_for(error)
        self.label.setText(tr("{message} Nothing was imported.", message=message))

    def _cancelled(self) -> None:
        self.task = None
        self.label.setText(tr("The import was cancelled; the database is unchanged."))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self._done


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(tr("Imported"))
        self.headline = QLabel()
        self.headline.setObjectName("importSummary")
        self.headline.setStyleSheet("font-weight: bold;")
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("What the import did"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        lines = self._wizard.state.lines
        self.headline.setText(lines[-1] if lines else "")
        self.details.setPlainText("\n".join(lines[:-1]))
