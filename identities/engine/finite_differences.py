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

#: The magnitudes that rounding errors are relative to are at least this. Inputs are drawn at
#: unit scale, so the intermediate values of a computation are of unit size even when its
#: result is small by cancellation (1 + sin(u) near u = -pi/2), and their rounding errors,
#: about EPS * 1, are what remains in the result.
UNIT = 1.0

#: Steps are powers of two (so x + k h is exact for |x| <= 4): h = 2**STEP_EXPONENT * max(1, |x|).
STEP_EXPONENT = -9

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

    @property
    def error_bound(self) -> torch.Tensor:
        return TRUNCATION_SAFETY * self.truncation + self.rounding

    def unreliable(self, scale: float) -> bool:
        """True when the estimate changes with the step: a kink or an edge is in reach."""
        excess = self.truncation - self.rounding
        return bool((excess > 1e-6 * scale).any())


def evaluate_batch(f: Callable[[torch.Tensor], torch.Tensor], batch: torch.Tensor) -> torch.Tensor:
    """``f`` on each slice of ``batch`` along dim 0: vectorized when ``f`` allows it."""
    with torch.no_grad():
        try:
            return torch.vmap(f)(batch)
        except Exception:  # data-dependent control flow and the like: evaluate one by one
            return torch.stack([torch.as_tensor(f(b)) for b in batch])


def steps(x: torch.Tensor) -> torch.Tensor:
    """The step for each entry of ``x`` (flattened): a power of two scaled to ``|x|``."""
    magnitude = x.reshape(-1).abs().clamp(min=1.0)
    return torch.exp2(torch.floor(torch.log2(magnitude)) + STEP_EXPONENT)


def finite_difference_jacobian(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    *,
    evaluation_error: float | torch.Tensor | None = None,
) -> FiniteDifference:
    """The Jacobian of ``f`` at ``x`` by extrapolated central differences, no autograd.

    ``evaluation_error`` bounds the absolute error of one evaluation of ``f`` (a number, or
    one per output entry); by default ``EVAL_RTOL`` times the size of f's terms (below),
    which is also returned as ``noise``.
    """
    flat = x.detach().reshape(-1)
    n = flat.numel()
    h = steps(x)
    points = flat + _OFFSETS[:, None, None] * torch.diag(h)  # (8, n, n)
    values = evaluate_batch(f, points.reshape(len(OFFSETS) * n, *x.shape))
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
        noise = EVAL_RTOL * torch.maximum(values.abs().amax(dim=0), terms).clamp(min=UNIT)
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
    )


def finite_difference_hessian(
    f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor
) -> FiniteDifference:
    """The Hessian of a scalar ``f`` at ``x``: finite differences of finite differences.

    The outer stencil takes the inner estimate's error bound (twice its largest value, for
    its variation over the stencil) as the error of one evaluation.
    """
    inner_error = 2 * float(finite_difference_jacobian(f, x).error_bound.max())

    def gradient(v: torch.Tensor) -> torch.Tensor:
        return finite_difference_jacobian(f, v).value

    return finite_difference_jacobian(gradient, x, evaluation_error=inner_error)
