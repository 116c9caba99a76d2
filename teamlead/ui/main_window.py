"""The main window: sidebar sections, the welcome page on an empty database, menus, status bar, navigation.

The window is rebuilt from its :class:`AppContext` whenever the database or the language changes: views are
cheap to construct (they load their data in the background), so "re-translate" simply means "build again".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from teamlead.i18n import tr
from teamlead.rules import settings
from teamlead.rules.vocabulary import RecordKind
from teamlead.ui.collector import keep_start_up_out_of_collections
from teamlead.ui.context import AppContext
from teamlead.ui.database_dialogs import Asker, ask_with_dialog
from teamlead.ui.importing import add_import_action
from teamlead.ui.menus import build_menus
from teamlead.ui.rights import adopt_identity, apply_rights, sections_for
from teamlead.ui.screen_ready import ScreenReady
from teamlead.ui.sections import FirstRead, Section, first_section, section_title, sections
from teamlead.ui.sidebar import apply_choice, choice_after_toggle, load_choice, make_sidebar, save_choice
from teamlead.ui.style import VIEW_STYLE, app_icon, uses_view_style
from teamlead.ui.upgrade_note import tell_upgrade
from teamlead.ui.widgets.mnemonics import keep_menu_letters

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy.orm import Session

    from teamlead.data.access.identity import Identity
    from teamlead.data.database import Database
    from teamlead.data.kept_dashboard import Kept
    from teamlead.ui.dashboard.view import DashboardView
    from teamlead.ui.welcome import WelcomePage

QSETTINGS_ORGANISATION = "Teamlead"
QSETTINGS_APPLICATION = "Teamlead"
DEFAULT_SIZE = (1280, 720)


def remember_database(database: Database) -> None:
    """Put ``database`` first in the recent list; a URL with a password in it is not written to disk."""
    if database.url.password is None:
        settings.remember_database(database.display_name())


class MainWindow(QMainWindow):
    """Teamlead's one window. Views are built lazily, the first time their section is shown."""

    window_painted = Signal()
    """The window itself was painted for the first time (data may still be on its way)."""

    screen_ready = Signal()
    """The first screen (welcome page or a section) is painted with its data loaded. Once per database."""

    first_read_done = Signal()
    """The database is open, checked, and its first read is in (the welcome page or a section follows)."""

    database_opened = Signal(str)
    """Another database was opened from the File menu (its display name)."""

    def __init__(
        self,
        context: AppContext | None,
        *,
        qsettings: QSettings | None = None,
        ask: Asker | None = None,
        kept: Kept | None = None,
    ) -> None:
        """``context`` None: the window shows at once and waits for :meth:`set_context` (the app opens the
        database in the background, so the window is on screen before SQLAlchemy is even imported).
        ``kept``: the dashboard kept from the last read of that database (see
        :mod:`teamlead.data.kept_dashboard`), shown with the first paint when the dashboard is the section to
        open; the view is kept when the context arrives, and the first read refreshes it."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self._context: AppContext | None = None
        self._qsettings = qsettings or QSettings(QSETTINGS_ORGANISATION, QSETTINGS_APPLICATION)
        self.ask = ask or ask_with_dialog(self)
        """What to do when a database cannot be opened (a question in a box, or on stderr)."""
        self.sections: tuple[Section, ...] = sections()
        self._views: dict[str, QWidget] = {}
        self._empty: bool | None = None
        self._first_read: FirstRead | None = None
        self.actions_by_name: dict[str, QAction] = {}
        self.search_popup: Any = None
        self.upgrade_message: QMessageBox | None = None
        self.upgrades_told: set[int] = set()
        """The upgrades already told (see :func:`teamlead.ui.upgrade_note.tell_upgrade`)."""
        self.recent_menu: QMenu | None = None
        self._kept = kept
        self.kept_view: DashboardView | None = None
        """The dashboard built from what was kept, until the first read after opening has refreshed it."""
        self._section_wanted_early: str | None = None
        self.has_first_read = False
        self._screen_ready = ScreenReady(self, self.window_painted.emit, self.screen_ready.emit)
        self._restore_geometry()
        if context is None:
            self._build()
        else:
            self.set_context(context)

    @property
    def context(self) -> AppContext:
        assert self._context is not None, "the database is not open yet"
        return self._context

    @property
    def has_context(self) -> bool:
        return self._context is not None

    def set_context(self, context: AppContext) -> None:
        """Show the database of ``context``: the welcome page when it is empty, else the sections."""
        keep_start_up_out_of_collections()
        self._context = context
        self._connect_context()
        remember_database(context.database)
        tell_upgrade(self, context.database)
        self._rebuild()

    # --- building -----------------------------------------------------------------------------------------

    def _connect_context(self) -> None:
        self.context.open_record.connect(self.open_record)
        self.context.tasks.error_reported.connect(self._on_task_error)

    def _build(self) -> None:
        """(Re)build menus, status bar and pages in the current language."""
        self.setWindowTitle(tr("Teamlead"))
        identity = self._context.identity if self._context is not None else None
        self.sections = sections_for(identity)
        self.actions_by_name = build_menus(self)
        self.actions_by_name["import_roster"] = add_import_action(self)
        apply_rights(self, identity)
        self._pages = QStackedWidget()
        self._pages.setObjectName("pages")
        self._loading_page = QWidget()
        self._pages.addWidget(self._loading_page)
        self.welcome: WelcomePage | None = None

        self._sections_page = QWidget()
        layout = QHBoxLayout(self._sections_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._views = {}
        self.sidebar = make_sidebar([self._section_title(section) for section in self.sections])
        self.stack = QStackedWidget()
        self.stack.setObjectName("sectionStack")
        self._placeholders: dict[str, QWidget] = {}
        for section in self.sections:
            holder = QWidget()  # replaced by the view the first time the section is shown
            self._placeholders[section.key] = holder
            self.stack.addWidget(holder)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self._pages.addWidget(self._sections_page)
        self.setCentralWidget(self._pages)
        self.sidebar.currentRowChanged.connect(self._show_section_at)
        self._apply_sidebar()
        self._place_kept_view()

        old_label = getattr(self, "database_label", None)
        if old_label is not None:
            self.statusBar().removeWidget(old_label)
            old_label.deleteLater()
        name = self._context.database.display_name() if self._context else None
        self.database_label = QLabel(
            tr("Database: {name}", name=name) if name else tr("Opening the database…")
        )
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addPermanentWidget(self.database_label)

    def _place_kept_view(self) -> None:
        """Before the database is open: the dashboard from what was kept, when it is the section to open.
        Once open: the same view (built again, it would flash empty), now with the context."""
        kept, self._kept = self._kept, None
        if kept is not None and self._context is None and self._wanted_section() == "dashboard":
            from teamlead.ui.dashboard.view import DashboardView

            self.kept_view = DashboardView(None, today=kept.day)
            self.kept_view.show_kept(kept.data)
        view = self.kept_view
        if view is None or "dashboard" not in self.section_keys():
            return
        if self._context is not None:
            view.attach(self.context)
        self._adopt_view("dashboard", view, letters_later=self._context is None)
        self._pages.setCurrentWidget(self._sections_page)
        self.sidebar.setCurrentRow(self.section_keys().index("dashboard"))
        self._screen_ready.watch(view)

    def _section_title(self, section: Section) -> str:
        view = self._views.get(section.key)
        if view is not None:
            return str(view.title())  # type: ignore[attr-defined]
        return section_title(section.key)

    # --- which page ---------------------------------------------------------------------------------------

    def _check_empty(self) -> None:
        wanted = self._wanted_section()
        context = self.context

        def work(session: Session) -> tuple[bool, Identity, FirstRead | None]:
            from teamlead.data.access.identity import who_am_i
            from teamlead.data.queries.empty import has_records

            identity = who_am_i(session)
            found = not identity.may_start_afresh or has_records(session)  # else the welcome page
            if not found:
                return found, identity, None
            # The first section of *this* user (a city user's dashboard is another view), with its data.
            return found, identity, first_section(sections_for(identity), wanted).preload(session, context)

        self.context.read(work, self._on_emptiness, key="window.has_records")

    def _wanted_section(self) -> str:
        return str(self._qsettings.value("window/section", "dashboard"))

    def _first_section(self) -> Section:
        return first_section(self.sections, self._wanted_section())

    def _on_emptiness(self, found: tuple[bool, Identity, FirstRead | None]) -> None:
        has_any, identity, first_read = found
        if adopt_identity(self, identity):  # another role than assumed: its own sections and menus
            self._rebuild(check=False)
        self._empty = not has_any
        self._first_read = first_read
        kept_view, self.kept_view = self.kept_view, None
        if self._empty:
            self.show_welcome()
        elif kept_view is not None:
            self._first_read = None
            if first_read is not None and first_read.section.key == "dashboard":
                kept_view.show_first_read(first_read.data)  # type: ignore[arg-type]
            wanted, self._section_wanted_early = self._section_wanted_early, None
            if wanted is not None:
                self.show_sections(wanted)
        else:
            # A turn of its own: building the first view does not add to the window's own first paint.
            QTimer.singleShot(0, self._show_first_section)
        self.has_first_read = True
        self.first_read_done.emit()

    def _show_first_section(self) -> None:
        if self._pages.currentWidget() is self._loading_page:
            self.show_sections()

    @property
    def showing_welcome(self) -> bool:
        return self.welcome is not None and self._pages.currentWidget() is self.welcome

    def show_welcome(self) -> None:
        if self.welcome is None:
            from teamlead.ui.welcome import WelcomePage  # only an empty database shows it

            self.welcome = WelcomePage(self.context)
            self.welcome.setStyleSheet(VIEW_STYLE)
            self.welcome.start_empty.connect(self.show_sections)
            self.welcome.demo_loaded.connect(self.show_sections)
            self.welcome.roster_imported.connect(self.show_sections)
            self._pages.addWidget(self.welcome)
            self._keep_menu_letters(self.welcome)
        self._pages.setCurrentWidget(self.welcome)
        self.welcome.empty_button.setFocus()
        self._screen_ready.watch(self.welcome, loads=False)

    def show_sections(self, key: str | None = None) -> None:
        self._pages.setCurrentWidget(self._sections_page)
        wanted = key or self._first_section().key
        row = self.section_keys().index(wanted)
        if self.sidebar.currentRow() == row:
            self._show_section_at(row)
        else:
            self.sidebar.setCurrentRow(row)
        self._screen_ready.watch(self.current_view())

    def _show_section_at(self, row: int) -> None:
        if row < 0:
            return
        key = self.sections[row].key
        if self._context is None and key not in self._views:
            self._section_wanted_early = key  # shown once the database is open
            return
        view = self.view(key)
        self.stack.setCurrentWidget(view)
        if self._wanted_section() != key:  # QSettings rewrites its file (lock, two fsyncs) at every setValue
            self._qsettings.setValue("window/section", key)

    def view(self, key: str) -> QWidget:
        """The view of section ``key``, built on first use."""
        view = self._views.get(key)
        if view is None:
            section = next(s for s in self.sections if s.key == key)
            view = section.factory(self.context)
            first_read, self._first_read = self._first_read, None
            if first_read is not None and first_read.section == section:
                view.show_first_read(first_read.data)  # type: ignore[attr-defined]
            self._adopt_view(key, view)
        return view

    def _adopt_view(self, key: str, view: QWidget, *, letters_later: bool = False) -> None:
        """Put ``view`` in section ``key``'s place in the stack (``letters_later``: its menu letters after the
        first paint, which they do not change)."""
        view.setObjectName(f"view_{key}")
        if uses_view_style(view):
            view.setStyleSheet(VIEW_STYLE)
        holder = self._placeholders.pop(key)
        index = self.stack.indexOf(holder)
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(holder)
        holder.deleteLater()
        self._views[key] = view
        if letters_later and not self._screen_ready.window_painted:
            # Finding the screen's labels and buttons makes PySide6 load their classes (5 ms): a turn after
            # the first paint, which the letters do not change.
            self.window_painted.connect(
                lambda: QTimer.singleShot(0, view, lambda: self._keep_menu_letters(view)),
                Qt.ConnectionType.SingleShotConnection,
            )
        else:
            self._keep_menu_letters(view)

    def _keep_menu_letters(self, screen: QWidget) -> None:
        """Alt and a menu's letter opens the menu on every screen (see :mod:`teamlead.ui.widgets.mnemonics`)."""
        keep_menu_letters(screen, [action.text() for action in self.menuBar().actions()])

    def current_view(self) -> QWidget:
        view = self.stack.currentWidget()
        assert view is not None
        return view

    def section_keys(self) -> list[str]:
        return [section.key for section in self.sections]

    def go_to_section(self, key: str) -> None:
        self.show_sections(key)
        self.view(key).setFocus()

    # --- navigation ---------------------------------------------------------------------------------------

    def open_record(self, kind: RecordKind, record_id: int) -> bool:
        """Show a record in the first section whose view says it is that record's home."""
        if self.showing_welcome:
            self.show_sections()
        for section in self.sections:
            view = self.view(section.key)
            opener: Callable[[RecordKind, int], bool] | None = getattr(view, "open_record", None)
            if opener is not None and opener(kind, record_id):
                self.sidebar.setCurrentRow(self.section_keys().index(section.key))
                return True
        self.statusBar().showMessage(tr("There is no screen for this record yet."), 5000)
        return False

    def open_search(self) -> None:
        from teamlead.ui.search.popup import SearchPopup

        if self.search_popup is None:
            self.search_popup = SearchPopup(self.context, self)
        self.search_popup.popup()

    def _drop_search(self) -> None:
        if self.search_popup is not None:
            self.search_popup.hide()
            self.search_popup.deleteLater()
            self.search_popup = None

    def log_contact_moment(self) -> None:
        """Ctrl+L from anywhere: the current view logs in its own context if it can (a partner's page presets
        the partner, Who to call the neighbourhood), else an empty note dialog opens."""
        if not self.showing_welcome and self._pages.currentWidget() is self._sections_page:
            view = self.current_view()
            for name in ("log_note", "log_signal"):
                handler = getattr(view, name, None)
                if callable(handler):
                    handler()
                    return
        from teamlead.ui.notes.dialog import open_note_dialog

        open_note_dialog(self.context, self)

    # --- another database, another language -------------------------------------------------------------

    def switch_database(self, database: Database) -> None:
        """Show ``database`` (opened from the File menu or a backup); the old one's tasks stop and its
        connections close."""
        old = self.context
        old.tasks.shutdown(wait=False)
        context = AppContext(database, today=old._today, parent=self)
        context.tasks.error_reporter = old.tasks.error_reporter
        self._drop_search()
        self._screen_ready.reset()
        self.set_context(context)
        old.database.dispose()
        self.database_opened.emit(database.display_name())

    def _rebuild(self, *, check: bool = True) -> None:
        current = self.centralWidget()
        self._build()
        if current is not None:
            current.deleteLater()
        if self._context is not None and check:
            self._check_empty()

    def rebuild_showing(self, key: str) -> None:
        """Build the window again in the current language, on the page it showed (the welcome page, or
        section ``key``)."""
        showing_welcome = self.showing_welcome
        current = self.centralWidget()
        self._drop_search()
        self._build()
        if current is not None:
            current.deleteLater()
        if showing_welcome:
            self.show_welcome()
        else:
            self.show_sections(key)

    # --- errors, geometry, closing ------------------------------------------------------------------------

    def _on_task_error(self, message: str) -> None:
        self.statusBar().showMessage(message.splitlines()[0], 8000)

    # --- the sidebar --------------------------------------------------------------------------------------

    @property
    def sidebar_shown(self) -> bool:
        return not self.sidebar.isHidden()

    def toggle_sidebar(self) -> None:
        """View ▸ Show sidebar (Ctrl+B): flip it, and remember the choice while the width would not make it."""
        save_choice(self._qsettings, choice_after_toggle(self.sidebar_shown, self.width()))
        self._apply_sidebar()
        if not self.sidebar_shown and self.sidebar.hasFocus():
            self.stack.setFocus()

    def _apply_sidebar(self) -> None:
        if getattr(self, "sidebar", None) is None:
            return  # resized before the first build
        shown = apply_choice(self.sidebar, load_choice(self._qsettings), self.width())
        action = self.actions_by_name.get("sidebar")
        if action is not None:
            action.setChecked(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._apply_sidebar()

    def _restore_geometry(self) -> None:
        geometry = self._qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.welcome is not None and self.welcome.busy:
            self.welcome.cancel_demo()
        self._qsettings.setValue("window/geometry", self.saveGeometry())
        self._qsettings.sync()
        if self._context is not None:
            self._context.tasks.shutdown(wait=False)
        super().closeEvent(event)
