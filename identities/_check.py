"""Check one spec on one example: the claim against both oracles, and a readable verdict."""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from identities._oracles import (
    EVAL_RTOL,
    ROUNDING_RTOL,
    UNIT,
    FiniteDifference,
    NoGraph,
    autograd_jacobian,
    finite_difference_hessian,
    finite_difference_jacobian,
    traced,
)
from identities.spec import Array, Identity, SpecError
from strategies import structure_basis

CONFIRMED = "confirmed"
REFUTED = "refuted"
CONFLICT = "oracle conflict"
INCONCLUSIVE = "inconclusive"


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

    def worst(self) -> tuple[float, float, tuple[int, ...]]:
        """The entry that most exceeds its tolerance: (difference, tolerance, index)."""
        if not self.difference.numel():
            return 0.0, 0.0, ()
        excess = torch.nan_to_num(self.difference - self.tolerance, nan=float("inf"))
        flat = int(torch.argmax(excess))
        index = tuple(int(i) for i in np.unravel_index(flat, tuple(self.difference.shape)))
        return (float(self.difference.reshape(-1)[flat]),
                float(self.tolerance.reshape(-1)[flat]), index)


def compare(against: str, claim: torch.Tensor, reference: torch.Tensor,
            tolerance: torch.Tensor, tolerance_text: str,
            mask: torch.Tensor | None = None) -> Comparison:
    """Entry-wise |claim - reference| against the tolerance; entries outside ``mask`` are
    not compared (shown as nan in the reference)."""
    difference = (claim - reference).abs()
    if mask is not None:
        difference = torch.where(mask, difference, torch.zeros_like(difference))
        reference = torch.where(mask, reference, torch.full_like(reference, float("nan")))
    return Comparison(against, reference, difference, tolerance.expand_as(claim),
                      tolerance_text)


# -- forms and layouts -----------------------------------------------------------------
def accepted_shapes(spec: Identity, out_shape: tuple, in_shape: tuple) -> list[tuple]:
    """The shapes a claim may have, first the canonical one of its form and layout."""
    if spec.form in ("value", "differential"):
        return [out_shape]
    if spec.form == "gradient":
        return [in_shape]
    if spec.form == "hessian":
        return [in_shape + in_shape]
    if spec.layout == "numerator":
        if out_shape == () and len(in_shape) == 2:
            return [in_shape[::-1]]  # scalar-by-matrix: laid out by X^T (q x p for p x q X)
        shapes = [out_shape + in_shape]
        if out_shape == () and len(in_shape) == 1:
            shapes.append((1,) + in_shape)  # a row vector
        if in_shape == () and len(out_shape) == 1:
            shapes.append(out_shape + (1,))  # a column vector
    else:
        shapes = [in_shape + out_shape]
        if out_shape == () and len(in_shape) == 1:
            shapes.append(in_shape + (1,))
        if in_shape == () and len(out_shape) == 1:
            shapes.append((1,) + out_shape)
    return shapes


def describe_form(spec: Identity) -> str:
    if spec.form == "jacobian":
        return f"a Jacobian in {spec.layout} layout"
    return {"gradient": "a gradient shaped like the input",
            "differential": "a differential shaped like the function's value",
            "hessian": "a Hessian (input shape twice)",
            "value": "a value shaped like the function's"}[spec.form]


def to_claim_form(spec: Identity, jac: torch.Tensor, out_ndim: int, shape: tuple
                  ) -> torch.Tensor:
    """Arrange a canonical Jacobian (out + in) the way the claim is arranged."""
    if spec.form == "jacobian" and spec.layout == "denominator" and out_ndim:
        in_ndim = jac.dim() - out_ndim
        jac = jac.permute(*range(out_ndim, out_ndim + in_ndim), *range(out_ndim))
    elif spec.form == "jacobian" and spec.layout == "numerator" and not out_ndim \
            and jac.dim() == 2:
        jac = jac.mT  # scalar-by-matrix in numerator layout: laid out by X^T
    return jac.reshape(shape)


def from_claim_form(spec: Identity, claim: torch.Tensor, out_shape: tuple, in_shape: tuple
                    ) -> torch.Tensor:
    """The inverse of ``to_claim_form``: a claim arranged like the oracles' answers."""
    if spec.form == "hessian":
        return claim.reshape(in_shape + in_shape)
    if spec.form == "jacobian" and spec.layout == "denominator" and out_shape:
        t = claim.reshape(in_shape + out_shape)
        n_in = len(in_shape)
        return t.permute(*range(n_in, n_in + len(out_shape)), *range(n_in))
    if spec.form == "jacobian" and spec.layout == "numerator" and not out_shape \
            and len(in_shape) == 2:
        return claim.reshape(in_shape[::-1]).mT
    return claim.reshape(out_shape + in_shape)


def _as_tensor(spec: Identity, what: str, value: Any) -> torch.Tensor:
    if not isinstance(value, torch.Tensor):
        try:
            value = torch.as_tensor(value, dtype=torch.float64)
        except (TypeError, ValueError, RuntimeError) as err:
            raise SpecError(f"spec {spec.name!r}: {what} returned {type(value).__name__}, "
                            "not a tensor; build it with torch operations.") from err
    if value.dtype != torch.float64:
        raise SpecError(f"spec {spec.name!r}: {what} returned dtype {value.dtype}; "
                        "the suite works in float64: keep every tensor float64.")
    return value


# -- the verdict -------------------------------------------------------------------------
@dataclasses.dataclass
class Verdict:
    """What one example says about one spec."""

    spec: Identity
    example: Any
    status: str
    claimed: torch.Tensor
    comparisons: list[Comparison]
    oracle_agreement: Comparison | None = None
    note: str = ""

    def report(self, rerun: str = "") -> str:
        return render_report(self, rerun)


def check(spec: Identity, example: Any, projections: int = 0) -> Verdict:
    """Compare ``spec``'s claim with the oracles at one drawn example.

    With ``projections`` > 0 (large shapes), first compare ``u^T J v`` for that many random
    signed directions ``u`` and ``v`` (see ``_projected``); anything but a confirmation
    falls back to the full Jacobians, so that a report always shows the full picture.
    """
    if spec.form == "value":
        return _check_value(spec, example)
    problem = _problem(spec, example)
    if projections:
        try:
            verdict = _judge(spec, example, _projected(problem, projections))
        except Exception:  # noqa: BLE001 - the full check below reports what went wrong
            verdict = None
        if verdict is not None and verdict.status == CONFIRMED:
            return verdict
    return _judge(spec, example, _full(spec, problem))


def _check_value(spec: Identity, example: Any) -> Verdict:
    """An algebraic identity: the claim against the function's value, both evaluated."""
    values = example.values
    actual = _finite(spec, "function",
                     _call(spec, "function", lambda: spec.function(**values), example),
                     example)
    claim = _finite(spec, "claimed",
                    _call(spec, "claimed", lambda: spec.claimed(**values), example), example)
    _check_shape(spec, claim, tuple(actual.shape), ())
    claim = claim.reshape(actual.shape)
    judged = judge_tensors(claim, actual)
    direct = compare("direct evaluation", claim, actual, judged["tol_ad"],
                     f"{ROUNDING_RTOL:.1e} * max(1, max|value|)")
    return Verdict(spec, example, CONFIRMED if bool(judged["confirmed"]) else REFUTED, claim,
                   [direct])


@dataclasses.dataclass
class _Problem:
    """What is differentiated and what is claimed, before any oracle runs."""

    f: Callable[[torch.Tensor], torch.Tensor]
    x: torch.Tensor  # the point (for structured inputs: the free values theta)
    value: torch.Tensor  # f(x)
    claim: torch.Tensor  # as the claim is arranged
    canonical_claim: torch.Tensor  # arranged like the oracles' answers (out + in)
    arrange: Callable[[torch.Tensor], torch.Tensor]  # canonical -> claim arrangement
    hessian: bool = False
    mask: torch.Tensor | None = None  # entries compared (structured inputs)
    kink: bool = False  # at a kink: no finite differences
    trace: tuple | None = None  # (x requiring grad, f of it): autograd's forward pass
    noise: Callable[[], torch.Tensor] | None = None  # evaluation error of f (differential)


@dataclasses.dataclass
class _Setup:
    """The claim and both oracles' answers, arranged like the claim."""

    claim: torch.Tensor
    autograd: torch.Tensor
    fd: FiniteDifference | None  # canonical arrangement; None at a kink
    arrange: Callable[[torch.Tensor], torch.Tensor]  # canonical -> claim arrangement
    mask: torch.Tensor | None = None  # entries compared (structured inputs)
    scale: float = UNIT  # at least this magnitude of the quantities compared
    note: str = ""
    scale_text: str = "max(1, max|value|)"  # what the autograd tolerance is relative to


def target(spec: Identity, values: dict, directions: dict
           ) -> tuple[Callable[[torch.Tensor], torch.Tensor], torch.Tensor, dict, torch.Tensor]:
    """What the oracles differentiate: ``(f, x, claim_args, scale)``, ``f`` of the one input
    ``x``; the derivative of ``f`` times ``scale`` is what the claim states.

    For a differential rule, ``f(t)`` moves the inputs along the directions divided by
    ``scale``, the power of two at or above their largest entry: every entry then moves by
    at most ``|t|``, as raw entries do under finite differences, however long the drawn
    direction (a long one would carry the stencil 4 times further, toward a domain edge or
    a nearby singularity, where the derivatives grow too fast for the error model).
    """
    one = torch.ones((), dtype=torch.float64)
    if spec.form == "differential":
        longest = torch.stack([directions[f"d{w}"].abs().amax() for w in spec.wrt_names]).amax()
        scale = torch.exp2(torch.ceil(torch.log2(torch.clamp(longest, min=1.0))))

        def along(t: torch.Tensor) -> torch.Tensor:
            moved = {w: values[w] + (t / scale) * directions[f"d{w}"] for w in spec.wrt_names}
            return spec.function(**{**values, **moved})

        return along, torch.zeros((), dtype=torch.float64), {**values, **directions}, scale

    def f(v: torch.Tensor) -> torch.Tensor:
        return spec.function(**{**values, spec.wrt: v})

    return f, values[spec.wrt], values, one


def differential_noise(spec: Identity, values: dict) -> torch.Tensor:
    """The error of one evaluation of a differential rule's function, per output entry.

    Along a direction the rounding model cannot see the size of the function's terms (the
    parameter t is 0 and the directional derivative may be small by cancellation), so it is
    taken from finite differences with respect to the inputs themselves: the largest over
    the inputs differentiated (8 evaluations per entry, batched; no autograd involved)."""
    noises = []
    for w in spec.wrt_names:
        def f(v: torch.Tensor, w: str = w) -> torch.Tensor:
            return spec.function(**{**values, w: v})
        noises.append(finite_difference_jacobian(f, values[w]).noise)
    return torch.stack(noises).amax(dim=0)


def structured(spec: Identity, x: torch.Tensor) -> torch.Tensor | None:
    """The structure basis when the spec is a gradient with respect to a structured
    matrix (see ``strategies.structure_basis``), else None."""
    if spec.form == "gradient" and x.dim() == 2:
        return structure_basis(_domain(spec), x.shape[0])
    return None


def _problem(spec: Identity, example: Any) -> _Problem:
    f, x, claim_args, scale = target(spec, example.values, example.directions)
    basis = None if spec.form == "differential" else structured(spec, x)
    if basis is not None:
        return _structured_problem(spec, example, basis)
    out, claim, trace = _evaluate(spec, example, f, x, claim_args)

    def arrange(t: torch.Tensor) -> torch.Tensor:
        return scale * to_claim_form(spec, t, out.dim(), tuple(claim.shape))

    canonical = from_claim_form(spec, claim, tuple(out.shape), tuple(x.shape)) / scale
    return _Problem(f, x, out, claim, canonical, arrange, hessian=spec.form == "hessian",
                    kink=spec.at_kink, trace=trace,
                    noise=(lambda: differential_noise(spec, example.values))
                    if spec.form == "differential" else None)


def _evaluate(spec: Identity, example: Any, f: Callable, x: torch.Tensor, claim_args: dict,
              claim_in_shape: tuple | None = None) -> tuple[torch.Tensor, torch.Tensor, Any]:
    """``f(x)`` and the claim, both checked (finite, the claim's shape) and the claim
    arranged in its form's canonical shape; also autograd's forward pass, kept for its
    backward pass (None when it cannot be taken; autograd then reports why).
    ``claim_in_shape``: the input shape the claim refers to, if not ``x``'s."""
    try:
        trace = traced(f, x)
        value = trace[1]
    except Exception:  # noqa: BLE001 - e.g. numpy() of a tensor that requires grad:
        trace = None  # evaluate without grad here; autograd reports it
        with torch.no_grad():
            value = _call(spec, "function", lambda: f(x), example)
    out = _finite(spec, "function", value, example).detach()
    if not isinstance(value, torch.Tensor):
        trace = None
    claim = _finite(spec, "claimed",
                    _call(spec, "claimed", lambda: spec.claimed(**claim_args), example),
                    example)
    in_shape = tuple(x.shape) if claim_in_shape is None else claim_in_shape
    shape = _check_shape(spec, claim, tuple(out.shape), in_shape)
    return out, claim.reshape(shape), trace


def _full(spec: Identity, problem: _Problem) -> _Setup:
    """Both oracles' full Jacobians (or Hessians)."""
    f, x = problem.f, problem.x
    ad = _autograd(spec, f, x, problem.hessian, problem.trace)
    fd = None
    if problem.hessian and not problem.kink:
        fd = finite_difference_hessian(f, x)
    elif not problem.kink:
        noise = problem.noise() if problem.noise else None
        fd = finite_difference_jacobian(f, x, evaluation_error=noise)
    return _Setup(problem.claim, problem.arrange(ad), fd, problem.arrange, problem.mask)


def _directions(count: int, size: int, generator: torch.Generator, *, inputs: bool = False
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


def _projected(problem: _Problem, count: int) -> _Setup:
    """``U J V`` for random signed ``U`` (outputs) and ``V`` (inputs; ``_directions``): the
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
    v = _directions(count, n_in, generator, inputs=True)
    t0 = torch.zeros(v.shape[1], dtype=torch.float64)

    def moved(t: torch.Tensor) -> torch.Tensor:
        return problem.f(x + (v @ t).reshape(x.shape))

    if problem.hessian:
        c = claim.reshape(n_in, n_in)
        projected = v.T @ c @ v
        terms = v.abs().T @ c.abs() @ v.abs()
        ad = torch.func.jacrev(torch.func.jacrev(moved))(t0)
        fd = None if problem.kink else finite_difference_hessian(moved, t0)
    else:
        n_out = problem.value.numel()
        u = _directions(count, n_out, generator).T
        c = claim.reshape(n_out, n_in)
        projected = u @ c @ v
        magnitude = c.abs()
        terms = u.abs() @ magnitude @ v.abs()
        size = torch.maximum(problem.value.abs().reshape(-1), magnitude @ x.abs().reshape(-1))
        noise = EVAL_RTOL * float((u.abs() @ size.clamp(min=UNIT)).max())

        def h(t: torch.Tensor) -> torch.Tensor:
            return u @ moved(t).reshape(-1)

        ad = autograd_jacobian(h, t0)
        fd = None if problem.kink else finite_difference_jacobian(h, t0, evaluation_error=noise)
    return _Setup(projected, ad, fd, lambda t: t, scale=float(terms.max()),
                  note=f"projected on {v.shape[1]} random signed directions",
                  scale_text="the size of the projected terms")


def _call(spec: Identity, what: str, thunk: Callable[[], Any], example: Any) -> Any:
    """``thunk()`` (an evaluation of the function or the claim), its errors reported."""
    try:
        return thunk()
    except SpecError:
        raise
    except Exception as err:
        raise SpecError(f"spec {spec.name!r}: {what} raised {type(err).__name__} "
                        f"({str(err).splitlines()[0] if str(err) else ''}) at inputs "
                        f"{format_inputs(example)}; make it defined on the declared domain, "
                        "or constrain the inputs with a domain or derived().") from err


def all_finite(t: torch.Tensor) -> bool:
    """No nan or inf in ``t``: its min and max are finite (both propagate nan); one pass,
    no temporary the size of ``t``."""
    return t.numel() == 0 or bool(torch.isfinite(torch.stack(torch.aminmax(t))).all())


def _finite(spec: Identity, what: str, value: Any, example: Any) -> torch.Tensor:
    value = _as_tensor(spec, what, value)
    if not all_finite(value):
        raise SpecError(f"spec {spec.name!r}: {what} returned non-finite values "
                        f"({show(value)}) at inputs {format_inputs(example)}; the declared "
                        "domains let it leave its domain of definition: constrain the "
                        "inputs with a domain or derived().")
    return value


def _autograd(spec: Identity, f: Callable, x: torch.Tensor, hessian: bool,
              trace: tuple | None = None) -> torch.Tensor:
    """Autograd's answer, with a spec error when the function is not differentiable by
    torch (it leaves torch: numpy, .item(), float(), .detach(), torch.tensor(...))."""
    fix = ("write the function with torch operations only, so that autograd can follow "
           "it (no numpy, .item(), float(), .detach() or torch.tensor(...) of its inputs)")
    try:
        return (torch.func.jacrev(torch.func.jacrev(f))(x) if hessian
                else autograd_jacobian(f, x, trace))
    except RuntimeError as err:
        raise SpecError(f"spec {spec.name!r}: function is not differentiable by torch "
                        f"({str(err).splitlines()[0]}); {fix}.") from err
    except NoGraph as none:
        fd = finite_difference_jacobian(f, x)
        if bool((fd.value.abs() > fd.error_bound + ROUNDING_RTOL * UNIT).any()):
            raise SpecError(f"spec {spec.name!r}: function is not differentiable by torch: "
                            f"autograd sees no dependence on {spec.wrt!r}, but its value "
                            f"changes with it; {fix}.") from none
        return torch.zeros(none.args[0] + tuple(x.shape), dtype=x.dtype)


def _domain(spec: Identity) -> str:
    decl = spec.inputs[spec.wrt]
    return decl.domain if isinstance(decl, Array) and isinstance(decl.domain, str) else ""


def _structured_problem(spec: Identity, example: Any, basis: torch.Tensor) -> _Problem:
    """Differentiate with respect to the free values theta of a structured input."""
    values = example.values
    x = values[spec.wrt]
    theta = torch.stack([x[tuple(torch.nonzero(b)[0])] for b in basis])

    def f(t: torch.Tensor) -> torch.Tensor:
        return spec.function(**{**values, spec.wrt: torch.einsum("k,kij->ij", t, basis)})

    out, claim, trace = _evaluate(spec, example, f, theta, values, tuple(x.shape))

    def arrange(t: torch.Tensor) -> torch.Tensor:
        return torch.einsum("k,kij->ij", t, basis)

    # The claim's value for each free value: its entry at any of the tied positions.
    canonical = torch.einsum("ij,kij->k", claim, basis) / basis.sum(dim=(1, 2))
    return _Problem(f, theta, out, claim, canonical, arrange, mask=basis.sum(0) > 0,
                    kink=spec.at_kink, trace=trace)


def judge_tensors(claim: torch.Tensor, ad: torch.Tensor,
                  fd: tuple[torch.Tensor, ...] | None = None,
                  mask: torch.Tensor | None = None, scale: float = UNIT
                  ) -> dict[str, torch.Tensor]:
    """The judgement of one example in tensor operations only, so that ``torch.vmap`` can
    judge a batch (the sweep) exactly as ``check`` judges one: the tolerances and whether
    the claim agrees with autograd (``by_ad``) and with finite differences (``by_fd``),
    whether the oracles agree (``agree``), whether finite differences changed with the
    step (``unreliable``), and whether all that ``confirmed`` the claim.

    ``fd`` is (value, error bound, truncation, rounding) arranged like the claim, or None
    where finite differences do not apply (at a kink; for a value identity ``ad`` is the
    function's value). ``mask`` marks the entries compared."""
    def largest(t: torch.Tensor) -> torch.Tensor:
        finite = torch.isfinite(t) if mask is None else torch.isfinite(t) & mask
        return torch.where(finite, t.abs(), torch.zeros_like(t)).amax()

    def within(a: torch.Tensor, b: torch.Tensor, tol: torch.Tensor) -> torch.Tensor:
        ok = (a - b).abs() <= tol
        return (ok if mask is None else ok | ~mask).all()

    size = torch.maximum(largest(claim), largest(ad)).clamp(min=scale)
    tol_ad = ROUNDING_RTOL * size
    judged = {"size": size, "tol_ad": tol_ad, "by_ad": within(claim, ad, tol_ad)}
    if fd is None:
        return {**judged, "confirmed": judged["by_ad"]}
    value, bound, truncation, rounding = fd
    fd_tol = bound + tol_ad
    judged.update(fd_tol=fd_tol, by_fd=within(claim, value, fd_tol),
                  agree=within(ad, value, fd_tol),
                  unreliable=((truncation - rounding) > 1e-6 * size).any())
    judged["confirmed"] = (judged["by_ad"] & judged["by_fd"] & judged["agree"]
                           & ~judged["unreliable"])
    return judged


def _judge(spec: Identity, example: Any, setup: _Setup) -> Verdict:
    claim, ad, mask = setup.claim, setup.autograd, setup.mask
    ad_text = f"{ROUNDING_RTOL:.1e} * {setup.scale_text}"
    fd = setup.fd
    if fd is None:
        judged = judge_tensors(claim, ad, None, mask, setup.scale)
        by_ad = compare("autograd", claim, ad, judged["tol_ad"], ad_text, mask)
        status = CONFIRMED if bool(judged["confirmed"]) else REFUTED
        return Verdict(spec, example, status, claim, [by_ad],
                       note="at a kink: autograd's convention only; finite differences "
                            "do not apply where the derivative does not exist")
    fd_value = setup.arrange(fd.value)
    arranged = tuple(setup.arrange(t) for t in (fd.value, fd.error_bound, fd.truncation,
                                                 fd.rounding))
    judged = judge_tensors(claim, ad, arranged, mask, setup.scale)
    fd_text = "finite-difference error bound + autograd tolerance"
    by_ad = compare("autograd", claim, ad, judged["tol_ad"], ad_text, mask)
    by_fd = compare("finite differences", claim, fd_value, judged["fd_tol"], fd_text, mask)
    agreement = compare("autograd vs finite differences", ad, fd_value, judged["fd_tol"],
                        fd_text, mask)

    if bool(judged["unreliable"]) or not bool(judged["agree"]):
        status, note = CONFLICT, _conflict_cause(bool(judged["unreliable"]), ad, fd_value)
    elif bool(judged["confirmed"]):
        status, note = CONFIRMED, ""
    elif not bool(judged["by_ad"]) and not bool(judged["by_fd"]):
        status, note = REFUTED, ""
    else:
        status = INCONCLUSIVE
        note = ("the claim agrees with one oracle only: the difference lies between the "
                "two oracles' resolutions")
    if mask is not None and not bool(mask.all()):
        note = (note + "; " if note else "") + "entries outside the structure are not compared"
    if setup.note:
        note = (note + "; " if note else "") + setup.note
    return Verdict(spec, example, status, claim, [by_ad, by_fd], agreement, note)


def _check_shape(spec: Identity, claim: torch.Tensor, out_shape: tuple, in_shape: tuple
                 ) -> tuple:
    if spec.form in ("gradient", "hessian") and out_shape != ():
        raise SpecError(f"spec {spec.name!r}: form={spec.form!r} needs a scalar function, "
                        f"but function returns shape {out_shape}; use form='jacobian'.")
    shapes = accepted_shapes(spec, out_shape, in_shape)
    if tuple(claim.shape) in shapes:
        return shapes[0]
    wrt = "" if spec.form in ("value", "differential") else \
        f" with respect to {spec.wrt} {in_shape}"
    expected = " or ".join(str(s) for s in shapes)
    raise SpecError(f"spec {spec.name!r}: claimed returns shape {tuple(claim.shape)}, but "
                    f"{describe_form(spec)} of a function of shape {out_shape}{wrt} has "
                    f"shape {expected}.")


def _conflict_cause(unreliable: bool, ad: torch.Tensor, fd_value: torch.Tensor) -> str:
    if not (torch.isfinite(ad).all() and torch.isfinite(fd_value).all()):
        return "an oracle returned non-finite values: a domain edge (division by zero, " \
               "log of zero) is at or near the inputs"
    if unreliable:
        return "finite differences change with the step size: a kink or a domain edge " \
               "lies within the stencil, so the derivative is not smooth here"
    return "autograd and finite differences disagree beyond the finite-difference error " \
           "bound: ill-conditioning, a non-smooth point, or a function whose autograd " \
           "rule is a convention rather than the derivative"


# -- the report --------------------------------------------------------------------------
def show(value: Any) -> str:
    """Full precision, shortest round-trip repr, one line."""
    if isinstance(value, torch.Tensor):
        text = np.array2string(value.detach().numpy(), floatmode="unique", separator=", ",
                               max_line_width=10**6)
        return re.sub(r"\s*\n\s*", " ", text)
    return repr(value)


HEADLINES = {
    REFUTED: "is false for these inputs",
    CONFLICT: "could not be judged: the two oracles disagree (oracle conflict, not a "
              "refutation)",
    INCONCLUSIVE: "is neither confirmed nor refuted for these inputs",
    CONFIRMED: "holds for these inputs",
}


def render_report(verdict: Verdict, rerun: str = "") -> str:
    spec = verdict.spec
    lines = [f"Identity {spec.name!r} {HEADLINES[verdict.status]}",
             f"  statement  {spec.statement}"]
    if spec.conditions:
        lines.append(f"  conditions {spec.conditions}")
    lines.append(f"  claimed            = {show(verdict.claimed)}")
    for comp in verdict.comparisons:
        agrees = "agrees" if comp.ok else "DISAGREES"
        lines.append(f"  {comp.against:<18} = {show(comp.reference)}   "
                     f"(claim {agrees})")
    if verdict.oracle_agreement is not None:
        word = "agree" if verdict.oracle_agreement.ok else "DISAGREE"
        lines.append(f"  the two oracles {word} with each other")
    for comp in verdict.comparisons:
        diff, tol, index = comp.worst()
        lines.append(f"  max abs difference from {comp.against}: {diff:.3g} at index "
                     f"{index}, tolerance there {tol:.2g} ({comp.tolerance_text})")
    if verdict.note:
        lines.append(f"  note    {verdict.note}")
    lines.append(f"  inputs  {format_inputs(verdict.example)}")
    lines.append(f"  source  {spec.source}")
    if not spec.holds and spec.lesson:
        lines.append(f"  lesson  {spec.lesson}")
    if rerun:
        lines.append(f"  rerun   {rerun}")
    return "\n".join(lines)


def format_inputs(example: Any) -> str:
    dims = [f"{k}={v}" for k, v in example.dims.items()]
    vals = [f"{k}={show(v)}" for k, v in {**example.values,
                                          **getattr(example, "directions", {})}.items()]
    return "  ".join(dims + vals)
