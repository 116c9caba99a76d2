"""What every service shares: the audit log, optimistic locking, and the checks on plain input values.

Services never commit: the caller wraps one user action in ``with database.begin() as session:``. They do
flush, so that a lost update (``StaleDataError``) surfaces here as a :class:`ConflictError` the UI can show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.orm.exc import StaleDataError

from teamlead.data.admin import AuditEntry
from teamlead.data.agreements import Agreement
from teamlead.data.audit_trail import session_user, take_changes
from teamlead.data.base import Base
from teamlead.data.geography import District, Domain, Neighbourhood
from teamlead.data.meetings import Meeting
from teamlead.data.notes import Note
from teamlead.data.queries.default_district import district_for_user
from teamlead.data.roster import Organisation, Person
from teamlead.errors import ConflictError, ValidationError
from teamlead.i18n import tr
from teamlead.rules import formatting
from teamlead.rules.limits import Width
from teamlead.rules.vocabulary import AuditAction


def now_or(now: datetime | None) -> datetime:
    """``now`` when given (tests, the demo), else the clock; always aware UTC."""
    return (now or datetime.now(UTC)).astimezone(UTC)


def today_or(today: date | None) -> date:
    return today or date.today()


def audit(
    session: Session,
    record: Base,
    action: AuditAction,
    fields: Iterable[str] = (),
    *,
    now: datetime | None = None,
) -> None:
    """Log what happened to which record, by whom, in which district: the *names* of the changed fields, and
    the old and new values of those :mod:`teamlead.rules.audit` allows (codes, dates, numbers; never a text)."""
    session.flush()
    names = set(fields)
    audit_row(
        session,
        record.__tablename__,
        getattr(record, "id", None),
        action,
        names,
        now=now,
        district_id=_district_of(session, record),
        changes=take_changes(session, record, names),
    )


def _district_of(session: Session, record: Base) -> int | None:
    """The district the record is in: its own, else (a child record) its meeting's, agreement's, note's or
    neighbourhood's. Read from what is loaded and the session's identity map, so a removed record is fine."""
    loaded = sa_inspect(record).dict
    if "district_id" in loaded or hasattr(type(record), "district_id"):
        district = loaded.get("district_id")
        return district if isinstance(district, int) else None
    for link, parent in _PARENTS:
        parent_id = loaded.get(link)
        if isinstance(parent_id, int):
            owner = session.get(parent, parent_id)
            district = getattr(owner, "district_id", None) if owner is not None else None
            return district if isinstance(district, int) else None
    return None


_PARENTS: tuple[tuple[str, type[Base]], ...] = (
    ("meeting_id", Meeting),
    ("agreement_id", Agreement),
    ("note_id", Note),
    ("neighbourhood_id", Neighbourhood),
)
"""A child record's link to the record whose district it shares."""


def audit_row(
    session: Session,
    table_name: str,
    record_id: int | None,
    action: AuditAction,
    fields: Iterable[str] = (),
    *,
    now: datetime | None = None,
    district_id: int | None = None,
    changes: str | None = None,
) -> None:
    """:func:`audit` for a row named by table and id: one removed by a statement, with no object to pass."""
    session.add(
        AuditEntry(
            at=now_or(now),
            table_name=table_name,
            record_id=record_id,
            action=str(action),
            fields=",".join(sorted(set(fields)))[:500],
            user_name=session_user(session),
            district_id=district_id,
            changes=changes,
        )
    )


def conflict_message() -> str:
    """Said when a record changed since the user read it (optimistic locking)."""
    return tr(
        "Someone else changed this record while you were editing it. Reload it and make your change again."
    )


def flush(session: Session) -> None:
    """Write pending changes now, turning a lost update into a :class:`ConflictError`."""
    try:
        session.flush()
    except StaleDataError as error:
        raise ConflictError(conflict_message()) from error


def get_or_fail[ModelT: Base](
    session: Session, model: type[ModelT], record_id: int, field: str = "id"
) -> ModelT:
    """The record, or a :class:`ValidationError` saying it no longer exists (deleted meanwhile)."""
    record = session.get(model, record_id)
    if record is None:
        raise ValidationError(field, tr("This record no longer exists (id {id}).", id=record_id))
    return record


def for_edit[ModelT: Base](
    session: Session, model: type[ModelT], record_id: int, expected_version: int
) -> ModelT:
    """Load a record to change it, refusing when its version is not the one the user saw."""
    record = get_or_fail(session, model, record_id)
    if getattr(record, "version") != expected_version:  # noqa: B009 - every Tracked model has it
        raise ConflictError(conflict_message())
    return record


def apply_changes(record: Base, values: Mapping[str, Any]) -> list[str]:
    """Set the attributes that differ and return their names (for the audit log)."""
    changed = []
    for name, value in values.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    return changed


def touch(record: Base, now: datetime | None = None) -> None:
    """Mark the row itself as changed, so its version goes up even when only its links changed."""
    setattr(record, "updated_at", now_or(now))  # noqa: B010 - every Tracked model has it


# --- plain values -------------------------------------------------------------------------------------------


def required_text(field: str, label: str, value: str | None, max_length: int = Width.NAME) -> str:
    """Stripped text that may not be empty nor longer than the column."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, tr("{field} is empty.", field=label))
    return limited_text(field, label, text, max_length)


def limited_text(field: str, label: str, value: str | None, max_length: int) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError(
            field,
            tr(
                "{field} is too long ({length} characters; at most {limit}).",
                field=label,
                length=len(text),
                limit=max_length,
            ),
        )
    return text


def check_period(field: str, start: date | None, end: date | None) -> None:
    """An end date may not lie before its start date."""
    if start is not None and end is not None and end < start:
        raise ValidationError(
            field,
            tr(
                "The end date {end} lies before the start date {start}.",
                end=formatting.day_text(end),
                start=formatting.day_text(start),
            ),
        )


def check_choice(field: str, label: str, value: str, allowed: Iterable[str]) -> str:
    options = [str(option) for option in allowed]
    if str(value) not in options:
        raise ValidationError(
            field,
            tr(
                "{field} must be one of {options}, not {value}.",
                field=label,
                options=", ".join(options),
                value=str(value),
            ),
        )
    return str(value)


def district_or_fail(
    session: Session, district_id: int | None, field: str = "district_id"
) -> District | None:
    if district_id is None:
        return None
    district = session.get(District, district_id)
    if district is None:
        raise ValidationError(field, tr("Unknown district (id {id}).", id=district_id))
    return district


def record_district(
    session: Session,
    *,
    chosen: int | None,
    neighbourhood_id: int | None = None,
    screen_district_id: int | None = None,
    organisation_ids: Sequence[int] = (),
) -> int | None:
    """The district a record is stored in: ``chosen`` (checked) when given, else what the one precedence of
    ``shared/interface.md`` gives (:func:`~teamlead.data.queries.default_district.district_for_user`), so a
    call without a district lands where the form would have shown."""
    district_or_fail(session, chosen)
    return district_for_user(
        session,
        chosen=chosen,
        neighbourhood_id=neighbourhood_id,
        screen_district_id=screen_district_id,
        organisation_ids=organisation_ids,
    )


def domain_or_fail(session: Session, domain_id: int | None, field: str = "domain_id") -> Domain | None:
    if domain_id is None:
        return None
    domain = session.get(Domain, domain_id)
    if domain is None:
        raise ValidationError(field, tr("Unknown domain (id {id}).", id=domain_id))
    return domain


def neighbourhoods_or_fail(
    session: Session, neighbourhood_ids: Iterable[int], field: str = "neighbourhood_ids"
) -> list[Neighbourhood]:
    """The neighbourhoods, in the order given, without duplicates; unknown ids are refused."""
    wanted = list(dict.fromkeys(neighbourhood_ids))
    if not wanted:
        return []
    found = {n.id: n for n in session.scalars(select(Neighbourhood).where(Neighbourhood.id.in_(wanted)))}
    for neighbourhood_id in wanted:
        if neighbourhood_id not in found:
            raise ValidationError(field, tr("Unknown neighbourhood (id {id}).", id=neighbourhood_id))
    return [found[i] for i in wanted]


def organisation_ids_or_fail(
    session: Session, organisation_ids: Iterable[int], field: str = "organisation_ids"
) -> list[int]:
    """The ids in the order given (the first decides a note's or agreement's district), without duplicates;
    unknown ids are refused."""
    wanted = list(dict.fromkeys(organisation_ids))
    missing = _first_missing(session, Organisation.id, wanted)
    if missing is not None:
        raise ValidationError(field, tr("Unknown organisation (id {id}).", id=missing))
    return wanted


def person_ids_or_fail(session: Session, person_ids: Iterable[int], field: str = "person_ids") -> list[int]:
    """The ids in the order given, without duplicates; unknown ids are refused."""
    wanted = list(dict.fromkeys(person_ids))
    missing = _first_missing(session, Person.id, wanted)
    if missing is not None:
        raise ValidationError(field, tr("Unknown person (id {id}).", id=missing))
    return wanted


def _first_missing(session: Session, column: InstrumentedAttribute[int], wanted: list[int]) -> int | None:
    """The first of ``wanted`` with no row, found in one query."""
    found = set(session.scalars(select(column).where(column.in_(wanted)))) if wanted else set()
    return next((record_id for record_id in wanted if record_id not in found), None)
