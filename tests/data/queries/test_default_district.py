"""The user's default district is kept by id, per database: a rename keeps it, a merge follows it, another
database has its own, and the name an earlier version kept is converted once."""

from __future__ import annotations

import json
import os
from pathlib import Path

from teamlead.data.database import Database
from teamlead.data.models import District, Meta
from teamlead.data.queries.default_district import (
    DefaultDistrict,
    database_id,
    default_district,
    district_for_user,
    save_default_district,
    user_default_district_id,
)
from teamlead.data.queries.districts import MERGED_PREFIX
from teamlead.rules import settings
from teamlead.services import geography
from tests.services.conftest import NOW


def _two_districts(database: Database) -> tuple[str, int, int]:
    with database.begin() as session:
        noord = geography.add_district(session, "Noord", now=NOW)
        centrum = geography.add_district(session, "Centrum", now=NOW)
        own = database_id(session)
    assert own is not None
    return own, noord, centrum


def test_the_default_district_survives_a_rename_and_a_merge(database: Database) -> None:
    own, noord, centrum = _two_districts(database)
    with database.session() as session:
        assert default_district(session) == DefaultDistrict(own, None)
        assert district_for_user(session) is None  # two districts and no default: none
    save_default_district(DefaultDistrict(own, noord))
    assert settings.load().default_districts == {own: noord}
    with database.begin() as session:
        geography.rename_district(session, noord, "Amsterdam-Noord", expected_version=1, now=NOW)
    with database.session() as session:
        assert user_default_district_id(session) == noord
        assert district_for_user(session) == noord
    # A merge of Noord into Centrum, as the geography service records it: the old row goes, the key stays.
    with database.begin() as session:
        session.add(Meta(key=f"{MERGED_PREFIX}{noord}", value=str(centrum)))
        session.delete(session.get(District, noord))
    with database.session() as session:
        assert user_default_district_id(session) == centrum
        assert district_for_user(session) == centrum
        assert district_for_user(session, chosen=noord) == noord  # a chosen one is never second-guessed


def test_each_database_keeps_its_own_default(database: Database, tmp_path: Path) -> None:
    from teamlead.data.database import open_database

    own, noord, _centrum = _two_districts(database)
    save_default_district(DefaultDistrict(own, noord))
    other = open_database(tmp_path / "other.sqlite3")
    try:
        with other.begin() as session:
            geography.add_district(session, "Noord", now=NOW)
            geography.add_district(session, "West", now=NOW)
            assert database_id(session) != own
            assert user_default_district_id(session) is None
    finally:
        other.dispose()


def test_the_name_an_earlier_version_kept_is_converted_once(database: Database) -> None:
    own, noord, _centrum = _two_districts(database)
    path = Path(os.environ[settings.SETTINGS_ENV])
    path.write_text(json.dumps({"language": "nl", "default_district": "noord"}), encoding="utf-8")
    with database.session() as session:
        assert user_default_district_id(session) == noord
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["default_districts"] == {own: noord}
    assert "default_district" not in saved
    assert saved["language"] == "nl"
