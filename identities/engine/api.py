"""The public API: check a spec from your own code, or assert it in your own tests.

``check_identity(spec)`` runs the same search as the test suite and returns a
``CheckResult``: the verdict, the number of examples run, the deciding (shrunk) example and
the readable report. ``assert_identity(spec)`` does the same and raises ``AssertionError``
whose message is that report and nothing else, in the style of ``numpy.testing`` and
``torch.testing``. Both are exported from ``identities``.

A malformed spec (a field that cannot be used, a claim of the wrong shape, a function that
raises on its declared domain) raises ``identities.SpecError`` with a one-line message: that
is a mistake in the spec, not a verdict on the identity.

Both run inside the engine's torch policy (float64, one thread; ``torch_policy``) and
restore torch's previous state, so a caller's own tensors and settings are untouched.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from identities.engine.runner import profiles
from identities.engine.runner.search import investigate
from identities.spec import Identity

__all__ = ["CheckResult", "Counterexample", "assert_identity", "check_identity"]


@dataclasses.dataclass(frozen=True)
class Counterexample:
    """The example that decided a search, shrunk to the smallest dimensions and simplest
    entries: the dimensions by symbol, each input's value by name (tensors, integers, or
    generated maps) and, for a differential rule, each direction (``d<name>``)."""

    dims: Mapping[str, int]
    values: Mapping[str, Any]
    directions: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True, repr=False)
class CheckResult:
    """What checking one spec found.

    * ``passed`` - whether the search agrees with what the spec declares: a ``holds=True``
      spec that no example failed to confirm, or a ``holds=False`` spec that an example
      refuted;
    * ``status`` - ``"confirmed"``, ``"refuted"``, ``"oracle conflict"``, ``"inconclusive"``
      or ``"not refuted"`` (a false-declared spec that no example refuted);
    * ``examples_run`` - how many examples the search tried;
    * ``counterexample`` - the deciding example, if any (for a false-declared spec, the
      refuting one);
    * ``report`` - the text a user reads, as the test suite prints it;
    * ``profile`` - the Hypothesis profile the search ran under.
    """

    name: str
    holds: bool
    passed: bool
    status: str
    examples_run: int
    counterexample: Counterexample | None
    report: str
    profile: str

    def __repr__(self) -> str:
        return (
            f"CheckResult(name={self.name!r}, passed={self.passed}, status={self.status!r}, "
            f"examples_run={self.examples_run})"
        )

    def __str__(self) -> str:
        return self.report


def check_identity(
    spec: Identity,
    *,
    max_examples: int | None = None,
    profile: str | None = None,
    seed: int | None = None,
) -> CheckResult:
    """Search for an example that decides ``spec`` and return what was found.

    ``max_examples`` overrides the profile's number of examples. ``profile`` names a
    Hypothesis profile: ours are ``identities-dev``, ``identities-ci``,
    ``identities-thorough`` and ``identities-large`` (the short names ``dev``, ``ci``,
    ``thorough``, ``large`` are accepted); by default a profile you loaded in Hypothesis,
    else ``HYPOTHESIS_PROFILE``, else ``identities-ci`` when ``CI`` is set, else
    ``identities-dev``. ``seed`` fixes the seed of a randomized search.

    Stored counterexamples of the catalog are replayed first. Raises ``SpecError`` for a
    malformed spec.
    """
    chosen = profiles.resolve(profile)
    outcome = investigate(spec, max_examples=max_examples, seed=seed, profile=chosen)
    verdict = outcome.verdict
    example = None
    if verdict is not None:
        drawn = verdict.example
        example = Counterexample(dict(drawn.dims), dict(drawn.values), dict(drawn.directions))
    return CheckResult(
        name=spec.name,
        holds=spec.holds,
        passed=outcome.passed,
        status=str(outcome.status),
        examples_run=outcome.examples_run,
        counterexample=example,
        report=outcome.report(),
        profile=chosen,
    )


def assert_identity(
    spec: Identity,
    *,
    max_examples: int | None = None,
    profile: str | None = None,
    seed: int | None = None,
) -> CheckResult:
    """Check ``spec`` (see ``check_identity``) and raise ``AssertionError`` unless the search
    agrees with what it declares. The message is the readable report alone: the claim, both
    oracles, the largest difference against its tolerance, the inputs and the source.
    Returns the result when it passes."""
    __tracebackhide__ = True  # pytest shows the caller's line, not this one
    result = check_identity(spec, max_examples=max_examples, profile=profile, seed=seed)
    if not result.passed:
        raise AssertionError(result.report)
    return result
