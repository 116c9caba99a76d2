"""The local-reflection template: the four questions of the integrated approach, an answer field each.

The answers are stored per question (reports show them side by side over the districts), so the template is
four labelled fields rather than one free text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from teamlead.data.queries.meetings import MeetingDetail
from teamlead.i18n import tr
from teamlead.services.meetings import Reflection

QUESTIONS = ("goes_well", "can_improve", "do_ourselves", "need_help")


def question_text(key: str) -> str:
    """The question as the partners are asked it, with a mnemonic to reach its answer field."""
    return {
        "goes_well": tr("1. What goes &well?"),
        "can_improve": tr("2. What can be &better?"),
        "do_ourselves": tr("3. What can you do &yourselves?"),
        "need_help": tr("4. Where do you need he&lp?"),
    }[key]


class ReflectionForm(QWidget):
    """Four questions, four answers; :attr:`edited` when any answer changes."""

    edited = Signal()
    """An answer was typed (the page then has unsaved changes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(tr("The four questions of a local reflection, answered together with the partners."))
        intro.setProperty("muted", True)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for key in QUESTIONS:
            field = QPlainTextEdit()
            field.setObjectName(f"reflection_{key}")
            field.setTabChangesFocus(True)
            # Two lines at least: the four fit a 600-pixel-high window; a taller one gives them more.
            field.setMinimumHeight(2 * field.fontMetrics().lineSpacing() + 12)
            field.textChanged.connect(self.edited)
            caption = QLabel(question_text(key))
            caption.setBuddy(field)
            caption.setProperty("cardTitle", True)
            field.setAccessibleName(caption.text().replace("&", ""))
            layout.addWidget(caption)
            layout.addWidget(field, 1)
            self.fields[key] = field

    def set_answers(self, detail: MeetingDetail) -> None:
        self.fields["goes_well"].setPlainText(detail.reflection_goes_well)
        self.fields["can_improve"].setPlainText(detail.reflection_can_improve)
        self.fields["do_ourselves"].setPlainText(detail.reflection_do_ourselves)
        self.fields["need_help"].setPlainText(detail.reflection_need_help)

    def answers(self) -> Reflection:
        return Reflection(**{key: field.toPlainText() for key, field in self.fields.items()})
