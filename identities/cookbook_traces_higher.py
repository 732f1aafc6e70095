"""Matrix Cookbook (November 15, 2012), section 2.5 "Derivatives of Traces": 2.5.3 Higher
Order (121)-(123) and 2.5.4 Other (124)-(128).

(125)-(127) are printed under "Assume B and C to be symmetric"; X may be rectangular
(m x n, m = n + k >= n) as long as X^T C X (or A + X^T C X) is invertible. That is built by
construction, without narrowing C to definite matrices: X has full column rank, a
symmetric invertible target K (of either signature) is drawn, and C = S - P S P + Y K Y^T
with S symmetric, Y = X (X^T X)^-1 and P = X Y^T. Then X^T C X = K exactly, and as S and K
range over the symmetric matrices (K invertible), C ranges over every symmetric C with
X^T C X = K. (In (127), K = M - A for a drawn invertible M.) The scales (X at unit scale,
S / 4, K dominant by 1.5) are sampling choices that keep the poles of the inverse away from
the finite-difference stencil.
"""

import torch

from identities.notation import (
    MODERATE,
    MODERATE_NOTE,
    UNIT_SCALE,
    UNIT_SCALE_NOTE,
    matrix_cos,
    matrix_sin,
)
from identities.notation import tr as _tr
from identities.spec import Identity, derived, integer, matrix, vector
from identities.spec import cookbook as _cb


def _mp(X, k):
    return torch.linalg.matrix_power(X, k)


# -- constructions for (125)-(127) --------------------------------------------------------

#: An m x n matrix of full column rank, m = n + k: an orthogonal n x n block on top of a
#: k x n block with entries in (-1, 1). (Unit-scale entries keep the finite-difference stencil
#: well inside the region where X^T C X stays invertible; with entries up to 8, as from the
#: "invertible" domain, about 10% of the draws put a pole of (X^T C X)^-1 within it.)
FULL_COLUMN_RANK = derived(
    lambda D, E: torch.cat([D, E]),
    D=matrix("n", "n", "orthogonal"),
    E=matrix("k", "n", (-1.0, 1.0)),
)


def _blocks(P, Q, R):
    """The symmetric matrix [[P, Q], [Q^T, R]] (P, R symmetric)."""
    return torch.cat([torch.cat([P, Q], 1), torch.cat([Q.T, R], 1)])


_BLOCKS = {
    "P": matrix("n", "n", "symmetric"),
    "Q": matrix("n", "k"),
    "R": matrix("k", "k", "symmetric"),
}

#: A general symmetric m x m matrix, m = n + k, assembled from blocks.
SYMMETRIC_M = derived(_blocks, **_BLOCKS)


def _dominate(off, s):
    """off (zero diagonal) plus a diagonal of sign(s) (row sum of |off| + 1 + |s|): strictly
    diagonally dominant by at least 1.5, so invertible, with either sign of each pivot."""
    return off + torch.diag(torch.sign(s) * (off.abs().sum(1) + 1 + s.abs()))


def _zero_diag(a):
    return a - torch.diag(torch.diagonal(a))


def _symmetric_with_compression(X, S, K):
    """A symmetric C with X^T C X = K (X of full column rank, S and K symmetric).

    S enters scaled by 1/4 (entries in [-1, 1]): the part of C that X^T C X does not see
    still moves it when X moves, and at full scale it brings a pole of (X^T C X)^-1 within
    the finite-difference stencil in about 1 draw in 1000.
    """
    Y = X @ torch.linalg.inv(X.T @ X)
    P = X @ Y.T
    S = S / 4
    C = S - P @ S @ P + Y @ K @ Y.T
    return (C + C.T) / 2


_SYM_EXTRA = {"a": matrix("n", "n", "symmetric"), "s": vector("n", "nonzero"), **_BLOCKS}

#: C symmetric with X^T C X symmetric invertible (either signature).
C_COMPRESSION_INVERTIBLE = derived(
    lambda X, a, s, P, Q, R: _symmetric_with_compression(
        X, _blocks(P, Q, R), _dominate(_zero_diag(a), s)
    ),
    **_SYM_EXTRA,
)


def _skew(A):
    return (A - A.T) / 2


#: C symmetric with A + X^T C X invertible, A general: M = skew(A) + N with N symmetric and
#: M strictly diagonally dominant, and X^T C X = M - A = N - sym(A) (symmetric).
C_SHIFTED_INVERTIBLE = derived(
    lambda X, A, a, s, P, Q, R: _symmetric_with_compression(
        X, _blocks(P, Q, R), _dominate(_zero_diag(a) + _skew(A), s) - A
    ),
    **_SYM_EXTRA,
)

_DIMS_NK = {"n": (1, 4), "k": (0, 3)}

# -- 2.5.3 Higher order (121)-(123) -------------------------------------------------------

cookbook_121__trace_power = Identity(
    name="cookbook_121__trace_power",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^k) = k(X^{k-1})^T",
    source=_cb("121"),
    conditions="integer k (here 1..4); implicit: X square",
    inputs={"X": matrix("n", "n"), "k": integer(1, 4)},
    wrt="X",
    form="gradient",
    function=lambda X, k: _tr(_mp(X, k)),
    claimed=lambda X, k: k * _mp(X, k - 1).T,
)

cookbook_121__trace_power__nonpositive_k = Identity(
    name="cookbook_121__trace_power__nonpositive_k",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^k) = k(X^{k-1})^T",
    source=_cb("121"),
    conditions="integer k (here -3..0); implicit: X invertible (X^k, X^(k-1) with k-1 < 0)",
    inputs={"X": matrix("n", "n", "invertible"), "k": integer(-3, 0)},
    wrt="X",
    form="gradient",
    function=lambda X, k: _tr(_mp(X, k)),
    claimed=lambda X, k: k * _mp(X, k - 1).T,
)


def _sum_122(X, A, k):
    out = torch.zeros_like(X)
    for r in range(k):
        out = out + (_mp(X, r) @ A @ _mp(X, k - r - 1)).T
    return out


cookbook_122__trace_A_power = Identity(
    name="cookbook_122__trace_A_power",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(AX^k)"
    r" = \sum_{r=0}^{k-1}(X^rAX^{k-r-1})^T",
    source=_cb("122"),
    conditions="integer k >= 1 (here 1..4); implicit: X and A square n x n",
    inputs={"X": matrix("n", "n"), "A": matrix("n", "n"), "k": integer(1, 4)},
    wrt="X",
    form="gradient",
    function=lambda X, A, k: _tr(A @ _mp(X, k)),
    claimed=_sum_122,
)


def _claim_123(B, X, C):
    BB = B @ B.T
    return (
        C @ X @ X.T @ C @ X @ BB
        + C.T @ X @ BB @ X.T @ C.T @ X
        + C @ X @ BB @ X.T @ C @ X
        + C.T @ X @ X.T @ C.T @ X @ BB
    )


cookbook_123__trace_quartic = Identity(
    name="cookbook_123__trace_quartic",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}\left[B^TX^TCXX^TCXB\right]"
    r" = CXX^TCXBB^T + C^TXBB^TX^TC^TX + CXBB^TX^TCX + C^TXX^TC^TXBB^T",
    source=_cb("123"),
    conditions="X is m x n, C is m x m, B is n x p (no symmetry assumed)" + MODERATE_NOTE,
    inputs={
        "B": matrix("n", "p", MODERATE),
        "X": matrix("m", "n", MODERATE),
        "C": matrix("m", "m", MODERATE),
    },
    wrt="X",
    form="gradient",
    function=lambda B, X, C: _tr(B.T @ X.T @ C @ X @ X.T @ C @ X @ B),
    claimed=_claim_123,
)

# -- 2.5.4 Other (124)-(128) --------------------------------------------------------------

_S124 = r"\frac{\partial}{\partial X}\operatorname{Tr}(AX^{-1}B)"

cookbook_124__trace_inverse = Identity(
    name="cookbook_124__trace_inverse",
    statement=_S124 + r" = -(X^{-1}BAX^{-1})^T",
    source=_cb("124"),
    conditions="A is p x n, B is n x p; implicit: X invertible",
    inputs={"A": matrix("p", "n"), "X": matrix("n", "n", "invertible"), "B": matrix("n", "p")},
    wrt="X",
    form="gradient",
    function=lambda A, X, B: _tr(A @ torch.linalg.inv(X) @ B),
    claimed=lambda A, X, B: -(torch.linalg.inv(X) @ B @ A @ torch.linalg.inv(X)).T,
)

cookbook_124__trace_inverse__transposed = Identity(
    name="cookbook_124__trace_inverse__transposed",
    statement=_S124 + r" = -X^{-T}A^TB^TX^{-T}",
    source=_cb("124"),
    conditions="A is p x n, B is n x p; implicit: X invertible",
    inputs={"A": matrix("p", "n"), "X": matrix("n", "n", "invertible"), "B": matrix("n", "p")},
    wrt="X",
    form="gradient",
    function=lambda A, X, B: _tr(A @ torch.linalg.inv(X) @ B),
    claimed=lambda A, X, B: -torch.linalg.inv(X).T @ A.T @ B.T @ torch.linalg.inv(X).T,
)


def _inv(M):
    return torch.linalg.inv(M)


cookbook_125__trace_inv_XtCX_A = Identity(
    name="cookbook_125__trace_inv_XtCX_A",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}\left[(X^TCX)^{-1}A\right]"
    r" = -\left(CX(X^TCX)^{-1}\right)(A+A^T)(X^TCX)^{-1}",
    source=_cb("125"),
    conditions="Assume B and C to be symmetric (C symmetric m x m; A general n x n); "
    "implicit: X^T C X invertible (X m x n, m >= n, of full column rank, and C "
    "built so that X^T C X is a drawn symmetric invertible matrix of either "
    "signature)",
    inputs={"A": matrix("n", "n"), "X": FULL_COLUMN_RANK, "C": C_COMPRESSION_INVERTIBLE},
    wrt="X",
    form="gradient",
    dims=_DIMS_NK,
    function=lambda A, X, C: _tr(_inv(X.T @ C @ X) @ A),
    claimed=lambda A, X, C: -(C @ X @ _inv(X.T @ C @ X)) @ (A + A.T) @ _inv(X.T @ C @ X),
)


def _claim_126(X, B, C):
    N = _inv(X.T @ C @ X)
    return -2 * C @ X @ N @ X.T @ B @ X @ N + 2 * B @ X @ N


cookbook_126__trace_inv_XtCX_XtBX = Identity(
    name="cookbook_126__trace_inv_XtCX_XtBX",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}\left[(X^TCX)^{-1}(X^TBX)\right]"
    r" = -2CX(X^TCX)^{-1}X^TBX(X^TCX)^{-1} + 2BX(X^TCX)^{-1}",
    source=_cb("126"),
    conditions="Assume B and C to be symmetric (m x m); implicit: X^T C X invertible (X "
    "m x n, m >= n, of full column rank, and C built so that X^T C X is a drawn "
    "symmetric invertible matrix of either signature)",
    inputs={"X": FULL_COLUMN_RANK, "B": SYMMETRIC_M, "C": C_COMPRESSION_INVERTIBLE},
    wrt="X",
    form="gradient",
    dims=_DIMS_NK,
    function=lambda X, B, C: _tr(_inv(X.T @ C @ X) @ (X.T @ B @ X)),
    claimed=_claim_126,
)

_S127 = (
    r"\frac{\partial}{\partial X}\operatorname{Tr}\left[(A+X^TCX)^{-1}(X^TBX)\right]"
    r" = -2CX(A+X^TCX)^{-1}X^TBX(A+X^TCX)^{-1} + 2BX(A+X^TCX)^{-1}"
)


def _claim_127(A, X, B, C):
    M = _inv(A + X.T @ C @ X)
    return -2 * C @ X @ M @ X.T @ B @ X @ M + 2 * B @ X @ M


def _claim_127_general(A, X, B, C):
    M = _inv(A + X.T @ C @ X)
    Q = X.T @ B @ X
    return -C @ X @ (M @ Q @ M + M.T @ Q @ M.T) + B @ X @ (M + M.T)


def _f127(A, X, B, C):
    return _tr(_inv(A + X.T @ C @ X) @ (X.T @ B @ X))


cookbook_127__trace_inv_shifted = Identity(
    name="cookbook_127__trace_inv_shifted",
    statement=_S127,
    source=_cb("127"),
    conditions="Assume B and C to be symmetric (m x m); A (n x n) general, its symmetry is "
    "not stated; implicit: A + X^T C X invertible (X m x n of full column rank, "
    "C built so that A + X^T C X is strictly diagonally dominant)",
    inputs={
        "A": matrix("n", "n"),
        "X": FULL_COLUMN_RANK,
        "B": SYMMETRIC_M,
        "C": C_SHIFTED_INVERTIBLE,
    },
    wrt="X",
    form="gradient",
    dims=_DIMS_NK,
    function=_f127,
    claimed=_claim_127,
    holds=False,
    counterpart="cookbook_127__trace_inv_shifted__general_A",
    lesson="The printed right-hand side needs A symmetric, which (127) does not state (it "
    "assumes only B and C symmetric). With M = A + X^T C X, the gradient is "
    "-C X (M^-1 X^T B X M^-1 + M^-T X^T B X M^-T) + B X (M^-1 + M^-T); it collapses "
    "to the printed -2 C X M^-1 X^T B X M^-1 + 2 B X M^-1 exactly when M^-1 is "
    "symmetric, i.e. when A = A^T. For n = 1 every A is symmetric, so the smallest "
    "counterexample has n = 2 and a non-symmetric A.",
)

cookbook_127__trace_inv_shifted__symmetric_A = Identity(
    name="cookbook_127__trace_inv_shifted__symmetric_A",
    statement=_S127 + r"\quad (A = A^T)",
    source=_cb("127"),
    conditions="B, C symmetric (m x m) and A symmetric (n x n); implicit: A + X^T C X "
    "invertible (X m x n of full column rank, C built so that A + X^T C X is a "
    "drawn symmetric invertible matrix of either signature)",
    reading="adds the condition A = A^T, which (127) does not state and needs",
    inputs={
        "A": matrix("n", "n", "symmetric"),
        "X": FULL_COLUMN_RANK,
        "B": SYMMETRIC_M,
        "C": derived(
            lambda X, A, a, s, P, Q, R: _symmetric_with_compression(
                X, _blocks(P, Q, R), _dominate(_zero_diag(a), s) - A
            ),
            **_SYM_EXTRA,
        ),
    },
    wrt="X",
    form="gradient",
    dims=_DIMS_NK,
    function=_f127,
    claimed=_claim_127,
)

cookbook_127__trace_inv_shifted__general_A = Identity(
    name="cookbook_127__trace_inv_shifted__general_A",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}\left[M^{-1}(X^TBX)\right]"
    r" = -CX\left(M^{-1}X^TBXM^{-1} + M^{-T}X^TBXM^{-T}\right)"
    r" + BX\left(M^{-1} + M^{-T}\right),\quad M = A + X^TCX",
    source=_cb("127"),
    conditions="B, C symmetric (m x m), A general (n x n); implicit: A + X^T C X "
    "invertible (by construction, as in the as-printed spec)",
    reading="the right-hand side corrected for a non-symmetric A: M^-1 and M^-T kept apart",
    inputs={
        "A": matrix("n", "n"),
        "X": FULL_COLUMN_RANK,
        "B": SYMMETRIC_M,
        "C": C_SHIFTED_INVERTIBLE,
    },
    wrt="X",
    form="gradient",
    dims=_DIMS_NK,
    function=_f127,
    claimed=_claim_127_general,
)

cookbook_128__trace_sin = Identity(
    name="cookbook_128__trace_sin",
    statement=r"\frac{\partial\operatorname{Tr}(\sin(X))}{\partial X} = \cos(X)^T",
    source=_cb("128"),
    conditions="See [7]; sin and cos are matrix functions (power series), not element-wise; "
    "implicit: X square" + UNIT_SCALE_NOTE,
    inputs={"X": UNIT_SCALE},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(matrix_sin(X)),
    claimed=lambda X: matrix_cos(X).T,
)
