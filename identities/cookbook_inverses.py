"""Matrix Cookbook (2012), section 2.2 "Derivatives of an Inverse": equations (59)-(64) and
the unnumbered change-of-variables result after (64) (ref "64a").

(59) uses the curve Y(x) of ``cookbook_determinants`` (invertible for every x by construction).
"""

import torch

from identities.notation import CURVE, CURVE_CONDITIONS, curve, curve_dx
from identities.spec import Identity, derived, matrix, smooth_map, vector
from identities.spec import cookbook as _eq

inv, det = torch.linalg.inv, torch.linalg.det


cookbook_059__inverse_of_curve = Identity(
    name="cookbook_059__inverse_of_curve",
    statement=r"\frac{\partial \mathbf{Y}^{-1}}{\partial x} = -\mathbf{Y}^{-1}"
    r"\frac{\partial \mathbf{Y}}{\partial x}\mathbf{Y}^{-1}",
    source=_eq("59"),
    conditions="From [27]; " + CURVE_CONDITIONS,
    inputs=CURVE,
    wrt="x",
    function=lambda x, Y0, Y1, Y2: inv(curve(x, Y0, Y1, Y2)),
    claimed=lambda x, Y0, Y1, Y2: (
        -inv(curve(x, Y0, Y1, Y2)) @ curve_dx(x, Y0, Y1, Y2) @ inv(curve(x, Y0, Y1, Y2))
    ),
)

cookbook_060__inverse_by_entries = Identity(
    name="cookbook_060__inverse_by_entries",
    statement=r"\frac{\partial (\mathbf{X}^{-1})_{kl}}{\partial X_{ij}} = "
    r"-(\mathbf{X}^{-1})_{ki}(\mathbf{X}^{-1})_{jl}",
    source=_eq("60"),
    conditions="implicit: X square and invertible; the claim is the tensor indexed [k, l, i, j]",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    function=lambda X: inv(X),
    claimed=lambda X: -torch.einsum("ki,jl->klij", inv(X), inv(X)),
)

cookbook_061__bilinear_inverse = Identity(
    name="cookbook_061__bilinear_inverse",
    statement=r"\frac{\partial \mathbf{a}^T\mathbf{X}^{-1}\mathbf{b}}{\partial \mathbf{X}} = "
    r"-\mathbf{X}^{-T}\mathbf{a}\mathbf{b}^T\mathbf{X}^{-T}",
    source=_eq("61"),
    conditions="implicit: X square and invertible; a, b vectors",
    inputs={"a": vector("n"), "X": matrix("n", "n", "invertible"), "b": vector("n")},
    wrt="X",
    form="gradient",
    function=lambda a, X, b: a @ inv(X) @ b,
    claimed=lambda a, X, b: -inv(X).T @ torch.outer(a, b) @ inv(X).T,
)

cookbook_062__det_of_inverse = Identity(
    name="cookbook_062__det_of_inverse",
    statement=r"\frac{\partial \det(\mathbf{X}^{-1})}{\partial \mathbf{X}} = "
    r"-\det(\mathbf{X}^{-1})(\mathbf{X}^{-1})^T",
    source=_eq("62"),
    conditions="implicit: X square and invertible",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="gradient",
    function=lambda X: det(inv(X)),
    claimed=lambda X: -det(inv(X)) * inv(X).T,
)

cookbook_063__trace_AXinvB = Identity(
    name="cookbook_063__trace_AXinvB",
    statement=r"\frac{\partial \operatorname{Tr}(\mathbf{A}\mathbf{X}^{-1}\mathbf{B})}"
    r"{\partial \mathbf{X}} = -(\mathbf{X}^{-1}\mathbf{B}\mathbf{A}\mathbf{X}^{-1})^T",
    source=_eq("63"),
    conditions="implicit: X square and invertible; A (p x n) and B (n x p) conformable",
    inputs={"A": matrix("p", "n"), "X": matrix("n", "n", "invertible"), "B": matrix("n", "p")},
    wrt="X",
    form="gradient",
    function=lambda A, X, B: torch.trace(A @ inv(X) @ B),
    claimed=lambda A, X, B: -(inv(X) @ B @ A @ inv(X)).T,
)

cookbook_064__trace_inverse_of_sum = Identity(
    name="cookbook_064__trace_inverse_of_sum",
    statement=r"\frac{\partial \operatorname{Tr}((\mathbf{X} + \mathbf{A})^{-1})}"
    r"{\partial \mathbf{X}} = -((\mathbf{X} + \mathbf{A})^{-1}"
    r"(\mathbf{X} + \mathbf{A})^{-1})^T",
    source=_eq("64"),
    conditions="implicit: X + A invertible (drawn as X = Z - A, Z invertible, A general)",
    inputs={
        "A": matrix("n", "n"),
        "X": derived(lambda A, Z: Z - A, Z=matrix("n", "n", "invertible")),
    },
    wrt="X",
    form="gradient",
    function=lambda A, X: torch.trace(inv(X + A)),
    claimed=lambda A, X: -(inv(X + A) @ inv(X + A)).T,
)


def _J(W, U, g):
    """J(W) = sum_c g(W u_c) over the columns u_c of U: a smooth scalar function of W."""
    return sum(g(W @ U[:, c]) for c in range(U.shape[1]))


def _dJ_dW(W, U, g):
    """dJ/dW in closed form (Cookbook convention, shaped like W): sum_c grad g(W u_c) u_c^T."""
    return sum(torch.outer(g.jacobian(W @ U[:, c]), U[:, c]) for c in range(U.shape[1]))


cookbook_064a__change_to_inverse = Identity(
    name="cookbook_064a__change_to_inverse",
    statement=r"\frac{\partial J}{\partial \mathbf{A}} = -\mathbf{A}^{-T}"
    r"\frac{\partial J}{\partial \mathbf{W}}\mathbf{A}^{-T},\quad "
    r"\mathbf{W} = \mathbf{A}^{-1}",
    source=_eq("64a"),
    conditions="From [32]: A (n x n) invertible, W = A^{-1}, J differentiable (here J(W) = "
    "sum_c g(W u_c) with g: R^n -> R a generated smooth map and u_c the columns of U)",
    inputs={"A": matrix("n", "n", "invertible"), "U": matrix("n", "p"), "g": smooth_map("n", None)},
    wrt="A",
    form="gradient",
    function=lambda A, U, g: _J(inv(A), U, g),
    claimed=lambda A, U, g: -inv(A).T @ _dJ_dW(inv(A), U, g) @ inv(A).T,
)
