"""Settings › Signal themes and offers: the two lists a team lead keeps for signal rounds and Who to call.

Every change is written at once through :mod:`teamlead.services.signal_lists` and announced as
``Change.THEMES`` or ``Change.OFFERS``, so the signal dialog, the notes filter, the partner form and Who to call
offer the new names. Default themes are renamed only (the district report counts them); a theme a signal has
is refused by the service, in its words; an offer is deleted after the page said which partners lose it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from teamlead.data.queries.signal_lists import OfferRow, SignalLists, ThemeRow, signal_lists
from teamlead.i18n import tr, trn
from teamlead.rules.vocabulary import Change
from teamlead.services import signal_lists as lists
from teamlead.ui.context import AppContext
from teamlead.ui.geography.dialogs import NameDialog, show_refusal
from teamlead.ui.geography.panel import ListPanel
from teamlead.ui.geography.rights import limit_shared
from teamlead.ui.geography.signal_models import OfferModel, ThemeModel, default_theme_note
from teamlead.ui.style import mute
from teamlead.ui.widgets.forms import confirm
from teamlead.ui.widgets.keys import tab_order


class SignalListsPage(QWidget):
    """Themes and offers side by side, each with Add, Rename and Delete."""

    loaded = Signal()
    """The lists are on screen (after each load)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signalListsPage")
        self._context = context
        self.data = SignalLists((), ())
        self.is_loaded = False
        self._pending: tuple[ListPanel, int] | None = None
        self.themes = ListPanel(tr("T&hemes of signals"), ThemeModel(self), "themes", merge=False)
        self.offers = ListPanel(tr("O&ffers of partners"), OfferModel(self), "offers", merge=False)
        hint = mute(
            QLabel(
                tr(
                    "Changes here are saved at once. A theme keeps its report key through a rename; default "
                    "themes and themes that signals have are not deleted. Deleting an offer takes it off "
                    "every partner."
                )
            )
        )
        hint.setWordWrap(True)
        lists_row = QHBoxLayout()
        lists_row.addWidget(self.themes, 1)
        lists_row.addWidget(self.offers, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(lists_row, 1)
        for panel in (self.themes, self.offers):
            panel.add_button.clicked.connect(lambda _c=False, p=panel: self.add(p))
            panel.rename_button.clicked.connect(lambda _c=False, p=panel: self.rename(p))
            panel.delete_button.clicked.connect(lambda _c=False, p=panel: self.delete(p))
            panel.table.selectionModel().selectionChanged.connect(self._update_buttons)
        tab_order(*self.themes.inputs(), *self.offers.inputs())
        context.data_changed.connect(self._data_changed)
        self._update_buttons()
        self.reload()

    # --- loading --------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._context.read(signal_lists, self._show, key="settings.signal-lists")

    def _data_changed(self, what: Change) -> None:
        # the counts change with signals and partners too
        if what in (
            Change.THEMES,
            Change.OFFERS,
            Change.NOTE,
            Change.ORGANISATION,
            Change.ALL,
        ):
            self.reload()

    def _show(self, loaded: SignalLists) -> None:
        self.data = loaded
        pending, self._pending = self._pending, None

        def keep(panel: ListPanel) -> int | None:
            return pending[1] if pending is not None and pending[0] is panel else None

        self.themes.set_rows(loaded.themes, keep(self.themes))
        self.offers.set_rows(loaded.offers, keep(self.offers))
        if pending is not None:
            pending[0].table.setFocus()
        self._update_buttons()
        self.is_loaded = True
        self.loaded.emit()

    def _update_buttons(self, *_args: object) -> None:
        for panel in (self.themes, self.offers):
            row = panel.current()
            fixed = isinstance(row, ThemeRow) and row.is_default
            panel.rename_button.setEnabled(row is not None)
            panel.delete_button.setEnabled(row is not None and not fixed)
            panel.delete_button.setToolTip(
                default_theme_note() if fixed else panel.hints[panel.delete_button]
            )
        limit_shared(self._context.identity, (self.themes, self.offers))

    # --- actions --------------------------------------------------------------------------------------------

    def _changed(self, panel: ListPanel) -> Change:
        return Change.THEMES if panel is self.themes else Change.OFFERS

    def add(self, panel: ListPanel) -> NameDialog:
        now = self._context.now()
        add = lists.add_theme if panel is self.themes else lists.add_offer

        def work(name: str, _district: int | None) -> Callable[[Session], Any]:
            return lambda session: add(session, name, now=now)

        dialog = NameDialog(
            self._context,
            tr("Add a theme") if panel is self.themes else tr("Add an offer"),
            tr("&Add"),
            work,
            parent=self,
            changed=self._changed(panel),
        )
        dialog.setObjectName("signalListNameDialog")
        dialog.saved.connect(lambda new_id: self._select_later(panel, new_id))
        dialog.open()
        return dialog

    def rename(self, panel: ListPanel) -> NameDialog | None:
        row = panel.current()
        if row is None:
            return None
        now = self._context.now()

        def work(name: str, _district: int | None) -> Callable[[Session], Any]:
            if isinstance(row, ThemeRow):
                return lambda session: lists.rename_theme(
                    session, row.id, name, expected_version=row.version, now=now
                )
            return lambda session: lists.rename_offer(
                session, row.id, name, expected_version=row.version, now=now
            )

        dialog = NameDialog(
            self._context,
            tr("Rename theme") if panel is self.themes else tr("Rename offer"),
            tr("&Rename"),
            work,
            name=row.label if isinstance(row, ThemeRow) else row.name,
            parent=self,
            changed=self._changed(panel),
        )
        dialog.setObjectName("signalListNameDialog")
        dialog.saved.connect(lambda _result: self._select_later(panel, row.id))
        dialog.open()
        return dialog

    def delete(self, panel: ListPanel) -> QMessageBox | None:
        """Ask first; a theme the service refuses (a default one, one that signals have) is said in words."""
        row = panel.current()
        if row is None:
            return None
        now = self._context.now()
        if isinstance(row, ThemeRow):
            work: Callable[[Session], Any] = lambda session: lists.delete_theme(  # noqa: E731
                session, row.id, expected_version=row.version, now=now
            )
            if row.is_default or row.signals:  # refused: the service says why, no question first
                self._write(work, panel)
                return None
            name = row.label
            text = tr("No signal has {name}. Delete it? This cannot be undone.", name=name)
        else:
            assert isinstance(row, OfferRow)
            name = row.name
            offer = row
            work = lambda session: lists.delete_offer(  # noqa: E731
                session, offer.id, expected_version=offer.version, confirmed=True, now=now
            )
            text = (
                trn(
                    "{count} partner offers {name}; deleting it takes it off that partner. This cannot be undone.",
                    "{count} partners offer {name}; deleting it takes it off them. This cannot be undone.",
                    row.partners,
                    name=name,
                )
                if row.partners
                else tr("No partner offers {name}. Delete it? This cannot be undone.", name=name)
            )
        return confirm(
            self, tr("Delete {name}?", name=name), text, tr("&Delete"), lambda: self._write(work, panel)
        )

    # --- writing --------------------------------------------------------------------------------------------

    def _write(self, work: Callable[[Session], Any], panel: ListPanel) -> None:
        self._context.write(work, None, changed=self._changed(panel), on_error=self._refused)

    def _refused(self, error: BaseException) -> None:
        """A refusal (a default theme, one in use, changed meanwhile) in words; a bug through the error report."""
        if show_refusal(self, self._context, error, "signalListRefused"):
            self.reload()

    def _select_later(self, panel: ListPanel, record_id: int | None) -> None:
        if record_id is not None:
            self._pending = (panel, int(record_id))
            if not self._context.tasks.busy:
                self.reload()
