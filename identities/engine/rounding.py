"""The rounding of the claim and of both oracles, measured rather than assumed.

Where the first judgement does not confirm a claim, the claim, autograd and the function's
values over the finite-difference stencil are computed again in Monte Carlo arithmetic:
every floating input and every torch operation's result are multiplied by
``1 + u 2**-PRECISION``, ``u`` uniform in [-1, 1] (a ``TorchDispatchMode`` sees every
operation, autograd's backward ones included). Each computed quantity then moves by
about ``2**(53 - PRECISION)`` times the rounding float64 gives it, propagated through
exactly the operations that produced it, cancellations and ill-conditioned solves
included; so ``RATIO`` times the difference, times ``SAFETY``, bounds float64's own.
Unlike rounding to fewer bits, an exact result is perturbed too: no rounding error is
missed because a product happened to be exact.

Scale-free by construction: a relative perturbation of every intermediate quantity,
whatever its units, with no floor tied to 1, and neither range nor dtype changes (a spec's
float64 constants stay as they are). A relative perturbation keeps zeros and signs, so an
input at a kink stays on it. At a discontinuity the difference is a jump, but ``RATIO``
keeps what it adds below 1e-8 of the jump. It only adds to the strict judgement's
tolerances, never takes away.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import torch
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_map

from identities.engine.autograd import by_rows
from identities.engine.finite_differences import evaluate_batch, stencil
from identities.engine.oracles import Answers
from identities.engine.problem import Problem, evaluate_value, pose
from identities.spec import Identity, SpecError

#: The relative size of each perturbation: float32's rounding.
PRECISION = 24
#: How much less float64 rounds than the perturbed computation moves.
RATIO = 2.0 ** (PRECISION - 53)
#: Each perturbed computation is one sample of the rounding: trust it within this factor.
SAFETY = 16.0
#: Perturbed computations per measurement (each with its own seed).
SAMPLES = 2


class Perturbed(TorchDispatchMode):
    """Every torch operation with its floating result perturbed by a relative
    ``u 2**-PRECISION`` (views and in-place operations run as they are: their aliasing must
    hold). ``seed`` makes the perturbations reproducible."""

    def __init__(self, seed: int) -> None:
        super().__init__()
        self.generator = torch.Generator().manual_seed(seed)

    def perturb(self, t: Any) -> Any:
        if not (isinstance(t, torch.Tensor) and t.dtype == torch.float64 and t.numel()):
            return t
        u = torch.rand(t.shape, generator=self.generator, dtype=t.dtype) * 2 - 1
        return t * (1 + u * 2.0**-PRECISION)

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
        out = func(*args, **(kwargs or {}))
        if func.is_view or func._schema.is_mutable:
            return out
        return tree_map(self.perturb, out)

    def inputs(self, example: Any) -> Any:
        """``example`` with its floating entries perturbed likewise (each operation's
        result is; an operation's inputs are not, or ``x - x`` would not be 0)."""
        return dataclasses.replace(
            example,
            values={k: self.perturb(v) for k, v in example.values.items()},
            directions={k: self.perturb(v) for k, v in example.directions.items()},
        )


@dataclasses.dataclass
class Measured:
    """The rounding measured at one example."""

    exact: torch.Tensor  # of the claim and of autograd (its largest, arranged like the claim)
    noise: torch.Tensor | None  # of one evaluation of f (its largest, per output entry)


def _rows(f: Any, x: torch.Tensor, hessian: bool) -> torch.Tensor:
    """Autograd's Jacobian (or Hessian) by ``torch.autograd.grad``, all outputs at once
    (``is_grads_batched``), else one at a time: the path the perturbed arithmetic follows
    (``torch.func`` transforms do not run under a dispatch mode). Canonical shape."""
    v = x.detach().requires_grad_(True)
    with torch.enable_grad():
        y = f(v)
        if hessian:
            (y,) = torch.autograd.grad(y, v, create_graph=True)
        try:
            flat = y.reshape(-1)
            seeds = torch.eye(flat.numel(), dtype=flat.dtype)
            (g,) = torch.autograd.grad(
                flat, v, grad_outputs=seeds, retain_graph=True, is_grads_batched=True
            )
            return g.detach().reshape(tuple(y.shape) + tuple(x.shape))
        except RuntimeError:  # an operation without a batching rule: one output at a time
            return by_rows(y, v).detach()


def _spread(
    spec: Identity,
    example: Any,
    problem: Problem,
    reference: tuple[torch.Tensor, torch.Tensor | None],
    points: torch.Tensor | None,
    seed: int,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """How far the claim and autograd (arranged like the claim), and the function's values
    over the stencil ``points`` (per output entry), move from float64's ``reference``
    (autograd by ``_rows``, the values over the points) when recomputed in ``Perturbed``
    arithmetic."""
    ad, exact = reference
    perturbed = Perturbed(seed)
    example = perturbed.inputs(example)
    with perturbed:
        other = pose(spec, example)
        other_ad = _rows(other.f, other.x, problem.hessian)
        values = None if points is None else evaluate_batch(other.f, points)
    moved = torch.maximum(
        (other.claim - problem.claim).abs(), problem.arrange((other_ad - ad).abs())
    )
    if values is None or exact is None:
        return moved, None
    flat = (values - exact).abs().reshape(values.shape[0], -1)
    return moved, flat.amax(dim=0).reshape(exact.shape[1:])


def measure(
    spec: Identity,
    example: Any,
    problem: Problem,
    answers: Answers,
    seeds: range = range(SAMPLES),
    previous: Measured | None = None,
) -> Measured | None:
    """The rounding of ``answers`` (full, not projected) at ``example``: ``SAFETY`` times
    ``RATIO`` times the largest difference over the perturbed computations of ``seeds``
    (and the ``previous`` measurement's); None where the measurement fails (it then adds
    nothing, and the strict judgement stands)."""
    points = None if answers.fd is None else stencil(problem.x, answers.fd.steps)
    exact: torch.Tensor | None = None
    noise: torch.Tensor | None = None
    try:
        reference = (
            _rows(problem.f, problem.x, problem.hessian),
            None if points is None else evaluate_batch(problem.f, points),
        )
        for seed in seeds:
            moved, values = _spread(spec, example, problem, reference, points, seed)
            exact = moved if exact is None else torch.maximum(exact, moved)
            if values is not None:
                noise = values if noise is None else torch.maximum(noise, values)
    except (SpecError, RuntimeError, ValueError, TypeError):
        return None
    assert exact is not None
    if noise is not None and problem.hessian:
        noise = noise.amax()
    if not bool(torch.isfinite(exact).all()) or (
        noise is not None and not bool(torch.isfinite(noise).all())
    ):
        return None
    # One sample's difference entry by entry can be small by luck; its largest is not.
    bound = SAFETY * RATIO
    exact = (bound * exact.amax()).expand_as(exact)
    noise = None if noise is None else (bound * noise.amax()).expand_as(noise)
    measured = Measured(exact, noise)
    if previous is None:
        return measured
    return Measured(
        torch.maximum(previous.exact, measured.exact),
        None
        if measured.noise is None or previous.noise is None
        else torch.maximum(previous.noise, measured.noise),
    )


def measure_value(
    spec: Identity, example: Any, actual: torch.Tensor, claim: torch.Tensor
) -> torch.Tensor | None:
    """The rounding of a value identity's function and claim at ``example``, measured
    likewise (None where the measurement fails)."""
    return measured_rounding(lambda e: evaluate_value(spec, e), example, (actual, claim))


def measured_rounding(
    compute: Callable[[Any], tuple[torch.Tensor, ...]],
    example: Any,
    exact: tuple[torch.Tensor, ...],
) -> torch.Tensor | None:
    """``SAFETY * RATIO`` times the largest move of the quantities ``compute(example)``
    (whose float64 values are ``exact``) over ``SAMPLES`` perturbed computations, shaped
    like the first; None where the measurement fails."""
    difference = torch.zeros((), dtype=exact[0].dtype)
    try:
        for seed in range(SAMPLES):
            perturbed = Perturbed(seed)
            moved_example = perturbed.inputs(example)
            with perturbed:
                others = compute(moved_example)
            for other, value in zip(others, exact, strict=True):
                difference = torch.maximum(difference, (other - value).abs().amax())
    except (SpecError, RuntimeError, ValueError, TypeError):
        return None
    if not bool(torch.isfinite(difference)):
        return None
    return (SAFETY * RATIO * difference).expand_as(exact[0])
