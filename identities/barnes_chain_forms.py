"""Barnes (2006), "Matrix Differentiation (and some other stuff)", section 5 "Matrix
Differentiation": Propositions 10-14, inner products and forms of vectors that are functions
of a vector z: y^T x (51)-(54), x^T x (56), y^T A x (58), (60)-(62), x^T A x (64) and, for a
symmetric A, (66).

x(z) and y(z) are generated smooth maps with their Jacobians in closed form; numerator
layout, so dalpha/dz is a row and dx/dz has a row per entry of x. z has p entries (its size
is not stated), except in (53), whose printed bound k = 1, ..., n gives z n entries.
"""

from identities.notation import vector_by_entries
from identities.spec import Identity, Source, matrix, smooth_map, vector

DOC = "barnes-2006"


# -- Proposition 10: alpha = y^T x -------------------------------------------------------------
INNER = {"y": smooth_map("p", "n"), "x": smooth_map("p", "n"), "z": vector("p")}
INNER_CONDITIONS = (
    "y is n x 1, x is n x 1, and both y and x are functions of the vector z "
    "(generated smooth maps R^p -> R^n)"
)
PROOF_10 = " (proof of Proposition 10)"


def _inner(y, x, z):
    return y(z) @ x(z)


def _product_rule(y, x, z):
    """x^T dy/dz + y^T dx/dz."""
    return x(z) @ y.jacobian(z) + y(z) @ x.jacobian(z)


barnes_51__inner_product_rule = Identity(
    name="barnes_51__inner_product_rule",
    statement=r"\alpha=\mathbf{y}^{T}\mathbf{x}\implies\frac{\partial \alpha}{\partial "
    r"\mathbf{z}}=\mathbf{x}^{T}\frac{\partial \mathbf{y}}{\partial \mathbf{z}}"
    r"+\mathbf{y}^{T}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "51"),
    conditions=INNER_CONDITIONS,
    inputs=INNER,
    wrt="z",
    function=_inner,
    claimed=_product_rule,
)

barnes_52__inner_product_by_entries = Identity(
    name="barnes_52__inner_product_by_entries",
    statement=r"\alpha=\sum_{j=1}^{n} x_{j} y_{j}",
    source=Source(DOC, "52"),
    conditions=INNER_CONDITIONS + PROOF_10,
    inputs=INNER,
    form="value",
    function=_inner,
    claimed=lambda y, x, z: sum(x(z)[j] * y(z)[j] for j in range(x(z).shape[0])),
)

barnes_53__inner_product_partials = Identity(
    name="barnes_53__inner_product_partials",
    statement=r"\frac{\partial \alpha}{\partial z_{k}}=\sum_{j=1}^{n}\left(x_{j}\frac{\partial "
    r"y_{j}}{\partial z_{k}}+y_{j}\frac{\partial x_{j}}{\partial z_{k}}\right)\quad "
    r"(k=1,\ldots,n)",
    source=Source(DOC, "53"),
    conditions="y is n x 1, x is n x 1, both functions of the vector z; k = 1, ..., n as "
    "printed, so z has n entries (generated smooth maps R^n -> R^n)" + PROOF_10,
    inputs={"y": smooth_map("n", "n"), "x": smooth_map("n", "n"), "z": vector("n")},
    wrt="z",
    function=_inner,
    claimed=lambda y, x, z: vector_by_entries(
        z.shape[0],
        lambda k: sum(
            x(z)[j] * y.jacobian(z)[j, k] + y(z)[j] * x.jacobian(z)[j, k]
            for j in range(x(z).shape[0])
        ),
    ),
)

barnes_54__inner_product_chain = Identity(
    name="barnes_54__inner_product_chain",
    statement=r"\frac{\partial \alpha}{\partial \mathbf{z}}=\frac{\partial \alpha}{\partial "
    r"\mathbf{y}}\frac{\partial \mathbf{y}}{\partial \mathbf{z}}+\frac{\partial "
    r"\alpha}{\partial \mathbf{x}}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}"
    r"=\mathbf{x}^{T}\frac{\partial \mathbf{y}}{\partial \mathbf{z}}+\mathbf{y}^{T}"
    r"\frac{\partial \mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "54"),
    conditions=INNER_CONDITIONS
    + "; dalpha/dy = x^T and dalpha/dx = y^T by Proposition 7"
    + PROOF_10,
    inputs=INNER,
    wrt="z",
    function=_inner,
    claimed=_product_rule,
)

# -- Proposition 11: alpha = x^T x -------------------------------------------------------------
barnes_56__squared_norm_of_inner_map = Identity(
    name="barnes_56__squared_norm_of_inner_map",
    statement=r"\alpha=\mathbf{x}^{T}\mathbf{x}\implies\frac{\partial \alpha}{\partial "
    r"\mathbf{z}}=2\mathbf{x}^{T}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "56"),
    conditions="x is n x 1 and a function of the vector z (a generated smooth map R^p -> R^n)",
    inputs={"x": smooth_map("p", "n"), "z": vector("p")},
    wrt="z",
    function=lambda x, z: x(z) @ x(z),
    claimed=lambda x, z: 2 * x(z) @ x.jacobian(z),
)

# -- Proposition 12: alpha = y^T A x -----------------------------------------------------------
BILINEAR = {
    "y": smooth_map("p", "m"),
    "A": matrix("m", "n"),
    "x": smooth_map("p", "n"),
    "z": vector("p"),
}
BILINEAR_CONDITIONS = (
    "y is m x 1, x is n x 1, A is m x n; y and x are functions of the "
    "vector z (generated smooth maps R^p -> R^m and R^p -> R^n), while A "
    "does not depend on z"
)
PROOF_12 = " (proof of Proposition 12)"


def _bilinear(y, A, x, z):
    return y(z) @ A @ x(z)


def _bilinear_rule(y, A, x, z):
    """x^T A^T dy/dz + y^T A dx/dz."""
    return x(z) @ A.T @ y.jacobian(z) + y(z) @ A @ x.jacobian(z)


barnes_58__bilinear_form_of_inner_maps = Identity(
    name="barnes_58__bilinear_form_of_inner_maps",
    statement=r"\alpha=\mathbf{y}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{z}}=\mathbf{x}^{T}\mathbf{A}^{T}\frac{\partial \mathbf{y}}"
    r"{\partial \mathbf{z}}+\mathbf{y}^{T}\mathbf{A}\frac{\partial \mathbf{x}}"
    r"{\partial \mathbf{z}}",
    source=Source(DOC, "58"),
    conditions=BILINEAR_CONDITIONS,
    inputs=BILINEAR,
    wrt="z",
    function=_bilinear,
    claimed=_bilinear_rule,
)

barnes_60__bilinear_form_as_inner_product = Identity(
    name="barnes_60__bilinear_form_as_inner_product",
    statement=r"\alpha=\mathbf{w}^{T}\mathbf{x},\quad \mathbf{w}^{T}=\mathbf{y}^{T}\mathbf{A}",
    source=Source(DOC, "60"),
    conditions=BILINEAR_CONDITIONS + "; w^T = y^T A (59)" + PROOF_12,
    inputs=BILINEAR,
    form="value",
    function=_bilinear,
    claimed=lambda y, A, x, z: (A.T @ y(z)) @ x(z),
)

barnes_61__bilinear_form_by_product_rule = Identity(
    name="barnes_61__bilinear_form_by_product_rule",
    statement=r"\frac{\partial \alpha}{\partial \mathbf{z}}=\mathbf{x}^{T}\frac{\partial "
    r"\mathbf{w}}{\partial \mathbf{z}}+\mathbf{w}^{T}\frac{\partial \mathbf{x}}"
    r"{\partial \mathbf{z}}",
    source=Source(DOC, "61"),
    conditions=BILINEAR_CONDITIONS + "; w = A^T y (59), so dw/dz = A^T dy/dz by "
    "Proposition 6; Proposition 10 applied" + PROOF_12,
    inputs=BILINEAR,
    wrt="z",
    function=_bilinear,
    claimed=lambda y, A, x, z: x(z) @ (A.T @ y.jacobian(z)) + (A.T @ y(z)) @ x.jacobian(z),
)

barnes_62__bilinear_form_chain = Identity(
    name="barnes_62__bilinear_form_chain",
    statement=r"\frac{\partial \alpha}{\partial \mathbf{z}}=\frac{\partial \alpha}{\partial "
    r"\mathbf{y}}\frac{\partial \mathbf{y}}{\partial \mathbf{z}}+\frac{\partial "
    r"\alpha}{\partial \mathbf{x}}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}"
    r"=\mathbf{x}^{T}\mathbf{A}^{T}\frac{\partial \mathbf{y}}{\partial \mathbf{z}}"
    r"+\mathbf{y}^{T}\mathbf{A}\frac{\partial \mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "62"),
    conditions=BILINEAR_CONDITIONS + "; dalpha/dy = x^T A^T and dalpha/dx = y^T A by "
    "Proposition 7" + PROOF_12,
    inputs=BILINEAR,
    wrt="z",
    function=_bilinear,
    claimed=_bilinear_rule,
)

# -- Propositions 13 and 14: alpha = x^T A x ---------------------------------------------------
QUADRATIC_CONDITIONS = (
    "x is n x 1, A is n x n; x is a function of the vector z (a "
    "generated smooth map R^p -> R^n), while A does not depend on z"
)


def _quadratic(x, A, z):
    return x(z) @ A @ x(z)


barnes_64__quadratic_form_of_inner_map = Identity(
    name="barnes_64__quadratic_form_of_inner_map",
    statement=r"\alpha=\mathbf{x}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{z}}=\mathbf{x}^{T}\left(\mathbf{A}+\mathbf{A}^{T}\right)"
    r"\frac{\partial \mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "64"),
    conditions=QUADRATIC_CONDITIONS + " (A is not assumed symmetric)",
    inputs={"x": smooth_map("p", "n"), "A": matrix("n", "n"), "z": vector("p")},
    wrt="z",
    function=_quadratic,
    claimed=lambda x, A, z: x(z) @ (A + A.T) @ x.jacobian(z),
)

barnes_66__quadratic_form_of_inner_map_symmetric_A = Identity(
    name="barnes_66__quadratic_form_of_inner_map_symmetric_A",
    statement=r"\mathbf{A}=\mathbf{A}^{T}\implies\frac{\partial\,\mathbf{x}^{T}\mathbf{A}"
    r"\mathbf{x}}{\partial \mathbf{z}}=2\mathbf{x}^{T}\mathbf{A}\frac{\partial "
    r"\mathbf{x}}{\partial \mathbf{z}}",
    source=Source(DOC, "66"),
    conditions="A is symmetric; " + QUADRATIC_CONDITIONS,
    inputs={"x": smooth_map("p", "n"), "A": matrix("n", "n", "symmetric"), "z": vector("p")},
    wrt="z",
    function=_quadratic,
    claimed=lambda x, A, z: 2 * x(z) @ A @ x.jacobian(z),
)
