"""Wikipedia, "Matrix calculus", section "Derivatives with matrices" before the scalar-by-matrix
table: the trace rules W-TR1, the worked derivation W-EX1 of d tr(A X B X^T C) (ten lines)
and its result W-EX2 in both layouts.

W-EX1: every expression of the derivation is the differential of tr(A X B X^T C) along a
direction dX (form="differential"), one spec per line. A differential d(L(X)) of a linear
expression L is L(dX). In line 1, d tr(C A X B X^T) and tr(d(C A X B X^T)) are differentials
of expressions of degree 2 in X; they are evaluated exactly, without expanding them by the
product rule (which is what line 2 does), by the symmetric difference
(F(X + dX) - F(X - dX)) / 2, exact for every F of degree at most 2.
Shapes: A m x p, X p x q, B q x q, C p x m (the product A X B X^T C is m x m). Line 4 is held
in ``wiki_engine_limits`` (an oracle conflict on this polynomial: the finite-difference
rounding bound missed by a hair).
"""

from identities.notation import tr
from identities.spec import Identity, Source, matrix

DOC = "wikipedia-matrix-calculus"


# -- W-TR1 ------------------------------------------------------------------------------------

wiki_TR1__transpose = Identity(
    name="wiki_TR1__transpose",
    statement=r"\operatorname{tr}(\mathbf{A}) = \operatorname{tr}(\mathbf{A}^\top)",
    source=Source(DOC, "W-TR1"),
    conditions="implicit: A square",
    inputs={"A": matrix("n", "n")},
    form="value",
    function=lambda A: tr(A),
    claimed=lambda A: tr(A.T),
)

_ABCD = {"A": matrix("m", "n"), "B": matrix("n", "p"), "C": matrix("p", "q"), "D": matrix("q", "m")}
_CYCLIC = {
    "BCDA": lambda A, B, C, D: tr(B @ C @ D @ A),
    "CDAB": lambda A, B, C, D: tr(C @ D @ A @ B),
    "DABC": lambda A, B, C, D: tr(D @ A @ B @ C),
}

wiki_TR1__cyclic = [
    Identity(
        name=f"wiki_TR1__cyclic_{order}",
        statement=rf"\operatorname{{tr}}(\mathbf{{ABCD}}) = "
        rf"\operatorname{{tr}}(\mathbf{{{order}}})",
        source=Source(DOC, "W-TR1"),
        conditions="implicit: A m x n, B n x p, C p x q, D q x m (every product defined "
        "and square)",
        inputs=_ABCD,
        form="value",
        function=lambda A, B, C, D: tr(A @ B @ C @ D),
        claimed=claimed,
    )
    for order, claimed in _CYCLIC.items()
]

# -- W-EX1 ------------------------------------------------------------------------------------


def _d(F, X, dX):
    """The differential of F at X along dX, exactly for F of degree <= 2 in X."""
    return (F(X + dX) - F(X - dX)) / 2


_LINES = {
    "01a": (
        r"d\operatorname{tr}(\mathbf{CAXBX^\top})",
        lambda A, X, B, C, dX: _d(lambda Y: tr(C @ A @ Y @ B @ Y.T), X, dX),
    ),
    "01b": (
        r"\operatorname{tr}(d(\mathbf{CAXBX^\top}))",
        lambda A, X, B, C, dX: tr(_d(lambda Y: C @ A @ Y @ B @ Y.T, X, dX)),
    ),
    "02": (
        r"\operatorname{tr}(\mathbf{CAX}d(\mathbf{BX^\top}) + d(\mathbf{CAX})"
        r"\mathbf{BX^\top})",
        lambda A, X, B, C, dX: tr(C @ A @ X @ (B @ dX.T) + (C @ A @ dX) @ B @ X.T),
    ),
    "03": (
        r"\operatorname{tr}(\mathbf{CAX}d(\mathbf{BX^\top})) + "
        r"\operatorname{tr}(d(\mathbf{CAX})\mathbf{BX^\top})",
        lambda A, X, B, C, dX: tr(C @ A @ X @ (B @ dX.T)) + tr((C @ A @ dX) @ B @ X.T),
    ),
    "05": (
        r"\operatorname{tr}(\mathbf{CAXB}(d\mathbf{X})^\top) + "
        r"\operatorname{tr}(\mathbf{CA}(d\mathbf{X})\mathbf{BX^\top})",
        lambda A, X, B, C, dX: tr(C @ A @ X @ B @ dX.T) + tr(C @ A @ dX @ B @ X.T),
    ),
    "06": (
        r"\operatorname{tr}((\mathbf{CAXB}(d\mathbf{X})^\top)^\top) + "
        r"\operatorname{tr}(\mathbf{CA}(d\mathbf{X})\mathbf{BX^\top})",
        lambda A, X, B, C, dX: tr((C @ A @ X @ B @ dX.T).T) + tr(C @ A @ dX @ B @ X.T),
    ),
    "07": (
        r"\operatorname{tr}((d\mathbf{X})\mathbf{B^\top X^\top A^\top C^\top}) + "
        r"\operatorname{tr}(\mathbf{CA}(d\mathbf{X})\mathbf{BX^\top})",
        lambda A, X, B, C, dX: tr(dX @ B.T @ X.T @ A.T @ C.T) + tr(C @ A @ dX @ B @ X.T),
    ),
    "08": (
        r"\operatorname{tr}(\mathbf{B^\top X^\top A^\top C^\top}(d\mathbf{X})) + "
        r"\operatorname{tr}(\mathbf{BX^\top CA}(d\mathbf{X}))",
        lambda A, X, B, C, dX: tr(B.T @ X.T @ A.T @ C.T @ dX) + tr(B @ X.T @ C @ A @ dX),
    ),
    "09": (
        r"\operatorname{tr}((\mathbf{B^\top X^\top A^\top C^\top} + \mathbf{BX^\top CA})"
        r"d\mathbf{X})",
        lambda A, X, B, C, dX: tr((B.T @ X.T @ A.T @ C.T + B @ X.T @ C @ A) @ dX),
    ),
    "10": (
        r"\operatorname{tr}((\mathbf{CAXB} + \mathbf{A^\top C^\top XB^\top})^\top"
        r"d\mathbf{X})",
        lambda A, X, B, C, dX: tr((C @ A @ X @ B + A.T @ C.T @ X @ B.T).T @ dX),
    ),
}

_AXBXC = {
    "A": matrix("m", "p"),
    "X": matrix("p", "q"),
    "B": matrix("q", "q"),
    "C": matrix("p", "m"),
}


def _f(A, X, B, C):
    return tr(A @ X @ B @ X.T @ C)


wiki_EX1 = [
    Identity(
        name=f"wiki_EX1__line_{line}",
        statement=rf"d\operatorname{{tr}}(\mathbf{{AXBX^\top C}}) = {tex}",
        source=Source(DOC, "W-EX1"),
        conditions="A, B, C constants; implicit: A m x p, X p x q, B q x q, C p x m",
        inputs=_AXBXC,
        wrt="X",
        form="differential",
        function=_f,
        claimed=claimed,
    )
    for line, (tex, claimed) in _LINES.items()
]

# -- W-EX2 ------------------------------------------------------------------------------------

_EX2 = {
    "source": Source(DOC, "W-EX2"),
    "inputs": _AXBXC,
    "wrt": "X",
    "function": _f,
    "conditions": "A, B, C constants; implicit: A m x p, X p x q, B q x q, C p x m",
}
_S_EX2 = r"\frac{\partial\operatorname{tr}(\mathbf{AXBX^\top C})}{\partial \mathbf{X}} = "

wiki_EX2__numerator = Identity(
    name="wiki_EX2__numerator",
    statement=_S_EX2 + r"\mathbf{B^\top X^\top A^\top C^\top} + \mathbf{BX^\top CA}"
    r"\quad\text{(numerator layout)}",
    claimed=lambda A, X, B, C: B.T @ X.T @ A.T @ C.T + B @ X.T @ C @ A,
    **_EX2,
)

wiki_EX2__denominator = Identity(
    name="wiki_EX2__denominator",
    statement=_S_EX2 + r"\mathbf{CAXB} + \mathbf{A^\top C^\top XB^\top}"
    r"\quad\text{(denominator layout)}",
    layout="denominator",
    claimed=lambda A, X, B, C: C @ A @ X @ B + A.T @ C.T @ X @ B.T,
    **_EX2,
)
