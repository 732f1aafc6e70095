"""Wikipedia, "Matrix calculus": the scalar-by-scalar identities, with vectors involved
(W-SSv-1, W-SSv-2; "any layout") and with matrices involved (W-SSm-1 to W-SSm-6; consistent
numerator layout and mixed layout).

The results are scalars, so the layout only says how the derivatives inside are arranged:
dU/dx is laid out by U in both columns, and dg/dU by U^T (numerator) or by U (mixed). A cell
merged across both columns is one spec (``__any_layout``, ``__both_layouts``); the two
cells of W-SSm-4 are two specs (``__numerator``, ``__mixed``; the mixed one is declared
with layout="denominator", the layout of its dg/dU, which does not change the shape of a
scalar result).

u, v, g are generated smooth maps. U = U(x) is the curve U0 + sin(x) U1 + cos(x) U2; where
U^{-1} or ln|U| appears, U0 is strictly diagonally dominant by a margin of at least 1 (with
a positive diagonal for ln|U|) and each row of |U1| + |U2| sums to at most 1/2, so that U(x)
is invertible (with |U(x)| > 0) for every x.
"""

import torch

from identities.notation import curve, curve_dx, matrix_exp, quarter_rows, tr
from identities.spec import Identity, Source, derived, matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"
inv, det, solve = torch.linalg.inv, torch.linalg.det, torch.linalg.solve


def _curve(domain):
    return {
        "x": scalar(),
        "U0": matrix("n", "n", domain),
        "U1": derived(quarter_rows, G=matrix("n", "n")),
        "U2": derived(quarter_rows, G=matrix("n", "n")),
    }


_C_CURVE = (
    "U = U(x); implicit: U(x) square and invertible (here U(x) = U0 + sin(x) U1 + "
    "cos(x) U2, strictly diagonally dominant for every x)"
)

# -- W-SSv ------------------------------------------------------------------------------------

wiki_SSv_1__any_layout = Identity(
    name="wiki_SSv_1__any_layout",
    statement=r"\frac{\partial g(\mathbf{u})}{\partial x} = \frac{\partial g(\mathbf{u})}"
    r"{\partial \mathbf{u}}\cdot\frac{\partial \mathbf{u}}{\partial x}",
    source=Source(DOC, "W-SSv-1"),
    conditions="u = u(x); g: R^m -> R differentiable (generated)",
    inputs={"x": scalar(), "u": smooth_map(None, "m"), "g": smooth_map("m", None)},
    wrt="x",
    function=lambda x, u, g: g(u(x)),
    claimed=lambda x, u, g: g.jacobian(u(x)) @ u.jacobian(x),
)

wiki_SSv_2__any_layout = Identity(
    name="wiki_SSv_2__any_layout",
    statement=r"\frac{\partial (\mathbf{u}\cdot\mathbf{v})}{\partial x} = \mathbf{u}\cdot"
    r"\frac{\partial \mathbf{v}}{\partial x} + \frac{\partial \mathbf{u}}{\partial x}"
    r"\cdot\mathbf{v}",
    source=Source(DOC, "W-SSv-2"),
    conditions="u = u(x), v = v(x)",
    inputs={"x": scalar(), "u": smooth_map(None, "m"), "v": smooth_map(None, "m")},
    wrt="x",
    function=lambda x, u, v: u(x) @ v(x),
    claimed=lambda x, u, v: u(x) @ v.jacobian(x) + u.jacobian(x) @ v(x),
)

# -- W-SSm ------------------------------------------------------------------------------------

wiki_SSm_1__both_layouts = Identity(
    name="wiki_SSm_1__both_layouts",
    statement=r"\frac{\partial |\mathbf{U}|}{\partial x} = |\mathbf{U}|\operatorname{tr}"
    r"\left(\mathbf{U}^{-1}\frac{\partial \mathbf{U}}{\partial x}\right)",
    source=Source(DOC, "W-SSm-1"),
    conditions=_C_CURVE,
    inputs=_curve("invertible"),
    wrt="x",
    function=lambda x, U0, U1, U2: det(curve(x, U0, U1, U2)),
    claimed=lambda x, U0, U1, U2: (
        det(curve(x, U0, U1, U2)) * tr(solve(curve(x, U0, U1, U2), curve_dx(x, U0, U1, U2)))
    ),
)

wiki_SSm_2__both_layouts = Identity(
    name="wiki_SSm_2__both_layouts",
    statement=r"\frac{\partial \ln|\mathbf{U}|}{\partial x} = \operatorname{tr}"
    r"\left(\mathbf{U}^{-1}\frac{\partial \mathbf{U}}{\partial x}\right)",
    source=Source(DOC, "W-SSm-2"),
    conditions=_C_CURVE + "; implicit: |U(x)| > 0 (the logarithm is defined; here U0 has a "
    "positive diagonal)",
    inputs=_curve("positive_determinant"),
    wrt="x",
    function=lambda x, U0, U1, U2: torch.log(det(curve(x, U0, U1, U2))),
    claimed=lambda x, U0, U1, U2: tr(solve(curve(x, U0, U1, U2), curve_dx(x, U0, U1, U2))),
)


def _ssm_3(x, U0, U1, U2):
    """|U| [tr(U^-1 U'') + tr^2(U^-1 U') - tr((U^-1 U')^2)], with U'' = -sin(x) U1 - cos(x) U2."""
    U = curve(x, U0, U1, U2)
    P = solve(U, curve_dx(x, U0, U1, U2))
    d2U = -torch.sin(x) * U1 - torch.cos(x) * U2
    return det(U) * (tr(solve(U, d2U)) + tr(P) ** 2 - tr(P @ P))


wiki_SSm_3__both_layouts = Identity(
    name="wiki_SSm_3__both_layouts",
    statement=r"\frac{\partial^2|\mathbf{U}|}{\partial x^2} = \left|\mathbf{U}\right|\left["
    r"\operatorname{tr}\left(\mathbf{U}^{-1}\frac{\partial^2\mathbf{U}}{\partial x^2}"
    r"\right) + \operatorname{tr}^2\left(\mathbf{U}^{-1}\frac{\partial \mathbf{U}}"
    r"{\partial x}\right) - \operatorname{tr}\left(\left(\mathbf{U}^{-1}"
    r"\frac{\partial \mathbf{U}}{\partial x}\right)^2\right)\right]",
    source=Source(DOC, "W-SSm-3"),
    conditions=_C_CURVE + "; tr^2 is the square of the trace",
    inputs=_curve("invertible"),
    wrt="x",
    form="hessian",
    function=lambda x, U0, U1, U2: det(curve(x, U0, U1, U2)),
    claimed=_ssm_3,
)

_SSm_4 = {
    "source": Source(DOC, "W-SSm-4"),
    "conditions": "U = U(x); here U(x) = U0 + sin(x) U1 + cos(x) U2 (U0, U1, U2 general "
    "constants) and g(U) = h(U c), h a generated smooth map, c a constant vector",
    "inputs": {
        "x": scalar(),
        "U0": matrix("m", "n"),
        "U1": matrix("m", "n"),
        "U2": matrix("m", "n"),
        "c": vector("n"),
        "h": smooth_map("m", None),
    },
    "wrt": "x",
    "function": lambda x, U0, U1, U2, c, h: h(curve(x, U0, U1, U2) @ c),
}
_S_SSm_4 = r"\frac{\partial g(\mathbf{U})}{\partial x} = "


def _dg_dU(x, U0, U1, U2, c, h):
    """dg/dU for g(U) = h(U c), shaped like U (the mixed layout); by U^T in numerator layout."""
    return torch.outer(h.jacobian(curve(x, U0, U1, U2) @ c), c)


wiki_SSm_4__numerator = Identity(
    name="wiki_SSm_4__numerator",
    statement=_S_SSm_4 + r"\operatorname{tr}\left(\frac{\partial g(\mathbf{U})}{\partial "
    r"\mathbf{U}}\frac{\partial \mathbf{U}}{\partial x}\right)"
    r"\quad\text{(consistent numerator layout)}",
    claimed=lambda x, U0, U1, U2, c, h: tr(_dg_dU(x, U0, U1, U2, c, h).T @ curve_dx(x, U0, U1, U2)),
    **_SSm_4,
)

wiki_SSm_4__mixed = Identity(
    name="wiki_SSm_4__mixed",
    statement=_S_SSm_4 + r"\operatorname{tr}\left(\left(\frac{\partial g(\mathbf{U})}{\partial "
    r"\mathbf{U}}\right)^\top\frac{\partial \mathbf{U}}{\partial x}\right)"
    r"\quad\text{(mixed layout)}",
    layout="denominator",
    claimed=lambda x, U0, U1, U2, c, h: tr(_dg_dU(x, U0, U1, U2, c, h).T @ curve_dx(x, U0, U1, U2)),
    **_SSm_4,
)


wiki_SSm_6__both_layouts = Identity(
    name="wiki_SSm_6__both_layouts",
    statement=r"\frac{\partial \operatorname{tr}\left(e^{x\mathbf{A}}\right)}{\partial x} = "
    r"\operatorname{tr}\left(\mathbf{A}e^{x\mathbf{A}}\right)",
    source=Source(DOC, "W-SSm-6"),
    conditions="A is not a function of x",
    inputs={"x": scalar(), "A": matrix("n", "n")},
    wrt="x",
    function=lambda x, A: tr(matrix_exp(x * A)),
    claimed=lambda x, A: tr(A @ matrix_exp(x * A)),
)
