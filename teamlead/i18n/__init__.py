"""Translation of user-facing text (UI, CLI messages, report text) between English and Dutch.

Source strings are English; Dutch comes from the catalogues in :mod:`teamlead.i18n.catalogues`, one module per
area (``cli``, ``services``, ``ui``, ...), each defining ``NL: dict[str, str]``. A test checks that every string
passed to :func:`tr` in the code has a Dutch entry, so neither language is ever incomplete.
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil
from functools import cache

LANGUAGES = ("nl", "en")
_current = "en"


@cache
def catalogue() -> dict[str, str]:
    """All Dutch translations, merged from every catalogue module."""
    from teamlead.i18n import catalogues

    merged: dict[str, str] = {}
    for info in pkgutil.iter_modules(catalogues.__path__):
        module = importlib.import_module(f"{catalogues.__name__}.{info.name}")
        merged.update(getattr(module, "NL", {}))
    return merged


def system_language() -> str:
    """``nl`` when the system locale is Dutch, else ``en``."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    code = locale.getlocale()[0] or ""
    return "nl" if code.lower().startswith(("nl", "dutch")) else "en"


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _current = language


def current_language() -> str:
    return _current


def tr(text: str, /, **values: object) -> str:
    """``text`` in the current language, with ``{name}`` fields filled from ``values``."""
    if _current == "nl":
        text = catalogue().get(text, text)
    return text.format(**values) if values else text
