"""The batched sweep: one identity on very many random examples, a batch at a time.

Where the Hypothesis search draws and checks one example at a time (about 6 ms each), the
sweep samples a whole batch of inputs with torch's random generator, in the same draw
order and by the same constructions as the strategies (``strategies.batches``), and checks
the batch through the engine's batched door (``engine.pipeline.confirmed``: ``torch.vmap``
over the function, the claim and both oracles, judged by the same ``judge_tensors`` as a
single check). Any example the batch does not confirm is checked again on its own by
``check`` (the authority), and a failure is handed to Hypothesis to shrink: its raw entries
are written into an example database as the choices of the flat strategies
(``examples(spec, fixed_dims=...)``), and Hypothesis replays and shrinks it.

Not every spec can be swept: generated maps, Hessians and structured gradients are
checked by the Hypothesis search only, and so is a spec whose function vmap cannot
batch; ``unsweepable`` says why.
"""

from __future__ import annotations

import dataclasses
import time

import hypothesis
import torch
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis.database import InMemoryExampleDatabase, choices_to_bytes
from tqdm import tqdm

from identities.engine.pipeline import check, confirmed
from identities.engine.problem import structured
from identities.engine.report import render_report
from identities.engine.runner.search import check_shapes
from identities.engine.tools.progress import bar
from identities.engine.torch_policy import torch_policy
from identities.engine.verdict import REFUTED, Verdict
from identities.spec import Array, Derived, Identity, SmoothMap
from identities.strategies import DIM_RANGE, Example, examples
from identities.strategies.batches import Batch, sample, sample_dims

#: Finite-difference evaluations per batch (8 per input entry per example): bounds memory.
EVALUATIONS_PER_BATCH = 2**18
#: At most this many examples per batch.
MAX_BATCH = 4096
#: At least this many batches (each at its own dimensions) in a sweep.
MIN_BATCHES = 32


def unsweepable(spec: Identity) -> str:
    """Why ``spec`` cannot be swept, or '' if it can."""
    decls = list(spec.inputs.values())
    decls += [e for d in spec.inputs.values() if isinstance(d, Derived) for e in d.extra.values()]
    if any(isinstance(d, SmoothMap) for d in decls):
        return "it draws generated maps"
    if spec.form == "hessian":
        return "a Hessian (nested finite differences do not batch)"
    if spec.form == "gradient":
        decl = spec.inputs[spec.variable]
        if (
            isinstance(decl, Array)
            and len(decl.shape) == 2
            and structured(spec, torch.zeros(2, 2)) is not None
        ):
            return "a gradient with respect to a structured matrix"
    return ""


@dataclasses.dataclass
class SweepResult:
    spec: Identity
    examples: int = 0
    seconds: float = 0.0
    verdict: Verdict | None = None  # the first failure, checked alone
    shrunk: Verdict | None = None  # ... and as Hypothesis shrank it
    skipped: str = ""  # why the spec was not swept
    rechecked: int = 0  # examples the batch did not confirm but the single check did

    @property
    def passed(self) -> bool:
        if self.skipped:
            return True
        if self.spec.holds:
            return self.verdict is None
        return self.verdict is not None and self.verdict.status == REFUTED

    def as_json(self) -> dict:
        decisive = self.shrunk or self.verdict
        return {
            "name": self.spec.name,
            "holds": self.spec.holds,
            "examples": self.examples,
            "seconds": round(self.seconds, 2),
            "examples_per_second": round(self.examples / self.seconds) if self.seconds else None,
            "passed": self.passed,
            "skipped": self.skipped,
            "rechecked": self.rechecked,
            "status": decisive.status
            if decisive
            else ("confirmed" if self.spec.holds else "not refuted"),
            "report": render_report(decisive) if decisive else "",
        }


@torch_policy()
def shrink(spec: Identity, batch: Batch, index: int) -> Verdict | None:
    """Hand example ``index`` of ``batch`` to Hypothesis: it replays the example from an
    example database and shrinks it (the dimensions stay). The shrunk verdict, or None if
    Hypothesis could not reproduce it."""
    found: list[Verdict] = []

    def property_(example: Example) -> None:
        verdict = check(spec, example)
        if verdict.decides:
            found.append(verdict)
            raise AssertionError(verdict.status)

    database = InMemoryExampleDatabase()
    key = f"sweep:{spec.name}".encode()
    # The secondary corpus holds examples that are replayed and then shrunk.
    database.save(key + b".secondary", choices_to_bytes(batch.choices(index)))
    probe = settings(
        database=database,
        phases=[Phase.reuse, Phase.shrink],
        verbosity=Verbosity.quiet,
        deadline=None,
        report_multiple_bugs=False,
        suppress_health_check=list(HealthCheck),
    )(given(examples(spec, fixed_dims=batch.dims))(property_))
    probe._hypothesis_internal_database_key = key  # type: ignore[attr-defined]
    try:
        probe()
    except AssertionError:
        pass
    except hypothesis.errors.HypothesisException:
        return None
    return found[-1] if found else None


@torch_policy()
def sweep(
    spec: Identity,
    examples_wanted: int,
    *,
    seed: int = 0,
    dim_range: tuple[int, int] = DIM_RANGE,
    progress: bool = False,
) -> SweepResult:
    """Check ``spec`` on ``examples_wanted`` random examples in batches; stop at the first
    example that decides against the spec's declaration (a false alarm for a true identity,
    the expected refutation for a false one), check it alone and shrink it."""
    result = SweepResult(spec, skipped=unsweepable(spec))
    if result.skipped:
        return result
    check_shapes(spec, dim_range)  # a claim of the wrong shape is a SpecError, not a refutation
    generator = torch.Generator().manual_seed(seed)
    start = time.perf_counter()
    with bar(
        total=examples_wanted,
        desc=f"sweep {spec.name}",
        unit="example",
        unit_scale=True,
        leave=False,
        show=progress,
    ) as examples_bar:
        _sweep_batches(spec, examples_wanted, dim_range, generator, result, examples_bar)
    result.seconds = time.perf_counter() - start
    return result


def _sweep_batches(
    spec: Identity,
    examples_wanted: int,
    dim_range: tuple[int, int],
    generator: torch.Generator,
    result: SweepResult,
    examples_bar: tqdm,
) -> None:
    """The sweep's loop: batch after batch into ``result`` until ``examples_wanted``, or an
    example that decides against the declaration."""
    while result.examples < examples_wanted:
        dims = sample_dims(spec, dim_range, generator)
        try:
            probe = sample(spec, dims, 1, generator)
        except Exception as err:  # noqa: BLE001 - a derived input vmap cannot build
            result.skipped = (
                f"vmap cannot batch its inputs ({type(err).__name__}: "
                f"{str(err).splitlines()[0][:120] if str(err) else ''})"
            )
            break
        entries = max(
            1, sum(v[0].numel() for v in probe.values.values() if isinstance(v, torch.Tensor))
        )
        # At least MIN_BATCHES batches, so that many dimensions are drawn.
        count = max(
            1,
            min(
                MAX_BATCH,
                examples_wanted - result.examples,
                -(-examples_wanted // MIN_BATCHES),
                EVALUATIONS_PER_BATCH // (8 * entries),
            ),
        )
        batch = sample(spec, dims, count, generator)
        try:
            ok = confirmed(spec, batch.values, batch.directions)
        except Exception as err:  # noqa: BLE001 - not batchable: say so, check nothing
            check(spec, batch.example(0))  # unless the spec itself is wrong: a SpecError
            result.skipped = (
                f"vmap cannot batch it ({type(err).__name__}: "
                f"{str(err).splitlines()[0][:120] if str(err) else ''})"
            )
            break
        failing = torch.nonzero(~ok).reshape(-1).tolist()
        for i in failing:
            verdict = check(spec, batch.example(i))
            if verdict.decides:
                result.examples += i + 1
                result.verdict = verdict
                result.shrunk = shrink(spec, batch, i)
                break
            result.rechecked += 1
        else:
            result.examples += count
        examples_bar.update(min(result.examples, examples_wanted) - examples_bar.n)
        if result.verdict is not None:
            break
