"""Wikipedia, "Matrix calculus", sections "Derivatives with vectors" and "Derivatives with
matrices": the three rules among the definitions (numerator layout), W-D6 (the directional
derivative), W-D8 (the pushforward) and W-D12 (the directional derivative in the direction
of a matrix). The other definitions are listed as not testable in ``wiki``.

A directional derivative is the derivative of t -> f(x + t u) at t = 0: t is an input drawn
at exactly 0 (domain "zero"), and the derivative is taken with respect to t.
"""

import torch

from identities.spec import Identity, Source, derived, matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"

_D6 = {
    "source": Source(DOC, "W-D6"),
    "conditions": "u a unit vector (column): u = w / |w|; f: R^n -> R differentiable "
    "(generated); the directional derivative is d/dt f(x + t u) at t = 0",
    "inputs": {
        "x": vector("n"),
        "f": smooth_map("n", None),
        "u": derived(lambda w: w / torch.linalg.norm(w), w=vector("n", "nonzero")),
        "t": scalar("zero"),
    },
    "wrt": "t",
    "function": lambda x, f, u, t: f(x + t * u),
}

wiki_D6__gradient_dot_u = Identity(
    name="wiki_D6__gradient_dot_u",
    statement=r"\nabla_{\mathbf{u}}f(\mathbf{x}) = \nabla f(\mathbf{x})\cdot\mathbf{u}",
    claimed=lambda x, f, u, t: f.jacobian(x) @ u,
    **_D6,
)

wiki_D6__row_times_u = Identity(
    name="wiki_D6__row_times_u",
    statement=r"\nabla_{\mathbf{u}}f = \frac{\partial f}{\partial \mathbf{x}}\mathbf{u}"
    r"\quad\text{(numerator layout: a row times a column)}",
    claimed=lambda x, f, u, t: (f.jacobian(x).reshape(1, -1) @ u.reshape(-1, 1)).reshape(()),
    **_D6,
)

wiki_D8__pushforward = Identity(
    name="wiki_D8__pushforward",
    statement=r"d\mathbf{f}(\mathbf{v}) = \frac{\partial \mathbf{f}}{\partial \mathbf{v}}"
    r"d\mathbf{v}\quad\text{(numerator layout)}",
    source=Source(DOC, "W-D8"),
    conditions="f: R^n -> R^m differentiable (generated); dv a direction",
    inputs={"v": vector("n"), "f": smooth_map("n", "m")},
    wrt="v",
    form="differential",
    function=lambda v, f: f(v),
    claimed=lambda v, f, dv: f.jacobian(v) @ dv,
)

wiki_D12__directional_matrix = Identity(
    name="wiki_D12__directional_matrix",
    statement=r"\nabla_{\mathbf{Y}}f = \operatorname{tr}\left(\frac{\partial f}"
    r"{\partial \mathbf{X}}\mathbf{Y}\right)\quad\text{(numerator layout)}",
    source=Source(DOC, "W-D12"),
    conditions="df/dX in numerator layout (q x p for a p x q X); the directional derivative "
    "is d/dt f(X + t Y) at t = 0; here f(X) = g(X a), g a generated smooth map, a a "
    "constant vector, whose df/dX in numerator layout is a g'(X a) (g' a row)",
    inputs={
        "X": matrix("p", "q"),
        "Y": matrix("p", "q"),
        "a": vector("q"),
        "g": smooth_map("p", None),
        "t": scalar("zero"),
    },
    wrt="t",
    function=lambda X, Y, a, g, t: g((X + t * Y) @ a),
    claimed=lambda X, Y, a, g, t: torch.trace(torch.outer(a, g.jacobian(X @ a)) @ Y),
)
