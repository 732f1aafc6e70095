"""Command line: ``python -m identities list | check NAME | coverage | teach | mutate | soak |
sweep [NAME]`` (``--help`` for the options and the exit codes).

Every broken spec (one that cannot be loaded) is shown on stderr in one line, whatever the
command; ``list`` and the commands over many identities then exit 2 (``parser.EXIT_CODES``).
"""

from __future__ import annotations

import argparse

from identities.engine.cli.commands import (
    cmd_check,
    cmd_coverage,
    cmd_list,
    cmd_mutate,
    cmd_soak,
    cmd_sweep,
    cmd_teach,
    readme_with_block,
    say_error,
    write_coverage,
)
from identities.engine.cli.parser import EXIT_CODES, USAGE, build_parser
from identities.engine.runner import profiles
from identities.engine.runner.registry import BrokenSpec, load_catalog
from identities.engine.torch_policy import torch_policy

__all__ = ["EXIT_CODES", "build_parser", "main", "readme_with_block", "write_coverage"]

COMMANDS = {
    "list": cmd_list,
    "check": cmd_check,
    "coverage": cmd_coverage,
    "mutate": cmd_mutate,
    "soak": cmd_soak,
    "sweep": cmd_sweep,
    "teach": cmd_teach,
}


def named(args: argparse.Namespace) -> list[str]:
    """The spec names a command was given (check NAME, sweep NAME, teach NAME ...)."""
    if args.command == "teach":
        return list(args.names)
    return [args.name] if args.command in ("check", "sweep") and args.name else []


def concerned(args: argparse.Namespace, problem: BrokenSpec) -> bool:
    """Whether a broken spec is among those a command over many identities runs."""
    if named(args):
        return False
    return not problem.spec or getattr(args, "pattern", "") in problem.spec


@torch_policy()
def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        catalog = load_catalog(args.identities_path)
    except FileNotFoundError as err:
        say_error(f"error: {err}")
        return USAGE
    args.profile_loaded = profiles.load(args.profile)
    for problem in catalog.problems:
        if problem.spec not in named(args):  # a named one: the command says why
            say_error(problem.message)
    code = COMMANDS[args.command](args, catalog)
    if any(concerned(args, p) for p in catalog.problems):
        return USAGE
    return code
