"""Screenshots of the safety dialogs for :mod:`scripts.screenshots`: Backups, a damaged database, a conflict.

Each dialog is shown over the demo window as a user would meet it: the Backups dialog on the demo database
after an automatic and a hand-made backup, the damaged-database question for a cut-off copy of it (with its
latest good backup offered), and two people's versions of one partner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from teamlead.ui.main_window import MainWindow


def _backups(window: MainWindow) -> QWidget | None:
    from teamlead.data.backup import backup_database
    from teamlead.startup.autobackup import AutoBackup
    from teamlead.ui.safety.backups_dialog import BackupsDialog

    database = window.context.database
    path = database.path
    assert path is not None
    backup_database(database)
    AutoBackup(path).run()
    dialog = BackupsDialog(window)
    dialog.show()
    return dialog


def _damaged(window: MainWindow) -> QWidget | None:
    from teamlead.data.integrity import inspect_sqlite, refusal
    from teamlead.startup.opening import latest_good_backup
    from teamlead.ui.safety.damaged import DamagedDialog

    path = window.context.database.path
    assert path is not None
    damaged = path.with_name("teamlead.sqlite3")
    data = path.read_bytes()
    damaged.write_bytes(data[: len(data) // 3 + 1000])
    backups = path.parent / "backups"
    for backup in backups.glob(f"{path.stem}-*{path.suffix}"):  # the demo's backups serve as this file's
        (backups / backup.name.replace(path.stem, damaged.stem, 1)).write_bytes(backup.read_bytes())
    message = refusal(str(damaged), inspect_sqlite(damaged))
    dialog = DamagedDialog(message, latest_good_backup(damaged), True, window)
    dialog.show()
    return dialog


def _conflict(window: MainWindow) -> QWidget | None:
    from teamlead.services.conflicts import partner_labels, stored_partner
    from teamlead.ui.safety.guarded import ConflictDialog

    with window.context.database.session() as session:
        theirs = stored_partner(session, 1)
    mine = dict(theirs.values)
    mine["phone"] = "020 555 0199"
    mine["description"] = (mine["description"] + " Nieuwe coördinator per 1 april.").strip()
    theirs.values["email"] = "info@buurtwerk.example"
    dialog = ConflictDialog(mine, theirs.values, partner_labels(), window)
    dialog.show()
    return dialog


def safety_shots(shot: Callable[..., Any], wait_until: Callable[..., None]) -> tuple[Any, ...]:
    """The shots, made with the caller's ``Shot`` class (``wait_until`` is not needed: all show at once)."""
    del wait_until
    return (
        shot("backups-dialog", _backups),
        shot("damaged-database", _damaged),
        shot("conflict-dialog", _conflict),
    )
