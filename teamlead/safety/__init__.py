"""Nothing lost, nothing leaked: automatic backups and their rotation, risky locations, privacy by design.

Plain Python (no Qt): the desktop glue lives in :mod:`teamlead.ui.safety`, so everything here is tested
against real files and databases without a window.
"""
