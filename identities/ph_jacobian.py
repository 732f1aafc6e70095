"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 4, the gradient and Jacobian of f(x, y) = 3x^2 y and g(x, y) = 2x + y^8 in numerator
and denominator layout; section 4.1, the shape table of Jacobians and the Jacobian of the
identity; and its summary in section 8.1.

Numerator layout: a Jacobian is outputs x inputs, so a gradient is a row (1 x n) and the
derivative of a vector by a scalar a column (m x 1).
"""

import dataclasses

import torch

from identities.spec import Identity, Source, scalar, smooth_map, vector

DOC = "parr-howard-2018"


def _f_g(v):
    """f(x, y) = 3x^2 y and g(x, y) = 2x + y^8 as one vector function of v = (x, y)."""
    x, y = v
    return torch.stack([3 * x**2 * y, 2 * x + y**8])


def _two(x):
    return torch.full_like(x, 2.0)


def _eye(x):
    return torch.eye(x.shape[0], dtype=torch.float64)


def _restated(spec, ref, name, statement, **changes):
    """``spec`` again, for the entry ``ref`` that states the same rule in its own words."""
    return dataclasses.replace(
        spec,
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        source=Source(DOC, ref),
        statement=statement,
        **changes,
    )


# -- section 4: g(x, y) = 2x + y^8 ------------------------------------------------------------
ph_4_1__partial_x = Identity(
    name="ph_4_1__partial_x",
    statement=r"\frac{\partial g(x,y)}{\partial x} = \frac{\partial 2x}{\partial x} + "
    r"\frac{\partial y^8}{\partial x} = 2\frac{\partial x}{\partial x} + 0 "
    r"= 2 \times 1 = 2",
    source=Source(DOC, "PH-4.1"),
    conditions="g(x, y) = 2x + y^8; y held constant",
    inputs={"x": scalar(), "y": scalar()},
    wrt="x",
    function=lambda x, y: 2 * x + y**8,
    claimed=lambda x, y: _two(x),
)

ph_4_2__partial_y = Identity(
    name="ph_4_2__partial_y",
    statement=r"\frac{\partial g(x,y)}{\partial y} = \frac{\partial 2x}{\partial y} + "
    r"\frac{\partial y^8}{\partial y} = 0 + 8y^7 = 8y^7",
    source=Source(DOC, "PH-4.2"),
    conditions="g(x, y) = 2x + y^8; x held constant",
    inputs={"x": scalar(), "y": scalar()},
    wrt="y",
    function=lambda x, y: 2 * x + y**8,
    claimed=lambda x, y: 8 * y**7,
)

ph_4_2__gradient = Identity(
    name="ph_4_2__gradient",
    statement=r"\nabla g(x,y) = [2, 8y^7]",
    source=Source(DOC, "PH-4.2"),
    conditions="g(x, y) = 2x + y^8; v = (x, y); a gradient is a row (1 x 2)",
    inputs={"v": vector(2)},
    wrt="v",
    function=lambda v: 2 * v[0] + v[1] ** 8,
    claimed=lambda v: torch.stack([_two(v[0]), 8 * v[1] ** 7]).reshape(1, 2),
)

ph_4_3__jacobian = Identity(
    name="ph_4_3__jacobian",
    statement=r"J = \begin{bmatrix} \nabla f(x,y)\\ \nabla g(x,y) \end{bmatrix} = "
    r"\begin{bmatrix} 6yx & 3x^2\\ 2 & 8y^7 \end{bmatrix}",
    source=Source(DOC, "PH-4.3"),
    conditions="f(x, y) = 3x^2 y, g(x, y) = 2x + y^8; v = (x, y); numerator layout "
    "(the gradients are the rows)",
    inputs={"v": vector(2)},
    wrt="v",
    function=_f_g,
    claimed=lambda v: torch.stack(
        [
            torch.stack([6 * v[1] * v[0], 3 * v[0] ** 2]),
            torch.stack([_two(v[0]), 8 * v[1] ** 7]),
        ]
    ),
)

ph_4_4__denominator_layout = Identity(
    name="ph_4_4__denominator_layout",
    statement=r"\begin{bmatrix} 6yx & 2\\ 3x^2 & 8y^7 \end{bmatrix}"
    r"\quad\text{(denominator layout: the transpose)}",
    source=Source(DOC, "PH-4.4"),
    conditions="f(x, y) = 3x^2 y, g(x, y) = 2x + y^8; v = (x, y); denominator layout, "
    "stated as just the transpose of the numerator layout Jacobian",
    inputs={"v": vector(2)},
    wrt="v",
    layout="denominator",
    function=_f_g,
    claimed=lambda v: torch.stack(
        [
            torch.stack([6 * v[1] * v[0], _two(v[0])]),
            torch.stack([3 * v[0] ** 2, 8 * v[1] ** 7]),
        ]
    ),
)

# -- section 4.1: the shape table; scalar or vector f by scalar or vector x -------------------
ph_4_1_6__scalar_by_scalar = Identity(
    name="ph_4_1_6__scalar_by_scalar",
    statement=r"\frac{\partial f}{\partial x}\ \text{is a scalar (scalar } f, "
    r"\text{ scalar } x)",
    source=Source(DOC, "PH-4.1.6"),
    conditions="f: R -> R any differentiable function (a generated smooth map)",
    inputs={"x": scalar(), "f": smooth_map(None, None)},
    wrt="x",
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x),
)

ph_4_1_6__scalar_by_vector = Identity(
    name="ph_4_1_6__scalar_by_vector",
    statement=r"\frac{\partial f}{\partial \mathbf{x}}\ \text{is a row, } 1 \times n "
    r"\text{ (scalar } f, \text{ vector } \mathbf{x})",
    source=Source(DOC, "PH-4.1.6"),
    conditions="f: R^n -> R any differentiable function (a generated smooth map)",
    inputs={"x": vector("n"), "f": smooth_map("n", None)},
    wrt="x",
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x).reshape(1, -1),
)

ph_4_1_6__vector_by_scalar = Identity(
    name="ph_4_1_6__vector_by_scalar",
    statement=r"\frac{\partial \mathbf{f}}{\partial x}\ \text{is a column, } m \times 1 "
    r"\text{ (vector } \mathbf{f}, \text{ scalar } x)",
    source=Source(DOC, "PH-4.1.6"),
    conditions="f: R -> R^m any differentiable function (a generated smooth map)",
    inputs={"x": scalar(), "f": smooth_map(None, "m")},
    wrt="x",
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x).reshape(-1, 1),
)

ph_4_1_6__vector_by_vector = Identity(
    name="ph_4_1_6__vector_by_vector",
    statement=r"\frac{\partial \mathbf{f}}{\partial \mathbf{x}}\ \text{is } m \times n "
    r"\text{ (vector } \mathbf{f}, \text{ vector } \mathbf{x})",
    source=Source(DOC, "PH-4.1.6"),
    conditions="f: R^n -> R^m any differentiable function (a generated smooth map); drawn "
    "with m != n, so that m x n and n x m are told apart",
    inputs={"x": vector("n"), "f": smooth_map("n", "m")},
    wrt="x",
    distinct=("m", "n"),
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x),
)

ph_4_1_7__identity = Identity(
    name="ph_4_1_7__identity",
    statement=r"\mathbf{f}(\mathbf{x}) = \mathbf{x}:\quad \frac{\partial \mathbf{y}}"
    r"{\partial \mathbf{x}} = \begin{bmatrix} \frac{\partial}{\partial x_1} x_1 & 0 "
    r"& \ldots & 0\\ & \ddots \\ 0 & \ldots & \frac{\partial}{\partial x_n} x_n "
    r"\end{bmatrix} = I",
    source=Source(DOC, "PH-4.1.7"),
    conditions="f(x) = x, f_i(x) = x_i, m = n",
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: x,
    claimed=_eye,
)

# -- section 8.1: the summary ---------------------------------------------------------------
ph_8_1_3__identity = _restated(
    ph_4_1_7__identity,
    "PH-8.1.3",
    "identity",
    r"\text{The Jacobian of the identity function } \mathbf{f(x)} = \mathbf{x} "
    r"\text{ is } I.",
    conditions="",
)
