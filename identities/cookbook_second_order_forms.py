"""Matrix Cookbook (2012), section 2.4.2 "Second Order": derivatives of quadratic and
bilinear forms, equations (77)-(89). (76), the first equation of 2.4.2, is in
``cookbook_first_order_forms``.

Scalar-by-vector and scalar-by-matrix derivatives are gradients shaped like the input (the
Cookbook's convention). (79) and (80) are 4-index Jacobians indexed [k, l, i, j].
"""

import torch

from identities.notation import by_entry, single_entry
from identities.spec import Identity, cookbook, matrix, vector

# -- (77)-(78) ------------------------------------------------------------------------------

cookbook_077__b_T_XT_X_c = Identity(
    name="cookbook_077__b_T_XT_X_c",
    statement=r"\frac{\partial b^T X^T X c}{\partial X} = X (b c^T + c b^T)",
    source=cookbook("77"),
    inputs={"X": matrix("m", "n"), "b": vector("n"), "c": vector("n")},
    wrt="X",
    form="gradient",
    distinct=("m", "n"),
    function=lambda X, b, c: b @ X.T @ X @ c,
    claimed=lambda X, b, c: X @ (torch.outer(b, c) + torch.outer(c, b)),
)

cookbook_078__affine_bilinear = Identity(
    name="cookbook_078__affine_bilinear",
    statement=r"\frac{\partial (Bx + b)^T C (Dx + d)}{\partial x} = B^T C (Dx + d) "
    r"+ D^T C^T (Bx + b)",
    source=cookbook("78"),
    conditions="B k x n, C k x p, D p x n (conformable)",
    inputs={
        "x": vector("n"),
        "B": matrix("k", "n"),
        "b": vector("k"),
        "C": matrix("k", "p"),
        "D": matrix("p", "n"),
        "d": vector("p"),
    },
    wrt="x",
    form="gradient",
    distinct=("n", "k", "p"),
    function=lambda x, B, b, C, D, d: (B @ x + b) @ C @ (D @ x + d),
    claimed=lambda x, B, b, C, D, d: B.T @ C @ (D @ x + d) + D.T @ C.T @ (B @ x + b),
)

# -- (79)-(80): index forms of X^T B X --------------------------------------------------------

cookbook_079__XT_B_X_by_delta = Identity(
    name="cookbook_079__XT_B_X_by_delta",
    statement=r"\frac{\partial (X^T B X)_{kl}}{\partial X_{ij}} = \delta_{lj} (X^T B)_{ki} "
    r"+ \delta_{kj} (B X)_{il}",
    source=cookbook("79"),
    conditions="X m x n, B m x m (conformable); claim indexed [k, l, i, j]",
    inputs={"X": matrix("m", "n"), "B": matrix("m", "m")},
    wrt="X",
    distinct=("m", "n"),
    function=lambda X, B: X.T @ B @ X,
    claimed=lambda X, B: (
        torch.einsum("lj,ki->klij", torch.eye(X.shape[1]), X.T @ B)
        + torch.einsum("kj,il->klij", torch.eye(X.shape[1]), B @ X)
    ),
)

cookbook_080__XT_B_X_by_J = Identity(
    name="cookbook_080__XT_B_X_by_J",
    statement=r"\frac{\partial (X^T B X)}{\partial X_{ij}} = X^T B J^{ij} + J^{ji} B X,"
    r"\quad (J^{ij})_{kl} = \delta_{ik}\delta_{jl}",
    source=cookbook("80"),
    conditions="X m x n, B m x m (conformable); J^{ij} is m x n, J^{ji} is n x m; claim "
    "indexed [k, l, i, j]",
    inputs={"X": matrix("m", "n"), "B": matrix("m", "m")},
    wrt="X",
    distinct=("m", "n"),
    function=lambda X, B: X.T @ B @ X,
    claimed=lambda X, B: by_entry(
        *X.shape,
        lambda i, j: (
            X.T @ B @ single_entry(*X.shape, i, j)
            + single_entry(X.shape[1], X.shape[0], j, i) @ B @ X
        ),
    ),
)

# -- (81)-(83) ------------------------------------------------------------------------------

cookbook_081__x_T_B_x = Identity(
    name="cookbook_081__x_T_B_x",
    statement=r"\frac{\partial x^T B x}{\partial x} = (B + B^T) x",
    source=cookbook("81"),
    inputs={"x": vector("n"), "B": matrix("n", "n")},
    wrt="x",
    form="gradient",
    function=lambda x, B: x @ B @ x,
    claimed=lambda x, B: (B + B.T) @ x,
)

cookbook_082__b_T_XT_D_X_c = Identity(
    name="cookbook_082__b_T_XT_D_X_c",
    statement=r"\frac{\partial b^T X^T D X c}{\partial X} = D^T X b c^T + D X c b^T",
    source=cookbook("82"),
    conditions="X m x n, D m x m, b and c n-vectors (conformable)",
    inputs={"X": matrix("m", "n"), "D": matrix("m", "m"), "b": vector("n"), "c": vector("n")},
    wrt="X",
    form="gradient",
    distinct=("m", "n"),
    function=lambda X, D, b, c: b @ X.T @ D @ X @ c,
    claimed=lambda X, D, b, c: D.T @ X @ torch.outer(b, c) + D @ X @ torch.outer(c, b),
)

cookbook_083__affine_quadratic_in_X = Identity(
    name="cookbook_083__affine_quadratic_in_X",
    statement=r"\frac{\partial}{\partial X} (Xb + c)^T D (Xb + c) = (D + D^T)(Xb + c) b^T",
    source=cookbook("83"),
    conditions="X m x n, b n-vector, c m-vector, D m x m (conformable)",
    inputs={"X": matrix("m", "n"), "b": vector("n"), "c": vector("m"), "D": matrix("m", "m")},
    wrt="X",
    form="gradient",
    distinct=("m", "n"),
    function=lambda X, b, c, D: (X @ b + c) @ D @ (X @ b + c),
    claimed=lambda X, b, c, D: torch.outer((D + D.T) @ (X @ b + c), b),
)

# -- (84)-(88): "Assume W is symmetric" ------------------------------------------------------

W_SYMMETRIC = "Assume W is symmetric"

cookbook_084__residual_wrt_s = Identity(
    name="cookbook_084__residual_wrt_s",
    statement=r"\frac{\partial}{\partial s} (x - As)^T W (x - As) = -2 A^T W (x - As)",
    source=cookbook("84"),
    conditions=W_SYMMETRIC + "; x m-vector, A m x n, s n-vector, W m x m",
    inputs={
        "s": vector("n"),
        "x": vector("m"),
        "A": matrix("m", "n"),
        "W": matrix("m", "m", "symmetric"),
    },
    wrt="s",
    form="gradient",
    distinct=("m", "n"),
    function=lambda s, x, A, W: (x - A @ s) @ W @ (x - A @ s),
    claimed=lambda s, x, A, W: -2 * A.T @ W @ (x - A @ s),
)

cookbook_085__difference_wrt_x = Identity(
    name="cookbook_085__difference_wrt_x",
    statement=r"\frac{\partial}{\partial x} (x - s)^T W (x - s) = 2 W (x - s)",
    source=cookbook("85"),
    conditions=W_SYMMETRIC,
    inputs={"x": vector("n"), "s": vector("n"), "W": matrix("n", "n", "symmetric")},
    wrt="x",
    form="gradient",
    function=lambda x, s, W: (x - s) @ W @ (x - s),
    claimed=lambda x, s, W: 2 * W @ (x - s),
)

cookbook_086__difference_wrt_s = Identity(
    name="cookbook_086__difference_wrt_s",
    statement=r"\frac{\partial}{\partial s} (x - s)^T W (x - s) = -2 W (x - s)",
    source=cookbook("86"),
    conditions=W_SYMMETRIC,
    inputs={"s": vector("n"), "x": vector("n"), "W": matrix("n", "n", "symmetric")},
    wrt="s",
    form="gradient",
    function=lambda s, x, W: (x - s) @ W @ (x - s),
    claimed=lambda s, x, W: -2 * W @ (x - s),
)

cookbook_087__residual_wrt_x = Identity(
    name="cookbook_087__residual_wrt_x",
    statement=r"\frac{\partial}{\partial x} (x - As)^T W (x - As) = 2 W (x - As)",
    source=cookbook("87"),
    conditions=W_SYMMETRIC + "; x m-vector, A m x n, s n-vector, W m x m",
    inputs={
        "x": vector("m"),
        "s": vector("n"),
        "A": matrix("m", "n"),
        "W": matrix("m", "m", "symmetric"),
    },
    wrt="x",
    form="gradient",
    distinct=("m", "n"),
    function=lambda x, s, A, W: (x - A @ s) @ W @ (x - A @ s),
    claimed=lambda x, s, A, W: 2 * W @ (x - A @ s),
)

cookbook_088__residual_wrt_A = Identity(
    name="cookbook_088__residual_wrt_A",
    statement=r"\frac{\partial}{\partial A} (x - As)^T W (x - As) = -2 W (x - As) s^T",
    source=cookbook("88"),
    conditions=W_SYMMETRIC + "; x m-vector, A m x n, s n-vector, W m x m",
    inputs={
        "A": matrix("m", "n"),
        "x": vector("m"),
        "s": vector("n"),
        "W": matrix("m", "m", "symmetric"),
    },
    wrt="A",
    form="gradient",
    distinct=("m", "n"),
    function=lambda A, x, s, W: (x - A @ s) @ W @ (x - A @ s),
    claimed=lambda A, x, s, W: -2 * torch.outer(W @ (x - A @ s), s),
)

# -- (89): complex, the LMS gradient ---------------------------------------------------------
# A complex vector is carried as a real (2, n) tensor [Re; Im] (a complex scalar as [Re, Im]).
# Under the reading below the claim g = -2 b (a - x^H b)^* is the complex gradient
# dJ/dRe(x) + i dJ/dIm(x) of the real squared error J = |a - x^H b|^2, so its real gradient
# with respect to [Re x; Im x] is [Re g; Im g]. The function is written in real arithmetic
# (torch's functional transforms do not batch complex conjugation); the claim in complex.


def _complex(z: torch.Tensor) -> torch.Tensor:
    return torch.complex(z[0], z[1])


def _lms_squared_error(x: torch.Tensor, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """|a - x^H b|^2 with x^H b = sum (Re x - i Im x)(Re b + i Im b), in real arithmetic."""
    re = a[0] - (x[0] @ b[0] + x[1] @ b[1])
    im = a[1] - (x[0] @ b[1] - x[1] @ b[0])
    return re**2 + im**2


def _lms_claim(x: torch.Tensor, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    e = _complex(a) - _complex(x).conj() @ _complex(b)
    g = -2 * _complex(b) * e.conj()
    return torch.stack([g.real, g.imag])


cookbook_089__lms_complex_gradient = Identity(
    name="cookbook_089__lms_complex_gradient",
    statement=r"\frac{\partial (a - x^H b)^2}{\partial x} = -2 b (a - x^H b)^*",
    source=cookbook("89"),
    conditions='"As a case with complex values": a complex scalar, x and b complex '
    'vectors; "known from the LMS algorithm [14]"; x, b carried as [Re; Im]',
    reading="The convention is not stated: read as the LMS one of [14] (Haykin): (.)^2 is "
    "the squared modulus |a - x^H b|^2 (the real cost) and d/dx is the complex "
    "gradient d/dRe(x) + i d/dIm(x) (= 2 d/dx^*, the Cookbook's chapter 4).",
    inputs={"x": matrix(2, "n"), "a": vector(2), "b": matrix(2, "n")},
    wrt="x",
    form="gradient",
    function=_lms_squared_error,
    claimed=_lms_claim,
)
