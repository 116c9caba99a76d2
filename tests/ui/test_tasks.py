"""The background-task helper: results, errors, progress, cancellation, stale results, real databases."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from teamlead.data.database import Database
from teamlead.data.geography import District, Domain
from teamlead.errors import UserError
from teamlead.ui.context import AppContext
from teamlead.ui.tasks import Progress, TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    runner = TaskRunner()
    runner.error_reporter = lambda _message: None  # no dialogs in these tests; error_reported still fires
    yield runner
    runner.shutdown()


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[int, bool]] = []
    worker_threads: list[bool] = []

    def work() -> int:
        worker_threads.append(threading.current_thread() is threading.main_thread())
        return 42

    runner.run(
        work, lambda value: seen.append((value, threading.current_thread() is threading.main_thread()))
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    assert worker_threads == [False]


def test_a_user_error_is_reported_with_its_message(qtbot: QtBot, runner: TaskRunner) -> None:
    def work() -> None:
        raise UserError("The file is locked by another program.")

    with qtbot.waitSignal(runner.error_reported) as blocker:
        runner.run(work, lambda _value: pytest.fail("on_done must not run"))
    assert blocker.args == ["The file is locked by another program."]


def test_a_bug_is_logged_and_reported_generically(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def work() -> None:
        raise ZeroDivisionError("internal detail")

    with qtbot.waitSignal(runner.error_reported) as blocker:
        runner.run(work)
    assert "internal detail" not in blocker.args[0]
    assert "went wrong" in blocker.args[0]
    assert any(record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records)


def test_on_error_receives_the_exception(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        raise UserError("no")

    runner.run(work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], UserError)


def test_a_newer_request_with_the_same_key_supersedes_the_older(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    results: list[str] = []
    cancelled: list[str] = []

    def slow() -> str:
        release.wait(5)
        return "old"

    runner.run(slow, results.append, key="filter", on_cancelled=lambda: cancelled.append("old"))
    runner.run(lambda: "new", results.append, key="filter")
    qtbot.waitUntil(lambda: results == ["new"])
    release.set()
    with qtbot.waitSignal(runner.idle):
        pass
    assert results == ["new"]
    assert cancelled == ["old"]


def test_progress_is_reported_and_cancel_stops_the_work(qtbot: QtBot, runner: TaskRunner) -> None:
    reports: list[tuple[int, int | None, str]] = []
    cancelled: list[bool] = []
    started = threading.Event()

    def work(progress: Progress) -> str:
        progress.report(1, 3, "step one")
        started.set()
        while True:
            progress.check()
            threading.Event().wait(0.005)

    task = runner.run_with_progress(
        work,
        lambda _value: pytest.fail("a cancelled task has no result"),
        on_progress=lambda *report: reports.append(report),
        on_cancelled=lambda: cancelled.append(True),
    )
    qtbot.waitUntil(lambda: bool(reports))
    assert reports[0] == (1, 3, "step one")
    task.cancel()
    qtbot.waitUntil(lambda: bool(cancelled))
    assert not runner.busy


def test_context_reads_and_writes_with_sessions_of_their_own(qtbot: QtBot, database: Database) -> None:
    context = AppContext(database, today=date(2026, 3, 2))
    context.tasks.error_reporter = lambda _message: None
    assert context.today() == date(2026, 3, 2)
    changes: list[str] = []
    context.data_changed.connect(changes.append)
    written: list[int] = []

    def add(session: object) -> int:
        district = District(name="Nieuw-West")
        session.add(district)  # type: ignore[attr-defined]
        session.flush()  # type: ignore[attr-defined]
        return district.id

    context.write(add, written.append, changed="all")
    qtbot.waitUntil(lambda: bool(written))
    assert changes == ["all"]
    counts: list[tuple[int, int]] = []
    context.read(
        lambda session: (
            session.scalar(select(func.count()).select_from(District)),
            session.scalar(select(func.count()).select_from(Domain)),
        ),
        counts.append,
    )
    qtbot.waitUntil(lambda: bool(counts))
    assert counts == [(1, 7)]
    context.tasks.shutdown()


def test_an_error_box_without_an_active_window_stays_until_answered(qtbot: QtBot) -> None:
    """With no window of the app active (the user is in another program), the box has no parent: it must
    not be collected the moment it is shown."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    assert QApplication.activeWindow() is None
    TaskRunner.show_error_dialog("The export failed.")
    qtbot.wait(50)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "taskErrorBox" and w.isVisible()]
    assert len(boxes) == 1
    assert isinstance(boxes[0], QMessageBox)
    assert boxes[0].text() == "The export failed."
    boxes[0].button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not boxes[0].isVisible())
