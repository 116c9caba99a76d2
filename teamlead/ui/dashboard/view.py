"""The dashboard: partners overdue for contact, follow-ups and agreements due, the next two weeks'
meetings and the signals to follow up (open, or closed without feedback to the partners), with their counts at
a glance, and the partners whose key contact is still to be chosen. Every row opens its record; a signal opens
its round.

All data comes in one background read (:func:`~teamlead.data.queries.dashboard_lists.load_dashboard`); the
GUI thread only resets five small models, so the dashboard never stalls the window, even on the city demo.
Each read is kept in the file (:mod:`teamlead.data.kept_dashboard`): at the next start the view is built from
it before the database is open (no context yet, no SQLAlchemy imported), and :meth:`DashboardView.attach`
gives it the context once the database is open.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from teamlead.data.queries.rows import Capped, DashboardData, KeyContactMissing
from teamlead.i18n import tr, trn
from teamlead.rules.limits import UPCOMING_MEETING_DAYS
from teamlead.rules.vocabulary import Change, DistrictedKind, RecordKind
from teamlead.ui.context import AppContext
from teamlead.ui.dashboard.cards import Card, CountTile
from teamlead.ui.dashboard.columns import (
    agreement_columns,
    follow_up_columns,
    meeting_columns,
    overdue_columns,
    signal_columns,
)
from teamlead.ui.dashboard.districtless import AssignDistrictDialog, DistrictlessBar
from teamlead.ui.style import heading, mute
from teamlead.ui.widgets.formatting import format_date, weekday_abbreviation
from teamlead.ui.widgets.record_table import RecordTableModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FIRST_READ_FALLBACK_MS = 100
KEEP_TOMORROW_AFTER_MS = 5000
KEEP_AFTER_CHANGE_MS = 1000
"""A change made on another screen is read into the (hidden) dashboard and kept this long after the last."""
"""Tomorrow's dashboard is read this long after the last read shown (a quiet moment, not the start)."""
KEY_CONTACT_LINKS = 6


class DashboardView(QWidget):
    """What needs attention today. Reloads after every change, when it is next shown."""

    styled_by_frame = False  # fonts and palette, no style sheet: the first paint stays fast

    loaded = Signal()
    """The dashboard's data is on screen."""

    def __init__(
        self, context: AppContext | None, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        """``context`` None: a dashboard shown from what was kept, before the database is open (``today``
        is then the day it was kept for); :meth:`attach` gives it the context."""
        super().__init__(parent)
        self._context = context
        self._today = context.today() if context is not None else today or date.today()
        self.is_loaded = False
        self._stale = True
        self.data: DashboardData | None = None
        self._pending: list[tuple[str, Capped[Any]]] = []

        self.heading = heading(QLabel(self.title()))
        self.heading.setObjectName("viewHeading")
        self.subtitle = mute(QLabel())
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addSpacing(16)
        header.addWidget(self.subtitle, 1, Qt.AlignmentFlag.AlignBottom)

        today = self._today
        self.models = {
            "overdue": RecordTableModel(
                overdue_columns(today), lambda row: (RecordKind.ORGANISATION, row.id), self
            ),
            "follow_ups": RecordTableModel(
                follow_up_columns(today), lambda row: (RecordKind.NOTE, row.id), self
            ),
            "agreements": RecordTableModel(
                agreement_columns(today), lambda row: (RecordKind.AGREEMENT, row.id), self
            ),
            "meetings": RecordTableModel(
                meeting_columns(today), lambda row: (RecordKind.MEETING, row.id), self
            ),
            "signals": RecordTableModel(signal_columns(today), lambda row: (RecordKind.NOTE, row.id), self),
        }
        titles = {
            "overdue": tr("Partners overdue for contact"),
            "follow_ups": tr("Follow-ups due"),
            "agreements": tr("Agreements due or overdue"),
            "meetings": trn(
                "Meetings in the next {count} day", "Meetings in the next {count} days", UPCOMING_MEETING_DAYS
            ),
            "signals": tr("Signals to follow up: open, or feedback missing"),
        }
        empty = {
            "overdue": tr("Every partner is within their contact cadence."),
            "follow_ups": tr("No follow-ups due."),
            "agreements": tr("No agreements due in the next two weeks."),
            "meetings": tr("No meetings planned in the next two weeks."),
            "signals": tr("Every signal is closed and its feedback given."),
        }
        tile_names = {
            "overdue": tr("overdue partners"),
            "follow_ups": tr("follow-ups due"),
            "agreements": tr("agreements due"),
            "meetings": tr("meetings coming up"),
            "signals": tr("signals to follow up"),
        }
        self.cards = {key: Card(titles[key], model, empty[key]) for key, model in self.models.items()}
        self.tiles = {key: CountTile(tile_names[key]) for key in self.models}
        for key, card in self.cards.items():
            card.setObjectName(f"card_{key}")
            if key == "signals":  # a signal to follow up opens its round, not just the note
                card.table.record_activated.connect(self.open_signal_round)
            else:
                card.table.record_activated.connect(self._open)
            self.tiles[key].clicked.connect(card.table.setFocus)
        self.key_contacts = QLabel()
        self.key_contacts.setObjectName("keyContactsMissing")
        self.key_contacts.setWordWrap(True)
        self.key_contacts.setTextFormat(Qt.TextFormat.RichText)
        self.key_contacts.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.key_contacts.linkActivated.connect(self._open_partner_link)
        self.key_contacts.hide()
        self.signal_round: QWidget | None = None
        """The signal round opened from the signal card (tests follow it)."""

        self.districtless = DistrictlessBar()
        self.districtless.assign_requested.connect(self.open_assign_dialog)
        self.assign_dialog: AssignDistrictDialog | None = None

        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.cards["overdue"], 0, 0)
        grid.addWidget(self.cards["follow_ups"], 0, 1)
        grid.addWidget(self.cards["agreements"], 0, 2)
        grid.addWidget(self.cards["meetings"], 1, 0)
        grid.addWidget(self.cards["signals"], 1, 1, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(tiles)
        layout.addWidget(self.districtless)
        layout.addWidget(self.key_contacts)
        layout.addLayout(grid, 1)

        order = [
            self.cards[key].table for key in ("overdue", "follow_ups", "agreements", "meetings", "signals")
        ]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.setFocusProxy(order[0])
        if context is not None:
            context.data_changed.connect(self._on_data_changed)
        # The first read starts once the empty frame is painted: a worker building rows while the GUI thread
        # lays out and paints five tables makes each wait for the other's turn with Python (the GIL), and
        # that wait was the longest stall of the window's first second on the city demo. At start-up the
        # window reads the data before building the view (:meth:`first_read`), so no read waits at all.
        self._read_after_paint = True
        self._tomorrow = QTimer(self)
        self._tomorrow.setSingleShot(True)
        self._tomorrow.setInterval(KEEP_TOMORROW_AFTER_MS)
        self._tomorrow.timeout.connect(self.keep_tomorrow)
        self._keep_soon = QTimer(self)
        self._keep_soon.setSingleShot(True)
        self._keep_soon.setInterval(KEEP_AFTER_CHANGE_MS)
        self._keep_soon.timeout.connect(self._keep_if_stale)

    def title(self) -> str:
        return tr("Dashboard")

    def attach(self, context: AppContext) -> None:
        """The database is open: from here on the view reads, reloads and opens records like any other."""
        self._context = context
        context.data_changed.connect(self._on_data_changed)

    def show_kept(self, data: DashboardData) -> None:
        """Show the dashboard kept from the last read, all at once, before the window's first paint (no
        worker runs yet to compete with); the window's first read replaces it."""
        self._read_after_paint = False
        self._stale = False
        self.data = data
        self._show_header(data)
        for key, capped in self._lists(data):
            self._set_list(key, capped)
        self.is_loaded = True
        self.loaded.emit()

    @staticmethod
    def first_read(session: Session, context: AppContext) -> DashboardData:
        """Everything the dashboard shows, read on ``session`` (a worker's), and kept in an SQLite file for
        the next start (see :mod:`teamlead.data.kept_dashboard`)."""
        from teamlead.data.kept_dashboard import read_and_keep

        return read_and_keep(session, context.today(), context.now())

    def keep_tomorrow(self) -> None:
        """Read and keep tomorrow's dashboard as it will stand when the day begins, so the day's first start
        finds one too (its meetings list says itself until when it holds). A few seconds after the last read
        shown, in the background; on a server there is nothing to keep."""
        context = self._context
        if context is None or context.tasks.closed or not context.database.is_sqlite:
            return
        day = context.today() + timedelta(days=1)
        begins = datetime.combine(day, time.min).astimezone()
        from teamlead.data.kept_dashboard import read_and_keep

        context.read(lambda session: read_and_keep(session, day, begins), key="dashboard.tomorrow")

    def show_first_read(self, data: DashboardData) -> None:
        """Read with the window's check of the database, before this view existed: shown at once, no read
        after the first paint."""
        self._read_after_paint = False
        self._stale = False
        self._show(data)

    def reload(self) -> None:
        """Fetch everything in the background; a newer reload supersedes one still running."""
        context = self._context
        if context is None:
            return  # shown from what was kept: the window's first read follows once the database is open
        self._stale = False
        self._context.read(lambda session: self.first_read(session, context), self._show, key="dashboard")

    def _show(self, data: DashboardData) -> None:
        """Put the lists on screen one per turn of the event loop, each laid out and painted on its own, so
        the window keeps answering in between; ``loaded`` once the last is in."""
        self.data = data
        self._show_header(data)
        self._pending = self._lists(data)
        self._show_next(data)

    def _show_header(self, data: DashboardData) -> None:
        today = self._context.today() if self._context is not None else self._today
        where = data.district or tr("All districts")
        self.subtitle.setText(f"{where} · {weekday_abbreviation(today)} {format_date(today)}")
        self.districtless.set_counts(data.districtless)
        self._show_key_contacts_missing(data)

    @staticmethod
    def _lists(data: DashboardData) -> list[tuple[str, Capped[Any]]]:
        return [
            ("overdue", data.overdue),
            ("follow_ups", data.follow_ups),
            ("agreements", data.agreements),
            ("meetings", data.meetings),
            ("signals", data.signals),
        ]

    def _set_list(self, key: str, capped: Capped[Any]) -> None:
        self.models[key].set_rows(capped.rows)
        self.cards[key].set_count(len(capped.rows), capped.total)
        self.tiles[key].set_count(capped.total)

    def _show_next(self, data: DashboardData) -> None:
        if data is not self.data:
            return  # a newer read arrived meanwhile and shows its own lists
        key, capped = self._pending.pop(0)
        self._set_list(key, capped)
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._show_next(data))  # dropped if the view is gone by then
            return
        self.is_loaded = True
        self.loaded.emit()
        self._tomorrow.start()

    def _on_data_changed(self, _what: Change) -> None:
        # Everything on the dashboard depends on notes, partners, meetings and agreements alike.
        if self.isVisible():
            self.reload()
            return
        self._stale = True
        if self._context is not None and self._context.database.is_sqlite:
            self._keep_soon.start()  # read and kept while on another screen: the next start needs it

    def _keep_if_stale(self) -> None:
        if self._stale and self._context is not None and not self._context.tasks.closed:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._read_after_paint:
            # Should the first paint not come (a window kept off screen), read all the same.
            QTimer.singleShot(FIRST_READ_FALLBACK_MS, self._first_read)
        elif self._stale:
            self.reload()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._read_after_paint:
            QTimer.singleShot(0, self._first_read)

    def _first_read(self) -> None:
        """The first read, once painted; not when the database closed meanwhile (a backup restored, the
        window closing before the fallback timer fired)."""
        if self._read_after_paint and self._context is not None and not self._context.tasks.closed:
            self._read_after_paint = False
            self.reload()

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """The dashboard is nobody's home: records open in their own sections."""
        return False

    def _open(self, kind: RecordKind, record_id: int) -> None:
        if self._context is not None:  # a row of a kept dashboard opens once the database is open
            self._context.open_record.emit(kind, record_id)

    def open_signal_round(self, _kind: RecordKind, note_id: int) -> None:
        if self._context is None:
            return
        from teamlead.ui.signals.round_dialog import open_signal_round

        self.signal_round = open_signal_round(self._context, note_id, self)

    def _show_key_contacts_missing(self, data: DashboardData) -> None:
        """Partners without a key contact to call: several contacts and none chosen, or the chosen one left."""
        missing = data.key_contacts_missing
        self.key_contacts.setVisible(bool(missing))
        if not missing:
            return

        from html import escape  # its entity table is not needed before the first paint

        def link(partner: KeyContactMissing) -> str:
            name = tr("{name} (key contact left)", name=partner.name) if partner.left else partner.name
            return f'<a href="{partner.id}">{escape(name)}</a>'

        links = ", ".join(link(partner) for partner in missing[:KEY_CONTACT_LINKS])
        rest = len(missing) - KEY_CONTACT_LINKS
        more = trn(" and {count} more", " and {count} more", rest) if rest > 0 else ""
        self.key_contacts.setText(
            trn(
                "{count} partner needs a key contact chosen: {partners}{more}.",
                "{count} partners need a key contact chosen: {partners}{more}.",
                len(missing),
                partners=links,
                more=more,
            )
        )
        self.key_contacts.setToolTip(
            tr("Partners with several contact persons and none chosen, or whose key contact has left.")
        )

    def _open_partner_link(self, link: str) -> None:
        self._open(RecordKind.ORGANISATION, int(link))

    def open_assign_dialog(self, kind: DistrictedKind, count: int) -> AssignDistrictDialog | None:
        """Ask for the district of every record of ``kind`` without one (the dashboard reloads after)."""
        if self._context is None:
            return None
        self.assign_dialog = AssignDistrictDialog(self._context, kind, count, self)
        self.assign_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.assign_dialog.open()
        return self.assign_dialog
