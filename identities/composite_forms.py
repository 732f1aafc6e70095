"""Forms in vectors that are functions of z (seed: "Some matrix differentiation formulas").

y^T x, x^T x, y^T A x and x^T A x where x = x(z) and y = y(z) depend on a vector z.
x(z) and y(z) are generated differentiable maps from R^p with closed-form Jacobians; A is
drawn independently of z.
"""

from identities.spec import Identity, Source, matrix, smooth_map, vector

SLIDE = Source("seed", "Some matrix differentiation formulas")

composite__inner_product_wrt_z = Identity(
    name="composite__inner_product_wrt_z",
    statement=r"\alpha = y^\top x \implies \frac{\partial \alpha}{\partial z} = "
    r"x^\top \frac{\partial y}{\partial z} + y^\top \frac{\partial x}{\partial z}",
    source=SLIDE,
    conditions="x and y are n x 1, both functions of the p-vector z",
    inputs={"z": vector("p"), "x": smooth_map("p", "n"), "y": smooth_map("p", "n")},
    wrt="z",
    function=lambda z, x, y: y(z) @ x(z),
    claimed=lambda z, x, y: x(z) @ y.jacobian(z) + y(z) @ x.jacobian(z),
)

composite__squared_norm_wrt_z = Identity(
    name="composite__squared_norm_wrt_z",
    statement=r"\alpha = x^\top x \implies \frac{\partial \alpha}{\partial z} = "
    r"2 x^\top \frac{\partial x}{\partial z}",
    source=SLIDE,
    conditions="x is n x 1, a function of the p-vector z",
    inputs={"z": vector("p"), "x": smooth_map("p", "n")},
    wrt="z",
    function=lambda z, x: x(z) @ x(z),
    claimed=lambda z, x: 2 * x(z) @ x.jacobian(z),
)

composite__bilinear_form_wrt_z = Identity(
    name="composite__bilinear_form_wrt_z",
    statement=r"\alpha = y^\top A x \implies \frac{\partial \alpha}{\partial z} = "
    r"x^\top A^\top \frac{\partial y}{\partial z} + "
    r"y^\top A \frac{\partial x}{\partial z}",
    source=SLIDE,
    conditions="y is m x 1, x is n x 1, A is m x n; x and y are functions of the p-vector z, "
    "A is independent of z",
    inputs={
        "z": vector("p"),
        "x": smooth_map("p", "n"),
        "y": smooth_map("p", "m"),
        "A": matrix("m", "n"),
    },
    wrt="z",
    function=lambda z, x, y, A: y(z) @ A @ x(z),
    claimed=lambda z, x, y, A: x(z) @ A.T @ y.jacobian(z) + y(z) @ A @ x.jacobian(z),
)

composite__quadratic_form_wrt_z = Identity(
    name="composite__quadratic_form_wrt_z",
    statement=r"\alpha = x^\top A x \implies \frac{\partial \alpha}{\partial z} = "
    r"x^\top (A^\top + A) \frac{\partial x}{\partial z}",
    source=SLIDE,
    conditions="x is n x 1, a function of the p-vector z; A is n x n (no symmetry assumed), "
    "independent of z",
    inputs={"z": vector("p"), "x": smooth_map("p", "n"), "A": matrix("n", "n")},
    wrt="z",
    function=lambda z, x, A: x(z) @ A @ x(z),
    claimed=lambda z, x, A: x(z) @ (A.T + A) @ x.jacobian(z),
)

composite__quadratic_form_symmetric_wrt_z = Identity(
    name="composite__quadratic_form_symmetric_wrt_z",
    statement=r"\alpha = x^\top A x,\ A = A^\top \implies \frac{\partial \alpha}{\partial z} = "
    r"2 x^\top A \frac{\partial x}{\partial z}",
    source=SLIDE,
    conditions="x is n x 1, a function of the p-vector z; A is n x n symmetric, independent of z",
    inputs={"z": vector("p"), "x": smooth_map("p", "n"), "A": matrix("n", "n", "symmetric")},
    wrt="z",
    function=lambda z, x, A: x(z) @ A @ x(z),
    claimed=lambda z, x, A: 2 * x(z) @ A @ x.jacobian(z),
)

composite__symmetric_rule_on_general_A = Identity(
    name="composite__symmetric_rule_on_general_A",
    statement=r"\alpha = x^\top A x \implies \frac{\partial \alpha}{\partial z} = "
    r"2 x^\top A \frac{\partial x}{\partial z}\quad\text{(A not symmetric)}",
    source=SLIDE,
    conditions="x is n x 1, a function of the p-vector z; A is n x n, not assumed symmetric",
    inputs={"z": vector("p"), "x": smooth_map("p", "n"), "A": matrix("n", "n")},
    wrt="z",
    function=lambda z, x, A: x(z) @ A @ x(z),
    claimed=lambda z, x, A: 2 * x(z) @ A @ x.jacobian(z),
    holds=False,
    counterpart="composite__quadratic_form_wrt_z",
    lesson="2 x^T A dx/dz needs A = A^T. For a general A the derivative is "
    "x^T (A^T + A) dx/dz: only the symmetric part of A shapes x^T A x, and the "
    "chain rule through x(z) does not change that. The two agree exactly when "
    "x^T (A - A^T) dx/dz = 0.",
)
