"""The user's own settings (language, default district, recent databases, ...), shared by the app and the CLI.

Typed: :class:`Settings` spells every key once, with its default; a value of the wrong type in the file counts
as unset. Kept in a small JSON file in the user's config folder rather than QSettings, so the CLI can read
them without Qt; keys a newer Teamlead wrote are kept as they are. Window geometry, which only the UI needs,
lives in QSettings.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_type_hints

from teamlead import APP_NAME
from teamlead.rules.files import write_text

SETTINGS_ENV = "TEAMLEAD_SETTINGS"
MAX_RECENT = 8
"""How many recent databases the File menu offers."""


@dataclass(frozen=True)
class Settings:
    language: str | None = None
    """``nl`` or ``en``; None: the system's language."""
    default_districts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    """The user's default district per database: ``teamlead_meta.database_id`` -> district id. By id, so a
    rename keeps it and a merge follows it (:func:`teamlead.data.queries.districts.current_district_id`); per
    database, because ids mean nothing in another one. The dashboard shows it, new records land in it."""
    recent_databases: tuple[str, ...] = ()
    """Most recent first; never a URL with a password."""
    backup_folder: str | None = None
    """Where automatic backups go; None: ``backups/`` beside the database."""
    retention_years: int | None = None
    """How long notes are kept; None: the default period."""
    organizer_name: str | None = None
    """The team lead's name as invitations' ORGANIZER (``teamlead calendar --invite``)."""
    organizer_email: str | None = None
    """The team lead's e-mail address as invitations' ORGANIZER; replies go there."""
    partner_language: str = "nl"
    """``nl`` or ``en``: the language of mail drafts to partners and of the files attached to them."""
    unknown: MappingProxyType[str, Any] = field(default_factory=lambda: MappingProxyType({}), compare=False)
    """Keys this version does not know (written by a newer one), kept when saving."""


_FIELDS = {f.name for f in dataclasses.fields(Settings)} - {"unknown"}
LEGACY_DEFAULT_DISTRICT = "default_district"
"""The name-based default district of earlier versions (one name for every database). Kept among the
unknown keys until :func:`set_default_district` converts it, once, for the first database that has it."""


def settings_path() -> Path:
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.json"


@cache
def _hints() -> dict[str, str]:
    """The fields' types as text, worked out once (each load checks every field against them)."""
    return {name: str(hint) for name, hint in get_type_hints(Settings).items()}


def _valid(name: str, value: Any) -> bool:
    hint = _hints()[name]
    if value is None:
        return "None" in hint
    if hint.startswith("tuple"):
        return isinstance(value, list | tuple) and all(isinstance(item, str) for item in value)
    if "Mapping" in hint:
        return isinstance(value, dict) and all(
            isinstance(key, str) and isinstance(item, int) and not isinstance(item, bool)
            for key, item in value.items()
        )
    if "int" in hint:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


def _from_json(data: dict[str, Any]) -> Settings:
    known: dict[str, Any] = {}
    for name in _FIELDS & data.keys():
        if _valid(name, data[name]):
            value = data[name]
            if isinstance(value, list):
                value = tuple(value)
            elif isinstance(value, dict):
                value = MappingProxyType(dict(value))
            known[name] = value
    unknown = {key: value for key, value in data.items() if key not in _FIELDS}
    return Settings(**known, unknown=MappingProxyType(unknown))


def load() -> Settings:
    """The saved settings; an unreadable or damaged file counts as none (they are only preferences)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    return _from_json(data) if isinstance(data, dict) else Settings()


def save(values: Settings) -> None:
    """Write atomically, so a crash never leaves half a settings file."""
    data: dict[str, Any] = dict(values.unknown)
    for name in sorted(_FIELDS):
        value = getattr(values, name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Mapping):
            value = dict(value)
        data[name] = value
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False))


def update(**changes: Any) -> Settings:
    """Change some settings and save; an unknown name is a bug (a ``TypeError``), not a silent new key.
    Settings that stay as they were are not written again (every start remembers its database)."""
    current = load()
    values = dataclasses.replace(current, **changes)
    if values != current:
        save(values)
    return values


def remember_database(name: str) -> None:
    """Put the database called ``name`` first in the recent list (the caller never passes a password)."""
    recent = [name, *(entry for entry in load().recent_databases if entry != name)][:MAX_RECENT]
    update(recent_databases=tuple(recent))


def legacy_default_district(values: Settings) -> str | None:
    """The default district's name as an earlier version kept it, when it is still there to convert."""
    name = values.unknown.get(LEGACY_DEFAULT_DISTRICT)
    return name if isinstance(name, str) and name.strip() else None


def set_default_district(database_id: str, district_id: int | None) -> Settings:
    """Keep ``district_id`` as the default district of the database ``database_id`` (None: no default, the
    dashboard shows all districts). The old name-based setting goes: it has been converted."""
    values = load()
    chosen = {key: value for key, value in values.default_districts.items() if key != database_id}
    if district_id is not None:
        chosen[database_id] = district_id
    unknown = {key: value for key, value in values.unknown.items() if key != LEGACY_DEFAULT_DISTRICT}
    values = dataclasses.replace(
        values, default_districts=MappingProxyType(chosen), unknown=MappingProxyType(unknown)
    )
    save(values)
    return values


PARTNER_LANGUAGES = ("nl", "en")


def partner_language(values: Settings) -> str:
    """The language for partners, ``nl`` when the file holds one Teamlead does not speak."""
    return values.partner_language if values.partner_language in PARTNER_LANGUAGES else "nl"
