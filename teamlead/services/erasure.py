"""Erasing a person (GDPR article 17), and the mechanism under it: find the mentions, replace them, scrub.

1. :func:`plan_erasure` says what an erasure would do: the identifiers replaced without asking (the full name,
   the e-mail address, the phone number: :attr:`Identifier.certain`), how many texts they change, the texts
   that still mention the person by a word that may mean something else (a first name, a surname, a one-word
   name: :class:`Candidate`), each in context with its date and organisations, and the master data that holds
   the person's details but stays as it is.
2. :func:`erase_person` removes the person, their roles and links, and replaces by ``[…]`` the mentions of the
   certain identifiers everywhere, and of an uncertain one only in the texts the user chose, one by one
   (:class:`Redaction`): "Roos", "Hoop", "Mark", "Bas" and "Jan" are Dutch words as well as first names, so
   a single word is never replaced all at once. Only free texts (:data:`teamlead.data.free_texts.FREE_TEXTS`)
   change, never names, addresses, titles or other master data; it says how many texts really changed.
3. :func:`teamlead.data.scrub.scrub` then makes the old words unrecoverable from the SQLite file and its
   full-text index.

:func:`find_mentions` and :func:`replace_mentions` are the same steps for any identifiers, without a person.
How a mention is recognised (whole words, case, digits of a phone number) is :mod:`teamlead.rules.mentions`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from teamlead.data.access.refusals import refuse_erasure
from teamlead.data.agreements import Agreement
from teamlead.data.free_texts import FREE_TEXTS, MASTER_DATA, Text, TextField, rewrite, texts
from teamlead.data.meetings import Invitee
from teamlead.data.notes import note_person
from teamlead.data.queries.text_places import TextPlace, text_places
from teamlead.data.roster import Organisation, Person, Role
from teamlead.errors import ValidationError
from teamlead.i18n import tr
from teamlead.rules.mentions import ERASED, Identifier, IdentifierKind, Mentions, bracketed_after, excerpt
from teamlead.rules.text import fold
from teamlead.rules.vocabulary import AuditAction
from teamlead.services._common import audit_row

log = logging.getLogger(__name__)

TEXTS_SHOWN = 1000
"""How many texts mentioning one uncertain identifier a plan carries to review (all are counted)."""


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
    """A text that mentions an identifier: which text of which record, and the mention in context. In a plan,
    one per text: ``excerpt`` holds each mention in it in context, with the text's date and organisations,
    and whether the word is followed by one of the person's organisations in brackets ("Bas (Via Nova
    Mavo)"), the field's way of naming someone that almost surely means them."""

    field: TextField
    record_id: int
    excerpt: str
    count: int = 1
    on: date | None = None
    organisations: tuple[str, ...] = ()
    with_organisation: bool = False

    def label(self) -> str:
        return self.field.label()


@dataclass(frozen=True)
class Redaction:
    """One choice of the user: replace the mentions of ``identifier`` in this one text (and nowhere else)."""

    field: TextField
    record_id: int
    identifier: Identifier


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
    return len(_replace_everywhere(session, identifiers))


def _refuse_unusable(identifiers: Iterable[Identifier]) -> None:
    refused = [identifier.value for identifier in identifiers if not identifier.usable]
    if refused:
        raise ValidationError(
            "identifiers",
            tr("Too short to look for in texts: {values}.", values=", ".join(repr(v) for v in refused)),
        )


def _replace_everywhere(session: Session, identifiers: Iterable[Identifier]) -> set[tuple[str, int]]:
    chosen = list(identifiers)
    _refuse_unusable(chosen)
    mentions = Mentions(chosen)
    changed = []
    for text in texts(session, FREE_TEXTS) if mentions else ():
        replaced = mentions.replace(text.value, ERASED)
        if replaced != text.value:
            changed.append(Text(text.field, text.record_id, replaced))
    rewrite(session, changed)
    return {(text.field.key, text.record_id) for text in changed}


def redact(session: Session, redactions: Iterable[Redaction]) -> set[tuple[str, int]]:
    """Replace the mentions of each redaction's identifier in its one text by ``[…]``; return the texts
    (field key, record id) that changed. Only free texts: master data is refused, never rewritten."""
    wanted: dict[tuple[TextField, int], list[Identifier]] = {}
    for redaction in redactions:
        if redaction.field not in FREE_TEXTS:
            raise ValidationError(
                "redactions", tr("Only free texts are changed, never {what}.", what=redaction.field.label())
            )
        wanted.setdefault((redaction.field, redaction.record_id), []).append(redaction.identifier)
    _refuse_unusable(i for chosen in wanted.values() for i in chosen)
    changed = []
    for (field, record_id), identifiers in wanted.items():
        value = session.scalar(select(field.column).where(field.table.c.id == record_id))
        if not value:
            continue
        replaced = Mentions(identifiers).replace(str(value), ERASED)
        if replaced != value:
            changed.append(Text(field, record_id, replaced))
    rewrite(session, changed)
    return {(text.field.key, text.record_id) for text in changed}


@dataclass(frozen=True)
class Candidate:
    """An identifier that is not certain, with the texts that mention it where the certain ones do not."""

    identifier: Identifier
    count: int  # mentions in all
    mentions: tuple[Mention, ...]  # one per text, the first :data:`TEXTS_SHOWN` (with the organisation first)
    texts: int = 0  # texts in all

    def redactions(self, chosen: Iterable[Mention]) -> list[Redaction]:
        """The user's choice of these texts as redactions of this word."""
        return [Redaction(m.field, m.record_id, self.identifier) for m in chosen]


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
    """What :func:`erase_person` would change with the certain identifiers, and which texts still mention
    the person by an uncertain word, for the user to choose one by one."""
    person = person_of(session, person_id)
    identifiers = person_identifiers(person)
    certain = [identifier for identifier in identifiers if identifier.certain]
    uncertain = [identifier for identifier in identifiers if not identifier.certain]
    own = Text(next(f for f in FREE_TEXTS if f.key == "person.remarks"), person_id, "")
    sure, asked = Mentions(certain), [(identifier, Mentions([identifier])) for identifier in uncertain]
    their = _folded_organisations(session, person_id)
    changed = 0
    found: dict[Identifier, list[Mention]] = {identifier: [] for identifier in uncertain}
    counts = dict.fromkeys(uncertain, 0)
    for text, _spans in _mentioning(session, identifiers, FREE_TEXTS, skip=own):
        rest = sure.replace(text.value)
        changed += rest != text.value
        for identifier, mentions in asked:
            spans = mentions.spans(rest)
            if spans:
                counts[identifier] += len(spans)
                found[identifier].append(_in_context(text, rest, spans, their))
    own_records = {("person", person_id), *(("role", role.id) for role in person.roles)}
    master = tuple(
        MasterMention(text.field, text.record_id, text.value)
        for text, _spans in _mentioning(session, certain, MASTER_DATA)
        if (text.field.table.name, text.record_id) not in own_records
    )
    places = text_places(session, ((m.field, m.record_id) for ms in found.values() for m in ms))
    candidates = tuple(
        Candidate(
            identifier,
            counts[identifier],
            _first_shown([_placed(mention, places) for mention in found[identifier]], their),
            len(found[identifier]),
        )
        for identifier in uncertain
        if counts[identifier]
    )
    return ErasurePlan(person_id, person.name, tuple(certain), changed, candidates, master)


def _folded_organisations(session: Session, person_id: int) -> frozenset[str]:
    names = session.scalars(
        select(Organisation.name)
        .join(Role, Role.organisation_id == Organisation.id)
        .where(Role.person_id == person_id)
    )
    return frozenset(" ".join(fold(name).split()) for name in names)


def _in_context(text: Text, value: str, spans: list[tuple[int, int]], their: frozenset[str]) -> Mention:
    """One text's mentions of a word: each in context, and whether one is followed by their organisation."""
    excerpts = dict.fromkeys(excerpt(value, span) for span in spans)
    after = (bracketed_after(value, end) for _start, end in spans)
    named = any(found is not None and " ".join(fold(found).split()) in their for found in after)
    return Mention(text.field, text.record_id, " · ".join(excerpts), len(spans), with_organisation=named)


def _first_shown(mentions: list[Mention], their: frozenset[str]) -> tuple[Mention, ...]:
    """The texts to review, the first :data:`TEXTS_SHOWN`: those that name the person's organisation in
    brackets after the word first, then those about their organisation, then the rest; newest first."""

    def rank(mention: Mention) -> tuple[int, int]:
        about = any(" ".join(fold(name).split()) in their for name in mention.organisations)
        day = mention.on.toordinal() if mention.on else 0
        return (0 if mention.with_organisation else 1 if about else 2, -day)

    return tuple(sorted(mentions, key=rank)[:TEXTS_SHOWN])


def _placed(mention: Mention, places: dict[tuple[str, int], TextPlace]) -> Mention:
    place = places.get((mention.field.key, mention.record_id), TextPlace())
    return replace(mention, on=place.on, organisations=place.organisations)


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
    redactions: Sequence[Redaction] = (),
    now: datetime | None = None,
) -> Erased:
    """Erase the person: their row, roles and links go; mentions of ``replace`` in free texts become ``[…]``,
    and so do the mentions of each redaction's word in its one text.

    ``replace`` are the certain identifiers the user confirmed (:func:`plan_erasure`; without it, all of them);
    a word that is not certain is refused there: it is replaced only text by text, as ``redactions`` say,
    and only if it is one of the person's. One transaction (the caller's). The audit log gets ``person <id>
    erase`` and nothing more.
    """
    refuse_erasure(session)
    person = person_of(session, person_id)
    identifiers = person_identifiers(person)
    chosen = list(replace) if replace is not None else [i for i in identifiers if i.certain]
    loose = [identifier.value for identifier in chosen if identifier.usable and not identifier.certain]
    if loose:
        raise ValidationError(
            "replace",
            tr(
                "A single word such as {words} may mean something else: it is replaced text by text, never "
                "everywhere at once.",
                words=", ".join(f"“{word}”" for word in loose),
            ),
        )
    theirs = {identifier.pattern for identifier in identifiers}
    foreign = sorted({r.identifier.value for r in redactions if r.identifier.pattern not in theirs})
    if foreign:
        raise ValidationError(
            "redactions", tr("Not a name of this person: {words}.", words=", ".join(foreign))
        )
    values = own_values(person)
    # Written first, while its roles still show it: on a shared database the person stays this transaction's
    # to delete once the roles that made it visible are gone (teamlead.data.access.policies).
    session.execute(
        update(Person)
        .where(Person.id == person_id)
        .values(name=Person.name)
        .execution_options(synchronize_session=False)
    )
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
    changed = _replace_everywhere(session, chosen) | redact(session, redactions)
    audit_row(session, "person", person_id, AuditAction.ERASE, now=now)
    session.flush()
    log.info("person erased; %d texts elsewhere changed", len(changed))
    return Erased(person_id, len(changed), values)
