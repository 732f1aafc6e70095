"""How a claim is arranged: the shapes each form and layout accept, and the moves between
a claim's arrangement and the oracles' canonical one (``out_shape + in_shape``).

See ``identities.spec.FORMS`` for what each form and layout means.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from identities.spec import Identity, SpecError


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


def arranger(spec: Identity, out_ndim: int, shape: tuple, scale: torch.Tensor | float = 1.0
             ) -> Callable[[torch.Tensor], torch.Tensor]:
    """Canonical (out + in) -> the claim's arrangement ``shape``, times ``scale`` (the
    length of a differential rule's directions; see ``problem.target``)."""
    def arrange(t: torch.Tensor) -> torch.Tensor:
        return scale * to_claim_form(spec, t, out_ndim, shape)
    return arrange


def check_shape(spec: Identity, claim: torch.Tensor, out_shape: tuple, in_shape: tuple
                ) -> tuple:
    """The canonical shape of the claim of ``spec``; a spec error naming the shapes
    expected when the claim has none of them."""
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
