"""Wikipedia, "Matrix calculus": the table "Identities: scalar-by-matrix dy/dX", rows W-SM-1 to
W-SM-16 (the rules for sums, products and chains, the bilinear and quadratic forms, and the
first trace rows). Rows W-SM-17 to W-SM-26 are in ``wiki_scalar_by_matrix_traces``, W-SM-27
to W-SM-35 in ``wiki_scalar_by_matrix_determinants``.

Each layout cell is its own spec (form="jacobian"): numerator layout, laid out by X^T
(q x p for a p x q X), and denominator layout, shaped like X (p x q). A merged cell is
checked in both layouts, its derivatives read in the layout of the column.

Generic scalar functions of X: u(X) = g(X w) and v(X) = h(X^T z), with g, h generated smooth
maps and w, z constant vectors; their derivatives, shaped like X, are g'(X w) w^T and
z h'(X^T z)^T in closed form (``_du``, ``_dv``), transposed for the numerator layout.
"""

import torch

from identities.notation import cubic, cubic_prime, matrix_exp, single_entry, tr, wikipedia_cells
from identities.spec import Identity, Source, matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"
BOTH = ("numerator", "denominator")


def _lay(layout, G):
    """A scalar-by-matrix derivative G, given shaped like X, in ``layout`` (by X^T in the
    numerator layout)."""
    return G.T if layout == "numerator" else G


def _du(X, w, g):
    """d g(X w) / dX, shaped like X."""
    return torch.outer(g.jacobian(X @ w), w)


def _dv(X, z, h):
    """d h(X^T z) / dX, shaped like X."""
    return torch.outer(z, h.jacobian(X.T @ z))


_U = {"X": matrix("p", "q"), "w": vector("q"), "g": smooth_map("p", None)}
_UV = {**_U, "z": vector("p"), "h": smooth_map("q", None)}
_C_U = "here u(X) = g(X w), g a generated smooth map, w a constant vector"
_C_UV = _C_U + "; v(X) = h(X^T z), h a generated smooth map, z a constant vector"

wiki_SM_1 = wikipedia_cells(
    "W-SM-1",
    r"\frac{\partial a}{\partial \mathbf{X}}",
    {
        layout: (
            r"\mathbf{0}^\top" if layout == "numerator" else r"\mathbf{0}",
            lambda X, a, _l=layout: _lay(_l, torch.zeros_like(X)),
        )
        for layout in BOTH
    },
    conditions="a is not a function of X; 0 is the zero matrix shaped like X",
    inputs={"X": matrix("p", "q"), "a": scalar()},
    wrt="X",
    function=lambda X, a: a,
)

wiki_SM_2 = wikipedia_cells(
    "W-SM-2",
    r"\frac{\partial au}{\partial \mathbf{X}}",
    {
        layout: (
            r"a\frac{\partial u}{\partial \mathbf{X}}",
            lambda X, w, g, a, _l=layout: a * _lay(_l, _du(X, w, g)),
        )
        for layout in BOTH
    },
    conditions="a is not a function of X, u = u(X); " + _C_U,
    inputs={**_U, "a": scalar()},
    wrt="X",
    function=lambda X, w, g, a: a * g(X @ w),
)

wiki_SM_3 = wikipedia_cells(
    "W-SM-3",
    r"\frac{\partial (u + v)}{\partial \mathbf{X}}",
    {
        layout: (
            r"\frac{\partial u}{\partial \mathbf{X}} + \frac{\partial v}{\partial \mathbf{X}}",
            lambda X, w, g, z, h, _l=layout: _lay(_l, _du(X, w, g) + _dv(X, z, h)),
        )
        for layout in BOTH
    },
    conditions="u = u(X), v = v(X); " + _C_UV,
    inputs=_UV,
    wrt="X",
    function=lambda X, w, g, z, h: g(X @ w) + h(X.T @ z),
)

wiki_SM_4 = wikipedia_cells(
    "W-SM-4",
    r"\frac{\partial uv}{\partial \mathbf{X}}",
    {
        layout: (
            r"u\frac{\partial v}{\partial \mathbf{X}} + v\frac{\partial u}{\partial \mathbf{X}}",
            lambda X, w, g, z, h, _l=layout: _lay(
                _l, g(X @ w) * _dv(X, z, h) + h(X.T @ z) * _du(X, w, g)
            ),
        )
        for layout in BOTH
    },
    conditions="u = u(X), v = v(X); " + _C_UV,
    inputs=_UV,
    wrt="X",
    function=lambda X, w, g, z, h: g(X @ w) * h(X.T @ z),
)

wiki_SM_5 = wikipedia_cells(
    "W-SM-5",
    r"\frac{\partial g(u)}{\partial \mathbf{X}}",
    {
        layout: (
            r"\frac{\partial g(u)}{\partial u}\frac{\partial u}{\partial \mathbf{X}}",
            lambda X, w, g, s, _l=layout: s.jacobian(g(X @ w)) * _lay(_l, _du(X, w, g)),
        )
        for layout in BOTH
    },
    conditions="u = u(X); " + _C_U + "; the outer function (g of the table) is a generated "
    "smooth map s: R -> R",
    inputs={**_U, "s": smooth_map(None, None)},
    wrt="X",
    function=lambda X, w, g, s: s(g(X @ w)),
)

wiki_SM_6 = wikipedia_cells(
    "W-SM-6",
    r"\frac{\partial f(g(u))}{\partial \mathbf{X}}",
    {
        layout: (
            r"\frac{\partial f(g)}{\partial g}\frac{\partial g(u)}{\partial u}"
            r"\frac{\partial u}{\partial \mathbf{X}}",
            lambda X, w, g, s, f, _l=layout: (
                f.jacobian(s(g(X @ w))) * s.jacobian(g(X @ w)) * _lay(_l, _du(X, w, g))
            ),
        )
        for layout in BOTH
    },
    conditions="u = u(X); " + _C_U + "; the outer functions (g, f of the table) are "
    "generated smooth maps s, f: R -> R",
    inputs={**_U, "s": smooth_map(None, None), "f": smooth_map(None, None)},
    wrt="X",
    function=lambda X, w, g, s, f: f(s(g(X @ w))),
)


# -- W-SM-7: dg(U)/dX_ij, with U = A sin(X) and g(U) = h(U c) ----------------------------------


def _dU_dXij(X, A, i, j):
    """dU/dX_ij for U = A sin(X) (sin element-wise), laid out by U (numerator layout of
    matrix-by-scalar): cos(X_ij) A E_ij."""
    return torch.cos(X[i, j]) * A @ single_entry(*X.shape, i, j)


def _per_entry(X, A, G):
    """The p x q matrix of the tr(G dU/dX_ij): the d g / d X_ij, entry (i, j)."""
    p, q = X.shape
    return torch.stack(
        [torch.stack([torch.trace(G @ _dU_dXij(X, A, i, j)) for j in range(q)]) for i in range(p)]
    )


def _dg_dU(X, A, c, h):
    """d g(U) / dU for g(U) = h(U c), in denominator layout (shaped like U)."""
    return torch.outer(h.jacobian(A @ torch.sin(X) @ c), c)


_S_SM_7 = r"\frac{\partial g(\mathbf{U})}{\partial X_{ij}} = "
_SM_7 = {
    "source": Source(DOC, "W-SM-7"),
    "conditions": "U = U(X); here U = A sin(X) (sin element-wise, A a constant r x p matrix) "
    "and g(U) = h(U c) (h a generated smooth map, c a constant vector); both "
    "forms assume numerator layout for dU/dX_ij (laid out by U)",
    "reading": "The derivative with respect to each entry X_ij is checked for every (i, j) at "
    "once: the scalars dg/dX_ij arranged as the derivative in the column's layout "
    "(numerator: entry (j, i) of a q x p matrix; denominator: entry (i, j)).",
    "inputs": {
        "X": matrix("p", "q"),
        "A": matrix("r", "p"),
        "c": vector("q"),
        "h": smooth_map("r", None),
    },
    "wrt": "X",
    "function": lambda X, A, c, h: h(A @ torch.sin(X) @ c),
}

wiki_SM_7__numerator = Identity(
    name="wiki_SM_7__numerator",
    statement=_S_SM_7 + r"\operatorname{tr}\left(\frac{\partial g(\mathbf{U})}{\partial \mathbf{U}}"
    r"\frac{\partial \mathbf{U}}{\partial X_{ij}}\right)"
    r"\quad\text{(numerator layout)}",
    claimed=lambda X, A, c, h: _per_entry(X, A, _dg_dU(X, A, c, h).T).T,
    **_SM_7,
)

wiki_SM_7__denominator = Identity(
    name="wiki_SM_7__denominator",
    statement=_S_SM_7 + r"\operatorname{tr}\left(\left(\frac{\partial g(\mathbf{U})}"
    r"{\partial \mathbf{U}}\right)^\top\frac{\partial \mathbf{U}}"
    r"{\partial X_{ij}}\right)\quad\text{(denominator layout)}",
    layout="denominator",
    claimed=lambda X, A, c, h: _per_entry(X, A, _dg_dU(X, A, c, h).T),
    **_SM_7,
)

# -- W-SM-8 to W-SM-12 ------------------------------------------------------------------------

wiki_SM_8 = wikipedia_cells(
    "W-SM-8",
    r"\frac{\partial \mathbf{a}^\top\mathbf{X}\mathbf{b}}{\partial \mathbf{X}}",
    {
        "numerator": (r"\mathbf{b}\mathbf{a}^\top", lambda X, a, b: torch.outer(b, a)),
        "denominator": (r"\mathbf{a}\mathbf{b}^\top", lambda X, a, b: torch.outer(a, b)),
    },
    conditions="a and b are not functions of X",
    inputs={"X": matrix("p", "q"), "a": vector("p"), "b": vector("q")},
    wrt="X",
    function=lambda X, a, b: a @ X @ b,
)

wiki_SM_9 = wikipedia_cells(
    "W-SM-9",
    r"\frac{\partial \mathbf{a}^\top\mathbf{X}^\top\mathbf{b}}{\partial \mathbf{X}}",
    {
        "numerator": (r"\mathbf{a}\mathbf{b}^\top", lambda X, a, b: torch.outer(a, b)),
        "denominator": (r"\mathbf{b}\mathbf{a}^\top", lambda X, a, b: torch.outer(b, a)),
    },
    conditions="a and b are not functions of X",
    inputs={"X": matrix("p", "q"), "a": vector("q"), "b": vector("p")},
    wrt="X",
    function=lambda X, a, b: a @ X.T @ b,
)

wiki_SM_10 = wikipedia_cells(
    "W-SM-10",
    r"\frac{\partial f(\mathbf{Xa+b})}{\partial \mathbf{X}}",
    {
        "numerator": (
            r"\mathbf{a}\frac{\partial f}{\partial \mathbf{v}}",
            lambda X, a, b, f: torch.outer(a, f.jacobian(X @ a + b)),
        ),
        "denominator": (
            r"\frac{\partial f}{\partial \mathbf{v}}\mathbf{a}^\top",
            lambda X, a, b, f: torch.outer(f.jacobian(X @ a + b), a),
        ),
    },
    conditions="a and b are not functions of X, f(v) is a real-valued differentiable "
    "function (generated); df/dv in the layout of the column (a row in numerator "
    "layout, a column in denominator layout)",
    inputs={"X": matrix("p", "q"), "a": vector("q"), "b": vector("p"), "f": smooth_map("p", None)},
    wrt="X",
    function=lambda X, a, b, f: f(X @ a + b),
)


def _sm_11(X, a, b, C):
    return torch.outer((C + C.T) @ (X @ a + b), a)


wiki_SM_11 = wikipedia_cells(
    "W-SM-11",
    r"\frac{\partial (\mathbf{X}\mathbf{a} + \mathbf{b})^\top\mathbf{C}"
    r"(\mathbf{X}\mathbf{a} + \mathbf{b})}{\partial \mathbf{X}}",
    {
        "numerator": (
            r"\left((\mathbf{C} + \mathbf{C}^\top)(\mathbf{X}\mathbf{a} + \mathbf{b})"
            r"\mathbf{a}^\top\right)^\top",
            lambda X, a, b, C: _sm_11(X, a, b, C).T,
        ),
        "denominator": (
            r"(\mathbf{C} + \mathbf{C}^\top)(\mathbf{X}\mathbf{a} + \mathbf{b})"
            r"\mathbf{a}^\top",
            _sm_11,
        ),
    },
    conditions="a, b and C are not functions of X",
    inputs={"X": matrix("p", "q"), "a": vector("q"), "b": vector("p"), "C": matrix("p", "p")},
    wrt="X",
    function=lambda X, a, b, C: (X @ a + b) @ C @ (X @ a + b),
)


def _sm_12(X, a, b, C):
    return torch.outer(C @ X @ b, a) + torch.outer(C.T @ X @ a, b)


wiki_SM_12 = wikipedia_cells(
    "W-SM-12",
    r"\frac{\partial (\mathbf{X}\mathbf{a})^\top\mathbf{C}(\mathbf{X}\mathbf{b})}"
    r"{\partial \mathbf{X}}",
    {
        "numerator": (
            r"\left(\mathbf{C}\mathbf{X}\mathbf{b}\mathbf{a}^\top + \mathbf{C}^\top"
            r"\mathbf{X}\mathbf{a}\mathbf{b}^\top\right)^\top",
            lambda X, a, b, C: _sm_12(X, a, b, C).T,
        ),
        "denominator": (
            r"\mathbf{C}\mathbf{X}\mathbf{b}\mathbf{a}^\top + \mathbf{C}^\top"
            r"\mathbf{X}\mathbf{a}\mathbf{b}^\top",
            _sm_12,
        ),
    },
    conditions="a, b and C are not functions of X",
    inputs={"X": matrix("p", "q"), "a": vector("q"), "b": vector("q"), "C": matrix("p", "p")},
    wrt="X",
    function=lambda X, a, b, C: (X @ a) @ C @ (X @ b),
)

# -- W-SM-13 to W-SM-16 -----------------------------------------------------------------------


wiki_SM_13 = wikipedia_cells(
    "W-SM-13",
    r"\frac{\partial \operatorname{tr}(\mathbf{X})}{\partial \mathbf{X}}",
    {layout: (r"\mathbf{I}", lambda X: torch.eye(X.shape[0])) for layout in BOTH},
    conditions="implicit: X square",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    function=lambda X: tr(X),
)


def _dtrU(X, A, C):
    """d tr(U) / dX, shaped like X."""
    return (A + A.T) @ X


def _dtrV(X, A, C):
    """d tr(V) / dX, shaped like X."""
    return torch.exp(X) * C


_UV_MATRICES = {"X": matrix("p", "q"), "A": matrix("p", "p"), "C": matrix("p", "q")}
_C_UV_MATRICES = (
    "here U(X) = X^T A X and V(X) = exp(X)^T C (exp element-wise), A and C constants, both q x q"
)

wiki_SM_14 = wikipedia_cells(
    "W-SM-14",
    r"\frac{\partial \operatorname{tr}(\mathbf{U} + \mathbf{V})}{\partial \mathbf{X}}",
    {
        layout: (
            r"\frac{\partial \operatorname{tr}(\mathbf{U})}{\partial \mathbf{X}} + "
            r"\frac{\partial \operatorname{tr}(\mathbf{V})}{\partial \mathbf{X}}",
            lambda X, A, C, _l=layout: _lay(_l, _dtrU(X, A, C) + _dtrV(X, A, C)),
        )
        for layout in BOTH
    },
    conditions="U = U(X), V = V(X); " + _C_UV_MATRICES,
    inputs=_UV_MATRICES,
    wrt="X",
    function=lambda X, A, C: tr(X.T @ A @ X + torch.exp(X).T @ C),
)

wiki_SM_15 = wikipedia_cells(
    "W-SM-15",
    r"\frac{\partial \operatorname{tr}(a\mathbf{U})}{\partial \mathbf{X}}",
    {
        layout: (
            r"a\frac{\partial \operatorname{tr}(\mathbf{U})}{\partial \mathbf{X}}",
            lambda X, A, C, a, _l=layout: a * _lay(_l, _dtrU(X, A, C) + _dtrV(X, A, C)),
        )
        for layout in BOTH
    },
    conditions="a is not a function of X, U = U(X); here U(X) = X^T A X + exp(X)^T C "
    "(exp element-wise), A and C constants",
    inputs={**_UV_MATRICES, "a": scalar()},
    wrt="X",
    function=lambda X, A, C, a: tr(a * (X.T @ A @ X + torch.exp(X).T @ C)),
)


_S_SM_16 = r"\frac{\partial \operatorname{tr}(\mathbf{g(X)})}{\partial \mathbf{X}}"
_C_SM_16 = (
    "g(X) any polynomial with scalar coefficients or matrix power series, g' the "
    "corresponding matrix function of the scalar derivative; implicit: X square"
)

wiki_SM_16__cubic = wikipedia_cells(
    "W-SM-16",
    _S_SM_16,
    {
        "numerator": (r"\mathbf{g}'(\mathbf{X})", lambda X, c: cubic_prime(X, c)),
        "denominator": (
            r"\left(\mathbf{g}'(\mathbf{X})\right)^\top",
            lambda X, c: cubic_prime(X, c).T,
        ),
    },
    conditions=_C_SM_16 + "; here the cubic g(X) = c0 I + c1 X + c2 X^2 + c3 X^3",
    suffix="__cubic",
    inputs={"X": matrix("n", "n"), "c": vector(4)},
    wrt="X",
    function=lambda X, c: tr(cubic(X, c)),
)

wiki_SM_16__exp = wikipedia_cells(
    "W-SM-16",
    _S_SM_16,
    {
        "numerator": (r"\mathbf{g}'(\mathbf{X})", matrix_exp),
        "denominator": (r"\left(\mathbf{g}'(\mathbf{X})\right)^\top", lambda X: matrix_exp(X).T),
    },
    conditions=_C_SM_16 + "; here the power series g(X) = e^X, g' = e^X",
    suffix="__exp",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    function=lambda X: tr(matrix_exp(X)),
)
