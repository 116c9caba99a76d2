"""The import plan: what a roster would add and merge, worked out before anything is written.

The plan only reads the database. It groups rows into organisations and persons by the interface's rules
(names equal after ignoring case, spaces, dashes and punctuation; a person by e-mail or name within the
organisation), proposes each merge so the wizard can decline it, and lists names one letter apart as possible
duplicates the user may accept as merges. :mod:`teamlead.importing.apply` then writes it in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from teamlead.i18n import tr
from teamlead.importing.cleaning import RowRecord, clean_row
from teamlead.importing.headers import Field, Layout, field_label
from teamlead.importing.readers import Table
from teamlead.importing.similar import near_pairs
from teamlead.importing.snapshot import KnownOrganisation, KnownPerson, Snapshot, take_snapshot
from teamlead.rules.text import identity_key
from teamlead.services.personal_data import personal_data_words
from teamlead.services.remarks import holds_remark

SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class Proposal:
    """A merge the plan makes (``merge``, can be declined) or a possible duplicate (``possible``, can be
    accepted as a merge); ``id`` is what :class:`Choices` refers to."""

    id: str
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Choices:
    declined: frozenset[str] = frozenset()
    accepted: frozenset[str] = frozenset()


@dataclass(slots=True)
class PlannedOrganisation:
    key: str
    name: str
    row: int
    existing: KnownOrganisation | None
    domain: str = ""
    address: str = ""
    website: str = ""
    phone: str = ""
    email: str = ""
    neighbourhoods: dict[str, str] = field(default_factory=dict)  # folded -> as written
    remarks: list[str] = field(default_factory=list)
    """Remark texts to append (each as a line ``YYYY-MM-DD: text``, the import's day), in row order, none of
    them there already."""
    persons: list[PlannedPerson] = field(default_factory=list)
    by_contact: dict[str, PlannedPerson] = field(default_factory=dict)
    """The persons by ``e:`` + e-mail (any case) and ``n:`` + folded name, for matching in one look-up."""


@dataclass(slots=True)
class PlannedPerson:
    organisation: PlannedOrganisation
    name: str
    row: int
    existing: KnownPerson | None
    email: str = ""
    phone: str = ""
    role: str = ""
    remarks: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Plan:
    """Everything an import would do, and the lines that report it (before the summary)."""

    snapshot: Snapshot
    district: str | None
    today: date
    records: int = 0
    organisations: list[PlannedOrganisation] = field(default_factory=list)
    persons: list[PlannedPerson] = field(default_factory=list)
    remark_cells: int = 0
    """Rows with a remark (Opmerkingen/Notes) cell, of which ``remarks_known`` added nothing new."""
    remarks_known: int = 0
    new_domains: dict[str, str] = field(default_factory=dict)  # folded -> as written
    new_neighbourhoods: dict[str, str] = field(default_factory=dict)
    row_lines: list[tuple[int, str]] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    skipped: int = 0

    def added(self, records: list[PlannedOrganisation] | list[PlannedPerson]) -> int:
        return sum(1 for record in records if record.existing is None)

    def merged(self, prefix: str) -> int:
        """Merges made (each reported on a line), of organisations or of persons."""
        return sum(1 for p in self.proposals if p.kind == "merge" and p.id.split(SEP)[0].startswith(prefix))

    def summary(self) -> str:
        """The counts; without ``--district``, also where the new partners go (``shared/interface.md``,
        "Districts": the database's only district, else none)."""
        counts = tr(
            "organisations: {orgs_added} added, {orgs_merged} merged; persons: {persons_added} added, "
            "{persons_merged} merged; rows skipped: {skipped}",
            orgs_added=self.added(self.organisations),
            orgs_merged=self.merged("org"),
            persons_added=self.added(self.persons),
            persons_merged=self.merged("person"),
            skipped=self.skipped,
        )
        if self.district is not None or not self.added(self.organisations):
            return counts
        if self.snapshot.only_district_name is not None:
            return counts + tr(
                "; home district: {name} (the database's only district)",
                name=self.snapshot.only_district_name,
            )
        if self.snapshot.several_districts:
            return counts + tr("; no home district (the database has several; give --district)")
        return counts

    def lines(self) -> list[str]:
        """What the CLI prints, in the interface's order, the summary last."""
        lines = [f"row {row}: {text}" for row, text in sorted(self.row_lines, key=lambda item: item[0])]
        lines += [proposal.text for proposal in self.proposals if proposal.kind == "merge"]
        lines += [proposal.text for proposal in self.proposals if proposal.kind == "possible"]
        lines += [tr("new domain: {name}", name=name) for name in self.new_domains.values()]
        lines += [tr("new neighbourhood: {name}", name=name) for name in self.new_neighbourhoods.values()]
        if self.district and self.snapshot.district_id is None:
            lines.append(tr("new district: {name}", name=self.district))
        if self.remark_cells:
            lines.append(
                tr(
                    "remarks: {organisations} added to partners and {persons} to persons, {known} already "
                    "there (a remark is no contact moment)",
                    organisations=sum(len(o.remarks) for o in self.organisations),
                    persons=sum(len(p.remarks) for p in self.persons),
                    known=self.remarks_known,
                )
            )
        lines.append(self.summary())
        return lines


def records_of(table: Table, layout: Layout) -> list[RowRecord]:
    phones: dict[str, str | None] = {}
    return [clean_row(row, cells, layout, phones) for row, cells in table.rows[layout.header_index + 1 :]]


def build_plan(
    session: Session,
    table: Table,
    layout: Layout,
    *,
    district: str | None = None,
    choices: Choices | None = None,
    today: date | None = None,
) -> Plan:
    """The plan for ``table`` read with ``layout``, against what ``session`` sees; writes nothing."""
    district = " ".join((district or "").split()) or None
    plan = Plan(take_snapshot(session, district), district, today or date.today())
    plan.row_lines.extend(table.warnings)
    _Planner(plan, choices or Choices()).run(records_of(table, layout))
    return plan


class _Planner:
    def __init__(self, plan: Plan, choices: Choices) -> None:
        self.plan = plan
        self.choices = choices
        self.by_key: dict[str, PlannedOrganisation] = {}
        self.spellings: set[str] = set()
        self.aliases: dict[str, str] = {}
        self.person_aliases: dict[tuple[str, str], str] = {}
        self.known: dict[int, dict[str, KnownPerson]] = {}
        for accepted in choices.accepted:
            parts = accepted.split(SEP)
            if parts[0] == "org" and len(parts) == 3:
                self.aliases[parts[1]] = parts[2]
            elif parts[0] == "person" and len(parts) == 4:
                self.person_aliases[(parts[1], parts[2])] = parts[3]

    def run(self, records: list[RowRecord]) -> None:
        plan = self.plan
        plan.records = len(records)
        for record in records:
            for warning in record.warnings:
                plan.row_lines.append((record.row, warning))
            if not record.organisation:
                plan.skipped += 1
                plan.row_lines.append((record.row, tr("no organisation; the row was skipped.")))
                continue
            self.personal_data(record)
            organisation = self.organisation(record)
            person = self.person(organisation, record) if record.name else None
            self.fill(organisation, person, record)
        self.possible_duplicates()

    def personal_data(self, record: RowRecord) -> None:
        """The free-text cells (remarks, role, address) checked for a resident's BSN or date of birth. Phone
        numbers and e-mail addresses are not: the BSN check would misread a phone number's digits."""
        for which, text in (
            (Field.ROLE, record.role),
            (Field.ADDRESS, record.address),
            (Field.NOTES, record.notes),
        ):
            what = personal_data_words(text, today=self.plan.today) if text else None
            if what is not None:
                self.plan.row_lines.append(
                    (
                        record.row,
                        tr(
                            "the {field} cell seems to hold {what}; a roster is about the network: please "
                            "leave a resident's personal data out.",
                            field=field_label(which),
                            what=what,
                        ),
                    )
                )

    def propose(self, kind: str, id_: str, text: str) -> None:
        self.plan.proposals.append(Proposal(id_, kind, text))

    def organisation(self, record: RowRecord) -> PlannedOrganisation:
        written = record.organisation
        base = identity_key(written)
        key = self.aliases.get(base, base)
        if f"org-spelling{SEP}{written}" in self.choices.declined:
            key = f"{key}{SEP}{written}"
        found = self.by_key.get(key)
        if found is not None:
            if written != found.name and written not in self.spellings:
                self.spellings.add(written)
                self.propose(
                    "merge",
                    f"org-spelling{SEP}{written}",
                    tr(
                        'merged: organisation "{name}" (row {row}) is "{other}" (row {other_row})',
                        name=written,
                        row=record.row,
                        other=found.name,
                        other_row=found.row,
                    ),
                )
            return found
        existing = self.plan.snapshot.organisations.get(key)
        if existing is not None and f"org-existing{SEP}{key}" in self.choices.declined:
            existing = None
        elif existing is not None:
            self.propose(
                "merge",
                f"org-existing{SEP}{key}",
                tr(
                    'merged: organisation "{name}" (row {row}) is the existing "{other}"',
                    name=written,
                    row=record.row,
                    other=existing.name,
                ),
            )
        organisation = PlannedOrganisation(key, written, record.row, existing)
        self.spellings.add(written)
        self.by_key[key] = organisation
        self.plan.organisations.append(organisation)
        return organisation

    def person(self, organisation: PlannedOrganisation, record: RowRecord) -> PlannedPerson:
        email = record.email.casefold()
        base = identity_key(record.name)
        name_key = self.person_aliases.get((organisation.key, base), base)
        planned = (
            organisation.by_contact.get(f"e:{email}") if email else None
        ) or organisation.by_contact.get(f"n:{name_key}")
        if planned is not None:
            merge_id = f"person{SEP}{organisation.key}{SEP}{record.row}"
            if merge_id not in self.choices.declined:
                self.propose(
                    "merge",
                    merge_id,
                    tr(
                        'merged: person "{name}" (row {row}) is "{other}" (row {other_row}) at {organisation}',
                        name=record.name,
                        row=record.row,
                        other=planned.name,
                        other_row=planned.row,
                        organisation=organisation.name,
                    ),
                )
                return planned
        existing = None
        if organisation.existing is not None:
            known = self.known_contacts(organisation.existing.id)
            existing = (known.get(f"e:{email}") if email else None) or known.get(f"n:{name_key}")
        if existing is not None:
            merge_id = f"person-existing{SEP}{organisation.key}{SEP}{record.row}"
            if merge_id in self.choices.declined:
                existing = None
            else:
                self.propose(
                    "merge",
                    merge_id,
                    tr(
                        'merged: person "{name}" (row {row}) is the existing "{other}" at {organisation}',
                        name=record.name,
                        row=record.row,
                        other=existing.name,
                        organisation=organisation.name,
                    ),
                )
        person = PlannedPerson(organisation, record.name, record.row, existing)
        organisation.persons.append(person)
        organisation.by_contact.setdefault(f"n:{name_key}", person)
        self.plan.persons.append(person)
        return person

    def known_contacts(self, organisation_id: int) -> dict[str, KnownPerson]:
        """The database's persons at an organisation by ``e:`` + e-mail and ``n:`` + folded name."""
        found = self.known.get(organisation_id)
        if found is None:
            found = {}
            for known in self.plan.snapshot.persons_by_organisation.get(organisation_id, []):
                if known.email:
                    found.setdefault(f"e:{known.email.casefold()}", known)
                found.setdefault(f"n:{identity_key(known.name)}", known)
            self.known[organisation_id] = found
        return found

    def fill(
        self, organisation: PlannedOrganisation, person: PlannedPerson | None, record: RowRecord
    ) -> None:
        """The row's values go where nothing was given yet: the first value wins, nothing is overwritten."""
        for name in ("domain", "address", "website"):
            if not getattr(organisation, name) and getattr(record, name):
                setattr(organisation, name, getattr(record, name))
        if person is None:
            organisation.phone = organisation.phone or record.phone
            organisation.email = organisation.email or record.email
        else:
            person.phone = person.phone or record.phone
            if not person.email and record.email:
                person.email = record.email
                organisation.by_contact.setdefault(f"e:{record.email.casefold()}", person)
            person.role = person.role or record.role
        for neighbourhood in record.neighbourhoods:
            organisation.neighbourhoods.setdefault(identity_key(neighbourhood), neighbourhood)
        self.geography(record)
        if record.notes:
            self.remark(organisation, person, record.notes)

    def remark(self, organisation: PlannedOrganisation, person: PlannedPerson | None, text: str) -> None:
        """A remark cell goes to the organisation's and the person's remarks, unless the text is there."""
        self.plan.remark_cells += 1
        added = False
        owners: list[tuple[str, list[str]]] = [
            (organisation.existing.remarks if organisation.existing else "", organisation.remarks)
        ]
        if person is not None:
            owners.append((person.existing.remarks if person.existing else "", person.remarks))
        for known, planned in owners:
            if not holds_remark("\n".join([known, *planned]), text):
                planned.append(text)
                added = True
        if not added:
            self.plan.remarks_known += 1

    def geography(self, record: RowRecord) -> None:
        plan, snapshot = self.plan, self.plan.snapshot
        domain = identity_key(record.domain)
        if domain and domain not in snapshot.domains:
            plan.new_domains.setdefault(domain, record.domain)
        district_known = plan.district is not None or snapshot.only_district_id is not None
        for name in record.neighbourhoods:
            key = identity_key(name)
            candidates = snapshot.neighbourhoods.get(key, [])
            if snapshot.district_id is not None:
                candidates = [c for c in candidates if c[1] == snapshot.district_id] or candidates
            if candidates or key in plan.new_neighbourhoods:
                continue
            if district_known:
                plan.new_neighbourhoods[key] = name
            else:
                plan.row_lines.append(
                    (
                        record.row,
                        tr(
                            "the neighbourhood {name} is not known and there is no district to add it to "
                            "(give --district); left out.",
                            name=name,
                        ),
                    )
                )

    def possible_duplicates(self) -> None:
        """Names one letter apart: new organisations against all others, new persons within their organisation."""
        existing = {key: known.name for key, known in self.plan.snapshot.organisations.items()}
        planned = {organisation.key: organisation for organisation in self.plan.organisations}
        # Later rows first: the one reported as a possible duplicate is the one written after the other.
        new = [o.key for o in reversed(self.plan.organisations) if o.existing is None]
        for key, other in near_pairs(new, [*existing, *planned]):
            first = planned.get(other)
            if first is not None and first.existing is None:
                text = tr(
                    'possible duplicate: organisation "{name}" (row {row}) and "{other}" (row {other_row})',
                    name=planned[key].name,
                    row=planned[key].row,
                    other=first.name,
                    other_row=first.row,
                )
            else:
                text = tr(
                    'possible duplicate: organisation "{name}" (row {row}) and the existing "{other}"',
                    name=planned[key].name,
                    row=planned[key].row,
                    other=existing[other],
                )
            self.propose("possible", f"org{SEP}{key}{SEP}{other}", text)
        for organisation in self.plan.organisations:
            persons = {identity_key(p.name): p for p in organisation.persons if p.existing is None}
            if organisation.existing is not None:
                known = self.plan.snapshot.persons_by_organisation.get(organisation.existing.id, [])
                others = {identity_key(k.name): k.name for k in known}
            else:
                others = {}
            others.update({identity_key(p.name): p.name for p in organisation.persons})
            for key, other in near_pairs(list(persons), list(others)):
                self.propose(
                    "possible",
                    f"person{SEP}{organisation.key}{SEP}{key}{SEP}{other}",
                    tr(
                        'possible duplicate: person "{name}" (row {row}) and "{other}" at {organisation}',
                        name=persons[key].name,
                        row=persons[key].row,
                        other=others[other],
                        organisation=organisation.name,
                    ),
                )
