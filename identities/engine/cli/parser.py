"""The command line's arguments: every subcommand and its options.

The options every command shares (``--identities-path``, ``--profile``, ``--quiet``) are
accepted before or after the subcommand, so that the rerun line ``check`` prints works as
printed. Counts must be positive; a bad option or value exits 2 with argparse's message.
"""

from __future__ import annotations

import argparse
from importlib import metadata

from identities.engine.runner import profiles

#: The exit codes, as ``--help`` documents them.
OK, FAILED, USAGE = 0, 1, 2

EXIT_CODES = """\
exit codes:
  0  every identity run agrees with what its spec declares (a true one confirmed, a
     false one refuted); for list and coverage: every spec loaded
  1  a check failed: a verdict against the declaration, a false alarm of the soak, a
     surviving mutant, a misconception teach could not refute
  2  a usage error (an unknown option, name or document, a pattern that matches nothing,
     a count that is not positive) or a broken spec: one that cannot be loaded or run
     (each shown on stderr in one line: file, spec, field, fix). A command over many
     identities exits 2 when any of them is broken, even if the others passed.
"""


def version() -> str:
    try:
        return metadata.version("matrix-calculus-identities")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def positive(text: str) -> int:
    """An argparse type: an integer >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, not {value}")
    return value


def _add_shared(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every command takes, on the top parser (with their defaults) and on each
    subparser (``SUPPRESS``: only when given there, so that they override the top's)."""
    default = (lambda value: value) if top else (lambda value: argparse.SUPPRESS)
    parser.add_argument(
        "--identities-path",
        dest="identities_path" if top else "more_identities_paths",
        action="append",
        default=default([]),
        metavar="DIR",
        help="also load the spec files (*.py) in DIR (repeatable); DIR may hold helper "
        "modules the specs import",
    )
    parser.add_argument(
        "--profile",
        choices=[*profiles.SHORT_NAMES, *profiles.PROFILES],
        default=default(None),
        help="Hypothesis profile (default: $HYPOTHESIS_PROFILE, else ci when $CI is set, else dev)",
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        default=default(False),
        help="no progress bar (there is none anyway when stderr is not a terminal)",
    )


def _add_run_options(parser: argparse.ArgumentParser, *, examples: int, per: str) -> None:
    """The options shared by the long runs (mutate, soak, sweep)."""
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--examples",
        type=positive,
        default=examples,
        help=f"examples per {per} (default {examples})",
    )
    parser.add_argument(
        "--pattern",
        default="",
        help="only identities whose name contains it (one that matches none exits 2)",
    )


class _Parser(argparse.ArgumentParser):
    """Subparsers show the exit codes too, and the shared options are merged."""

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        parsed = super().parse_args(args, namespace)
        parsed.identities_path = [
            *parsed.identities_path,
            *vars(parsed).pop("more_identities_paths", []),
        ]
        return parsed


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="python -m identities",
        description="The catalog of matrix-calculus identities, each checked against "
        "autograd and finite differences.",
        epilog=EXIT_CODES,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    _add_shared(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name, help=help, description=help, epilog=EXIT_CODES, formatter_class=formatter
        )
        _add_shared(p, top=False)
        return p

    p_list = command("list", "list the catalog (and every broken spec, on stderr)")
    p_list.add_argument("--json", action="store_true", help="print a JSON object")
    p_check = command("check", "check one identity and print its verdict")
    p_check.add_argument("name")
    p_check.add_argument(
        "--examples",
        type=positive,
        default=None,
        help="how many examples to try (default: the profile's)",
    )
    p_check.add_argument("--json", action="store_true", help="print the verdict as JSON")
    p_cov = command(
        "coverage", "a reference checked entry by entry: every entry, its specs and its verdict"
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
    p_mut = command(
        "mutate",
        "mutation testing: mutate every true identity's claim; every mutant must be "
        "killed or equivalent",
    )
    _add_run_options(p_mut, examples=50, per="mutant search")
    p_soak = command(
        "soak", "every true identity on many examples under several seeds; counts false alarms"
    )
    _add_run_options(p_soak, examples=2000, per="identity and seed")
    p_soak.add_argument("--seeds", type=positive, default=5, help="seeds 1..N (default 5)")
    p_sweep = command(
        "sweep",
        "check identities on very many random examples in batches (torch.vmap); a failure "
        "is shrunk by Hypothesis",
    )
    p_sweep.add_argument(
        "name", nargs="?", default="", help="one identity (default: every one that can be swept)"
    )
    _add_run_options(p_sweep, examples=100_000, per="identity")
    p_sweep.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p_teach = command(
        "teach",
        "a lesson page and a picture for every refuted misconception (holds=False), an "
        "index and counterexamples.json",
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
