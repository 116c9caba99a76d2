"""The sections of the sidebar, in order: what each is called inside the app, and how to build its view.

A section is a view class constructed as ``View(context, parent=None)`` with a ``title()`` (see
:mod:`teamlead.ui.context`). Imports happen when the window is built, not when this module is imported, so
start-up loads only what it shows. Meetings, Agreements and Reports join here when their issues land.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from teamlead.ui.context import AppContext


@dataclass(frozen=True)
class Section:
    """One entry of the sidebar: a stable key (remembered as the last section) and its view's factory."""

    key: str
    factory: Callable[[AppContext], QWidget]
    shortcut: str = ""
    """An extra shortcut besides Ctrl+<position> (Who to call has one of its own, for a crisis)."""


def _dashboard(context: AppContext) -> QWidget:
    from teamlead.ui.dashboard.view import DashboardView

    return DashboardView(context)


def _partners(context: AppContext) -> QWidget:
    from teamlead.ui.partners.view import PartnersView

    return PartnersView(context)


def _who_to_call(context: AppContext) -> QWidget:
    from teamlead.ui.whotocall.view import WhoToCallView

    return WhoToCallView(context)


def _meetings(context: AppContext) -> QWidget:
    from teamlead.ui.meetings.view import MeetingsView

    return MeetingsView(context)


def sections() -> tuple[Section, ...]:
    """The sections the app has, in sidebar order."""
    return (
        Section("dashboard", _dashboard),
        Section("partners", _partners),
        Section("whotocall", _who_to_call, "Ctrl+Shift+W"),
        Section("meetings", _meetings),
    )
