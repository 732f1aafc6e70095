"""Run Hypothesis over a spec: confirm a true identity, or find a minimal counterexample.

A spec with ``holds=True`` passes when no example fails to confirm it; a spec with
``holds=False`` passes only when an example refutes it. Either way Hypothesis shrinks the
deciding example toward the smallest dimensions and simplest entries.

Before the search, the spec is run once at distinct, non-degenerate dimensions
(``shape_dims``: n = 2, m = 3, ...), so that a claim of the wrong shape is a spec error,
not a refutation at n = 1 (where a 1 x 1 result happens to fit every shape).
"""

from __future__ import annotations

import dataclasses

import hypothesis
import torch
from hypothesis import HealthCheck, Phase, Verbosity, given, settings

from identities.engine.pipeline import check
from identities.engine.report import render_report
from identities.engine.runner import profiles, regressions
from identities.engine.runner.registry import BrokenSpec
from identities.engine.torch_policy import torch_policy
from identities.engine.verdict import CONFIRMED, REFUTED, Status, Verdict
from identities.spec import Identity, SpecError
from identities.strategies import DIM_RANGE, examples
from identities.strategies.batches import sample


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
    def status(self) -> Status | str:
        if self.verdict is None:
            return CONFIRMED if self.spec.holds else "not refuted"
        return self.verdict.status

    def report(self, rerun: str = "") -> str:
        if self.verdict is not None:
            return render_report(self.verdict, rerun)
        if self.spec.holds:
            return (
                f"Identity {self.spec.name!r} confirmed on {self.examples_run} "
                f"examples ({self.spec.source})."
            )
        return (
            f"Identity {self.spec.name!r} is declared false (holds=False), but no "
            f"refuting example was found in {self.examples_run} examples.\n"
            f"  statement  {self.spec.statement}\n"
            f"  source  {self.spec.source}\n"
            "  Either the statement is true on its declared domain, or the inputs "
            "cannot discriminate: widen the domain or the dimensions.\n"
            + (f"  rerun   {rerun}" if rerun else "")
        )


def shape_dims(spec: Identity, dim_range: tuple[int, int] = DIM_RANGE) -> dict[str, int] | None:
    """Distinct, non-degenerate dimensions for the spec's symbols, in order: 2, 3, 4, ...
    within each symbol's own ``dims`` (the default range widened to hold them all); None
    when the spec's ranges leave no such choice for its ``distinct`` symbols."""
    widest = (dim_range[0], max(dim_range[1], 1 + len(spec.symbols)))
    dims = {}
    for k, symbol in enumerate(spec.symbols):
        low, high = spec.dims.get(symbol, widest)
        dims[symbol] = min(max(2 + k, low), high)
    if len({dims[s] for s in spec.distinct}) < len(spec.distinct):
        return None
    return dims


def check_shapes(spec: Identity, dim_range: tuple[int, int] = DIM_RANGE) -> None:
    """Run ``spec`` once at ``shape_dims``: a claim of the wrong shape (or any other spec
    error found there) raises ``SpecError``; the verdict itself is left to the search.

    The example is sampled as the sweep samples one (no Hypothesis run: cheap), or drawn by
    Hypothesis when the sweep's sampler cannot build the spec's inputs (generated maps)."""
    dims = shape_dims(spec, dim_range)
    if dims is None:
        return
    try:
        example = sample(spec, dims, 1, torch.Generator().manual_seed(0)).example(0)
    except Exception:  # noqa: BLE001 - not sampled in a batch: let Hypothesis draw it
        example = None
    if example is not None:
        check(spec, example)
        return

    @settings(
        max_examples=1,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        deadline=None,
        verbosity=Verbosity.quiet,
        suppress_health_check=list(HealthCheck),
    )
    @given(examples(spec, fixed_dims=dims))
    def once(example) -> None:
        check(spec, example)

    once()


@torch_policy()
def investigate(
    spec: Identity,
    *,
    max_examples: int | None = None,
    dim_range: tuple[int, int] | None = None,
    replay: bool = True,
    seed: int | None = None,
    projections: int = 0,
    profile: str | None = None,
    **setting_overrides,
) -> Outcome:
    """Search for an example that decides ``spec``, under the current Hypothesis profile.

    A stored counterexample (``identities/regressions.json``) is tried first unless
    ``replay`` is False (as when searching afresh for a minimal one). Other keywords are
    Hypothesis settings for this search (e.g. ``phases`` without shrinking); ``seed`` fixes
    the random seed of a randomized search; ``projections`` > 0 checks random projections
    first (large shapes; see ``check``). ``profile`` names the Hypothesis profile to run
    under (ours by its short name); by default ``profiles.current()``.
    """
    count = 0
    # One decisive example is the answer: stop at the first failure and shrink it, rather
    # than hunting for other failures for a while (which makes the result depend on speed).
    # No deadline: how long an example takes says nothing about the identity.
    overrides: dict = {
        "verbosity": Verbosity.quiet,
        "report_multiple_bugs": False,
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if max_examples is not None:
        overrides["max_examples"] = max_examples
    overrides.update(setting_overrides)
    profile = profiles.resolve(profile)
    suite = profiles.SUITE.get(profile, {})
    projections = projections or suite.get("projections", 0)
    large = suite.get("large", False)
    strategy = examples(spec, dim_range or DIM_RANGE, large=large)

    def property_(example) -> None:
        nonlocal count
        count += 1
        verdict = check(spec, example, projections)
        if verdict.decides:
            raise _Unconfirmed(verdict) if spec.holds else _Refuted(verdict)

    stored = regressions.stored_example(spec) if replay else None
    if stored is not None:
        property_ = hypothesis.example(stored)(property_)
    probe = settings(settings.get_profile(profile), **overrides)(given(strategy)(property_))
    if seed is not None:
        probe = hypothesis.seed(seed)(probe)

    # Keep each spec's saved examples apart in the Hypothesis database.
    probe.hypothesis.inner_test._hypothesis_internal_add_digest = (  # type: ignore[attr-defined]
        spec.name.encode()
    )
    try:
        check_shapes(spec, dim_range or DIM_RANGE)
        probe()
    except (
        hypothesis.errors.Unsatisfiable,
        hypothesis.errors.FailedHealthCheck,
        hypothesis.errors.InvalidArgument,
    ) as err:
        declared = ", ".join(f"{k}={v!r}" for k, v in spec.inputs.items())
        raise SpecError(
            f"spec {spec.name!r}: its inputs cannot be generated "
            f"({type(err).__name__}: {str(err).splitlines()[0]}); a domain, "
            f"interval or dimension range cannot be satisfied. Declared: "
            f"{declared}; dims={dict(spec.dims)!r}, distinct={spec.distinct!r}."
        ) from err
    except _Decisive as found:
        return Outcome(spec, count, found.verdict)
    except BaseExceptionGroup as group:
        errors, _ = group.split(SpecError)
        if errors is not None:
            raise _leaves(errors)[0] from group
        match, _ = group.split(_Decisive)
        if match is None:
            raise
        return Outcome(spec, count, _first_decisive(match).verdict)
    except SpecError:
        raise
    return Outcome(spec, count, None)


def _leaves(group: BaseExceptionGroup) -> list[BaseException]:
    leaves: list[BaseException] = []
    stack: list[BaseException] = [group]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseExceptionGroup):
            stack.extend(item.exceptions)
        else:
            leaves.append(item)
    return leaves


def _first_decisive(group: BaseExceptionGroup) -> _Decisive:
    decisive = [e for e in _leaves(group) if isinstance(e, _Decisive)]
    return sorted(decisive, key=lambda e: e.verdict.status != REFUTED)[0]


def located(err: SpecError | str, file: str = "") -> str:
    """A spec error (or its message) as one line, with the file that defines the spec."""
    return f"{file}: {err}" if file else str(err)


def run_entry(entry: Identity | BrokenSpec, file: str = "") -> tuple[bool, str, int]:
    """Run one catalog entry as the test suite does: (passed, what to show if not, the
    number of examples run).

    A spec error (found when the spec runs) is reported with its file, like a problem
    found when the module was loaded.
    """
    if isinstance(entry, BrokenSpec):
        return False, entry.message, 0
    try:
        outcome = investigate(entry)
    except SpecError as err:
        return False, located(err, file), 0
    return outcome.passed, "" if outcome.passed else outcome.report(), outcome.examples_run
