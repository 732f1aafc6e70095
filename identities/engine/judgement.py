"""The claim against the oracles, entry by entry: tolerances, and what agrees with what.

``judge_tensors`` is written in tensor operations only, so that ``torch.vmap`` judges a
batch (the sweep) exactly as one example is judged: one implementation for both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import torch

from identities.engine.finite_differences import EPS, FiniteDifference

#: Tolerance between two exact-up-to-rounding quantities (a claim and autograd, or a
#: value identity), relative to the largest magnitude compared: ~1000 roundings, enough for
#: accumulations over n <= 32 and condition numbers of the invertible domains.
ROUNDING_RTOL = 2**10 * EPS

#: Finite differences whose truncation estimate exceeds their rounding bound by more than
#: this much of the quantities' size change with the step: not yet a judgement.
UNSETTLED_RTOL = 1e-6


@dataclasses.dataclass
class Comparison:
    """The claim (or one oracle) against a reference, entry by entry."""

    against: str
    reference: torch.Tensor
    difference: torch.Tensor
    tolerance: torch.Tensor
    tolerance_text: str

    @property
    def ok(self) -> bool:
        return bool((self.difference <= self.tolerance).all())

    def largest(self) -> tuple[float, tuple[int, ...]]:
        """The largest difference and its index (nan, where an oracle failed, counts as
        largest)."""
        if not self.difference.numel():
            return 0.0, ()
        flat = int(torch.argmax(torch.nan_to_num(self.difference, nan=float("inf"))))
        index = tuple(int(i) for i in np.unravel_index(flat, tuple(self.difference.shape)))
        return float(self.difference.reshape(-1)[flat]), index

    def worst(self) -> tuple[float, float, tuple[int, ...]]:
        """The entry that most exceeds its tolerance: (difference, tolerance, index)."""
        if not self.difference.numel():
            return 0.0, 0.0, ()
        excess = torch.nan_to_num(self.difference - self.tolerance, nan=float("inf"))
        flat = int(torch.argmax(excess))
        index = tuple(int(i) for i in np.unravel_index(flat, tuple(self.difference.shape)))
        return (
            float(self.difference.reshape(-1)[flat]),
            float(self.tolerance.reshape(-1)[flat]),
            index,
        )


def compare(
    against: str,
    claim: torch.Tensor,
    reference: torch.Tensor,
    tolerance: torch.Tensor,
    tolerance_text: str,
    mask: torch.Tensor | None = None,
) -> Comparison:
    """Entry-wise |claim - reference| against the tolerance; entries outside ``mask`` are
    not compared (shown as nan in the reference)."""
    difference = (claim - reference).abs()
    if mask is not None:
        difference = torch.where(mask, difference, torch.zeros_like(difference))
        reference = torch.where(mask, reference, torch.full_like(reference, float("nan")))
    return Comparison(against, reference, difference, tolerance.expand_as(claim), tolerance_text)


def judge_tensors(
    claim: torch.Tensor,
    ad: torch.Tensor,
    fd: tuple[torch.Tensor, ...] | None = None,
    mask: torch.Tensor | None = None,
    scale: float | torch.Tensor = 0.0,
    rounding: float | torch.Tensor = 0.0,
) -> dict[str, torch.Tensor]:
    """The judgement of one example in tensor operations only, so that ``torch.vmap`` can
    judge a batch (the sweep) exactly as ``check`` judges one: the tolerances and whether
    the claim agrees with autograd (``by_ad``) and with finite differences (``by_fd``),
    whether the oracles agree (``agree``), whether finite differences changed with the
    step (``unreliable``), and whether all that ``confirmed`` the claim.

    ``fd`` is (value, error bound, truncation, rounding) arranged like the claim, or None
    where finite differences do not apply (at a kink; for a value identity ``ad`` is the
    function's value). ``mask`` marks the entries compared. ``scale``: the size of the
    terms the compared quantities are sums of, where known (a projection's); ``rounding``:
    the rounding error of the claim and autograd as measured (``rounding.single``), added
    to the tolerance. Neither is a floor tied to 1: both scale with the inputs."""

    def largest(t: torch.Tensor) -> torch.Tensor:
        finite = torch.isfinite(t) if mask is None else torch.isfinite(t) & mask
        return torch.where(finite, t.abs(), torch.zeros_like(t)).amax()

    def within(a: torch.Tensor, b: torch.Tensor, tol: torch.Tensor) -> torch.Tensor:
        ok = (a - b).abs() <= tol
        return (ok if mask is None else ok | ~mask).all()

    size = torch.maximum(torch.maximum(largest(claim), largest(ad)), torch.as_tensor(scale))
    tol_ad = ROUNDING_RTOL * size + rounding
    judged = {"size": size, "tol_ad": tol_ad, "by_ad": within(claim, ad, tol_ad)}
    if fd is None:
        return {**judged, "confirmed": judged["by_ad"]}
    value, bound, truncation, fd_rounding = fd
    fd_tol = bound + tol_ad
    judged.update(
        fd_tol=fd_tol,
        by_fd=within(claim, value, fd_tol),
        agree=within(ad, value, fd_tol),
        unreliable=((truncation - fd_rounding) > UNSETTLED_RTOL * size).any(),
    )
    judged["confirmed"] = (
        judged["by_ad"] & judged["by_fd"] & judged["agree"] & ~judged["unreliable"]
    )
    return judged


def judge(
    claim: torch.Tensor,
    ad: torch.Tensor,
    fd: FiniteDifference | None,
    arrange: Callable[[torch.Tensor], torch.Tensor],
    mask: torch.Tensor | None = None,
    scale: float | torch.Tensor = 0.0,
    rounding: float | torch.Tensor = 0.0,
) -> dict[str, torch.Tensor]:
    """``judge_tensors`` with the finite-difference estimate and its error model arranged
    like the claim (``fd`` canonical; None at a kink)."""
    arranged = (
        None
        if fd is None
        else tuple(arrange(t) for t in (fd.value, fd.error_bound, fd.truncation, fd.rounding))
    )
    return judge_tensors(claim, ad, arranged, mask, scale, rounding)
