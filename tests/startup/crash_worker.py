"""Edits a database and backs it up at the same time, printing each committed change, until killed.

Run by test_crash.py as ``python crash_worker.py DATABASE``; the test kills it with SIGKILL at a random
moment. Backups run in a second thread, as the app's worker thread takes them.
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

from teamlead.data.database import open_database
from teamlead.services.organisations import OrganisationInput, add_organisation
from teamlead.startup.autobackup import AutoBackup


def main() -> None:
    path = Path(sys.argv[1])
    database = open_database(path)
    start = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    auto = AutoBackup(path, interval=timedelta(0))

    def back_up() -> None:
        while True:
            if auto.due():
                auto.run()
            time.sleep(0.01)

    threading.Thread(target=back_up, daemon=True).start()
    print("ready", flush=True)
    number = start
    while True:
        number += 1
        with database.begin() as session:
            add_organisation(
                session, OrganisationInput(name=f"crash-{number}", description="x" * (number % 500))
            )
        print(number, flush=True)  # only after the commit returned


if __name__ == "__main__":
    main()
