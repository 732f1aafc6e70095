"""Soak: every true identity on many examples under several seeds, to count false alarms.

A false alarm is a true identity (``holds=True``) that an example fails to confirm: the
suite would have told a student that a correct formula is wrong. The target is zero.
Work is spread over the cores, one (spec, seed) search per task.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from typing import Any

from identities.engine.runner.registry import Catalog, load_catalog
from identities.engine.runner.search import investigate
from identities.engine.tools.progress import bar, note
from identities.engine.torch_policy import torch_policy
from identities.spec import SpecError

#: The status of a search that stopped at a spec error (reported in ``spec_errors``).
SPEC_ERROR = "spec error"

_CATALOG: Catalog | None = None


def _init(paths: list[str]) -> None:
    global _CATALOG
    _CATALOG = load_catalog(paths)


def _one(task: tuple[str, int, int]) -> tuple[str, int, int, str, str]:
    name, seed, examples = task
    assert _CATALOG is not None, "the worker's catalog is loaded by _init"
    try:
        outcome = investigate(
            _CATALOG.get(name),
            max_examples=examples,
            replay=False,
            seed=seed,
            derandomize=False,
            database=None,
        )
    except SpecError as err:  # the spec's own error, in one line: not a false alarm
        return name, seed, 0, SPEC_ERROR, str(err)
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
        "spec_errors": [],
    }
    start = time.perf_counter()
    ctx = multiprocessing.get_context("fork")
    with (
        ctx.Pool(processes or os.cpu_count(), initializer=_init, initargs=(paths,)) as pool,
        bar(total=len(tasks), desc="soak", unit="search", show=progress) as searches,
    ):
        for name, seed, count, status, report in pool.imap_unordered(_one, tasks):
            result["examples"] += count
            if status == SPEC_ERROR:
                result["spec_errors"].append({"name": name, "seed": seed, "message": report})
            elif report:
                result["false_alarms"] += 1
                result["alarms"].append(
                    {"name": name, "seed": seed, "status": status, "report": report}
                )
                if progress:  # say which one at once; the full report comes at the end
                    note(f"false alarm: {name} (seed {seed}): {status}")
            searches.set_postfix(
                examples=result["examples"], false_alarms=result["false_alarms"], refresh=False
            )
            searches.update()
    result["seconds"] = round(time.perf_counter() - start, 1)
    return result
