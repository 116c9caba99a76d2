"""Erasing a person (GDPR article 17), and the mechanism under it: find the mentions, replace them, scrub.

1. :func:`plan_erasure` says what an erasure would do: the identifiers replaced without asking (the full name,
   the e-mail address, the phone number: :attr:`Identifier.certain`), how many texts they change, the other
   identifiers whose mentions the user must see in context before choosing them (a first name, a surname, a
   one-word name: :class:`Candidate`), and the master data that holds the person's details but stays as it is.
2. :func:`erase_person` removes the person, their roles and links, and replaces the mentions of exactly the
   identifiers it is given by ``[…]`` — only in free texts (:data:`teamlead.data.free_texts.FREE_TEXTS`), never
   in names, addresses, titles or other master data — and says how many texts really changed.
3. :func:`teamlead.data.scrub.scrub` then makes the old words unrecoverable from the SQLite file and its
   full-text index.

:func:`find_mentions` and :func:`replace_mentions` are the same steps for any identifiers, without a person.
How a mention is recognised (whole words, case, digits of a phone number) is :mod:`teamlead.rules.mentions`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from teamlead.data.agreements import Agreement
from teamlead.data.free_texts import FREE_TEXTS, MASTER_DATA, Text, TextField, rewrite, texts
from teamlead.data.meetings import Invitee
from teamlead.data.notes import note_person
from teamlead.data.roster import Person, Role
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.mentions import ERASED, Identifier, IdentifierKind, Mentions, excerpt
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import audit_row

log = logging.getLogger(__name__)

MENTIONS_SHOWN = 50
"""How many mentions of one identifier a plan carries to show in context (all are counted)."""


def person_of(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError("person_id", tr("This record no longer exists (id {id}).", id=person_id))
    return person


def person_identifiers(person: Person) -> list[Identifier]:
    """What may identify the person in free text: the full name, e-mail address and phone number, and — when
    the name has more words — the first name and the surname on their own (never certain: confirmed first)."""
    name = " ".join(person.name.split())
    found = [
        Identifier(IdentifierKind.NAME, name),
        Identifier(IdentifierKind.EMAIL, (person.email or "").strip()),
        Identifier(IdentifierKind.PHONE, (person.phone or "").strip()),
    ]
    first, _space, surname = name.partition(" ")
    if surname:
        found += [Identifier(IdentifierKind.NAME_PART, first), Identifier(IdentifierKind.NAME_PART, surname)]
    unique = {identifier.pattern: identifier for identifier in found if identifier.usable}
    return list(unique.values())


def own_values(person: Person) -> tuple[str, ...]:
    """The person's name, e-mail address and phone number as stored (longest first): what backups are
    searched for after an erasure (:func:`teamlead.services.privacy.backups_holding`)."""
    values = {value.strip() for value in (person.name, person.email, person.phone) if value and value.strip()}
    return tuple(sorted(values, key=len, reverse=True))


@dataclass(frozen=True)
class Mention:
    """A text that mentions an identifier: which text of which record, and the mention in context."""

    field: TextField
    record_id: int
    excerpt: str

    def label(self) -> str:
        return self.field.label()


def _mentioning(
    session: Session, identifiers: Iterable[Identifier], fields: Iterable[TextField], skip: Text | None = None
) -> Iterator[tuple[Text, list[tuple[int, int]]]]:
    mentions = Mentions(identifiers)
    if not mentions:
        return
    for text in texts(session, fields):
        if skip is not None and (text.field, text.record_id) == (skip.field, skip.record_id):
            continue
        spans = mentions.spans(text.value)
        if spans:
            yield text, spans


def find_mentions(
    session: Session, identifiers: Iterable[Identifier], *, fields: Iterable[TextField] = FREE_TEXTS
) -> list[Mention]:
    """Every mention of any of ``identifiers`` in ``fields`` (the free texts), in context, one per mention."""
    return [
        Mention(text.field, text.record_id, excerpt(text.value, span))
        for text, spans in _mentioning(session, identifiers, fields)
        for span in spans
    ]


def replace_mentions(session: Session, identifiers: Iterable[Identifier]) -> int:
    """Replace every mention of ``identifiers`` in the free texts by ``[…]``; return how many texts changed.

    Only texts whose value differs afterwards are written and counted. A versioned record's version goes up.
    """
    chosen = list(identifiers)
    refused = [identifier.value for identifier in chosen if not identifier.usable]
    if refused:
        raise ValidationError(
            "identifiers",
            tr("Too short to look for in texts: {values}.", values=", ".join(repr(v) for v in refused)),
        )
    mentions = Mentions(chosen)
    changed = []
    for text in texts(session, FREE_TEXTS) if mentions else ():
        replaced = mentions.replace(text.value, ERASED)
        if replaced != text.value:
            changed.append(Text(text.field, text.record_id, replaced))
    return rewrite(session, changed)


@dataclass(frozen=True)
class Candidate:
    """An identifier that is not certain, with the texts that mention it where the certain ones do not."""

    identifier: Identifier
    count: int  # mentions in all
    mentions: tuple[Mention, ...]  # the first :data:`MENTIONS_SHOWN`


@dataclass(frozen=True)
class MasterMention:
    """Master data of another record that holds one of the person's certain identifiers: never changed by an
    erasure (it names or describes that record), so the user is told and may change it by hand."""

    field: TextField
    record_id: int
    value: str

    def label(self) -> str:
        return self.field.label()


@dataclass(frozen=True)
class ErasurePlan:
    """What erasing the person would do, for the user to confirm (see the module's docstring)."""

    person_id: int
    name: str
    certain: tuple[Identifier, ...]
    texts_changed: int  # by the certain identifiers
    candidates: tuple[Candidate, ...]  # only those mentioned beyond the certain identifiers
    master_data: tuple[MasterMention, ...]


def plan_erasure(session: Session, person_id: int) -> ErasurePlan:
    """What :func:`erase_person` would change with the certain identifiers, and what it could also replace."""
    person = person_of(session, person_id)
    identifiers = person_identifiers(person)
    certain = [identifier for identifier in identifiers if identifier.certain]
    uncertain = [identifier for identifier in identifiers if not identifier.certain]
    own = Text(next(f for f in FREE_TEXTS if f.key == "person.remarks"), person_id, "")
    sure, asked = Mentions(certain), [(identifier, Mentions([identifier])) for identifier in uncertain]
    changed = 0
    found: dict[Identifier, list[Mention]] = {identifier: [] for identifier in uncertain}
    counts = dict.fromkeys(uncertain, 0)
    for text, _spans in _mentioning(session, identifiers, FREE_TEXTS, skip=own):
        rest = sure.replace(text.value)
        changed += rest != text.value
        for identifier, mentions in asked:
            spans = mentions.spans(rest)
            counts[identifier] += len(spans)
            room = MENTIONS_SHOWN - len(found[identifier])
            found[identifier] += [Mention(text.field, text.record_id, excerpt(rest, s)) for s in spans[:room]]
    own_records = {("person", person_id), *(("role", role.id) for role in person.roles)}
    master = tuple(
        MasterMention(text.field, text.record_id, text.value)
        for text, _spans in _mentioning(session, certain, MASTER_DATA)
        if (text.field.table.name, text.record_id) not in own_records
    )
    candidates = tuple(
        Candidate(identifier, counts[identifier], tuple(found[identifier]))
        for identifier in uncertain
        if counts[identifier]
    )
    return ErasurePlan(person_id, person.name, tuple(certain), changed, candidates, master)


@dataclass(frozen=True)
class Erased:
    """What an erasure did: the person's id, how many free texts changed, and the person's own values (to find
    them in backups and the file's free pages afterwards; never logged)."""

    person_id: int
    texts_changed: int
    identifiers: tuple[str, ...] = ()


def erase_person(
    session: Session,
    person_id: int,
    *,
    replace: Sequence[Identifier] | None = None,
    now: datetime | None = None,
) -> Erased:
    """Erase the person: their row, roles and links go; mentions of ``replace`` in free texts become ``[…]``.

    ``replace`` is what the user confirmed (:func:`plan_erasure`); without it, the certain identifiers only.
    One transaction (the caller's). The audit log gets ``person <id> erase`` and nothing more.
    """
    person = person_of(session, person_id)
    chosen = list(replace) if replace is not None else [i for i in person_identifiers(person) if i.certain]
    values = own_values(person)
    session.execute(delete(note_person).where(note_person.c.person_id == person_id))
    session.execute(update(Invitee).where(Invitee.person_id == person_id).values(person_id=None))
    session.execute(
        update(Agreement)
        .where(Agreement.responsible_person_id == person_id)
        .values(responsible_person_id=None)
    )
    session.execute(delete(Role).where(Role.person_id == person_id))
    session.delete(person)
    session.flush()
    changed = replace_mentions(session, chosen)
    audit_row(session, "person", person_id, AuditAction.ERASE, now=now)
    session.flush()
    log.info("person erased; %d texts elsewhere changed", changed)
    return Erased(person_id, changed, values)
