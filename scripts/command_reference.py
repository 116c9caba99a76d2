"""docs/commands.md from the program's own argument definitions, so the reference cannot drift from the code.

    .venv/bin/python scripts/command_reference.py          # rewrite docs/commands.md
    .venv/bin/python scripts/command_reference.py --check  # exit 1 when it is out of date

Everything comes from ``teamlead.cli.build_parser()`` in English: each command's description, usage line and
options with their help texts, choices and defaults. ``tests/test_command_reference.py`` fails when the file
differs from what this script writes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from teamlead.cli import build_parser  # noqa: E402
from teamlead.i18n import set_language  # noqa: E402

TARGET = ROOT / "docs" / "commands.md"

INTRODUCTION = """\
# The `teamlead` command

One program, `teamlead` (in the installed app on Windows also `teamlead-app.exe`, the same program without a
console window). Without a command it opens the desktop app; `python -m teamlead` is the same program in a
development checkout. Global options go before the command, as with git. Exit codes: 0 done, 1 the command
failed (with a message that says what to do, never a traceback), 2 wrong usage. Messages and report text follow
`--language`.

This page is generated from the program's own argument definitions by `scripts/command_reference.py`; a test
fails when it is out of date. `teamlead COMMAND --help` shows the same in the chosen language.
"""


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=10_000)  # one line; the page wraps it


def _usage(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = _formatter
    return parser.format_usage().removeprefix("usage: ").strip()


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _option(action: argparse.Action) -> str:
    if action.option_strings:
        names = ", ".join(action.option_strings)
        if action.nargs == 0:
            return f"`{names}`"
        metavar = action.metavar or (
            "{" + ",".join(map(str, action.choices)) + "}" if action.choices else action.dest.upper()
        )
        return f"`{names} {metavar}`"
    metavar = action.metavar or action.dest.upper()
    return f"`{metavar}{' ...' if action.nargs in ('+', '*') else ''}`"


def _help(action: argparse.Action) -> str:
    text = (action.help or "") % {"default": action.default, "prog": "teamlead"}
    named = action.option_strings and not action.metavar  # the choices show in the option's name
    if action.choices and not named and not all(str(choice) in text for choice in action.choices):
        text += f" (one of: {', '.join(map(str, action.choices))})"
    if action.required and action.option_strings:
        text += " (required)"
    return _cell(text)


def _options_table(parser: argparse.ArgumentParser) -> list[str]:
    rows = [
        action
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction) and action.help != argparse.SUPPRESS
    ]
    lines = ["| option | what it does |", "| --- | --- |"]
    lines += [f"| {_option(action)} | {_help(action)} |" for action in rows]
    return lines


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, summary, parser) of each command, in the order ``--help`` lists them."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            summaries = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                found.append((name, summaries.get(name, ""), sub))
    return found


def render() -> str:
    set_language("en")
    parser = build_parser()
    commands = _subcommands(parser)
    lines = [INTRODUCTION, "## Global options", "", "```", _usage(parser), "```", ""]
    lines += _options_table(parser)
    lines += ["", "## Commands", "", "| command | what it does |", "| --- | --- |"]
    lines += [f"| [`{name}`](#teamlead-{name}) | {_cell(summary)} |" for name, summary, _sub in commands]
    for name, _summary, sub in commands:
        lines += ["", f"## teamlead {name}", ""]
        if sub.description:
            lines += [" ".join(sub.description.split()), ""]
        lines += ["```", f"teamlead [global options] {_usage(sub).removeprefix('teamlead ')}", "```", ""]
        lines += _options_table(sub)
        if sub.epilog:
            lines += ["", " ".join(sub.epilog.split())]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description="Write docs/commands.md from the argument definitions.")
    arguments.add_argument("--check", action="store_true", help="exit 1 when docs/commands.md is out of date")
    args = arguments.parse_args(argv)
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(
                f"{TARGET.relative_to(ROOT)} is out of date: run scripts/command_reference.py",
                file=sys.stderr,
            )
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
