"""Command line: ``python -m identities list | check NAME | coverage | teach | mutate | soak |
sweep [NAME]``."""

from __future__ import annotations

from identities.engine.cli.commands import (
    cmd_check,
    cmd_coverage,
    cmd_list,
    cmd_mutate,
    cmd_soak,
    cmd_sweep,
    cmd_teach,
    readme_with_block,
    write_coverage,
)
from identities.engine.cli.parser import build_parser
from identities.engine.runner.registry import load_catalog
from identities.engine.torch_policy import torch_policy

__all__ = ["build_parser", "main", "readme_with_block", "write_coverage"]


@torch_policy()
def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    catalog = load_catalog(args.identities_path)
    commands = {
        "list": cmd_list,
        "check": cmd_check,
        "coverage": cmd_coverage,
        "mutate": cmd_mutate,
        "soak": cmd_soak,
        "sweep": cmd_sweep,
        "teach": cmd_teach,
    }
    return commands[args.command](args, catalog)
