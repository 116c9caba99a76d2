"""File → Changes…: who changed what, by user and period (the audit of the whole database).

Each entry shows when, who, which record, what was done and which fields changed; the old → new values only of
codes, dates and numbers (:mod:`teamlead.rules.audit`), never a text or a name. Read in the background; a
change of user or period reads again.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from teamlead.data.queries.history import CHANGES_LIMIT, ChangeRow, audit_users, changes
from teamlead.i18n import tr, trn
from teamlead.ui.context import AppContext
from teamlead.ui.history.model import ChangesModel, fit_columns, history_table
from teamlead.ui.widgets.date_field import DateField

DEFAULT_DAYS = 30
"""The period the list opens with: the last month up to today."""
ANYONE = ""


def _read(
    session: Session, user: str | None, start: date | None, end: date | None
) -> tuple[list[str], list[ChangeRow]]:
    return audit_users(session), changes(session, user=user, start=start, end=end)


class ChangesDialog(QDialog):
    """The list of changes, filtered by user and period."""

    loaded = Signal()
    """The list shows what the filters ask for."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesDialog")
        self.setWindowTitle(tr("Changes"))
        self._context = context
        today = context.today()
        self.user = QComboBox()
        self.user.setObjectName("changesUser")
        self.user.addItem(tr("Everyone"), ANYONE)
        self.start = DateField(today - timedelta(days=DEFAULT_DAYS), today=context.today)
        self.start.setAccessibleName(tr("From"))
        self.end = DateField(today, today=context.today)
        self.end.setAccessibleName(tr("Through"))
        self.model = ChangesModel(with_record=True, parent=self)
        self.list = history_table(self.model, tr("Changes"))
        self.list.setObjectName("changesList")
        self.count = QLabel()
        self.count.setObjectName("changesCount")
        buttons = QDialogButtonBox()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("&Close"))
        close.clicked.connect(self.reject)

        filters = QHBoxLayout()
        for text, field in (
            (tr("&User:"), self.user),
            (tr("&From:"), self.start),
            (tr("&Through:"), self.end),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addStretch(1)
        intro = QLabel(
            tr(
                "Who changed which record, and when. Old and new values are shown for statuses, kinds, dates, "
                "districts and domains only; a text or a name is named by its field, never shown."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(1000, 560)

        self.user.activated.connect(self.reload)
        self.start.changed.connect(self.reload)
        self.end.changed.connect(self.reload)
        self.reload()

    def chosen_user(self) -> str | None:
        value = self.user.currentData()
        return value if isinstance(value, str) and value != ANYONE else None

    def reload(self, *_args: object) -> None:
        """Read the list for the user and period chosen; a field that names no day is no bound yet."""
        if not (_readable(self.start) and _readable(self.end)):
            return
        self._context.read(
            partial(_read, user=self.chosen_user(), start=self.start.value(), end=self.end.value()),
            self._show,
            key="history.changes",
        )

    def _show(self, result: tuple[list[str], list[ChangeRow]]) -> None:
        users, rows = result
        chosen = self.chosen_user()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(tr("Everyone"), ANYONE)
        for name in users:
            self.user.addItem(name, name)
        self.user.setCurrentIndex(max(0, self.user.findData(chosen or ANYONE)))
        self.user.blockSignals(False)
        self.model.set_rows(rows)
        fit_columns(self.list)
        self.count.setText(
            tr(
                "The newest {limit} changes; choose a user or a shorter period to see the rest.",
                limit=CHANGES_LIMIT,
            )
            if len(rows) >= CHANGES_LIMIT
            else trn("{count} change", "{count} changes", len(rows))
        )
        self.loaded.emit()


def _readable(field: DateField) -> bool:
    """An empty field is no bound; a text that names no day waits until it does."""
    return not field.line.text().strip() or field.value() is not None


def open_changes_dialog(context: AppContext, parent: QWidget | None = None) -> ChangesDialog:
    dialog = ChangesDialog(context, parent)
    dialog.show()
    return dialog
