"""Realistic, deterministic demo data: Amsterdam districts, their partner networks, two years of work.

Every screen, report and benchmark is judged on this data, so it should look like a real district: partners
and their people over time (most with a key contact, reachability and offers, :mod:`~teamlead.demo.contacts`),
notes whose signals mostly have a signal round with partners asked and a close (:mod:`~teamlead.demo.signals`;
the answers are part of the scale's note count), meetings, agreements and the quarterly narratives. Use
:func:`generate_demo` (the CLI's ``teamlead demo`` and the welcome page both call it).
"""

from __future__ import annotations

from teamlead.demo.scales import SCALE_NAMES, SCALES, Scale
from teamlead.demo.writer import DatabaseNotEmptyError, DemoCancelledError, DemoSummary, generate_demo

__all__ = [
    "SCALES",
    "SCALE_NAMES",
    "DatabaseNotEmptyError",
    "DemoCancelledError",
    "DemoSummary",
    "Scale",
    "generate_demo",
]
