"""Edit ▸ Settings and Geography, and what applying the settings does to the window.

A new language re-translates the window by building it again on the section that was showing (views are cheap
to build: they load their data in the background); other settings only tell the views that settings changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teamlead.i18n import current_language, set_language
from teamlead.rules import settings
from teamlead.rules.vocabulary import Change
from teamlead.ui.qt_language import apply_qt_language

if TYPE_CHECKING:
    from teamlead.data.queries.default_district import DefaultDistrict
    from teamlead.ui.main_window import MainWindow
    from teamlead.ui.settings_dialog import SettingsDialog


def open_settings(window: MainWindow) -> SettingsDialog:
    """The settings dialog over ``window`` (not modal); accepted, its choices apply at once."""
    from teamlead.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.context, window)
    dialog.accepted.connect(lambda: apply_settings(window, dialog.language(), dialog.default_district()))
    dialog.open()
    return dialog


def open_geography(window: MainWindow) -> SettingsDialog:
    """Settings, on the tab of districts, neighbourhoods and domains."""
    dialog = open_settings(window)
    dialog.show_tab(dialog.GEOGRAPHY)
    return dialog


def apply_settings(
    window: MainWindow, language: str, default_district: DefaultDistrict | None = None
) -> None:
    """Save the settings (the default district, when given, for its database); a new language
    re-translates ``window`` at once (it is rebuilt)."""
    settings.update(language=language)
    if default_district is not None:
        settings.set_default_district(default_district.database_id, default_district.district_id)
    changed = language != current_language()
    set_language(language)
    apply_qt_language(language)
    if changed:
        window.rebuild_showing(window.section_keys()[max(window.sidebar.currentRow(), 0)])
    else:
        window.context.data_changed.emit(Change.SETTINGS)
