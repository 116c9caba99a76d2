"""Teamlead: the desktop tool of a district team lead in integrated neighbourhood work."""

__version__ = "0.1.0"
APP_NAME = "Teamlead"
