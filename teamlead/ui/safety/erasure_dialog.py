"""The question before an erasure: what will be replaced, which texts still mention the person by a word that
may mean something else (to redact one by one, after reading each in context), and which master data stays.

There is no "all at once" for such a word: "Roos", "Hoop", "Mark", "Bas" and "Jan" are Dutch words and other
people's names too, so each text is ticked on its own (:class:`teamlead.services.erasure.Redaction`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, override

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from teamlead.i18n import tr, trn
from teamlead.ui.widgets.formatting import day_cell
from teamlead.ui.widgets.keys import buttons_in_reading_order
from teamlead.ui.widgets.rows_model import RowsModel
from teamlead.ui.widgets.tables import table

if TYPE_CHECKING:
    from teamlead.rules.mentions import Identifier
    from teamlead.services.erasure import Candidate, ErasurePlan, MasterMention, Mention, Redaction

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Review:
    """One text that mentions one uncertain word of the person: a row to redact or leave."""

    candidate: Candidate
    mention: Mention

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.candidate.identifier.pattern, self.mention.field.key, self.mention.record_id)


class ReviewModel(RowsModel[Review]):
    """The texts to review: a box to redact the word in this text, the word, where, when, about whom, and the
    mention in context. The rows where the word is followed by one of the person's organisations in brackets
    are bold (they come first)."""

    REDACT, WORD, WHERE, DATE, ORGANISATIONS, CONTEXT = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.redacted: set[tuple[str, str, int]] = set()

    def headers(self) -> list[str]:
        return [tr("Redact here"), tr("Word"), tr("Where"), tr("Date"), tr("Organisations"), tr("In context")]

    def display(self, row: Review, column: int) -> str:
        mention = row.mention
        if column == self.WORD:
            return row.candidate.identifier.value
        if column == self.WHERE:
            return mention.label()
        if column == self.DATE:
            return day_cell(mention.on) if mention.on else ""
        if column == self.ORGANISATIONS:
            return ", ".join(mention.organisations)
        if column == self.CONTEXT:
            return mention.excerpt
        return ""

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.REDACT:
            return Qt.CheckState.Checked if row.key in self.redacted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and row.mention.with_organisation:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CONTEXT:
            return row.mention.excerpt
        return super().data(index, role)

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.REDACT:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    @override
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.REDACT or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.row_at(index.row()).key
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.redacted.add(key)
        else:
            self.redacted.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def chosen(self) -> list[Review]:
        return [row for row in self.rows() if row.key in self.redacted]


class MasterDataModel(RowsModel["MasterMention"]):
    """Master data of other records that holds the person's details: where, and what it says."""

    def headers(self) -> list[str]:
        return [tr("Where"), tr("Text")]

    def display(self, row: MasterMention, column: int) -> str:
        return row.label() if column == 0 else row.value


class ErasureDialog(QDialog):
    """Erase {name}? — with the texts that still mention them by a single word, each to redact on its own."""

    def __init__(self, plan: ErasurePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("erasureDialog")
        self.setWindowTitle(tr("Erase this person?"))
        self.resize(1040, 600)
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
        self.review = ReviewModel(self)
        self.review.set_rows([Review(c, mention) for c in plan.candidates for mention in c.mentions])
        self.review.dataChanged.connect(self._count)
        self.texts = table(self.review, tr("Texts that still mention the person"))
        self.texts.setObjectName("erasureReview")
        self.texts.setSortingEnabled(False)  # the plan's order: the texts naming their organisation first
        self.texts.setSelectionMode(self.texts.SelectionMode.SingleSelection)
        header = self.texts.horizontalHeader()
        for column in (ReviewModel.REDACT, ReviewModel.WORD, ReviewModel.WHERE, ReviewModel.DATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReviewModel.ORGANISATIONS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ReviewModel.ORGANISATIONS, 200)
        self.counted = QLabel()
        if plan.candidates:
            words = ", ".join(f"“{c.identifier.value}”" for c in plan.candidates)
            ask = QLabel(
                tr(
                    "These texts still mention {words}, which may also mean something else (another person, a "
                    "common word, a street). Read each one and tick “Redact here” only where it is about "
                    "{name}: the word becomes […] in that text alone. Bold: the word is followed by "
                    "{name}'s organisation in brackets.",
                    words=words,
                    name=plan.name,
                )
            )
            ask.setWordWrap(True)
            layout.addWidget(ask)
            layout.addWidget(self.texts, 3)
            layout.addWidget(self.counted)
            self._count()
        else:
            self.texts.hide()
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

    def _count(self, *_changed: object) -> None:
        total = sum(c.texts for c in self._plan.candidates)
        shown = len(self.review.rows())
        text = trn(
            "{chosen} of {count} text chosen to redact.",
            "{chosen} of {count} texts chosen to redact.",
            shown,
            chosen=len(self.review.redacted),
        )
        if total > shown:
            text += " " + tr(
                "{more} more texts are not listed: look for the word with Search afterwards.",
                more=total - shown,
            )
        self.counted.setText(text)

    def chosen(self) -> list[Identifier]:
        """The identifiers to replace everywhere: the certain ones only."""
        return list(self._plan.certain)

    def redactions(self) -> list[Redaction]:
        """The texts the user ticked, each with the word to redact in it."""
        return [r for row in self.review.chosen() for r in row.candidate.redactions([row.mention])]
