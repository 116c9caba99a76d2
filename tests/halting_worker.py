"""``halting_worker.py STOP teamlead-arguments…``: ``teamlead`` as a user runs it, halting at a chosen moment
so that a test can kill it there (kill -9) and see what is left.

STOP is a number N: halt just before the N-th file operation (a rename, a link, an unlink or an fsync); or
``partial``: just before the first rename of a finished temporary file onto its target. On halting it prints
``stopped <n> <operation> <path>`` and sleeps until killed; when the command ends first it prints
``done <exit code>``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from teamlead import cli

OPERATIONS = ("replace", "rename", "link", "unlink", "fsync")


def main() -> None:
    stop, arguments = sys.argv[1], sys.argv[2:]
    count = 0

    def halts(name: str, args: tuple[Any, ...]) -> bool:
        if stop == "partial":
            from teamlead.rules.scratch import is_partial  # here: the rest also runs on code without it

            return name == "replace" and is_partial(Path(os.fsdecode(args[0])))
        return count == int(stop)

    def halting(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def operation(*args: Any, **kwargs: Any) -> Any:
            nonlocal count
            count += 1
            if halts(name, args):
                print(f"stopped {count} {name} {args[0]}", flush=True)
                time.sleep(3600)
            return original(*args, **kwargs)

        return operation

    for name in OPERATIONS:
        setattr(os, name, halting(name, getattr(os, name)))
    code = cli.main(arguments)
    print(f"done {code}", flush=True)


if __name__ == "__main__":
    main()
