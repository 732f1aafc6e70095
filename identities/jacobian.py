"""The Jacobian: gradients stacked as rows, numerator layout (seed: "Jacobian", "Example")."""

import torch

from identities.spec import Identity, Source, scalar, smooth_map, vector

SLIDE = Source("seed", "Jacobian")


def _f_g(v):
    """The slide's pair f(x, y) = 3x^2 y, g(x, y) = 2x + 4y^2 as one vector v = (x, y)."""
    x, y = v
    return torch.stack([3 * x**2 * y, 2 * x + 4 * y**2])


def _two():
    return torch.tensor(2.0, dtype=torch.float64)


jacobian__example__grad_f = Identity(
    name="jacobian__example__grad_f",
    statement=r"\nabla f(x, y) = \left[\frac{\partial f}{\partial x}, "
    r"\frac{\partial f}{\partial y}\right] = [6xy, 3x^2],\quad f(x, y) = 3x^2 y",
    source=SLIDE,
    conditions="v = (x, y)",
    inputs={"v": vector(2)},
    wrt="v",
    function=lambda v: 3 * v[0] ** 2 * v[1],
    claimed=lambda v: torch.stack([6 * v[0] * v[1], 3 * v[0] ** 2]).reshape(1, 2),
)

jacobian__example__grad_g = Identity(
    name="jacobian__example__grad_g",
    statement=r"\nabla g(x, y) = \left[\frac{\partial g}{\partial x}, "
    r"\frac{\partial g}{\partial y}\right] = [2, 8y],\quad g(x, y) = 2x + 4y^2",
    source=SLIDE,
    conditions="v = (x, y)",
    inputs={"v": vector(2)},
    wrt="v",
    function=lambda v: 2 * v[0] + 4 * v[1] ** 2,
    claimed=lambda v: torch.stack([_two(), 8 * v[1]]).reshape(1, 2),
)

jacobian__example__numerator = Identity(
    name="jacobian__example__numerator",
    statement=r"J = \begin{bmatrix}\nabla f(x, y)\\ \nabla g(x, y)\end{bmatrix} "
    r"= \begin{bmatrix}6xy & 3x^2\\ 2 & 8y\end{bmatrix}",
    source=SLIDE,
    conditions="f(x, y) = 3x^2 y, g(x, y) = 2x + 4y^2; v = (x, y); numerator layout",
    inputs={"v": vector(2)},
    wrt="v",
    function=_f_g,
    claimed=lambda v: torch.stack(
        [
            torch.stack([6 * v[0] * v[1], 3 * v[0] ** 2]),
            torch.stack([_two(), 8 * v[1]]),
        ]
    ),
)

jacobian__example__denominator = Identity(
    name="jacobian__example__denominator",
    statement=r"J = \begin{bmatrix}6xy & 2\\ 3x^2 & 8y\end{bmatrix}"
    r"\quad\text{(denominator layout: the transpose)}",
    source=SLIDE,
    conditions="f(x, y) = 3x^2 y, g(x, y) = 2x + 4y^2; v = (x, y); denominator layout",
    inputs={"v": vector(2)},
    wrt="v",
    layout="denominator",
    function=_f_g,
    claimed=lambda v: torch.stack(
        [
            torch.stack([6 * v[0] * v[1], _two()]),
            torch.stack([3 * v[0] ** 2, 8 * v[1]]),
        ]
    ),
)

jacobian__rows_are_gradients = Identity(
    name="jacobian__rows_are_gradients",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = "
    r"\begin{bmatrix}\nabla f_1(\mathbf{x})\\ \vdots\\ \nabla f_m(\mathbf{x})"
    r"\end{bmatrix} = \left[\frac{\partial}{\partial x_j} f_i(\mathbf{x})\right]"
    r"_{m \times n}",
    source=SLIDE,
    conditions="f: R^n -> R^m any differentiable map (generated); x is n x 1",
    inputs={"x": vector("n"), "f": smooth_map("n", "m")},
    wrt="x",
    function=lambda x, f: f(x),
    # Row i is the gradient of the scalar function f_i (a row n-vector).
    claimed=lambda x, f: torch.stack([f.jacobian(x)[i, :] for i in range(f(x).shape[0])]),
)

jacobian__shape__scalar_by_scalar = Identity(
    name="jacobian__shape__scalar_by_scalar",
    statement=r"\frac{\partial f}{\partial x}\ \text{is a scalar (scalar } f,"
    r"\text{ scalar } x)",
    source=SLIDE,
    inputs={"x": scalar(), "f": smooth_map(None, None)},
    wrt="x",
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x),
)

jacobian__shape__scalar_by_vector = Identity(
    name="jacobian__shape__scalar_by_vector",
    statement=r"\frac{\partial f}{\partial \mathbf{x}}\ \text{is a row } n\text{-vector "
    r"(scalar } f, \text{ vector } \mathbf{x})",
    source=SLIDE,
    inputs={"x": vector("n"), "f": smooth_map("n", None)},
    wrt="x",
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x).reshape(1, -1),
)

jacobian__shape__vector_by_scalar = Identity(
    name="jacobian__shape__vector_by_scalar",
    statement=r"\frac{\partial \mathbf{f}}{\partial x}\ \text{is a column } m\text{-vector "
    r"(vector } \mathbf{f}, \text{ scalar } x)",
    source=SLIDE,
    inputs={"x": scalar(), "f": smooth_map(None, "m")},
    wrt="x",
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x).reshape(-1, 1),
)

jacobian__shape__vector_by_vector = Identity(
    name="jacobian__shape__vector_by_vector",
    statement=r"\frac{\partial \mathbf{f}}{\partial \mathbf{x}}\ \text{is } m \times n "
    r"\text{ (vector } \mathbf{f} \in R^m, \text{ vector } \mathbf{x} \in R^n)",
    source=SLIDE,
    conditions="f: R^n -> R^m differentiable (generated); drawn with m != n so that m x n "
    "and n x m differ (m = n: jacobian__rows_are_gradients)",
    inputs={"x": vector("n"), "f": smooth_map("n", "m")},
    wrt="x",
    distinct=("m", "n"),
    function=lambda x, f: f(x),
    claimed=lambda x, f: f.jacobian(x),
)

jacobian__identity_function = Identity(
    name="jacobian__identity_function",
    statement=r"\mathbf{f}(\mathbf{x}) = \mathbf{x}:\quad "
    r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = \mathbf{I}",
    source=Source("seed", "Example (Jacobian)"),
    conditions="x is an m-dimensional vector",
    inputs={"x": vector("m")},
    wrt="x",
    function=lambda x: x,
    claimed=lambda x: torch.eye(x.shape[0], dtype=torch.float64),
)
