"""Matrix Cookbook (November 15, 2012), section 2.5 "Derivatives of Traces": the
introduction (98), 2.5.1 First Order (99)-(105) and 2.5.2 Second Order (106)-(120).

Every derivative here is a scalar-by-matrix gradient shaped like X (the Cookbook's
convention). X is rectangular wherever the product is defined for a rectangular X; square
only where the formula needs it. In (98) F is a matrix function (a power series: exp, sin,
cos of a matrix), not an element-wise function, and f is its scalar derivative.
"""

import torch

from identities.notation import (
    MODERATE,
    MODERATE_NOTE,
    UNIT_SCALE,
    UNIT_SCALE_NOTE,
    matrix_cos,
    matrix_exp,
    matrix_sin,
)
from identities.notation import tr as _tr
from identities.spec import Identity, matrix
from identities.spec import cookbook as _cb

# -- (98) -----------------------------------------------------------------------------------

_S98 = r"\frac{\partial\operatorname{Tr}(F(X))}{\partial X} = f(X)^T"
_C98 = (
    "F(X) a differentiable (power-series) matrix function of the elements of X, f its "
    "scalar derivative; implicit: X square"
)

cookbook_098__trace_of_matrix_function__exp = Identity(
    name="cookbook_098__trace_of_matrix_function__exp",
    statement=_S98 + r"\quad (F = f = \exp)",
    source=_cb("98"),
    conditions=_C98 + "; here F = exp (matrix exponential), f = exp" + UNIT_SCALE_NOTE,
    inputs={"X": UNIT_SCALE},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(matrix_exp(X)),
    claimed=lambda X: matrix_exp(X).T,
)

cookbook_098__trace_of_matrix_function__sin = Identity(
    name="cookbook_098__trace_of_matrix_function__sin",
    statement=_S98 + r"\quad (F = \sin,\ f = \cos)",
    source=_cb("98"),
    conditions=_C98 + "; here F = sin (matrix sine), f = cos (matrix cosine)" + UNIT_SCALE_NOTE,
    inputs={"X": UNIT_SCALE},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(matrix_sin(X)),
    claimed=lambda X: matrix_cos(X).T,
)

cookbook_098__trace_of_matrix_function__cos = Identity(
    name="cookbook_098__trace_of_matrix_function__cos",
    statement=_S98 + r"\quad (F = \cos,\ f = -\sin)",
    source=_cb("98"),
    conditions=_C98 + "; here F = cos (matrix cosine), f = -sin (matrix sine)" + UNIT_SCALE_NOTE,
    inputs={"X": UNIT_SCALE},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(matrix_cos(X)),
    claimed=lambda X: -matrix_sin(X).T,
)

cookbook_098__trace_of_matrix_function__cube = Identity(
    name="cookbook_098__trace_of_matrix_function__cube",
    statement=_S98 + r"\quad (F(X) = X^3,\ f(X) = 3X^2)",
    source=_cb("98"),
    conditions=_C98 + "; here F(X) = X^3 (a finite power series), f(X) = 3 X^2",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(X @ X @ X),
    claimed=lambda X: (3 * X @ X).T,
)

# -- 2.5.1 First order (99)-(105) ---------------------------------------------------------

cookbook_099__trace = Identity(
    name="cookbook_099__trace",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X) = I",
    source=_cb("99"),
    conditions="implicit: X square",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(X),
    claimed=lambda X: torch.eye(X.shape[0]),
)

cookbook_100__trace_XA = Identity(
    name="cookbook_100__trace_XA",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(XA) = A^T",
    source=_cb("100"),
    conditions="X is m x n, A is n x m",
    inputs={"X": matrix("m", "n"), "A": matrix("n", "m")},
    wrt="X",
    form="gradient",
    function=lambda X, A: _tr(X @ A),
    claimed=lambda X, A: A.T,
)

cookbook_101__trace_AXB = Identity(
    name="cookbook_101__trace_AXB",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(AXB) = A^TB^T",
    source=_cb("101"),
    conditions="A is p x m, X is m x n, B is n x p",
    inputs={"A": matrix("p", "m"), "X": matrix("m", "n"), "B": matrix("n", "p")},
    wrt="X",
    form="gradient",
    function=lambda A, X, B: _tr(A @ X @ B),
    claimed=lambda A, X, B: A.T @ B.T,
)

cookbook_102__trace_AXtB = Identity(
    name="cookbook_102__trace_AXtB",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(AX^TB) = BA",
    source=_cb("102"),
    conditions="A is p x n, X is m x n, B is m x p",
    inputs={"A": matrix("p", "n"), "X": matrix("m", "n"), "B": matrix("m", "p")},
    wrt="X",
    form="gradient",
    function=lambda A, X, B: _tr(A @ X.T @ B),
    claimed=lambda A, X, B: B @ A,
)

cookbook_103__trace_XtA = Identity(
    name="cookbook_103__trace_XtA",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^TA) = A",
    source=_cb("103"),
    conditions="X and A are m x n",
    inputs={"X": matrix("m", "n"), "A": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda X, A: _tr(X.T @ A),
    claimed=lambda X, A: A,
)

cookbook_104__trace_AXt = Identity(
    name="cookbook_104__trace_AXt",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(AX^T) = A",
    source=_cb("104"),
    conditions="A and X are m x n",
    inputs={"A": matrix("m", "n"), "X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda A, X: _tr(A @ X.T),
    claimed=lambda A, X: A,
)

cookbook_105__trace_kron_AX = Identity(
    name="cookbook_105__trace_kron_AX",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(A\otimes X) = \operatorname{Tr}(A)I",
    source=_cb("105"),
    conditions="implicit: A (k x k) and X (n x n) square, so that A (x) X has a trace",
    inputs={"A": matrix("k", "k"), "X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda A, X: _tr(torch.kron(A, X)),
    claimed=lambda A, X: _tr(A) * torch.eye(X.shape[0]),
)

# -- 2.5.2 Second order (106)-(120) -------------------------------------------------------

cookbook_106__trace_X2 = Identity(
    name="cookbook_106__trace_X2",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^2) = 2X^T",
    source=_cb("106"),
    conditions="implicit: X square",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(X @ X),
    claimed=lambda X: 2 * X.T,
)

cookbook_107__trace_X2B = Identity(
    name="cookbook_107__trace_X2B",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^2B) = (XB+BX)^T",
    source=_cb("107"),
    conditions="implicit: X and B square n x n",
    inputs={"X": matrix("n", "n"), "B": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X, B: _tr(X @ X @ B),
    claimed=lambda X, B: (X @ B + B @ X).T,
)

cookbook_108__trace_XtBX = Identity(
    name="cookbook_108__trace_XtBX",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^TBX) = BX+B^TX",
    source=_cb("108"),
    conditions="X is m x n, B is m x m (no symmetry)",
    inputs={"X": matrix("m", "n"), "B": matrix("m", "m")},
    wrt="X",
    form="gradient",
    function=lambda X, B: _tr(X.T @ B @ X),
    claimed=lambda X, B: B @ X + B.T @ X,
)

cookbook_109__trace_BXXt = Identity(
    name="cookbook_109__trace_BXXt",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(BXX^T) = BX+B^TX",
    source=_cb("109"),
    conditions="X is m x n, B is m x m (no symmetry)",
    inputs={"B": matrix("m", "m"), "X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda B, X: _tr(B @ X @ X.T),
    claimed=lambda B, X: B @ X + B.T @ X,
)

cookbook_110__trace_XXtB = Identity(
    name="cookbook_110__trace_XXtB",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(XX^TB) = BX+B^TX",
    source=_cb("110"),
    conditions="X is m x n, B is m x m (no symmetry)",
    inputs={"X": matrix("m", "n"), "B": matrix("m", "m")},
    wrt="X",
    form="gradient",
    function=lambda X, B: _tr(X @ X.T @ B),
    claimed=lambda X, B: B @ X + B.T @ X,
)

cookbook_111__trace_XBXt = Identity(
    name="cookbook_111__trace_XBXt",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(XBX^T) = XB^T+XB",
    source=_cb("111"),
    conditions="X is m x n, B is n x n (no symmetry)",
    inputs={"X": matrix("m", "n"), "B": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X, B: _tr(X @ B @ X.T),
    claimed=lambda X, B: X @ B.T + X @ B,
)

cookbook_112__trace_BXtX = Identity(
    name="cookbook_112__trace_BXtX",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(BX^TX) = XB^T+XB",
    source=_cb("112"),
    conditions="X is m x n, B is n x n (no symmetry)",
    inputs={"B": matrix("n", "n"), "X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda B, X: _tr(B @ X.T @ X),
    claimed=lambda B, X: X @ B.T + X @ B,
)

cookbook_113__trace_XtXB = Identity(
    name="cookbook_113__trace_XtXB",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^TXB) = XB^T+XB",
    source=_cb("113"),
    conditions="X is m x n, B is n x n (no symmetry)",
    inputs={"X": matrix("m", "n"), "B": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X, B: _tr(X.T @ X @ B),
    claimed=lambda X, B: X @ B.T + X @ B,
)

cookbook_114__trace_AXBX = Identity(
    name="cookbook_114__trace_AXBX",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(AXBX) = A^TX^TB^T+B^TX^TA^T",
    source=_cb("114"),
    conditions="X is m x n, A and B are n x m",
    inputs={"A": matrix("n", "m"), "X": matrix("m", "n"), "B": matrix("n", "m")},
    wrt="X",
    form="gradient",
    function=lambda A, X, B: _tr(A @ X @ B @ X),
    claimed=lambda A, X, B: A.T @ X.T @ B.T + B.T @ X.T @ A.T,
)

cookbook_115__trace_XtX = Identity(
    name="cookbook_115__trace_XtX",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X^TX) = 2X",
    source=_cb("115"),
    conditions="X is m x n",
    inputs={"X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(X.T @ X),
    claimed=lambda X: 2 * X,
)

cookbook_115__trace_XXt = Identity(
    name="cookbook_115__trace_XXt",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(XX^T) = 2X",
    source=_cb("115"),
    conditions="X is m x n",
    inputs={"X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(X @ X.T),
    claimed=lambda X: 2 * X,
)

cookbook_116__trace_BtXtCXB = Identity(
    name="cookbook_116__trace_BtXtCXB",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(B^TX^TCXB) = C^TXBB^T+CXBB^T",
    source=_cb("116"),
    conditions="X is m x n, C is m x m, B is n x p (no symmetry)" + MODERATE_NOTE,
    inputs={
        "B": matrix("n", "p", MODERATE),
        "X": matrix("m", "n", MODERATE),
        "C": matrix("m", "m", MODERATE),
    },
    wrt="X",
    form="gradient",
    function=lambda B, X, C: _tr(B.T @ X.T @ C @ X @ B),
    claimed=lambda B, X, C: C.T @ X @ B @ B.T + C @ X @ B @ B.T,
)

cookbook_117__trace_XtBXC = Identity(
    name="cookbook_117__trace_XtBXC",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}\left[X^TBXC\right] = BXC+B^TXC^T",
    source=_cb("117"),
    conditions="X is m x n, B is m x m, C is n x n (no symmetry)",
    inputs={"X": matrix("m", "n"), "B": matrix("m", "m"), "C": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X, B, C: _tr(X.T @ B @ X @ C),
    claimed=lambda X, B, C: B @ X @ C + B.T @ X @ C.T,
)

cookbook_118__trace_AXBXtC = Identity(
    name="cookbook_118__trace_AXBXtC",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(AXBX^TC) = A^TC^TXB^T+CAXB",
    source=_cb("118"),
    conditions="A is p x m, X is m x n, B is n x n, C is m x p (no symmetry)" + MODERATE_NOTE,
    inputs={
        "A": matrix("p", "m", MODERATE),
        "X": matrix("m", "n", MODERATE),
        "B": matrix("n", "n", MODERATE),
        "C": matrix("m", "p", MODERATE),
    },
    wrt="X",
    form="gradient",
    function=lambda A, X, B, C: _tr(A @ X @ B @ X.T @ C),
    claimed=lambda A, X, B, C: A.T @ C.T @ X @ B.T + C @ A @ X @ B,
)

cookbook_119__trace_affine_square = Identity(
    name="cookbook_119__trace_affine_square",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}\left[(AXB+C)(AXB+C)^T\right]"
    r" = 2A^T(AXB+C)B^T",
    source=_cb("119"),
    conditions="A is p x m, X is m x n, B is n x q, C is p x q",
    inputs={
        "A": matrix("p", "m"),
        "X": matrix("m", "n"),
        "B": matrix("n", "q"),
        "C": matrix("p", "q"),
    },
    wrt="X",
    form="gradient",
    function=lambda A, X, B, C: _tr((A @ X @ B + C) @ (A @ X @ B + C).T),
    claimed=lambda A, X, B, C: 2 * A.T @ (A @ X @ B + C) @ B.T,
)

cookbook_120__trace_kron_XX = Identity(
    name="cookbook_120__trace_kron_XX",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X\otimes X)"
    r" = 2\operatorname{Tr}(X)I",
    source=_cb("120"),
    conditions="implicit: X square (See [7])",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(torch.kron(X, X)),
    claimed=lambda X: 2 * _tr(X) * torch.eye(X.shape[0]),
)

cookbook_120__trace_squared = Identity(
    name="cookbook_120__trace_squared",
    statement=r"\frac{\partial}{\partial X}\operatorname{Tr}(X)\operatorname{Tr}(X)"
    r" = 2\operatorname{Tr}(X)I",
    source=_cb("120"),
    conditions="implicit: X square (See [7])",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: _tr(X) * _tr(X),
    claimed=lambda X: 2 * _tr(X) * torch.eye(X.shape[0]),
)
