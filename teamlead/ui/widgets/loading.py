"""A list's first load says so in place of its rows, and its count line never claims "0 of 0" meanwhile.

On the city demo the agreements register took two seconds before its rows showed, with "0 of 0 agreements"
under an empty table all the while: a team lead reads that as "my agreements are gone". :class:`LoadingNote`
puts "Loading…" in the middle of the table's viewport until :meth:`LoadingNote.done` is called, and
:func:`count_or_loading` gives the count line its words in the meantime.
"""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from teamlead.i18n import tr
from teamlead.ui.style import mute
from teamlead.ui.widgets.viewport import viewport_of


class LoadingNote(QObject):
    """The words "Loading…" centred on ``view``'s viewport and as ``count``'s text, from now until
    :meth:`done`; a reload after the first keeps the old rows on screen until the new ones arrive."""

    def __init__(self, view: QAbstractItemView, count: QLabel) -> None:
        super().__init__(view)
        count.setText(tr("Loading…"))
        self._viewport = viewport_of(view)
        self.label = QLabel(tr("Loading…"), self._viewport)
        self.label.setObjectName("loadingNote")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        mute(self.label)
        self._viewport.installEventFilter(self)
        self._fit()
        self.label.show()

    @property
    def loading(self) -> bool:
        return not self.label.isHidden()

    def done(self) -> None:
        """The rows arrived: the note goes for good."""
        if self.loading:
            self.label.hide()
            self._viewport.removeEventFilter(self)

    def _fit(self) -> None:
        self.label.setGeometry(self._viewport.rect())

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._fit()
        return False


def count_or_loading(note: LoadingNote, count: str) -> str:
    """The count line's text: ``count`` once the rows are in, "Loading…" until then."""
    return tr("Loading…") if note.loading else count
