"""Command line: ``python -m identities list [--json]`` and ``check NAME [--examples N]``."""

from __future__ import annotations

import argparse
import json
import sys

from identities import _profiles
from identities._registry import Catalog, load_catalog
from identities._search import investigate
from identities.spec import Identity


def spec_record(spec: Identity, catalog: Catalog) -> dict:
    """The JSON record of one spec."""
    return {
        "name": spec.name,
        "statement": spec.statement,
        "holds": spec.holds,
        "wrt": spec.wrt,
        "form": spec.form,
        "layout": spec.layout,
        "source": {"document": spec.source.document, "ref": spec.source.ref},
        "conditions": spec.conditions,
        "lesson": spec.lesson,
        "file": catalog.files[spec.name],
    }


def cmd_list(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.json:
        print(json.dumps([spec_record(s, catalog) for s in catalog.specs], indent=2))
        return 0
    width = max((len(s.name) for s in catalog.specs), default=4)
    print(f"{'name':<{width}}  holds  {'wrt':<4} source")
    for s in catalog.specs:
        print(f"{s.name:<{width}}  {str(s.holds):<5}  {str(s.wrt):<4} {s.source}")
    print(f"\n{len(catalog.specs)} identities", end="")
    print(f", {len(catalog.problems)} problems" if catalog.problems else "")
    for problem in catalog.problems:
        print(f"\nPROBLEM {problem.message}", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace, catalog: Catalog) -> int:
    try:
        spec = catalog.get(args.name)
    except KeyError:
        close = [s.name for s in catalog.specs if args.name.lower() in s.name.lower()]
        hint = f" Did you mean: {', '.join(close[:8])}?" if close else \
            " See `python -m identities list`."
        print(f"No identity named {args.name!r}.{hint}", file=sys.stderr)
        return 2
    profile = _profiles.load(args.profile)
    outcome = investigate(spec, max_examples=args.examples)
    verdict = "PASS" if outcome.passed else "FAIL"
    expected = "true" if spec.holds else "false"
    print(f"{verdict}: {spec.name} is declared {expected}; search says {outcome.status} "
          f"({outcome.examples_run} examples, profile {profile}).")
    words = ["python -m identities check", spec.name]
    words += [f"--identities-path {p}" for p in args.identities_path]
    print(outcome.report(" ".join(words)))
    return 0 if outcome.passed else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m identities",
                                     description="The catalog of matrix-calculus identities.")
    parser.add_argument("--identities-path", action="append", default=[], metavar="DIR",
                        help="also load the spec files (*.py) in DIR")
    sub = parser.add_subparsers(dest="command", required=True)
    p_list = sub.add_parser("list", help="list the catalog")
    p_list.add_argument("--json", action="store_true", help="print a JSON array")
    p_check = sub.add_parser("check", help="check one identity and print its verdict")
    p_check.add_argument("name")
    p_check.add_argument("--examples", type=int, default=None,
                         help="how many examples to try (default: the profile's)")
    p_check.add_argument("--profile", choices=sorted(_profiles.PROFILES), default=None,
                         help="Hypothesis profile (default: ci when CI is set, else dev)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    catalog = load_catalog(args.identities_path)
    if args.command == "list":
        return cmd_list(args, catalog)
    return cmd_check(args, catalog)
