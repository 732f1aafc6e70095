"""Barnes (2006), "Matrix Differentiation (and some other stuff)", section 5 "Matrix
Differentiation": Definition 5, the derivative of a matrix by a scalar (67), and
Proposition 15, the derivative of an inverse (68) with its proof (69)-(71).

Each is checked with a scalar input t (Barnes's alpha) and matrices built from it, as the
Jacobian of a matrix-valued function of a scalar: numerator layout, so the result has the
shape of the matrix. For (67), A(t) is m x n with a_ij(t) = r_ij + p_ij sin(q_ij t), an
entry-wise function whose derivative is written out entry by entry. For Proposition 15,
A(t) = A0 + sin(t) A1 + cos(t) A2 (m x m): A0 is diagonally dominant by a margin of at least
1 in every row, and every row of |A1| and of |A2| sums to at most 1/4, so A(t) is strictly
diagonally dominant, hence nonsingular, for every t, and dA/dt = cos(t) A1 - sin(t) A2.
"""

import torch

from identities.notation import by_entries
from identities.notation import quarter_rows as _quarter_rows
from identities.spec import Identity, Source, derived, matrix, scalar

DOC = "barnes-2006"
inv = torch.linalg.inv


# -- Definition 5 ------------------------------------------------------------------------------
barnes_67__matrix_by_scalar = Identity(
    name="barnes_67__matrix_by_scalar",
    statement=r"\frac{\partial \mathbf{A}}{\partial \alpha}=\left[\frac{\partial a_{ij}}"
    r"{\partial \alpha}\right]_{m\times n},\quad a_{ij}(\alpha)=r_{ij}+p_{ij}"
    r"\sin(q_{ij}\alpha)",
    source=Source(DOC, "67"),
    conditions="A is m x n, its elements functions of the scalar alpha (here t): a_ij(t) = "
    "r_ij + p_ij sin(q_ij t); the result is m x n, element by element",
    inputs={"t": scalar(), "R": matrix("m", "n"), "P": matrix("m", "n"), "Q": matrix("m", "n")},
    wrt="t",
    function=lambda t, R, P, Q: R + P * torch.sin(Q * t),
    claimed=lambda t, R, P, Q: by_entries(
        R.shape[0], R.shape[1], lambda i, j: P[i, j] * Q[i, j] * torch.cos(Q[i, j] * t)
    ),
)


# -- Proposition 15 ----------------------------------------------------------------------------


CURVE = {
    "t": scalar(),
    "A0": matrix("m", "m", "invertible"),
    "A1": derived(_quarter_rows, G=matrix("m", "m")),
    "A2": derived(_quarter_rows, G=matrix("m", "m")),
}
CURVE_CONDITIONS = (
    "A is nonsingular, m x m, with elements functions of the scalar alpha "
    "(here t; A(t) = A0 + sin(t) A1 + cos(t) A2, strictly diagonally dominant "
    "for every t)"
)
PROOF_15 = " (proof of Proposition 15)"


def curve(t, A0, A1, A2):
    """A(t)."""
    return A0 + torch.sin(t) * A1 + torch.cos(t) * A2


def curve_dt(t, A0, A1, A2):
    """dA/dt in closed form."""
    return torch.cos(t) * A1 - torch.sin(t) * A2


def _inverse_rule(t, A0, A1, A2):
    """-A^-1 (dA/dt) A^-1."""
    A_inv = inv(curve(t, A0, A1, A2))
    return -A_inv @ curve_dt(t, A0, A1, A2) @ A_inv


INVERSE_RULE = (
    r"\frac{\partial \mathbf{A}^{-1}}{\partial \alpha}=-\mathbf{A}^{-1}"
    r"\frac{\partial \mathbf{A}}{\partial \alpha}\mathbf{A}^{-1}"
)

barnes_68__derivative_of_inverse = Identity(
    name="barnes_68__derivative_of_inverse",
    statement=INVERSE_RULE,
    source=Source(DOC, "68"),
    conditions=CURVE_CONDITIONS,
    inputs=CURVE,
    wrt="t",
    function=lambda t, A0, A1, A2: inv(curve(t, A0, A1, A2)),
    claimed=_inverse_rule,
)

barnes_69__inverse_times_matrix = Identity(
    name="barnes_69__inverse_times_matrix",
    statement=r"\mathbf{A}^{-1}\mathbf{A}=\mathbf{I}",
    source=Source(DOC, "69"),
    conditions=CURVE_CONDITIONS + PROOF_15,
    inputs=CURVE,
    form="value",
    function=lambda t, A0, A1, A2: inv(curve(t, A0, A1, A2)) @ curve(t, A0, A1, A2),
    claimed=lambda t, A0, A1, A2: torch.eye(A0.shape[0]),
)


def _both_terms(t, t0, A0, A1, A2):
    """A(t0)^-1 A(t) + A(t)^-1 A(t0): at t = t0 its derivative in t is exactly the left side
    of (70), A^-1 dA/dt + (dA^-1/dt) A, each factor differentiated where it stands."""
    return inv(curve(t0, A0, A1, A2)) @ curve(t, A0, A1, A2) + inv(curve(t, A0, A1, A2)) @ curve(
        t0, A0, A1, A2
    )


barnes_70__differentiated_identity = Identity(
    name="barnes_70__differentiated_identity",
    statement=r"\mathbf{A}^{-1}\frac{\partial \mathbf{A}}{\partial \alpha}+\frac{\partial "
    r"\mathbf{A}^{-1}}{\partial \alpha}\mathbf{A}=\mathbf{0}",
    source=Source(DOC, "70"),
    conditions=CURVE_CONDITIONS + "; the left side is the derivative at t = t0 of "
    "A(t0)^-1 A(t) + A(t)^-1 A(t0), t0 a fixed copy of t" + PROOF_15,
    inputs={**CURVE, "t0": derived(lambda t: t.clone())},
    wrt="t",
    function=_both_terms,
    claimed=lambda t, t0, A0, A1, A2: torch.zeros_like(A0),
)

barnes_71__derivative_of_inverse = Identity(
    name="barnes_71__derivative_of_inverse",
    statement=INVERSE_RULE,
    source=Source(DOC, "71"),
    conditions=CURVE_CONDITIONS + "; (70) solved for dA^-1/dalpha" + PROOF_15,
    inputs=CURVE,
    wrt="t",
    function=lambda t, A0, A1, A2: inv(curve(t, A0, A1, A2)),
    claimed=_inverse_rule,
)
