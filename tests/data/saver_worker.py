"""A colleague saving while something else writes: ``saver_worker.py DATABASE INTERVAL``.

Adds a partner and prints ``ready``; then, from the first line on stdin until stdin closes, logs notes about
that partner through the notes service, one transaction each (as the app saves a note), INTERVAL seconds
apart: ``saving`` before each, ``saved <start> <end>`` (``time.time()`` around it) or ``failed <message>`` after.
"""

from __future__ import annotations

import sys
import threading
import time

from teamlead.data.database import open_database
from teamlead.errors import UserError
from teamlead.services.notes import NoteInput, log_note
from teamlead.services.organisations import OrganisationInput, add_organisation


def main() -> None:
    target, interval = sys.argv[1], float(sys.argv[2])
    database = open_database(target)
    stop = threading.Event()
    try:
        with database.begin() as session:
            partner = add_organisation(session, OrganisationInput(name="Buurtteam De Punt"))
        print("ready", flush=True)
        sys.stdin.readline()
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
        number = 0
        while not stop.is_set():
            number += 1
            print("saving", flush=True)
            started = time.time()
            try:
                with database.begin() as session:
                    note = NoteInput(kind="call", text=f"Gebeld {number}", organisation_ids=[partner])
                    log_note(session, note)
            except UserError as error:
                print(f"failed {error.message}", flush=True)
            else:
                print(f"saved {started:.3f} {time.time():.3f}", flush=True)
            stop.wait(interval)
    finally:
        database.dispose()


if __name__ == "__main__":
    main()
