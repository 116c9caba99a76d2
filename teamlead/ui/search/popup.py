"""The global search box (Ctrl+K, Ctrl+F): type, see partners, people, roles and notes grouped by kind with
the matching words in bold, move with Up/Down, open with Enter, close with Esc.

It floats over the top of the window (a child widget, not a separate window), so it never fights the window
manager for focus. Each keystroke starts a search in the background; a newer one supersedes the older.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from teamlead.data.search import SearchKind, SearchResults, search
from teamlead.i18n import tr
from teamlead.ui.context import AppContext
from teamlead.ui.search.model import (
    ALL_RESULTS,
    EXPAND_ROLE,
    HEADER_ROLE,
    HTML_ROLE,
    TARGETS_ROLE,
    SearchResultsModel,
)
from teamlead.ui.style import card, mute

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from teamlead.ui.main_window import MainWindow

RESULTS_PER_KIND = 6
WIDTH = 640


class RichTextDelegate(QStyledItemDelegate):
    """Paints a row's HTML (bold matches, muted snippet); headings small and muted."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        html = str(index.data(HTML_ROLE) or "")
        if index.data(HEADER_ROLE):
            html = f"<span style='font-size: small; font-weight: 600'>{html.upper()}</span>"
        document.setHtml(html)
        document.setTextWidth(option.rect.width() if option.rect.width() > 0 else WIDTH)
        return document

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        if index.data(HEADER_ROLE):
            role = QPalette.ColorRole.PlaceholderText
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class SearchPopup(QFrame):
    """The search box and its results, over the top of the main window."""

    opened = Signal(object, int)
    """A result was opened: (kind, id) of the record shown."""

    searched = Signal(str)
    """Results for this query are on screen."""

    def __init__(self, context: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self.setObjectName("searchPopup")
        card(self)

        self.input = QLineEdit()
        self.input.setObjectName("searchInput")
        self.input.setPlaceholderText(tr("Search partners, people, roles and notes"))
        self.input.setAccessibleName(tr("Search"))
        self.input.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(tr("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setUniformItemSizes(False)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.clicked.connect(self._open_index)
        self.status = mute(QLabel())
        self.status.setObjectName("searchStatus")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.input)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self.input.textChanged.connect(self._search)
        self.input.installEventFilter(self)
        window.installEventFilter(self)
        self.hide()

    # --- showing ------------------------------------------------------------------------------------------

    def popup(self) -> None:
        """Show over the window, focus in the box; the last query stays, selected, for a quick redo."""
        self._place()
        self.show()
        self.raise_()
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.input.selectAll()
        self._update_status()

    def _place(self) -> None:
        window = self._window
        width = min(WIDTH, window.width() - 40)
        top = window.menuBar().height() + 12
        height = min(460, window.height() - top - 60)
        self.setGeometry((window.width() - width) // 2, top, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        if watched is self.input and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._on_key(event)
        if watched is self.input and event.type() == QEvent.Type.FocusOut and self.isVisible():
            focus = self.focusWidget()
            if focus is None or not self.isAncestorOf(focus):
                self.hide()
        return super().eventFilter(watched, event)

    def _on_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.hide()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_index(self.results.currentIndex())
            return True
        return False

    def _move(self, step: int) -> None:
        rows = self.model.choice_rows()
        if not rows:
            return
        current = self.results.currentIndex().row()
        if current not in rows:
            target = rows[0] if step > 0 else rows[-1]
        else:
            target = rows[max(0, min(len(rows) - 1, rows.index(current) + step))]
        index = self.model.index(target)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    # --- searching ----------------------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        query = text.strip()
        if not query:
            self.model.clear()
            self._update_status()
            return
        today = self._context.today()
        self._context.read(
            lambda session: search(session, query, limit=RESULTS_PER_KIND, today=today),
            self._show,
            key="search",
        )

    def show_all(self, kind: SearchKind) -> None:
        """Every result of one kind (up to :data:`ALL_RESULTS`), the others' first ones kept around it."""
        query = self.input.text().strip()
        today = self._context.today()

        def read(session: Session) -> SearchResults:
            shown = search(session, query, limit=RESULTS_PER_KIND, today=today)
            every = search(session, query, limit=ALL_RESULTS, kinds=(kind,), today=today)
            groups = tuple(
                every.groups[0] if group.kind == kind and every.groups else group for group in shown.groups
            )
            return SearchResults(shown.query, shown.terms, groups)

        self._context.read(read, lambda results: self._show(results, kind), key="search")

    def _show(self, results: SearchResults, expanded: SearchKind | None = None) -> None:
        if results.query != self.input.text().strip():
            return  # typed on since: a newer search is on its way
        self.model.set_results(results, expanded)
        first = self.model.first_hit(expanded)  # after "all results": the first of that kind
        if first is not None:
            self.results.setCurrentIndex(self.model.index(first))
            self.results.scrollTo(self.model.index(first))
        self._update_status()
        self.searched.emit(results.query)

    def _update_status(self) -> None:
        if not self.input.text().strip():
            self.status.setText(tr("Type a name, a role or words from a note."))
        elif not self.model.hit_rows():
            self.status.setText(tr("Nothing found."))
        else:
            self.status.setText(tr("Up and Down to choose, Enter to open, Esc to close."))

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid() or index.data(HEADER_ROLE):
            return
        expand = index.data(EXPAND_ROLE)
        if expand is not None:
            self.show_all(expand)
            return
        for kind, record_id in index.data(TARGETS_ROLE) or ():
            if self._window.open_record(kind, record_id):
                self.hide()
                self.opened.emit(kind, record_id)
                return
        self._window.statusBar().showMessage(tr("There is no screen for this record yet."), 5000)
