"""Making reports: the registry of report kinds and the one way every report is made.

A small layer above both halves of a report: :mod:`teamlead.reporting` gathers (database → frozen dataclasses)
and :mod:`teamlead.reports` writes (dataclasses → file); neither knows the other's functions. This package
knows both, so the arrows between them point one way, and ``teamlead report``, ``teamlead consolidate`` and the
app's Reports screen read the same registry instead of keeping copies of the kind list. ``teamlead export``
joins its gathering (:mod:`teamlead.reporting.export`) and the streaming workbook writer here too.
"""
