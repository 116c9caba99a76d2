"""Consistent copies of an SQLite database through its backup API (never a file copy of a live database)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` consistently, even while other processes write to it.

    Written to a temporary file beside ``target`` and renamed at the end, so ``target`` is never half-written.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        target_connection = sqlite3.connect(partial)
        try:
            source_connection.backup(target_connection)
            target_connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            target_connection.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source_connection.close()
    os.replace(partial, target)
    return target
