"""The format of ``teamlead export`` workbooks, the one contract between the writer and the reader.

A workbook starts with the sheet ``About`` (``key``/``value`` rows, :class:`AboutKey`), then has one sheet per
table of the model, named as the table, parents before children; each header row holds the column names
(``id``, ``<kind>_id`` for links). The writer (:mod:`teamlead.reporting.export`) turns stored values into
cells with :func:`row_writer`; the reader (:mod:`teamlead.importing.export_read`) turns cells back with
:func:`cell_reader`, and a column that a workbook lacks (it was added since) takes :func:`column_default`.
Both sides live here so that they cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import partial
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    Select,
    SmallInteger,
    String,
    Table,
    Time,
    TypeDecorator,
    select,
    type_coerce,
)

from teamlead import __version__
from teamlead.data import models  # noqa: F401 - every table registered on the metadata
from teamlead.data.base import Base
from teamlead.i18n import tr
from teamlead.rules.vocabulary import (
    AgreementStatus,
    Attendance,
    AuditAction,
    MeetingKind,
    MeetingStatus,
    NoteKind,
    OrganisationStatus,
    PlaceKind,
    SignalAnswer,
)

FORMAT = "teamlead-export"
FORMAT_VERSION = 1
LOCAL_META_KEYS = ("database_id",)
LOCAL_META_PREFIX = "upgrade."
"""Facts in ``teamlead_meta`` about the database file itself (its id, what its upgrades did), not records:
an export leaves them out, and the database it is read into keeps its own."""

ABOUT = "About"
ABOUT_HEADERS = ("key", "value")
DATETIMES = "UTC"
"""Excel has no time zones: every moment is written as UTC wall-clock time, and the About sheet says so."""


class AboutKey(StrEnum):
    FORMAT = "format"
    FORMAT_VERSION = "format_version"
    TEAMLEAD_VERSION = "teamlead_version"
    SCHEMA_REVISION = "schema_revision"
    GENERATED_AT = "generated_at"
    DATETIMES = "datetimes"
    SHEETS = "sheets"


VOCABULARIES: dict[tuple[str, str], type[StrEnum]] = {
    ("organisation", "status"): OrganisationStatus,
    ("note", "kind"): NoteKind,
    ("meeting_series", "kind"): MeetingKind,
    ("meeting", "kind"): MeetingKind,
    ("meeting", "status"): MeetingStatus,
    ("invitee", "attendance"): Attendance,
    ("agreement", "status"): AgreementStatus,
    ("agreement_status_change", "from_status"): AgreementStatus,
    ("agreement_status_change", "to_status"): AgreementStatus,
    ("audit_entry", "action"): AuditAction,
    ("signal_ask", "answer"): SignalAnswer,
    ("place", "kind"): PlaceKind,
}
"""The columns that hold a word of the fixed vocabulary (:mod:`teamlead.rules.vocabulary`)."""
TIME_ZONES = frozenset({("meeting_series", "timezone")})
"""The columns that hold an IANA time zone name."""


def export_tables() -> list[Table]:
    """Every table of the model, parents before children (the order an import inserts them in)."""
    return list(Base.metadata.sorted_tables)


def headers(table: Table) -> list[str]:
    return [column.name for column in table.columns]


def about_rows(schema_revision: str | None, generated_at: datetime) -> list[tuple[str, object]]:
    values: dict[AboutKey, object] = {
        AboutKey.FORMAT: FORMAT,
        AboutKey.FORMAT_VERSION: FORMAT_VERSION,
        AboutKey.TEAMLEAD_VERSION: __version__,
        AboutKey.SCHEMA_REVISION: schema_revision or "",
        AboutKey.GENERATED_AT: generated_at.isoformat(timespec="seconds"),
        AboutKey.DATETIMES: DATETIMES,
        AboutKey.SHEETS: ", ".join(table.name for table in export_tables()),
    }
    return [(key.value, value) for key, value in values.items()]


# Writing ---------------------------------------------------------------------------------------------------

# What an .xlsx cell cannot hold as it is: a literal "_xHHHH_" (readers decode it as an escaped character), a
# carriage return (XML reads it as a line feed) and the control characters XML forbids. Each is written as the
# escape Excel and every reader decode, so the text comes back exactly as stored. Not NUL, which no database
# of ours may hold (PostgreSQL refuses it), nor the non-characters U+FFFE and U+FFFF, whose escapes readers do
# not decode: the workbook writer drops those three.
_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x01-\x08\x0b-\x1f]")


def _escape(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


def cell_text(text: str) -> str:
    """``text`` as the export writes it, so that it reads back exactly (see ``_NEEDS_ESCAPE``).

    A text of blanks alone would come back empty (its XML carries no ``xml:space``), so its first blank is
    escaped as well.
    """
    escaped = _NEEDS_ESCAPE.sub(_escape, text)
    if escaped.isspace():
        escaped = f"_x{ord(escaped[0]):04X}_{escaped[1:]}"
    return escaped


def _moment(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None)


def row_writer(table: Table) -> Callable[[Sequence[Any]], list[Any]]:
    """How a stored row of ``table`` becomes a row of cells: moments as UTC wall-clock time (a naive one is
    that already, as :func:`export_query` with ``stored_moments`` reads it), text escaped where a cell could
    not hold it (:func:`cell_text`); numbers, booleans, dates and times of day as they are."""
    moments = [index for index, column in enumerate(table.columns) if isinstance(_kind(column), DateTime)]
    texts = [index for index, column in enumerate(table.columns) if isinstance(_kind(column), String)]

    def write(row: Sequence[Any]) -> list[Any]:
        cells = list(row)
        for index in moments:
            value = cells[index]
            if value is not None and value.tzinfo is not None:
                cells[index] = _moment(value)
        for index in texts:
            value = cells[index]
            # Most text is printable, holds no "_x" and starts with no blank: two quick looks, no regex.
            if value and ("_x" in value or not value.isprintable() or value[0] == " "):
                cells[index] = cell_text(value)
        return cells

    return write


# Reading ---------------------------------------------------------------------------------------------------


class CellError(ValueError):
    """A cell that cannot be the column's value; ``reason`` says why (in the user's language, never the value)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _kind(column: Column[Any]) -> Any:
    kind = column.type
    return kind.impl_instance if isinstance(kind, TypeDecorator) else kind  # UTCDateTime: a DateTime


def column_default(column: Column[Any]) -> tuple[bool, Any]:
    """Whether ``column`` has a value when a workbook lacks it, and which: its model default, else NULL."""
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return True, getattr(default, "arg", None)
    if default is not None and getattr(default, "is_callable", False):
        return True, default.arg(None)  # type: ignore[attr-defined]  # wrapped to take a context
    if column.nullable:
        return True, None
    return False, None


def cell_reader(column: Column[Any]) -> Callable[[Any], Any]:
    """How a cell of ``column`` becomes its stored value; the function raises :class:`CellError` when the
    cell cannot be one.

    An empty cell is NULL in a nullable column and ``""`` in a text column (the export writes empty text as an
    empty cell); anywhere else it is refused.
    """
    kind = _kind(column)
    nullable, text = column.nullable, isinstance(kind, String)
    convert, reason = _conversion(kind)

    def read(value: Any) -> Any:
        if value is None or value == "":
            if nullable:
                return None
            if text:
                return ""
            raise CellError(tr("it is empty, and this column needs a value."))
        try:
            return convert(value)
        except CellError:
            raise
        except (ValueError, TypeError, OverflowError):
            raise CellError(reason()) from None

    return read


def _conversion(kind: Any) -> tuple[Callable[[Any], Any], Callable[[], str]]:
    """The conversion for a column type, and why a cell that it rejects does not fit."""
    if isinstance(kind, Boolean):
        return _boolean, lambda: tr("it is not true or false.")
    if isinstance(kind, Integer):
        largest = largest_integer(kind)
        return partial(_integer, largest), lambda: tr("it is not a whole number.")
    if isinstance(kind, DateTime):
        return _datetime, lambda: tr("it is not a date and time.")
    if isinstance(kind, Time):
        return _time_of_day, lambda: tr("it is not a time of day.")
    if isinstance(kind, Date):
        return _date, lambda: tr("it is not a date.")
    return partial(_text, getattr(kind, "length", None)), lambda: tr("it is not text.")


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    raise ValueError(value)


def largest_integer(kind: Integer) -> int:
    """What an integer column holds on PostgreSQL (``integer`` is 32 bits there). SQLite would take more, but
    a workbook reads the same into either or into neither."""
    if isinstance(kind, BigInteger):
        return 2**63 - 1
    if isinstance(kind, SmallInteger):
        return 2**15 - 1
    return 2**31 - 1


def _integer(largest: int, value: Any) -> int:
    if type(value) is float and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        number = int(value.strip())
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raise ValueError(value)
    if not -largest - 1 <= number <= largest:
        raise CellError(tr("it is beyond the largest number this column holds ({limit}).", limit=largest))
    return number


def _datetime(value: Any) -> datetime:
    moment = datetime.fromisoformat(value.strip()) if isinstance(value, str) else value
    if isinstance(moment, date) and not isinstance(moment, datetime):
        # A moment of exactly midnight (UTC) comes back from the cell as a day: it is that midnight.
        moment = datetime.combine(moment, time(0))
    if not isinstance(moment, datetime):
        raise ValueError(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _date(value: Any) -> date:
    day = date.fromisoformat(value.strip()) if isinstance(value, str) else value
    if isinstance(day, datetime):
        return day.date()
    if not isinstance(day, date):
        raise ValueError(value)
    return day


def _time_of_day(value: Any) -> time:
    """A time-of-day cell as a ``time``: Excel stores it as a fraction of a day, readers give it as a time,
    a duration, a moment on Excel's day zero, or text ("19:30")."""
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, timedelta) and timedelta(0) <= value < timedelta(days=1):
        return (datetime.min + value).time()
    if isinstance(value, str):
        clock = time.fromisoformat(value.strip())
        if clock.tzinfo is None:
            return clock
    elif isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1:
        seconds = round(value * 86_400)
        if seconds < 86_400:
            return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    raise ValueError(value)


def _text(length: int | None, value: Any) -> str:
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if "\x00" in text:
        raise CellError(tr("it holds a character a database cannot store (NUL)."))
    if length is not None and len(text) > length:
        raise CellError(tr("it is longer than the {limit} characters this column holds.", limit=length))
    return text


def export_query(table: Table, *, stored_moments: bool = False) -> Select[Any]:
    """The rows of ``table`` an export holds, by primary key (the database's own facts left out).

    ``stored_moments``: moments come as the database holds them, naive UTC wall-clock time, which is what a cell
    holds; the export of a city's 1.4 million moments is spared making each aware only to make it naive again.
    """
    columns = [
        type_coerce(column, kind).label(column.name)
        if stored_moments
        and isinstance(column.type, TypeDecorator)
        and isinstance(kind := _kind(column), DateTime)
        else column
        for column in table.columns
    ]
    query = select(*columns).order_by(*(list(table.primary_key.columns) or list(table.columns)))
    if table.name == "teamlead_meta":
        query = query.where(
            table.c.key.not_in(LOCAL_META_KEYS), table.c.key.not_like(f"{LOCAL_META_PREFIX}%")
        )
    return query
