"""Phone numbers and e-mail addresses: checked, and phone numbers written in one display form.

Dutch numbers are shown the way people write them (``020 555 0123``, ``06 5555 1234``); foreign ones in
international form (``+44 20 7946 0958``). One form means the who-to-call list reads the same everywhere and
duplicates can be spotted.
"""

from __future__ import annotations

import re

import phonenumbers

from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.limits import Width

# Local part and domain as people really use them; strict enough to catch typos (no spaces, one @, a dot in
# the domain), without DNS look-ups: the app often runs offline.
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


def normalise_email(value: str | None, field: str = "email") -> str:
    """The address stripped (empty stays empty), or a :class:`ValidationError` naming the field."""
    text = (value or "").strip()
    if not text:
        return ""
    local = text.rsplit("@", 1)[0]
    if (
        len(text) > Width.EMAIL
        or not _EMAIL.match(text)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in text
    ):
        raise ValidationError(field, tr("{value} is not a valid e-mail address.", value=text))
    return text


def format_phone(number: phonenumbers.PhoneNumber) -> str:
    """Dutch numbers in national form with mobiles as ``06 1234 5678``; others in international form."""
    if number.country_code == 31:
        national = phonenumbers.national_significant_number(number)
        if national.startswith("6") and len(national) == 9:
            return f"06 {national[1:5]} {national[5:]}"
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_phone(value: str | None, field: str = "phone") -> str:
    """The number in its display form (empty stays empty), or a :class:`ValidationError` naming the field."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(field, tr("{value} is not a valid phone number.", value=text)) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, tr("{value} is not a valid phone number.", value=text))
    return format_phone(number)
