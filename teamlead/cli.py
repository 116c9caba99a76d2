"""The ``teamlead`` command: global options, then a subcommand, or none to open the desktop app.

Thin by design: each subcommand lives in :mod:`teamlead.commands` as a module with ``register(subparsers)``
and a ``run(args) -> int``, over services and reports. Heavy imports happen inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from teamlead import __version__
from teamlead.errors import UserError
from teamlead.i18n import LANGUAGES, set_language, system_language, tr
from teamlead.rules import scratch, settings
from teamlead.rules.logs import logging_to_file

# Subcommand modules in teamlead.commands, in the order `--help` lists them.
COMMANDS: tuple[str, ...] = (
    "demo",
    "check",
    "backup",
    "restore",
    "report",
    "import_",
    "export",
    "consolidate",
    "meetings",
    "calendar",
    "handover",
    "users",
)


def language_from(argv: Sequence[str]) -> str:
    """The language for this run: --language, else the app's setting, else the system locale."""
    for index, arg in enumerate(argv):
        if arg == "--language" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--language=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    saved = settings.load().language
    return saved if saved in LANGUAGES else system_language()


def build_parser() -> argparse.ArgumentParser:
    parser = _options_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"teamlead.commands.{name}").register(subparsers)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments. Starting the window (no command) is parsed without importing every command's module
    (a tenth of the time to the first paint); anything else, help and mistakes included, by the full parser."""
    if not {"-h", "--help", "--version"} & set(argv):
        quick = _options_parser(full=False)
        try:
            args, rest = quick.parse_known_args(argv)
        except argparse.ArgumentError:
            rest = argv  # the full parser says what is wrong, with the commands in its usage
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(argv)


def _options_parser(*, full: bool = True) -> argparse.ArgumentParser:
    """The options before a command; ``full`` False: without help and version, and raising on a mistake."""
    parser = argparse.ArgumentParser(
        prog="teamlead",
        description=tr("Teamlead: partners, notes, meetings and agreements of a district network."),
        add_help=full,
        exit_on_error=full,
    )
    if full:
        parser.add_argument("--version", action="version", version=f"teamlead {__version__}")
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        help=tr(
            "an SQLite file or an SQLAlchemy URL (default: $TEAMLEAD_DATABASE, else the user's data folder)"
        ),
    )
    parser.add_argument("--language", choices=LANGUAGES, help=tr("language of the interface and reports"))
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help=tr("open the window, print 'ready in N ms' once the first screen is painted, and exit"),
    )
    return parser


def open_app(args: argparse.Namespace) -> int:
    """Start the desktop app; until it exists, say how to use the commands."""
    try:
        app = importlib.import_module("teamlead.ui.app")
    except ModuleNotFoundError as error:
        if error.name is not None and error.name.startswith("teamlead.ui"):
            build_parser().print_help()
            return 0
        raise
    result: int = app.run(args)
    return result


def tolerant_output() -> None:
    """Text that the output's encoding cannot hold becomes '?' instead of a traceback. On Windows a pipe or a
    redirected file gets the ANSI code page, which lacks many letters of people's names (ğ, ł, ő)."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)  # None for a windowed app; no method on a StringIO
    if reconfigure is not None:
        reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """``teamlead``: one run, which first clears what a killed run left and keeps its own temporary files in
    Teamlead's data folder (:func:`teamlead.rules.scratch.run`)."""
    with scratch.run():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    tolerant_output()
    set_language(language_from(argv))
    args = parse(argv)
    with logging_to_file() as log_path:
        try:
            if args.command is None:
                return open_app(args)
            result: int = args.run(args)
            return result
        except UserError as error:
            print(f"teamlead: {error.message}", file=sys.stderr)
            return error.exit_code
        except BrokenPipeError:
            # The reader went away (`teamlead meetings | head`): not an error of ours, and nothing left to say.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
        except KeyboardInterrupt:
            print(tr("teamlead: interrupted"), file=sys.stderr)
            return 130
        except Exception as error:  # the last handler: a short message, the traceback only in the log
            from teamlead.data.access.refusals import refusal

            refused = refusal(error)
            if refused is not None:
                print(f"teamlead: {refused.message}", file=sys.stderr)
                return refused.exit_code
            return unexpected(error, log_path)


def unexpected(error: Exception, log_path: Path | None) -> int:
    """Exit 1 with one short line: what kind of failure, and where its details are. The traceback goes to
    the log file only, without the error's text (:class:`~teamlead.rules.logs.PrivacyFormatter`): a
    database error's text holds the statement's parameters, a note or a name."""
    logging.getLogger("teamlead.cli").error("command failed", exc_info=error)
    where = (
        tr("The details are in the log file {path}.", path=log_path)
        if log_path is not None
        else tr("The log file could not be written.")
    )
    if isinstance(error, OSError):  # the environment, not a bug: a full disk, a name too long, no access
        reason = error.strerror or type(error).__name__
        target = f" ({error.filename})" if error.filename else ""
        print(
            tr("teamlead: {reason}{target}. {where}", reason=reason, target=target, where=where),
            file=sys.stderr,
        )
    else:
        print(
            tr(
                "teamlead: the command stopped on an unexpected error ({kind}). {where}",
                kind=type(error).__name__,
                where=where,
            ),
            file=sys.stderr,
        )
    return 1
