"""Gathering report data from the database into plain frozen dataclasses (:mod:`teamlead.reporting.model`)."""
