"""Search results as a flat list model: a header row per kind, then its hits with the matches marked.

Plain rows in (:class:`~teamlead.data.search.SearchResults`), testable without widgets. Header rows are not
selectable, so the keyboard moves from hit to hit.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from teamlead.data.search import SearchHit, SearchKind, SearchResults
from teamlead.data.search_text import highlight
from teamlead.i18n import tr
from teamlead.rules.vocabulary import RecordKind
from teamlead.ui.widgets.formatting import format_date

AnyIndex = QModelIndex | QPersistentModelIndex

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
"""Rich text of a row: the title with its matches in bold, and the snippet below."""
TARGETS_ROLE = Qt.ItemDataRole.UserRole + 2
"""Where a hit leads: ``(kind, id)`` pairs to try in order (a role falls back to its organisation)."""
HEADER_ROLE = Qt.ItemDataRole.UserRole + 3
EXPAND_ROLE = Qt.ItemDataRole.UserRole + 4
"""The kind whose results an "all results" row shows, when chosen (None on other rows)."""
ALL_RESULTS = 500
"""How many results of one kind "all results" lists at most (a word that matches thousands of notes is not a
search anyone reads to the end)."""


def kind_heading(kind: SearchKind) -> str:
    return {
        SearchKind.ORGANISATION: tr("Partners"),
        SearchKind.PERSON: tr("People"),
        SearchKind.ROLE: tr("Roles"),
        SearchKind.NOTE: tr("Notes & signals"),
    }[kind]


def targets(hit: SearchHit) -> tuple[tuple[RecordKind, int], ...]:
    """The records a hit opens, best first: the record itself, else the organisation it belongs to."""
    found: list[tuple[RecordKind, int]] = []
    if hit.kind == SearchKind.ORGANISATION:
        found.append((RecordKind.ORGANISATION, hit.record_id))
    elif hit.kind == SearchKind.PERSON:
        found.append((RecordKind.PERSON, hit.record_id))
    elif hit.kind == SearchKind.ROLE and hit.person_id is not None:
        found.append((RecordKind.PERSON, hit.person_id))
    elif hit.kind == SearchKind.NOTE:
        found.append((RecordKind.NOTE, hit.record_id))
    if hit.organisation_id is not None:
        found.append((RecordKind.ORGANISATION, hit.organisation_id))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One line of the list: a group heading (``hit`` None), a hit, or the row that shows all of a kind."""

    heading: str
    hit: SearchHit | None = None
    expand: SearchKind | None = None


def result_rows(results: SearchResults, expanded: SearchKind | None = None) -> list[ResultRow]:
    """The rows for ``results``; a kind with more hits than shown ends in an "all results" row, and the kind
    ``expanded`` (its results searched again, up to :data:`ALL_RESULTS`) says how many it found."""
    rows: list[ResultRow] = []
    for group in results.groups:
        heading = kind_heading(group.kind)
        if group.kind == expanded:
            count = len(group.hits)
            heading = (
                tr("{kind}: the first {count}", kind=heading, count=count)
                if group.more
                else tr("{kind}: all {count}", kind=heading, count=count)
            )
        rows.append(ResultRow(heading))
        rows.extend(ResultRow("", hit) for hit in group.hits)
        if group.more and group.kind != expanded:
            rows.append(
                ResultRow(
                    tr("Show all results for {kind}…", kind=kind_heading(group.kind)), expand=group.kind
                )
            )
    return rows


def hit_html(hit: SearchHit) -> str:
    title = highlight(hit.title, hit.title_marks)
    details: list[str] = []
    if hit.occurred_on is not None:
        details.append(format_date(hit.occurred_on))
    if hit.ended_on is not None:
        details.append(tr("until {date}", date=format_date(hit.ended_on)))
    prefix = " · ".join(details)
    snippet = highlight(hit.snippet, hit.snippet_marks) if hit.snippet else ""
    second = " · ".join(part for part in (prefix, snippet) if part)
    if not second:
        return title
    return f"{title}<br><span style='color: palette(placeholder-text)'>{second}</span>"


class SearchResultsModel(QAbstractListModel):
    """The rows of the search popup."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self.query = ""

    def set_results(self, results: SearchResults, expanded: SearchKind | None = None) -> None:
        self.beginResetModel()
        self._rows = result_rows(results, expanded)
        self.query = results.query
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.query = ""
        self.endResetModel()

    def hit_rows(self) -> list[int]:
        return [row for row, item in enumerate(self._rows) if item.hit is not None]

    def first_hit(self, kind: SearchKind | None = None) -> int | None:
        """The row of the first hit (of ``kind``, when given)."""
        return next(
            (
                row
                for row, item in enumerate(self._rows)
                if item.hit is not None and (kind is None or item.hit.kind == kind)
            ),
            None,
        )

    def choice_rows(self) -> list[int]:
        """The rows Up and Down move through: the hits and the "all results" rows."""
        return [row for row, item in enumerate(self._rows) if item.hit is not None or item.expand is not None]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        item = self._rows[index.row()] if index.isValid() else None
        if item is None or (item.hit is None and item.expand is None):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        hit = item.hit
        if role == HEADER_ROLE:
            return hit is None and item.expand is None
        if role == EXPAND_ROLE:
            return item.expand
        if hit is None:
            if role == HTML_ROLE and item.expand is not None:  # an action, not a result: set apart
                return f"<i>{html.escape(item.heading)}</i>"
            if role in (Qt.ItemDataRole.DisplayRole, HTML_ROLE, Qt.ItemDataRole.AccessibleTextRole):
                return item.heading
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return hit.title if not hit.snippet else f"{hit.title} — {hit.snippet}"
        if role == HTML_ROLE:
            return hit_html(hit)
        if role == TARGETS_ROLE:
            return targets(hit)
        return None
