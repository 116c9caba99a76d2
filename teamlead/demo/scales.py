"""How much demo data each ``--scale`` makes (per district), as ``shared/interface.md`` promises."""

from __future__ import annotations

from dataclasses import dataclass

from teamlead.demo.places import DISTRICTS, NIEUW_WEST, DistrictPlan


@dataclass(frozen=True)
class Scale:
    name: str
    districts: tuple[DistrictPlan, ...]
    partners: int  # per district, and so on below
    persons: int
    notes: int  # contact moments of every kind; the signal rounds' answers are among them, not added
    meetings: int
    agreements: int


SCALES: dict[str, Scale] = {
    "small": Scale("small", (NIEUW_WEST,), 40, 130, 800, 120, 150),
    "district": Scale("district", (NIEUW_WEST,), 300, 1000, 5000, 700, 1000),
    "city": Scale("city", DISTRICTS, 375, 1500, 25000, 2500, 3750),
}
SCALE_NAMES: tuple[str, ...] = tuple(SCALES)
