"""The window follows the user's rights: one dashboard per role, and no entry the server would refuse.

The server decides (row-level security, grants); this only leaves out what cannot work for this user, so they
never meet a refusal by clicking what the app offered. Which rights they hold is read once per opened
database (:func:`~teamlead.data.access.identity.who_am_i`), beside the window's first read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMenu

from teamlead.i18n import tr
from teamlead.ui.sections import Section, sections
from teamlead.ui.users.roles import role_title

if TYPE_CHECKING:
    from teamlead.data.access.identity import Identity
    from teamlead.ui.main_window import MainWindow

CITY_SECTIONS = ("dashboard", "reports")
"""All a city user sees: their dashboard of counts, and Reports."""

RECORD_ACTIONS = (
    "log_note",
    "new_meeting",
    "new_series",
    "handover",
    "search",
    "import_roster",
    "privacy_person",
    "privacy_retention",
)
"""Menu entries that read or write persons, notes and meetings: not for the city."""


def sections_for(identity: Identity | None) -> tuple[Section, ...]:
    """The sidebar's sections for this user (every section until the rights are known)."""
    every = sections()
    if identity is None or not identity.city:
        return every
    city = tuple(
        Section("dashboard", "teamlead.ui.dashboard.city", "CityDashboardView") if s.key == "dashboard" else s
        for s in every
        if s.key in CITY_SECTIONS
    )
    return city


def apply_rights(window: MainWindow, identity: Identity | None) -> None:
    """Show, hide or disable the menu entries for this user (None: not known yet, so as on a single-user file)."""
    actions = window.actions_by_name
    administrator = identity is None or identity.administrator
    changes = actions.get("changes")
    if changes is not None:
        changes.setVisible(administrator)
    users = actions.get("users")
    if users is not None:
        users.setVisible(identity is not None and identity.administrator and identity.shared)
    if identity is not None and identity.city:
        for name in RECORD_ACTIONS:
            action = actions.get(name)
            if action is not None:
                action.setEnabled(False)
                action.setToolTip(tr("A city user reads counts and reports only, no persons or notes."))
    elif identity is not None and not (identity.may_erase and identity.may_change_retention):
        why = tr(
            "Your role may not erase persons or change the retention period: ask a team lead or your "
            "administrator. You can still see what is held about a person."
        )
        for name in ("privacy_person", "privacy_retention"):
            action = actions.get(name)
            if action is not None:
                action.setToolTip(why)
    privacy = window.findChild(QMenu, "privacyMenu")
    if privacy is not None:
        privacy.setToolTipsVisible(True)
        privacy.menuAction().setEnabled(identity is None or not identity.city)
    file_menu = window.findChild(QMenu, "fileMenu")
    if file_menu is not None:
        file_menu.setToolTipsVisible(True)
    _show_user(window, identity)


def _show_user(window: MainWindow, identity: Identity | None) -> None:
    """On a shared database, the status bar says who is logged in and in which role."""
    named = identity is not None and identity.shared and bool(identity.name)
    label = window.statusBar().findChild(QLabel, "userLabel")
    if label is None and not named:
        return  # a file of one user (or not known yet): nothing to say, no label to build
    if label is None:
        label = QLabel()
        label.setObjectName("userLabel")
        label.setContentsMargins(0, 0, 16, 0)
        window.statusBar().addPermanentWidget(label)
    label.setVisible(named)
    if identity is not None and named:
        label.setText(tr("Logged in as {name} ({role})", name=identity.name, role=role_title(identity.group)))


def adopt_identity(window: MainWindow, identity: Identity) -> bool:
    """Keep the user's rights on the window's context and show its menus accordingly; True when the sections
    differ from those shown, so the window must be built again."""
    window.context.identity = identity
    if [s.key for s in sections_for(identity)] != [s.key for s in window.sections]:
        return True
    apply_rights(window, identity)
    return False
