"""Wikipedia, "Matrix calculus": the table "Identities: matrix-by-scalar dY/dx", rows W-MS-1 to
W-MS-10, given in numerator layout only (laid out by Y; form="jacobian", shaped like Y).

U = U(x) and V = V(x) are the curves U0 + sin(x) U1 + cos(x) U2 with constant U0, U1, U2,
whose derivatives are known in closed form. Where U^{-1} appears, U0 is strictly diagonally
dominant by a margin of at least 1 and U1, U2 are scaled so that each row of |U1| + |U2|
sums to at most 1/2: U(x) stays invertible for every x. W-MS-8 needs U = U(x, y): the
surface U0 + sin(x) U1 + cos(y) U2 + sin(x) cos(y) U3 (see ``wiki_MS_8__numerator``).
e^{xA} and g(xA) are matrix functions (power series). The first form of W-MS-10,
A e^{xA}, is held in ``wiki_engine_limits`` (an oracle conflict: the rounding of e^{xA} at
norms near 30 is beyond the finite-difference error model); its second form is here.
"""

import torch

from identities.notation import cubic, cubic_prime, curve, curve_dx, matrix_exp, quarter_rows
from identities.spec import Identity, Source, derived, matrix, scalar, vector

DOC = "wikipedia-matrix-calculus"
inv = torch.linalg.inv


def _curve(m, n, prefix="U"):
    return {f"{prefix}0": matrix(m, n), f"{prefix}1": matrix(m, n), f"{prefix}2": matrix(m, n)}


_INVERTIBLE_CURVE = {
    "U0": matrix("n", "n", "invertible"),
    "U1": derived(quarter_rows, G=matrix("n", "n")),
    "U2": derived(quarter_rows, G=matrix("n", "n")),
}
_C_U = "U = U(x); here U(x) = U0 + sin(x) U1 + cos(x) U2, U0, U1, U2 general constants"
_C_UV = _C_U + "; V(x) = V0 + sin(x) V1 + cos(x) V2 likewise"
_C_INVERTIBLE = (
    "U = U(x); implicit: U(x) square and invertible (here U(x) = U0 + sin(x) U1 "
    "+ cos(x) U2, strictly diagonally dominant for every x)"
)


def _one_cell(ref, expression, tex, suffix="", **common):
    """The spec of the single (numerator-layout) cell of row ``ref``."""
    return Identity(
        name=f"wiki_{ref[2:].replace('-', '_')}__numerator{suffix}",
        statement=rf"{expression} = {tex}\quad\text{{(numerator layout)}}",
        source=Source(DOC, ref),
        **common,
    )


wiki_MS_1__numerator = _one_cell(
    "W-MS-1",
    r"\frac{\partial a\mathbf{U}}{\partial x}",
    r"a\frac{\partial \mathbf{U}}{\partial x}",
    conditions=_C_U + "; a is a constant",
    inputs={"x": scalar(), "a": scalar(), **_curve("m", "n")},
    wrt="x",
    function=lambda x, a, U0, U1, U2: a * curve(x, U0, U1, U2),
    claimed=lambda x, a, U0, U1, U2: a * curve_dx(x, U0, U1, U2),
)

wiki_MS_2__numerator = _one_cell(
    "W-MS-2",
    r"\frac{\partial \mathbf{AUB}}{\partial x}",
    r"\mathbf{A}\frac{\partial \mathbf{U}}{\partial x}\mathbf{B}",
    conditions="A, B are not functions of x; " + _C_U,
    inputs={"x": scalar(), "A": matrix("k", "m"), "B": matrix("n", "p"), **_curve("m", "n")},
    wrt="x",
    function=lambda x, A, B, U0, U1, U2: A @ curve(x, U0, U1, U2) @ B,
    claimed=lambda x, A, B, U0, U1, U2: A @ curve_dx(x, U0, U1, U2) @ B,
)


def _pair(m, n, p, q):
    return {"x": scalar(), **_curve(m, n), **_curve(p, q, prefix="V")}


wiki_MS_3__numerator = _one_cell(
    "W-MS-3",
    r"\frac{\partial (\mathbf{U} + \mathbf{V})}{\partial x}",
    r"\frac{\partial \mathbf{U}}{\partial x} + \frac{\partial \mathbf{V}}{\partial x}",
    conditions=_C_UV,
    inputs=_pair("m", "n", "m", "n"),
    wrt="x",
    function=lambda x, U0, U1, U2, V0, V1, V2: curve(x, U0, U1, U2) + curve(x, V0, V1, V2),
    claimed=lambda x, U0, U1, U2, V0, V1, V2: curve_dx(x, U0, U1, U2) + curve_dx(x, V0, V1, V2),
)

_PRODUCTS = {
    "4": (
        r"\frac{\partial (\mathbf{U}\mathbf{V})}{\partial x}",
        r"\mathbf{U}\frac{\partial \mathbf{V}}{\partial x} + "
        r"\frac{\partial \mathbf{U}}{\partial x}\mathbf{V}",
        ("m", "k", "k", "n"),
        torch.matmul,
    ),
    "5": (
        r"\frac{\partial (\mathbf{U}\otimes\mathbf{V})}{\partial x}",
        r"\mathbf{U}\otimes\frac{\partial \mathbf{V}}{\partial x} + "
        r"\frac{\partial \mathbf{U}}{\partial x}\otimes\mathbf{V}",
        ("m", "n", "p", "q"),
        torch.kron,
    ),
    "6": (
        r"\frac{\partial (\mathbf{U}\circ\mathbf{V})}{\partial x}",
        r"\mathbf{U}\circ\frac{\partial \mathbf{V}}{\partial x} + "
        r"\frac{\partial \mathbf{U}}{\partial x}\circ\mathbf{V}",
        ("m", "n", "m", "n"),
        torch.mul,
    ),
}

wiki_MS_4_to_6 = [
    _one_cell(
        f"W-MS-{row}",
        expression,
        tex,
        conditions=_C_UV,
        inputs=_pair(*shapes),
        wrt="x",
        function=lambda x, U0, U1, U2, V0, V1, V2, _p=product: _p(
            curve(x, U0, U1, U2), curve(x, V0, V1, V2)
        ),
        claimed=lambda x, U0, U1, U2, V0, V1, V2, _p=product: (
            _p(curve(x, U0, U1, U2), curve_dx(x, V0, V1, V2))
            + _p(curve_dx(x, U0, U1, U2), curve(x, V0, V1, V2))
        ),
    )
    for row, (expression, tex, shapes, product) in _PRODUCTS.items()
]

wiki_MS_7__numerator = _one_cell(
    "W-MS-7",
    r"\frac{\partial \mathbf{U}^{-1}}{\partial x}",
    r"-\mathbf{U}^{-1}\frac{\partial \mathbf{U}}{\partial x}\mathbf{U}^{-1}",
    conditions=_C_INVERTIBLE,
    inputs={"x": scalar(), **_INVERTIBLE_CURVE},
    wrt="x",
    function=lambda x, U0, U1, U2: inv(curve(x, U0, U1, U2)),
    claimed=lambda x, U0, U1, U2: (
        -inv(curve(x, U0, U1, U2)) @ curve_dx(x, U0, U1, U2) @ inv(curve(x, U0, U1, U2))
    ),
)


# -- W-MS-8: U = U(x, y) ----------------------------------------------------------------------


def _surface(t, U0, U1, U2, U3):
    """U(x, y) = U0 + sin(x) U1 + cos(y) U2 + sin(x) cos(y) U3 at t = (x, y)."""
    sx, cy = torch.sin(t[0]), torch.cos(t[1])
    return U0 + sx * U1 + cy * U2 + sx * cy * U3


def _surface_partials(t, U1, U2, U3):
    """[U_x, U_y] and [[U_xx, U_xy], [U_yx, U_yy]] in closed form."""
    sx, cx, sy, cy = torch.sin(t[0]), torch.cos(t[0]), torch.sin(t[1]), torch.cos(t[1])
    first = [cx * (U1 + cy * U3), -sy * (U2 + sx * U3)]
    second = [[-sx * (U1 + cy * U3), -cx * sy * U3], [-cx * sy * U3, -cy * (U2 + sx * U3)]]
    return first, second


def _ms_8(Ui, Ua, Ub, Uab):
    """The printed right-hand side for the variables a, b."""
    return Ui @ (Ua @ Ui @ Ub - Uab + Ub @ Ui @ Ua) @ Ui


def _ms_8_projected(t, U0, U1, U2, U3, W):
    """The 2 x 2 matrix of the <W, d^2 U^{-1} / dt_a dt_b>, by the printed formula."""
    Ui = inv(_surface(t, U0, U1, U2, U3))
    first, second = _surface_partials(t, U1, U2, U3)
    return torch.stack(
        [
            torch.stack([(W * _ms_8(Ui, first[a], first[b], second[a][b])).sum() for b in range(2)])
            for a in range(2)
        ]
    )


wiki_MS_8__numerator = _one_cell(
    "W-MS-8",
    r"\frac{\partial^2\mathbf{U}^{-1}}{\partial x\partial y}",
    r"\mathbf{U}^{-1}\left(\frac{\partial \mathbf{U}}{\partial x}\mathbf{U}^{-1}"
    r"\frac{\partial \mathbf{U}}{\partial y} - \frac{\partial^2\mathbf{U}}{\partial x\partial y}"
    r" + \frac{\partial \mathbf{U}}{\partial y}\mathbf{U}^{-1}\frac{\partial \mathbf{U}}"
    r"{\partial x}\right)\mathbf{U}^{-1}",
    conditions="U = U(x, y); implicit: U square and invertible (here U(x, y) = U0 + sin(x) U1 "
    "+ cos(y) U2 + sin(x) cos(y) U3, strictly diagonally dominant for all x, y)",
    reading="A second derivative of a matrix function is checked through the Hessian of the "
    "scalar <W, U^{-1}(x, y)> = sum_ij W_ij (U^{-1})_ij for a random constant W, with "
    "respect to t = (x, y): its off-diagonal entries are <W, printed right-hand side>; "
    "its diagonal entries are the same formula for the pairs (x, x) and (y, y).",
    inputs={
        "t": vector(2),
        "U0": matrix("n", "n", "invertible"),
        "U1": derived(quarter_rows, G=matrix("n", "n")),
        "U2": derived(quarter_rows, G=matrix("n", "n")),
        "U3": derived(quarter_rows, G=matrix("n", "n")),
        "W": matrix("n", "n"),
    },
    wrt="t",
    form="hessian",
    function=lambda t, U0, U1, U2, U3, W: (W * inv(_surface(t, U0, U1, U2, U3))).sum(),
    claimed=_ms_8_projected,
)


# -- W-MS-9, W-MS-10: matrix functions of x A ---------------------------------------------------


_S_MS_9 = r"\frac{\partial\,\mathbf{g}(x\mathbf{A})}{\partial x}"
_C_MS_9 = (
    "A is not a function of x, g(X) any polynomial with scalar coefficients or matrix "
    "power series, g' the corresponding matrix function of the scalar derivative; here "
    "the cubic g(X) = c0 I + c1 X + c2 X^2 + c3 X^3"
)
_MS_9 = {
    "conditions": _C_MS_9,
    "wrt": "x",
    "inputs": {"x": scalar(), "A": matrix("n", "n"), "c": vector(4)},
    "function": lambda x, A, c: cubic(x * A, c),
}

wiki_MS_9__numerator__A_gprime = _one_cell(
    "W-MS-9",
    _S_MS_9,
    r"\mathbf{A}\mathbf{g}'(x\mathbf{A})",
    suffix="__A_gprime",
    claimed=lambda x, A, c: A @ cubic_prime(x * A, c),
    **_MS_9,
)

wiki_MS_9__numerator__gprime_A = _one_cell(
    "W-MS-9",
    _S_MS_9,
    r"\mathbf{g}'(x\mathbf{A})\mathbf{A}",
    suffix="__gprime_A",
    claimed=lambda x, A, c: cubic_prime(x * A, c) @ A,
    **_MS_9,
)

_S_MS_10 = r"\frac{\partial e^{x\mathbf{A}}}{\partial x}"
_MS_10 = {
    "conditions": "A is not a function of x",
    "wrt": "x",
    "inputs": {"x": scalar(), "A": matrix("n", "n")},
    "function": lambda x, A: matrix_exp(x * A),
}

#: Held out of the catalog run, like the first form (wiki_engine_limits): the sweep of
#: 2000 examples found x = 3.5, A = [[3.125, 3], [-3.03125, -2.8125]], where the matrix
#: exponential's rounding exceeds the finite-difference error model (7.2e-11 against a
#: bound of 5.7e-11, an oracle conflict). It waits for the scale-free tolerances.
HELD = {
    "wiki_MS_10__numerator__exp_A": _one_cell(
        "W-MS-10",
        _S_MS_10,
        r"e^{x\mathbf{A}}\mathbf{A}",
        suffix="__exp_A",
        claimed=lambda x, A: matrix_exp(x * A) @ A,
        **_MS_10,
    )
}
