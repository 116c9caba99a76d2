"""A domain, a status and a kind read the same on screen and in reports, in each language."""

from __future__ import annotations

import pytest

from teamlead.i18n import set_language
from teamlead.rules import words


@pytest.mark.parametrize(
    ("language", "stored", "shown"),
    [
        ("en", "Social", "Social"),
        ("en", "Sociaal", "Social"),
        ("nl", "Social", "Sociaal"),
        ("nl", "Sociaal", "Sociaal"),
        ("en", "Jeugd en gezin", "Jeugd en gezin"),
    ],
)
def test_a_default_domain_under_its_default_name_follows_the_language(
    language: str, stored: str, shown: str
) -> None:
    set_language(language)
    assert words.domain_name("social", stored) == shown


def test_a_renamed_default_domain_keeps_its_new_name() -> None:
    set_language("en")
    assert words.domain_name("social", "Sociaal werk") == "Sociaal werk"
    assert words.default_domain_name("social") == "Social"
    assert words.default_domain_name("sport") is None


def test_every_stored_value_has_a_word_in_both_languages() -> None:
    from teamlead.rules.vocabulary import (
        AgreementStatus,
        Attendance,
        MeetingKind,
        NoteKind,
        OrganisationStatus,
    )

    for language in ("en", "nl"):
        set_language(language)
        for value, word in (
            *((v, words.agreement_status(v)) for v in AgreementStatus),
            *((v, words.attendance(v)) for v in Attendance),
            *((v, words.meeting_kind(v)) for v in MeetingKind),
            *((v, words.note_kind(v)) for v in NoteKind),
            *((v, words.organisation_status(v)) for v in OrganisationStatus),
        ):
            assert word, (language, value)
            assert word != str(value), (language, value)
