"""Shorthand the catalog's topics share, in the sources' notation: J^ij and Jacobians
built entry by entry, tr, the adjugate and the Leibniz determinant, the matrix functions
(exp, sin, cos of a matrix), the curves Y(x) of the Cookbook's determinant section, and the
sampling choices several topics make. It defines no spec: topics import it and
``identities.spec``, never each other."""

import itertools
from collections.abc import Callable

import torch

from identities.spec import Identity, Source, derived, matrix, scalar


def tr(M):
    return torch.diagonal(M, dim1=-2, dim2=-1).sum(-1)


def single_entry(rows: int, cols: int, i: int, j: int) -> torch.Tensor:
    """J^{ij}: the rows x cols matrix with a one at (i, j) and zeros elsewhere."""
    J = torch.zeros(rows, cols)
    J[i, j] = 1.0
    return J


def by_entry(rows: int, cols: int, per_entry: Callable[[int, int], torch.Tensor]) -> torch.Tensor:
    """The tensor T[..., i, j] = per_entry(i, j) for an input of shape (rows, cols):
    the numerator-layout Jacobian from its partials with respect to each entry."""
    stacked = torch.stack(
        [torch.stack([per_entry(i, j) for j in range(cols)]) for i in range(rows)]
    )  # [i, j, ...]
    return stacked.movedim((0, 1), (-2, -1))


def adjugate(X: torch.Tensor) -> torch.Tensor:
    """adj(X)_ij = (-1)^(i+j) det(X without row j and column i); the adjugate of a 1 x 1
    matrix is [1]. Cofactors, no inverse: defined for singular X too."""
    n = X.shape[-1]
    if n == 1:
        return torch.ones_like(X)
    keep = [[k for k in range(n) if k != r] for r in range(n)]
    return torch.stack(
        [
            torch.stack(
                [(-1) ** (i + j) * torch.linalg.det(X[keep[j]][:, keep[i]]) for j in range(n)]
            )
            for i in range(n)
        ]
    )


def det_leibniz(X: torch.Tensor) -> torch.Tensor:
    """det X = sum over permutations s of sign(s) prod_i X[i, s(i)] (n! <= 24 terms here).

    Used where torch.linalg.det's autograd is wrong (torch 2.13): at an exactly singular X
    its eager backward returns 0 instead of the adjugate (X = [[-1, -4], [1, 4]]); near the
    underflow threshold it returns inf; and jacrev(jacrev(det)) is nan where X has repeated
    singular values. A polynomial in the entries, its autograd is exact to every order.
    """
    n = X.shape[-1]
    rows = torch.arange(n)
    total = torch.zeros((), dtype=X.dtype)
    for perm in itertools.permutations(range(n)):
        inversions = sum(perm[a] > perm[b] for a in range(n) for b in range(a + 1, n))
        total = total + (-1) ** inversions * X[rows, list(perm)].prod()
    return total


def quarter_rows(G: torch.Tensor) -> torch.Tensor:
    """G scaled so that every row of |entries| sums to at most 1/4 (G = 0 stays 0)."""
    return G / (4 * G.shape[-1] * G.abs().max().clamp(min=1.0))


#: The inputs of the curve Y(x) = Y0 + sin(x) Y1 + cos(x) Y2 (see the module docstring).
CURVE = {
    "x": scalar(),
    "Y0": matrix("n", "n", "invertible"),
    "Y1": derived(quarter_rows, G=matrix("n", "n")),
    "Y2": derived(quarter_rows, G=matrix("n", "n")),
}


def curve(x, Y0, Y1, Y2):
    """Y(x)."""
    return Y0 + torch.sin(x) * Y1 + torch.cos(x) * Y2


def curve_dx(x, Y0, Y1, Y2):
    """dY/dx in closed form."""
    return torch.cos(x) * Y1 - torch.sin(x) * Y2


def curve_dx2(x, Y0, Y1, Y2):
    """d^2Y/dx^2 in closed form."""
    return -torch.sin(x) * Y1 - torch.cos(x) * Y2


CURVE_CONDITIONS = (
    "x scalar; implicit: Y(x) square and invertible (here Y(x) = Y0 + sin(x) Y1 "
    "+ cos(x) Y2, strictly diagonally dominant for every x)"
)


def matrix_exp(X):
    """The matrix exponential, by torch.linalg.matrix_exp on a batch of two copies.

    torch.linalg.matrix_exp of a single matrix picks a degree-8 Taylor approximant for norms
    of a few hundredths, and that approximant has a wrong coefficient (pytorch/pytorch#196592):
    relative errors up to 2e-10 in float64 (exp of [[0.049, 0], [0, 0]]), far beyond the
    claim-versus-autograd tolerance. The batched path uses the degree-18 approximant with
    scaling and squaring throughout (errors ~3e-15), in the forward and the backward pass.
    """
    return torch.linalg.matrix_exp(torch.stack([X, X]))[0]


def cubic(M, c):
    """g(M) = c0 I + c1 M + c2 M^2 + c3 M^3, a matrix polynomial (a matrix function)."""
    return c[0] * torch.eye(M.shape[0]) + c[1] * M + c[2] * M @ M + c[3] * M @ M @ M


def cubic_prime(M, c):
    """g'(M) = c1 I + 2 c2 M + 3 c3 M^2, the derivative of the polynomial ``cubic``."""
    return c[1] * torch.eye(M.shape[0]) + 2 * c[2] * M + 3 * c[3] * M @ M


def _exp_i(X):
    """exp(iX) for a real square X: its real part is cos(X), its imaginary part sin(X)
    (matrix functions, by the power series); autograd goes through it."""
    return matrix_exp(1j * X.to(torch.complex128))


def matrix_sin(X):
    """The matrix sine sin(X) = X - X^3/3! + ... (not element-wise)."""
    return _exp_i(X).imag


def matrix_cos(X):
    """The matrix cosine cos(X) = I - X^2/2! + ... (not element-wise)."""
    return _exp_i(X).real


#: X for the matrix functions: entries in (-2, 2). A sampling choice, not a condition (the
#: formulas hold for every X): exp(X), sin(X), cos(X) grow like e^|X|, and their rounding,
#: relative to those entries, swamps the finite-difference error model (relative to the
#: trace) for entries up to 4 (about 1.5% of 4 x 4 draws end in an oracle conflict).
MODERATE = (-2.0, 2.0)


UNIT_SCALE = matrix("n", "n", MODERATE)


UNIT_SCALE_NOTE = " (sampling: entries of X in (-2, 2), to keep e^|X| rounding in check)"


#: Note for the trace products of five or more factors, (116), (118), (123), drawn with entries
#: in (-2, 2). A sampling choice, not a condition: at entries up to 4 the terms of the trace
#: reach 10^3 - 10^5 while the trace itself can be small by cancellation, and their rounding
#: then exceeds the finite-difference error model (relative to the trace) in 1 to 5 draws in
#: 10,000 (oracle conflicts; the worst case is a trace that vanishes identically, as for a
#: skew C in (116) or C A = 0 in (118)); in (-2, 2), none in 20,000.
MODERATE_NOTE = " (sampling: entries in (-2, 2), to keep cancellation in the trace in check)"


def by_entries(rows: int, cols: int, entry) -> torch.Tensor:
    """The rows x cols matrix [entry(i, j)] (indices from 0)."""
    return torch.stack([torch.stack([entry(i, j) for j in range(cols)]) for i in range(rows)])


def vector_by_entries(size: int, entry) -> torch.Tensor:
    """The vector [entry(i)], i < size (indices from 0)."""
    return torch.stack([entry(i) for i in range(size)])


def matvec_by_entries(A, x):
    """z_i = sum_{k=1}^n a_ik x_k, i = 1..m."""
    return vector_by_entries(A.shape[0], lambda i: sum(A[i, k] * x[k] for k in range(A.shape[1])))


def structure_matrix(kind: str, i: int, j: int, n: int) -> torch.Tensor:
    """S^ij = dA/dA_ij (134) for an n x n matrix with structure ``kind``.

    * "symmetric": S^ij = J^ij + J^ji - J^ij J^ij (Cookbook, 2.8.2);
    * "toeplitz": ones on the whole diagonal through (i, j) (A_pq = t_(q-p)).
    """
    if kind == "symmetric":
        Jij, Jji = single_entry(n, n, i, j), single_entry(n, n, j, i)
        return Jij + Jji - Jij @ Jij
    if kind == "toeplitz":
        return torch.diag_embed(torch.ones(n - abs(j - i)), offset=j - i)
    raise ValueError(kind)


def away_and_at_kink(
    document: str,
    ref: str,
    name: str,
    statement: str,
    wrt: str,
    function: Callable,
    claimed: Callable,
    *,
    away: dict,
    away_text: str,
    kink: dict,
    kink_text: str,
) -> list[Identity]:
    """A piecewise rule of the ReLU (Parr and Howard's max(0, z) with max'(0) := 0) as two
    specs: ``ph_<ref>__<name>`` on inputs kept away from the kink, and ``...__at_kink`` at
    it, where only torch.relu's convention (0) is checked."""
    stem = f"ph_{ref[3:].replace('.', '_')}__{name}"
    common = dict(
        statement=statement,
        source=Source(document, ref),
        wrt=wrt,
        function=function,
        claimed=claimed,
    )
    return [
        Identity(name=stem, conditions=away_text, inputs=away, **common),
        Identity(
            name=f"{stem}__at_kink",
            conditions=kink_text,
            inputs=kink,
            at_kink=True,
            **{**common, "statement": statement + r"\quad\text{at the kink (torch.relu)}"},
        ),
    ]


WIKIPEDIA = "wikipedia-matrix-calculus"


def wikipedia_cells(ref, expression, cells, suffix="", **common):
    """The specs of one row ``ref`` of Wikipedia's identity tables, one per layout cell:
    ``cells`` maps a layout to (the cell's TeX, its claim). Named
    ``wiki_<table>_<row>__<layout><suffix>``, each checked in its own layout."""
    stem = "wiki_" + ref[2:].replace("-", "_")
    return [
        Identity(
            name=f"{stem}__{layout}{suffix}",
            layout=layout,
            claimed=claimed,
            statement=rf"{expression} = {tex}\quad\text{{({layout} layout)}}",
            source=Source(WIKIPEDIA, ref),
            **common,
        )
        for layout, (tex, claimed) in cells.items()
    ]
