"""The suite's own costs: per example against the bare Hypothesis draw, and the wall time
of the whole catalog under ``pytest -n auto`` with the default profile."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, Verbosity, given, settings

from identities.engine import check, load_catalog, torch_policy
from identities.engine.tools.progress import bar
from identities.strategies import examples

ROOT = Path(__file__).resolve().parent.parent


def _counting(body: Callable, runs: list[int]) -> Callable:
    def property_(example) -> None:
        runs.append(1)
        body(example)

    return property_


@torch_policy()
def per_example(examples_per_spec: int = 30) -> dict:
    """Seconds per example with the check and with a no-op body (the bare draw), over every
    true identity, on the same derandomized examples, without shrinking."""
    catalog = load_catalog([])
    specs = [s for s in catalog.specs if s.holds]
    options = settings(
        max_examples=examples_per_spec,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        verbosity=Verbosity.quiet,
        suppress_health_check=list(HealthCheck),
    )
    totals = {"draw": 0.0, "check": 0.0}
    count = 0
    for spec in bar(specs, desc="per example", unit="identity"):
        strategy = examples(spec)
        bodies: dict[str, Callable] = {
            "draw": lambda ex: None,
            "check": lambda ex, s=spec: check(s, ex),
        }
        for mode, body in bodies.items():
            runs: list[int] = []
            probe = options(given(strategy)(_counting(body, runs)))
            start = time.perf_counter()
            probe()
            totals[mode] += time.perf_counter() - start
            if mode == "check":
                count += len(runs)
    return {
        "identities": len(specs),
        "examples": count,
        "draw_ms": 1e3 * totals["draw"] / count,
        "check_ms": 1e3 * totals["check"] / count,
        "ratio": totals["check"] / totals["draw"],
    }


def suite_wall_time() -> dict:
    """``pytest -n auto`` on the catalog (tests/test_identities.py) and on the whole suite,
    default profile: wall time including the torch import, and the examples run (recorded
    by each catalog test in the JUnit XML)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    results = {}
    for label, targets in (("catalog", ["tests/test_identities.py"]), ("suite", [])):
        with tempfile.TemporaryDirectory() as tmp:
            xml = Path(tmp) / "junit.xml"
            start = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "-n",
                    "auto",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                    f"--junitxml={xml}",
                    *targets,
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            wall = time.perf_counter() - start
            if done.returncode != 0:
                raise RuntimeError(f"pytest failed:\n{done.stdout[-3000:]}")
            examples_run = sum(
                int(p.get("value", 0))
                for p in ET.parse(xml).iter("property")
                if p.get("name") == "examples"
            )
            tests = sum(int(s.get("tests", 0)) for s in ET.parse(xml).iter("testsuite"))
        results[label] = {
            "wall_s": wall,
            "examples": examples_run,
            "tests": tests,
            "examples_per_s": examples_run / wall,
        }
    return results
