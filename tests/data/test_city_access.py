"""The city's report without the city's eyes on notes: a city user's district workbook equals the owner's
city-audience workbook cell by cell, made through the city's views and counting functions, while the city
user's own connection reads no note, person, invitee or search-index row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from teamlead.cli import main
from teamlead.data.access.city import SCHEMA, VIEWS, is_city_user
from teamlead.data.access.names import Group, database_prefix, user_role
from teamlead.data.database import Database, open_database
from teamlead.data.models import Domain, Neighbourhood
from teamlead.demo import generate_demo
from teamlead.errors import UsageError
from teamlead.producing import gathering
from teamlead.producing.produce import ReportRequest, produce
from teamlead.reporting.model import DistrictReport
from teamlead.reporting.periods import Period, last_full_quarter, quarter_of
from teamlead.rules.clock import AMSTERDAM
from teamlead.services import geography, notes, organisations, users
from teamlead.services.organisations import OrganisationInput
from tests.access_world import drop_roles, unique_database
from tests.conftest import postgres_server_url

pytestmark = pytest.mark.postgres

TODAY = datetime.now(AMSTERDAM).date()
"""The counting functions count up to the server's today, so the demo is dated around the real one."""


@dataclass(frozen=True)
class CityWorld:
    owner: Database
    city: Database
    lead: Database
    """The district's team lead."""
    district: str


@pytest.fixture(scope="module")
def world() -> Iterator[CityWorld]:
    server = postgres_server_url()
    if server is None:
        pytest.skip("PostgreSQL tests need TEAMLEAD_TEST_POSTGRES_URL")
    prefix = None
    for url in unique_database(server):
        owner = open_database(url)
        try:
            generate_demo(owner, "small", 1, TODAY)
            _a_partner_serving_the_next_district_signalled_there(owner)
            users.add_user(owner, "town", Group.CITY, [], None)
            with owner.engine.connect() as connection:
                prefix = database_prefix(connection)
                district_id, district = connection.execute(
                    text("SELECT id, name FROM district ORDER BY id LIMIT 1")
                ).one()
            users.add_user(owner, "lead", Group.TEAMLEAD, [district_id], None)
            city = open_database(url.set(username=user_role(prefix, "town"), password=None), create=False)
            lead = open_database(url.set(username=user_role(prefix, "lead"), password=None), create=False)
            try:
                yield CityWorld(owner, city, lead, str(district))
            finally:
                city.dispose()
                lead.dispose()
        finally:
            owner.dispose()
    if prefix is not None:
        drop_roles(server, prefix)


def _a_partner_serving_the_next_district_signalled_there(owner: Database) -> None:
    """A partner of the demo's district that also serves a neighbourhood of Noord, named only by a signal seen
    there last quarter: Noord's work, which the district's team lead cannot read, so the district's report
    must not count the partner as contacted for anyone."""
    with owner.begin() as session:
        district, home = session.execute(
            select(Neighbourhood.district_id, Neighbourhood.id).order_by(Neighbourhood.id).limit(1)
        ).one()
        noord = geography.add_district(session, "Noord")
        oud_noord = geography.add_neighbourhood(session, noord, "Oud-Noord")
        care = session.scalar(select(Domain.id).where(Domain.key == "care"))
        quarter = last_full_quarter(TODAY)
        partner = organisations.add_organisation(
            session,
            OrganisationInput(
                name="Jeugdzorg Over Het IJ",
                district_id=district,
                domain_id=care,
                neighbourhood_ids=[home, oud_noord],
                joined_on=quarter.start - timedelta(days=400),
            ),
            today=TODAY,
        )
        notes.log_note(
            session,
            notes.NoteInput(
                kind="signal",
                text="Zorgen over een jongere bij het pontje",
                organisation_ids=[partner],
                neighbourhood_id=oud_noord,
                occurred_on=quarter.start + timedelta(days=10),
            ),
            today=TODAY,
        )


def _cells(path: Path) -> dict[str, list[list[object]]]:
    workbook = load_workbook(path)
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        sheets[sheet.title] = [row for row in rows if row[:1] != ["generated_at"]]
    return sheets


def _workbook(database: Database, period: Period, target: Path, made_at: datetime, district: str) -> Path:
    request = ReportRequest("district", target, period, "city", district=district)
    return produce(database, request, generated_at=made_at)


@pytest.mark.parametrize("which", ["last full quarter", "this quarter"])
def test_the_city_users_workbook_equals_the_owners_cell_by_cell(
    world: CityWorld, tmp_path: Path, which: str
) -> None:
    period = last_full_quarter(TODAY) if which == "last full quarter" else quarter_of(TODAY)
    made_at = datetime.now(AMSTERDAM).replace(microsecond=0)
    mine = _cells(_workbook(world.owner, period, tmp_path / "owner.xlsx", made_at, world.district))
    theirs = _cells(_workbook(world.city, period, tmp_path / "city.xlsx", made_at, world.district))
    assert list(theirs) == list(mine)
    for sheet, rows in mine.items():
        assert theirs[sheet] == rows, sheet
    assert _cells(_workbook(world.lead, period, tmp_path / "lead.xlsx", made_at, world.district)) == theirs
    summary = {row[0]: row[1] for row in mine["Summary"] if row and row[0]}
    for key in ("contact_moments", "signals", "meetings_held"):  # counted from the demo, not an empty report
        value = summary[key]
        assert isinstance(value, int)
        assert value > 0, key


READS_NOTHING = (
    "note",
    "person",
    "invitee",
    "note_organisation",
    "note_person",
    "signal_round",
    "signal_ask",
    "role",
    "key_contact",
    "audit_entry",
    "search_note",
    "search_person",
    "search_organisation",
    "search_role",
)


@pytest.mark.parametrize("table", READS_NOTHING)
def test_the_city_user_reads_no_note_and_no_person_by_raw_sql(world: CityWorld, table: str) -> None:
    with world.owner.engine.connect() as connection:
        assert connection.scalar(text(f"SELECT count(*) FROM public.{table}"))  # there is something to hide
    with world.city.engine.connect() as connection:
        refused = ""
        try:
            rows = connection.scalar(text(f"SELECT count(*) FROM public.{table}"))
        except DBAPIError as error:
            refused, rows = str(error.orig), 0
    assert rows == 0
    assert refused == "" or "permission denied" in refused


def test_only_the_city_user_takes_the_city_path(world: CityWorld) -> None:
    with world.owner.engine.connect() as connection:
        assert not is_city_user(connection)
    with world.city.engine.connect() as connection:
        assert is_city_user(connection)


def test_the_city_views_hold_the_city_columns_only(world: CityWorld) -> None:
    with world.city.engine.connect() as connection:
        for view, columns in VIEWS.items():
            shown = connection.execute(text(f"SELECT * FROM {SCHEMA}.{view} LIMIT 0")).keys()
            assert tuple(shown) == columns
        assert connection.scalar(text(f"SELECT count(*) FROM {SCHEMA}.meeting")) > 0
        with pytest.raises(DBAPIError, match="minutes"):
            connection.execute(text(f"SELECT minutes FROM {SCHEMA}.meeting"))


@pytest.mark.parametrize(
    ("first", "last"), [(date(2026, 1, 1), date(2026, 2, 15)), (date(2026, 1, 2), date(2026, 3, 31))]
)
def test_the_counting_functions_refuse_anything_but_whole_quarters(
    world: CityWorld, first: date, last: date
) -> None:
    with world.city.engine.connect() as connection:
        for function in ("notes", "contacted", "signals", "attendance", "meeting_links"):
            with pytest.raises(DBAPIError, match="whole quarters only"):
                connection.execute(
                    text(f"SELECT * FROM {SCHEMA}.{function}(1, :f, :l)"), {"f": first, "l": last}
                )
            connection.rollback()


def test_nobody_but_the_city_group_may_count(world: CityWorld) -> None:
    with world.owner.engine.connect() as connection:
        granted = connection.scalars(
            text(
                "SELECT DISTINCT r.rolname FROM pg_proc AS p CROSS JOIN LATERAL aclexplode(p.proacl) AS a "
                "JOIN pg_roles AS r ON r.oid = a.grantee WHERE p.pronamespace = CAST(:s AS regnamespace) "
                "AND a.privilege_type = 'EXECUTE' AND r.oid <> p.proowner"
            ),
            {"s": SCHEMA},
        ).all()
    assert len(granted) == 1
    assert granted[0].endswith("_city")


def test_a_city_user_is_told_to_take_whole_quarters_and_the_city_audience(
    world: CityWorld, tmp_path: Path
) -> None:
    quarter = last_full_quarter(TODAY)
    with pytest.raises(UsageError, match="whole quarters only"):
        _workbook(
            world.city,
            Period(quarter.start, quarter.end.replace(day=1)),
            tmp_path / "a.xlsx",
            datetime.now(AMSTERDAM),
            world.district,
        )
    request = ReportRequest("district", tmp_path / "b.xlsx", quarter, "district", district=world.district)
    with pytest.raises(UsageError, match="city audience only"):
        produce(world.city, request)
    assert not (tmp_path / "a.xlsx").exists()
    assert not (tmp_path / "b.xlsx").exists()


def _gathered(database: Database, period: Period, made_at: datetime, district: str) -> DistrictReport:
    request = ReportRequest("district", Path("report.pdf"), period, "city", district=district)
    with database.session() as session:
        return gathering.district_report(session, request, made_at)


def test_the_city_users_whole_report_equals_the_owners_network_map_included(world: CityWorld) -> None:
    """The workbook has no network map; the PDF's map (nodes, links, their weights) is equal too."""
    made_at = datetime.now(AMSTERDAM).replace(microsecond=0)
    period = last_full_quarter(TODAY)
    mine = _gathered(world.owner, period, made_at, world.district)
    theirs = _gathered(world.city, period, made_at, world.district)
    assert mine.network_map is not None
    assert theirs.network_map is not None
    assert theirs.network_map.links == mine.network_map.links
    assert theirs.network_map.nodes == mine.network_map.nodes
    assert any(link.meetings for link in mine.network_map.links)
    assert theirs == mine


def test_teamlead_report_district_as_a_city_user_writes_the_owners_workbook(
    world: CityWorld, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    city = world.city.url.render_as_string(hide_password=False)
    owner = world.owner.url.render_as_string(hide_password=False)
    for who, url in (("city", city), ("owner", owner)):
        argv = [
            "--database",
            url,
            "report",
            "district",
            "-o",
            str(tmp_path / f"{who}.xlsx"),
            "--audience",
            "city",
            "--district",
            world.district,
        ]
        assert main(argv) == 0
    assert _cells(tmp_path / "city.xlsx") == _cells(tmp_path / "owner.xlsx")
    capsys.readouterr()
    argv = [
        "--database",
        city,
        "report",
        "district",
        "-o",
        str(tmp_path / "part.xlsx"),
        "--from",
        "2026-01-15",
    ]
    argv += ["--to", "2026-03-31", "--audience", "city", "--district", world.district]
    assert main(argv) == 2
    assert "whole quarters only (from 2026-01-15 to 2026-03-31 is not)" in capsys.readouterr().err
    assert not (tmp_path / "part.xlsx").exists()


@pytest.mark.parametrize("kind", ["roster", "agreements", "network"])
def test_a_city_user_asking_another_report_is_told_it_is_a_team_leads(
    world: CityWorld, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Their connection sees those tables empty: an empty report, exit 0, would mislead the city."""
    city = world.city.url.render_as_string(hide_password=False)
    target = tmp_path / f"{kind}.xlsx"
    argv = ["--database", city, "report", kind, "-o", str(target), "--audience", "city"]
    assert main([*argv, "--district", world.district]) == 2
    error = capsys.readouterr().err
    assert (
        f"As a city user you make the district report only: the {kind} report is made by a team lead" in error
    )
    assert not target.exists()
