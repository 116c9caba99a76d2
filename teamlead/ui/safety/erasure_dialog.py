"""The question before an erasure: what will be replaced, which words the user must decide on after reading
their mentions in context, and which master data stays as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from teamlead.i18n import tr
from teamlead.ui.widgets.keys import buttons_in_reading_order
from teamlead.ui.widgets.rows_model import RowsModel
from teamlead.ui.widgets.tables import table

if TYPE_CHECKING:
    from teamlead.rules.mentions import Identifier
    from teamlead.services.erasure import Candidate, ErasurePlan, MasterMention, Mention


class MentionsModel(RowsModel["Mention"]):
    """Mentions of one word: where, and the mention in context."""

    def headers(self) -> list[str]:
        return [tr("Where"), tr("In context")]

    def display(self, row: Mention, column: int) -> str:
        return row.label() if column == 0 else row.excerpt


class MasterDataModel(RowsModel["MasterMention"]):
    """Master data of other records that holds the person's details: where, and what it says."""

    def headers(self) -> list[str]:
        return [tr("Where"), tr("Text")]

    def display(self, row: MasterMention, column: int) -> str:
        return row.label() if column == 0 else row.value


class ErasureDialog(QDialog):
    """Erase {name}? — with a box per uncertain word (unticked: the user reads its mentions and decides)."""

    def __init__(self, plan: ErasurePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erasureDialog")
        self.setWindowTitle(tr("Erase this person?"))
        self.resize(760, 520)
        self._plan = plan
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Erase {name}? Their details, roles and links are removed, and their name, e-mail address and "
                "phone number are replaced by […] in {count} texts (notes, minutes, agenda items, agreements, "
                "narratives and remarks). Names, addresses, titles and other master data are never changed. "
                "This cannot be undone.",
                name=plan.name,
                count=plan.texts_changed,
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices: dict[QCheckBox, Candidate] = {}
        if plan.candidates:
            ask = QLabel(
                tr(
                    "These words may also mean something else (another person, a street, a neighbourhood). "
                    "Read where they occur; tick a word only if it is about {name} everywhere:",
                    name=plan.name,
                )
            )
            ask.setWordWrap(True)
            layout.addWidget(ask)
        for candidate in plan.candidates:
            box = QCheckBox(
                tr(
                    "Also replace “{word}” ({count} mentions)",
                    word=candidate.identifier.value,
                    count=candidate.count,
                )
            )
            box.setObjectName(f"candidate-{candidate.identifier.kind}")
            model = MentionsModel(self)
            model.set_rows(candidate.mentions)
            view = table(model, tr("Mentions of “{word}”", word=candidate.identifier.value))
            view.setSortingEnabled(False)
            self.choices[box] = candidate
            layout.addWidget(box)
            layout.addWidget(view, 1)
        if plan.master_data:
            kept = QLabel(
                tr(
                    "These stay as they are (names, addresses and details of other records); change them by "
                    "hand if they are about {name}:",
                    name=plan.name,
                )
            )
            kept.setWordWrap(True)
            master = MasterDataModel(self)
            master.set_rows(plan.master_data)
            layout.addWidget(kept)
            layout.addWidget(table(master, tr("Master data that stays")), 1)
        buttons = QDialogButtonBox()
        self.erase_button = QPushButton(tr("&Erase"))
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons_in_reading_order(buttons)  # Tab left to right, wherever the platform puts each role
        layout.addWidget(buttons)

    def chosen(self) -> list[Identifier]:
        """The identifiers to replace: the certain ones, and the words the user ticked."""
        ticked = [candidate.identifier for box, candidate in self.choices.items() if box.isChecked()]
        return [*self._plan.certain, *ticked]
