"""Wikipedia, "Matrix calculus", section "Identities in differential form": the tables
"Differential identities: scalar involving matrix" (W-DS-1 to W-DS-3) and "Differential
identities: matrix" (W-DM-1 to W-DM-13), in numerator layout.

Each rule is checked as a differential (form="differential"): the claim, with the direction
dX in place of the article's dX, is d/dt f(X + t dX) at t = 0. W-DM-9 (the conjugate
transpose) is pending: it needs complex inputs. In W-DM-11 and W-DM-12 the integrals are
evaluated by quadrature to full double precision (``_gauss_legendre``, ``_DM_12_NODES``); in
W-DM-13 the spectral projectors P_i are those of the drawn eigendecomposition
X = V diag(lambda) V^{-1}.
"""

import torch

from identities.notation import adjugate, det_leibniz, matrix_exp, tr
from identities.spec import Identity, Source, derived, integer, matrix, scalar, vector

DOC = "wikipedia-matrix-calculus"
inv, det, solve = torch.linalg.inv, torch.linalg.det, torch.linalg.solve


def _rule(ref, suffix, tex_left, tex_right, **fields):
    """The spec of the differential rule ``ref``: d(tex_left) = tex_right."""
    return Identity(
        name=f"wiki_{ref[2:].replace('-', '_')}__numerator{suffix}",
        statement=rf"{tex_left} = {tex_right}\quad\text{{(numerator layout)}}",
        source=Source(DOC, ref),
        form="differential",
        **fields,
    )


# -- W-DS -------------------------------------------------------------------------------------

wiki_DS_1__numerator = _rule(
    "W-DS-1",
    "",
    r"d(\operatorname{tr}(\mathbf{X}))",
    r"\operatorname{tr}(d\mathbf{X})",
    conditions="none stated; implicit: X square",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    function=lambda X: tr(X),
    claimed=lambda X, dX: tr(dX),
)

wiki_DS_2__numerator__inverse = _rule(
    "W-DS-2",
    "__inverse",
    r"d(|\mathbf{X}|)",
    r"|\mathbf{X}|\operatorname{tr}\left(\mathbf{X}^{-1}d\mathbf{X}\right)",
    conditions="none stated; implicit: X square and invertible (X^{-1} appears)",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    function=lambda X: det(X),
    claimed=lambda X, dX: det(X) * tr(solve(X, dX)),
)

wiki_DS_2__numerator__adjugate = _rule(
    "W-DS-2",
    "__adjugate",
    r"d(|\mathbf{X}|)",
    r"\operatorname{tr}(\operatorname{adj}(\mathbf{X})d\mathbf{X})",
    conditions="none stated; implicit: X square (singular X included)",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    dims={"n": (1, 4)},
    function=det_leibniz,
    claimed=lambda X, dX: tr(adjugate(X) @ dX),
)

wiki_DS_3__numerator = _rule(
    "W-DS-3",
    "",
    r"d(\ln|\mathbf{X}|)",
    r"\operatorname{tr}\left(\mathbf{X}^{-1}d\mathbf{X}\right)",
    conditions="none stated; implicit: X square with |X| > 0 (the logarithm is defined)",
    inputs={"X": matrix("n", "n", "positive_determinant")},
    wrt="X",
    function=lambda X: torch.log(det(X)),
    claimed=lambda X, dX: tr(solve(X, dX)),
)

# -- W-DM-1 to W-DM-10 ------------------------------------------------------------------------

wiki_DM_1__numerator = _rule(
    "W-DM-1",
    "",
    r"d(\mathbf{A})",
    "0",
    conditions="A is not a function of X",
    inputs={"X": matrix("m", "n"), "A": matrix("p", "q")},
    wrt="X",
    function=lambda X, A: A,
    claimed=lambda X, A, dX: torch.zeros_like(A),
)

wiki_DM_2__numerator = _rule(
    "W-DM-2",
    "",
    r"d(a\mathbf{X})",
    r"a\,d\mathbf{X}",
    conditions="a is not a function of X",
    inputs={"X": matrix("m", "n"), "a": scalar()},
    wrt="X",
    function=lambda X, a: a * X,
    claimed=lambda X, a, dX: a * dX,
)

_BINARY = {
    "3": (
        r"d(\mathbf{X} + \mathbf{Y})",
        r"d\mathbf{X} + d\mathbf{Y}",
        ("m", "n", "m", "n"),
        torch.add,
        "none stated; implicit: X and Y of the same shape",
    ),
    "4": (
        r"d(\mathbf{X}\mathbf{Y})",
        r"(d\mathbf{X})\mathbf{Y} + \mathbf{X}(d\mathbf{Y})",
        ("m", "k", "k", "n"),
        torch.matmul,
        "none stated; implicit: X m x k, Y k x n",
    ),
    "5": (
        r"d(\mathbf{X}\otimes\mathbf{Y})",
        r"(d\mathbf{X})\otimes\mathbf{Y} + \mathbf{X}\otimes(d\mathbf{Y})",
        ("m", "n", "p", "q"),
        torch.kron,
        "Kronecker product; X, Y of any shapes",
    ),
    "6": (
        r"d(\mathbf{X}\circ\mathbf{Y})",
        r"(d\mathbf{X})\circ\mathbf{Y} + \mathbf{X}\circ(d\mathbf{Y})",
        ("m", "n", "m", "n"),
        torch.mul,
        "Hadamard product; implicit: X, Y of the same shape",
    ),
}

wiki_DM_3_to_6 = [
    _rule(
        f"W-DM-{row}",
        "",
        left,
        right,
        conditions=conditions,
        inputs={"X": matrix(a, b), "Y": matrix(c, d)},
        wrt=("X", "Y"),
        function=lambda X, Y, _op=op: _op(X, Y),
        claimed=(lambda X, Y, dX, dY: dX + dY)
        if op is torch.add
        else (lambda X, Y, dX, dY, _op=op: _op(dX, Y) + _op(X, dY)),
    )
    for row, (left, right, (a, b, c, d), op, conditions) in _BINARY.items()
]

wiki_DM_7__numerator = _rule(
    "W-DM-7",
    "",
    r"d\left(\mathbf{X}^\top\right)",
    r"(d\mathbf{X})^\top",
    inputs={"X": matrix("m", "n")},
    wrt="X",
    function=lambda X: X.T,
    claimed=lambda X, dX: dX.T,
)

wiki_DM_8__numerator = _rule(
    "W-DM-8",
    "",
    r"d\left(\mathbf{X}^{-1}\right)",
    r"-\mathbf{X}^{-1}\left(d\mathbf{X}\right)\mathbf{X}^{-1}",
    conditions="none stated; implicit: X square and invertible",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    function=lambda X: inv(X),
    claimed=lambda X, dX: -inv(X) @ dX @ inv(X),
)

_POWER = torch.linalg.matrix_power

wiki_DM_10__numerator = _rule(
    "W-DM-10",
    "",
    r"d\left(\mathbf{X}^n\right)",
    r"\sum_{i=0}^{n-1}\mathbf{X}^i(d\mathbf{X})\mathbf{X}^{n-i-1}",
    conditions="n is a positive integer (here 1 to 5); implicit: X square",
    inputs={"X": matrix("k", "k"), "n": integer(1, 5)},
    wrt="X",
    function=lambda X, n: _POWER(X, n),
    claimed=lambda X, n, dX: sum(_POWER(X, i) @ dX @ _POWER(X, n - i - 1) for i in range(n)),
)


# -- W-DM-11: the exponential, by Gauss-Legendre quadrature on [0, 1] ---------------------------


def _gauss_legendre(count):
    """Nodes and weights of the count-point Gauss-Legendre rule on [0, 1] (Golub-Welsch)."""
    k = torch.arange(1, count, dtype=torch.float64)
    beta = k / torch.sqrt(4 * k * k - 1)
    nodes, vectors = torch.linalg.eigh(torch.diag(beta, 1) + torch.diag(beta, -1))
    return (nodes + 1) / 2, vectors[0] ** 2


#: 48 nodes: the integrand is entire in a, and for |X| up to 16 the rule is exact to rounding.
_A_NODES, _A_WEIGHTS = _gauss_legendre(48)


def _dm_11(X, dX):
    """int_0^1 e^{aX} dX e^{(1-a)X} da."""
    left = torch.linalg.matrix_exp(_A_NODES[:, None, None] * X)
    right = torch.linalg.matrix_exp((1 - _A_NODES)[:, None, None] * X)
    return torch.einsum("k,kij,jl,klm->im", _A_WEIGHTS, left, dX, right)


wiki_DM_11__numerator = _rule(
    "W-DM-11",
    "",
    r"d\left(e^{\mathbf{X}}\right)",
    r"\int_0^1 e^{a\mathbf{X}}(d\mathbf{X})e^{(1-a)\mathbf{X}}\,da",
    conditions="none stated; implicit: X square; e^X the matrix exponential",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    function=matrix_exp,
    claimed=_dm_11,
)


# -- W-DM-12: the logarithm, by the trapezoidal rule in z = e^s ---------------------------------


def _sqrtm(Y, steps=12):
    """The principal square root, by the Denman-Beavers iteration (eigenvalues of Y in the
    open right half-plane)."""
    Z = torch.eye(Y.shape[0], dtype=Y.dtype)
    for _ in range(steps):
        Y, Z = (Y + inv(Z)) / 2, (Z + inv(Y)) / 2
    return Y


def _logm(X, roots=3, terms=16):
    """The principal logarithm, by inverse scaling and squaring: log X = 2^r log(X^(1/2^r)),
    and log Y = 2 artanh(Z), Z = (Y - I)(Y + I)^{-1}, by its series. Few square roots (the
    rounding of log Y is multiplied by 2^r) and more terms: for the X drawn here (eigenvalues
    of modulus at most 14, with a positive real part), the eigenvalues of Z are below 0.25 in
    modulus after three roots, and 16 terms leave 0.25^33 / 33 < 1e-21."""
    Y, eye = X, torch.eye(X.shape[0], dtype=X.dtype)
    for _ in range(roots):
        Y = _sqrtm(Y)
    Z = solve((Y + eye).T, (Y - eye).T).T
    Z2, term, total = Z @ Z, Z, torch.zeros_like(Z)
    for j in range(terms):
        total = total + term / (2 * j + 1)
        term = term @ Z2
    return 2 ** (roots + 1) * total


#: z = e^s, s from -40 to 40 in steps of 1/4: the trapezoidal rule on the real line converges
#: geometrically for an integrand analytic in the strip |Im s| < pi/2 (eigenvalues of X in
#: the open right half-plane); its tails are below e^-40 relative to |X^-1|^2 |dX|.
_DM_12_NODES = torch.exp(torch.arange(-160, 161, dtype=torch.float64) / 4)


def _dm_12(X, dX):
    """int_0^inf (X + zI)^{-1} dX (X + zI)^{-1} dz, as int e^s R(e^s) dX R(e^s) ds."""
    R = inv(X + _DM_12_NODES[:, None, None] * torch.eye(X.shape[0], dtype=X.dtype))
    return torch.einsum("k,kij,jl,klm->im", _DM_12_NODES / 4, R, dX, R)


wiki_DM_12__numerator = _rule(
    "W-DM-12",
    "",
    r"d\left(\log X\right)",
    r"\int_0^\infty(\mathbf{X} + z\,\mathbf{I})^{-1}(d\mathbf{X})(\mathbf{X} + z\,\mathbf{I})"
    r"^{-1}\,dz",
    conditions="none stated; implicit: X square with a principal logarithm (no eigenvalue on "
    "the closed negative real axis); log X the principal matrix logarithm",
    reading="X is drawn strictly diagonally dominant with a positive diagonal, so that every "
    "eigenvalue lies in the open right half-plane (by Gershgorin): a subclass of the "
    "matrices with a principal logarithm, where log X is computed by inverse scaling "
    "and squaring.",
    inputs={"X": matrix("n", "n", "positive_determinant")},
    wrt="X",
    function=_logm,
    claimed=_dm_12,
)


# -- W-DM-13: f(X) for a diagonalizable X, with f = exp -----------------------------------------


def _divided_difference(li, lj):
    """f'(l_i) where l_i = l_j, else (f(l_i) - f(l_j)) / (l_i - l_j), for f = exp; the quotient
    evaluated as e^{l_j} expm1(l_i - l_j) / (l_i - l_j), without cancellation."""
    gap = li - lj
    if gap == 0:
        return torch.exp(li)
    return torch.exp(lj) * torch.expm1(gap) / gap


def _dm_13(V, lam, X, dX):
    """sum_ij P_i dX P_j f[l_i, l_j], P_i = v_i w_i^T (v_i the columns of V, w_i^T the rows
    of V^{-1})."""
    W = inv(V)
    P = [torch.outer(V[:, i], W[i]) for i in range(V.shape[0])]
    return sum(
        P[i] @ dX @ P[j] * _divided_difference(lam[i], lam[j])
        for i in range(len(P))
        for j in range(len(P))
    )


_S_DM_13 = (
    r"\sum_{ij}\mathbf{P}_i(d\mathbf{X})\mathbf{P}_j\begin{cases}f'(\lambda_i) & "
    r"\lambda_i = \lambda_j\\ \frac{f(\lambda_i) - f(\lambda_j)}{\lambda_i - \lambda_j}"
    r" & \lambda_i \neq \lambda_j\end{cases}"
)
_C_DM_13 = (
    "X = sum_i lambda_i P_i is diagonalizable, P_i P_j = delta_ij P_i, f differentiable "
    "at every eigenvalue; here X = V diag(lambda) V^{-1} (V invertible), P_i = v_i "
    "w_i^T, and f = exp (f(X) the matrix exponential)"
)


def _diagonalizable(V, lam):
    return V @ torch.diag(lam) @ inv(V)


wiki_DM_13__numerator = _rule(
    "W-DM-13",
    "",
    r"d\left(f(\mathbf{X})\right)",
    _S_DM_13,
    conditions=_C_DM_13 + "; the eigenvalues lambda are distinct",
    inputs={"V": matrix("n", "n", "invertible"), "lam": vector("n"), "X": derived(_diagonalizable)},
    wrt="X",
    function=lambda V, lam, X: matrix_exp(X),
    claimed=_dm_13,
)


def _repeat_first(mu):
    """mu with its second entry replaced by the first: a repeated eigenvalue."""
    return torch.cat([mu[:1], mu[:1], mu[2:]])


wiki_DM_13__numerator__repeated_eigenvalue = _rule(
    "W-DM-13",
    "__repeated_eigenvalue",
    r"d\left(f(\mathbf{X})\right)",
    _S_DM_13,
    conditions=_C_DM_13 + "; lambda_1 = lambda_2 (a repeated eigenvalue, so the f' case of "
    "the formula is used)",
    inputs={
        "V": matrix("n", "n", "invertible"),
        "lam": derived(_repeat_first, mu=vector("n")),
        "X": derived(_diagonalizable),
    },
    wrt="X",
    dims={"n": (2, 4)},
    function=lambda V, lam, X: matrix_exp(X),
    claimed=_dm_13,
)
