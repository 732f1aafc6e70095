"""One lesson: a misconception (a ``holds=False`` spec), the smallest counterexample the
deterministic search finds, and the plain JSON of it (``counterexamples.json`` and the
regression store). The page and the picture are drawn from it (``page``, ``picture``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import torch

from identities.engine.runner import regressions
from identities.engine.runner.search import investigate
from identities.engine.tools.progress import note
from identities.engine.verdict import REFUTED, Verdict
from identities.spec import Identity

#: The search behind every lesson: the same examples on every run, no example database.
#: ``report_multiple_bugs=False`` stops the generation at the first refutation: otherwise
#: Hypothesis keeps looking for other failures for up to 10 seconds of wall-clock time, and
#: the example it then shrinks depends on the machine's speed.
SEARCH_SETTINGS: dict[str, Any] = {
    "max_examples": 100,
    "derandomize": True,
    "database": None,
    "deadline": None,
    "print_blob": False,
    "report_multiple_bugs": False,
}

INDEX = "index.md"
COUNTEREXAMPLES = "counterexamples.json"


@dataclasses.dataclass
class Lesson:
    """One misconception and what the search made of it."""

    spec: Identity
    counterpart: Identity | None
    verdict: Verdict | None  # the shrunk deciding example; None if nothing was found
    examples_run: int
    seconds: float
    page: Path | None = None
    picture: Path | None = None

    @property
    def refuted(self) -> bool:
        return self.verdict is not None and self.verdict.status == REFUTED

    @property
    def refutation(self) -> Verdict:
        """The refuting verdict (only for a refuted lesson)."""
        if self.verdict is None:
            raise ValueError(f"{self.spec.name}: no refuting example was found")
        return self.verdict

    @property
    def truth(self) -> torch.Tensor:
        """The true value, by autograd (the exact oracle), arranged like the claim."""
        return self.refutation.exact.reference

    @property
    def difference(self) -> torch.Tensor:
        """claimed - true, entry by entry; 0 where an entry is not compared, and where the
        two agree within the tolerance (a rounding-level difference is no difference)."""
        comparison = self.refutation.exact
        diff = self.refutation.claimed - self.truth
        noise = torch.isnan(self.truth) | (comparison.difference <= comparison.tolerance)
        return torch.where(noise, torch.zeros_like(diff), diff)

    @property
    def max_abs_difference(self) -> float:
        return float(self.refutation.exact.difference.max()) if self.refuted else 0.0


def stderr_line(text: str) -> None:
    note(text)


# -- the search --------------------------------------------------------------------------------
def minimal_counterexample(spec: Identity) -> tuple[Verdict | None, int]:
    """The smallest refuting example the deterministic search finds, and how many examples
    it ran; stored counterexamples are not replayed, so the search starts afresh."""
    outcome = investigate(spec, replay=False, **SEARCH_SETTINGS)
    return outcome.verdict, outcome.examples_run


def record_regressions(lessons: list[Lesson], path: Path | None = None) -> tuple[int, list[str]]:
    """Merge the refuted lessons' counterexamples into the regression store."""
    entries = regressions.load(path)
    stored, skipped = 0, []
    for lesson in lessons:
        if not lesson.refuted:
            continue
        data = regressions.to_json(lesson.refutation.example)
        if data is None:
            skipped.append(lesson.spec.name)
            continue
        entries[lesson.spec.name] = data
        stored += 1
    regressions.save(entries, path)
    return stored, skipped


# -- plain values ------------------------------------------------------------------------------
def example_inputs(example: Any) -> dict[str, Any]:
    """Every input of the counterexample by name, and the directions of a differential."""
    return {**example.values, **getattr(example, "directions", {})}


def plain_inputs(example: Any) -> dict[str, Any]:
    """The inputs as JSON, as ``identities/regressions.json`` stores them: a tensor as a
    number or nested lists, an integer as is, a generated map as its layers."""
    data = regressions.to_json(example)
    if data is not None:
        return {**data["values"], **data["directions"]}
    return {
        k: v.tolist() if isinstance(v, torch.Tensor) else v if isinstance(v, int) else repr(v)
        for k, v in example_inputs(example).items()
    }


def counterexamples(lessons: list[Lesson]) -> list[dict]:
    """The JSON array: one object per refuted identity."""
    return [
        {
            "name": lesson.spec.name,
            "inputs": plain_inputs(lesson.refutation.example),
            "max_abs_difference": lesson.max_abs_difference,
        }
        for lesson in lessons
        if lesson.refuted
    ]


def counterexamples_json(lessons: list[Lesson]) -> str:
    """The JSON array, one identity a line."""
    entries = [json.dumps(entry) for entry in counterexamples(lessons)]
    return "[\n" + ",\n".join(entries) + "\n]\n" if entries else "[]\n"


def dims_text(example: Any) -> str:
    return ", ".join(f"{k}={v}" for k, v in example.dims.items())
