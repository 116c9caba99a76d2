"""Phone numbers get one Dutch display form; malformed numbers and addresses are refused, naming the field."""

from __future__ import annotations

import pytest

from teamlead.errors import ValidationError
from teamlead.i18n import set_language
from teamlead.services.contact import normalise_email, normalise_phone


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("020 555 0123", "020 555 0123"),
        ("0205550123", "020 555 0123"),
        ("+31 20 555 0123", "020 555 0123"),
        ("0031205550123", "020 555 0123"),
        ("06-55551234", "06 5555 1234"),
        ("+31 6 5555 1234", "06 5555 1234"),
        ("088 123 4567", "088 123 4567"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_phone_numbers_get_one_display_form(written: str, shown: str) -> None:
    assert normalise_phone(written) == shown


@pytest.mark.parametrize("written", ["12", "06 5555", "bel maar", "020 555 01234 5", "+31 6 5555 12345"])
def test_malformed_phone_numbers_are_refused(written: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(written, "phone")
    assert caught.value.field == "phone"
    assert caught.value.message == f"{written.strip()} is not a valid phone number."


@pytest.mark.parametrize(
    "written", ["fatima@example.org", " a.b+c@jongerenwerk.example ", "x@sub.example.nl"]
)
def test_good_email_addresses_pass_stripped(written: str) -> None:
    assert normalise_email(written) == written.strip()


@pytest.mark.parametrize(
    "written",
    [
        "fatima",
        "fatima@",
        "@example.org",
        "fatima@example",
        "fa tima@example.org",
        "a@@example.org",
        "a..b@example.org",
        ".a@example.org",
        "a@example..org",
        "a@-example.org",
    ],
)
def test_malformed_email_addresses_are_refused(written: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_email(written)
    assert caught.value.field == "email"
    assert caught.value.message == f"{written} is not a valid e-mail address."


def test_messages_follow_the_language() -> None:
    set_language("nl")
    with pytest.raises(ValidationError, match="is geen geldig telefoonnummer"):
        normalise_phone("12")
