"""Matrix products and their derivatives (seed: "Some matrix differentiation formulas").

AB, Ax, y^T A and y^T A x written by entries; the derivatives of Ax, A y(x) and y^T A x.
A is m x n throughout.
"""

import torch

from identities.spec import Identity, Source, matrix, smooth_map, vector

SLIDE = Source("seed", "Some matrix differentiation formulas")

# -- products by entries ---------------------------------------------------------------------
matrix_product__by_entries = Identity(
    name="matrix_product__by_entries",
    statement=r"C = AB,\quad c_{ij} = \sum_{k=1}^n a_{ik} b_{kj}",
    source=SLIDE,
    conditions="A is m x n, B is n x p; i = 1..m, j = 1..p",
    inputs={"A": matrix("m", "n"), "B": matrix("n", "p")},
    form="value",
    function=lambda A, B: A @ B,
    claimed=lambda A, B: torch.stack(
        [
            torch.stack(
                [sum(A[i, k] * B[k, j] for k in range(A.shape[1])) for j in range(B.shape[1])]
            )
            for i in range(A.shape[0])
        ]
    ),
)

matrix_vector_product__by_entries = Identity(
    name="matrix_vector_product__by_entries",
    statement=r"z = Ax,\quad z_i = \sum_{k=1}^n a_{ik} x_k",
    source=SLIDE,
    conditions="A is m x n, x is n x 1",
    inputs={"A": matrix("m", "n"), "x": vector("n")},
    form="value",
    function=lambda A, x: A @ x,
    claimed=lambda A, x: torch.stack(
        [sum(A[i, k] * x[k] for k in range(len(x))) for i in range(A.shape[0])]
    ),
)

vector_matrix_product__by_entries = Identity(
    name="vector_matrix_product__by_entries",
    statement=r"w^\top = y^\top A,\quad w_i = \sum_{k=1}^m a_{ki} y_k",
    source=SLIDE,
    conditions="A is m x n, y is m x 1",
    inputs={"A": matrix("m", "n"), "y": vector("m")},
    form="value",
    function=lambda A, y: y @ A,
    claimed=lambda A, y: torch.stack(
        [sum(A[k, i] * y[k] for k in range(len(y))) for i in range(A.shape[1])]
    ),
)

bilinear_form__by_entries = Identity(
    name="bilinear_form__by_entries",
    statement=r"\alpha = y^\top A x = \sum_{j=1}^m \sum_{k=1}^n a_{jk} y_j x_k",
    source=SLIDE,
    conditions="A is m x n, y is m x 1, x is n x 1",
    inputs={"y": vector("m"), "A": matrix("m", "n"), "x": vector("n")},
    form="value",
    function=lambda y, A, x: y @ A @ x,
    claimed=lambda y, A, x: sum(
        A[j, k] * y[j] * x[k] for j in range(len(y)) for k in range(len(x))
    ),
)

# -- derivatives ------------------------------------------------------------------------------
linear_map__wrt_x = Identity(
    name="linear_map__wrt_x",
    statement=r"z = Ax \implies \frac{\partial z}{\partial x} = A",
    source=SLIDE,
    conditions="A is m x n and does not depend on x",
    inputs={"A": matrix("m", "n"), "x": vector("n")},
    wrt="x",
    function=lambda A, x: A @ x,
    claimed=lambda A, x: A,
)

linear_map__of_inner_map = Identity(
    name="linear_map__of_inner_map",
    statement=r"z = A y,\ y = y(x) \implies \frac{\partial z}{\partial x} = "
    r"A \frac{\partial y}{\partial x}",
    source=SLIDE,
    conditions="A is m x n and does not depend on x; y is a differentiable map R^p -> R^n",
    inputs={"A": matrix("m", "n"), "y": smooth_map("p", "n"), "x": vector("p")},
    wrt="x",
    function=lambda A, y, x: A @ y(x),
    claimed=lambda A, y, x: A @ y.jacobian(x),
)

bilinear_form__wrt_x = Identity(
    name="bilinear_form__wrt_x",
    statement=r"\alpha = y^\top A x \implies \frac{\partial \alpha}{\partial x} = y^\top A",
    source=SLIDE,
    conditions="y is m x 1, x is n x 1, A is m x n; A and y do not depend on x",
    inputs={"y": vector("m"), "A": matrix("m", "n"), "x": vector("n")},
    wrt="x",
    function=lambda y, A, x: y @ A @ x,
    claimed=lambda y, A, x: y @ A,
)

bilinear_form__wrt_y = Identity(
    name="bilinear_form__wrt_y",
    statement=r"\alpha = y^\top A x \implies \frac{\partial \alpha}{\partial y} = "
    r"x^\top A^\top",
    source=SLIDE,
    conditions="y is m x 1, x is n x 1, A is m x n; A and x do not depend on y",
    inputs={"y": vector("m"), "A": matrix("m", "n"), "x": vector("n")},
    wrt="y",
    function=lambda y, A, x: y @ A @ x,
    claimed=lambda y, A, x: x @ A.T,
)
