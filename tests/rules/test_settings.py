"""Typed settings: every key spelled once, wrong types read as unset, keys of a newer version kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from teamlead.rules import settings


def test_defaults_without_a_file() -> None:
    assert settings.load() == settings.Settings()


def test_saved_values_come_back_typed() -> None:
    settings.update(language="nl", recent_databases=("a.sqlite3", "b.sqlite3"), retention_years=3)
    loaded = settings.load()
    assert loaded.language == "nl"
    assert loaded.recent_databases == ("a.sqlite3", "b.sqlite3")
    assert loaded.retention_years == 3


def test_opening_the_database_first_in_the_list_again_writes_nothing() -> None:
    """Every start remembers its database; the second start of the same one leaves the file alone (a write
    is a new file, its fsync and a rename, before the window has its data)."""
    path = Path(os.environ[settings.SETTINGS_ENV])
    settings.remember_database("a.sqlite3")
    settings.remember_database("b.sqlite3")
    written = path.stat()
    settings.remember_database("b.sqlite3")
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    settings.remember_database("a.sqlite3")
    assert path.stat().st_ino != written.st_ino
    assert settings.load().recent_databases == ("a.sqlite3", "b.sqlite3")


def test_values_of_the_wrong_type_read_as_unset_and_unknown_keys_survive() -> None:
    path = Path(os.environ[settings.SETTINGS_ENV])
    path.write_text(
        json.dumps(
            {"language": 3, "retention_years": "five", "recent_databases": [1], "from_the_future": {"x": 1}}
        ),
        encoding="utf-8",
    )
    loaded = settings.load()
    assert loaded == settings.Settings()
    settings.update(language="en")
    assert json.loads(path.read_text(encoding="utf-8"))["from_the_future"] == {"x": 1}


def test_a_damaged_file_is_no_settings() -> None:
    Path(os.environ[settings.SETTINGS_ENV]).write_text("{not json", encoding="utf-8")
    assert settings.load() == settings.Settings()


def test_a_misspelt_key_is_a_bug_not_a_new_setting() -> None:
    with pytest.raises(TypeError):
        settings.update(langauge="nl")


def test_the_default_district_is_kept_by_id_per_database_and_replaces_the_old_name() -> None:
    path = Path(os.environ[settings.SETTINGS_ENV])
    path.write_text(json.dumps({"default_district": "Nieuw-West", "default_districts": {"a": "x"}}), "utf-8")
    loaded = settings.load()
    assert loaded.default_districts == {}  # a value of the wrong type reads as unset
    assert settings.legacy_default_district(loaded) == "Nieuw-West"
    settings.set_default_district("db-1", 7)
    settings.set_default_district("db-2", 9)
    settings.set_default_district("db-2", None)
    assert settings.load().default_districts == {"db-1": 7}
    assert settings.legacy_default_district(settings.load()) is None
    assert json.loads(path.read_text(encoding="utf-8"))["default_districts"] == {"db-1": 7}
