"""One list of the geography page with its four actions: Add, Rename, Merge into…, Delete.

Keyboard first: the list's label has a mnemonic; in the list (or on its buttons) Ctrl+N or Insert adds, Enter
or F2 renames, Ctrl+M merges and Delete deletes. The shortcuts belong to the panel, so the same keys act on
whichever of the three lists has the focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, override

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teamlead.i18n import tr
from teamlead.ui.widgets.rows_model import RowsModel


class ListTable(QTableView):
    """A list where Enter renames the current row, instead of pressing the dialog's default button."""

    enter_pressed = Signal()
    """Enter or Return on a current row."""

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # never on to the dialog's OK: Settings would close under the user's hands
            if self.currentIndex().isValid():
                self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class ListPanel(QWidget):
    """A labelled list of districts, neighbourhoods or domains and the buttons that change them."""

    def __init__(
        self,
        title: str,
        model: RowsModel[Any],
        name: str,
        parent: QWidget | None = None,
        *,
        merge: bool = True,
    ) -> None:
        """``merge`` False: a list whose records are not merged (themes, offers): no Merge button."""
        super().__init__(parent)
        self.setObjectName(name)
        self.model = model
        self.table = ListTable()
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(model)
        self.table.setAccessibleName(title.replace("&", ""))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrows move in the rows
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.label = QLabel(title)
        self.label.setBuddy(self.table)
        self.label.setStyleSheet("font-weight: 600;")
        self.label.setMinimumHeight(QComboBox().sizeHint().height())  # level with a bar that holds a combo
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(0, 0, 0, 0)
        self.bar.addWidget(self.label)
        self.bar.addStretch()

        self.hints: dict[QPushButton, str] = {}
        """Each button's tooltip, naming its shortcut (a page may say something else while it is disabled)."""
        self.add_button = QPushButton(tr("Add…"))
        self.rename_button = QPushButton(tr("Rename…"))
        self.merge_button = QPushButton(tr("Merge into…"))
        self.delete_button = QPushButton(tr("Delete…"))
        self.merge_button.setVisible(merge)
        buttons = QGridLayout()  # two by two: four buttons in a row do not fit a third of the dialog
        buttons.setContentsMargins(0, 0, 0, 0)
        actions = [
            (self.add_button, ("Ctrl+N", "Ins"), tr("Add (Ctrl+N)")),
            (self.rename_button, ("F2",), tr("Rename (F2 or Enter)")),
            (self.merge_button, ("Ctrl+M",), tr("Merge into another (Ctrl+M)")),
            (self.delete_button, (QKeySequence.StandardKey.Delete,), tr("Delete (Delete)")),
        ]
        if not merge:
            del actions[2]
        for number, (button, keys, hint) in enumerate(actions):
            button.setToolTip(hint)
            self.hints[button] = hint
            buttons.addWidget(button, number // 2, number % 2)
            self._shortcut(button, keys)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.enter_pressed.connect(self.rename_button.click)
        self.table.doubleClicked.connect(lambda _index: self.rename_button.click())

    def inputs(self) -> tuple[QWidget, ...]:
        """The list and its buttons, in the order Tab should take them."""
        buttons = (self.add_button, self.rename_button, self.merge_button, self.delete_button)
        return (self.table, *(button for button in buttons if not button.isHidden()))

    def _shortcut(self, button: QPushButton, keys: Sequence[str | QKeySequence.StandardKey]) -> None:
        action = QAction(self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: button.click() if button.isEnabled() else None)
        self.addAction(action)

    def set_rows(self, rows: Sequence[Any], keep: int | None = None) -> None:
        """Show ``rows``, keeping the current record (or ``keep``) selected when it is still there."""
        wanted = keep if keep is not None else self.current_id()
        self.model.set_rows(rows)
        self.select(wanted)

    def current(self) -> Any:
        """The row of the selected record, None when none is selected."""
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not index.isValid() or not rows:
            return None
        return self.model.row_at(index.row())

    def current_id(self) -> int | None:
        row = self.current()
        return int(row.id) if row is not None else None

    def select(self, record_id: int | None) -> None:
        number = next(
            (n for n, row in enumerate(self.model.rows()) if record_id is not None and row.id == record_id),
            -1,
        )
        if number < 0:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, 0))
            return
        self.table.selectRow(number)
        self.table.scrollTo(self.model.index(number, 0))
