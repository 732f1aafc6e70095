"""Wikipedia, "Matrix calculus": the table "Identities: vector-by-vector dy/dx", rows
W-VV-1 to W-VV-11.

Each layout cell is its own spec: numerator layout (by y and x^T, m x n) and denominator
layout (by y^T and x, n x m). A merged cell is checked in both layouts, its derivatives
read in the layout of the column. u, v, g, f are generated smooth maps (u = u(x), v = v(x));
their Jacobians are known in closed form in numerator layout, and the denominator-layout
Jacobian is the transpose (as the article's note after the vector-by-scalar table says:
the matrices are laid out consistently with the vectors).
"""

import torch

from identities.notation import wikipedia_cells
from identities.spec import matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"
BOTH = ("numerator", "denominator")


def _in(layout, J):
    """A vector-by-vector (or vector-by-scalar) derivative J, given in numerator layout,
    arranged in ``layout``: the denominator layout is the transpose."""
    return J if layout == "numerator" else J.mT if J.dim() == 2 else J


wiki_VV_1 = wikipedia_cells(
    "W-VV-1",
    r"\frac{\partial \mathbf{a}}{\partial \mathbf{x}}",
    {
        "numerator": (r"\mathbf{0}", lambda x, a: torch.zeros(a.shape[0], x.shape[0])),
        "denominator": (r"\mathbf{0}", lambda x, a: torch.zeros(x.shape[0], a.shape[0])),
    },
    conditions="a is not a function of x",
    inputs={"x": vector("n"), "a": vector("m")},
    wrt="x",
    function=lambda x, a: a,
)

wiki_VV_2 = wikipedia_cells(
    "W-VV-2",
    r"\frac{\partial \mathbf{x}}{\partial \mathbf{x}}",
    {layout: (r"\mathbf{I}", lambda x: torch.eye(x.shape[0])) for layout in BOTH},
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: x,
)

wiki_VV_3 = wikipedia_cells(
    "W-VV-3",
    r"\frac{\partial \mathbf{A}\mathbf{x}}{\partial \mathbf{x}}",
    {
        "numerator": (r"\mathbf{A}", lambda x, A: A),
        "denominator": (r"\mathbf{A}^\top", lambda x, A: A.T),
    },
    conditions="A is not a function of x",
    inputs={"x": vector("n"), "A": matrix("m", "n")},
    wrt="x",
    function=lambda x, A: A @ x,
)

wiki_VV_4 = wikipedia_cells(
    "W-VV-4",
    r"\frac{\partial \mathbf{x}^\top\mathbf{A}}{\partial \mathbf{x}}",
    {
        "numerator": (r"\mathbf{A}^\top", lambda x, A: A.T),
        "denominator": (r"\mathbf{A}", lambda x, A: A),
    },
    conditions="A is not a function of x",
    inputs={"x": vector("n"), "A": matrix("n", "m")},
    wrt="x",
    function=lambda x, A: x @ A,
)

wiki_VV_5 = wikipedia_cells(
    "W-VV-5",
    r"\frac{\partial a\mathbf{u}}{\partial \mathbf{x}}",
    {
        layout: (
            r"a\frac{\partial \mathbf{u}}{\partial \mathbf{x}}",
            lambda x, a, u, _l=layout: a * _in(_l, u.jacobian(x)),
        )
        for layout in BOTH
    },
    conditions="a is not a function of x, u = u(x)",
    inputs={"x": vector("n"), "a": scalar(), "u": smooth_map("n", "m")},
    wrt="x",
    function=lambda x, a, u: a * u(x),
)

wiki_VV_6 = wikipedia_cells(
    "W-VV-6",
    r"\frac{\partial v\mathbf{a}}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"\mathbf{a}\frac{\partial v}{\partial \mathbf{x}}",
            lambda x, a, v: torch.outer(a, v.jacobian(x)),
        ),
        "denominator": (
            r"\frac{\partial v}{\partial \mathbf{x}}\mathbf{a}^\top",
            lambda x, a, v: torch.outer(v.jacobian(x), a),
        ),
    },
    conditions="v = v(x), a is not a function of x",
    inputs={"x": vector("n"), "a": vector("m"), "v": smooth_map("n", None)},
    wrt="x",
    function=lambda x, a, v: v(x) * a,
)

wiki_VV_7 = wikipedia_cells(
    "W-VV-7",
    r"\frac{\partial v\mathbf{u}}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"v\frac{\partial \mathbf{u}}{\partial \mathbf{x}} + \mathbf{u}"
            r"\frac{\partial v}{\partial \mathbf{x}}",
            lambda x, u, v: v(x) * u.jacobian(x) + torch.outer(u(x), v.jacobian(x)),
        ),
        "denominator": (
            r"v\frac{\partial \mathbf{u}}{\partial \mathbf{x}} + "
            r"\frac{\partial v}{\partial \mathbf{x}}\mathbf{u}^\top",
            lambda x, u, v: v(x) * u.jacobian(x).T + torch.outer(v.jacobian(x), u(x)),
        ),
    },
    conditions="v = v(x), u = u(x)",
    inputs={"x": vector("n"), "u": smooth_map("n", "m"), "v": smooth_map("n", None)},
    wrt="x",
    function=lambda x, u, v: v(x) * u(x),
)

wiki_VV_8 = wikipedia_cells(
    "W-VV-8",
    r"\frac{\partial \mathbf{A}\mathbf{u}}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"\mathbf{A}\frac{\partial \mathbf{u}}{\partial \mathbf{x}}",
            lambda x, A, u: A @ u.jacobian(x),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}\mathbf{A}^\top",
            lambda x, A, u: u.jacobian(x).T @ A.T,
        ),
    },
    conditions="A is not a function of x, u = u(x)",
    inputs={"x": vector("n"), "A": matrix("k", "m"), "u": smooth_map("n", "m")},
    wrt="x",
    function=lambda x, A, u: A @ u(x),
)

wiki_VV_9 = wikipedia_cells(
    "W-VV-9",
    r"\frac{\partial (\mathbf{u} + \mathbf{v})}{\partial \mathbf{x}}",
    {
        layout: (
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}} + "
            r"\frac{\partial \mathbf{v}}{\partial \mathbf{x}}",
            lambda x, u, v, _l=layout: _in(_l, u.jacobian(x)) + _in(_l, v.jacobian(x)),
        )
        for layout in BOTH
    },
    conditions="u = u(x), v = v(x)",
    inputs={"x": vector("n"), "u": smooth_map("n", "m"), "v": smooth_map("n", "m")},
    wrt="x",
    function=lambda x, u, v: u(x) + v(x),
)

wiki_VV_10 = wikipedia_cells(
    "W-VV-10",
    r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}"
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}",
            lambda x, u, g: g.jacobian(u(x)) @ u.jacobian(x),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}"
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}",
            lambda x, u, g: u.jacobian(x).T @ g.jacobian(u(x)).T,
        ),
    },
    conditions="u = u(x); g differentiable (generated); the Jacobians laid out in the layout "
    "of the column",
    inputs={"x": vector("n"), "u": smooth_map("n", "k"), "g": smooth_map("k", "m")},
    wrt="x",
    function=lambda x, u, g: g(u(x)),
)

wiki_VV_11 = wikipedia_cells(
    "W-VV-11",
    r"\frac{\partial \mathbf{f}(\mathbf{g}(\mathbf{u}))}{\partial \mathbf{x}}",
    {
        "numerator": (
            r"\frac{\partial \mathbf{f}(\mathbf{g})}{\partial \mathbf{g}}"
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}"
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}",
            lambda x, u, g, f: f.jacobian(g(u(x))) @ g.jacobian(u(x)) @ u.jacobian(x),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial \mathbf{x}}"
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}"
            r"\frac{\partial \mathbf{f}(\mathbf{g})}{\partial \mathbf{g}}",
            lambda x, u, g, f: u.jacobian(x).T @ g.jacobian(u(x)).T @ f.jacobian(g(u(x))).T,
        ),
    },
    conditions="u = u(x); g, f differentiable (generated); the Jacobians laid out in the "
    "layout of the column",
    inputs={
        "x": vector("n"),
        "u": smooth_map("n", "k"),
        "g": smooth_map("k", "p"),
        "f": smooth_map("p", "m"),
    },
    wrt="x",
    function=lambda x, u, g, f: f(g(u(x))),
)
