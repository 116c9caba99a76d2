"""A plain, sortable table of records (roles, a timeline) as the record pages show them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def table(model: QAbstractItemModel, name: str) -> QTableView:
    """Rows selected whole, one at a time, read-only, sorted by a header click; ``name`` for screen readers."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table (the arrows move within it)
    return view
