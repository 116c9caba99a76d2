"""Translation of user-facing text (UI, CLI messages, report text) between English and Dutch, with gettext.

Source strings are English, in the code; every other language is a ``.po`` file in
``resources/translations/<language>/LC_MESSAGES/teamlead.po`` (standard gettext, open it in Poedit), compiled
to the ``teamlead.mo`` beside it by ``make translations`` and read here by the standard library's
:mod:`gettext`. Three calls cover every text:

- :func:`tr` for a plain text,
- :func:`trn` where a count is shown ("1 partner", "3 partners"; Dutch has its own plural rule in the ``.po``),
- :func:`trp` where one English word needs two translations ("Done" as an agreement status and as a step).

A test checks that every literal text passed to these has a Dutch entry with the same ``{fields}``, so neither
language is ever incomplete.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from teamlead.resource_files import resource

LANGUAGES = ("nl", "en")
"""The languages the app speaks; English is the source, each other one has a ``.po`` under resources."""
DOMAIN = "teamlead"
_current = "en"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The translations of ``language``: the compiled ``.mo`` (missing one fails loudly), none for English."""
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=resource("translations"), languages=[language])


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


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Text in ``language`` inside the block (a mail draft for partners and its attachment), then back to the
    language before, even when the block fails."""
    global _current
    before = _current
    set_language(language)
    try:
        yield
    finally:
        _current = before


def tr(text: str, /, **values: object) -> str:
    """``text`` in the current language, with ``{name}`` fields filled from ``values``."""
    if text:  # gettext("") is the catalogue's header
        text = translations(_current).gettext(text)
    return text.format(**values) if values else text


def trn(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of ``singular``/``plural`` that the current language uses for ``count``, with ``{count}`` and
    the other fields filled: ``trn("{count} partner", "{count} partners", n)``."""
    return translations(_current).ngettext(singular, plural, count).format(count=count, **values)


def trp(context: str, text: str, /, **values: object) -> str:
    """``text`` as meant in ``context`` ("agreement status"), for an English word with two translations."""
    text = translations(_current).pgettext(context, text)
    return text.format(**values) if values else text
