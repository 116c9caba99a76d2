"""The app's own settings (language, default district, recent databases), shared by the app and the CLI.

Kept in a small JSON file in the user's config folder rather than QSettings, so the CLI can read them
without Qt. Window geometry, which only the UI needs, lives in QSettings.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from teamlead import APP_NAME

SETTINGS_ENV = "TEAMLEAD_SETTINGS"


def settings_path() -> Path:
    override = os.environ.get(SETTINGS_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.json"


def load() -> dict[str, Any]:
    """The saved settings; an unreadable or damaged file counts as none (they are only preferences)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(values: dict[str, Any]) -> None:
    """Write atomically, so a crash never leaves half a settings file."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(values, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)


def update(**changes: Any) -> dict[str, Any]:
    values = load()
    values.update(changes)
    save(values)
    return values
