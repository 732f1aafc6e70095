"""Generated inner functions for chain-rule identities, with closed-form Jacobians.

A chain rule is a statement about *every* pair of differentiable functions, so the suite
draws the functions too. The family: affine maps ``W u + c``, element-wise ``tanh``, ``sin``
and ``exp``, and their compositions. Each drawn map knows its Jacobian in closed form
(numerator layout), so a claim such as ``(df/dg)(dg/dx)`` is evaluated without either oracle.
"""

from __future__ import annotations

import dataclasses
import functools

import torch
from hypothesis import strategies as st

from identities.strategies.arrays import BOUND, _signed, elementwise, floats

#: name -> (function, derivative); all smooth everywhere.
ACTIVATIONS = {
    "tanh": (torch.tanh, lambda u: 1 - torch.tanh(u) ** 2),
    "sin": (torch.sin, torch.cos),
    "exp": (torch.exp, torch.exp),
}


@dataclasses.dataclass(frozen=True)
class Affine:
    weight: torch.Tensor
    bias: torch.Tensor

    def __call__(self, u: torch.Tensor) -> torch.Tensor:
        return self.weight @ u + self.bias


@dataclasses.dataclass(frozen=True)
class Activation:
    name: str

    def __call__(self, u: torch.Tensor) -> torch.Tensor:
        return ACTIVATIONS[self.name][0](u)


class GeneratedMap:
    """A composition of layers from R^dim_in to R^dim_out (``None``: a scalar).

    ``g(x)`` evaluates with torch operations (so autograd sees through it);
    ``g.jacobian(x)`` is the closed form, shape ``out + in`` (numerator layout).
    """

    def __init__(
        self, layers: list[Affine | Activation], dim_in: int | None, dim_out: int | None
    ) -> None:
        self.layers = layers
        self.dim_in = dim_in
        self.dim_out = dim_out

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        u = x.reshape(1) if self.dim_in is None else x
        for layer in self.layers:
            u = layer(u)
        return u.reshape(()) if self.dim_out is None else u

    def jacobian(self, x: torch.Tensor) -> torch.Tensor:
        u = x.reshape(1) if self.dim_in is None else x
        jac = torch.eye(u.shape[0], dtype=u.dtype)
        for layer in self.layers:
            if isinstance(layer, Affine):
                jac = layer.weight @ jac
            else:
                jac = ACTIVATIONS[layer.name][1](u)[:, None] * jac
            u = layer(u)
        if self.dim_out is None:
            jac = jac[0]
        if self.dim_in is None:
            jac = jac[..., 0]
        return jac

    def formula(self) -> str:
        text, k = "x", 0
        for layer in self.layers:
            if isinstance(layer, Affine):
                k += 1
                text = f"W{k} {text} + c{k}"
            else:
                text = f"{layer.name}({text})"
        return text

    def __repr__(self) -> str:
        params, k = [], 0
        for layer in self.layers:
            if isinstance(layer, Affine):
                k += 1
                params.append(f"W{k}={layer.weight.tolist()}, c{k}={layer.bias.tolist()}")
        return f"<map x -> {self.formula()}; {'; '.join(params)}>"


@functools.lru_cache(maxsize=1024)
def _affine(fan_in: int, fan_out: int, scale: float = 1.0) -> st.SearchStrategy[Affine]:
    # Weights in [-1, 1] * scale / fan_in keep |W u + c| <= scale * max|u| + 1. Their
    # magnitudes are at least 1/4, so that every output depends on every input, however
    # far the example shrinks (a zero weight made f_i(w) = F(w_i, i) independent of w, and
    # a wrong derivative of it undetectable, on most shrunk draws).
    return st.tuples(
        elementwise((fan_out, fan_in), _signed(floats(0.25, 1.0))),
        elementwise((fan_out,), floats(-1.0, 1.0)),
    ).map(lambda wc: Affine(wc[0] * (scale / fan_in), wc[1]))


@functools.lru_cache(maxsize=1024)
def smooth_maps(*, dim_in: int | None, dim_out: int | None) -> st.SearchStrategy[GeneratedMap]:
    """Maps from R^dim_in to R^dim_out (``None``: scalar) from the family above.

    Shrinks toward a single affine map with small, simple weights.
    """
    return _smooth_maps(dim_in=dim_in, dim_out=dim_out)


@st.composite
def _smooth_maps(draw: st.DrawFn, *, dim_in: int | None, dim_out: int | None) -> GeneratedMap:
    n_in = 1 if dim_in is None else dim_in
    n_out = 1 if dim_out is None else dim_out
    kind = draw(
        st.sampled_from(["affine", "activation(affine)", "affine(activation(affine))"]),
        label="map kind",
    )
    act = Activation(draw(st.sampled_from(sorted(ACTIVATIONS)), label="activation"))
    # In front of exp the weights are scaled by 1/BOUND, so |argument| <= 2 for inputs up to
    # BOUND and the map's values stay below e^2 ~ 7.4; maps then compose (f(g(x))) without
    # exp(exp(.)), which finite differences cannot resolve.
    scale = 1.0 / BOUND if act.name == "exp" else 1.0
    if kind == "affine":
        layers: list = [draw(_affine(n_in, n_out))]
    elif kind == "activation(affine)":
        layers = [draw(_affine(n_in, n_out, scale)), act]
    else:
        hidden = draw(st.integers(1, 3), label="hidden size")
        layers = [draw(_affine(n_in, hidden, scale)), act, draw(_affine(hidden, n_out))]
    return GeneratedMap(layers, dim_in, dim_out)
