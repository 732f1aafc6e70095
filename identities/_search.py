"""Run Hypothesis over a spec: confirm a true identity, or find a minimal counterexample.

A spec with ``holds=True`` passes when no example fails to confirm it; a spec with
``holds=False`` passes only when an example refutes it. Either way Hypothesis shrinks the
deciding example toward the smallest dimensions and simplest entries.
"""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, Verbosity, given, settings

from identities._check import CONFIRMED, REFUTED, Verdict, check
from identities.spec import Identity, SpecError
from strategies import examples


class _Decisive(Exception):
    """Raised inside the property so that Hypothesis shrinks the example; carries it."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.status)
        self.verdict = verdict


class _Unconfirmed(_Decisive):
    """A true-claimed identity that an example did not confirm."""


class _Refuted(_Decisive):
    """A false-claimed identity that an example refuted (the hoped-for outcome)."""


@dataclasses.dataclass
class Outcome:
    """The result of a search: whether it agrees with what the spec claims, and why."""

    spec: Identity
    examples_run: int
    verdict: Verdict | None  # the deciding example (shrunk), if any

    @property
    def passed(self) -> bool:
        if self.spec.holds:
            return self.verdict is None
        return self.verdict is not None and self.verdict.status == REFUTED

    @property
    def status(self) -> str:
        if self.verdict is None:
            return CONFIRMED if self.spec.holds else "not refuted"
        return self.verdict.status

    def report(self, rerun: str = "") -> str:
        if self.verdict is not None:
            return self.verdict.report(rerun)
        if self.spec.holds:
            return (f"Identity {self.spec.name!r} confirmed on {self.examples_run} "
                    f"examples ({self.spec.source}).")
        return (f"Identity {self.spec.name!r} is declared false (holds=False), but no "
                f"refuting example was found in {self.examples_run} examples.\n"
                f"  statement  {self.spec.statement}\n"
                f"  source  {self.spec.source}\n"
                "  Either the statement is true on its declared domain, or the inputs "
                "cannot discriminate: widen the domain or the dimensions.\n"
                + (f"  rerun   {rerun}" if rerun else ""))


def investigate(spec: Identity, *, max_examples: int | None = None,
                dim_range: tuple[int, int] | None = None) -> Outcome:
    """Search for an example that decides ``spec``, under the current Hypothesis profile."""
    count = 0
    overrides: dict = {"verbosity": Verbosity.quiet,
                       "suppress_health_check": [HealthCheck.too_slow,
                                                 HealthCheck.data_too_large]}
    if max_examples is not None:
        overrides["max_examples"] = max_examples
    strategy = examples(spec) if dim_range is None else examples(spec, dim_range)

    @settings(settings(), **overrides)
    @given(strategy)
    def probe(example) -> None:
        nonlocal count
        count += 1
        verdict = check(spec, example)
        if spec.holds and verdict.status != CONFIRMED:
            raise _Unconfirmed(verdict)
        if not spec.holds and verdict.status == REFUTED:
            raise _Refuted(verdict)

    # Keep each spec's saved examples apart in the Hypothesis database.
    probe.hypothesis.inner_test._hypothesis_internal_add_digest = spec.name.encode()
    try:
        probe()
    except _Decisive as found:
        return Outcome(spec, count, found.verdict)
    except BaseExceptionGroup as group:
        match, _ = group.split(_Decisive)
        if match is None:
            raise
        found = _first_decisive(match)
        return Outcome(spec, count, found.verdict)
    except SpecError:
        raise
    return Outcome(spec, count, None)


def _first_decisive(group: BaseExceptionGroup) -> _Decisive:
    leaves = []
    stack = [group]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseExceptionGroup):
            stack.extend(item.exceptions)
        else:
            leaves.append(item)
    leaves.sort(key=lambda e: e.verdict.status != REFUTED)
    return leaves[0]
