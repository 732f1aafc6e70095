"""The command line's arguments: every subcommand and its options."""

from __future__ import annotations

import argparse

from identities.engine.runner import profiles


def _add_run_options(parser: argparse.ArgumentParser, *, examples: int, per: str) -> None:
    """The options shared by the long runs (mutate, soak, sweep)."""
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--examples", type=int, default=examples, help=f"examples per {per} (default {examples})"
    )
    parser.add_argument("--pattern", default="", help="only identities whose name contains it")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m identities", description="The catalog of matrix-calculus identities."
    )
    parser.add_argument(
        "--identities-path",
        action="append",
        default=[],
        metavar="DIR",
        help="also load the spec files (*.py) in DIR",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_list = sub.add_parser("list", help="list the catalog")
    p_list.add_argument("--json", action="store_true", help="print a JSON array")
    p_check = sub.add_parser("check", help="check one identity and print its verdict")
    p_check.add_argument("name")
    p_check.add_argument(
        "--examples",
        type=int,
        default=None,
        help="how many examples to try (default: the profile's)",
    )
    p_check.add_argument(
        "--profile",
        choices=[*profiles.SHORT_NAMES, *profiles.PROFILES],
        default=None,
        help="Hypothesis profile (default: ci when CI is set, else dev)",
    )
    p_cov = sub.add_parser(
        "coverage",
        help="a reference checked entry by entry: every entry, its specs and its verdict",
    )
    p_cov.add_argument(
        "--document",
        metavar="ID",
        help="the reference (default: the Matrix Cookbook; --json without it: "
        "every reference, keyed by id)",
    )
    out = p_cov.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON")
    out.add_argument("--markdown", action="store_true", help="print the Markdown table")
    out.add_argument(
        "--write",
        metavar="ROOT",
        help="write docs/coverage/<id>.md for every reference and README's "
        "summary, under ROOT (the checkout)",
    )
    p_mut = sub.add_parser(
        "mutate",
        help="mutation testing: mutate every true identity's "
        "claim; every mutant must be killed or equivalent",
    )
    _add_run_options(p_mut, examples=50, per="mutant search")
    p_mut.add_argument(
        "--profile", choices=[*profiles.SHORT_NAMES, *profiles.PROFILES], default=None
    )
    p_soak = sub.add_parser(
        "soak", help="every true identity on many examples under several seeds; counts false alarms"
    )
    _add_run_options(p_soak, examples=2000, per="identity and seed")
    p_soak.add_argument("--seeds", type=int, default=5, help="seeds 1..N (default 5)")
    p_sweep = sub.add_parser(
        "sweep",
        help="check identities on very many random examples "
        "in batches (torch.vmap); a failure is shrunk "
        "by Hypothesis",
    )
    p_sweep.add_argument(
        "name", nargs="?", default="", help="one identity (default: every one that can be swept)"
    )
    _add_run_options(p_sweep, examples=100_000, per="identity")
    p_sweep.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p_teach = sub.add_parser(
        "teach",
        help="a lesson page and a picture for every refuted "
        "misconception (holds=False), an index and "
        "counterexamples.json",
    )
    p_teach.add_argument(
        "names", nargs="*", metavar="NAME", help="only these holds=False specs (default: all)"
    )
    p_teach.add_argument(
        "--out",
        default="lessons",
        metavar="DIR",
        help="the folder to write into (default: lessons/)",
    )
    p_teach.add_argument(
        "--record",
        action="store_true",
        help="also store the counterexamples (in the checkout's identities/regressions.json, "
        "replayed first on every later run, or in --store)",
    )
    p_teach.add_argument(
        "--store",
        metavar="PATH",
        default=None,
        help="the JSON file --record writes (required when the package is installed)",
    )
    return parser
