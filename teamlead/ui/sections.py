"""The sections of the sidebar, in order: what each is called inside the app, and where its view lives.

A section's view is a class constructed as ``View(context, parent=None)`` with a ``title()`` (see
:mod:`teamlead.ui.context`). Its module is imported when the section is first shown, not at start-up; the
window imports the first section's module in a worker thread while the database answers, so building the
view never stalls the GUI thread on an import. Agreements and Reports join here when their issues land.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

from teamlead.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.orm import Session

    from teamlead.ui.context import AppContext


class FirstRead(NamedTuple):
    """A section's first data, read before its view exists; handed to the view's ``show_first_read``."""

    section: Section
    data: object


class Section(NamedTuple):
    """One entry of the sidebar: a stable key (remembered as the last section) and its view's class."""

    key: str
    module: str
    view_class: str
    shortcut: str = ""
    """An extra shortcut besides Ctrl+<position> (Who to call has one of its own, for a crisis)."""

    def preload(self, session: Session, context: AppContext) -> FirstRead | None:
        """Import the view's module (safe in a worker thread: it only defines classes) and, when its view has
        a ``first_read(session, context)``, read its first data on ``session``: the window builds the view
        with its rows, instead of painting it empty and asking the worker again."""
        view_class = getattr(importlib.import_module(self.module), self.view_class)
        reader = getattr(view_class, "first_read", None)
        return None if reader is None else FirstRead(self, reader(session, context))

    def factory(self, context: AppContext) -> QWidget:
        view_class = getattr(importlib.import_module(self.module), self.view_class)
        view: QWidget = view_class(context)
        return view


def sections() -> tuple[Section, ...]:
    """The sections the app has, in sidebar order."""
    return (
        Section("dashboard", "teamlead.ui.dashboard.view", "DashboardView"),
        Section("partners", "teamlead.ui.partners.view", "PartnersView"),
        Section("people", "teamlead.ui.people.view", "PeopleView"),
        Section("notes", "teamlead.ui.notes.view", "NotesView"),
        Section("whotocall", "teamlead.ui.whotocall.view", "WhoToCallView", "Ctrl+Shift+W"),
        Section("meetings", "teamlead.ui.meetings.view", "MeetingsView"),
        Section("agreements", "teamlead.ui.agreements.view", "AgreementsView"),
        Section("reports", "teamlead.ui.reports.view", "ReportsView"),
        Section("network", "teamlead.ui.network.view", "NetworkView"),
        Section("neighbourhoods", "teamlead.ui.neighbourhoods.view", "NeighbourhoodsView"),
    )


def first_section(among: tuple[Section, ...], wanted: str) -> Section:
    """The section the window opens on: the one last shown (``wanted``), else the first."""
    return next((s for s in among if s.key == wanted), among[0])


def section_title(key: str) -> str:
    """The sidebar name of a section, translated now."""
    titles = {
        "dashboard": tr("Dashboard"),
        "partners": tr("Partners"),
        "people": tr("People"),
        "notes": tr("Notes & signals"),
        "whotocall": tr("Who to call"),
        "meetings": tr("Meetings"),
        "agreements": tr("Agreements"),
        "reports": tr("Reports"),
        "network": tr("Network"),
        "neighbourhoods": tr("Neighbourhoods"),
    }
    return titles.get(key, key)
