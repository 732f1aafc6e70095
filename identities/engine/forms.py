"""How a claim is arranged: the shapes each form and layout accept, and the moves between
a claim's arrangement and the oracles' canonical one (``out_shape + in_shape``).

See ``identities.spec.FORMS`` for what each form and layout means.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch

from identities.spec import Array, Identity, SpecError

SCALAR_LIKE = ((), (1, 1))  # a 1 x 1 result is a scalar


def _oriented(shape: tuple) -> bool:
    """A column or a row vector: 2-d with a unit axis."""
    return len(shape) == 2 and 1 in shape


def _declared_oriented(spec: Identity) -> bool:
    """The input differentiated is declared as ``column(n)`` or ``row(n)``."""
    decl = spec.inputs.get(spec.variable) if spec.wrt_names else None
    return isinstance(decl, Array) and len(decl.shape) == 2 and 1 in decl.shape


def _matrix_layout(spec: Identity, out_shape: tuple, in_shape: tuple) -> tuple | None:
    """The 2-d numerator-layout shape of a Jacobian of column/row vectors and scalars: rows
    run over the output (a scalar counts 1), columns over the input; None where the input
    and the output are not of that kind."""
    if _declared_oriented(spec) and (out_shape in SCALAR_LIKE or _oriented(out_shape)):
        return (math.prod(out_shape), math.prod(in_shape))
    return None


def _by_transpose(spec: Identity, out_shape: tuple, in_shape: tuple) -> bool:
    """Numerator layout of a scalar by a matrix: laid out by X^T (q x p for a p x q X)."""
    return (
        spec.layout == "numerator"
        and out_shape == ()
        and len(in_shape) == 2
        and not _declared_oriented(spec)
    )


def accepted_shapes(spec: Identity, out_shape: tuple, in_shape: tuple) -> list[tuple]:
    """The shapes a claim may have, first the canonical one of its form and layout."""
    if spec.form in ("value", "differential"):
        return [out_shape] + [s for s in SCALAR_LIKE if out_shape in SCALAR_LIKE and s != out_shape]
    if spec.form == "gradient":
        return [in_shape]
    if spec.form == "hessian":
        return [in_shape + in_shape]
    matrix = _matrix_layout(spec, out_shape, in_shape)
    if matrix is not None:
        # A 1 x k value is a row vector there; as a general matrix it keeps out + in too.
        general = (
            [out_shape + in_shape if spec.layout == "numerator" else in_shape + out_shape]
            if out_shape not in SCALAR_LIKE
            else []
        )
        return [matrix if spec.layout == "numerator" else matrix[::-1], *general]
    if _by_transpose(spec, out_shape, in_shape):
        return [in_shape[::-1]]
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
    return {
        "gradient": "a gradient shaped like the input",
        "differential": "a differential shaped like the function's value",
        "hessian": "a Hessian (input shape twice)",
        "value": "a value shaped like the function's",
    }[spec.form]


def to_claim_form(
    spec: Identity, jac: torch.Tensor, out_shape: tuple, shape: tuple
) -> torch.Tensor:
    """Arrange a canonical Jacobian (out + in) the way the claim is arranged."""
    out_ndim = len(out_shape)
    in_shape = tuple(jac.shape[out_ndim:])
    if spec.form != "jacobian":
        return jac.reshape(shape)
    if _by_transpose(spec, out_shape, in_shape):
        return jac.reshape(in_shape).mT.reshape(shape)
    if spec.layout == "denominator" and out_ndim:
        jac = jac.permute(*range(out_ndim, jac.dim()), *range(out_ndim))
    return jac.reshape(shape)


def from_claim_form(
    spec: Identity, claim: torch.Tensor, out_shape: tuple, in_shape: tuple
) -> torch.Tensor:
    """The inverse of ``to_claim_form``: a claim arranged like the oracles' answers."""
    if spec.form == "hessian":
        return claim.reshape(in_shape + in_shape)
    if spec.form == "jacobian" and _by_transpose(spec, out_shape, in_shape):
        return claim.reshape(in_shape[::-1]).mT.reshape(out_shape + in_shape)
    if spec.form == "jacobian" and spec.layout == "denominator" and out_shape:
        t = claim.reshape(in_shape + out_shape)
        n_in = len(in_shape)
        return t.permute(*range(n_in, n_in + len(out_shape)), *range(n_in))
    return claim.reshape(out_shape + in_shape)


def arranger(
    spec: Identity, out_shape: tuple, shape: tuple, scale: torch.Tensor | float = 1.0
) -> Callable[[torch.Tensor], torch.Tensor]:
    """Canonical (out + in) -> the claim's arrangement ``shape``, times ``scale`` (the
    length of a differential rule's directions; see ``problem.target``)."""

    def arrange(t: torch.Tensor) -> torch.Tensor:
        return scale * to_claim_form(spec, t, out_shape, shape)

    return arrange


def check_shape(spec: Identity, claim: torch.Tensor, out_shape: tuple, in_shape: tuple) -> tuple:
    """The canonical shape of the claim of ``spec``; a spec error naming the shapes
    expected when the claim has none of them."""
    if spec.form in ("gradient", "hessian") and out_shape not in SCALAR_LIKE:
        raise SpecError(
            f"spec {spec.name!r}: form={spec.form!r} needs a scalar function, "
            f"but function returns shape {out_shape}; use form='jacobian'."
        )
    shapes = accepted_shapes(spec, out_shape, in_shape)
    if tuple(claim.shape) in shapes:
        return shapes[0]
    wrt = (
        "" if spec.form in ("value", "differential") else f" with respect to {spec.wrt} {in_shape}"
    )
    expected = " or ".join(str(s) for s in shapes)
    raise SpecError(
        f"spec {spec.name!r}: claimed returns shape {tuple(claim.shape)}, but "
        f"{describe_form(spec)} of a function of shape {out_shape}{wrt} has "
        f"shape {expected}."
    )
