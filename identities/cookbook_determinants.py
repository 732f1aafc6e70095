"""Matrix Cookbook (2012), section 2.1 "Derivative of a Determinant": equations (46)-(58).

(46) and (48) (and (59) in ``cookbook_inverses``) are about a matrix function Y(x) of a
scalar x. The curve used is Y(x) = Y0 + sin(x) Y1 + cos(x) Y2 (``CURVE``): Y0 is
diagonally dominant by a margin of at least 1 in every row and each row of |Y1| and |Y2|
sums to at most 1/4, so Y(x) stays strictly diagonally dominant (invertible) for every x,
and Y', Y'' are known in closed form and not proportional to each other.
"""

import torch

from identities.notation import CURVE, CURVE_CONDITIONS, curve, curve_dx, curve_dx2, det_leibniz
from identities.spec import Identity, derived, integer, matrix, vector
from identities.spec import cookbook as _eq

inv, det, solve = torch.linalg.inv, torch.linalg.det, torch.linalg.solve


#: Full-column-rank m x n matrices, m = n + k > n: an invertible n x n block on top.
TALL = derived(lambda D, B: torch.cat([D, B]), D=matrix("n", "n", "invertible"), B=matrix("k", "n"))


def _symmetric_invertible(G: torch.Tensor, s: torch.Tensor) -> torch.Tensor:
    """Symmetric, strictly diagonally dominant by a margin of 1 with diagonal signs s:
    by Gershgorin every eigenvalue has |lambda| >= 1 (indefinite in general)."""
    off = torch.triu(G, 1) + torch.triu(G, 1).T
    return off + torch.diag(torch.sign(s) * (off.abs().sum(dim=1) + 1))


def _blocks(S11, S12, S21, S22):
    """The (n + k) x (n + k) matrix [[S11, S12], [S21, S22]]."""
    return torch.cat([torch.cat([S11, S12], dim=1), torch.cat([S21, S22], dim=1)])


#: The draws of a general (n + k) x (n + k) matrix S, in blocks (for ``_through``).
SQUARE_BLOCKS = {
    "S11": matrix("n", "n"),
    "S12": matrix("n", "k"),
    "S21": matrix("k", "n"),
    "S22": matrix("k", "k"),
}


def _through(X: torch.Tensor, S: torch.Tensor, M: torch.Tensor) -> torch.Tensor:
    """A = S + X^{+T} (M - X^T S X) X^+, so that X^T A X = M (X^+ X = I, X full column rank).

    Every A with X^T A X = M is of this form (take S = A); A is symmetric when S and M are.
    """
    P = torch.linalg.pinv(X)
    return S + P.T @ (M - X.T @ S @ X) @ P


def _symmetric_A(X, S11, S12, S21, S22, G, s):
    S = _blocks(S11, S12, S21, S22)
    return _through(X, torch.triu(S) + torch.triu(S, 1).T, _symmetric_invertible(G, s))


def _general_A(X, S11, S12, S21, S22, M):
    return _through(X, _blocks(S11, S12, S21, S22), M)


cookbook_046__det_of_curve = Identity(
    name="cookbook_046__det_of_curve",
    statement=r"\frac{\partial \det(\mathbf{Y})}{\partial x} = \det(\mathbf{Y})\operatorname{Tr}"
    r"\left[\mathbf{Y}^{-1}\frac{\partial \mathbf{Y}}{\partial x}\right]",
    source=_eq("46"),
    conditions=CURVE_CONDITIONS,
    inputs=CURVE,
    wrt="x",
    function=lambda x, Y0, Y1, Y2: det(curve(x, Y0, Y1, Y2)),
    claimed=lambda x, Y0, Y1, Y2: (
        det(curve(x, Y0, Y1, Y2))
        * torch.trace(solve(curve(x, Y0, Y1, Y2), curve_dx(x, Y0, Y1, Y2)))
    ),
)

# (47) and (50): the left side sum_k (d det X / d X_ik) X_jk is, by the chain rule, exactly
# d det(X + T X) / d T_ij at T = 0 (d(TX)_ik / d T_ij = X_jk). So the oracles compute the
# left side from det alone, at any square X (singular ones included), and the claim is the
# right side delta_ij det X, arranged as the n x n matrix det(X) I.
_INDEX_SUM = {
    "statement": r"\sum_k \frac{\partial \det(\mathbf{X})}{\partial X_{ik}} X_{jk} "
    r"= \delta_{ij}\det(\mathbf{X})",
    "conditions": "implicit: X square (T = 0 is auxiliary: the left side, for all (i, j), "
    "is the gradient of det(X + T X) with respect to T at T = 0)",
    "inputs": {"X": matrix("n", "n"), "T": matrix("n", "n", "zero")},
    "wrt": "T",
    "form": "gradient",
    # det by the Leibniz formula: at entries near the underflow threshold (X_22 = 2.2e-308)
    # torch.linalg.det's backward returns inf/nan; a polynomial's autograd is exact.
    "function": lambda X, T: det_leibniz(X + T @ X),
    # The Leibniz formula has n! terms: n keeps its small range in every profile.
    "dims": {"n": (1, 4)},
    "claimed": lambda X, T: det(X) * torch.eye(X.shape[0]),
}

cookbook_047__det_index_sum = Identity(
    name="cookbook_047__det_index_sum", source=_eq("47"), **_INDEX_SUM
)


def _second_derivative_of_det(Y, dY, d2Y):
    """(48)'s right side: det Y [Tr(Y^-1 Y'') + Tr(Y^-1 Y')^2 - Tr((Y^-1 Y')(Y^-1 Y'))]."""
    P = solve(Y, dY)
    return det(Y) * (
        torch.trace(solve(Y, d2Y)) + torch.trace(P) * torch.trace(P) - torch.trace(P @ P)
    )


cookbook_048__det_of_curve__second = Identity(
    name="cookbook_048__det_of_curve__second",
    statement=r"\frac{\partial^2 \det(\mathbf{Y})}{\partial x^2} = \det(\mathbf{Y})\left["
    r"\operatorname{Tr}\left[\mathbf{Y}^{-1}\frac{\partial\frac{\partial \mathbf{Y}}"
    r"{\partial x}}{\partial x}\right] + \operatorname{Tr}\left[\mathbf{Y}^{-1}"
    r"\frac{\partial \mathbf{Y}}{\partial x}\right]\operatorname{Tr}\left["
    r"\mathbf{Y}^{-1}\frac{\partial \mathbf{Y}}{\partial x}\right] - "
    r"\operatorname{Tr}\left[\left(\mathbf{Y}^{-1}\frac{\partial \mathbf{Y}}"
    r"{\partial x}\right)\left(\mathbf{Y}^{-1}\frac{\partial \mathbf{Y}}"
    r"{\partial x}\right)\right]\right]",
    source=_eq("48"),
    conditions=CURVE_CONDITIONS + "; Y twice differentiable",
    inputs=CURVE,
    wrt="x",
    form="hessian",
    # det by the Leibniz formula: torch.func.jacrev(torch.func.jacrev(...)) of
    # torch.linalg.det returns nan where Y has repeated singular values (e.g. Y = [[1, -1/8],
    # [1/8, 1]], a scaled rotation); a polynomial's autograd is exact to every order.
    function=lambda x, Y0, Y1, Y2: det_leibniz(curve(x, Y0, Y1, Y2)),
    dims={"n": (1, 4)},  # the Leibniz formula has n! terms: n stays small in every profile
    claimed=lambda x, Y0, Y1, Y2: _second_derivative_of_det(
        curve(x, Y0, Y1, Y2), curve_dx(x, Y0, Y1, Y2), curve_dx2(x, Y0, Y1, Y2)
    ),
)

cookbook_049__det = Identity(
    name="cookbook_049__det",
    statement=r"\frac{\partial \det(\mathbf{X})}{\partial \mathbf{X}} = "
    r"\det(\mathbf{X})(\mathbf{X}^{-1})^T",
    source=_eq("49"),
    conditions="implicit: X square and invertible",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="gradient",
    function=lambda X: det(X),
    claimed=lambda X: det(X) * inv(X).T,
)

cookbook_050__det_index_sum = Identity(
    name="cookbook_050__det_index_sum", source=_eq("50"), **_INDEX_SUM
)

_AXB = {
    "source": _eq("51"),
    "conditions": "none stated; implicit: X square and invertible (X^{-1} appears), so A and "
    "B are square too",
    "inputs": {
        "A": matrix("n", "n"),
        "X": matrix("n", "n", "invertible"),
        "B": matrix("n", "n"),
    },
    "wrt": "X",
    "form": "gradient",
    "function": lambda A, X, B: det(A @ X @ B),
}

cookbook_051__det_AXB = Identity(
    name="cookbook_051__det_AXB",
    statement=r"\frac{\partial \det(\mathbf{A}\mathbf{X}\mathbf{B})}{\partial \mathbf{X}} = "
    r"\det(\mathbf{A}\mathbf{X}\mathbf{B})(\mathbf{X}^{-1})^T",
    claimed=lambda A, X, B: det(A @ X @ B) * inv(X).T,
    **_AXB,
)

cookbook_051__det_AXB__inverse_of_transpose = Identity(
    name="cookbook_051__det_AXB__inverse_of_transpose",
    statement=r"\frac{\partial \det(\mathbf{A}\mathbf{X}\mathbf{B})}{\partial \mathbf{X}} = "
    r"\det(\mathbf{A}\mathbf{X}\mathbf{B})(\mathbf{X}^T)^{-1}",
    claimed=lambda A, X, B: det(A @ X @ B) * inv(X.T),
    **_AXB,
)

cookbook_052__det_XtAX__square = Identity(
    name="cookbook_052__det_XtAX__square",
    statement=r"\frac{\partial \det(\mathbf{X}^T\mathbf{A}\mathbf{X})}{\partial \mathbf{X}} = "
    r"2\det(\mathbf{X}^T\mathbf{A}\mathbf{X})\mathbf{X}^{-T}",
    source=_eq("52"),
    conditions="X is square and invertible (A square)",
    inputs={"X": matrix("n", "n", "invertible"), "A": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X, A: det(X.T @ A @ X),
    claimed=lambda X, A: 2 * det(X.T @ A @ X) * inv(X).T,
)

cookbook_053__det_XtAX__symmetric_A = Identity(
    name="cookbook_053__det_XtAX__symmetric_A",
    statement=r"\frac{\partial \det(\mathbf{X}^T\mathbf{A}\mathbf{X})}{\partial \mathbf{X}} = "
    r"2\det(\mathbf{X}^T\mathbf{A}\mathbf{X})\mathbf{A}\mathbf{X}"
    r"(\mathbf{X}^T\mathbf{A}\mathbf{X})^{-1}",
    source=_eq("53"),
    conditions="If X is not square (m x n, m = n + k > n) but A is symmetric; implicit: "
    "X^T A X invertible (so X has full column rank)",
    reading="A is drawn as S + X^{+T}(M - X^T S X)X^+ (S symmetric, M symmetric with "
    "|eigenvalues| >= 1, X^T A X = M), so that X^T A X is invertible, as the formula needs.",
    inputs={
        "X": TALL,
        "A": derived(_symmetric_A, **SQUARE_BLOCKS, G=matrix("n", "n"), s=vector("n", "nonzero")),
    },
    wrt="X",
    form="gradient",
    function=lambda X, A: det(X.T @ A @ X),
    claimed=lambda X, A: 2 * det(X.T @ A @ X) * A @ X @ inv(X.T @ A @ X),
)

cookbook_054__det_XtAX__general_A = Identity(
    name="cookbook_054__det_XtAX__general_A",
    statement=r"\frac{\partial \det(\mathbf{X}^T\mathbf{A}\mathbf{X})}{\partial \mathbf{X}} = "
    r"\det(\mathbf{X}^T\mathbf{A}\mathbf{X})\left(\mathbf{A}\mathbf{X}(\mathbf{X}^T"
    r"\mathbf{A}\mathbf{X})^{-1} + \mathbf{A}^T\mathbf{X}(\mathbf{X}^T\mathbf{A}^T"
    r"\mathbf{X})^{-1}\right)",
    source=_eq("54"),
    conditions="If X is not square (m x n, m = n + k > n) and A is not symmetric; implicit: "
    "X^T A X invertible (so X has full column rank)",
    reading="A is drawn as S + X^{+T}(M - X^T S X)X^+ (S general, M invertible, X^T A X = "
    "M), so that X^T A X is invertible, as the formula needs.",
    inputs={"X": TALL, "A": derived(_general_A, **SQUARE_BLOCKS, M=matrix("n", "n", "invertible"))},
    wrt="X",
    form="gradient",
    function=lambda X, A: det(X.T @ A @ X),
    claimed=lambda X, A: (
        det(X.T @ A @ X) * (A @ X @ inv(X.T @ A @ X) + A.T @ X @ inv(X.T @ A.T @ X))
    ),
)

cookbook_055__log_det_XtX = Identity(
    name="cookbook_055__log_det_XtX",
    statement=r"\frac{\partial \ln\det(\mathbf{X}^T\mathbf{X})}{\partial \mathbf{X}} = "
    r"2(\mathbf{X}^+)^T",
    source=_eq("55"),
    conditions="a special case (See [9, 7]); implicit: X (m x n) of full column rank, so "
    "X^T X is positive definite (m = n included, where X^+ = X^{-1})",
    inputs={"X": TALL},
    dims={"k": (0, 3)},
    wrt="X",
    form="gradient",
    function=lambda X: torch.log(det(X.T @ X)),
    claimed=lambda X: 2 * torch.linalg.pinv(X).T,
)

cookbook_056__log_det_XtX__wrt_pinv = Identity(
    name="cookbook_056__log_det_XtX__wrt_pinv",
    statement=r"\frac{\partial \ln\det(\mathbf{X}^T\mathbf{X})}{\partial \mathbf{X}^+} = "
    r"-2\mathbf{X}^T",
    source=_eq("56"),
    conditions="a special case (See [9, 7]); implicit: X (m x n) of full column rank, so "
    "Y = X^+ (n x m) has full row rank and X = Y^+",
    reading="The derivative with respect to X^+ is read as the gradient, with respect to "
    "Y = X^+ (full row rank, X = Y^+), of ln det((Y^+)^T Y^+); the claim -2 X^T is "
    "evaluated as -2 (Y^+)^T.",
    inputs={
        "Y": derived(
            lambda D, B: torch.cat([D, B], dim=1),
            D=matrix("n", "n", "invertible"),
            B=matrix("n", "k"),
        )
    },
    dims={"k": (0, 3)},
    wrt="Y",
    form="gradient",
    function=lambda Y: torch.log(det(torch.linalg.pinv(Y).T @ torch.linalg.pinv(Y))),
    claimed=lambda Y: -2 * torch.linalg.pinv(Y).T,
)

_LOG_ABS_DET = {
    "source": _eq("57"),
    "conditions": "implicit: X square and invertible (det X of either sign)",
    "inputs": {"X": matrix("n", "n", "invertible")},
    "wrt": "X",
    "form": "gradient",
    "function": lambda X: torch.log(torch.abs(det(X))),
}

cookbook_057__log_abs_det = Identity(
    name="cookbook_057__log_abs_det",
    statement=r"\frac{\partial \ln|\det(\mathbf{X})|}{\partial \mathbf{X}} = "
    r"(\mathbf{X}^{-1})^T",
    claimed=lambda X: inv(X).T,
    **_LOG_ABS_DET,
)

cookbook_057__log_abs_det__inverse_of_transpose = Identity(
    name="cookbook_057__log_abs_det__inverse_of_transpose",
    statement=r"\frac{\partial \ln|\det(\mathbf{X})|}{\partial \mathbf{X}} = "
    r"(\mathbf{X}^T)^{-1}",
    claimed=lambda X: inv(X.T),
    **_LOG_ABS_DET,
)

cookbook_058__det_power = Identity(
    name="cookbook_058__det_power",
    statement=r"\frac{\partial \det(\mathbf{X}^k)}{\partial \mathbf{X}} = "
    r"k\det(\mathbf{X}^k)\mathbf{X}^{-T}",
    source=_eq("58"),
    conditions="implicit: X square and invertible, k an integer (drawn in -10..10; negative "
    "k: powers of X^{-1})",
    inputs={"X": matrix("n", "n", "invertible"), "k": integer(-10, 10)},
    wrt="X",
    form="gradient",
    function=lambda X, k: det(torch.linalg.matrix_power(X, k)),
    claimed=lambda X, k: k * det(torch.linalg.matrix_power(X, k)) * inv(X).T,
)
