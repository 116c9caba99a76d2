"""Every text column of the schema is placed: free text (rewritten by an erasure), master data (never), or a
code the app writes itself. A new column fails here until someone decides which it is."""

from __future__ import annotations

from sqlalchemy import String, Text

from teamlead.data.base import Base
from teamlead.data.free_texts import FREE_TEXTS, MASTER_DATA, NOT_WRITTEN

UNVERSIONED = {"alembic_version"}  # Alembic's own table, not ours


def test_every_text_column_is_placed_exactly_once() -> None:
    placed = [field.key for field in (*FREE_TEXTS, *MASTER_DATA, *NOT_WRITTEN)]
    assert len(placed) == len(set(placed))
    columns = {
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        if table.name not in UNVERSIONED
        for column in table.columns
        if isinstance(column.type, String | Text)
    }
    assert set(placed) == columns


def test_free_texts_are_what_people_write_and_master_data_what_names_a_record() -> None:
    free = {field.key for field in FREE_TEXTS}
    assert {"note.text", "meeting.minutes", "agenda_item.title", "agreement.text", "narrative.text"} <= free
    master = {field.key for field in MASTER_DATA}
    assert {
        "organisation.name",
        "organisation.address",
        "person.name",
        "meeting.title",
        "neighbourhood.name",
    } <= master
    for field in FREE_TEXTS:
        assert "id" in field.table.c  # rewritten by id
        assert field.label() != field.key  # every free text has a name the user knows
