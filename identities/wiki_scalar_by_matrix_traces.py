"""Wikipedia, "Matrix calculus": the table "Identities: scalar-by-matrix dy/dX", the trace rows
W-SM-17 to W-SM-26.

Each layout cell is its own spec (form="jacobian"): numerator layout, laid out by X^T
(q x p for a p x q X), and denominator layout, shaped like X. Where the expression cell
prints two functions (tr(AX) = tr(XA), ...), each function is its own spec, suffixed by it.
e^X, sin(X), cos(X) are matrix functions (power series), not element-wise.
"""

import torch

from identities.notation import matrix_exp, tr, wikipedia_cells
from identities.spec import integer, matrix

DOC = "wikipedia-matrix-calculus"


def _cos_sin(X):
    """cos(X) and sin(X), the matrix functions, from exp([[0, -X], [X, 0]]) =
    [[cos X, -sin X], [sin X, cos X]] (a real matrix exponential)."""
    n, Z = X.shape[0], torch.zeros_like(X)
    E = matrix_exp(torch.cat([torch.cat([Z, -X], 1), torch.cat([X, Z], 1)]))
    return E[:n, :n], E[n:, :n]


def _two_functions(ref, functions, cells, **common):
    """A row whose expression cell prints two functions: the cells' specs for each."""
    return [
        spec
        for suffix, (tex, function) in functions.items()
        for spec in wikipedia_cells(
            ref, tex, cells, suffix=f"__{suffix}", function=function, **common
        )
    ]


wiki_SM_17 = _two_functions(
    "W-SM-17",
    {
        "AX": (
            r"\frac{\partial \operatorname{tr}(\mathbf{AX})}{\partial \mathbf{X}}",
            lambda X, A: tr(A @ X),
        ),
        "XA": (
            r"\frac{\partial \operatorname{tr}(\mathbf{XA})}{\partial \mathbf{X}}",
            lambda X, A: tr(X @ A),
        ),
    },
    {
        "numerator": (r"\mathbf{A}", lambda X, A: A),
        "denominator": (r"\mathbf{A}^\top", lambda X, A: A.T),
    },
    conditions="A is not a function of X; implicit: A q x p for a p x q X",
    inputs={"X": matrix("p", "q"), "A": matrix("q", "p")},
    wrt="X",
)

wiki_SM_18 = _two_functions(
    "W-SM-18",
    {
        "AXt": (
            r"\frac{\partial \operatorname{tr}(\mathbf{AX^\top})}{\partial \mathbf{X}}",
            lambda X, A: tr(A @ X.T),
        ),
        "XtA": (
            r"\frac{\partial \operatorname{tr}(\mathbf{X^\top A})}{\partial \mathbf{X}}",
            lambda X, A: tr(X.T @ A),
        ),
    },
    {
        "numerator": (r"\mathbf{A}^\top", lambda X, A: A.T),
        "denominator": (r"\mathbf{A}", lambda X, A: A),
    },
    conditions="A is not a function of X; implicit: A p x q for a p x q X",
    inputs={"X": matrix("p", "q"), "A": matrix("p", "q")},
    wrt="X",
)

wiki_SM_19 = wikipedia_cells(
    "W-SM-19",
    r"\frac{\partial \operatorname{tr}(\mathbf{X^\top AX})}{\partial \mathbf{X}}",
    {
        "numerator": (
            r"\mathbf{X}^\top(\mathbf{A} + \mathbf{A}^\top)",
            lambda X, A: X.T @ (A + A.T),
        ),
        "denominator": (r"(\mathbf{A} + \mathbf{A}^\top)\mathbf{X}", lambda X, A: (A + A.T) @ X),
    },
    conditions="A is not a function of X; implicit: A p x p for a p x q X",
    inputs={"X": matrix("p", "q"), "A": matrix("p", "p")},
    wrt="X",
    function=lambda X, A: tr(X.T @ A @ X),
)

wiki_SM_20 = wikipedia_cells(
    "W-SM-20",
    r"\frac{\partial \operatorname{tr}(\mathbf{X^{-1}A})}{\partial \mathbf{X}}",
    {
        "numerator": (
            r"-\mathbf{X}^{-1}\mathbf{A}\mathbf{X}^{-1}",
            lambda X, A: -torch.linalg.inv(X) @ A @ torch.linalg.inv(X),
        ),
        "denominator": (
            r"-(\mathbf{X}^{-1})^\top\mathbf{A}^\top(\mathbf{X}^{-1})^\top",
            lambda X, A: -torch.linalg.inv(X).T @ A.T @ torch.linalg.inv(X).T,
        ),
    },
    conditions="A is not a function of X; implicit: X square and invertible",
    inputs={"X": matrix("n", "n", "invertible"), "A": matrix("n", "n")},
    wrt="X",
    function=lambda X, A: tr(torch.linalg.solve(X, A)),
)

wiki_SM_21 = _two_functions(
    "W-SM-21",
    {
        "AXB": (
            r"\frac{\partial \operatorname{tr}(\mathbf{AXB})}{\partial \mathbf{X}}",
            lambda X, A, B: tr(A @ X @ B),
        ),
        "BAX": (
            r"\frac{\partial \operatorname{tr}(\mathbf{BAX})}{\partial \mathbf{X}}",
            lambda X, A, B: tr(B @ A @ X),
        ),
    },
    {
        "numerator": (r"\mathbf{BA}", lambda X, A, B: B @ A),
        "denominator": (r"\mathbf{A^\top B^\top}", lambda X, A, B: A.T @ B.T),
    },
    conditions="A, B are not functions of X; implicit: A m x p, X p x q, B q x m",
    inputs={"X": matrix("p", "q"), "A": matrix("m", "p"), "B": matrix("q", "m")},
    wrt="X",
)

wiki_SM_22 = wikipedia_cells(
    "W-SM-22",
    r"\frac{\partial \operatorname{tr}(\mathbf{AXBX^\top C})}{\partial \mathbf{X}}",
    {
        "numerator": (
            r"\mathbf{BX^\top CA} + \mathbf{B^\top X^\top A^\top C^\top}",
            lambda X, A, B, C: B @ X.T @ C @ A + B.T @ X.T @ A.T @ C.T,
        ),
        "denominator": (
            r"\mathbf{A^\top C^\top XB^\top} + \mathbf{CAXB}",
            lambda X, A, B, C: A.T @ C.T @ X @ B.T + C @ A @ X @ B,
        ),
    },
    conditions="A, B, C are not functions of X; implicit: A m x p, X p x q, B q x q, C p x m",
    inputs={
        "X": matrix("p", "q"),
        "A": matrix("m", "p"),
        "B": matrix("q", "q"),
        "C": matrix("p", "m"),
    },
    wrt="X",
    function=lambda X, A, B, C: tr(A @ X @ B @ X.T @ C),
)

_POWER = torch.linalg.matrix_power

wiki_SM_23 = wikipedia_cells(
    "W-SM-23",
    r"\frac{\partial \operatorname{tr}(\mathbf{X}^n)}{\partial \mathbf{X}}",
    {
        "numerator": (r"n\mathbf{X}^{n-1}", lambda X, n: n * _POWER(X, n - 1)),
        "denominator": (
            r"n\left(\mathbf{X}^{n-1}\right)^\top",
            lambda X, n: n * _POWER(X, n - 1).T,
        ),
    },
    conditions="n is a positive integer (here 1 to 5); implicit: X square",
    inputs={"X": matrix("k", "k"), "n": integer(1, 5)},
    wrt="X",
    function=lambda X, n: tr(_POWER(X, n)),
)


def _sum_XiAXj(X, A, n, transposed=False):
    """sum_{i=0}^{n-1} X^i A X^{n-i-1}, or the sum of the transposed terms."""
    terms = [_POWER(X, i) @ A @ _POWER(X, n - i - 1) for i in range(n)]
    return sum(t.T if transposed else t for t in terms)


wiki_SM_24 = wikipedia_cells(
    "W-SM-24",
    r"\frac{\partial \operatorname{tr}(\mathbf{A}\mathbf{X}^n)}{\partial \mathbf{X}}",
    {
        "numerator": (r"\sum_{i=0}^{n-1}\mathbf{X}^i\mathbf{A}\mathbf{X}^{n-i-1}", _sum_XiAXj),
        "denominator": (
            r"\sum_{i=0}^{n-1}\left(\mathbf{X}^i\mathbf{A}\mathbf{X}^{n-i-1}"
            r"\right)^\top",
            lambda X, A, n: _sum_XiAXj(X, A, n, transposed=True),
        ),
    },
    conditions="A is not a function of X, n is a positive integer (here 1 to 5); implicit: "
    "X and A square",
    inputs={"X": matrix("k", "k"), "A": matrix("k", "k"), "n": integer(1, 5)},
    wrt="X",
    function=lambda X, A, n: tr(A @ _POWER(X, n)),
)

wiki_SM_25 = wikipedia_cells(
    "W-SM-25",
    r"\frac{\partial \operatorname{tr}(e^{\mathbf{X}})}{\partial \mathbf{X}}",
    {
        "numerator": (r"e^{\mathbf{X}}", matrix_exp),
        "denominator": (r"\left(e^{\mathbf{X}}\right)^\top", lambda X: matrix_exp(X).T),
    },
    conditions="none stated; implicit: X square",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    function=lambda X: tr(matrix_exp(X)),
)

wiki_SM_26 = wikipedia_cells(
    "W-SM-26",
    r"\frac{\partial \operatorname{tr}(\sin(\mathbf{X}))}{\partial \mathbf{X}}",
    {
        "numerator": (r"\cos(\mathbf{X})", lambda X: _cos_sin(X)[0]),
        "denominator": (r"(\cos(\mathbf{X}))^\top", lambda X: _cos_sin(X)[0].T),
    },
    conditions="none stated; implicit: X square; sin and cos are matrix functions",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    function=lambda X: tr(_cos_sin(X)[1]),
)
