"""Audiences: a city-audience file never carries a value from a person's record, a note text or a comment.

Every personal field of the seed holds a sentinel. The city files are searched for all of them, in the PDF's
text and in every XML part of the workbook; the district contact sheet must hold them, so the test can fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from teamlead.data.database import Database
from teamlead.producing.produce import ReportRequest, produce
from teamlead.reporting.periods import Period
from tests.reporting.seed import Q3_FROM, Q3_TO, SENTINELS, Seeded
from tests.reports.readback import pdf_text, workbook_xml

Q3 = Period(Q3_FROM, Q3_TO)
CITY_KINDS = ("district", "roster", "agreements")


def _text(path: Path) -> str:
    return pdf_text(path) if path.suffix == ".pdf" else workbook_xml(path)


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
@pytest.mark.parametrize("kind", CITY_KINDS)
def test_city_files_hold_no_personal_value(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path, kind: str, suffix: str
) -> None:
    database, _seeded = seeded_sqlite
    target = tmp_path / f"{kind}{suffix}"
    produce(database, ReportRequest(kind, target, Q3, "city", district="Nieuw-West", as_of=Q3_TO))
    text = _text(target)
    assert "Nieuw-West" in text
    leaked = {field: value for field, value in SENTINELS.items() if value in text}
    assert leaked == {}


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_the_district_contact_sheet_does_hold_them(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path, suffix: str
) -> None:
    database, _seeded = seeded_sqlite
    target = tmp_path / f"contacts{suffix}"
    produce(database, ReportRequest("contacts", target, Q3, "district", district="Nieuw-West", as_of=Q3_TO))
    text = _text(target)
    for field in ("person name", "person phone", "person email", "person role"):
        assert SENTINELS[field] in text, field
    assert "Geuzenveld" in text


def test_the_district_register_shows_comments_and_who_is_responsible(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    database, _seeded = seeded_sqlite
    target = tmp_path / "agreements.pdf"
    produce(database, ReportRequest("agreements", target, Q3, "district", district="Nieuw-West"))
    text = pdf_text(target)
    assert SENTINELS["status comment"] in text
    assert SENTINELS["person name"] in text


def test_the_district_source_never_names_personal_columns() -> None:
    """Structural guard: the city gatherers do not mention a person's table, a note's text or comments."""
    import inspect

    from teamlead.reporting import district, facts, network

    for module in (district, facts, network):
        source = inspect.getsource(module)
        for forbidden in ("Person", "Role", "Note.text", ".comment", "remarks", "minutes"):
            assert forbidden not in source, (module.__name__, forbidden)


def test_a_file_for_the_district_is_for_its_owner_only_one_for_the_city_as_the_umask_says(
    seeded_sqlite: tuple[Database, Seeded], tmp_path: Path
) -> None:
    """Every kind, format and audience of the registry: a district file may name people, so only its owner
    may read it (0600); a city file is safe to forward and gets the permissions of any new file."""
    import os
    import stat

    from teamlead.producing.registry import REPORT_KINDS

    database, seeded = seeded_sqlite
    umask = os.umask(0o022)
    os.umask(umask)
    meeting = next(iter(seeded.meetings.values()))
    modes = {}
    for kind in REPORT_KINDS:
        for suffix in kind.suffixes:
            for audience in kind.audiences:
                target = tmp_path / f"{kind.key}-{audience}{suffix}"
                request = ReportRequest(
                    kind.key, target, Q3, audience, district="Nieuw-West", meeting_id=meeting, as_of=Q3_TO
                )
                produce(database, request)
                modes[target.name] = stat.S_IMODE(target.stat().st_mode)
    expected = {name: 0o600 if "-district." in name else 0o666 & ~umask for name in modes}
    assert modes == expected
    assert {"contacts-district.pdf", "meeting-district.xlsx", "district-city.pdf"} <= set(modes)
