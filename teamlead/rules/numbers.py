"""A number as a person types it or a Dutch spreadsheet writes it: ``79,5``, ``79.5``, ``1.234,5``, ``1,234.5``.

One reading for the neighbourhood page's figure field and the indicators import, so a figure means the same
wherever it is entered.
"""

from __future__ import annotations

import math


def typed_number(text: str) -> float | None:
    """The number ``text`` holds, with a decimal comma or point; None when it is no (finite) number. With both
    signs, the last one is the decimal sign and the other groups thousands."""
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        cleaned = cleaned.replace("." if decimal == "," else ",", "")
    try:
        number = float(cleaned.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None
