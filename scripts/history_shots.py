"""Screenshots of who changed what for :mod:`scripts.screenshots`: an agreement's history on its page and
File → Changes…, on the demo database after two colleagues each moved the agreement on.

The demo's own audit entries were written without a user (as a database upgraded from before schema 0011),
so they read "onbekend"; the two status changes are made through the services as two named users, the way
two people on a shared database would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from teamlead.ui.main_window import MainWindow

USERS = ("anna.devries", "bram.jansen")
_chosen: dict[str, int] = {}


def _two_colleagues_change_an_agreement(window: MainWindow) -> int:
    """An open agreement of the district shown, taken up by one user and finished by the other."""
    from sqlalchemy import select

    from teamlead.data.database import open_database
    from teamlead.data.models import Agreement
    from teamlead.services.agreements import change_status

    if "agreement" in _chosen:
        return _chosen["agreement"]
    database = window.context.database
    with database.session() as session:
        agreement_id = session.scalar(
            select(Agreement.id)
            .where(Agreement.status == "open", Agreement.due_on >= window.context.today())
            .order_by(Agreement.made_on.desc(), Agreement.id)
            .limit(1)
        )
    assert agreement_id is not None
    now = window.context.now()
    for minutes, (user, status, comment) in enumerate(
        (
            (USERS[0], "in_progress", "Eerste ronde gelopen"),
            (USERS[1], "done", "Afgerond in het netwerkoverleg"),
        )
    ):
        colleague = open_database(database.url)
        colleague.user_name = user
        with colleague.begin() as session:
            version = session.get_one(Agreement, agreement_id).version
            change_status(
                session,
                agreement_id,
                status,
                expected_version=version,
                comment=comment,
                now=now + timedelta(minutes=20 * (minutes + 1)),
            )
        colleague.dispose()
    _chosen["agreement"] = agreement_id
    return agreement_id


def _history(window: MainWindow) -> QWidget | None:
    from tests.ui.dialog_catalogue import wait_until

    agreement_id = _two_colleagues_change_an_agreement(window)
    window.go_to_section("agreements")  # loaded first: a done agreement then opens with the filters cleared
    wait_until(lambda: bool(window.view("agreements").is_loaded))  # type: ignore[attr-defined]
    window.context.open_record.emit("agreement", agreement_id)
    return None


def _history_ready(window: MainWindow) -> bool:
    pane = window.view("agreements").pane  # type: ignore[attr-defined]
    return bool(
        pane.detail is not None
        and pane.detail.row.id == _chosen.get("agreement")
        and pane.changes_model.rowCount() >= 3
        and not window.context.tasks.busy
    )


def _changes(window: MainWindow) -> QWidget | None:
    from teamlead.ui.history.dialog import ChangesDialog

    _two_colleagues_change_an_agreement(window)
    window.actions_by_name["changes"].trigger()
    return next(dialog for dialog in window.findChildren(ChangesDialog) if dialog.isVisible())


def _changes_ready(window: MainWindow) -> bool:
    from teamlead.ui.history.dialog import ChangesDialog

    dialogs = [dialog for dialog in window.findChildren(ChangesDialog) if dialog.isVisible()]
    return bool(dialogs and dialogs[0].model.rowCount() > 0 and not window.context.tasks.busy)


def history_shots(shot: Callable[..., Any]) -> tuple[Any, ...]:
    """The shots, made with the caller's ``Shot`` class."""
    return (
        shot("history", _history, _history_ready),
        shot("changes", _changes, _changes_ready),
    )
