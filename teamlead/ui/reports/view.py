"""The Reports section: choose a report, a district, a quarter and an audience; write it in the background.

The same code as ``teamlead report`` (:func:`teamlead.producing.produce.produce`) runs in a worker thread with
progress and cancel; a cancel before writing leaves no file. The kinds, their formats and audiences, and which
fields a kind takes come from the registry (:mod:`teamlead.producing.registry`). Beside it, the narrative the team lead writes for
the city about the chosen district and quarter, saved with the usual optimistic locking.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries._common import collection_paused
from teamlead.i18n import tr
from teamlead.producing.produce import ReportRequest, produce
from teamlead.producing.registry import REPORT_KINDS, Option, ReportKind, format_title, report_kind
from teamlead.reporting.districts import DistrictRef, all_districts
from teamlead.reporting.periods import Period, last_full_quarter, previous_quarter, quarter_label
from teamlead.reporting.register import MeetingChoice, meeting_choices
from teamlead.rules import words
from teamlead.rules.files import file_name
from teamlead.rules.vocabulary import Audience, Change, RecordKind
from teamlead.services.narratives import NarrativeRow, get_narrative, save_narrative
from teamlead.ui.context import AppContext
from teamlead.ui.tasks import Progress, Task

QUARTERS = 12


@dataclass(frozen=True)
class Written:
    path: Path


class ReportsView(QWidget):
    """A form on the left (what to make), the narrative on the right; progress and the result below."""

    loaded = Signal()
    """The districts are in the form: a report can be made."""
    report_written = Signal(str)
    """A report file was written (its path)."""
    report_failed = Signal(str)
    """Making a report failed (the message shown)."""
    narrative_saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._task: Task | None = None
        self._narrative: NarrativeRow | None = None
        self.written: Path | None = None

        self.kind = QComboBox()
        for kind in REPORT_KINDS:
            if kind.for_city_users or not self._for_the_city():
                self.kind.addItem(kind.title(), kind.key)
        self.district = QComboBox()
        self.quarter = QComboBox()
        self._quarters_from: Period | None = None
        self._fill_quarters()
        self.audience = QComboBox()
        self.meeting = QComboBox()
        self.format = QComboBox()
        form = QFormLayout()
        for label, widget in (
            (tr("&Report:"), self.kind),
            (tr("&District:"), self.district),
            (tr("&Quarter:"), self.quarter),
            (tr("&Audience:"), self.audience),
            (tr("&Meeting:"), self.meeting),
            (tr("&Format:"), self.format),
        ):
            form.addRow(label, widget)  # a "&" label becomes the field's buddy: mnemonic and screen reader
        self.make_button = QPushButton(tr("Make &report…"))
        self.cancel_button = QPushButton(tr("&Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 2)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_button = QPushButton(tr("&Open"))
        self.folder_button = QPushButton(tr("Show in &folder"))
        for button in (self.open_button, self.folder_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.make_button, self.cancel_button, self.open_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        left.addStretch(1)

        self.narrative = QPlainTextEdit()
        self.narrative.setAccessibleName(tr("Narrative"))
        self.narrative.setPlaceholderText(
            tr("What the city should know about this quarter: what went well, what needs attention.")
        )
        self.save_narrative_button = QPushButton(tr("&Save narrative"))
        box = QGroupBox(tr("Narrative for the district report"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.narrative, 1)
        box_layout.addWidget(self.save_narrative_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(box, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.district.currentIndexChanged.connect(self._selection_changed)
        self.quarter.currentIndexChanged.connect(self._selection_changed)
        self.make_button.clicked.connect(self._choose_file)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self._open)
        self.folder_button.clicked.connect(self._show_folder)
        self.save_narrative_button.clicked.connect(self.save_narrative)
        context.data_changed.connect(self._data_changed)
        self._kind_changed()
        context.read(all_districts, self._show_districts, key="reports.districts")

    def title(self) -> str:
        return tr("Reports")

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        return False

    # -- the form -------------------------------------------------------------------------------------------

    def _show_districts(self, districts: list[DistrictRef]) -> None:
        identity = self._context.identity
        if (
            identity is not None and identity.district_ids
        ):  # a team lead reports on the districts they work in
            districts = [d for d in districts if d.id in identity.district_ids]
        current = self.district.currentData()
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(tr("All districts"), None)
        for district in districts:
            self.district.addItem(district.name, district.id)
        index = self.district.findData(current) if current is not None else (1 if len(districts) == 1 else 0)
        self.district.setCurrentIndex(max(index, 0))
        self.district.blockSignals(False)
        self._selection_changed()
        self.loaded.emit()

    def _fill_quarters(self) -> bool:
        """Offer the last twelve full quarters before today, newest first; True when that list changed.

        Filled again when the screen is shown after a quarter ended (an app left open, a laptop woken up):
        the quarter just ended is then offered and chosen, unless the user had chosen an older one."""
        last = last_full_quarter(self._context.today())
        if last == self._quarters_from:
            return False
        chosen: Period | None = self.quarter.currentData() if self.quarter.currentIndex() > 0 else None
        self._quarters_from = last
        self.quarter.blockSignals(True)
        self.quarter.clear()
        for _ in range(QUARTERS):
            self.quarter.addItem(quarter_label(last.start), last)
            last = previous_quarter(last)
        offered = [self.quarter.itemData(index) for index in range(self.quarter.count())]
        self.quarter.setCurrentIndex(offered.index(chosen) if chosen in offered else 0)
        self.quarter.blockSignals(False)
        return True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._fill_quarters():
            self._selection_changed()

    def report_kind(self) -> ReportKind:
        return report_kind(self.kind.currentData())

    def _kind_changed(self) -> None:
        """Offer the kind's audiences (its default first) and formats; enable the fields it takes."""
        kind = self.report_kind()
        audiences = (Audience.CITY,) if self._for_the_city() else kind.audiences
        self.audience.clear()
        for audience in audiences:
            self.audience.addItem(words.audience(audience), audience)
        self.audience.setEnabled(len(audiences) > 1)
        self.format.clear()
        for suffix in kind.suffixes:
            self.format.addItem(format_title(suffix), suffix)
        self.meeting.setEnabled(Option.MEETING in kind.takes)
        self._selection_changed()

    def _for_the_city(self) -> bool:
        """A city user: the district report for the city audience is all the server lets them make."""
        identity = self._context.identity
        return identity is not None and identity.city

    def period(self) -> Period:
        period: Period = self.quarter.currentData()
        return period

    def _district_name(self) -> str | None:
        return None if self.district.currentData() is None else self.district.currentText()

    def _selection_changed(self) -> None:
        district_id = self.district.currentData()
        period = self.period()
        if Option.MEETING in self.report_kind().takes:
            self._context.read(
                lambda session: meeting_choices(session, district_id, period),
                self._show_meetings,
                key="reports.meetings",
            )
        self._load_narrative()

    def _show_meetings(self, choices: list[MeetingChoice]) -> None:
        self.meeting.clear()
        for choice in choices:
            self.meeting.addItem(choice.label, choice.id)

    def request(self, target: Path) -> ReportRequest:
        """What the form asks for, written to ``target``."""
        period = self.period()
        return ReportRequest(
            kind=self.kind.currentData(),
            target=target,
            period=period,
            audience=self.audience.currentData(),
            district=self._district_name(),
            meeting_id=self.meeting.currentData(),
            as_of=min(period.end, self._context.today()),
        )

    # -- making the report -------------------------------------------------------------------------------

    def suggested_file_name(self) -> str:
        """The name the save dialog proposes: the report, the district and the quarter, valid on Windows."""
        name = f"{self.report_kind().title()} {self.district.currentText()} {self.quarter.currentText()}"
        return f"{file_name(name)}{self.format.currentData()}"

    def _choose_file(self) -> None:
        suffix = self.format.currentData()
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Save the report as"), str(Path.home() / self.suggested_file_name()), f"*{suffix}"
        )
        if path:
            self.make_report(Path(path) if Path(path).suffix else Path(path + suffix))

    def make_report(self, target: Path) -> Task:
        """Write the report to ``target`` in the background (the button asks for the file first)."""
        request = self.request(target)
        database = self._context.database
        generated_at = self._context.now()

        def work(progress: Progress) -> Written:
            # A full collection over the heap the report builds holds the GIL long enough to freeze the
            # window (66 ms for the city's first report); the collector waits until the report is written.
            with collection_paused():
                return Written(produce(database, request, generated_at, progress))

        self.make_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.open_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(tr("Making the report…"))
        self._task = self._context.tasks.run_with_progress(
            work,
            self._written,
            on_progress=self._progress,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            key="reports.make",
        )
        return self._task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, done: int, total: int | None, label: str) -> None:
        self.progress.setValue(done)
        if label:
            self.status.setText(label)

    def _finish(self) -> None:
        self._task = None
        self.make_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _written(self, result: Written) -> None:
        self._finish()
        self.written = result.path
        self.progress.setValue(2)
        self.status.setText(tr("Written: {path}", path=result.path))
        self.open_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.report_written.emit(str(result.path))

    def _failed(self, error: BaseException) -> None:
        from teamlead.errors import UserError

        self._finish()
        self.progress.setValue(0)
        message = (
            error.message
            if isinstance(error, UserError)
            else tr("The report could not be made: {error}", error=error.__class__.__name__)
        )
        self.status.setText(message)
        self.report_failed.emit(message)

    def _cancelled(self) -> None:
        self._finish()
        self.progress.setValue(0)
        self.status.setText(tr("Cancelled; no file was written."))

    def _open(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def _show_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    # -- the narrative -------------------------------------------------------------------------------------

    def _load_narrative(self) -> None:
        district_id = self.district.currentData()
        period = self.period()
        enabled = district_id is not None
        self.narrative.setEnabled(enabled)
        self.save_narrative_button.setEnabled(enabled)
        if not enabled:
            self._show_narrative(None)
            return

        def load(session: Session) -> NarrativeRow | None:
            return get_narrative(session, district_id, period.start, period.end)

        self._context.read(load, self._show_narrative, key="reports.narrative")

    def _show_narrative(self, row: NarrativeRow | None) -> None:
        self._narrative = row
        self.narrative.setPlainText(row.text if row else "")

    def save_narrative(self) -> None:
        district_id = self.district.currentData()
        if district_id is None:
            return
        period = self.period()
        text = self.narrative.toPlainText()
        expected = self._narrative.version if self._narrative else None
        now = self._context.now()

        def save(session: Session) -> NarrativeRow | None:
            save_narrative(
                session, district_id, period.start, period.end, text, expected_version=expected, now=now
            )
            session.flush()
            return get_narrative(session, district_id, period.start, period.end)

        def saved(row: NarrativeRow | None) -> None:
            self._narrative = row
            self.status.setText(tr("Narrative saved."))
            self.narrative_saved.emit()

        self._context.write(save, saved, changed=Change.NARRATIVE)

    def _data_changed(self, what: Change) -> None:
        if what in (Change.ALL, Change.GEOGRAPHY):
            self._context.read(all_districts, self._show_districts, key="reports.districts")
        elif what == Change.MEETING and Option.MEETING in self.report_kind().takes:
            self._selection_changed()
