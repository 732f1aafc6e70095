"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 4.5.3, the vector chain rule: the example y = [ln(x^2), sin(3x)], the rule for a
scalar and for a vector x, its diagonal special case, the shape table of its factors; and
section 8.5, the table of the three chain rules.

The rules are checked on generated smooth maps (affine, tanh, sin, exp and compositions),
whose Jacobians are known in closed form (numerator layout); where shapes are part of the
statement, the sizes are drawn pairwise different so that a transposed factor cannot fit.
"""

import dataclasses

import torch

from identities.spec import Identity, Source, scalar, smooth_map, vector

DOC = "parr-howard-2018"

#: f(g(x)) with x in R^n, g: R^n -> R^k, f: R^k -> R^m.
VECTOR_MAPS = {"x": vector("n"), "f": smooth_map("k", "m"), "g": smooth_map("n", "k")}
VECTOR_GENERATED = (
    "x in R^n, g: R^n -> R^k, f: R^k -> R^m any differentiable functions "
    "(generated); drawn with m, k, n pairwise different"
)
#: f_i(g_i) = F(g_i, i), g_i(x_i) = G(x_i, i): each a function of one entry.
ELEMENTWISE = {"x": vector("n"), "F": smooth_map(2, None), "G": smooth_map(2, None)}
ELEMENTWISE_CONDITION = (
    "f_i is purely a function of g_i and g_i of x_i: f_i(g) = F(g_i, i), "
    "g_i(x) = G(x_i, i) (F, G: R^2 -> R generated smooth maps)"
)


def _restated(spec, ref, name, statement, **changes):
    """``spec`` again, for the entry ``ref`` that states the same rule in its own words."""
    return dataclasses.replace(
        spec,
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        source=Source(DOC, ref),
        statement=statement,
        **changes,
    )


def _example(x):
    """y = [ln(x^2), sin(3x)] = f(g(x)), g = [x^2, 3x], f(g) = [ln(g_1), sin(g_2)]."""
    return torch.stack([torch.log(x**2), torch.sin(3 * x)])


def _example_factors(x):
    """df/dg = diag(1/g_1, cos(g_2)) and dg/dx = [2x, 3] at g = (x^2, 3x)."""
    g1, g2 = x**2, 3 * x
    return (
        torch.diag(torch.stack([1 / g1, torch.cos(g2)])),
        torch.stack([2 * x, torch.full_like(x, 3.0)]),
    )


def _example_terms(x):
    """The column [1/g_1 2x + 0, 0 + cos(g_2) 3] (2 x 1)."""
    g1, g2 = x**2, 3 * x
    return torch.stack([1 / g1 * 2 * x + 0, 0 + torch.cos(g2) * 3]).reshape(2, 1)


def _example_result(x):
    """The column [2/x, 3 cos(3x)] (2 x 1)."""
    return torch.stack([2 / x, 3 * torch.cos(3 * x)]).reshape(2, 1)


def _at(v, i):
    return torch.stack([v[i], torch.full_like(v[i], float(i))])


def _each(F, v):
    """v_i -> F(v_i, i) for every i: a function of the i-th entry alone."""
    return torch.stack([F(_at(v, i)) for i in range(v.shape[0])])


def _each_slope(F, v):
    """d/dv_i F(v_i, i) for every i, from F's closed-form Jacobian."""
    return torch.stack([F.jacobian(_at(v, i))[0] for i in range(v.shape[0])])


# -- the example ------------------------------------------------------------------------------
EXAMPLE = "f(g) = [ln(g_1), sin(g_2)], g(x) = [x^2, 3x]; implicit: x != 0 (ln(x^2) defined)"

ph_4_5_3_2__terms = Identity(
    name="ph_4_5_3_2__terms",
    statement=r"\frac{\partial \mathbf{y}}{\partial x} = \begin{bmatrix} \frac{\partial f_1}"
    r"{\partial g_1}\frac{\partial g_1}{\partial x} + \frac{\partial f_1}"
    r"{\partial g_2}\frac{\partial g_2}{\partial x}\\ \ldots \end{bmatrix} = "
    r"\begin{bmatrix} \frac{1}{g_1}2x + 0\\ 0 + cos(g_2)3 \end{bmatrix}",
    source=Source(DOC, "PH-4.5.3.2"),
    conditions=EXAMPLE + "; a vector by a scalar: a column (2 x 1)",
    inputs={"x": scalar("nonzero")},
    wrt="x",
    function=_example,
    claimed=_example_terms,
)

ph_4_5_3_2__result = Identity(
    name="ph_4_5_3_2__result",
    statement=r"\frac{\partial \mathbf{y}}{\partial x} = \begin{bmatrix} \frac{2x}{x^2}\\ "
    r"3cos(3x) \end{bmatrix} = \begin{bmatrix} \frac{2}{x}\\ 3cos(3x) "
    r"\end{bmatrix}",
    source=Source(DOC, "PH-4.5.3.2"),
    conditions=EXAMPLE,
    inputs={"x": scalar("nonzero")},
    wrt="x",
    function=_example,
    claimed=_example_result,
)

ph_4_5_3_4__matrix_vector = Identity(
    name="ph_4_5_3_4__matrix_vector",
    statement=r"\begin{bmatrix} \frac{\partial f_1}{\partial g_1} & \frac{\partial f_1}"
    r"{\partial g_2}\\ \frac{\partial f_2}{\partial g_1} & \frac{\partial f_2}"
    r"{\partial g_2} \end{bmatrix}\begin{bmatrix} \frac{\partial g_1}{\partial x}"
    r"\\ \frac{\partial g_2}{\partial x} \end{bmatrix} = \frac{\partial \mathbf{f}}"
    r"{\partial \mathbf{g}}\frac{\partial \mathbf{g}}{\partial x}",
    source=Source(DOC, "PH-4.5.3.4"),
    conditions="y = f(g(x)), g: R -> R^2, f: R^2 -> R^2 any differentiable functions "
    "(generated); the 2 x 2 matrix times the column, equal to dy/dx",
    inputs={"x": scalar(), "f": smooth_map(2, 2), "g": smooth_map(None, 2)},
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) @ g.jacobian(x).reshape(2, 1),
)

ph_4_5_3_5__factored = Identity(
    name="ph_4_5_3_5__factored",
    statement=r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial \mathbf{g}}"
    r"{\partial x} = \begin{bmatrix} \frac{1}{g_1} & 0\\ 0 & cos(g_2) \end{bmatrix}"
    r"\begin{bmatrix} 2x\\ 3 \end{bmatrix}",
    source=Source(DOC, "PH-4.5.3.5"),
    conditions=EXAMPLE,
    inputs={"x": scalar("nonzero")},
    wrt="x",
    function=_example,
    claimed=lambda x: (lambda J, d: J @ d)(*_example_factors(x)),
)

ph_4_5_3_5__terms = _restated(
    ph_4_5_3_2__terms,
    "PH-4.5.3.5",
    "terms",
    r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial \mathbf{g}}"
    r"{\partial x} = \begin{bmatrix} \frac{1}{g_1}2x + 0\\ 0 + cos(g_2)3 \end{bmatrix}",
    conditions=EXAMPLE,
)

ph_4_5_3_5__result = _restated(
    ph_4_5_3_2__result,
    "PH-4.5.3.5",
    "result",
    r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial \mathbf{g}}"
    r"{\partial x} = \begin{bmatrix} \frac{2}{x}\\ 3cos(3x) \end{bmatrix}",
)

# -- the rule ---------------------------------------------------------------------------------
ph_4_5_3_6__scalar_x = Identity(
    name="ph_4_5_3_6__scalar_x",
    statement=r"\frac{\partial}{\partial x} \mathbf{f}(\mathbf{g}(x)) = \frac{\partial "
    r"\mathbf{f}}{\partial \mathbf{g}}\frac{\partial\mathbf{g}}{\partial x}",
    source=Source(DOC, "PH-4.5.3.6"),
    conditions="x scalar, g: R -> R^k, f: R^k -> R^m any differentiable functions (generated)",
    inputs={"x": scalar(), "f": smooth_map("k", "m"), "g": smooth_map(None, "k")},
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) @ g.jacobian(x),
)

ph_4_5_3_7__single_variable = Identity(
    name="ph_4_5_3_7__single_variable",
    statement=r"\frac{d}{dx} f(g(x)) = \frac{df}{dg}\frac{dg}{dx}",
    source=Source(DOC, "PH-4.5.3.7"),
    conditions="f, g: R -> R any differentiable functions (generated)",
    inputs={"x": scalar(), "f": smooth_map(None, None), "g": smooth_map(None, None)},
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) * g.jacobian(x),
)

ph_4_5_3_8__vector_x = Identity(
    name="ph_4_5_3_8__vector_x",
    statement=r"\frac{\partial}{\partial \mathbf{x}} \mathbf{f}(\mathbf{g}(\mathbf{x})) = "
    r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial\mathbf{g}}"
    r"{\partial \mathbf{x}}\quad\text{(the order matters)}",
    source=Source(DOC, "PH-4.5.3.8"),
    conditions=VECTOR_GENERATED,
    inputs=VECTOR_MAPS,
    wrt="x",
    distinct=("m", "k", "n"),
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) @ g.jacobian(x),
)

ph_4_5_3_9__entries = Identity(
    name="ph_4_5_3_9__entries",
    statement=r"\frac{\partial}{\partial \mathbf{x}} \mathbf{f}(\mathbf{g}(\mathbf{x})) = "
    r"\left[\frac{\partial f_i}{\partial g_l}\right]_{m \times k}\left["
    r"\frac{\partial g_l}{\partial x_j}\right]_{k \times n}",
    source=Source(DOC, "PH-4.5.3.9"),
    conditions=VECTOR_GENERATED + "; m = |f|, k = |g|, n = |x|: the result is m x n = "
    "(m x k)(k x n); entry (i, j) is sum over l of df_i/dg_l dg_l/dx_j",
    inputs=VECTOR_MAPS,
    wrt="x",
    distinct=("m", "k", "n"),
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: torch.einsum("il,lj->ij", f.jacobian(g(x)), g.jacobian(x)),
)

# -- the diagonal case: f_i a function of g_i, g_i of x_i -------------------------------------
ph_4_5_3_10__df_dg = Identity(
    name="ph_4_5_3_10__df_dg",
    statement=r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}} = diag(\frac{\partial f_i}"
    r"{\partial g_i})",
    source=Source(DOC, "PH-4.5.3.10"),
    conditions=ELEMENTWISE_CONDITION + "; g an input here",
    inputs={"g": vector("n"), "F": smooth_map(2, None)},
    wrt="g",
    function=lambda g, F: _each(F, g),
    claimed=lambda g, F: torch.diag(_each_slope(F, g)),
)

ph_4_5_3_10__dg_dx = Identity(
    name="ph_4_5_3_10__dg_dx",
    statement=r"\frac{\partial \mathbf{g}}{\partial \mathbf{x}} = diag(\frac{\partial g_i}"
    r"{\partial x_i})",
    source=Source(DOC, "PH-4.5.3.10"),
    conditions=ELEMENTWISE_CONDITION,
    inputs={"x": vector("n"), "G": smooth_map(2, None)},
    wrt="x",
    function=lambda x, G: _each(G, x),
    claimed=lambda x, G: torch.diag(_each_slope(G, x)),
)

ph_4_5_3_11__product_of_diagonals = Identity(
    name="ph_4_5_3_11__product_of_diagonals",
    statement=r"\frac{\partial}{\partial \mathbf{x}} \mathbf{f}(\mathbf{g}(\mathbf{x})) = "
    r"diag(\frac{\partial f_i}{\partial g_i})diag(\frac{\partial g_i}"
    r"{\partial x_i})",
    source=Source(DOC, "PH-4.5.3.11"),
    conditions=ELEMENTWISE_CONDITION,
    inputs=ELEMENTWISE,
    wrt="x",
    function=lambda x, F, G: _each(F, _each(G, x)),
    claimed=lambda x, F, G: torch.diag(_each_slope(F, _each(G, x))) @ torch.diag(_each_slope(G, x)),
)

ph_4_5_3_11__diagonal_of_products = Identity(
    name="ph_4_5_3_11__diagonal_of_products",
    statement=r"\frac{\partial}{\partial \mathbf{x}} \mathbf{f}(\mathbf{g}(\mathbf{x})) = "
    r"diag(\frac{\partial f_i}{\partial g_i}\frac{\partial g_i}{\partial x_i})",
    source=Source(DOC, "PH-4.5.3.11"),
    conditions=ELEMENTWISE_CONDITION,
    inputs=ELEMENTWISE,
    wrt="x",
    function=lambda x, F, G: _each(F, _each(G, x)),
    claimed=lambda x, F, G: torch.diag(_each_slope(F, _each(G, x)) * _each_slope(G, x)),
)

# -- the shape table: scalar or vector f, through scalar or vector u, of scalar or vector x ---
SHAPES = "f(u(x)) with generated maps; the factors in the shapes the table draws"


def _cell(name, statement, inputs, claimed, conditions, distinct=()):
    """A cell of the table: d f(u(x)) / dx as the product of the two factors it draws."""
    return Identity(
        name=f"ph_4_5_3_12__{name}",
        statement=statement,
        source=Source(DOC, "PH-4.5.3.12"),
        conditions=f"{SHAPES}; {conditions}",
        inputs=inputs,
        wrt="x",
        distinct=distinct,
        function=lambda x, f, u: f(u(x)),
        claimed=claimed,
    )


SHAPE_TABLE = [
    _cell(
        "scalar_f_scalar_u_scalar_x",
        r"\frac{\partial f}{\partial u}\frac{\partial u}{\partial x}\ (1 \times 1)(1 \times 1)",
        {"x": scalar(), "f": smooth_map(None, None), "u": smooth_map(None, None)},
        lambda x, f, u: f.jacobian(u(x)) * u.jacobian(x),
        "scalars",
    ),
    _cell(
        "scalar_f_vector_u_scalar_x",
        r"\frac{\partial f}{\partial \mathbf{u}}\frac{\partial \mathbf{u}}{\partial x}\ "
        r"(1 \times k)(k \times 1)",
        {"x": scalar(), "f": smooth_map("k", None), "u": smooth_map(None, "k")},
        lambda x, f, u: f.jacobian(u(x)) @ u.jacobian(x),
        "a row times a column (1-d tensors), the 1 x 1 product compared as the scalar "
        "derivative it is",
    ),
    _cell(
        "scalar_f_vector_u_vector_x",
        r"\frac{\partial f}{\partial \mathbf{u}}\frac{\partial \mathbf{u}}{\partial "
        r"\mathbf{x}}\ (1 \times k)(k \times n)",
        {"x": vector("n"), "f": smooth_map("k", None), "u": smooth_map("n", "k")},
        lambda x, f, u: f.jacobian(u(x)).reshape(1, -1) @ u.jacobian(x),
        "a row (1 x k) times a k x n matrix: a row (1 x n); k != n",
        ("k", "n"),
    ),
    _cell(
        "vector_f_scalar_u_scalar_x",
        r"\frac{\partial \mathbf{f}}{\partial u}\frac{\partial u}{\partial x}\ "
        r"(m \times 1)(1 \times 1)",
        {"x": scalar(), "f": smooth_map(None, "m"), "u": smooth_map(None, None)},
        lambda x, f, u: f.jacobian(u(x)).reshape(-1, 1) * u.jacobian(x),
        "a column (m x 1) times a scalar",
    ),
    _cell(
        "vector_f_vector_u_scalar_x",
        r"\frac{\partial \mathbf{f}}{\partial \mathbf{u}}\frac{\partial \mathbf{u}}"
        r"{\partial x}\ (m \times k)(k \times 1)",
        {"x": scalar(), "f": smooth_map("k", "m"), "u": smooth_map(None, "k")},
        lambda x, f, u: f.jacobian(u(x)) @ u.jacobian(x).reshape(-1, 1),
        "an m x k matrix times a column (k x 1): a column (m x 1); m != k",
        ("m", "k"),
    ),
    _cell(
        "vector_f_vector_u_vector_x",
        r"\frac{\partial \mathbf{f}}{\partial \mathbf{u}}\frac{\partial \mathbf{u}}"
        r"{\partial \mathbf{x}}\ (m \times k)(k \times n)",
        {"x": vector("n"), "f": smooth_map("k", "m"), "u": smooth_map("n", "k")},
        lambda x, f, u: f.jacobian(u(x)) @ u.jacobian(x),
        "m, k, n pairwise different",
        ("m", "k", "n"),
    ),
]

# -- section 8.5: the table of chain rules ----------------------------------------------------
ph_8_5_1__single_variable = _restated(
    ph_4_5_3_7__single_variable,
    "PH-8.5.1",
    "single_variable",
    r"\frac{df}{dx} = \frac{df}{du}\frac{du}{dx}",
    conditions="f and the intermediate u functions of one variable (generated)",
)

ph_8_5_1__total_derivative = Identity(
    name="ph_8_5_1__total_derivative",
    statement=r"\frac{\partial f(u_1,\ldots,u_n)}{\partial x} = \frac{\partial f}"
    r"{\partial \mathbf{u}} \frac{\partial \mathbf{u}}{\partial x}",
    source=Source(DOC, "PH-8.5.1"),
    conditions="intermediates u_1..u_n of one variable x, f multivariate: u: R -> R^n, "
    "f: R^n -> R (generated); the row df/du times the column du/dx (1-d "
    "tensors), compared as the scalar derivative",
    inputs={"x": scalar(), "f": smooth_map("n", None), "u": smooth_map(None, "n")},
    wrt="x",
    function=lambda x, f, u: f(u(x)),
    claimed=lambda x, f, u: f.jacobian(u(x)) @ u.jacobian(x),
)

ph_8_5_1__vector = _restated(
    ph_4_5_3_8__vector_x,
    "PH-8.5.1",
    "vector",
    r"\frac{\partial}{\partial \mathbf{x}} \mathbf{f}(\mathbf{g}(\mathbf{x})) = "
    r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial\mathbf{g}}"
    r"{\partial \mathbf{x}}",
    conditions=VECTOR_GENERATED + "; the general form",
)
