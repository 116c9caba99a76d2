"""Records without a district, on the dashboard: "12 partners have no district", each kind with a button that
puts all of them in one district at once.

Such records count in no district's report (a roster imported without ``--district`` into a database of
several districts, a partner made before its district existed), so the dashboard keeps them in sight until
they are assigned. On a shared database this is the administrator's list (issue 18 adds the roles; until
then everyone sees it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.errors import UserError
from teamlead.i18n import tr
from teamlead.rules import words
from teamlead.rules.vocabulary import Change, DistrictedKind
from teamlead.ui.context import AppContext
from teamlead.ui.style import card, heading, mute


class DistrictlessBar(QFrame):
    """One line per kind with records lacking a district, and its "Assign district…" button; hidden when
    every record has one."""

    assign_requested = Signal(object, int)
    """(kind, how many): the user wants to assign them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card(self)
        self.setObjectName("districtless")
        self.title = heading(QLabel(tr("Records without a district")), 11)
        self.hint = mute(QLabel(tr("They count in no district's report until they have one.")))
        self.hint.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.lines: dict[DistrictedKind, QLabel] = {}
        self.buttons: dict[DistrictedKind, QPushButton] = {}
        for row, kind in enumerate(DistrictedKind):
            line = QLabel()
            line.setObjectName(f"districtless_{kind.value}")
            button = QPushButton(tr("Assign district…"))
            button.setObjectName(f"assign_{kind.value}")
            button.clicked.connect(lambda _checked=False, kind=kind: self._clicked(kind))
            self.grid.addWidget(line, row, 0)
            self.grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignLeft)
            self.lines[kind] = line
            self.buttons[kind] = button
        self.grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(self.grid)
        self.counts: dict[DistrictedKind, int] = {}
        self.hide()

    def set_counts(self, counts: dict[DistrictedKind, int]) -> None:
        self.counts = dict(counts)
        for kind in DistrictedKind:
            count = counts.get(kind, 0)
            self.lines[kind].setText(words.districtless(kind, count) if count else "")
            self.lines[kind].setVisible(bool(count))
            self.buttons[kind].setVisible(bool(count))
            self.buttons[kind].setAccessibleName(words.districtless(kind, count))
        self.setVisible(any(counts.values()))

    def _clicked(self, kind: DistrictedKind) -> None:
        self.assign_requested.emit(kind, self.counts.get(kind, 0))


class AssignDistrictDialog(QDialog):
    """Choose the district for every record of one kind that has none; one service call moves them all
    (partners take their notes and agreements without a district along)."""

    def __init__(
        self, context: AppContext, kind: DistrictedKind, count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.kind = kind
        self.setObjectName("assignDistrictDialog")
        self.setWindowTitle(tr("Assign district"))
        self.setMinimumWidth(420)
        intro = QLabel(words.districtless(kind, count) + ". " + tr("Put them all in this district:"))
        intro.setWordWrap(True)
        from teamlead.ui.widgets.district_field import DistrictField  # reads districts: after the first paint

        self.district = DistrictField()
        self.district.start(context)  # the user's default district, else the only one
        form = QFormLayout()
        form.addRow(tr("&Into district:"), self.district)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Assign"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("&Cancel"))
        self.buttons.accepted.connect(self.assign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.moved: int | None = None

    def assign(self) -> None:
        from teamlead.services.district_assign import assign_district

        district_id = self.district.district_id()
        if district_id is None:
            self._show_error(tr("Choose a district (a new one can be added under Settings)."))
            return
        kind, now = self.kind, self._context.now()
        self.buttons.setEnabled(False)
        self._context.write(
            lambda session: assign_district(session, kind, district_id, now=now),
            self._assigned,
            changed=Change.ALL,
            on_error=self._failed,
        )

    def _assigned(self, moved: int) -> None:
        self.moved = moved
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, UserError):
            self._context.tasks.report_error(error)
            return
        self._show_error(error.message)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
