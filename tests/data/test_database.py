from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from teamlead.data.database import Database, open_database, schema_state
from teamlead.data.geography import District, Domain
from teamlead.errors import DatabaseError


def test_a_new_database_has_the_default_domains(database: Database) -> None:
    with database.session() as session:
        keys = session.scalars(select(Domain.key).order_by(Domain.position)).all()
    assert keys == ["social", "care", "safety", "education", "housing", "informal", "municipality"]
    assert schema_state(database)[0] == "current"


def test_a_save_bumps_the_version_counter(database: Database) -> None:
    with database.begin() as session:
        district = District(name="Nieuw-West")
        session.add(district)
    with database.begin() as session:
        session.get_one(District, district.id).name = "Noord"
    with database.session() as session:
        assert session.get_one(District, district.id).version == 2
        assert session.scalar(select(func.count()).select_from(District)) == 1


def test_a_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a Teamlead database"):
        open_database(path)
    assert path.read_bytes() == before
