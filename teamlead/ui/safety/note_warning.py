"""The warning under a note's text when it seems to hold a resident's BSN or date of birth."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QBoxLayout, QLabel, QPlainTextEdit

DELAY_MS = 300  # look once typing pauses, not at every keystroke


class PersonalDataWarning(QLabel):
    """Hidden until the watched text looks like it holds personal data; then says what and why."""

    def __init__(self, text: QPlainTextEdit) -> None:
        super().__init__()
        self.setObjectName("personalDataWarning")
        self.setWordWrap(True)
        self.setStyleSheet("color: #8a4b00; background: #fff4d6; padding: 6px; border-radius: 3px;")
        self.hide()
        self._text = text
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.check)
        text.textChanged.connect(self._timer.start)

    def check(self) -> None:
        from teamlead.services.personal_data import personal_data_warning

        warning = personal_data_warning(self._text.toPlainText())
        self.setText(warning or "")
        self.setVisible(warning is not None)
        self.setAccessibleDescription(warning or "")


def attach_personal_data_warning(text: QPlainTextEdit, layout: QBoxLayout) -> PersonalDataWarning:
    """Put the warning below the form in ``layout``; it watches ``text`` by itself."""
    label = PersonalDataWarning(text)
    layout.addWidget(label)
    return label
