"""Screenshots of meetings as a person makes them, for :mod:`scripts.screenshots`: the New meeting dialog,
filled in as a team lead would, and the invitee editor of the next network meeting. Neither is saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from teamlead.ui.main_window import MainWindow
    from teamlead.ui.meetings.view import MeetingsView

Wait = Callable[..., None]


def _meetings(window: MainWindow, wait_until: Wait) -> MeetingsView:
    from teamlead.ui.meetings.view import MeetingsView

    window.go_to_section("meetings")
    view = window.current_view()
    assert isinstance(view, MeetingsView)
    wait_until(lambda: view.is_loaded and not window.context.tasks.busy)
    return view


def _new_meeting(wait_until: Wait) -> Callable[[MainWindow], QWidget | None]:
    def go(window: MainWindow) -> QWidget | None:
        from datetime import date

        from PySide6.QtCore import QTime

        view = _meetings(window, wait_until)
        view.show_list()
        window.actions_by_name["new_meeting"].trigger()
        wait_until(
            lambda: getattr(view, "meeting_dialog", None) is not None and view.meeting_dialog.isVisible()
        )
        dialog = view.meeting_dialog
        dialog.kind.setCurrentIndex(dialog.kind.findData("partner"))
        dialog.title_edit.setText("Kennismaking nieuwe wijkagent Slotermeer")
        dialog.day.set_value(date(2026, 3, 12))
        dialog.start_time.setTime(QTime(10, 0))
        dialog.end_time.setTime(QTime(11, 0))
        dialog.location.setText("Politiebureau Meer en Vaart, Meer en Vaart 290")
        partners = [label for label in dialog.invitees.offered() if label.startswith("Politie basisteam")]
        people = [label for label in dialog.invitees.offered() if "(Jongerenwerk" in label]
        for label in [*partners[:1], *people[:1]]:
            dialog.invitees.pick_label(label)
        return dialog

    return go


def _invitee_editor(wait_until: Wait) -> Callable[[MainWindow], QWidget | None]:
    def go(window: MainWindow) -> QWidget | None:
        from datetime import datetime

        from teamlead.rules.clock import AMSTERDAM

        view = _meetings(window, wait_until)
        now = datetime(2026, 3, 2, 12, 0, tzinfo=AMSTERDAM)
        upcoming = [
            row
            for row in view.visible_rows()
            if row.kind == "network" and row.starts > now and row.series_id is not None and row.partners
        ]
        chosen = min(upcoming, key=lambda row: row.starts)  # the next one
        window.context.open_record.emit("meeting", chosen.id)
        page = view.page
        wait_until(lambda: page.meeting_id == chosen.id and not window.context.tasks.busy)
        page.invitees_button.click()
        wait_until(
            lambda: getattr(view, "invitees_dialog", None) is not None and view.invitees_dialog.isVisible()
        )
        dialog = view.invitees_dialog
        dialog.invitees.list.setCurrentRow(dialog.invitees.list.count() - 1)
        dialog.and_later.setChecked(True)
        return dialog

    return go


def meeting_shots(shot: Any, wait_until: Wait) -> tuple[Any, ...]:
    """The shots, made with the screenshot script's own ``Shot`` and ``wait_until``."""
    return (
        shot("new-meeting", _new_meeting(wait_until)),
        shot("invitee-editor", _invitee_editor(wait_until)),
    )
