"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 4.2, derivatives of vector element-wise binary operators y = f(w) (op) g(x), its
two tables (partials with respect to w and to x), and their summary in section 8.2.

The general rules hold for any element-wise f, g and operator: they are checked on generated
smooth maps. f_i(w_i) = F(w_i, i) with F: R^2 -> R drawn, so each index has its own
function of w_i alone (the element-wise diagonal condition), and a (op) b = H(a, b) with
H: R^2 -> R drawn; the claims use the maps' closed-form derivatives, never an oracle.
"""

import dataclasses

import torch

from identities.spec import Identity, Source, scalar, smooth_map, vector

DOC = "parr-howard-2018"

#: w and x are n x 1 with the same n.
GENERAL = {"w": vector("n"), "x": vector("n")}
#: The divisor x of w / x is kept away from 0.
DIVISOR = {"w": vector("n"), "x": vector("n", "nonzero")}
#: w, x, and the generated f_i = F(., i), g_i = G(., i) and operator H.
GENERATED = {
    "w": vector("n"),
    "x": vector("n"),
    "F": smooth_map(2, None),
    "G": smooth_map(2, None),
    "H": smooth_map(2, None),
}
DIAGONAL_CONDITION = (
    "the element-wise diagonal condition: f_i(w) = F(w_i, i) and "
    "g_i(x) = G(x_i, i) use w_i and x_i only; a (op) b = H(a, b) any "
    "element-wise operator (F, G, H: R^2 -> R generated smooth maps)"
)


def _at(v, i):
    """The point (v_i, i) at which the i-th function F(., i) is evaluated."""
    return torch.stack([v[i], torch.full_like(v[i], float(i))])


def _each(F, v):
    """f_i(v_i) = F(v_i, i) for every i: a different smooth function of v_i alone per index."""
    return torch.stack([F(_at(v, i)) for i in range(v.shape[0])])


def _each_slope(F, v):
    """d f_i(v_i) / d v_i = dF/da at (v_i, i), from F's closed-form Jacobian."""
    return torch.stack([F.jacobian(_at(v, i))[0] for i in range(v.shape[0])])


def _op(H, a, b):
    """a (op) b = H(a_i, b_i) entry by entry."""
    return torch.stack([H(torch.stack([a[i], b[i]])) for i in range(a.shape[0])])


def _op_slopes(H, a, b):
    """The partials of H with respect to its first and second argument, entry by entry."""
    jac = torch.stack([H.jacobian(torch.stack([a[i], b[i]])) for i in range(a.shape[0])])
    return jac[:, 0], jac[:, 1]


def _y(w, x, F, G, H):
    """y_i = f_i(w_i) (op) g_i(x_i)."""
    return _op(H, _each(F, w), _each(G, x))


def _diagonal_wrt_w(w, x, F, G, H):
    """diag(d/dw_i (f_i(w_i) (op) g_i(x_i))) = diag(H_a(f_i, g_i) f_i'(w_i))."""
    h_a, _ = _op_slopes(H, _each(F, w), _each(G, x))
    return torch.diag(h_a * _each_slope(F, w))


def _diagonal_wrt_x(w, x, F, G, H):
    """diag(d/dx_i (f_i(w_i) (op) g_i(x_i))) = diag(H_b(f_i, g_i) g_i'(x_i))."""
    _, h_b = _op_slopes(H, _each(F, w), _each(G, x))
    return torch.diag(h_b * _each_slope(G, x))


def _eye(v):
    return torch.eye(v.shape[0], dtype=torch.float64)


def _restated(spec, ref, name, statement, **changes):
    """``spec`` again, for the entry ``ref`` that states the same rule in its own words."""
    return dataclasses.replace(
        spec,
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        source=Source(DOC, ref),
        statement=statement,
        **changes,
    )


def _rule(ref, name, statement, wrt, function, claimed, inputs=GENERAL, conditions=""):
    """A row of the operator tables: y = w (op) x differentiated with respect to ``wrt``."""
    return Identity(
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        statement=statement,
        source=Source(DOC, ref),
        conditions=conditions,
        inputs=inputs,
        wrt=wrt,
        function=function,
        claimed=claimed,
    )


# -- the off-diagonal entries: zero when f_i and g_i do not depend on w_j ---------------------
def _cumulative(w, F):
    """f_i(w) = F(w_1 + ... + w_i, i): depends on w_1..w_i only."""
    return _each(F, torch.cumsum(w, 0))


def _triangular_y(w, x, F, G, H):
    return _op(H, _cumulative(w, F), G(x))


def _triangular_jacobian(w, x, F, G, H):
    """0 where j > i (the entry's condition holds); H_a(f_i, g_i) dF/da where j <= i."""
    c = torch.cumsum(w, 0)
    h_a, _ = _op_slopes(H, _cumulative(w, F), G(x))
    lower = torch.tril(torch.ones(w.shape[0], w.shape[0], dtype=torch.float64))
    return lower * (h_a * _each_slope(F, c))[:, None]


def _power_y(w, x):
    """y_i = f_i(w)^(x_i), f_i(w) = exp(tanh(w_1 + ... + w_i)) > 0: (op) = power."""
    return torch.exp(torch.tanh(torch.cumsum(w, 0))) ** x


def _power_jacobian(w, x):
    """0 where j > i; x_i y_i (1 - tanh^2(w_1 + ... + w_i)) where j <= i."""
    t = torch.tanh(torch.cumsum(w, 0))
    lower = torch.tril(torch.ones(w.shape[0], w.shape[0], dtype=torch.float64))
    return lower * (x * _power_y(w, x) * (1 - t**2))[:, None]


ph_4_2_4__off_diagonal_zero = Identity(
    name="ph_4_2_4__off_diagonal_zero",
    statement=r"\frac{\partial}{\partial w_j} ( f_i(\mathbf{w}) \bigcirc g_i(\mathbf{x}) ) "
    r"= 0 \quad (j \neq i)\ \text{when}\ \frac{\partial}{\partial w_j} "
    r"f_i(\mathbf{w}) = \frac{\partial}{\partial w_j} g_i(\mathbf{x}) = 0",
    source=Source(DOC, "PH-4.2.4"),
    conditions="j != i with dfi/dwj = dgi/dwj = 0; f_i(w) = F(w_1 + ... + w_i, i), "
    "g(x) = G(x), a (op) b = H(a, b) (F, H: R^2 -> R and G: R^n -> R^n generated "
    "smooth maps); the claim is 0 where the condition holds (j > i) and, where "
    "the entry says nothing (j <= i), the chain rule's H_a(f_i, g_i) dF/da",
    reading="An instance: f_i depends on w_1..w_i only, so that in one Jacobian the condition "
    "holds exactly above the diagonal; g depends on x alone, as the entry has it.",
    inputs={
        "w": vector("n"),
        "x": vector("n"),
        "F": smooth_map(2, None),
        "G": smooth_map("n", "n"),
        "H": smooth_map(2, None),
    },
    wrt="w",
    function=_triangular_y,
    claimed=_triangular_jacobian,
)

ph_4_2_4__zero_op_zero = Identity(
    name="ph_4_2_4__zero_op_zero",
    statement=r"0 \bigcirc 0 = 0\ \text{no matter what}\quad(\bigcirc = \text{power}: "
    r"0^0)",
    source=Source(DOC, "PH-4.2.4"),
    conditions="(op) any element-wise binary operator, as the entry says; here w^x, taken "
    "entry by entry",
    inputs={"a": scalar("zero"), "b": scalar("zero")},
    form="value",
    function=lambda a, b: a**b,
    claimed=lambda a, b: torch.zeros_like(a),
    holds=False,
    counterpart="ph_4_2_4__off_diagonal_zero__power",
    lesson="The entry's reason, 0 (op) 0 = 0 whatever the operator, is not true: 0^0 = 1 for "
    "the power w^x, and 0 / 0 (element-wise division, one of the section's own "
    "operators) is not defined. The conclusion is right for another reason: by the "
    "chain rule, d/dw_j (f_i(w) (op) g_i(x)) = (d op/da) df_i/dw_j + (d op/db) "
    "dg_i/dw_j, a sum of terms each with a zero factor when both partials vanish, so "
    "it is 0 for every differentiable operator. The derivative of f (op) g is not "
    "(df) (op) (dg): for the product it is f dg + g df, not df dg.",
)

ph_4_2_4__off_diagonal_zero__power = Identity(
    name="ph_4_2_4__off_diagonal_zero__power",
    statement=r"\frac{\partial}{\partial w_j} ( f_i(\mathbf{w})^{g_i(\mathbf{x})} ) = "
    r"\frac{\partial \bigcirc}{\partial a}\frac{\partial f_i}{\partial w_j} + "
    r"\frac{\partial \bigcirc}{\partial b}\frac{\partial g_i}{\partial w_j} = 0 "
    r"\quad (j > i)",
    source=Source(DOC, "PH-4.2.4"),
    conditions="f_i(w) = exp(tanh(w_1 + ... + w_i)) > 0, g_i(x) = x_i, (op) = power; the "
    "claim is 0 where dfi/dwj = 0 (j > i) and the chain rule's value where j <= i",
    reading="The reason corrected: the off-diagonal derivative vanishes because each term "
    "of the chain rule has a zero factor, for any differentiable operator; checked "
    "on the power, whose 0 (op) 0 = 0^0 is 1, not 0.",
    inputs=GENERAL,
    wrt="w",
    function=_power_y,
    claimed=_power_jacobian,
)

# -- the diagonal Jacobians under the element-wise diagonal condition -------------------------
ph_4_2_5__diagonal_jacobian = Identity(
    name="ph_4_2_5__diagonal_jacobian",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{w}} = \begin{bmatrix} "
    r"\frac{\partial}{\partial w_1} ( f_{1}(w_1) \bigcirc g_{1}(x_1) ) & & "
    r"\text{\huge0}\\ & \ldots \\ \text{\huge0} & & \frac{\partial}{\partial w_n} "
    r"(f_{n}(w_n) \bigcirc g_{n}(x_n) ) \end{bmatrix}",
    source=Source(DOC, "PH-4.2.5"),
    conditions=DIAGONAL_CONDITION,
    inputs=GENERATED,
    wrt="w",
    function=_y,
    claimed=_diagonal_wrt_w,
)

ph_4_2_6__diag_wrt_w = Identity(
    name="ph_4_2_6__diag_wrt_w",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{w}} = diag \left( "
    r"\frac{\partial}{\partial w_1}(f_{1}(w_1) \bigcirc g_{1}(x_1)),~ \ldots,~ "
    r"\frac{\partial}{\partial w_n}(f_{n}(w_n) \bigcirc g_{n}(x_n)) \right)",
    source=Source(DOC, "PH-4.2.6"),
    conditions=DIAGONAL_CONDITION,
    inputs=GENERATED,
    wrt="w",
    function=_y,
    claimed=_diagonal_wrt_w,
)

ph_4_2_7__diag_wrt_x = Identity(
    name="ph_4_2_7__diag_wrt_x",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = diag \left( "
    r"\frac{\partial}{\partial x_1}(f_{1}(w_1) \bigcirc g_{1}(x_1)),~ \ldots,~ "
    r"\frac{\partial}{\partial x_n}(f_{n}(w_n) \bigcirc g_{n}(x_n)) \right)",
    source=Source(DOC, "PH-4.2.7"),
    conditions=DIAGONAL_CONDITION,
    inputs=GENERATED,
    wrt="x",
    function=_y,
    claimed=_diagonal_wrt_x,
)

# -- the example y = w + x, entry by entry and as a matrix ------------------------------------
ph_4_2_8__add_entry_wrt_w = Identity(
    name="ph_4_2_8__add_entry_wrt_w",
    statement=r"\frac{\partial}{\partial w_i} ( f_{i}(w_i) + g_{i}(x_i) ) = "
    r"\frac{\partial}{\partial w_i}(w_i + x_i) = 1 + 0 = 1",
    source=Source(DOC, "PH-4.2.8"),
    conditions="f(w) = w, g(x) = x, (op) = +; w_i, x_i the i-th entries",
    inputs={"w_i": scalar(), "x_i": scalar()},
    wrt="w_i",
    function=lambda w_i, x_i: w_i + x_i,
    claimed=lambda w_i, x_i: torch.ones_like(w_i),
)

ph_4_2_9__add_entry_wrt_x = Identity(
    name="ph_4_2_9__add_entry_wrt_x",
    statement=r"\frac{\partial}{\partial x_i} ( f_{i}(w_i) + g_{i}(x_i) ) = "
    r"\frac{\partial}{\partial x_i}(w_i + x_i) = 0 + 1 = 1",
    source=Source(DOC, "PH-4.2.9"),
    conditions="f(w) = w, g(x) = x, (op) = +; w_i, x_i the i-th entries",
    inputs={"w_i": scalar(), "x_i": scalar()},
    wrt="x_i",
    function=lambda w_i, x_i: w_i + x_i,
    claimed=lambda w_i, x_i: torch.ones_like(x_i),
)

ADD = r"\frac{\partial (\mathbf{w+x})}{\partial \mathbf{w}} = "
ADD_X = r"\frac{\partial (\mathbf{w+x})}{\partial \mathbf{x}} = "
SUB = r"\frac{\partial (\mathbf{w-x})}{\partial \mathbf{w}} = "
SUB_X = r"\frac{\partial (\mathbf{w-x})}{\partial \mathbf{x}} = "
MUL = r"\frac{\partial (\mathbf{w \otimes x})}{\partial \mathbf{w}} = "
MUL_X = r"\frac{\partial (\mathbf{w \otimes x})}{\partial \mathbf{x}} = "
DIV = r"\frac{\partial (\mathbf{w \oslash x})}{\partial \mathbf{w}} = "
DIV_X = r"\frac{\partial (\mathbf{w \oslash x})}{\partial \mathbf{x}} = "
NONZERO = "implicit: x_i != 0, so that w_i / x_i is defined"

OPERATOR_TABLES = [
    _rule(
        "PH-4.2.10", "add_wrt_w", ADD + ADD_X + "I", "w", lambda w, x: w + x, lambda w, x: _eye(w)
    ),
    _rule(
        "PH-4.2.10", "add_wrt_x", ADD + ADD_X + "I", "x", lambda w, x: w + x, lambda w, x: _eye(x)
    ),
    # the table 'partial with respect to w'
    _rule(
        "PH-4.2.11a",
        "add_wrt_w",
        ADD + r"diag(\ldots \frac{\partial (w_i + x_i)}{\partial w_i} \ldots) = "
        r"diag(\overrightarrow{\mathbf 1}) = I",
        "w",
        lambda w, x: w + x,
        lambda w, x: _eye(w),
    ),
    _rule(
        "PH-4.2.11b",
        "sub_wrt_w",
        SUB + r"diag(\ldots\frac{\partial (w_i - x_i)}{\partial w_i}\ldots) = "
        r"diag(\overrightarrow{\mathbf 1}) = I",
        "w",
        lambda w, x: w - x,
        lambda w, x: _eye(w),
    ),
    _rule(
        "PH-4.2.11c",
        "mul_wrt_w",
        MUL + r"diag(\ldots\frac{\partial (w_i \times x_i)}{\partial w_i} \ldots) = "
        r"diag(\mathbf{x})",
        "w",
        lambda w, x: w * x,
        lambda w, x: torch.diag(x),
    ),
    _rule(
        "PH-4.2.11d",
        "div_wrt_w",
        DIV + r"diag(\ldots\frac{\partial (w_i / x_i)}{\partial w_i}\ldots) = "
        r"diag(\ldots \frac{1}{x_i} \ldots)",
        "w",
        lambda w, x: w / x,
        lambda w, x: torch.diag(1 / x),
        DIVISOR,
        NONZERO,
    ),
    # the table 'partial with respect to x'
    _rule("PH-4.2.12a", "add_wrt_x", ADD_X + "I", "x", lambda w, x: w + x, lambda w, x: _eye(x)),
    _rule(
        "PH-4.2.12b",
        "sub_wrt_x",
        SUB_X + r"diag(\ldots\frac{\partial (w_i - x_i)}{\partial x_i}\ldots) = "
        r"diag(-\overrightarrow{\mathbf 1}) = -I",
        "x",
        lambda w, x: w - x,
        lambda w, x: -_eye(x),
    ),
    _rule(
        "PH-4.2.12c",
        "mul_wrt_x",
        MUL_X + r"diag(\mathbf{w})",
        "x",
        lambda w, x: w * x,
        lambda w, x: torch.diag(w),
    ),
    _rule(
        "PH-4.2.12d",
        "div_wrt_x",
        DIV_X + r"diag(\ldots \frac{-w_i}{x_i^2} \ldots)",
        "x",
        lambda w, x: w / x,
        lambda w, x: torch.diag(-w / x**2),
        DIVISOR,
        NONZERO,
    ),
]

# -- section 8.2: the summary ---------------------------------------------------------------
ph_8_2_3__diag_wrt_w = _restated(
    ph_4_2_6__diag_wrt_w, "PH-8.2.3", "diag_wrt_w", ph_4_2_6__diag_wrt_w.statement
)

SUMMARY_TABLE = [
    _rule("PH-8.2.4a", "add_wrt_w", ADD + "I", "w", lambda w, x: w + x, lambda w, x: _eye(w)),
    _rule("PH-8.2.4a", "add_wrt_x", ADD_X + "I", "x", lambda w, x: w + x, lambda w, x: _eye(x)),
    _rule("PH-8.2.4b", "sub_wrt_w", SUB + "I", "w", lambda w, x: w - x, lambda w, x: _eye(w)),
    _rule("PH-8.2.4b", "sub_wrt_x", SUB_X + "-I", "x", lambda w, x: w - x, lambda w, x: -_eye(x)),
    _rule(
        "PH-8.2.4c",
        "mul_wrt_w",
        MUL + r"diag(\mathbf{x})",
        "w",
        lambda w, x: w * x,
        lambda w, x: torch.diag(x),
    ),
    _rule(
        "PH-8.2.4c",
        "mul_wrt_x",
        MUL_X + r"diag(\mathbf{w})",
        "x",
        lambda w, x: w * x,
        lambda w, x: torch.diag(w),
    ),
    _rule(
        "PH-8.2.4d",
        "div_wrt_w",
        DIV + r"diag(\ldots \frac{1}{x_i} \ldots)",
        "w",
        lambda w, x: w / x,
        lambda w, x: torch.diag(1 / x),
        DIVISOR,
        NONZERO,
    ),
    _rule(
        "PH-8.2.4d",
        "div_wrt_x",
        DIV_X + r"diag(\ldots \frac{-w_i}{x_i^2} \ldots)",
        "x",
        lambda w, x: w / x,
        lambda w, x: torch.diag(-w / x**2),
        DIVISOR,
        NONZERO,
    ),
]
