"""Helpers shared by the screen queries: the "current role" rule, and building many rows."""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import ColumnElement, and_, or_

from teamlead.data.roster import Role


def role_current(today: date) -> ColumnElement[bool]:
    """A role holds on ``today`` when it has started and not ended (both ends inclusive)."""
    return and_(
        or_(Role.started_on.is_(None), Role.started_on <= today),
        or_(Role.ended_on.is_(None), Role.ended_on >= today),
    )


def grouped[K, V](pairs: Iterable[tuple[K, V]]) -> dict[K, tuple[V, ...]]:
    """``(key, value)`` rows (already in the wanted order) as a tuple of values per key."""
    groups: dict[K, list[V]] = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return {key: tuple(values) for key, values in groups.items()}


_gc_lock = threading.Lock()
_gc_pauses = 0


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a query builds tens of thousands of long-lived rows.

    Every row, tuple and set made counts towards the collector's thresholds, so building the city's 30,000
    agreements set off repeated collections, and a full one over the whole heap right after: 30 % of the
    time, for rows that hold no cycles and live as long as their screen. So the collector is paused while
    they are built, and afterwards everything alive is moved out of its sight (:func:`gc.freeze`) instead
    of being traversed at once. The next pause first gives those objects back (:func:`gc.unfreeze`), so
    nothing escapes collection for longer than until the next large read. Counted across threads: the last
    one to finish resumes collecting. Leaves the collector alone when someone else turned it off.
    """
    global _gc_pauses
    with _gc_lock:
        owner = _gc_pauses > 0 or gc.isenabled()
        if owner:
            if _gc_pauses == 0:
                gc.unfreeze()
            _gc_pauses += 1
            gc.disable()
    try:
        yield
    finally:
        if owner:
            with _gc_lock:
                _gc_pauses -= 1
                if _gc_pauses == 0:
                    gc.freeze()
                    gc.enable()
