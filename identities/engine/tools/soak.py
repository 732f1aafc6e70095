"""Soak: every true identity on many examples under several seeds, to count false alarms.

A false alarm is a true identity (``holds=True``) that an example fails to confirm: the
suite would have told a student that a correct formula is wrong. The target is zero.
Work is spread over the cores, one (spec, seed) search per task.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from typing import Any

from identities.engine.runner.registry import Catalog, load_catalog
from identities.engine.runner.search import investigate
from identities.engine.torch_policy import torch_policy

_CATALOG: Catalog | None = None


def _init(paths: list[str]) -> None:
    global _CATALOG
    _CATALOG = load_catalog(paths)


def _one(task: tuple[str, int, int]) -> tuple[str, int, int, str, str]:
    name, seed, examples = task
    assert _CATALOG is not None, "the worker's catalog is loaded by _init"
    outcome = investigate(
        _CATALOG.get(name),
        max_examples=examples,
        replay=False,
        seed=seed,
        derandomize=False,
        database=None,
    )
    report = "" if outcome.passed else outcome.report()
    return name, seed, outcome.examples_run, outcome.status, report


@torch_policy()
def run(
    paths: list[str],
    examples: int,
    seeds: list[int],
    pattern: str = "",
    processes: int | None = None,
    progress: bool = True,
) -> dict:
    """Soak every true identity (whose name contains ``pattern``) under each seed."""
    _init(paths)
    assert _CATALOG is not None
    names = [s.name for s in _CATALOG.specs if s.holds and pattern in s.name]
    tasks = [(n, seed, examples) for seed in seeds for n in names]
    result: dict[str, Any] = {
        "identities": len(names),
        "seeds": seeds,
        "examples_per_search": examples,
        "examples": 0,
        "false_alarms": 0,
        "alarms": [],
    }
    start = time.perf_counter()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes or os.cpu_count(), initializer=_init, initargs=(paths,)) as pool:
        for i, (name, seed, count, status, report) in enumerate(
            pool.imap_unordered(_one, tasks), 1
        ):
            result["examples"] += count
            if report:
                result["false_alarms"] += 1
                result["alarms"].append(
                    {"name": name, "seed": seed, "status": status, "report": report}
                )
                if progress:  # say which one at once; the full report comes at the end
                    print(f"\rfalse alarm: {name} (seed {seed}): {status}", file=sys.stderr)
            if progress:
                bar = "#" * (30 * i // len(tasks))
                print(
                    f"\rsoak [{bar:<30}] {i}/{len(tasks)}  examples {result['examples']}  "
                    f"false alarms {result['false_alarms']}",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
    if progress:
        print(file=sys.stderr)
    result["seconds"] = round(time.perf_counter() - start, 1)
    return result
