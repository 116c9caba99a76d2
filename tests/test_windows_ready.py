"""No POSIX-only call outside a guarded platform branch: the code is ready for Windows where it can be checked here.

``teamlead/`` is scanned with ``ast``. A POSIX-only name (``os.fork``, ``fcntl``, ``signal.SIGKILL``, an
``os.O_*`` flag Windows lacks, ``/proc/…``, ``os.chmod``, …) — or a Windows-only one (``winreg``, ``msvcrt``,
``ctypes.windll``) — must stand in a guarded place:

- inside ``if``/``elif``/``else`` of a test on ``sys.platform``, ``os.name`` or ``platform.system()``;
- after an early ``return``/``raise`` under such a test in the same function;
- inside a ``try`` whose handlers catch ``ImportError`` or ``AttributeError`` (the fallback is the
  Windows path).

What stays is listed in :data:`ALLOWED` with the reason it is safe on Windows; a stale entry fails too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import teamlead

PACKAGE = Path(teamlead.__file__).parent

POSIX_MODULES = {"fcntl", "pwd", "grp", "resource", "termios", "tty", "pty", "posix", "syslog", "crypt"}
WINDOWS_MODULES = {"winreg", "msvcrt", "winsound", "_winapi"}
POSIX_ATTRIBUTES = {
    "os": {
        "fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid", "setgid", "chown",
        "lchown", "fchown", "sync", "killpg", "setsid", "getpgid", "setpgid", "getsid", "mkfifo", "mknod",
        "statvfs", "fstatvfs", "uname", "symlink", "link", "chmod", "fchmod", "lchmod", "nice", "wait3",
        "wait4", "WNOHANG", "sched_getaffinity", "getloadavg", "posix_spawn", "pipe2", "openpty",
    },
    "signal": {
        "SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE", "SIGSTOP",
        "SIGCONT", "alarm", "pause", "setitimer", "siginterrupt", "pthread_kill", "pthread_sigmask",
    },
    "ctypes": {"windll", "WinDLL", "oledll"},
}  # fmt: skip
WINDOWS_OPEN_FLAGS = {
    "O_RDONLY", "O_WRONLY", "O_RDWR", "O_APPEND", "O_CREAT", "O_EXCL", "O_TRUNC", "O_BINARY", "O_TEXT",
    "O_NOINHERIT", "O_SHORT_LIVED", "O_TEMPORARY", "O_RANDOM", "O_SEQUENTIAL",
}  # fmt: skip
POSIX_METHODS = {
    "symlink_to",
    "hardlink_to",
    "chmod",
    "lchmod",
    "is_mount",
}  # Path.owner/group: too common a name
GUARD_EXCEPTIONS = {
    "ImportError",
    "ModuleNotFoundError",
    "AttributeError",
}  # what a missing POSIX name raises

ALLOWED = {
    ("data/restore.py", "os.link"): "Windows has hard links (NTFS); where a disk has none (FAT, some shares) "
    "the OSError falls back to a copy",
    ("rules/locations.py", "/proc/mounts"): "a default argument; reading it fails with OSError on Windows, "
    "which _mount_type answers with None",
}


def _is_platform_test(node: ast.expr) -> bool:
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute) and (
            (
                isinstance(part.value, ast.Name)
                and (part.value.id, part.attr) in {("sys", "platform"), ("os", "name")}
            )
            or part.attr == "system"
        ):
            return True
        if isinstance(part, ast.Name) and part.id in {"WINDOWS", "POSIX", "LINUX"}:
            return True
    return False


def _guarding_try(node: ast.Try) -> bool:
    for handler in node.handlers:
        names = [handler.type] if not isinstance(handler.type, ast.Tuple) else handler.type.elts
        if any(isinstance(name, ast.Name) and name.id in GUARD_EXCEPTIONS for name in names):
            return True
    return False


def _ends_early(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], ast.Return | ast.Raise)


def _posix_uses(node: ast.AST) -> str | None:
    """The POSIX-only (or Windows-only) name ``node`` uses, if any."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES | WINDOWS_MODULES:
                return f"import {alias.name}"
    if (
        isinstance(node, ast.ImportFrom)
        and (node.module or "").split(".")[0] in POSIX_MODULES | WINDOWS_MODULES
    ):
        return f"from {node.module} import"
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        owner, name = node.value.id, node.attr
        if name in POSIX_ATTRIBUTES.get(owner, set()):
            return f"{owner}.{name}"
        if owner == "os" and name.startswith("O_") and name not in WINDOWS_OPEN_FLAGS:
            return f"os.{name}"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in POSIX_METHODS and not (
            isinstance(node.func.value, ast.Name) and node.func.value.id in POSIX_ATTRIBUTES
        ):
            return f".{node.func.attr}()"
        if (
            isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) == ("os", "fsync")
            and not (
                node.args
                and isinstance(node.args[0], ast.Call)
                and isinstance(node.args[0].func, ast.Attribute)
                and node.args[0].func.attr == "fileno"
            )
        ):
            return "os.fsync on a handle that may be a folder"
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith(("/proc/", "/dev/"))
    ):
        return node.value
    return None


def unguarded_posix_uses(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, name) of every POSIX-only use in ``tree`` outside a guarded place."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, guarded: bool) -> None:
        use = _posix_uses(node)
        if use is not None and not guarded:
            found.append((getattr(node, "lineno", 0), use))
        if isinstance(node, ast.If) and _is_platform_test(node.test):
            for child in node.body + node.orelse:
                visit(child, True)
            visit(node.test, guarded)
            return
        if isinstance(node, ast.Try) and _guarding_try(node):
            for child in node.body:
                visit(child, True)
            for child in node.handlers + node.orelse + node.finalbody:
                visit(child, guarded)
            return
        for field in ("body", "orelse", "finalbody"):
            statements = getattr(node, field, None)
            if isinstance(statements, list) and statements and isinstance(statements[0], ast.stmt):
                early = guarded
                for statement in statements:
                    visit(statement, early)
                    if (
                        isinstance(statement, ast.If)
                        and _is_platform_test(statement.test)
                        and _ends_early(statement.body)
                    ):
                        early = True
        for field, value in ast.iter_fields(node):
            statements = field in ("body", "orelse", "finalbody") and isinstance(value, list) and value
            if statements and isinstance(value[0], ast.stmt):
                continue  # visited above, with the early-return guard
            children = value if isinstance(value, list) else [value]
            for child in children:
                if isinstance(child, ast.AST):
                    visit(child, guarded)

    visit(tree, False)
    return found


def scan() -> dict[tuple[str, str], list[int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in unguarded_posix_uses(tree):
            found.setdefault((relative, name), []).append(line)
    return found


def test_no_posix_only_call_outside_a_guarded_platform_branch() -> None:
    found = scan()
    unexpected = {key: lines for key, lines in found.items() if key not in ALLOWED}
    assert unexpected == {}, (
        "POSIX-only calls without a Windows path (guard them, or add to ALLOWED with why)"
    )
    assert set(ALLOWED) <= set(found), f"stale ALLOWED entries: {set(ALLOWED) - set(found)}"


def test_the_scan_finds_what_it_looks_for() -> None:
    """The scanner itself: unguarded uses are found, guarded ones are not."""
    source = """
import os, sys, fcntl
os.fork()
os.fsync(os.open(folder, os.O_DIRECTORY))
if sys.platform != "win32":
    os.getuid()
try:
    import pwd
except ImportError:
    pwd = None
def f(folder):
    if os.name != "posix":
        return
    os.fsync(handle)
def g(path):
    path.symlink_to("x")
    os.fsync(stream.fileno())
"""
    found = {name for _line, name in unguarded_posix_uses(ast.parse(source))}
    assert found == {
        "import fcntl",
        "os.fork",
        "os.fsync on a handle that may be a folder",
        "os.O_DIRECTORY",
        ".symlink_to()",
    }
