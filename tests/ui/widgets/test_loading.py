"""A list's first load says "Loading…" in place of its rows and its count, never a false "0 of 0"; once the
rows are in, the note is gone and the count is the database's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.models import Agreement, Meeting, Organisation, Person
from teamlead.ui.agreements.view import AgreementsView
from teamlead.ui.context import AppContext
from teamlead.ui.meetings.view import MeetingsView
from teamlead.ui.partners.view import PartnersView
from teamlead.ui.people.view import PeopleView
from tests.ui.agreements.test_register import fill
from tests.ui.conftest import TODAY

VIEWS: dict[str, tuple[Callable[[AppContext], QWidget], Any, str, str]] = {
    "agreements": (AgreementsView, Agreement, "summary", "of {n} agreements"),
    "meetings": (MeetingsView, Meeting, "summary", "1 of {n} meetings"),  # the one upcoming, of all
    "partners": (PartnersView, Organisation, "count_label", "{n} partners"),
    "people": (PeopleView, Person, "count_label", "{n} person"),
}


@pytest.mark.parametrize("name", list(VIEWS))
def test_the_first_load_says_loading_until_the_rows_are_in(
    qtbot: QtBot, sqlite_database: Database, name: str
) -> None:
    fill(sqlite_database)
    make, table, count_label, count_words = VIEWS[name]
    context = AppContext(sqlite_database, today=TODAY)
    with sqlite_database.session() as session:
        total = session.scalar(select(func.count()).select_from(table))
    assert total
    errors: list[str] = []
    context.tasks.error_reporter = errors.append
    view = make(context)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    count = getattr(view, count_label)
    assert isinstance(count, QLabel)
    note = view.loading.label  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.loaded, timeout=10_000):  # type: ignore[attr-defined]
        view.show()
        assert note.isVisible()  # the read runs in the background: its rows are not in yet
        assert note.text() == "Loading…"
        assert count.text() == "Loading…"
    assert not note.isVisible()
    assert count_words.format(n=total) in count.text()
    context.tasks.shutdown(wait=True)
    assert errors == []
