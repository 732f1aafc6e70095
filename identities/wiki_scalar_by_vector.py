"""Wikipedia, "Matrix calculus": the table "Identities: scalar-by-vector dy/dx = nabla_x y",
rows W-SV-1 to W-SV-20.

Each layout cell is its own spec: numerator layout (by x^T: a row, returned as 1 x n) and
denominator layout (by x: a column, returned as n x 1). A merged cell is checked in both
layouts, its derivatives read in the layout of the column. u, v (scalar- or vector-valued)
and g, f (scalar functions of a scalar) are generated smooth maps; their Jacobians are
known in closed form in numerator layout, and the denominator layout is the transpose.

The Hessian rows (W-SV-9, W-SV-14, W-SV-15) use form="hessian", the matrix of the
d^2 f / dx_i dx_j: it is symmetric, so the numerator cell (H^T) and the denominator cell (H)
are compared with the same matrix. W-SV-9 is checked on a concrete f with a non-trivial,
closed-form Hessian (see ``_f``).
"""

import torch

from identities.notation import wikipedia_cells
from identities.spec import derived, matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"
BOTH = ("numerator", "denominator")


def _as(layout, g):
    """The entries g of a scalar-by-vector derivative as a row (numerator layout) or a
    column (denominator layout)."""
    return g.reshape(1, -1) if layout == "numerator" else g.reshape(-1, 1)


def _row(g):
    return _as("numerator", g)


def _col(g):
    return _as("denominator", g)


_SCALAR_MAPS = {"x": vector("n"), "u": smooth_map("n", None), "v": smooth_map("n", None)}

wiki_SV_1 = wikipedia_cells(
    "W-SV-1",
    r"\frac{\partial a}{\partial \mathbf{x}}",
    {
        "numerator": (r"\mathbf{0}^\top", lambda x, a: torch.zeros(1, x.shape[0])),
        "denominator": (r"\mathbf{0}", lambda x, a: torch.zeros(x.shape[0], 1)),
    },
    conditions="a is not a function of x",
    inputs={"x": vector("n"), "a": scalar()},
    wrt="x",
    function=lambda x, a: a,
)

wiki_SV_2 = wikipedia_cells(
    "W-SV-2",
    r"\frac{\partial au}{\partial \mathbf{x}}",
    {
        layout: (
            r"a\frac{\partial u}{\partial \mathbf{x}}",
            lambda x, a, u, _l=layout: a * _as(_l, u.jacobian(x)),
        )
        for layout in BOTH
    },
    conditions="a is not a function of x, u = u(x)",
    inputs={"x": vector("n"), "a": scalar(), "u": smooth_map("n", None)},
    wrt="x",
    function=lambda x, a, u: a * u(x),
)

wiki_SV_3 = wikipedia_cells(
    "W-SV-3",
    r"\frac{\partial (u + v)}{\partial \mathbf{x}}",
    {
        layout: (
            r"\frac{\partial u}{\partial \mathbf{x}} + \frac{\partial v}{\partial \mathbf{x}}",
            lambda x, u, v, _l=layout: _as(_l, u.jacobian(x)) + _as(_l, v.jacobian(x)),
        )
        for layout in BOTH
    },
    conditions="u = u(x), v = v(x)",
    inputs=_SCALAR_MAPS,
    wrt="x",
    function=lambda x, u, v: u(x) + v(x),
)

wiki_SV_4 = wikipedia_cells(
    "W-SV-4",
    r"\frac{\partial uv}{\partial \mathbf{x}}",
    {
        layout: (
            r"u\frac{\partial v}{\partial \mathbf{x}} + v\frac{\partial u}{\partial \mathbf{x}}",
            lambda x, u, v, _l=layout: (
                u(x) * _as(_l, v.jacobian(x)) + v(x) * _as(_l, u.jacobian(x))
            ),
        )
        for layout in BOTH
    },
    conditions="u = u(x), v = v(x)",
    inputs=_SCALAR_MAPS,
    wrt="x",
    function=lambda x, u, v: u(x) * v(x),
)

wiki_SV_5 = wikipedia_cells(
    "W-SV-5",
    r"\frac{\partial g(u)}{\partial \mathbf{x}}",
    {
        layout: (
            r"\frac{\partial g(u)}{\partial u}\frac{\partial u}{\partial \mathbf{x}}",
            lambda x, u, g, _l=layout: g.jacobian(u(x)) * _as(_l, u.jacobian(x)),
        )
        for layout in BOTH
    },
    conditions="u = u(x); g: R -> R differentiable (generated)",
    inputs={"x": vector("n"), "u": smooth_map("n", None), "g": smooth_map(None, None)},
    wrt="x",
    function=lambda x, u, g: g(u(x)),
)

wiki_SV_6 = wikipedia_cells(
    "W-SV-6",
    r"\frac{\partial f(g(u))}{\partial \mathbf{x}}",
    {
        layout: (
            r"\frac{\partial f(g)}{\partial g}\frac{\partial g(u)}{\partial u}"
            r"\frac{\partial u}{\partial \mathbf{x}}",
            lambda x, u, g, f, _l=layout: (
                f.jacobian(g(u(x))) * g.jacobian(u(x)) * _as(_l, u.jacobian(x))
            ),
        )
        for layout in BOTH
    },
    conditions="u = u(x); g, f: R -> R differentiable (generated)",
    inputs={
        "x": vector("n"),
        "u": smooth_map("n", None),
        "g": smooth_map(None, None),
        "f": smooth_map(None, None),
    },
    wrt="x",
    function=lambda x, u, g, f: f(g(u(x))),
)

wiki_SV_7 = wikipedia_cells(
    "W-SV-7",
    r"\frac{\partial (\mathbf{u}\cdot\mathbf{v})}{\partial \mathbf{x}} = "
    r"\frac{\partial \mathbf{u}^\top\mathbf{v}}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"\mathbf{u}^\top\frac{\partial \mathbf{v}}{\partial \mathbf{x}} + "
            r"\mathbf{v}^\top\frac{\partial \mathbf{u}}{\partial \mathbf{x}}",
            lambda x, u, v: _row(u(x) @ v.jacobian(x) + v(x) @ u.jacobian(x)),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}\mathbf{v} + "
            r"\frac{\partial \mathbf{v}}{\partial \mathbf{x}}\mathbf{u}",
            lambda x, u, v: _col(u.jacobian(x).T @ v(x) + v.jacobian(x).T @ u(x)),
        ),
    },
    conditions="u = u(x), v = v(x); du/dx, dv/dx in the layout of the column",
    inputs={"x": vector("n"), "u": smooth_map("n", "m"), "v": smooth_map("n", "m")},
    wrt="x",
    function=lambda x, u, v: u(x) @ v(x),
)

wiki_SV_8 = wikipedia_cells(
    "W-SV-8",
    r"\frac{\partial (\mathbf{u}\cdot\mathbf{A}\mathbf{v})}{\partial \mathbf{x}} = "
    r"\frac{\partial \mathbf{u}^\top\mathbf{A}\mathbf{v}}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"\mathbf{u}^\top\mathbf{A}\frac{\partial \mathbf{v}}{\partial \mathbf{x}}"
            r" + \mathbf{v}^\top\mathbf{A}^\top\frac{\partial \mathbf{u}}"
            r"{\partial \mathbf{x}}",
            lambda x, A, u, v: _row(u(x) @ A @ v.jacobian(x) + v(x) @ A.T @ u.jacobian(x)),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}\mathbf{A}\mathbf{v} + "
            r"\frac{\partial \mathbf{v}}{\partial \mathbf{x}}\mathbf{A}^\top\mathbf{u}",
            lambda x, A, u, v: _col(u.jacobian(x).T @ A @ v(x) + v.jacobian(x).T @ A.T @ u(x)),
        ),
    },
    conditions="u = u(x), v = v(x), A is not a function of x; du/dx, dv/dx in the layout "
    "of the column",
    inputs={
        "x": vector("n"),
        "A": matrix("m", "k"),
        "u": smooth_map("n", "m"),
        "v": smooth_map("n", "k"),
    },
    wrt="x",
    function=lambda x, A, u, v: u(x) @ A @ v(x),
)


def _f(x, a, C):
    """The f of W-SV-9: sin(a^T x) + x^T C x + sum_i cos(x_i)."""
    return torch.sin(a @ x) + x @ C @ x + torch.cos(x).sum()


def _hessian_of_f(x, a, C):
    """Its Hessian H_ij = d^2 f / dx_i dx_j, in closed form."""
    return -torch.sin(a @ x) * torch.outer(a, a) + C + C.T - torch.diag(torch.cos(x))


wiki_SV_9 = wikipedia_cells(
    "W-SV-9",
    r"\frac{\partial^2 f}{\partial \mathbf{x}\partial \mathbf{x}^\top}",
    {
        "numerator": (r"\mathbf{H}^\top", lambda x, a, C: _hessian_of_f(x, a, C).T),
        "denominator": (r"\mathbf{H}", _hessian_of_f),
    },
    conditions="none stated; H is the Hessian matrix; here f(x) = sin(a^T x) + x^T C x + "
    "sum_i cos(x_i), a and C constants (C general)",
    inputs={"x": vector("n"), "a": vector("n"), "C": matrix("n", "n")},
    wrt="x",
    form="hessian",
    function=_f,
)

wiki_SV_10 = wikipedia_cells(
    "W-SV-10",
    r"\frac{\partial (\mathbf{a}\cdot\mathbf{x})}{\partial \mathbf{x}} = "
    r"\frac{\partial (\mathbf{x}\cdot\mathbf{a})}{\partial \mathbf{x}} = "
    r"\frac{\partial \mathbf{a}^\top\mathbf{x}}{\partial \mathbf{x}} = "
    r"\frac{\partial \mathbf{x}^\top\mathbf{a}}{\partial \mathbf{x}}",
    {
        "numerator": (r"\mathbf{a}^\top", lambda x, a: _row(a)),
        "denominator": (r"\mathbf{a}", lambda x, a: _col(a)),
    },
    conditions="a is not a function of x",
    inputs={"x": vector("n"), "a": vector("n")},
    wrt="x",
    function=lambda x, a: a @ x,
)

wiki_SV_11 = wikipedia_cells(
    "W-SV-11",
    r"\frac{\partial \mathbf{b}^\top\mathbf{A}\mathbf{x}}{\partial \mathbf{x}}",
    {
        "numerator": (r"\mathbf{b}^\top\mathbf{A}", lambda x, A, b: _row(b @ A)),
        "denominator": (r"\mathbf{A}^\top\mathbf{b}", lambda x, A, b: _col(A.T @ b)),
    },
    conditions="A is not a function of x, b is not a function of x",
    inputs={"x": vector("n"), "A": matrix("m", "n"), "b": vector("m")},
    wrt="x",
    function=lambda x, A, b: b @ A @ x,
)

_QUADRATIC = {
    "inputs": {"x": vector("n"), "A": matrix("n", "n")},
    "wrt": "x",
    "function": lambda x, A: x @ A @ x,
}
_SYMMETRIC = {
    "inputs": {"x": vector("n"), "A": matrix("n", "n", "symmetric")},
    "wrt": "x",
    "function": lambda x, A: x @ A @ x,
}
_XAX = r"\frac{\partial \mathbf{x}^\top\mathbf{A}\mathbf{x}}{\partial \mathbf{x}}"
_XAX2 = (
    r"\frac{\partial^2 \mathbf{x}^\top\mathbf{A}\mathbf{x}}"
    r"{\partial \mathbf{x}\partial \mathbf{x}^\top}"
)

wiki_SV_12 = wikipedia_cells(
    "W-SV-12",
    _XAX,
    {
        "numerator": (
            r"\mathbf{x}^\top(\mathbf{A} + \mathbf{A}^\top)",
            lambda x, A: _row(x @ (A + A.T)),
        ),
        "denominator": (
            r"(\mathbf{A} + \mathbf{A}^\top)\mathbf{x}",
            lambda x, A: _col((A + A.T) @ x),
        ),
    },
    conditions="A is not a function of x",
    **_QUADRATIC,
)

wiki_SV_13 = wikipedia_cells(
    "W-SV-13",
    _XAX,
    {
        "numerator": (r"2\mathbf{x}^\top\mathbf{A}", lambda x, A: _row(2 * x @ A)),
        "denominator": (r"2\mathbf{A}\mathbf{x}", lambda x, A: _col(2 * A @ x)),
    },
    conditions="A is not a function of x, A is symmetric",
    **_SYMMETRIC,
)

wiki_SV_14 = wikipedia_cells(
    "W-SV-14",
    _XAX2,
    {layout: (r"\mathbf{A} + \mathbf{A}^\top", lambda x, A: A + A.T) for layout in BOTH},
    conditions="A is not a function of x",
    form="hessian",
    **_QUADRATIC,
)

wiki_SV_15 = wikipedia_cells(
    "W-SV-15",
    _XAX2,
    {layout: (r"2\mathbf{A}", lambda x, A: 2 * A) for layout in BOTH},
    conditions="A is not a function of x, A is symmetric",
    form="hessian",
    **_SYMMETRIC,
)

wiki_SV_16 = wikipedia_cells(
    "W-SV-16",
    r"\frac{\partial (\mathbf{x}\cdot\mathbf{x})}{\partial \mathbf{x}} = "
    r"\frac{\partial \mathbf{x}^\top\mathbf{x}}{\partial \mathbf{x}} = "
    r"\frac{\partial \left\Vert\mathbf{x}\right\Vert^2}{\partial \mathbf{x}}",
    {
        "numerator": (r"2\mathbf{x}^\top", lambda x: _row(2 * x)),
        "denominator": (r"2\mathbf{x}", lambda x: _col(2 * x)),
    },
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: x @ x,
)

wiki_SV_17 = wikipedia_cells(
    "W-SV-17",
    r"\frac{\partial (\mathbf{a}\cdot\mathbf{u})}{\partial \mathbf{x}} = "
    r"\frac{\partial \mathbf{a}^\top\mathbf{u}}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"\mathbf{a}^\top\frac{\partial \mathbf{u}}{\partial \mathbf{x}}",
            lambda x, a, u: _row(a @ u.jacobian(x)),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}\mathbf{a}",
            lambda x, a, u: _col(u.jacobian(x).T @ a),
        ),
    },
    conditions="a is not a function of x, u = u(x); du/dx in the layout of the column",
    inputs={"x": vector("n"), "a": vector("m"), "u": smooth_map("n", "m")},
    wrt="x",
    function=lambda x, a, u: a @ u(x),
)

wiki_SV_18 = wikipedia_cells(
    "W-SV-18",
    r"\frac{\partial\;\mathbf{a}^\top\mathbf{x}\mathbf{x}^\top\mathbf{b}}"
    r"{\partial\;\mathbf{x}}",
    {
        "numerator": (
            r"\mathbf{x}^\top(\mathbf{a}\mathbf{b}^\top + \mathbf{b}\mathbf{a}^\top)",
            lambda x, a, b: _row(x @ (torch.outer(a, b) + torch.outer(b, a))),
        ),
        "denominator": (
            r"(\mathbf{a}\mathbf{b}^\top + \mathbf{b}\mathbf{a}^\top)\mathbf{x}",
            lambda x, a, b: _col((torch.outer(a, b) + torch.outer(b, a)) @ x),
        ),
    },
    conditions="a, b are not functions of x",
    inputs={"x": vector("n"), "a": vector("n"), "b": vector("n")},
    wrt="x",
    function=lambda x, a, b: (a @ x) * (x @ b),
)

wiki_SV_19 = wikipedia_cells(
    "W-SV-19",
    r"\frac{\partial\;(\mathbf{A}\mathbf{x} + \mathbf{b})^\top\mathbf{C}"
    r"(\mathbf{D}\mathbf{x} + \mathbf{e})}{\partial\;\mathbf{x}}",
    {
        "numerator": (
            r"(\mathbf{D}\mathbf{x} + \mathbf{e})^\top\mathbf{C}^\top\mathbf{A} + "
            r"(\mathbf{A}\mathbf{x} + \mathbf{b})^\top\mathbf{C}\mathbf{D}",
            lambda x, A, b, C, D, e: _row((D @ x + e) @ C.T @ A + (A @ x + b) @ C @ D),
        ),
        "denominator": (
            r"\mathbf{D}^\top\mathbf{C}^\top(\mathbf{A}\mathbf{x} + \mathbf{b}) + "
            r"\mathbf{A}^\top\mathbf{C}(\mathbf{D}\mathbf{x} + \mathbf{e})",
            lambda x, A, b, C, D, e: _col(D.T @ C.T @ (A @ x + b) + A.T @ C @ (D @ x + e)),
        ),
    },
    conditions="A, b, C, D, e are not functions of x",
    inputs={
        "x": vector("n"),
        "A": matrix("m", "n"),
        "b": vector("m"),
        "C": matrix("m", "k"),
        "D": matrix("k", "n"),
        "e": vector("k"),
    },
    wrt="x",
    function=lambda x, A, b, C, D, e: (A @ x + b) @ C @ (D @ x + e),
)

wiki_SV_20 = wikipedia_cells(
    "W-SV-20",
    r"\frac{\partial\;\|\mathbf{x} - \mathbf{a}\|}{\partial\;\mathbf{x}}",
    {
        "numerator": (
            r"\frac{(\mathbf{x} - \mathbf{a})^\top}{\|\mathbf{x} - \mathbf{a}\|}",
            lambda a, x: _row((x - a) / torch.linalg.norm(x - a)),
        ),
        "denominator": (
            r"\frac{\mathbf{x} - \mathbf{a}}{\|\mathbf{x} - \mathbf{a}\|}",
            lambda a, x: _col((x - a) / torch.linalg.norm(x - a)),
        ),
    },
    conditions="a is not a function of x; implicit: x != a (the norm is differentiable "
    "there), drawn as x = a + d with d of entries at least 0.5 from 0",
    inputs={"a": vector("n"), "x": derived(lambda a, d: a + d, d=vector("n", "nonzero"))},
    wrt="x",
    function=lambda a, x: torch.linalg.norm(x - a),
)
