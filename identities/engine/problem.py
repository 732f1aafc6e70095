"""What the oracles differentiate: the function of one input ``x``, the point, the value,
and the claim in both arrangements, built from a spec and one drawn example.

Evaluations of the spec's own function and claim happen here, and so do their errors: a
function that raises on its domain, returns non-finite values, leaves float64, or a claim
of the wrong shape are spec errors that name the inputs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import torch

from identities.engine.autograd import traced
from identities.engine.display import format_inputs, show
from identities.engine.finite_differences import finite_difference_jacobian
from identities.engine.forms import arranger, check_shape, from_claim_form
from identities.spec import Array, Identity, SpecError
from identities.strategies import structure_basis


@dataclasses.dataclass
class Problem:
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
    size: torch.Tensor | float = 1.0  # the example's largest input entry (steps at x = 0)


def example_size(values: dict) -> torch.Tensor:
    """The largest entry of the example's tensor inputs: the scale an all-zero input takes
    its finite-difference steps from (1 where every input is zero)."""
    sizes = [v.detach().abs().amax() for v in values.values() if _floating(v) and v.numel()]
    if not sizes:
        return torch.ones((), dtype=torch.float64)
    largest = torch.stack(sizes).amax()
    return torch.where(largest > 0, largest, torch.ones_like(largest))


def _floating(v: Any) -> bool:
    return isinstance(v, torch.Tensor) and v.is_floating_point()


def _power_of_two_above(t: torch.Tensor) -> torch.Tensor:
    return torch.exp2(torch.ceil(torch.log2(t)))


def target(
    spec: Identity, values: dict, directions: dict
) -> tuple[Callable[[torch.Tensor], torch.Tensor], torch.Tensor, dict, torch.Tensor]:
    """What the oracles differentiate: ``(f, x, claim_args, scale)``, ``f`` of the one input
    ``x``; the derivative of ``f`` times ``scale`` is what the claim states.

    For a differential rule, ``f(t)`` moves the inputs along the directions rescaled to
    the inputs' size: ``t = 1`` moves the largest entry of the directions by the power of
    two at or above the largest entry of the inputs moved (of the example, where those are
    0), so that ``t`` is dimensionless whatever the units and the stencil reaches as far as
    it does entry by entry, however long or short the drawn direction; ``scale`` undoes
    the rescaling. (A long direction would carry the stencil toward a domain edge or a
    nearby singularity; one at unit size beside inputs of 1e-19 would leave the domain.)
    """
    one = torch.ones((), dtype=torch.float64)
    if spec.form == "differential":
        longest = torch.stack([directions[f"d{w}"].abs().amax() for w in spec.wrt_names]).amax()
        longest = torch.where(longest > 0, longest, torch.ones_like(longest))
        moved_size = torch.stack([values[w].abs().amax() for w in spec.wrt_names]).amax()
        moved_size = torch.where(moved_size > 0, moved_size, example_size(values))
        scale = _power_of_two_above(longest) / _power_of_two_above(moved_size)

        def along(t: torch.Tensor) -> torch.Tensor:
            moved = {w: values[w] + (t / scale) * directions[f"d{w}"] for w in spec.wrt_names}
            return spec.function(**{**values, **moved})

        return along, torch.zeros((), dtype=torch.float64), {**values, **directions}, scale

    wrt = spec.variable
    if spec.entry:  # the derivative with respect to one entry X[i, j]: f of that entry
        where = tuple(int(values[i]) for i in spec.entry)
        mask = torch.zeros_like(values[wrt], dtype=torch.bool)
        mask[where] = True

        def f_entry(t: torch.Tensor) -> torch.Tensor:
            moved = torch.where(mask, t, values[wrt])
            return spec.function(**{**values, wrt: moved})

        return f_entry, values[wrt][where], values, one

    def f(v: torch.Tensor) -> torch.Tensor:
        return spec.function(**{**values, wrt: v})

    return f, values[wrt], values, one


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

        noises.append(finite_difference_jacobian(f, values[w], scale=example_size(values)).noise)
    return torch.stack(noises).amax(dim=0)


def structured(spec: Identity, x: torch.Tensor) -> torch.Tensor | None:
    """The structure basis when the spec is a gradient with respect to a structured
    matrix (see ``strategies.structure_basis``), else None."""
    if spec.form == "gradient" and x.dim() == 2:
        decl = spec.inputs[spec.variable]
        domain = decl.domain if isinstance(decl, Array) and isinstance(decl.domain, str) else ""
        return structure_basis(domain, x.shape[0])
    return None


def pose(spec: Identity, example: Any) -> Problem:
    """The problem of ``spec`` at ``example`` (not for a value identity)."""
    f, x, claim_args, scale = target(spec, example.values, example.directions)
    basis = None if spec.form == "differential" else structured(spec, x)
    if basis is not None:
        return _structured(spec, example, basis)
    out, claim, trace = evaluate(spec, example, f, x, claim_args)
    canonical = from_claim_form(spec, claim, tuple(out.shape), tuple(x.shape)) / scale
    return Problem(
        f,
        x,
        out,
        claim,
        canonical,
        arranger(spec, tuple(out.shape), tuple(claim.shape), scale),
        hessian=spec.form == "hessian",
        kink=spec.at_kink,
        trace=trace,
        noise=(lambda: differential_noise(spec, example.values))
        if spec.form == "differential"
        else None,
        size=one_if_differential(spec, example.values),
    )


def one_if_differential(spec: Identity, values: dict) -> torch.Tensor:
    """The size an all-zero ``x`` steps by: 1 for a differential's dimensionless ``t``,
    else the example's largest input entry."""
    if spec.form == "differential":
        return torch.ones((), dtype=torch.float64)
    return example_size(values)


def _structured(spec: Identity, example: Any, basis: torch.Tensor) -> Problem:
    """Differentiate with respect to the free values theta of a structured input."""
    values = example.values
    wrt = spec.variable
    x = values[wrt]
    theta = torch.stack([x[tuple(torch.nonzero(b)[0])] for b in basis])

    def f(t: torch.Tensor) -> torch.Tensor:
        return spec.function(**{**values, wrt: torch.einsum("k,kij->ij", t, basis)})

    out, claim, trace = evaluate(spec, example, f, theta, values, tuple(x.shape))

    def arrange(t: torch.Tensor) -> torch.Tensor:
        return torch.einsum("k,kij->ij", t, basis)

    # The claim's value for each free value: its entry at any of the tied positions.
    canonical = torch.einsum("ij,kij->k", claim, basis) / basis.sum(dim=(1, 2))
    return Problem(
        f,
        theta,
        out,
        claim,
        canonical,
        arrange,
        mask=basis.sum(0) > 0,
        kink=spec.at_kink,
        trace=trace,
        size=example_size(values),
    )


def evaluate(
    spec: Identity,
    example: Any,
    f: Callable,
    x: torch.Tensor,
    claim_args: dict,
    claim_in_shape: tuple | None = None,
) -> tuple[torch.Tensor, torch.Tensor, Any]:
    """``f(x)`` and the claim, both checked (finite, the claim's shape) and the claim
    arranged in its form's canonical shape; also autograd's forward pass, kept for its
    backward pass (None when it cannot be taken; autograd then reports why).
    ``claim_in_shape``: the input shape the claim refers to, if not ``x``'s."""
    try:
        trace: Any = traced(f, x)
        value = trace[1]
    except Exception:  # noqa: BLE001 - e.g. numpy() of a tensor that requires grad:
        trace = None  # evaluate without grad here; autograd reports it
        with torch.no_grad():
            value = guarded(spec, "function", lambda: f(x), example)
    out = finite(spec, "function", value, example).detach()
    if not isinstance(value, torch.Tensor):
        trace = None
    claim = finite(
        spec,
        "claimed",
        guarded(spec, "claimed", lambda: spec.claimed(**claim_args), example),
        example,
    )
    in_shape = tuple(x.shape) if claim_in_shape is None else claim_in_shape
    shape = check_shape(spec, claim, tuple(out.shape), in_shape)
    return out, claim.reshape(shape), trace


def evaluate_value(spec: Identity, example: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """A value identity's function and claim at ``example``: (value, claim), checked."""
    values = example.values
    actual = finite(
        spec,
        "function",
        guarded(spec, "function", lambda: spec.function(**values), example),
        example,
    )
    claim = finite(
        spec, "claimed", guarded(spec, "claimed", lambda: spec.claimed(**values), example), example
    )
    check_shape(spec, claim, tuple(actual.shape), ())
    return actual, claim.reshape(actual.shape)


def guarded(spec: Identity, what: str, thunk: Callable[[], Any], example: Any) -> Any:
    """``thunk()`` (an evaluation of the function or the claim), its errors reported."""
    try:
        return thunk()
    except SpecError:
        raise
    except Exception as err:
        raise SpecError(
            f"spec {spec.name!r}: {what} raised {type(err).__name__} "
            f"({str(err).splitlines()[0] if str(err) else ''}) at inputs "
            f"{format_inputs(example)}; make it defined on the declared domain, "
            "or constrain the inputs with a domain or derived()."
        ) from err


def all_finite(t: torch.Tensor) -> bool:
    """No nan or inf in ``t``: its min and max are finite (both propagate nan); one pass,
    no temporary the size of ``t``."""
    return t.numel() == 0 or bool(torch.isfinite(torch.stack(torch.aminmax(t))).all())


def as_tensor(spec: Identity, what: str, value: Any) -> torch.Tensor:
    """``value`` as a float64 tensor, or a spec error saying why it is not one."""
    if not isinstance(value, torch.Tensor):
        try:
            value = torch.as_tensor(value, dtype=torch.float64)
        except (TypeError, ValueError, RuntimeError) as err:
            raise SpecError(
                f"spec {spec.name!r}: {what} returned {type(value).__name__}, "
                "not a tensor; build it with torch operations."
            ) from err
    if value.dtype != torch.float64:
        raise SpecError(
            f"spec {spec.name!r}: {what} returned dtype {value.dtype}; "
            "the suite works in float64: keep every tensor float64."
        )
    return value


def finite(spec: Identity, what: str, value: Any, example: Any) -> torch.Tensor:
    """``value`` as a tensor with finite entries, or a spec error naming the inputs."""
    value = as_tensor(spec, what, value)
    if not all_finite(value):
        raise SpecError(
            f"spec {spec.name!r}: {what} returned non-finite values "
            f"({show(value)}) at inputs {format_inputs(example)}; the declared "
            "domains let it leave its domain of definition: constrain the "
            "inputs with a domain or derived()."
        )
    return value
