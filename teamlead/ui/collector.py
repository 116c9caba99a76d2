"""Garbage collection only on the GUI thread: automatic collection off, the same collections run on a timer.

Python's cyclic collector runs on whichever thread happens to allocate when a threshold is crossed. In a
worker thread (:mod:`teamlead.ui.tasks`) it may then free Qt wrappers of widgets whose cycles became garbage,
and Qt objects deleted outside the GUI thread crash the process. So, as Anki does (``aqt/main.py``:
``disable_automatic_garbage_collection``, ``garbage_collect_now``), the app turns automatic collection off
and collects on a timer on the GUI thread, by the same thresholds the automatic collector would use; memory
held by cycles waits at most one tick. Worker threads never turn it back on
(:func:`teamlead.data.queries._common.collection_paused` leaves a collector it did not disable alone).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 500
"""How often the GUI thread looks whether a collection is due (a look costs one ``gc.get_count()``)."""


def collect_due() -> int | None:
    """Run the collection the automatic collector would have run by now, if any; return its generation.

    Call it on the GUI thread only. The oldest generation past its threshold is collected, which also
    collects the younger ones, as CPython does.
    """
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return None


class GuiCollector(QObject):
    """While it lives: automatic collection off, due collections on the GUI thread (create it there)."""

    def __init__(self, parent: QObject | None = None, *, tick_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.setObjectName("guiCollector")
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    def stop(self) -> None:
        """Give collection back to Python as it was (tests; the app ends with the process)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def install_gui_collector(app: QObject) -> GuiCollector:
    """The app's one collector, a child of ``app`` (created on first call, on the GUI thread)."""
    existing = app.findChild(GuiCollector, "guiCollector")
    if isinstance(existing, GuiCollector):
        return existing
    return GuiCollector(app)


_start_up_kept = False


def keep_start_up_out_of_collections() -> None:
    """Once per process, when the first database is open: move everything alive out of the garbage
    collector's sight (:func:`gc.freeze`).

    By then the app's modules, SQLAlchemy's mappings and compiled statements are loaded, some 70,000
    tracked objects that live as long as the app. Every full collection walked them all, on whichever
    thread happened to allocate, and those landing on the GUI thread while the city dashboard was built
    made the longest stalls of the first second (median 30-40 ms, 15-25 ms without them). Frozen, they are still freed by reference counting; only
    cycles among them would wait (:func:`teamlead.data.queries._common.collection_paused` gives them back
    to the collector at the next large read).
    """
    global _start_up_kept
    if not _start_up_kept:
        _start_up_kept = True
        gc.freeze()
