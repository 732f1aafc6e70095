"""Matrix Cookbook (November 15, 2012), section 2.6 "Derivatives of vector norms" (2.6.1
Two-norm, (129)-(131)) and section 2.7 "Derivatives of matrix norms" (2.7.1 Frobenius norm,
(132)).

(129) and (130) need x != a (the two-norm is not differentiable at 0): x is built as
a + d with every entry of d at least 0.5 from zero.
"""

import torch

from identities.spec import Identity, derived, matrix, vector
from identities.spec import cookbook as _cb


def _norm(v):
    return torch.linalg.vector_norm(v)


#: x = a + d with d "nonzero": x != a by construction.
X_AWAY_FROM_A = derived(lambda a, d: a + d, d=vector("n", "nonzero"))

cookbook_129__two_norm_of_difference = Identity(
    name="cookbook_129__two_norm_of_difference",
    statement=r"\frac{\partial}{\partial x}\lVert x-a\rVert_2 = \frac{x-a}{\lVert x-a\rVert_2}",
    source=_cb("129"),
    conditions="implicit: x != a (the norm is not differentiable where x = a)",
    inputs={"a": vector("n"), "x": X_AWAY_FROM_A},
    wrt="x",
    function=lambda a, x: _norm(x - a),
    claimed=lambda a, x: (x - a) / _norm(x - a),
)

cookbook_130__unit_vector_jacobian = Identity(
    name="cookbook_130__unit_vector_jacobian",
    statement=r"\frac{\partial}{\partial x}\frac{x-a}{\lVert x-a\rVert_2}"
    r" = \frac{I}{\lVert x-a\rVert_2} - \frac{(x-a)(x-a)^T}{\lVert x-a\rVert_2^3}",
    source=_cb("130"),
    conditions="implicit: x != a; a Jacobian (symmetric, so the layout does not matter)",
    inputs={"a": vector("n"), "x": X_AWAY_FROM_A},
    wrt="x",
    form="jacobian",
    function=lambda a, x: (x - a) / _norm(x - a),
    claimed=lambda a, x: (
        torch.eye(x.shape[0]) / _norm(x - a) - torch.outer(x - a, x - a) / _norm(x - a) ** 3
    ),
)

cookbook_131__squared_two_norm = Identity(
    name="cookbook_131__squared_two_norm",
    statement=r"\frac{\partial\lVert x\rVert_2^2}{\partial x} = 2x",
    source=_cb("131"),
    conditions="x is n x 1",
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: _norm(x) ** 2,
    claimed=lambda x: 2 * x,
)

cookbook_131__two_norm_of_xtx = Identity(
    name="cookbook_131__two_norm_of_xtx",
    statement=r"\frac{\partial\lVert x^Tx\rVert_2}{\partial x} = 2x",
    source=_cb("131"),
    conditions="x is n x 1; x^T x is a scalar (a 1-vector), whose two-norm is |x^T x| = x^T x",
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: _norm((x @ x).reshape(1)),
    claimed=lambda x: 2 * x,
)

cookbook_132__frobenius_norm_squared = Identity(
    name="cookbook_132__frobenius_norm_squared",
    statement=r"\frac{\partial}{\partial X}\lVert X\rVert_F^2 = 2X",
    source=_cb("132"),
    conditions="See (248); a special case of (119); X real m x n (for complex X, 2X is the "
    "complex gradient of chapter 4)",
    inputs={"X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.linalg.matrix_norm(X, "fro") ** 2,
    claimed=lambda X: 2 * X,
)

cookbook_132__trace_XXH = Identity(
    name="cookbook_132__trace_XXH",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(XX^H) = 2X",
    source=_cb("132"),
    conditions="X real m x n, so X^H = X^T",
    inputs={"X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.trace(X @ X.mH),
    claimed=lambda X: 2 * X,
)
