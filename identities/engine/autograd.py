"""The exact oracle: reverse-mode autograd (``torch.func.jacrev``) in float64, exact up to
rounding. Independent of the finite-difference oracle: neither imports the other.

Returns the full Jacobian in canonical shape ``out_shape + in_shape``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch


class NoGraph(Exception):
    """Autograd sees no dependence of the value on the input; ``args[0]`` is its shape."""


#: Up to this many outputs, one backward pass per output beats jacrev's vectorization.
ROWWISE_MAX = 8


def traced(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> tuple[torch.Tensor, Any]:
    """``f`` at a copy ``v`` of ``x`` that requires grad: ``(v, f(v))``, the graph kept."""
    v = x.detach().requires_grad_(True)
    with torch.enable_grad():
        return v, f(v)


#: The two ways torch computes a Jacobian in reverse mode. They can differ where torch has a
#: wrong backward rule on one path: ``torch.autograd.grad`` of ``det`` at a singular matrix
#: is 0 in torch 2.13, ``torch.func.jacrev`` gives the adjugate (the right answer).
PATHS = ("rows", "jacrev")


def path_for(f_value: torch.Tensor) -> str:
    """The path taken by default: one backward pass per output up to ``ROWWISE_MAX``
    outputs (faster there), ``jacrev`` above."""
    return "rows" if f_value.numel() <= ROWWISE_MAX else "jacrev"


def autograd_jacobian(
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    trace: tuple[torch.Tensor, Any] | None = None,
    path: str | None = None,
) -> torch.Tensor:
    """The Jacobian of ``f`` at ``x`` by reverse-mode autograd, shape ``out + in``.

    ``trace``: ``traced(f, x)`` if already computed (it saves a forward pass). ``path``:
    "rows" (``torch.autograd.grad``, one output at a time) or "jacrev" (``torch.func``);
    by default ``path_for`` the value. Raises ``NoGraph`` when the value does not depend
    on ``x`` as far as autograd can see (a constant function, or one that leaves torch).
    """
    v, y = trace or traced(f, x)
    if not y.requires_grad:
        raise NoGraph(tuple(y.shape))
    if (path or path_for(y)) == "jacrev":
        return torch.func.jacrev(f)(x)
    return by_rows(y, v)


def by_rows(y: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """The Jacobian of ``y`` with respect to ``v`` (a leaf of its graph), one backward pass
    per output (``torch.autograd.grad``); shape ``y.shape + v.shape``."""
    flat = y.reshape(-1)
    rows = []
    for i in range(flat.numel()):
        (g,) = torch.autograd.grad(flat[i], v, retain_graph=i + 1 < flat.numel(), allow_unused=True)
        rows.append(torch.zeros_like(v) if g is None else g)
    return torch.stack(rows).reshape(tuple(y.shape) + tuple(v.shape))


def autograd_hessian(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> torch.Tensor:
    """The Hessian of a scalar ``f`` at ``x``, shape ``in + in``: jacrev of jacrev."""
    return torch.func.jacrev(torch.func.jacrev(f))(x)
