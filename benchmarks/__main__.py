"""``python -m benchmarks [--json] [--quick]``: measure, print, and write BENCHMARKS.md.

Run it on a quiet machine: every figure is a wall-clock time on this machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from benchmarks import oracles, report, suite
from identities.engine import torch_policy
from identities.engine.tools.progress import note


@torch_policy()  # float64 and one thread, as in the suite
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the result as one JSON object (progress goes to stderr)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="sizes 16 and 64 only, fewer examples, no suite run: a smoke "
        "test of the harness (BENCHMARKS.md is not written)",
    )
    parser.add_argument(
        "--out",
        default=str(suite.ROOT / "BENCHMARKS.md"),
        help="where to write the Markdown report",
    )
    args = parser.parse_args(argv)

    def say(text: str) -> None:
        note(text, sys.stderr if args.json else sys.stdout)

    start = time.perf_counter()
    say("oracles against torch.autograd.gradcheck (one full Jacobian each):")
    rows = oracles.run(oracles.SIZES[:2] if args.quick else oracles.SIZES, progress=say)
    say("per example: the check against the bare Hypothesis draw ...")
    cost = suite.per_example(5 if args.quick else 30)
    say(
        f"  draw {cost['draw_ms']:.2f} ms, draw + check {cost['check_ms']:.2f} ms, ratio "
        f"{cost['ratio']:.2f} ({cost['examples']} examples of {cost['identities']} identities)"
    )
    runs = None
    if not args.quick:
        say("the catalog and the whole suite under pytest -n auto, default profile ...")
        runs = suite.suite_wall_time()
        for label, run in runs.items():
            say(
                f"  {label}: {run['wall_s']:.1f} s wall, {run['examples']} examples, "
                f"{run['examples_per_s']:.0f} examples/s"
            )
    result = report.result(rows, cost, runs)
    seconds = time.perf_counter() - start
    if not args.quick:
        report.write(args.out, result, rows, cost, runs, seconds)
        say(f"wrote {args.out} ({seconds:.0f} s)")
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
