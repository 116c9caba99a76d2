"""The importer fed arbitrary rows, cells and bytes raises nothing but its own clear errors.

Whatever comes out of a spreadsheet (numbers where names belong, dates, NaN, control characters, text
longer than any column, headers in any order) ends in an import or a :class:`UserError`, never a traceback.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from teamlead.data.database import Database, open_database
from teamlead.errors import UserError
from teamlead.importing.apply import apply_plan
from teamlead.importing.headers import SYNONYMS, detect_layout
from teamlead.importing.plan import build_plan
from teamlead.importing.readers import Cell, Table, read_file
from teamlead.importing.session import choose_roster

HEADERS = [name for names in SYNONYMS.values() for name in names[:2]]
cells = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8"), min_size=190, max_size=400),
    st.sampled_from(
        ["Jongerenwerk", "jongerenwerk", "Jongerenwerk!", "GGD", "a@b.nl", "06 5555 1234", "x;y, z"]
    ),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(date(1900, 1, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
)
header_rows = st.lists(
    st.sampled_from([*HEADERS, "Onbekend", "", "E-MAIL", " Tel. "]), min_size=1, max_size=12
)
bodies = st.lists(st.lists(cells, max_size=12), max_size=25)


@pytest.fixture(scope="module")
def fuzz_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("fuzz") / "teamlead.sqlite3")
    try:
        yield database
    finally:
        database.dispose()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.lists(cells, max_size=3),
    header=header_rows,
    body=bodies,
    district=st.none() | st.text(max_size=20),
)
def test_arbitrary_rows_import_or_fail_clearly(
    fuzz_database: Database,
    title: list[Cell],
    header: list[Cell],
    body: list[list[Cell]],
    district: str | None,
) -> None:
    rows = [title, header, *body]
    table = Table("Blad1", [(number, row) for number, row in enumerate(rows, start=1) if row])
    layout = detect_layout(table)
    event("a header was found" if layout is not None else "no header")
    if layout is None:
        return
    refusal = None
    with fuzz_database.session() as session:
        transaction = session.begin()
        try:
            plan = build_plan(session, table, layout, district=district)
            event(f"{min(len(plan.organisations), 3)}+ organisations planned")
            assert plan.lines()[-1].startswith("organisations: ")
            apply_plan(session, plan)
            session.flush()
        except UserError as error:
            refusal = error.message
        finally:
            transaction.rollback()
    assert refusal is None or refusal.strip()


@settings(max_examples=60, deadline=None)
@given(content=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_arbitrary_bytes_are_read_or_refused(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"roster{suffix}"
        path.write_bytes(content)
        refusal = None
        try:
            choose_roster(read_file(path))
        except UserError as error:
            refusal = error.message
        assert refusal is None or refusal.startswith(f"Cannot import roster{suffix}:")


@settings(max_examples=40, deadline=None)
@given(text=st.text(st.characters(exclude_categories=("Cs",)), max_size=400))
def test_arbitrary_text_files_are_read_or_refused(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        path.write_text("Organisatie;Naam\n" + text, encoding="utf-8")
        refusal = None
        try:
            numbers = [number for number, _ in choose_roster(read_file(path)).table.rows]
            assert numbers == sorted(set(numbers))
            assert numbers[0] == 1
        except UserError as error:
            refusal = error.message
        assert refusal is None or refusal.startswith("Cannot import roster.csv:")
