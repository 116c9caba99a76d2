"""Pick a meeting's invitees by typing: partners, and people at a partner, in one completion field, with the
list of those invited beside it (Delete removes one).

Enter in the field picks what was typed (or the first completion) and never submits the dialog around it
(:mod:`teamlead.ui.meetings.keys`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import override

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.data.queries.invitees import InviteeChoice
from teamlead.i18n import tr
from teamlead.services.series_store import InviteeRef
from teamlead.ui.meetings.keys import enter_only_picks

_REF_ROLE = Qt.ItemDataRole.UserRole


class InviteePicker(QWidget):
    """A completion line (:attr:`line`) over the invitees (:attr:`list`); :meth:`refs` gives them in order."""

    changed = Signal()
    """An invitee was added or removed."""

    refused = Signal(str)
    """Enter on a text that names no partner or person (the text); the dialog says so."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._by_label: dict[str, InviteeChoice] = {}
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.line.setCompleter(self.completer)
        self.completer.activated.connect(self.pick_label)
        enter_only_picks(self.line, self.pick_typed)
        self.list = QListWidget()
        self.list.setObjectName("invitees")
        self.list.installEventFilter(self)
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.setFocusProxy(self.line)

    def set_choices(self, choices: Iterable[InviteeChoice]) -> None:
        """Whom the field offers, by label (a label that occurs twice gets its ids, so each names one)."""
        listed = list(choices)
        counts: dict[str, int] = {}
        for choice in listed:
            counts[choice.label] = counts.get(choice.label, 0) + 1
        self._by_label = {}
        labels = []
        for choice in listed:
            label = choice.label
            if counts[label] > 1:
                label = f"{label} (#{choice.person_id or choice.organisation_id})"
            self._by_label[label.casefold()] = InviteeChoice(choice.organisation_id, choice.person_id, label)
            labels.append(label)
        self._names.setStringList(labels)

    def offered(self) -> list[str]:
        return self._names.stringList()

    def set_invitees(self, invitees: Iterable[InviteeChoice]) -> None:
        """The invitees shown at first (a meeting's own, which need not be among the choices any more)."""
        self.list.clear()
        for invitee in invitees:
            self._add(invitee)

    def refs(self) -> list[InviteeRef]:
        return [self.list.item(i).data(_REF_ROLE) for i in range(self.list.count())]

    def labels(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add(self, choice: InviteeChoice) -> None:
        ref = InviteeRef(choice.organisation_id, choice.person_id)
        if ref in self.refs():
            return
        item = QListWidgetItem(choice.label)
        item.setData(_REF_ROLE, ref)
        self.list.addItem(item)
        self.changed.emit()

    def pick_label(self, label: str) -> bool:
        """Invite whom ``label`` names (a label the field offers, in any case); False when it names none."""
        choice = self._by_label.get(label.strip().casefold())
        if choice is None:
            return False
        self._add(choice)
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.line.clear()
        # The completer writes the chosen text into the line after telling us: clear it once it has.
        QTimer.singleShot(0, self.line.clear)
        return True

    def pick_typed(self) -> None:
        """Enter in the field: invite the one the text names, else the first completion; else say so."""
        text = self.line.text().strip()
        if not text or self.pick_label(text):
            return
        self.completer.setCompletionPrefix(text)
        first = self.completer.currentCompletion()
        if not (first and self.pick_label(first)):
            self.refused.emit(text)

    def pending_text(self) -> str:
        """Text typed but not picked, after picking it if it names someone exactly."""
        text = self.line.text().strip()
        if text and self.pick_label(text):
            return ""
        return text

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.remove_current()
            return True
        return super().eventFilter(watched, event)
