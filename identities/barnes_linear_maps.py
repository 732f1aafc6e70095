"""Barnes (2006), "Matrix Differentiation (and some other stuff)", section 5 "Matrix
Differentiation": Convention 3, the Jacobian (24), and Propositions 5 and 6, the derivative of
y = Ax with respect to x (26)-(29) and through an inner map x(z) (31)-(34).

Numerator layout throughout (Convention 3): dy/dx is m x n, rows the entries of y. The
inner map x(z) is a generated smooth map with its Jacobian in closed form.
"""

import torch

from identities.notation import by_entries, matvec_by_entries
from identities.spec import Identity, Source, matrix, scalar, smooth_map, vector

DOC = "barnes-2006"


# -- Convention 3: the Jacobian ---------------------------------------------------------------
# psi(x)_i = sin(b_i^T x) + c_i x_i^2 / 2 over the rows b_i of B (x_i read as x_{i mod n}),
# whose partials are explicit: d y_i / d x_j = cos(b_i^T x) b_ij + [j = i mod n] c_i x_j.
def _psi(B, c, x):
    n = x.shape[0]
    return torch.sin(B @ x) + c * x[torch.arange(B.shape[0]) % n] ** 2 / 2


def _psi_partial(B, c, x, i, j):
    n = x.shape[0]
    return torch.cos(B[i] @ x) * B[i, j] + (c[i] * x[j] if j == i % n else 0 * x[j])


PSI = {"B": matrix("m", "n", (-1.0, 1.0)), "c": vector("m"), "x": vector("n")}
PSI_CONDITIONS = (
    "y = psi(x), y an m-element and x an n-element vector; here psi(x)_i = "
    "sin(b_i^T x) + c_i x_(i mod n)^2 / 2 (b_i^T the rows of B), whose partials "
    "are written out entry by entry"
)

barnes_24__jacobian_m_by_n = Identity(
    name="barnes_24__jacobian_m_by_n",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}}=\left[\frac{\partial y_{i}}"
    r"{\partial x_{j}}\right]_{m\times n}",
    source=Source(DOC, "24"),
    conditions=PSI_CONDITIONS,
    inputs=PSI,
    wrt="x",
    function=_psi,
    claimed=lambda B, c, x: by_entries(
        B.shape[0], B.shape[1], lambda i, j: _psi_partial(B, c, x, i, j)
    ),
)

barnes_24__jacobian_scalar_x_is_a_column = Identity(
    name="barnes_24__jacobian_scalar_x_is_a_column",
    statement=r"x\ \text{a scalar}:\ \frac{\partial \mathbf{y}}{\partial x}"
    r"=\left[\frac{\partial y_{i}}{\partial x}\right]_{m\times 1}",
    source=Source(DOC, "24"),
    conditions=PSI_CONDITIONS + "; x a scalar (n = 1): an m x 1 column",
    inputs={"B": matrix("m", 1, (-1.0, 1.0)), "c": vector("m"), "x": scalar()},
    wrt="x",
    function=lambda B, c, x: _psi(B, c, x.reshape(1)),
    claimed=lambda B, c, x: by_entries(
        B.shape[0], 1, lambda i, j: _psi_partial(B, c, x.reshape(1), i, j)
    ),
)

barnes_24__jacobian_scalar_y_is_a_row = Identity(
    name="barnes_24__jacobian_scalar_y_is_a_row",
    statement=r"y\ \text{a scalar}:\ \frac{\partial y}{\partial \mathbf{x}}"
    r"=\left[\frac{\partial y}{\partial x_{j}}\right]_{1\times n}",
    source=Source(DOC, "24"),
    conditions=PSI_CONDITIONS + "; y a scalar (m = 1): a 1 x n row",
    inputs={"B": matrix(1, "n", (-1.0, 1.0)), "c": vector(1), "x": vector("n")},
    wrt="x",
    function=lambda B, c, x: _psi(B, c, x)[0],
    claimed=lambda B, c, x: by_entries(1, B.shape[1], lambda i, j: _psi_partial(B, c, x, i, j)),
)

# -- Proposition 5: y = Ax ---------------------------------------------------------------------


def _linear(A, x):
    return A @ x


LINEAR = {"A": matrix("m", "n"), "x": vector("n")}
LINEAR_CONDITIONS = "y is m x 1, x is n x 1, A is m x n, and A does not depend on x"

barnes_26__linear_map = Identity(
    name="barnes_26__linear_map",
    statement=r"\mathbf{y}=\mathbf{A}\mathbf{x}\implies\frac{\partial \mathbf{y}}"
    r"{\partial \mathbf{x}}=\mathbf{A}",
    source=Source(DOC, "26"),
    conditions=LINEAR_CONDITIONS,
    inputs=LINEAR,
    wrt="x",
    function=_linear,
    claimed=lambda A, x: A,
)

barnes_27__linear_map_by_entries = Identity(
    name="barnes_27__linear_map_by_entries",
    statement=r"y_{i}=\sum_{k=1}^{n} a_{ik} x_{k}",
    source=Source(DOC, "27"),
    conditions=LINEAR_CONDITIONS + "; i = 1, ..., m (proof of Proposition 5)",
    inputs=LINEAR,
    form="value",
    function=_linear,
    claimed=matvec_by_entries,
)

barnes_28__linear_map_partials = Identity(
    name="barnes_28__linear_map_partials",
    statement=r"\frac{\partial y_{i}}{\partial x_{j}}=a_{ij}\quad (i=1,\ldots,m;\ "
    r"j=1,\ldots,n)",
    source=Source(DOC, "28"),
    conditions=LINEAR_CONDITIONS + " (proof of Proposition 5)",
    inputs=LINEAR,
    wrt="x",
    function=_linear,
    claimed=lambda A, x: by_entries(A.shape[0], A.shape[1], lambda i, j: A[i, j]),
)

barnes_29__linear_map = Identity(
    name="barnes_29__linear_map",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}}=\mathbf{A}",
    source=Source(DOC, "29"),
    conditions=LINEAR_CONDITIONS + " (proof of Proposition 5)",
    inputs=LINEAR,
    wrt="x",
    function=_linear,
    claimed=lambda A, x: A,
)


# -- Proposition 6: y = A x(z) -----------------------------------------------------------------
def _linear_of_inner(A, x, z):
    return A @ x(z)


def _chain(A, x, z):
    """A dx/dz."""
    return A @ x.jacobian(z)


INNER = {"A": matrix("m", "n"), "x": smooth_map("p", "n"), "z": vector("p")}
INNER_CONDITIONS = (
    "y is m x 1, x is n x 1, A is m x n; x is a function of the vector z "
    "(a generated smooth map R^p -> R^n), while A is independent of z"
)

barnes_31__linear_map_of_inner_map = Identity(
    name="barnes_31__linear_map_of_inner_map",
    statement=r"\mathbf{y}=\mathbf{A}\mathbf{x}(\mathbf{z})\implies\frac{\partial \mathbf{y}}"
    r"{\partial \mathbf{z}}=\mathbf{A}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "31"),
    conditions=INNER_CONDITIONS,
    inputs=INNER,
    wrt="z",
    function=_linear_of_inner,
    claimed=_chain,
)

barnes_32__linear_map_of_inner_map_by_entries = Identity(
    name="barnes_32__linear_map_of_inner_map_by_entries",
    statement=r"y_{i}=\sum_{k=1}^{n} a_{ik} x_{k}\quad (i=1,\ldots,m)",
    source=Source(DOC, "32"),
    conditions=INNER_CONDITIONS + " (proof of Proposition 6)",
    inputs=INNER,
    form="value",
    function=_linear_of_inner,
    claimed=lambda A, x, z: matvec_by_entries(A, x(z)),
)

barnes_33__linear_map_of_inner_map_partials = Identity(
    name="barnes_33__linear_map_of_inner_map_partials",
    statement=r"\frac{\partial y_{i}}{\partial z_{j}}=\sum_{k=1}^{n} a_{ik}"
    r"\frac{\partial x_{k}}{\partial z_{j}}",
    source=Source(DOC, "33"),
    conditions=INNER_CONDITIONS + "; i = 1, ..., m, j over the p entries of z (proof of "
    "Proposition 6)",
    inputs=INNER,
    wrt="z",
    function=_linear_of_inner,
    claimed=lambda A, x, z: by_entries(
        A.shape[0],
        z.shape[0],
        lambda i, j: sum(A[i, k] * x.jacobian(z)[k, j] for k in range(A.shape[1])),
    ),
)

barnes_34__chain_through_linear_map = Identity(
    name="barnes_34__chain_through_linear_map",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{z}}=\frac{\partial \mathbf{y}}"
    r"{\partial \mathbf{x}}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}"
    r"=\mathbf{A}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "34"),
    conditions=INNER_CONDITIONS + "; dy/dx = A by Proposition 5 (proof of Proposition 6)",
    inputs=INNER,
    wrt="z",
    function=_linear_of_inner,
    claimed=_chain,
)
