"""Screenshots of every screen for the README: the app on demo data, Dutch UI, a fixed date, 1366x768; the
dashboard, the partners and a meeting page also at 960x600 and 1366x768 (``dashboard-960x600.png``...).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [NAME ...]

Saves ``docs/screenshots/<name>.png``. To add a screen, add a ``Shot`` to :data:`SHOTS`: its name, how to get
there from the main window (a function that may return a dialog to photograph over the window), and when it
is ready (a function that returns True once its data is on screen). No ``processEvents`` loops: waiting runs
the event loop with a timer until the screen says it is ready.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QPoint, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from scripts.history_shots import history_shots  # noqa: E402
from scripts.import_shots import import_shots  # noqa: E402
from scripts.meeting_shots import meeting_shots  # noqa: E402
from scripts.safety_shots import safety_shots  # noqa: E402
from teamlead.ui.settings_actions import open_geography, open_settings  # noqa: E402
from tests.ui.dialog_catalogue import wait_until  # noqa: E402

TODAY = date(2026, 3, 2)
SIZE = (1366, 768)
OUT = ROOT / "docs" / "screenshots"

if TYPE_CHECKING:
    from teamlead.data.database import Database
    from teamlead.ui.main_window import MainWindow

DIM = QColor(0, 0, 0, 60)


def settle(ms: int = 250) -> None:
    """Let layouts and late paints finish."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def loaded(view: QWidget) -> bool:
    return bool(getattr(view, "is_loaded", True))


@dataclass(frozen=True)
class Shot:
    name: str
    go: Callable[[MainWindow], QWidget | None]
    """Get there; return a dialog to photograph over the window, else None."""
    ready: Callable[[MainWindow], bool] = lambda window: True


def _section(key: str) -> Callable[[MainWindow], QWidget | None]:
    def go(window: MainWindow) -> None:
        window.go_to_section(key)

    return go


def _loaded_signal(window: MainWindow) -> bool:
    return loaded(window.current_view())


def _partner_detail(window: MainWindow) -> None:
    from sqlalchemy import select

    from teamlead.data.models import Organisation

    with window.context.database.session() as session:
        partner = session.scalar(select(Organisation.id).where(Organisation.name.like("Jongerenwerk%")))
    window.go_to_section("partners")
    wait_until(lambda: loaded(window.current_view()))
    if partner is not None:
        window.context.open_record.emit("organisation", partner)


def _note_dialog(window: MainWindow) -> QWidget | None:
    window.go_to_section("dashboard")
    window.log_contact_moment()
    return QApplication.activeModalWidget() or window.findChild(QWidget, "noteDialog")


def _who_to_call(window: MainWindow) -> None:
    from teamlead.ui.whotocall.view import WhoToCallView

    window.go_to_section("whotocall")
    view = window.current_view()
    assert isinstance(view, WhoToCallView)
    wait_until(lambda: len(view.picker.offered()) > 1)
    view.picker.line.setText("Wildemanbuurt")
    view.picker.pick_typed()  # as Enter in the field


def _open_signal(window: MainWindow) -> int:
    """An open signal of Nieuw-West that partners were asked about, Wildemanbuurt's if there is one."""
    from sqlalchemy import func, select

    from teamlead.data.models import District, Neighbourhood, Note, SignalAsk, SignalRound

    with window.context.database.session() as session:
        found = session.scalar(
            select(Note.id)
            .join(SignalRound, SignalRound.note_id == Note.id)
            .join(Neighbourhood, Neighbourhood.id == Note.neighbourhood_id)
            .join(District, District.id == Neighbourhood.district_id)
            .join(SignalAsk, SignalAsk.round_id == SignalRound.id)
            .where(District.name == "Nieuw-West", SignalRound.closed_on.is_(None))
            .group_by(Note.id, Neighbourhood.name, Note.occurred_on)
            .having(func.count(SignalAsk.id) >= 3)
            .order_by((Neighbourhood.name == "Wildemanbuurt").desc(), Note.occurred_on.desc())
            .limit(1)
        )
    assert found is not None, "the demo has no open signal with asks in Nieuw-West"
    return int(found)


def _signal_round(window: MainWindow) -> QWidget | None:
    """A signal's round over Notes & signals: its themes, the partners asked and their answers."""
    from teamlead.ui.signals.round_dialog import open_signal_round

    window.go_to_section("notes")
    dialog = open_signal_round(window.context, _open_signal(window), window)
    dialog.resize(780, 660)
    wait_until(lambda: dialog.is_loaded and not window.context.tasks.busy)
    return _centred(window, dialog)


def _who_to_call_asking(window: MainWindow) -> None:
    """Who to call at 22:00, asking Wildemanbuurt's partners about a signal: key contacts reachable now first."""
    from datetime import datetime

    from teamlead.rules.clock import AMSTERDAM

    window.context.set_now(datetime(TODAY.year, TODAY.month, TODAY.day, 22, 0, tzinfo=AMSTERDAM))
    window.context.open_record.emit("signal_ask", _open_signal(window))
    view = window.current_view()
    wait_until(lambda: bool(getattr(view, "key_rows", None)) and not window.context.tasks.busy)


def _search(window: MainWindow) -> None:
    window.go_to_section("dashboard")
    window.open_search()
    popup = window.search_popup
    popup.input.setText("jongeren")
    wait_until(lambda: bool(popup.model.hit_rows()))


def _centred(window: MainWindow, dialog: QWidget) -> QWidget:
    """Offscreen, the screen is smaller than the window, so Qt leans a wide dialog against the screen's left
    edge; on a desktop it stands over the window's middle, as here."""
    dialog.move(window.mapToGlobal(window.rect().center()) - dialog.rect().center())
    return dialog


def _settings(window: MainWindow) -> QWidget | None:
    return _centred(window, open_settings(window))


def _geography(window: MainWindow) -> QWidget | None:
    """Settings on its second tab: Nieuw-West chosen, so its neighbourhoods show beside it, one selected."""
    dialog = open_geography(window)
    page = dialog.geography
    wait_until(lambda: page.is_loaded and not window.context.tasks.busy)
    page.districts.select(next(row.id for row in page.data.districts if row.name == "Nieuw-West"))
    wildeman = next((row.id for row in page.data.neighbourhoods if row.name == "Wildemanbuurt"), None)
    page.neighbourhoods.select(wildeman)
    page.neighbourhoods.table.setFocus()
    return _centred(window, dialog)


def _shortcuts(window: MainWindow) -> QWidget | None:
    window.actions_by_name["shortcuts"].trigger()
    return window.findChild(QWidget, "shortcutsDialog")


def _past_meeting(window: MainWindow, kind: str) -> int | None:
    """A held meeting of ``kind`` with minutes (or reflection answers) and attendance, the latest first."""
    from sqlalchemy import select

    from teamlead.data.models import Invitee, Meeting

    filled = Meeting.reflection_goes_well if kind == "reflection" else Meeting.minutes
    with window.context.database.session() as session:
        return session.scalar(
            select(Meeting.id)
            .where(Meeting.kind == kind, Meeting.status == "scheduled", filled != "")
            .where(Meeting.id.in_(select(Invitee.meeting_id).where(Invitee.attendance == "present")))
            .order_by(Meeting.starts_at.desc())
        )


def _meeting_page(kind: str) -> Callable[[MainWindow], QWidget | None]:
    def go(window: MainWindow) -> None:
        meeting = _past_meeting(window, kind)
        window.go_to_section("meetings")
        view = window.current_view()
        wait_until(lambda: loaded(view))
        if meeting is not None:
            window.context.open_record.emit("meeting", meeting)
            page = view.page  # type: ignore[attr-defined]
            wait_until(lambda: page.meeting_id == meeting and not window.context.tasks.busy)
            page.tabs.setCurrentIndex(1 if kind == "reflection" else 0)

    return go


def _agreements(window: MainWindow) -> None:
    """The register, an overdue agreement with some history selected."""
    from sqlalchemy import func, select

    from teamlead.data.models import Agreement, AgreementStatusChange

    with window.context.database.session() as session:
        agreement = session.scalar(
            select(Agreement.id)
            .join(AgreementStatusChange, AgreementStatusChange.agreement_id == Agreement.id)
            .where(Agreement.status == "in_progress", Agreement.due_on < TODAY)
            .where(Agreement.made_in_meeting_id.is_not(None))
            .group_by(Agreement.id)
            .order_by(func.count().desc(), Agreement.due_on.desc())
        )
    window.go_to_section("agreements")
    view = window.current_view()
    wait_until(lambda: loaded(view))
    if agreement is not None:
        window.context.open_record.emit("agreement", agreement)
        wait_until(lambda: view.pane.detail is not None)  # type: ignore[attr-defined]


def _network(window: MainWindow) -> None:
    """The map of Nieuw-West's last quarter, zoomed in on the partner with the most ties, which is hovered
    so its ties light up."""
    window.go_to_section("network")
    view = window.current_view()
    wait_until(lambda: loaded(view))
    picture = view.picture  # type: ignore[attr-defined]
    hub = max(picture.graph.linked, key=lambda node: (len(picture.graph.neighbours(node.id)), -node.id))
    canvas = view.canvas  # type: ignore[attr-defined]
    canvas.zoom(2.2)
    canvas.centerOn(canvas.mapToScene(canvas.node_point(hub.id)))
    canvas.highlight(hub.id)


def _neighbourhood(window: MainWindow) -> None:
    """The page of a Nieuw-West neighbourhood that held a local reflection (Wildemanbuurt if it did), opened as
    Who to call's Neighbourhood page button opens it."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from teamlead.data.meetings import meeting_neighbourhood
    from teamlead.data.models import District, Meeting, Neighbourhood

    with window.context.database.session() as session:
        found = session.scalar(
            select(Neighbourhood.id)
            .join(District, District.id == Neighbourhood.district_id)
            .join(meeting_neighbourhood, meeting_neighbourhood.c.neighbourhood_id == Neighbourhood.id)
            .join(Meeting, Meeting.id == meeting_neighbourhood.c.meeting_id)
            .where(
                District.name == "Nieuw-West",
                Meeting.kind == "reflection",
                Meeting.starts_at <= datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC),
            )
            .order_by((Neighbourhood.name == "Wildemanbuurt").desc(), Neighbourhood.name)
            .limit(1)
        )
    assert found is not None, "the demo has no local reflection in a Nieuw-West neighbourhood"
    window.context.open_record.emit("neighbourhood", found)
    view = window.current_view()
    wait_until(lambda: getattr(view, "page", None) is not None and not window.context.tasks.busy)


SHOTS: tuple[Shot, ...] = (
    Shot("dashboard", _section("dashboard"), _loaded_signal),
    Shot("roster", _section("partners"), _loaded_signal),
    Shot("partner-detail", _partner_detail),
    Shot("people", _section("people"), _loaded_signal),
    Shot("notes", _section("notes"), _loaded_signal),
    Shot("note-dialog", _note_dialog),
    Shot("who-to-call", _who_to_call),
    Shot("meetings", _section("meetings"), _loaded_signal),
    Shot("meeting", _meeting_page("network")),
    Shot("local-reflection", _meeting_page("reflection")),
    *meeting_shots(Shot, wait_until),
    Shot("agreements", _agreements),
    Shot("network", _network),
    Shot("neighbourhood", _neighbourhood),
    Shot("search", _search),
    Shot("settings", _settings),
    Shot("geography-settings", _geography),
    Shot("shortcuts", _shortcuts),
    *safety_shots(Shot, wait_until),
    *history_shots(Shot),
    Shot("signal-round", _signal_round),
    Shot("who-to-call-asking", _who_to_call_asking),  # sets the clock to 22:00: after the others
    *import_shots(Shot, wait_until),  # last: its final step imports a roster
)


SIZES: tuple[tuple[int, int], ...] = ((960, 600), (1366, 768))
"""Half a laptop screen (beside Outlook) and a whole one: the window must work at both."""
SIZED: tuple[Shot, ...] = (
    Shot("dashboard", _section("dashboard"), _loaded_signal),
    Shot("partners", _section("partners"), _loaded_signal),
    Shot("meeting", _meeting_page("network")),
)
"""Shots made at each of :data:`SIZES` too, as ``<name>-<width>x<height>.png``."""


def photograph(window: QWidget, dialog: QWidget | None) -> QPixmap:
    """The window, with a dialog drawn over it where it stands (offscreen, dialogs are separate windows)."""
    pixmap = window.grab()
    if dialog is not None and dialog.isVisible():
        painter = QPainter(pixmap)
        shot = dialog.grab()
        origin = window.mapToGlobal(QPoint(0, 0))
        where = dialog.mapToGlobal(QPoint(0, 0)) - origin
        if not pixmap.rect().contains(where):
            where = QPoint((pixmap.width() - shot.width()) // 2, (pixmap.height() - shot.height()) // 3)
        painter.fillRect(pixmap.rect(), DIM)
        painter.drawPixmap(where, shot)
        painter.end()
    return pixmap


def take(window: MainWindow, shot: Shot, name: str) -> None:
    """Go to the shot's screen, wait until it is ready, save ``docs/screenshots/<name>.png``."""
    dialog = shot.go(window)
    wait_until(lambda: shot.ready(window))
    settle(400)
    photograph(window, dialog).save(str(OUT / f"{name}.png"))
    print(f"saved {OUT / name}.png")
    if dialog is not None:
        dialog.close()
    if window.search_popup is not None:
        window.search_popup.hide()
    settle(100)


def demo_database(folder: Path) -> Path:
    from teamlead.data.database import open_database
    from teamlead.demo import generate_demo

    path = folder / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, "district", 1, TODAY)
    database.dispose()
    return path


def welcome_shot(app: QApplication, folder: Path) -> None:
    """The welcome page, on a database of its own that stays empty."""
    from teamlead.data.database import open_database
    from teamlead.ui.context import AppContext
    from teamlead.ui.main_window import MainWindow

    database = open_database(folder / "empty.sqlite3")
    window = MainWindow(
        AppContext(database, today=TODAY),
        qsettings=QSettings(str(folder / "w0.ini"), QSettings.Format.IniFormat),
    )
    window.resize(*SIZE)
    window.show()
    wait_until(lambda: window.showing_welcome)
    settle()
    window.grab().save(str(OUT / "welcome.png"))
    window.close()
    database.dispose()


def _default_district(database: Database, name: str) -> None:
    """The dashboard shows this district, as a team lead's own settings would say (kept by id)."""
    from teamlead.data.queries.default_district import DefaultDistrict, database_id, save_default_district
    from teamlead.data.queries.districts import find_district

    with database.session() as session:
        own, found = database_id(session), find_district(session, name)
    if own is not None and found is not None:
        save_default_district(DefaultDistrict(own, found.id))


def main(names: list[str]) -> int:
    from teamlead.i18n import set_language
    from teamlead.rules import settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="teamlead-shots-") as name:
        folder = Path(name)
        os.environ["TEAMLEAD_SETTINGS"] = str(folder / "settings.json")
        settings.save(settings.Settings(language="nl"))
        set_language("nl")
        if not names or "welcome" in names:
            welcome_shot(app, folder)
        from teamlead.data.database import open_database
        from teamlead.ui.context import AppContext
        from teamlead.ui.main_window import MainWindow

        database = open_database(demo_database(folder))
        _default_district(database, "Nieuw-West")
        context = AppContext(database, today=TODAY)
        window = MainWindow(context, qsettings=QSettings(str(folder / "w.ini"), QSettings.Format.IniFormat))
        window.resize(*SIZE)
        window.show()
        wait_until(lambda: not window.showing_welcome and window.sidebar.count() > 0)
        for width, height in SIZES:
            window.resize(width, height)
            for shot in SIZED:
                name = f"{shot.name}-{width}x{height}"
                if not names or name in names:
                    take(window, shot, name)
        window.resize(*SIZE)
        for shot in SHOTS:
            if not names or shot.name in names:
                take(window, shot, shot.name)
        window.close()
        context.tasks.shutdown(wait=True)
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
