"""Both oracles on a problem: their answers arranged like the claim.

The full check computes both oracles' full Jacobians (or Hessians); for large shapes, the
projected check compares ``U J V`` for random signed ``U`` and ``V`` first (``projected``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Callable

import torch

from identities.engine.autograd import (
    PATHS,
    NoGraph,
    autograd_hessian,
    autograd_jacobian,
    path_for,
)
from identities.engine.display import show
from identities.engine.finite_differences import (
    EVAL_RTOL,
    FiniteDifference,
    finite_difference_hessian,
    finite_difference_jacobian,
)
from identities.engine.judgement import ROUNDING_RTOL
from identities.engine.problem import Problem
from identities.spec import Identity, SpecError


@dataclasses.dataclass
class Answers:
    """The claim and both oracles' answers, arranged like the claim."""

    claim: torch.Tensor
    autograd: torch.Tensor
    fd: FiniteDifference | None  # canonical arrangement; None at a kink
    arrange: Callable[[torch.Tensor], torch.Tensor]  # canonical -> claim arrangement
    mask: torch.Tensor | None = None  # entries compared (structured inputs)
    scale: float = 0.0  # the size of the terms compared, where known (a projection's)
    note: str = ""
    scale_text: str = "max|value|"  # what the autograd tolerance is relative to
    rounding: torch.Tensor | float = 0.0  # measured rounding of claim and autograd (rounding)
    rounding_text: str = ""
    canonical_autograd: torch.Tensor | None = None  # autograd's answer before arranging
    evaluation_error: torch.Tensor | None = None  # of f, as measured (rounding)


def full(spec: Identity, problem: Problem) -> Answers:
    """Both oracles' full Jacobians (or Hessians)."""
    f, x = problem.f, problem.x
    ad = autograd_answer(spec, f, x, problem.hessian, problem.trace)
    fd = None
    if problem.hessian and not problem.kink:
        fd = finite_difference_hessian(f, x, scale=problem.size)
    elif not problem.kink:
        noise = problem.noise() if problem.noise else None
        fd = finite_difference_jacobian(f, x, evaluation_error=noise, scale=problem.size)
    return Answers(
        problem.claim,
        problem.arrange(ad),
        fd,
        problem.arrange,
        problem.mask,
        canonical_autograd=ad,
    )


def other_path(spec: Identity, problem: Problem, answers: Answers) -> Answers | None:
    """The answers with autograd taken by its other path (``autograd.PATHS``), where the two
    paths differ beyond rounding; None where they agree (or for a Hessian)."""
    if problem.hessian or problem.trace is None:
        return None
    taken = path_for(problem.trace[1])
    other = PATHS[1 - PATHS.index(taken)]
    try:
        raw = autograd_jacobian(problem.f, problem.x, path=other)
        ad = problem.arrange(raw)
    except (RuntimeError, NoGraph):
        return None
    size = float(torch.maximum(ad.abs().amax(), answers.autograd.abs().amax()))
    if bool(((ad - answers.autograd).abs() <= ROUNDING_RTOL * size).all()):
        return None
    note = (
        f"torch's two autograd paths disagree here ({taken}: {show(answers.autograd)}; "
        f"{other}: {show(ad)}), a torch bug on one of them"
    )
    return dataclasses.replace(answers, autograd=ad, note=note, canonical_autograd=raw)


def autograd_answer(
    spec: Identity, f: Callable, x: torch.Tensor, hessian: bool, trace: tuple | None = None
) -> torch.Tensor:
    """Autograd's answer, with a spec error when the function is not differentiable by
    torch (it leaves torch: numpy, .item(), float(), .detach(), torch.tensor(...))."""
    fix = (
        "write the function with torch operations only, so that autograd can follow "
        "it (no numpy, .item(), float(), .detach() or torch.tensor(...) of its inputs)"
    )
    try:
        return autograd_hessian(f, x) if hessian else autograd_jacobian(f, x, trace)
    except RuntimeError as err:
        raise SpecError(
            f"spec {spec.name!r}: function is not differentiable by torch "
            f"({str(err).splitlines()[0]}); {fix}."
        ) from err
    except NoGraph as none:
        fd = finite_difference_jacobian(f, x)
        if bool((fd.value.abs() > fd.error_bound).any()):
            raise SpecError(
                f"spec {spec.name!r}: function is not differentiable by torch: "
                f"autograd sees no dependence on {spec.variable!r}, but its value "
                f"changes with it; {fix}."
            ) from none
        return torch.zeros(none.args[0] + tuple(x.shape), dtype=x.dtype)


def directions(
    count: int, size: int, generator: torch.Generator, *, inputs: bool = False
) -> torch.Tensor:
    """``count`` random signed directions as columns (``size`` x ``count``), or the identity
    when there are no more entries than directions (nothing to project).

    Output directions are +-1. Input directions are +-2^-k with 2^k >= sqrt(size): a move
    along one changes a function like w.x by about as much as moving one entry by the same
    step, so the stencil stays as far from kinks and domain edges as it does entry by entry
    (with +-1, moving all entries at once carries w.x sqrt(size) times further)."""
    if size <= count:
        return torch.eye(size, dtype=torch.float64)
    signs = torch.randint(0, 2, (size, count), generator=generator).double() * 2 - 1
    if not inputs:
        return signs
    return signs * 2.0 ** -math.ceil(math.log2(math.sqrt(size)))


def projected(problem: Problem, count: int) -> Answers:
    """``U J V`` for random signed ``U`` (outputs) and ``V`` (inputs; ``directions``): the
    oracles differentiate ``h(t) = U f(x + V t)`` at ``t = 0`` (``count`` backward passes,
    ``8 count`` evaluations), and the claim is projected the same way, ``U C V``. For a Hessian,
    ``V^T H V`` from ``h(t) = f(x + V t)``.

    The tolerances are relative to the size of the terms, ``|U| |C| |V|`` (a projection
    sums many terms of either sign), and the finite-difference rounding to that of each
    output's terms, ``|C| |x|`` - from the claim, which is safe: a claim far from the truth
    is refuted by autograd, and anything but a confirmation goes to the full check.
    """
    x, claim = problem.x, problem.canonical_claim
    digest = hashlib.blake2b(x.detach().numpy().tobytes(), digest_size=8).digest()
    generator = torch.Generator().manual_seed(int.from_bytes(digest, "little") >> 1)
    n_in = x.numel()
    v = directions(count, n_in, generator, inputs=True)
    t0 = torch.zeros(v.shape[1], dtype=torch.float64)
    # t = 1 moves x by about its own largest entry: the steps in t take x's size.
    reach = x.detach().abs().amax() if x.numel() else torch.zeros((), dtype=torch.float64)
    reach = torch.where(reach > 0, reach, torch.as_tensor(problem.size, dtype=reach.dtype))

    def moved(t: torch.Tensor) -> torch.Tensor:
        return problem.f(x + (v @ t).reshape(x.shape))

    if problem.hessian:
        c = claim.reshape(n_in, n_in)
        projection = v.T @ c @ v
        terms = v.abs().T @ c.abs() @ v.abs()
        ad = autograd_hessian(moved, t0)
        fd = None if problem.kink else finite_difference_hessian(moved, t0, scale=reach)
    else:
        n_out = problem.value.numel()
        u = directions(count, n_out, generator).T
        c = claim.reshape(n_out, n_in)
        projection = u @ c @ v
        magnitude = c.abs()
        terms = u.abs() @ magnitude @ v.abs()
        size = torch.maximum(problem.value.abs().reshape(-1), magnitude @ x.abs().reshape(-1))
        noise = EVAL_RTOL * float((u.abs() @ size).max())

        def h(t: torch.Tensor) -> torch.Tensor:
            return u @ moved(t).reshape(-1)

        ad = autograd_jacobian(h, t0)
        fd = (
            None
            if problem.kink
            else finite_difference_jacobian(h, t0, evaluation_error=noise, scale=reach)
        )
    return Answers(
        projection,
        ad,
        fd,
        lambda t: t,
        scale=float(terms.max()),
        note=f"projected on {v.shape[1]} random signed directions",
        scale_text="the size of the projected terms",
    )
