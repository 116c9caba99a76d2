"""Every registered report kind is complete: a writer for each format, a title in both languages, a place on
the Reports screen and on the command line. Adding a kind to the registry without one of these fails here."""

from __future__ import annotations

import inspect
from datetime import date
from pathlib import Path
from typing import Any, get_type_hints

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from teamlead.cli import main
from teamlead.data.database import Database
from teamlead.i18n import set_language
from teamlead.producing import consolidate, gathering
from teamlead.producing.produce import ReportRequest
from teamlead.producing.registry import REPORT_KINDS, Format, Option, ReportKind, format_title
from teamlead.reporting import model
from teamlead.rules.vocabulary import Audience
from teamlead.ui.context import AppContext
from teamlead.ui.reports.view import ReportsView

KINDS = [pytest.param(kind, id=kind.key) for kind in REPORT_KINDS]


def _gathers(kind: ReportKind) -> Any:
    """The type the kind's gather function returns (its annotations name types imported only for mypy)."""
    names = {**vars(model), "Session": Session, "ReportRequest": ReportRequest}
    return get_type_hints(kind.gather.resolve(), globalns=vars(gathering), localns=names)["return"]


def _takes(form: Format) -> Any:
    writer = form.writer()
    first = next(iter(inspect.signature(writer).parameters))
    return get_type_hints(writer)[first]


def test_the_registry_holds_todays_kinds_once() -> None:
    keys = [kind.key for kind in REPORT_KINDS]
    assert len(keys) == len(set(keys))
    assert {"district", "roster", "contacts", "agreements", "meeting"} <= set(keys)


@pytest.mark.parametrize("kind", KINDS)
def test_each_format_has_a_writer_for_what_the_kind_gathers(kind: ReportKind) -> None:
    assert kind.formats, f"{kind.key} has no format"
    assert len(set(kind.suffixes)) == len(kind.suffixes)
    gathered = _gathers(kind)
    for form in kind.formats:
        assert form.suffix.startswith(".")
        assert form.suffix == form.suffix.lower()
        assert callable(form.writer()), f"{kind.key} {form.suffix}: {form.module}.{form.function}"
        assert _takes(form) is gathered, f"{kind.key} {form.suffix} writes another kind of data"


@pytest.mark.parametrize("kind", KINDS)
def test_audiences_and_options_are_those_of_the_interface(kind: ReportKind) -> None:
    assert kind.audiences
    assert len(set(kind.audiences)) == len(kind.audiences)
    assert set(kind.audiences) <= set(Audience)
    assert kind.takes <= set(Option)
    if Audience.CITY in kind.audiences:  # safe to forward: never about one meeting and its people
        assert Option.MEETING not in kind.takes


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_and_format_has_a_title_in_both_languages(kind: ReportKind) -> None:
    english = kind.title()
    assert english
    assert english != kind.key
    set_language("nl")
    try:
        dutch = kind.title()
        assert dutch != english, f"no Dutch title for {english!r}"
        assert dutch != kind.key
        assert all(format_title(form.suffix) != form.suffix for form in kind.formats)
    finally:
        set_language("en")
    assert all(format_title(form.suffix) != form.suffix for form in kind.formats)


def test_the_city_overview_has_a_title_and_its_writers() -> None:
    english = consolidate.title()
    set_language("nl")
    try:
        assert consolidate.title() != english, f"no Dutch title for {english!r}"
    finally:
        set_language("en")
    for form in consolidate.FORMATS:
        assert _takes(form) is model.Consolidation


@pytest.fixture
def view(qtbot: QtBot, sqlite_database: Database) -> ReportsView:
    view = ReportsView(AppContext(sqlite_database, today=date(2026, 10, 15)))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.show()
    return view


def _items(combo: Any) -> list[tuple[str, Any]]:
    return [(combo.itemText(index), combo.itemData(index)) for index in range(combo.count())]


def test_the_reports_screen_offers_every_kind_with_its_formats_and_audiences(view: ReportsView) -> None:
    assert [data for _, data in _items(view.kind)] == [kind.key for kind in REPORT_KINDS]
    for kind in REPORT_KINDS:
        view.kind.setCurrentIndex(view.kind.findData(kind.key))
        assert view.kind.currentText() == kind.title()
        assert [data for _, data in _items(view.format)] == list(kind.suffixes), kind.key
        assert [data for _, data in _items(view.audience)] == list(kind.audiences), kind.key
        assert view.audience.currentData() == kind.audiences[0]
        assert view.audience.isEnabled() == (len(kind.audiences) > 1), kind.key
        assert view.meeting.isEnabled() == (Option.MEETING in kind.takes), kind.key
        assert view.request(Path("x.pdf")).kind == kind.key


def test_the_command_line_offers_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    for kind in REPORT_KINDS:
        assert kind.key in out
        assert all(form.suffix in out for form in kind.formats)
