"""What the app does around its database when it starts and while it runs: opening it the safe way (and what to
offer when that fails), automatic backups and their rotation, the key of the one-instance lock.

Plain Python (no Qt), above the services and beneath the screens and commands: the desktop glue lives in
:mod:`teamlead.ui.safety`, so everything here is tested against real files and databases without a window.
"""
