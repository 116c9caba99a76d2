"""Importing rosters (``.xlsx``/``.csv``, one row per person) and reading back ``teamlead export`` workbooks.

The steps, each its own module: :mod:`.limits` (what a file may be before it is read), :mod:`.readers`
(cells with the row numbers the user sees), :mod:`.headers` (which column is what), :mod:`.cleaning` (one row
made clean), :mod:`.plan` (merges and possible duplicates, read-only), :mod:`.apply` (bulk writes in the
caller's transaction), :mod:`.export_read` (an export's sheets as records, earlier versions included),
:mod:`.export_load` (those records back into an empty database) and :mod:`.session` (the whole import as the
CLI and the wizard run it).
"""
