"""Screenshots of every dialog in Dutch and in English, to read for text in the wrong language.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/dialog_shots.py [--language nl|en] [NAME ...]

Saves ``docs/screenshots/dialogs/<language>/<name>.png`` (each dialog as it stands, at 1x) and prints the
texts that ``tests/ui/test_dialog_language.py`` would call a leak. The dialogs and how a user opens them are
listed once, in :mod:`tests.ui.dialog_catalogue`; each language gets its own copy of the district demo, since
the import wizard's last step imports a roster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from scripts.screenshots import demo_database  # noqa: E402
from tests.ui.dialog_catalogue import CASES, DialogCase, idle, open_case, wait_until  # noqa: E402
from tests.ui.interface_texts import blank_buttons, leaks  # noqa: E402

TODAY = date(2026, 3, 2)
SIZE = (1366, 768)
OUT = ROOT / "docs" / "screenshots" / "dialogs"


def shoot(language: str, template: Path, folder: Path, cases: list[DialogCase]) -> int:
    """Every case in ``language``; returns how many texts leaked."""
    from teamlead.data.database import open_database
    from teamlead.i18n import set_language
    from teamlead.rules import settings
    from teamlead.ui.context import AppContext
    from teamlead.ui.main_window import MainWindow
    from teamlead.ui.qt_language import apply_qt_language

    work = folder / language
    work.mkdir()
    os.environ["TEAMLEAD_SETTINGS"] = str(work / "settings.json")
    settings.save(settings.Settings(language=language))
    set_language(language)
    apply_qt_language(language)
    os.chdir(work)  # where the file dialogs start: the demo database, not the checkout
    path = work / "teamlead-demo.sqlite3"
    shutil.copyfile(template, path)
    database = open_database(path)
    context = AppContext(database, today=TODAY)
    window = MainWindow(context, qsettings=QSettings(str(work / "w.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    wait_until(lambda: not window.showing_welcome and window.sidebar.count() > 0)
    idle(window)
    out = OUT / language
    out.mkdir(parents=True, exist_ok=True)
    found = 0

    def use(name: str, dialog: QWidget) -> None:
        nonlocal found
        dialog.grab().save(str(out / f"{name}.png"))
        wrong = leaks(dialog, language) + [f"a button without text: {b}" for b in blank_buttons(dialog)]
        found += len(wrong)
        print(f"{language}/{name}.png" + "".join(f"\n    leak: {text}" for text in wrong), flush=True)

    for case in cases:
        open_case(case, window, lambda dialog, name=case.name: use(name, dialog))
    window.close()
    context.tasks.shutdown(wait=True)
    database.dispose()
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=["nl", "en"], action="append", help="default: both")
    parser.add_argument("names", nargs="*", help="only these dialogs (default: all)")
    arguments = parser.parse_args(argv)
    cases = [case for case in CASES if not arguments.names or case.name in arguments.names]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    found = 0
    with tempfile.TemporaryDirectory(prefix="teamlead-dialogs-") as name:
        folder = Path(name)
        template = demo_database(folder)
        for language in arguments.language or ["nl", "en"]:
            found += shoot(language, template, folder, cases)
    print(f"{found} texts in the wrong language" if found else "no text in the wrong language")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
