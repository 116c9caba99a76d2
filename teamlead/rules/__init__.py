"""The rules every layer shares, each kept once: the vocabulary and its words, text folding, the file writer,
limits and windows, the time zone, the user's settings, where the database lives (and which places are risky
for it), and what the log file may hold.

Beneath every other package of Teamlead (an import-linter contract keeps it so): it imports only
:mod:`teamlead.i18n`, :mod:`teamlead.errors`, the standard library and platformdirs, so the database, the
services, the reports and the screens can all use the same rule instead of a copy that drifts.
"""
