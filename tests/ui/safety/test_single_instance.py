"""One Teamlead per database: a second start brings the running window to the front; a crashed one's lock
is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamlead.startup.instance_key import database_key
from teamlead.ui.safety.single_instance import SingleInstance, bring_to_front
from tests.ui.conftest import app_environment
from tests.ui.safety.conftest import Started


def _second_start(path: Path, home: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "teamlead", "--database", str(path), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_environment(home),
    )


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform has no window stack
def test_a_second_start_brings_the_running_window_to_the_front(
    start_window: Callable[[str], Started], qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "teamlead.sqlite3"
    instance = SingleInstance(database_key(str(path)))
    assert instance.acquire()
    try:
        started = start_window(str(path))
        instance.activation_requested.connect(lambda: bring_to_front(started.window))  # as SafeStart wires it
        qtbot.waitUntil(lambda: started.window.has_context, timeout=20_000)
        started.window.showMinimized()
        with qtbot.waitSignal(instance.activation_requested, timeout=30_000):
            second = _second_start(path, tmp_path)
        _out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert "already open in another Teamlead window" in err
        assert not started.window.windowState() & Qt.WindowState.WindowMinimized
        assert started.window.isVisible()
    finally:
        instance.release()


def test_with_exit_when_ready_the_second_start_says_so_and_exits_1(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "teamlead.sqlite3"
    instance = SingleInstance(database_key(str(path)))
    assert instance.acquire()
    try:
        with qtbot.waitSignal(instance.activation_requested, timeout=30_000):
            second = _second_start(path, tmp_path, "--exit-when-ready")
        out, err = second.communicate(timeout=30)
    finally:
        instance.release()
    assert second.returncode == 1
    assert out == ""
    assert "already open in another Teamlead window" in err
    assert not path.exists()  # the second start never touched the database


def test_a_stale_lock_after_a_crash_is_taken_over(tmp_path: Path) -> None:
    key = str(tmp_path / "teamlead.sqlite3")
    lock = SingleInstance(key, folder=tmp_path).lock_path
    with subprocess.Popen(  # closes the pipe when done
        [
            sys.executable,
            "-c",
            "import sys, time; from PySide6.QtCore import QLockFile; l = QLockFile(sys.argv[1]); "
            "assert l.tryLock(0); print('locked', flush=True); time.sleep(60)",
            str(lock),
        ],
        stdout=subprocess.PIPE,
        text=True,
    ) as crashed:
        assert crashed.stdout is not None
        assert crashed.stdout.readline().strip() == "locked"
        assert not SingleInstance(key, folder=tmp_path).acquire()  # alive: really running
        os.kill(crashed.pid, signal.SIGKILL)
        crashed.wait()
    assert lock.exists()  # the crash left its lock behind
    instance = SingleInstance(key, folder=tmp_path)
    assert instance.acquire()
    instance.release()
