"""Wikipedia, "Matrix calculus": specs that are true as written but meet the limits of the
checker, held out of the catalog run until the engine handles them.

* W-SM-33 (d|X^T A X|/dX for a square invertible X, both layouts and the product form) and
  the corrected W-SM-29 (d|AXB|/dX with A, B square, and B adj(AXB) A for any shapes): with
  a general A (or B), the determinant can nearly vanish by cancellation of products of
  entries near 4, and its rounding is then beyond the finite-difference error model (an
  oracle conflict) or beyond the claim-against-autograd tolerance (inconclusive), as
  README's "Not modelled yet" says. Drawing A and B invertible and well conditioned (as the
  Cookbook's specs of (51) do) would narrow the printed domain ("A is not a function of X";
  any square A, B).

* W-SM-7 with the instance U = X^T A X, g(U) = h(U c): for X, A with entries near 4 the
  generated map's argument is in the hundreds and moves by about 30 per unit of X_ij, so
  the finite-difference estimate changes with the step (reported as a kink). The catalog
  checks W-SM-7 on the gentler instance U = A sin(X).
* W-MS-10, first form A e^{xA}: at x = 2 and A with entries near 4 (norm near 30), the
  rounding of the matrix exponential (scaling and squaring) is beyond the finite-difference
  error model, by a hair (1.65e-10 against a bound of 1.6e-10). The second form e^{xA} A,
  the same function, passes, and may meet the same draw.
* W-SSm-5, tr(g(xA)) for a cubic g: at x = 4 the terms of tr(c3 (xA)^3) are in the
  thousands and cancel to a value of about 25; the finite-difference rounding bound, which
  measures the size of the terms by |df/dx| |x|, is then too small (4.0e-10 against a bound
  of 3.6e-10 under the ci profile).
* W-EX1, line 4: d tr(AXBX^T C) along dX, a polynomial of degree 2; once in a few hundred
  draws the finite-difference error (1.4e-11) exceeds its rounding bound (1.3e-11). The
  other lines, the same function, pass; any of them may meet the same draw.

The specs are kept in the dict ``ENGINE_LIMITS`` (name -> spec), which the catalog loader does
not collect; the entries whose only specs are here are pending in ``identities/wiki.py``.
"""

import torch

from identities.notation import (
    adjugate,
    cubic,
    cubic_prime,
    det_leibniz,
    matrix_exp,
    single_entry,
    tr,
)
from identities.spec import Identity, Source, matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"
inv, det = torch.linalg.inv, torch.linalg.det

_S_SM_29 = r"\frac{\partial |\mathbf{AXB}|}{\partial \mathbf{X}}"
_SM_29 = {
    "source": Source(DOC, "W-SM-29"),
    "conditions": "A, B are not functions of X; implicit: X square and invertible; added: A "
    "and B square (n x n, singular ones included)",
    "reading": "Condition added: A and B square, which the row does not state and needs.",
    "inputs": {"A": matrix("n", "n"), "X": matrix("n", "n", "invertible"), "B": matrix("n", "n")},
    "wrt": "X",
    "dims": {"n": (1, 4)},
    "function": lambda A, X, B: det(A @ X @ B),
}


_SM_29_ADJUGATE = {
    "source": Source(DOC, "W-SM-29"),
    "conditions": "A, B are not functions of X; A m x n, X n x n, B n x m (any m, n; singular "
    "AXB included)",
    "reading": "The result corrected to B adj(AXB) A (numerator layout), its transpose in "
    "denominator layout, for A and B of any shapes: d|M| = tr(adj(M) dM) with "
    "dM = A dX B.",
    "inputs": {"A": matrix("m", "n"), "X": matrix("n", "n"), "B": matrix("n", "m")},
    "wrt": "X",
    "dims": {"m": (1, 4), "n": (1, 4)},
    "function": lambda A, X, B: det_leibniz(A @ X @ B),
}


def _sm_7_quadratic(X, A, c, h):
    """tr(dg/dU dU/dX_ij) for U = X^T A X, g(U) = h(U c), dg/dU by U^T: entry (j, i)."""
    G = torch.outer(h.jacobian(X.T @ A @ X @ c), c).T
    p, q = X.shape
    per_entry = torch.stack(
        [
            torch.stack(
                [
                    torch.trace(
                        G
                        @ (single_entry(p, q, i, j).T @ A @ X + X.T @ A @ single_entry(p, q, i, j))
                    )
                    for j in range(q)
                ]
            )
            for i in range(p)
        ]
    )
    return per_entry.T


_S_SM_33 = (
    r"\frac{\partial \left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|}"
    r"{\partial \mathbf{X}}"
)
_SM_33 = {
    "source": Source(DOC, "W-SM-33"),
    "conditions": "A is not a function of X, X is square and invertible (A n x n, singular "
    "ones included)",
    "inputs": {"X": matrix("n", "n", "invertible"), "A": matrix("n", "n")},
    "wrt": "X",
    "dims": {"n": (1, 4)},
    "function": lambda X, A: det(X.T @ A @ X),
}

ENGINE_LIMITS = {
    spec.name: spec
    for spec in (
        Identity(
            name="wiki_SM_7__numerator__quadratic_U",
            statement=r"\frac{\partial g(\mathbf{U})}{\partial X_{ij}} = \operatorname{tr}\left("
            r"\frac{\partial g(\mathbf{U})}{\partial \mathbf{U}}\frac{\partial \mathbf{U}}"
            r"{\partial X_{ij}}\right)\quad\text{(numerator layout)}",
            source=Source(DOC, "W-SM-7"),
            conditions="U = U(X); here U = X^T A X (A a constant p x p matrix) and g(U) = h(U c) "
            "(h a generated smooth map, c a constant vector); both forms assume "
            "numerator layout for dU/dX_ij (laid out by U)",
            reading="The derivative with respect to each entry X_ij is checked for every (i, j) at "
            "once: the scalars dg/dX_ij as entry (j, i) of a q x p matrix.",
            inputs={
                "X": matrix("p", "q"),
                "A": matrix("p", "p"),
                "c": vector("q"),
                "h": smooth_map("q", None),
            },
            wrt="X",
            function=lambda X, A, c, h: h(X.T @ A @ X @ c),
            claimed=_sm_7_quadratic,
        ),
        Identity(
            name="wiki_SSm_5__both_layouts",
            statement=r"\frac{\partial \operatorname{tr}(\mathbf{g}(x\mathbf{A}))}{\partial x} = "
            r"\operatorname{tr}\left(\mathbf{A}\mathbf{g}'(x\mathbf{A})\right)",
            source=Source(DOC, "W-SSm-5"),
            conditions="A is not a function of x, g(X) any polynomial with scalar coefficients or "
            "matrix power series, g' the corresponding matrix function of the scalar "
            "derivative; here the cubic g(X) = c0 I + c1 X + c2 X^2 + c3 X^3",
            inputs={"x": scalar(), "A": matrix("n", "n"), "c": vector(4)},
            wrt="x",
            function=lambda x, A, c: tr(cubic(x * A, c)),
            claimed=lambda x, A, c: tr(A @ cubic_prime(x * A, c)),
        ),
        Identity(
            name="wiki_MS_10__numerator__A_exp",
            statement=r"\frac{\partial e^{x\mathbf{A}}}{\partial x} = \mathbf{A}e^{x\mathbf{A}}"
            r"\quad\text{(numerator layout)}",
            source=Source(DOC, "W-MS-10"),
            conditions="A is not a function of x",
            inputs={"x": scalar(), "A": matrix("n", "n")},
            wrt="x",
            function=lambda x, A: matrix_exp(x * A),
            claimed=lambda x, A: A @ matrix_exp(x * A),
        ),
        Identity(
            name="wiki_EX1__line_04",
            statement=r"d\operatorname{tr}(\mathbf{AXBX^\top C}) = \operatorname{tr}(\mathbf{CAXB}"
            r"d(\mathbf{X^\top})) + \operatorname{tr}(\mathbf{CA}(d\mathbf{X})"
            r"\mathbf{BX^\top})",
            source=Source(DOC, "W-EX1"),
            conditions="A, B, C constants; implicit: A m x p, X p x q, B q x q, C p x m",
            inputs={
                "A": matrix("m", "p"),
                "X": matrix("p", "q"),
                "B": matrix("q", "q"),
                "C": matrix("p", "m"),
            },
            wrt="X",
            form="differential",
            function=lambda A, X, B, C: tr(A @ X @ B @ X.T @ C),
            claimed=lambda A, X, B, C, dX: tr(C @ A @ X @ B @ dX.T) + tr(C @ A @ dX @ B @ X.T),
        ),
        Identity(
            name="wiki_SM_29__numerator__square_A_B",
            statement=_S_SM_29 + r" = |\mathbf{AXB}|\mathbf{X}^{-1}\quad\text{(numerator layout)}",
            claimed=lambda A, X, B: det(A @ X @ B) * inv(X),
            **_SM_29,
        ),
        Identity(
            name="wiki_SM_29__denominator__square_A_B",
            statement=_S_SM_29 + r" = |\mathbf{AXB}|\left(\mathbf{X}^{-1}\right)^\top"
            r"\quad\text{(denominator layout)}",
            layout="denominator",
            claimed=lambda A, X, B: det(A @ X @ B) * inv(X).T,
            **_SM_29,
        ),
        Identity(
            name="wiki_SM_29__numerator__adjugate",
            statement=_S_SM_29 + r" = \mathbf{B}\operatorname{adj}(\mathbf{AXB})\mathbf{A}"
            r"\quad\text{(numerator layout)}",
            claimed=lambda A, X, B: B @ adjugate(A @ X @ B) @ A,
            **_SM_29_ADJUGATE,
        ),
        Identity(
            name="wiki_SM_29__denominator__adjugate",
            statement=_S_SM_29 + r" = \left(\mathbf{B}\operatorname{adj}(\mathbf{AXB})\mathbf{A}"
            r"\right)^\top\quad\text{(denominator layout)}",
            layout="denominator",
            claimed=lambda A, X, B: (B @ adjugate(A @ X @ B) @ A).T,
            **_SM_29_ADJUGATE,
        ),
        Identity(
            name="wiki_SM_33__numerator",
            statement=_S_SM_33 + r" = 2\left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|"
            r"\mathbf{X}^{-1}\quad\text{(numerator layout)}",
            claimed=lambda X, A: 2 * det(X.T @ A @ X) * inv(X),
            **_SM_33,
        ),
        Identity(
            name="wiki_SM_33__numerator__product",
            statement=_S_SM_33 + r" = 2\left|\mathbf{X^\top}\right||\mathbf{A}||\mathbf{X}|"
            r"\mathbf{X}^{-1}\quad\text{(numerator layout)}",
            claimed=lambda X, A: 2 * det(X.T) * det(A) * det(X) * inv(X),
            **_SM_33,
        ),
        Identity(
            name="wiki_SM_33__denominator",
            statement=_S_SM_33 + r" = 2\left|\mathbf{X^\top}\mathbf{A}\mathbf{X}\right|\left("
            r"\mathbf{X}^{-1}\right)^\top\quad\text{(denominator layout)}",
            layout="denominator",
            claimed=lambda X, A: 2 * det(X.T @ A @ X) * inv(X).T,
            **_SM_33,
        ),
    )
}
