"""Wikipedia, "Matrix calculus": the table "Identities: vector-by-scalar dy/dx", rows W-VS-1
to W-VS-9.

Each layout cell is its own spec: numerator layout (by y: a column, returned as m x 1) and
denominator layout (by y^T: a row, returned as 1 x m). A merged cell is checked in both
layouts. u, v (vector-valued) and g, f are generated smooth maps with closed-form Jacobians
in numerator layout; their denominator-layout Jacobians are the transposes (the article's
note after the table: the matrices laid out consistently with the vectors). The matrix
U = U(x) of W-VS-9 is the curve U(x) = U0 + sin(x) U1 + cos(x) U2 with general constant
U0, U1, U2, whose derivative dU/dx = cos(x) U1 - sin(x) U2 is laid out by U, the only
layout the article gives for a matrix-by-scalar derivative (W-L6).
"""

import torch

from identities.notation import curve, curve_dx, wikipedia_cells
from identities.spec import Identity, Source, matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"
BOTH = ("numerator", "denominator")


def _as(layout, g):
    """The entries g of a vector-by-scalar derivative as a column (numerator layout) or a
    row (denominator layout)."""
    return g.reshape(-1, 1) if layout == "numerator" else g.reshape(1, -1)


wiki_VS_1 = wikipedia_cells(
    "W-VS-1",
    r"\frac{\partial \mathbf{a}}{\partial x}",
    {
        layout: (r"\mathbf{0}", lambda x, a, _l=layout: _as(_l, torch.zeros_like(a)))
        for layout in BOTH
    },
    conditions="a is not a function of x",
    inputs={"x": scalar(), "a": vector("m")},
    wrt="x",
    function=lambda x, a: a,
)

wiki_VS_2 = wikipedia_cells(
    "W-VS-2",
    r"\frac{\partial a\mathbf{u}}{\partial x}",
    {
        layout: (
            r"a\frac{\partial \mathbf{u}}{\partial x}",
            lambda x, a, u, _l=layout: a * _as(_l, u.jacobian(x)),
        )
        for layout in BOTH
    },
    conditions="a is not a function of x, u = u(x)",
    inputs={"x": scalar(), "a": scalar(), "u": smooth_map(None, "m")},
    wrt="x",
    function=lambda x, a, u: a * u(x),
)

wiki_VS_3 = wikipedia_cells(
    "W-VS-3",
    r"\frac{\partial \mathbf{A}\mathbf{u}}{\partial x}",
    {
        "numerator": (
            r"\mathbf{A}\frac{\partial \mathbf{u}}{\partial x}",
            lambda x, A, u: A @ _as("numerator", u.jacobian(x)),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial x}\mathbf{A}^\top",
            lambda x, A, u: _as("denominator", u.jacobian(x)) @ A.T,
        ),
    },
    conditions="A is not a function of x, u = u(x)",
    inputs={"x": scalar(), "A": matrix("k", "m"), "u": smooth_map(None, "m")},
    wrt="x",
    function=lambda x, A, u: A @ u(x),
)

_VS_4 = {
    "source": Source(DOC, "W-VS-4"),
    "conditions": "u = u(x)",
    "inputs": {"x": scalar(), "u": smooth_map(None, "m")},
    "wrt": "x",
}
_S_VS_4 = (
    r"\frac{\partial \mathbf{u}^\top}{\partial x} = "
    r"\left(\frac{\partial \mathbf{u}}{\partial x}\right)^\top"
)

wiki_VS_4__numerator = Identity(
    name="wiki_VS_4__numerator",
    statement=_S_VS_4 + r"\quad\text{(numerator layout)}",
    reading="u^T is the 1 x m matrix Y = u(x)^T, so its derivative is laid out by Y (a row), "
    "and the claim is the transpose of the column du/dx.",
    function=lambda x, u: u(x).reshape(1, -1),
    claimed=lambda x, u: _as("numerator", u.jacobian(x)).T,
    **_VS_4,
)

wiki_VS_4__denominator = Identity(
    name="wiki_VS_4__denominator",
    statement=_S_VS_4 + r"\quad\text{(denominator layout)}",
    layout="denominator",
    reading="u^T is held as a 1-d vector: the format's denominator layout of a "
    "matrix-valued function of a scalar is shaped like the function, not by y^T, so "
    "the column (du/dx)^T (du/dx a row in this layout) is compared entry by entry.",
    function=lambda x, u: u(x),
    claimed=lambda x, u: u.jacobian(x),
    **_VS_4,
)

wiki_VS_5 = wikipedia_cells(
    "W-VS-5",
    r"\frac{\partial (\mathbf{u} + \mathbf{v})}{\partial x}",
    {
        layout: (
            r"\frac{\partial \mathbf{u}}{\partial x} + \frac{\partial \mathbf{v}}{\partial x}",
            lambda x, u, v, _l=layout: _as(_l, u.jacobian(x) + v.jacobian(x)),
        )
        for layout in BOTH
    },
    conditions="u = u(x), v = v(x)",
    inputs={"x": scalar(), "u": smooth_map(None, "m"), "v": smooth_map(None, "m")},
    wrt="x",
    function=lambda x, u, v: u(x) + v(x),
)

wiki_VS_6 = wikipedia_cells(
    "W-VS-6",
    r"\frac{\partial (\mathbf{u}^\top\times\mathbf{v})}{\partial x}",
    {
        "numerator": (
            r"\left(\frac{\partial \mathbf{u}}{\partial x}\right)^\top\times\mathbf{v} + "
            r"\mathbf{u}^\top\times\frac{\partial \mathbf{v}}{\partial x}",
            lambda x, u, v: (
                _as("numerator", u.jacobian(x)).T @ v(x) + u(x) @ _as("numerator", v.jacobian(x))
            ).reshape(()),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial x}\times\mathbf{v} + "
            r"\mathbf{u}^\top\times\left(\frac{\partial \mathbf{v}}{\partial x}"
            r"\right)^\top",
            lambda x, u, v: (
                _as("denominator", u.jacobian(x)) @ v(x)
                + u(x) @ _as("denominator", v.jacobian(x)).T
            ).reshape(()),
        ),
    },
    conditions="u = u(x), v = v(x); x is the matrix product",
    inputs={"x": scalar(), "u": smooth_map(None, "m"), "v": smooth_map(None, "m")},
    wrt="x",
    function=lambda x, u, v: u(x) @ v(x),
)

wiki_VS_7 = wikipedia_cells(
    "W-VS-7",
    r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial x}",
    {
        "numerator": (
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}"
            r"\frac{\partial \mathbf{u}}{\partial x}",
            lambda x, u, g: g.jacobian(u(x)) @ _as("numerator", u.jacobian(x)),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial x}"
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}",
            lambda x, u, g: _as("denominator", u.jacobian(x)) @ g.jacobian(u(x)).T,
        ),
    },
    conditions="u = u(x); g differentiable (generated); assumes consistent matrix layout "
    "(dg/du laid out in the layout of the column)",
    inputs={"x": scalar(), "u": smooth_map(None, "m"), "g": smooth_map("m", "k")},
    wrt="x",
    function=lambda x, u, g: g(u(x)),
)

wiki_VS_8 = wikipedia_cells(
    "W-VS-8",
    r"\frac{\partial \mathbf{f}(\mathbf{g}(\mathbf{u}))}{\partial x}",
    {
        "numerator": (
            r"\frac{\partial \mathbf{f}(\mathbf{g})}{\partial \mathbf{g}}"
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}"
            r"\frac{\partial \mathbf{u}}{\partial x}",
            lambda x, u, g, f: (
                f.jacobian(g(u(x))) @ g.jacobian(u(x)) @ _as("numerator", u.jacobian(x))
            ),
        ),
        "denominator": (
            r"\frac{\partial \mathbf{u}}{\partial x}"
            r"\frac{\partial \mathbf{g}(\mathbf{u})}{\partial \mathbf{u}}"
            r"\frac{\partial \mathbf{f}(\mathbf{g})}{\partial \mathbf{g}}",
            lambda x, u, g, f: (
                _as("denominator", u.jacobian(x)) @ g.jacobian(u(x)).T @ f.jacobian(g(u(x))).T
            ),
        ),
    },
    conditions="u = u(x); g, f differentiable (generated); assumes consistent matrix layout",
    inputs={
        "x": scalar(),
        "u": smooth_map(None, "m"),
        "g": smooth_map("m", "k"),
        "f": smooth_map("k", "p"),
    },
    wrt="x",
    function=lambda x, u, g, f: f(g(u(x))),
)


def _U_times_v(x, U0, U1, U2, v):
    return curve(x, U0, U1, U2) @ v(x)


_CURVE = {
    "x": scalar(),
    "U0": matrix("m", "k"),
    "U1": matrix("m", "k"),
    "U2": matrix("m", "k"),
    "v": smooth_map(None, "k"),
}
_CURVE_SQUARE = {
    "x": scalar(),
    "U0": matrix("m", "m"),
    "U1": matrix("m", "m"),
    "U2": matrix("m", "m"),
    "v": smooth_map(None, "m"),
}
_C_VS_9 = (
    "U = U(x), v = v(x); here U(x) = U0 + sin(x) U1 + cos(x) U2 (U0, U1, U2 general "
    "constants), dU/dx laid out by U; x is the matrix product"
)
_S_VS_9 = r"\frac{\partial (\mathbf{U}\times\mathbf{v})}{\partial x} = "

wiki_VS_9__numerator = Identity(
    name="wiki_VS_9__numerator",
    statement=_S_VS_9 + r"\frac{\partial \mathbf{U}}{\partial x}\times\mathbf{v} + "
    r"\mathbf{U}\times\frac{\partial \mathbf{v}}{\partial x}"
    r"\quad\text{(numerator layout)}",
    source=Source(DOC, "W-VS-9"),
    conditions=_C_VS_9,
    inputs=_CURVE,
    wrt="x",
    function=_U_times_v,
    claimed=lambda x, U0, U1, U2, v: (
        curve_dx(x, U0, U1, U2) @ _as("numerator", v(x))
        + curve(x, U0, U1, U2) @ _as("numerator", v.jacobian(x))
    ),
)


def _denominator_cell(transposed_dU):
    """v^T (dU/dx) + (dv/dx) U^T in denominator layout (a row), or with (dU/dx)^T."""

    def claimed(x, U0, U1, U2, v):
        dU = curve_dx(x, U0, U1, U2)
        return (
            _as("numerator", v(x)).T @ (dU.T if transposed_dU else dU)
            + _as("denominator", v.jacobian(x)) @ curve(x, U0, U1, U2).T
        )

    return claimed


_VS_9_DENOMINATOR = {
    "source": Source(DOC, "W-VS-9"),
    "layout": "denominator",
    "wrt": "x",
    "function": _U_times_v,
}

wiki_VS_9__denominator = Identity(
    name="wiki_VS_9__denominator",
    statement=_S_VS_9 + r"\mathbf{v}^\top\times\left(\frac{\partial \mathbf{U}}{\partial x}"
    r"\right) + \frac{\partial \mathbf{v}}{\partial x}\times\mathbf{U}^\top"
    r"\quad\text{(denominator layout)}",
    holds=False,
    conditions=_C_VS_9 + "; U square (m x m): v^T (dU/dx) is defined only then",
    lesson="The first term is missing a transpose. The denominator layout of the vector "
    "Uv is the row (Uv)'^T = (U'v + Uv')^T = v^T U'^T + v'^T U^T, so the first term "
    "must be v^T (dU/dx)^T: dU/dx, a matrix-by-scalar derivative, is laid out by U (the "
    "only layout the article defines for it, W-L6). As printed, v^T (dU/dx) is not even "
    "defined unless U is square, and for a square U it differs from v^T (dU/dx)^T "
    "unless dU/dx is symmetric or v happens to satisfy v^T (U' - U'^T) = 0. The second "
    "term, (dv/dx) U^T with dv/dx a row, is right. The print would hold only with a "
    "denominator layout 'by U^T' for dU/dx, which the article does not define.",
    counterpart="wiki_VS_9__denominator__corrected",
    inputs=_CURVE_SQUARE,
    claimed=_denominator_cell(transposed_dU=False),
    **_VS_9_DENOMINATOR,
)

wiki_VS_9__denominator__corrected = Identity(
    name="wiki_VS_9__denominator__corrected",
    statement=_S_VS_9 + r"\mathbf{v}^\top\times\left(\frac{\partial \mathbf{U}}{\partial x}"
    r"\right)^\top + \frac{\partial \mathbf{v}}{\partial x}\times"
    r"\mathbf{U}^\top\quad\text{(denominator layout)}",
    conditions=_C_VS_9,
    reading="First term corrected: v^T (dU/dx)^T in place of the printed v^T (dU/dx), with "
    "dU/dx laid out by U; U of any shape m x k.",
    inputs=_CURVE,
    claimed=_denominator_cell(transposed_dU=True),
    **_VS_9_DENOMINATOR,
)
