"""The numerical oracle and its error model: finite differences, computed without autograd.

A 4th-order central stencil at steps ``h``, ``2h`` and ``4h``, Richardson-extrapolated to
6th order. Comparing the estimates at ``h`` and ``2h`` gives the truncation error;
evaluation rounding is bounded from the size of ``f``'s terms over the stencil. So each
entry carries its own error bound, derived from the function and the point, not from one
global number. Independent of the autograd oracle: neither imports the other.

Returns the full Jacobian in canonical shape ``out_shape + in_shape``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import torch

EPS = torch.finfo(torch.float64).eps

#: Relative rounding error allowed for one float64 evaluation of a catalog function: a few
#: dozen operations, each off by EPS, on inputs whose condition is bounded by construction.
EVAL_RTOL = 64 * EPS

#: Steps are powers of two: h = 2**STEP_EXPONENT * |x_i|, rounded down to a power of two.
#: No magnitude is tied to 1: every step, like every tolerance, scales with the inputs.
STEP_EXPONENT = -9

#: An entry smaller than its input's largest entry (0, say) steps as one of size
#: 2**FLOOR_EXPONENT times the power of two at or below the largest: the stencil's reach is
#: relative to the input's scale, whatever its units.
FLOOR_EXPONENT = 0

#: Where the first estimate changes with the step, it is refined at steps this many times
#: smaller, up to REFINEMENTS times (see ``refined``): down to 4^-12, about 6e-8 of the first.
REFINE_FACTOR = 4.0
REFINEMENTS = 12
HESSIAN_REFINEMENTS = 4

#: The stencil offsets, in units of h.
OFFSETS = (-8, -4, -2, -1, 1, 2, 4, 8)
_OFFSETS = torch.tensor(OFFSETS, dtype=torch.float64)
#: The steps of the three central differences, in units of h.
_WIDTHS = torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64)

#: Truncation estimates are asymptotic; trust them within this factor.
TRUNCATION_SAFETY = 4.0

#: Rounding factor of the extrapolated estimate: (16 * 18/12 + 18/24) / 15.
_ROUNDING_GAIN = (16 * 1.5 + 0.75) / 15


@dataclasses.dataclass
class FiniteDifference:
    """A finite-difference Jacobian with its per-entry error model (shape out + in)."""

    value: torch.Tensor
    truncation: torch.Tensor
    rounding: torch.Tensor
    noise: torch.Tensor  # the error of one evaluation of f assumed, per output entry
    steps: torch.Tensor  # the step of each input entry (flattened)
    #: (how many times smaller the most refined step, the estimate) at each step tried
    tried: tuple[tuple[float, torch.Tensor], ...] = ()

    @property
    def error_bound(self) -> torch.Tensor:
        return TRUNCATION_SAFETY * self.truncation + self.rounding


def evaluate_batch(f: Callable[[torch.Tensor], torch.Tensor], batch: torch.Tensor) -> torch.Tensor:
    """``f`` on each slice of ``batch`` along dim 0: vectorized when ``f`` allows it."""
    with torch.no_grad():
        try:
            return torch.vmap(f)(batch)
        except Exception:  # data-dependent control flow and the like: evaluate one by one
            return torch.stack([torch.as_tensor(f(b)) for b in batch])


def _power_of_two_below(t: torch.Tensor) -> torch.Tensor:
    return torch.exp2(torch.floor(torch.log2(t)))


def steps(x: torch.Tensor, scale: torch.Tensor | float | None = None) -> torch.Tensor:
    """The step for each entry of ``x`` (flattened): a power of two scaled to ``|x_i|``, and
    for entries smaller than the input's largest, to the power of two at or below the
    largest (in a vector of entries up to 1.5, an entry at 0 steps like one of size 1).

    ``scale``: the size to take where ``x`` is all zeros (the example's other inputs'
    largest entry); without it, or where that is 0 too, 1."""
    flat = x.detach().reshape(-1).abs()
    largest = flat.amax() if flat.numel() else torch.zeros((), dtype=flat.dtype)
    fallback = torch.as_tensor(1.0 if scale is None else scale, dtype=flat.dtype)
    fallback = torch.where(fallback > 0, fallback, torch.ones_like(fallback))
    # An all-zero x steps as entries of size ``scale``; others as described above.
    floor = torch.where(
        largest > 0,
        _power_of_two_below(largest) * 2.0**FLOOR_EXPONENT,
        _power_of_two_below(fallback),
    )
    return _power_of_two_below(torch.maximum(flat, floor)) * 2.0**STEP_EXPONENT


def stencil(x: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
    """The points ``f`` is evaluated at: ``x`` moved by each offset times each entry's
    step, one entry at a time; shape ``(len(OFFSETS) * n,) + x.shape``, offsets outer."""
    flat = x.detach().reshape(-1)
    points = flat + _OFFSETS[:, None, None] * torch.diag(h)  # (8, n, n)
    return points.reshape(len(OFFSETS) * flat.numel(), *x.shape)


def finite_difference_jacobian(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    *,
    evaluation_error: float | torch.Tensor | None = None,
    step: torch.Tensor | None = None,
    scale: torch.Tensor | float | None = None,
) -> FiniteDifference:
    """The Jacobian of ``f`` at ``x`` by extrapolated central differences, no autograd.

    ``evaluation_error`` bounds the absolute error of one evaluation of ``f`` (a number, or
    one per output entry); by default ``EVAL_RTOL`` times the size of f's terms (below),
    which is also returned as ``noise``. ``step``: the steps (one per entry of ``x``), by
    default ``steps(x, scale)``.
    """
    flat = x.detach().reshape(-1)
    n = flat.numel()
    h = steps(x, scale) if step is None else step
    values = evaluate_batch(f, stencil(x, h))
    out_shape = values.shape[1:]
    values = values.reshape(len(OFFSETS), n, -1)  # (8, n, outputs)
    # f(x + k h) - f(x - k h) for k = 1, 2, 4, 8 (OFFSETS is symmetric and sorted).
    half = len(OFFSETS) // 2
    spread = values[half:] - values[:half].flip(0)
    hh = h[:, None]
    # 4th-order central differences at steps h, 2h, 4h: (8 D_k - D_2k) / (12 k h).
    d = (8 * spread[:-1] - spread[1:]) / (12 * _WIDTHS[:, None, None] * hh)
    e = (16 * d[:-1] - d[1:]) / 15  # Richardson to 6th order, at h and at 2h
    e1 = e[0]
    truncation = (e[0] - e[1]).abs() / 63
    if evaluation_error is None:
        # Rounding in f is relative to the size of its terms, not of its value (which can
        # be small by cancellation): sum_i |df/dx_i| |x_i|, how much f moves when every
        # input moves by its own size, measures them, from this oracle's own estimate.
        terms = (d[0].abs() * flat.abs()[:, None]).sum(dim=0)
        noise = EVAL_RTOL * torch.maximum(values.abs().amax(dim=0), terms)
    else:
        noise = (
            torch.as_tensor(evaluation_error, dtype=values.dtype)
            .reshape(-1)
            .expand(values.shape[2:])
        )
    rounding = _ROUNDING_GAIN * noise / hh

    def canonical(t: torch.Tensor) -> torch.Tensor:
        return t.T.reshape(tuple(out_shape) + tuple(x.shape))

    return FiniteDifference(
        canonical(e1),
        canonical(truncation),
        canonical(rounding),
        noise.expand_as(e1).amax(dim=0).reshape(out_shape),
        h,
    )


def with_noise(fd: FiniteDifference, noise: torch.Tensor) -> FiniteDifference:
    """``fd`` with its rounding bound recomputed for another evaluation error of ``f``
    (``noise``, per output entry, at least the one assumed)."""
    noise = torch.maximum(fd.noise, noise.expand_as(fd.noise))
    gain = _ROUNDING_GAIN * noise.reshape(-1)[:, None] / fd.steps[None, :]
    rounding = gain.reshape(tuple(fd.noise.shape) + tuple(fd.value.shape[fd.noise.dim() :]))
    return dataclasses.replace(fd, rounding=torch.maximum(fd.rounding, rounding), noise=noise)


def refined(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    first: FiniteDifference,
    threshold: torch.Tensor | float,
    *,
    reference: torch.Tensor | None = None,
    slack: torch.Tensor | float = 0.0,
) -> FiniteDifference:
    """Finite differences where ``first`` changes with the step (its truncation estimate
    over its rounding bound by more than ``threshold``), at steps ``REFINE_FACTOR`` times
    smaller, up to ``REFINEMENTS`` times, input entry by input entry: an entry that has
    settled keeps its step. A steep but smooth function converges as the step shrinks; a
    kink or a domain edge does not. At a refined step the error bound is at least the
    change from the previous step over ``REFINE_FACTOR - 1``, which bounds the error of
    any estimate converging at order one or more: a C^1 point (the Huber loss at
    ``|x| = delta``, whose second derivative jumps) converges at order one, and is not
    taken for a kink. Each level keeps the first level's evaluation error (``with_noise``);
    ``tried`` records the estimates level by level.

    ``reference`` (canonical, another estimate of the same Jacobian): entries whose
    estimate differs from it by more than their error bound plus ``slack`` are refined too,
    settled or not: a stencil symmetric about a bend much narrower than the step sees only
    the bend's mean slope, at every step that spans it, and does not change with the step.
    The reference only chooses what to refine; the estimates are the finite differences'
    own, each with its own error bound."""
    fd = dataclasses.replace(first, tried=((1.0, first.value),))
    n = first.steps.numel()
    for _ in range(REFINEMENTS):
        excess = (fd.truncation - fd.rounding).reshape(-1, n)
        unsettled = (excess > threshold).any(dim=0)
        if reference is not None:
            off = (fd.value - reference).abs() - fd.error_bound
            unsettled = unsettled | (off.reshape(-1, n) > slack).any(dim=0)
        if not bool(unsettled.any()):
            break
        step = torch.where(unsettled, fd.steps / REFINE_FACTOR, fd.steps)
        finer = with_noise(finite_difference_jacobian(f, x, step=step), first.noise)
        change = (finer.value - fd.value).abs() / (REFINE_FACTOR - 1)
        moved = unsettled.reshape((1,) * (fd.value.dim() - x.dim()) + tuple(x.shape))
        truncation = torch.where(moved, torch.maximum(finer.truncation, change), fd.truncation)
        shrink = float((first.steps / step).amax())
        fd = dataclasses.replace(
            finer,
            value=torch.where(moved, finer.value, fd.value),
            truncation=truncation,
            rounding=torch.where(moved, finer.rounding, fd.rounding),
            tried=fd.tried + ((shrink, finer.value),),
        )
    return fd


def finite_difference_hessian(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    *,
    evaluation_error: torch.Tensor | None = None,
    scale: torch.Tensor | float | None = None,
    step: torch.Tensor | None = None,
) -> FiniteDifference:
    """The Hessian of a scalar ``f`` at ``x``: finite differences of finite differences.

    The inner steps are those at ``x`` throughout (so the inner estimate is one smooth
    function of the point). The outer stencil takes the inner estimate's error bound
    (twice its largest value, for its variation over the stencil) as the error of one
    evaluation. ``evaluation_error``: of one evaluation of ``f``, if more than assumed.
    ``step``: the steps, by default ``steps(x, scale)``.
    """
    step = steps(x, scale) if step is None else step
    inner = finite_difference_jacobian(f, x, step=step)
    if evaluation_error is not None:
        inner = with_noise(inner, evaluation_error)
    inner_error = 2 * inner.error_bound.amax()

    def gradient(v: torch.Tensor) -> torch.Tensor:
        return finite_difference_jacobian(f, v, step=step).value

    return finite_difference_jacobian(gradient, x, evaluation_error=inner_error, step=step)


def refined_hessian(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    first: FiniteDifference,
    settled: Callable[[FiniteDifference], bool],
    evaluation_error: torch.Tensor | None = None,
) -> FiniteDifference:
    """A Hessian by nested differences at steps ``REFINE_FACTOR`` times smaller, all
    entries at once, up to ``HESSIAN_REFINEMENTS`` times: the first one ``settled``
    accepts, else the last (rounding grows as the square of the step shrinks, so fewer
    levels than for a Jacobian)."""
    fd = dataclasses.replace(first, tried=((1.0, first.value),))
    for level in range(1, HESSIAN_REFINEMENTS + 1):
        shrink = REFINE_FACTOR**level
        finer = finite_difference_hessian(
            f, x, evaluation_error=evaluation_error, step=first.steps / shrink
        )
        fd = dataclasses.replace(finer, tried=fd.tried + ((shrink, finer.value),))
        if settled(fd):
            break
    return fd
