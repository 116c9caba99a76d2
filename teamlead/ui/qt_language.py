"""Qt's own texts in the app's language: the standard buttons (OK, Cancel, Save, Discard, Yes, No), the file
dialogs and the message boxes come from Qt, which ships their translations as ``qtbase_<language>.qm`` in
PySide6's translations folder. One translator on the application, swapped when the language changes; English
needs none (Qt's source texts are English)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from teamlead.i18n import current_language

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def apply_qt_language(language: str | None = None) -> bool:
    """Install Qt's translation for ``language`` (default: the app's current one) on the application,
    replacing the one installed before; True when one is installed. Widgets made afterwards read in it (the
    main window rebuilds itself on a language switch)."""
    app = QCoreApplication.instance()
    language = language or current_language()
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    if app is None or language == "en":
        return False
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", qt_translations_folder()):
        log.warning("Qt's translation qtbase_%s is not in %s", language, qt_translations_folder())
        return False
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return True


def app_locale(language: str | None = None) -> QLocale:
    """The QLocale of ``language`` (default: the app's current one), for what Qt itself names in it: month
    and day names in a calendar. Dutch as in the Netherlands; English as in Britain, which writes the day
    before the month as the Netherlands do. The week starts on Monday in both."""
    if (language or current_language()) == "nl":
        return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
