"""Check one spec on one example: the claim against both oracles, and a readable verdict."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import torch

from identities._oracles import (
    ROUNDING_RTOL,
    UNIT,
    FiniteDifference,
    NoGraph,
    autograd_jacobian,
    finite_difference_hessian,
    finite_difference_jacobian,
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


def magnitude(*tensors: torch.Tensor) -> float:
    """The scale of the quantities compared: their largest finite magnitude, at least UNIT."""
    best = UNIT
    for t in tensors:
        finite = t[torch.isfinite(t)]
        if finite.numel():
            best = max(best, float(finite.abs().max()))
    return best


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
    return jac.reshape(shape)


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


def check(spec: Identity, example: Any) -> Verdict:
    """Compare ``spec``'s claim with the oracles at one drawn example."""
    values = example.values
    if spec.form == "value":
        actual = _finite(spec, "function",
                         _call(spec, "function", lambda: spec.function(**values), example),
                         example)
        claim = _finite(spec, "claimed",
                        _call(spec, "claimed", lambda: spec.claimed(**values), example),
                        example)
        _check_shape(spec, claim, tuple(actual.shape), ())
        claim = claim.reshape(actual.shape)
        tol = ROUNDING_RTOL * magnitude(claim, actual)
        direct = compare("direct evaluation", claim, actual, torch.tensor(tol),
                         f"{ROUNDING_RTOL:.1e} * max(1, max|value|)")
        return Verdict(spec, example, CONFIRMED if direct.ok else REFUTED, claim, [direct])
    return _judge(spec, example, _prepare(spec, example))


@dataclasses.dataclass
class _Setup:
    """The claim and both oracles' answers, arranged like the claim."""

    claim: torch.Tensor
    autograd: torch.Tensor
    fd: FiniteDifference | None  # canonical arrangement; None at a kink
    arrange: Callable[[torch.Tensor], torch.Tensor]  # canonical -> claim arrangement
    mask: torch.Tensor | None = None  # entries compared (structured inputs)


def _prepare(spec: Identity, example: Any) -> _Setup:
    values = example.values
    if spec.form == "differential":
        directions = example.directions

        def along(t: torch.Tensor) -> torch.Tensor:
            moved = {w: values[w] + t * directions[f"d{w}"] for w in spec.wrt_names}
            return spec.function(**{**values, **moved})

        f, x = along, torch.zeros((), dtype=torch.float64)
        claim_args = {**values, **directions}
    else:
        x = values[spec.wrt]
        basis = structure_basis(_domain(spec), x.shape[0]) if (
            spec.form == "gradient" and x.dim() == 2) else None
        if basis is not None:
            return _prepare_structured(spec, example, basis)

        def f(v: torch.Tensor) -> torch.Tensor:
            return spec.function(**{**values, spec.wrt: v})

        claim_args = values
    with torch.no_grad():
        out = _finite(spec, "function", _call(spec, "function", lambda: f(x), example),
                      example)
    claim = _finite(spec, "claimed",
                    _call(spec, "claimed", lambda: spec.claimed(**claim_args), example),
                    example)
    shape = _check_shape(spec, claim, tuple(out.shape), tuple(x.shape))

    def arrange(t: torch.Tensor) -> torch.Tensor:
        return to_claim_form(spec, t, out.dim(), shape)

    hessian = spec.form == "hessian"
    ad = _autograd(spec, f, x, hessian)
    fd = None
    if not spec.at_kink:
        fd = (finite_difference_hessian if hessian else finite_difference_jacobian)(f, x)
    return _Setup(claim.reshape(shape), arrange(ad), fd, arrange)


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


def _finite(spec: Identity, what: str, value: Any, example: Any) -> torch.Tensor:
    value = _as_tensor(spec, what, value)
    if not bool(torch.isfinite(value).all()):
        raise SpecError(f"spec {spec.name!r}: {what} returned non-finite values "
                        f"({show(value)}) at inputs {format_inputs(example)}; the declared "
                        "domains let it leave its domain of definition: constrain the "
                        "inputs with a domain or derived().")
    return value


def _autograd(spec: Identity, f: Callable, x: torch.Tensor, hessian: bool) -> torch.Tensor:
    """Autograd's answer, with a spec error when the function is not differentiable by
    torch (it leaves torch: numpy, .item(), float(), .detach(), torch.tensor(...))."""
    fix = ("write the function with torch operations only, so that autograd can follow "
           "it (no numpy, .item(), float(), .detach() or torch.tensor(...) of its inputs)")
    try:
        return (torch.func.jacrev(torch.func.jacrev(f))(x) if hessian
                else autograd_jacobian(f, x))
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


def _prepare_structured(spec: Identity, example: Any, basis: torch.Tensor) -> _Setup:
    """Differentiate with respect to the free values theta of a structured input."""
    values = example.values
    x = values[spec.wrt]
    theta = torch.stack([x[tuple(torch.nonzero(b)[0])] for b in basis])

    def f(t: torch.Tensor) -> torch.Tensor:
        return spec.function(**{**values, spec.wrt: torch.einsum("k,kij->ij", t, basis)})

    with torch.no_grad():
        out = _finite(spec, "function", _call(spec, "function", lambda: f(theta), example),
                      example)
    claim = _finite(spec, "claimed",
                    _call(spec, "claimed", lambda: spec.claimed(**values), example), example)
    shape = _check_shape(spec, claim, tuple(out.shape), tuple(x.shape))

    def arrange(t: torch.Tensor) -> torch.Tensor:
        return torch.einsum("k,kij->ij", t, basis)

    ad = _autograd(spec, f, theta, hessian=False)
    fd = None if spec.at_kink else finite_difference_jacobian(f, theta)
    return _Setup(claim.reshape(shape), arrange(ad), fd, arrange, basis.sum(0) > 0)


def _judge(spec: Identity, example: Any, setup: _Setup) -> Verdict:
    claim, ad, mask = setup.claim, setup.autograd, setup.mask
    scale = magnitude(claim if mask is None else claim[mask], ad)
    tol_ad = torch.tensor(ROUNDING_RTOL * scale)
    ad_text = f"{ROUNDING_RTOL:.1e} * max(1, max|value|)"
    by_ad = compare("autograd", claim, ad, tol_ad, ad_text, mask)
    if setup.fd is None:
        status = CONFIRMED if by_ad.ok else REFUTED
        return Verdict(spec, example, status, claim, [by_ad],
                       note="at a kink: autograd's convention only; finite differences "
                            "do not apply where the derivative does not exist")
    fd = setup.fd
    fd_value = setup.arrange(fd.value)
    fd_tol = setup.arrange(fd.error_bound) + tol_ad
    fd_text = "finite-difference error bound + autograd tolerance"
    by_fd = compare("finite differences", claim, fd_value, fd_tol, fd_text, mask)
    agreement = compare("autograd vs finite differences", ad, fd_value, fd_tol, fd_text, mask)

    if fd.unreliable(scale) or not agreement.ok:
        status, note = CONFLICT, _conflict_cause(fd, scale, ad, fd_value)
    elif by_ad.ok and by_fd.ok:
        status, note = CONFIRMED, ""
    elif not by_ad.ok and not by_fd.ok:
        status, note = REFUTED, ""
    else:
        status = INCONCLUSIVE
        note = ("the claim agrees with one oracle only: the difference lies between the "
                "two oracles' resolutions")
    if mask is not None and not bool(mask.all()):
        note = (note + "; " if note else "") + "entries outside the structure are not compared"
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


def _conflict_cause(fd: FiniteDifference, scale: float, ad: torch.Tensor,
                    fd_value: torch.Tensor) -> str:
    if not (torch.isfinite(ad).all() and torch.isfinite(fd_value).all()):
        return "an oracle returned non-finite values: a domain edge (division by zero, " \
               "log of zero) is at or near the inputs"
    if fd.unreliable(scale):
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
