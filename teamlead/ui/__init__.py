"""The desktop app (PySide6 only). Nothing outside this package imports it.

``app.run(args)`` starts it; :mod:`teamlead.ui.context` and :mod:`teamlead.ui.tasks` are what every view
builds on: the shared context (database, background tasks, today, navigation) and off-GUI-thread work.
"""
