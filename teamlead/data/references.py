"""Which columns point at a table: found in the schema itself, not listed by hand.

Merging two districts, neighbourhoods or domains must move *every* link to the one merged away, and deleting
one must see every record that still uses it. A hand-kept list would miss the table a later issue adds (signal
rounds, places, indicators point at neighbourhoods); the foreign keys of the mapped tables do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, Table

from teamlead.data import models


@dataclass(frozen=True)
class Reference:
    """A column holding the id of a row of another table."""

    table: Table
    column: Column[int]
    owner: Column[int] | None
    """For a link table (the column is part of its primary key: ``organisation_neighbourhood``), the other
    key column, naming the record that holds the link; None for an ordinary column."""

    @property
    def is_link(self) -> bool:
        return self.owner is not None


def references_to(table_name: str) -> list[Reference]:
    """Every column of every table with a foreign key to ``table_name``'s ``id``, in the schema's order."""
    found: list[Reference] = []
    for table in models.Base.metadata.sorted_tables:
        for column in table.columns:
            if not any(
                key.column.table.name == table_name and key.column.name == "id" for key in column.foreign_keys
            ):
                continue
            owner = None
            if column.primary_key:
                others = [c for c in table.primary_key.columns if c is not column and c.foreign_keys]
                owner = others[0] if others else None
            found.append(Reference(table, column, owner))
    return found
