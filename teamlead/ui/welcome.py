"""The page an empty database opens on: start with an empty roster, or look around with demo data first.

Demo data is generated in the background (:func:`teamlead.demo.generate_demo`), with a progress bar and a
Cancel button; the demo runs in one transaction, so a cancelled load leaves the database empty.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.i18n import tr
from teamlead.rules.vocabulary import Change
from teamlead.ui.context import AppContext
from teamlead.ui.tasks import Progress, Task

# (scale, its name in the size list). Small first: it loads in a moment and is what most people want.
DEMO_SCALES = (
    ("small", "Small: one district, about 40 partners"),
    ("district", "District: about 300 partners"),
    ("city", "City: 8 districts, 3,000 partners (takes a minute)"),
)
DEMO_SEED = 1
PROGRESS_STEPS = 1000


class WelcomePage(QWidget):
    """Shown instead of the sections while the database holds no records."""

    start_empty = Signal()
    """The user chose to start with an empty database."""

    roster_imported = Signal()
    """A roster was imported from the welcome page; the main window shows the sections."""

    demo_loaded = Signal()
    """Demo data was written; the main window shows the sections."""

    loaded = Signal()
    """The page is on screen with all it needs (it needs no data): for the ready check."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._task: Task | None = None
        self.setObjectName("welcomePage")

        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(620)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(14)

        heading = QLabel(tr("Welcome to Teamlead"))
        heading.setObjectName("welcomeHeading")
        heading.setAccessibleName(heading.text())
        layout.addWidget(heading)
        intro = QLabel(
            tr(
                "This database is still empty. Start with an empty roster and add your partners, or look "
                "around first with demo data: an invented network of partners, people, notes, meetings and "
                "agreements that you can remove again by creating a new database."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        size_row = QHBoxLayout()
        size_label = QLabel(tr("Demo &size:"))
        self.scale = QComboBox()
        self.scale.setObjectName("demoScale")
        for key, text in DEMO_SCALES:
            self.scale.addItem(tr(text), key)
        size_label.setBuddy(self.scale)
        self.scale.setAccessibleName(tr("Demo size"))
        size_row.addWidget(size_label)
        size_row.addWidget(self.scale, 1)
        layout.addLayout(size_row)

        buttons = QHBoxLayout()
        self.empty_button = QPushButton(tr("Start &empty"))
        self.empty_button.setObjectName("startEmpty")
        self.demo_button = QPushButton(tr("Load &demo data"))
        self.demo_button.setObjectName("loadDemo")
        self.demo_button.setDefault(True)
        self.import_button = QPushButton(tr("&Import a roster…"))
        self.import_button.setObjectName("importRosterWelcome")
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        layout.addLayout(buttons)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("demoProgressLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        self.progress.setAccessibleName(tr("Progress of loading demo data"))
        self.cancel_button = QPushButton(tr("&Cancel"))
        self.cancel_button.setObjectName("cancelDemo")
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addWidget(self.progress_label)
        layout.addLayout(progress_row)
        self._show_progress(False)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 10)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.empty_button.clicked.connect(self.start_empty)
        self.demo_button.clicked.connect(self.load_demo)
        self.import_button.clicked.connect(self.import_roster)
        self.cancel_button.clicked.connect(self.cancel_demo)
        self.setTabOrder(self.scale, self.empty_button)
        self.setTabOrder(self.empty_button, self.import_button)
        self.setTabOrder(self.import_button, self.demo_button)

    def import_roster(self) -> None:
        """Open the import wizard; once it has imported, the sections take over from this page."""
        from teamlead.ui.importing.wizard import open_import_wizard

        wizard = open_import_wizard(self._context, self)
        wizard.imported.connect(self.roster_imported)

    def title(self) -> str:
        return tr("Welcome")

    def _show_progress(self, visible: bool) -> None:
        for shown in (self.progress_label, self.progress, self.cancel_button):
            shown.setVisible(visible)
        for control in (self.empty_button, self.import_button, self.demo_button, self.scale):
            control.setEnabled(not visible)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def load_demo(self) -> None:
        """Generate demo data of the chosen size in the background."""
        if self._task is not None:
            return
        scale = str(self.scale.currentData())
        database = self._context.database
        today = self._context.today()

        def work(progress: Progress) -> None:
            from teamlead.demo import generate_demo

            generate_demo(
                database,
                scale,
                DEMO_SEED,
                today,
                progress=lambda share, message: progress.report(
                    round(share * PROGRESS_STEPS), PROGRESS_STEPS, message
                ),
                cancel=lambda: progress.cancelled,
            )

        self.progress.setRange(0, 0)
        self.progress_label.setText(tr("Loading demo data…"))
        self._show_progress(True)
        self.cancel_button.setFocus()
        self._task = self._context.tasks.run_with_progress(
            work,
            self._on_demo_done,
            on_progress=self._on_progress,
            on_error=self._on_demo_failed,
            on_cancelled=self._on_demo_cancelled,
        )

    def cancel_demo(self) -> None:
        if self._task is not None:
            self.progress_label.setText(tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            self._task.cancel()

    def _on_progress(self, done: int, total: int | None, label: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if label:
            self.progress_label.setText(label)

    def _finish(self) -> None:
        self._task = None
        self.cancel_button.setEnabled(True)
        self._show_progress(False)

    def _on_demo_done(self, _result: object) -> None:
        self._finish()
        self._context.data_changed.emit(Change.ALL)
        self.demo_loaded.emit()

    def _on_demo_cancelled(self) -> None:
        self._finish()
        self.demo_button.setFocus()

    def _on_demo_failed(self, error: BaseException) -> None:
        self._finish()
        self._context.tasks.report_error(error)
