"""Matrix Cookbook (November 15, 2012), section 2.8 "Derivatives of Structured Matrices":
the introduction (133)-(134), 2.8.1 The Chain Rule (135)-(137), 2.8.2 Symmetric (138)-(141),
2.8.3 Diagonal (142) and 2.8.4 Toeplitz (143)-(144).

In section 2.8, df/dA_ij for a structured A is the derivative with respect to the free value
at (i, j), the entries tied to it moving along: d/dt f(A + t S^ij), S^ij = dA/dA_ij (134).
The engine's gradient form on a structured domain ("symmetric", "spd", "diagonal",
"toeplitz", "symmetric_toeplitz") is exactly that. (138) is also read, in separate specs, as
a gradient under the Frobenius inner product on symmetric matrices, where it fails (see
S. Srinivasan and N. Panda, arXiv:1911.06491).

Not testable: (134) defines S^ij, (135) is notation (dg(U)/dX means dg(f(X))/dX).
"""

import torch

from identities.notation import single_entry, structure_matrix
from identities.notation import tr as _tr
from identities.spec import Identity, matrix, smooth_map, vector
from identities.spec import cookbook as _cb


def _unstructured_gradient(B, a, b, A):
    """G = df/dA for f(A) = Tr(BA) + a^T A^2 b, A taken as unstructured."""
    return B.T + torch.outer(a, b) @ A.T + A.T @ torch.outer(a, b)


def _f(B, a, b, A):
    return _tr(B @ A) + a @ A @ A @ b


_F_INPUTS = {"B": matrix("n", "n"), "a": vector("n"), "b": vector("n")}
_F_NOTE = (
    "here f(A) = Tr(BA) + a^T A^2 b, whose unstructured gradient is G = B^T + a b^T A^T + A^T a b^T"
)

# -- (133) --------------------------------------------------------------------------------


def _claim_133_trace(kind):
    def claim(B, a, b, A):
        G = _unstructured_gradient(B, a, b, A)
        n = A.shape[0]
        return torch.stack(
            [
                torch.stack([_tr(G.T @ structure_matrix(kind, i, j, n)) for j in range(n)])
                for i in range(n)
            ]
        )

    return claim


def _claim_133_sum(B, a, b, A):
    G = _unstructured_gradient(B, a, b, A)
    n = A.shape[0]
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            S = structure_matrix("symmetric", i, j, n)  # S[k, q] = dA_kq / dA_ij
            row.append(sum(G[k, q] * S[k, q] for k in range(n) for q in range(n)))
        rows.append(torch.stack(row))
    return torch.stack(rows)


_S133 = (
    r"\frac{df}{dA_{ij}} = \sum_{kl}\frac{\partial f}{\partial A_{kl}}"
    r"\frac{\partial A_{kl}}{\partial A_{ij}}"
    r" = \operatorname{Tr}\left[\left[\frac{\partial f}{\partial A}\right]^T"
    r"\frac{\partial A}{\partial A_{ij}}\right]"
)

cookbook_133__structured_chain_rule__sum__symmetric = Identity(
    name="cookbook_133__structured_chain_rule__sum__symmetric",
    statement=_S133 + r"\quad\text{(double sum; } A = A^T)",
    source=_cb("133"),
    conditions="A has some structure, here symmetric, so dA/dA_ij = S^ij = J^ij + J^ji - "
    "J^ij J^ij; " + _F_NOTE,
    inputs={**_F_INPUTS, "A": matrix("n", "n", "symmetric")},
    wrt="A",
    form="gradient",
    function=_f,
    claimed=_claim_133_sum,
)

cookbook_133__structured_chain_rule__trace__symmetric = Identity(
    name="cookbook_133__structured_chain_rule__trace__symmetric",
    statement=_S133 + r"\quad\text{(trace form; } A = A^T)",
    source=_cb("133"),
    conditions="A has some structure, here symmetric (S^ij = J^ij + J^ji - J^ij J^ij); " + _F_NOTE,
    inputs={**_F_INPUTS, "A": matrix("n", "n", "symmetric")},
    wrt="A",
    form="gradient",
    function=_f,
    claimed=_claim_133_trace("symmetric"),
)

cookbook_133__structured_chain_rule__trace__toeplitz = Identity(
    name="cookbook_133__structured_chain_rule__trace__toeplitz",
    statement=_S133 + r"\quad\text{(trace form; A Toeplitz)}",
    source=_cb("133"),
    conditions="A has some structure, here Toeplitz (S^ij: ones along the diagonal through "
    "(i, j)); " + _F_NOTE,
    inputs={**_F_INPUTS, "A": matrix("n", "n", "toeplitz")},
    wrt="A",
    form="gradient",
    function=_f,
    claimed=_claim_133_trace("toeplitz"),
)

# -- 2.8.1 The chain rule (136)-(137) -----------------------------------------------------


def _claim_136(A, X, B, C, g):
    U = A @ X @ B + C
    dg_dU = g.jacobian(U.reshape(-1)).reshape(U.shape)  # [k, l] = dg / du_kl
    M, N = U.shape
    m, n = X.shape
    out = torch.zeros(m, n)
    for i in range(m):
        for j in range(n):
            # du_kq / dx_ij = A_ki B_jq for U = A X B + C (l in the print)
            out[i, j] = sum(dg_dU[k, q] * A[k, i] * B[j, q] for k in range(M) for q in range(N))
    return out


cookbook_136__chain_rule__double_sum = Identity(
    name="cookbook_136__chain_rule__double_sum",
    statement=r"\frac{\partial g(U)}{\partial x_{ij}} = \sum_{k=1}^{M}\sum_{l=1}^{N}"
    r"\frac{\partial g(U)}{\partial u_{kl}}\frac{\partial u_{kl}}{\partial x_{ij}}",
    source=_cb("136"),
    conditions="U = f(X) is M x N; here U = AXB + C with M = 2, N = 3 (A 2 x m, X m x n, "
    "B n x 3, C 2 x 3) and g: R^(M x N) -> R a generated smooth map of vec(U)",
    inputs={
        "A": matrix(2, "m"),
        "X": matrix("m", "n"),
        "B": matrix("n", 3),
        "C": matrix(2, 3),
        "g": smooth_map(6, None),
    },
    wrt="X",
    form="gradient",
    function=lambda A, X, B, C, g: g((A @ X @ B + C).reshape(-1)),
    claimed=_claim_136,
)


def _row_sum(h, U):
    """g(U) = sum_k h(U_k,:), a smooth scalar function of an M x N matrix U."""
    return sum(h(U[k]) for k in range(U.shape[0]))


def _claim_137(X, A, h):
    U = X @ A @ X
    dg_dU = torch.stack([h.jacobian(U[k]) for k in range(U.shape[0])])
    m, n = X.shape
    out = torch.zeros(m, n)
    for i in range(m):
        for j in range(n):
            Jij = single_entry(m, n, i, j)
            dU = Jij @ A @ X + X @ A @ Jij  # dU / dX_ij for U = X A X
            out[i, j] = _tr(dg_dU.T @ dU)
    return out


cookbook_137__chain_rule__trace = Identity(
    name="cookbook_137__chain_rule__trace",
    statement=r"\frac{\partial g(U)}{\partial X_{ij}} = \operatorname{Tr}\left[\left("
    r"\frac{\partial g(U)}{\partial U}\right)^T\frac{\partial U}{\partial X_{ij}}"
    r"\right]",
    source=_cb("137"),
    conditions="U = f(X); here U = X A X (X m x n, A n x m, so U is m x n) and "
    "g(U) = sum_k h(U_k,:) with h: R^n -> R a generated smooth map (sampling: "
    "X, A entries in (-2, 2); U is cubic in X, and at entries up to 4 a sin layer "
    "of h oscillates within the finite-difference stencil about once in 1000 draws)",
    inputs={
        "X": matrix("m", "n", (-2.0, 2.0)),
        "A": matrix("n", "m", (-2.0, 2.0)),
        "h": smooth_map("n", None),
    },
    wrt="X",
    form="gradient",
    function=lambda X, A, h: _row_sum(h, X @ A @ X),
    claimed=_claim_137,
)

# -- 2.8.2 Symmetric (138)-(141) ----------------------------------------------------------


def _diag(M):
    """diag[M]: the diagonal matrix with M's diagonal (M o I)."""
    return torch.diag(torch.diagonal(M))


def _claim_138(B, a, b, A):
    G = _unstructured_gradient(B, a, b, A)
    return G + G.T - _diag(G)


_S138 = (
    r"\frac{df}{dA} = \left[\frac{\partial f}{\partial A}\right]"
    r" + \left[\frac{\partial f}{\partial A}\right]^T"
    r" - \operatorname{diag}\left[\frac{\partial f}{\partial A}\right]"
)

cookbook_138__symmetric_rule = Identity(
    name="cookbook_138__symmetric_rule",
    statement=_S138,
    source=_cb("138"),
    conditions="If A is symmetric, then S^ij = J^ij + J^ji - J^ij J^ij (df/dA_ij = "
    "d/dt f(A + t S^ij), the derivative with respect to the free entry); " + _F_NOTE,
    inputs={**_F_INPUTS, "A": matrix("n", "n", "symmetric")},
    wrt="A",
    form="gradient",
    function=_f,
    claimed=_claim_138,
)

cookbook_138__symmetric_rule__frobenius_sym_G = Identity(
    name="cookbook_138__symmetric_rule__frobenius_sym_G",
    statement=r"df = \operatorname{Tr}\left(\operatorname{sym}(G)^T dA\right),\quad "
    r"\operatorname{sym}(G) = \tfrac{1}{2}(G + G^T),\ "
    r"G = \frac{\partial f}{\partial A}",
    source=_cb("138"),
    conditions="A symmetric, dA symmetric; " + _F_NOTE,
    reading="reads df/dA in (138) as the gradient on the space of symmetric matrices under "
    "<A, B> = Tr(A^T B); that gradient is sym(G), not the printed G + G^T - diag G",
    inputs={**_F_INPUTS, "A": matrix("n", "n", "symmetric")},
    wrt="A",
    form="differential",
    function=_f,
    claimed=lambda B, a, b, A, dA: _tr(
        ((_unstructured_gradient(B, a, b, A) + _unstructured_gradient(B, a, b, A).T) / 2).T @ dA
    ),
)

cookbook_138__symmetric_rule__frobenius_printed = Identity(
    name="cookbook_138__symmetric_rule__frobenius_printed",
    statement=r"df = \operatorname{Tr}\left(\left(G + G^T - \operatorname{diag}G\right)^T"
    r" dA\right),\quad G = \frac{\partial f}{\partial A}",
    source=_cb("138"),
    conditions="A symmetric, dA symmetric; " + _F_NOTE,
    reading="reads df/dA in (138) as a gradient under the Frobenius inner product "
    "<A, B> = Tr(A^T B) on symmetric matrices, i.e. df = Tr((df/dA)^T dA)",
    inputs={**_F_INPUTS, "A": matrix("n", "n", "symmetric")},
    wrt="A",
    form="differential",
    function=_f,
    claimed=lambda B, a, b, A, dA: _tr(_claim_138(B, a, b, A).T @ dA),
    holds=False,
    counterpart="cookbook_138__symmetric_rule__frobenius_sym_G",
    lesson="G + G^T - diag G is the vector of derivatives with respect to the free entries "
    "A_ij, i <= j (Cookbook 2.8), not a Frobenius gradient. Pairing it with a "
    "symmetric dA by Tr(.^T dA) counts each off-diagonal entry twice (once at (i,j), "
    "once at (j,i)), so the off-diagonal contributions come out doubled: "
    "Tr((G + G^T - diag G)^T dA) = 2 Tr(G^T dA) - Tr(diag(G) dA), while "
    "df = Tr(G^T dA) = Tr(sym(G)^T dA). The Frobenius gradient on symmetric matrices "
    "is sym(G) = (G + G^T)/2 (Srinivasan and Panda, arXiv:1911.06491). The two agree "
    "only for n = 1 or when the off-diagonal part of sym(G) is orthogonal to dA.",
)

cookbook_139__trace_AX_symmetric = Identity(
    name="cookbook_139__trace_AX_symmetric",
    statement=r"\frac{\partial\operatorname{Tr}(AX)}{\partial X} = A + A^T - (A\circ I)",
    source=_cb("139"),
    conditions="X symmetric (structured derivative, as (138)); A general n x n",
    inputs={"A": matrix("n", "n"), "X": matrix("n", "n", "symmetric")},
    wrt="X",
    form="gradient",
    function=lambda A, X: _tr(A @ X),
    claimed=lambda A, X: A + A.T - A * torch.eye(A.shape[0]),
)


def _inv(X):
    return torch.linalg.inv(X)


cookbook_140__det_symmetric = Identity(
    name="cookbook_140__det_symmetric",
    statement=r"\frac{\partial\det(X)}{\partial X} = \det(X)\left(2X^{-1} - (X^{-1}\circ I)"
    r"\right)",
    source=_cb("140"),
    conditions="X symmetric (structured derivative, as (138)); implicit: X invertible "
    "(drawn symmetric and diagonally dominant, det of either sign)",
    inputs={"X": matrix("n", "n", "symmetric_invertible")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.linalg.det(X),
    claimed=lambda X: torch.linalg.det(X) * (2 * _inv(X) - _inv(X) * torch.eye(X.shape[0])),
)

cookbook_141__logdet_symmetric = Identity(
    name="cookbook_141__logdet_symmetric",
    statement=r"\frac{\partial\ln\det(X)}{\partial X} = 2X^{-1} - (X^{-1}\circ I)",
    source=_cb("141"),
    conditions="X symmetric (structured derivative, as (138)); implicit: det X > 0 (real "
    "ln). Drawn symmetric positive definite (a subset of det X > 0)",
    inputs={"X": matrix("n", "n", "spd")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.log(torch.linalg.det(X)),
    claimed=lambda X: 2 * _inv(X) - _inv(X) * torch.eye(X.shape[0]),
)

# -- 2.8.3 Diagonal (142) -----------------------------------------------------------------

cookbook_142__trace_AX_diagonal = Identity(
    name="cookbook_142__trace_AX_diagonal",
    statement=r"\frac{\partial\operatorname{Tr}(AX)}{\partial X} = A\circ I",
    source=_cb("142"),
    conditions="If X is diagonal (only its diagonal entries are free); A general n x n",
    inputs={"A": matrix("n", "n"), "X": matrix("n", "n", "diagonal")},
    wrt="X",
    form="gradient",
    function=lambda A, X: _tr(A @ X),
    claimed=lambda A, X: A * torch.eye(A.shape[0]),
)

# -- 2.8.4 Toeplitz (143)-(144) -----------------------------------------------------------


def _sub(M, i, j):
    """[M]_ij: M with the i-th row and the j-th column deleted (1-based, Cookbook
    notation)."""
    rows = [r for r in range(M.shape[0]) if r != i - 1]
    cols = [c for c in range(M.shape[1]) if c != j - 1]
    return M[rows][:, cols]


def alpha_printed(A):
    """alpha(A) of (143) exactly as printed, for n <= 4.

    alpha(A) is Toeplitz; its first row is Tr(A), Tr([A^T]_n1), Tr([[A^T]_1n]_(n-1,2)),
    ..., A_n1 and its first column Tr(A), Tr([A^T]_1n), Tr([[A^T]_1n]_(2,n-1)), ..., A_1n.
    For n <= 4 every diagonal is named: the corners (offset +-(n-1)) are A_n1 and A_1n
    (for n = 3 they take the place of the offset-2 entries; for n = 2 they agree with the
    offset-1 entries), offsets +-1 and +-2 as listed. For n >= 5 the print leaves the middle
    diagonals as dots, so this helper stops at n = 4.
    """
    n = A.shape[0]
    if n > 4:
        raise ValueError("alpha(A) as printed names every diagonal only for n <= 4")
    At = A.T

    def value(d):
        if d == 0:
            return _tr(A)
        if d == n - 1:
            return A[n - 1, 0]
        if d == -(n - 1):
            return A[0, n - 1]
        if d == 1:
            return _tr(_sub(At, n, 1))
        if d == -1:
            return _tr(_sub(At, 1, n))
        if d == 2:
            return _tr(_sub(_sub(At, 1, n), n - 1, 2))
        return _tr(_sub(_sub(At, 1, n), 2, n - 1))  # d == -2

    return torch.stack([torch.stack([value(j - i) for j in range(n)]) for i in range(n)])


def alpha_diagonal_sums(A):
    """alpha(A) as the text describes it: entry (i, j) is the sum of the diagonal of A^T
    through (i, j), i.e. of (A^T)_pq over q - p = j - i."""
    n = A.shape[0]
    At = A.T
    return torch.stack(
        [torch.stack([torch.diagonal(At, offset=j - i).sum() for j in range(n)]) for i in range(n)]
    )


_S143 = r" = \alpha(A)\ \text{(the matrix printed in (143))}"
_C143 = (
    "T Toeplitz, unconstrained (one free value per diagonal); A general n x n; "
    "[M]_ij = M with row i and column j deleted"
)
_LESSON143 = (
    "The offset-2 entries of alpha(A) are misprinted. With the Cookbook's notation "
    "[M]_ij = M with row i and column j deleted, Tr([[A^T]_1n]_(n-1,2)) and "
    "Tr([[A^T]_1n]_(2,n-1)) are not diagonal sums (for n = 4: A_12 + A_33 and A_12 + A_24), "
    "while dTr(AT)/dt_d = sum over q - p = d of (A^T)_pq (the text: each diagonal of "
    "alpha(A) is the sum of the matching diagonal of A^T). The second superdiagonal of A^T is "
    "Tr([[A^T]_n1]_(n-1,1)) and the second subdiagonal Tr([[A^T]_1n]_(1,n-1)). Offsets 0, "
    "+-1 and the corners A_n1, A_1n are right, so the smallest counterexample has n = 4."
)

cookbook_143__toeplitz_trace_AT = Identity(
    name="cookbook_143__toeplitz_trace_AT",
    statement=r"\frac{\partial\operatorname{Tr}(AT)}{\partial T}" + _S143,
    source=_cb("143"),
    conditions=_C143 + "; n <= 4, where the print names every diagonal of alpha(A)",
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 4)},
    function=lambda A, T: _tr(A @ T),
    claimed=lambda A, T: alpha_printed(A),
    holds=False,
    counterpart="cookbook_143__toeplitz_trace_AT__diagonal_sums",
    lesson=_LESSON143,
)

cookbook_143__toeplitz_trace_TA = Identity(
    name="cookbook_143__toeplitz_trace_TA",
    statement=r"\frac{\partial\operatorname{Tr}(TA)}{\partial T}" + _S143,
    source=_cb("143"),
    conditions=_C143 + "; n <= 4, where the print names every diagonal of alpha(A)",
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 4)},
    function=lambda A, T: _tr(T @ A),
    claimed=lambda A, T: alpha_printed(A),
    holds=False,
    counterpart="cookbook_143__toeplitz_trace_TA__diagonal_sums",
    lesson=_LESSON143,
)

_R143 = (
    "alpha(A) read as the text describes it (each diagonal the sum of the matching "
    "diagonal of A^T), which corrects the printed offset-2 entries to "
    "Tr([[A^T]_n1]_(n-1,1)) and Tr([[A^T]_1n]_(1,n-1))"
)

cookbook_143__toeplitz_trace_AT__diagonal_sums = Identity(
    name="cookbook_143__toeplitz_trace_AT__diagonal_sums",
    statement=r"\frac{\partial\operatorname{Tr}(AT)}{\partial T} = \alpha(A),\quad"
    r"\alpha(A)_{ij} = \sum_{q-p=j-i}(A^T)_{pq}",
    source=_cb("143"),
    conditions=_C143,
    reading=_R143,
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 5)},
    function=lambda A, T: _tr(A @ T),
    claimed=lambda A, T: alpha_diagonal_sums(A),
)

cookbook_143__toeplitz_trace_TA__diagonal_sums = Identity(
    name="cookbook_143__toeplitz_trace_TA__diagonal_sums",
    statement=r"\frac{\partial\operatorname{Tr}(TA)}{\partial T} = \alpha(A),\quad"
    r"\alpha(A)_{ij} = \sum_{q-p=j-i}(A^T)_{pq}",
    source=_cb("143"),
    conditions=_C143,
    reading=_R143,
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 5)},
    function=lambda A, T: _tr(T @ A),
    claimed=lambda A, T: alpha_diagonal_sums(A),
)


def _symmetrized(alpha):
    def claim(A, T):
        a = alpha(A)
        return a + a.T - a * torch.eye(A.shape[0])

    return claim


_S144 = r" = \alpha(A) + \alpha(A)^T - \alpha(A)\circ I"
_C144 = "If the Toeplitz matrix also is symmetric (one free value per |i - j|); A general"
_LESSON144 = (
    "(144) itself is right, but it inherits alpha(A) from (143), whose printed "
    "offset-2 entries are wrong (see cookbook_143__toeplitz_trace_AT): with alpha(A) "
    "as diagonal sums of A^T, alpha + alpha^T - alpha o I gives, for |j - i| = d > 0, "
    "the sum of both d-th off-diagonals of A, which is dTr(AT)/dt_d."
)

cookbook_144__symmetric_toeplitz_trace_AT = Identity(
    name="cookbook_144__symmetric_toeplitz_trace_AT",
    statement=r"\frac{\partial\operatorname{Tr}(AT)}{\partial T}" + _S144,
    source=_cb("144"),
    conditions=_C144 + "; alpha(A) as printed in (143), n <= 4",
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "symmetric_toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 4)},
    function=lambda A, T: _tr(A @ T),
    claimed=_symmetrized(alpha_printed),
    holds=False,
    counterpart="cookbook_144__symmetric_toeplitz_trace_AT__diagonal_sums",
    lesson=_LESSON144,
)

cookbook_144__symmetric_toeplitz_trace_TA = Identity(
    name="cookbook_144__symmetric_toeplitz_trace_TA",
    statement=r"\frac{\partial\operatorname{Tr}(TA)}{\partial T}" + _S144,
    source=_cb("144"),
    conditions=_C144 + "; alpha(A) as printed in (143), n <= 4",
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "symmetric_toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 4)},
    function=lambda A, T: _tr(T @ A),
    claimed=_symmetrized(alpha_printed),
    holds=False,
    counterpart="cookbook_144__symmetric_toeplitz_trace_TA__diagonal_sums",
    lesson=_LESSON144,
)

cookbook_144__symmetric_toeplitz_trace_AT__diagonal_sums = Identity(
    name="cookbook_144__symmetric_toeplitz_trace_AT__diagonal_sums",
    statement=r"\frac{\partial\operatorname{Tr}(AT)}{\partial T}"
    + _S144
    + r",\quad\alpha(A)_{ij} = \sum_{q-p=j-i}(A^T)_{pq}",
    source=_cb("144"),
    conditions=_C144,
    reading=_R143,
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "symmetric_toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 5)},
    function=lambda A, T: _tr(A @ T),
    claimed=_symmetrized(alpha_diagonal_sums),
)

cookbook_144__symmetric_toeplitz_trace_TA__diagonal_sums = Identity(
    name="cookbook_144__symmetric_toeplitz_trace_TA__diagonal_sums",
    statement=r"\frac{\partial\operatorname{Tr}(TA)}{\partial T}"
    + _S144
    + r",\quad\alpha(A)_{ij} = \sum_{q-p=j-i}(A^T)_{pq}",
    source=_cb("144"),
    conditions=_C144,
    reading=_R143,
    inputs={"A": matrix("n", "n"), "T": matrix("n", "n", "symmetric_toeplitz")},
    wrt="T",
    form="gradient",
    dims={"n": (1, 5)},
    function=lambda A, T: _tr(T @ A),
    claimed=_symmetrized(alpha_diagonal_sums),
)
