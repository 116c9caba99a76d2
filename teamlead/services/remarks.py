"""Remarks kept on a partner or a person: free text, where a roster's Opmerkingen/Notes cells go.

A remark is not a contact moment (``shared/interface.md``, "Import"): it counts in no figure and leaves the
stay-in-touch state as it was. An imported remark is appended as a line ``YYYY-MM-DD: text`` (the day of the
import) unless the same text is already there, so importing the same roster again changes nothing.
"""

from __future__ import annotations

import re
from datetime import date


def holds_remark(remarks: str, text: str) -> bool:
    """Whether ``text`` is already in ``remarks``: as a whole line, or after a line's ``DATE: ``, up to the
    line's end (a short text inside another remark's words does not count)."""
    text = text.strip()
    if not text:
        return True
    pattern = re.compile(rf"(?:^|\n|: ){re.escape(text)}(?:$|\n)")
    return pattern.search(remarks) is not None


def with_remark(remarks: str, text: str, day: date) -> str:
    """``remarks`` with ``text`` appended as ``DAY: text`` on a line of its own, unless it holds it already."""
    if holds_remark(remarks, text):
        return remarks
    line = f"{day.isoformat()}: {text.strip()}"
    return f"{remarks.rstrip()}\n{line}" if remarks.strip() else line
