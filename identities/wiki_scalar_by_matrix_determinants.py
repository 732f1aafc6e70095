"""Wikipedia, "Matrix calculus": the table "Identities: scalar-by-matrix dy/dX", the
determinant rows W-SM-27 to W-SM-35.

Each layout cell is its own spec (form="jacobian"): numerator layout, laid out by X^T
(q x p for a p x q X), and denominator layout, shaped like X. Where a cell prints two
formulas (W-SM-27, W-SM-33), each is its own spec, suffixed by it. |X| is the determinant.
Where X^{-1} appears, X is drawn invertible (an implicit condition); where only the
determinant or the cofactors appear, X is any square matrix, and the determinant is taken
by the Leibniz formula (``det_leibniz``), a polynomial whose autograd is exact also at singular X.

The specs of W-SM-33 and the corrected specs of W-SM-29 are held in ``wiki_engine_limits``:
true as written, they meet the limits of the checker's rounding model (determinants of
products that nearly vanish by cancellation).
"""

import dataclasses

import torch

from identities.notation import det_leibniz, wikipedia_cells
from identities.spec import derived, integer, matrix, scalar

DOC = "wikipedia-matrix-calculus"
inv, det, pinv = torch.linalg.inv, torch.linalg.det, torch.linalg.pinv


def _cofactor(X):
    """cofactor(X)_ij = (-1)^(i+j) det(X without row i and column j); [1] for 1 x 1 X."""
    n = X.shape[0]
    if n == 1:
        return torch.ones_like(X)
    keep = [[k for k in range(n) if k != r] for r in range(n)]
    return torch.stack(
        [
            torch.stack([(-1) ** (i + j) * det_leibniz(X[keep[i]][:, keep[j]]) for j in range(n)])
            for i in range(n)
        ]
    )


_S_SM_27 = r"\frac{\partial |\mathbf{X}|}{\partial \mathbf{X}}"

wiki_SM_27__cofactor = wikipedia_cells(
    "W-SM-27",
    _S_SM_27,
    {
        "numerator": (r"\operatorname{cofactor}(X)^\top", lambda X: _cofactor(X).T),
        "denominator": (r"\operatorname{cofactor}(X)", _cofactor),
    },
    suffix="__cofactor",
    conditions="none stated; implicit: X square (singular X included)",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    dims={"n": (1, 4)},
    function=det_leibniz,
)

wiki_SM_27__inverse = wikipedia_cells(
    "W-SM-27",
    _S_SM_27,
    {
        "numerator": (r"|\mathbf{X}|\mathbf{X}^{-1}", lambda X: det(X) * inv(X)),
        "denominator": (
            r"|\mathbf{X}|\left(\mathbf{X}^{-1}\right)^\top",
            lambda X: det(X) * inv(X).T,
        ),
    },
    suffix="__inverse",
    conditions="none stated; implicit: X square and invertible (X^{-1} appears)",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    function=lambda X: det(X),
)


def _det_aX_positive(a, G):
    """G, with its first row negated where det(a G) < 0: det(a X) > 0 (every such X is
    reached, from G = X)."""
    s = torch.sign(det(a * G))
    return torch.cat([s * G[:1], G[1:]])


wiki_SM_28 = wikipedia_cells(
    "W-SM-28",
    r"\frac{\partial \ln |a\mathbf{X}|}{\partial \mathbf{X}}",
    {
        "numerator": (r"\mathbf{X}^{-1}", lambda a, X: inv(X)),
        "denominator": (r"\left(\mathbf{X}^{-1}\right)^\top", lambda a, X: inv(X).T),
    },
    conditions="a is not a function of X; implicit: X square, invertible, with det(a X) > 0 "
    "(the logarithm is defined), so a != 0; a of either sign",
    inputs={
        "a": scalar("nonzero"),
        "X": derived(_det_aX_positive, G=matrix("n", "n", "invertible")),
    },
    wrt="X",
    function=lambda a, X: torch.log(det(a * X)),
)

# -- W-SM-29: false as printed (A, B rectangular). Corrected: for a row A and a column B here;
# for square A, B and by the adjugate for any shapes in wiki_engine_limits (the checker's
# rounding model does not cover them yet) ------------------------------------------------

_S_SM_29 = r"\frac{\partial |\mathbf{AXB}|}{\partial \mathbf{X}}"
_CELLS_SM_29 = {
    "numerator": (
        r"|\mathbf{AXB}|\mathbf{X}^{-1}",
        lambda A, X, B: det_leibniz(A @ X @ B) * inv(X),
    ),
    "denominator": (
        r"|\mathbf{AXB}|\left(\mathbf{X}^{-1}\right)^\top",
        lambda A, X, B: det_leibniz(A @ X @ B) * inv(X).T,
    ),
}
_LESSON_SM_29 = (
    "The printed result needs A and B square, which the row does not state (only that A and "
    "B are not functions of X). With X n x n invertible, |AXB| is defined for any A m x n and "
    "B n x m, and d|AXB| = |AXB| tr((AXB)^{-1} A dX B) = tr(|AXB| B (AXB)^{-1} A dX): the "
    "derivative is |AXB| B (AXB)^{-1} A in numerator layout (its transpose in denominator "
    "layout; B adj(AXB) A when AXB is singular). Only for square A and B does B (AXB)^{-1} A "
    "collapse to X^{-1}. For m < n, B (AXB)^{-1} A has rank m < n while X^{-1} has rank n, "
    "so the two differ wherever |AXB| != 0; for m = 1, |AXB| = a^T X b and the derivative is "
    "the rank-one b a^T, not (a^T X b) X^{-1}. Corrected: wiki_SM_29__numerator__row_column and "
    "__denominator__row_column (m = 1), and, held with the engine's limits, "
    "__square_A_B (A, B square) and __adjugate (B adj(AXB) A, any shapes)."
)

wiki_SM_29 = [
    dataclasses.replace(
        spec, holds=False, lesson=_LESSON_SM_29, counterpart=spec.name + "__row_column"
    )
    for spec in wikipedia_cells(
        "W-SM-29",
        _S_SM_29,
        _CELLS_SM_29,
        conditions="A, B are not functions of X; implicit: X square and invertible (X^{-1} "
        "appears), A m x n and B n x m so that AXB is square",
        inputs={"A": matrix("m", "n"), "X": matrix("n", "n", "invertible"), "B": matrix("n", "m")},
        wrt="X",
        dims={"m": (1, 4), "n": (1, 4)},
        function=lambda A, X, B: det_leibniz(A @ X @ B),
    )
]

_ROW_COLUMN = {
    "conditions": "A, B are not functions of X; here A = a^T a 1 x n row and B = b an n x 1 "
    "column, so that |AXB| = a^T X b (X any n x n matrix)",
    "reading": "Corrected result B adj(AXB) A in place of the printed |AXB| X^{-1}, checked "
    "for a row A and a column B (m = 1, the shapes of the smallest counterexample), "
    "where adj of the 1 x 1 AXB is [1] and the derivative is b a^T: the general "
    "shapes are held in wiki_engine_limits.",
    "inputs": {"A": matrix(1, "n"), "X": matrix("n", "n"), "B": matrix("n", 1)},
    "wrt": "X",
    "function": lambda A, X, B: det_leibniz(A @ X @ B),
}

wiki_SM_29__row_column = wikipedia_cells(
    "W-SM-29",
    _S_SM_29,
    {
        "numerator": (
            r"\mathbf{B}\operatorname{adj}(\mathbf{AXB})\mathbf{A}",
            lambda A, X, B: B @ A,
        ),
        "denominator": (
            r"\left(\mathbf{B}\operatorname{adj}(\mathbf{AXB})\mathbf{A}\right)^\top",
            lambda A, X, B: (B @ A).T,
        ),
    },
    suffix="__row_column",
    **_ROW_COLUMN,
)

# -- W-SM-30 to W-SM-32 -----------------------------------------------------------------------

_POWER = torch.linalg.matrix_power

wiki_SM_30 = wikipedia_cells(
    "W-SM-30",
    r"\frac{\partial \left|\mathbf{X}^n\right|}{\partial \mathbf{X}}",
    {
        "numerator": (
            r"n\left|\mathbf{X}^n\right|\mathbf{X}^{-1}",
            lambda X, n: n * det(_POWER(X, n)) * inv(X),
        ),
        "denominator": (
            r"n\left|\mathbf{X}^n\right|\left(\mathbf{X}^{-1}\right)^\top",
            lambda X, n: n * det(_POWER(X, n)) * inv(X).T,
        ),
    },
    conditions="n is a positive integer (here 1 to 4); implicit: X square and invertible",
    inputs={"X": matrix("k", "k", "invertible"), "n": integer(1, 4)},
    wrt="X",
    function=lambda X, n: det(_POWER(X, n)),
)

#: Full-column-rank p x q matrices, p = q + k >= q: an invertible q x q block on top.
_FULL_COLUMN_RANK = derived(
    lambda D, B: torch.cat([D, B]), D=matrix("q", "q", "invertible"), B=matrix("k", "q")
)
_C_PINV = (
    "see pseudo-inverse; implicit: X (p x q) of full column rank, so that X^T X is "
    "invertible and ln|X^T X| is defined (here X = [D; B] with D q x q invertible, "
    "p = q + k, k = 0 to 3)"
)

wiki_SM_31 = wikipedia_cells(
    "W-SM-31",
    r"\frac{\partial \ln\left|\mathbf{X}^\top\mathbf{X}\right|}{\partial \mathbf{X}}",
    {
        "numerator": (r"2\mathbf{X}^+", lambda X: 2 * pinv(X)),
        "denominator": (r"2\left(\mathbf{X}^+\right)^\top", lambda X: 2 * pinv(X).T),
    },
    conditions=_C_PINV,
    inputs={"X": _FULL_COLUMN_RANK},
    wrt="X",
    dims={"k": (0, 3)},
    function=lambda X: torch.logdet(X.T @ X),
)

wiki_SM_32 = wikipedia_cells(
    "W-SM-32",
    r"\frac{\partial \ln\left|\mathbf{X}^\top\mathbf{X}\right|}"
    r"{\partial \mathbf{X}^+}",
    {
        "numerator": (r"-2\mathbf{X}", lambda P: -2 * pinv(P)),
        "denominator": (r"-2\mathbf{X}^\top", lambda P: -2 * pinv(P).T),
    },
    conditions=_C_PINV + "; the derivative is with respect to the entries of P = X^+ "
    "(q x p, full row rank), X = P^+: by P^T (p x q) in numerator "
    "layout, like P in denominator layout",
    inputs={
        "P": derived(
            lambda D, B: torch.cat([D, B]).T, D=matrix("q", "q", "invertible"), B=matrix("k", "q")
        )
    },
    wrt="P",
    dims={"k": (0, 3)},
    function=lambda P: torch.logdet(pinv(P).T @ pinv(P)),
)

# -- W-SM-34, W-SM-35: |X^T A X| for a non-square X (W-SM-33 is held in wiki_engine_limits) ---

_S_XtAX = r"\frac{\partial \left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|}{\partial \mathbf{X}}"


def _through(X, S, M):
    """A with X^T A X = M for a full-column-rank X: A = S' + X^{+T} (M - X^T S' X) X^+, with S
    scaled down to S' (if need be) so that |X|^T |S'| |X| <= max |M| entry-wise, which keeps
    the sums in X^T A X free of cancellation of much larger terms. Symmetric for symmetric
    S and M; every A without such cancellation is reached (from S = A)."""
    bulk = (X.abs().T @ S.abs() @ X.abs()).max().clamp(min=1e-12)
    S = S * (M.abs().max() / bulk).clamp(max=1.0)
    P = pinv(X)
    return S + P.T @ (M - X.T @ S @ X) @ P


def _blocks(S11, S12, S21, S22):
    return torch.cat([torch.cat([S11, S12], 1), torch.cat([S21, S22], 1)])


_TALL = derived(
    lambda D, B: torch.cat([D, B]), D=matrix("q", "q", "invertible"), B=matrix("k", "q")
)
_A_SYMMETRIC = derived(
    lambda X, S11, S12, S22, M: _through(X, _blocks(S11 + S11.T, S12, S12.T, S22 + S22.T), M),
    S11=matrix("q", "q"),
    S12=matrix("q", "k"),
    S22=matrix("k", "k"),
    M=matrix("q", "q", "symmetric_invertible"),
)
_A_GENERAL = derived(
    lambda X, S11, S12, S21, S22, M: _through(X, _blocks(S11, S12, S21, S22), M),
    S11=matrix("q", "q"),
    S12=matrix("q", "k"),
    S21=matrix("k", "q"),
    S22=matrix("k", "k"),
    M=matrix("q", "q", "invertible"),
)
_C_NONSQUARE = (
    "A is not a function of X, X is non-square; implicit: X^T A X invertible "
    "(its inverse appears), so X (p x q) is tall, p = q + k > q, of full column "
    "rank (here X = [D; B], D q x q invertible; A drawn through an invertible "
    "M = X^T A X)"
)


def _xtax(X, A):
    return X.T @ A @ X


wiki_SM_34 = wikipedia_cells(
    "W-SM-34",
    _S_XtAX,
    {
        "numerator": (
            r"2\left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|\left(\mathbf{X^\top "
            r"A^\top X}\right)^{-1}\mathbf{X^\top A^\top}",
            lambda X, A: 2 * det(_xtax(X, A)) * inv(_xtax(X, A.T)) @ X.T @ A.T,
        ),
        "denominator": (
            r"2\left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|\mathbf{AX}"
            r"\left(\mathbf{X^\top AX}\right)^{-1}",
            lambda X, A: 2 * det(_xtax(X, A)) * A @ X @ inv(_xtax(X, A)),
        ),
    },
    conditions=_C_NONSQUARE + ", A is symmetric",
    inputs={"X": _TALL, "A": _A_SYMMETRIC},
    wrt="X",
    dims={"k": (1, 3)},
    function=lambda X, A: det(_xtax(X, A)),
)

wiki_SM_35 = wikipedia_cells(
    "W-SM-35",
    _S_XtAX,
    {
        "numerator": (
            r"\left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|\left(\left(\mathbf{X^\top"
            r" AX}\right)^{-1}\mathbf{X^\top A} + \left(\mathbf{X^\top A^\top X}"
            r"\right)^{-1}\mathbf{X^\top A^\top}\right)",
            lambda X, A: (
                det(_xtax(X, A)) * (inv(_xtax(X, A)) @ X.T @ A + inv(_xtax(X, A.T)) @ X.T @ A.T)
            ),
        ),
        "denominator": (
            r"\left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|\left(\mathbf{AX}"
            r"\left(\mathbf{X^\top AX}\right)^{-1} + \mathbf{A^\top X}"
            r"\left(\mathbf{X^\top A^\top X}\right)^{-1}\right)",
            lambda X, A: (
                det(_xtax(X, A)) * (A @ X @ inv(_xtax(X, A)) + A.T @ X @ inv(_xtax(X, A.T)))
            ),
        ),
    },
    conditions=_C_NONSQUARE + ", A is non-symmetric (a general A: its entries are distinct)",
    inputs={"X": _TALL, "A": _A_GENERAL},
    wrt="X",
    dims={"k": (1, 3)},
    function=lambda X, A: det(_xtax(X, A)),
)
