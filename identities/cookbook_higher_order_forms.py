"""Matrix Cookbook (2012), section 2.4.3 "Higher-order and non-linear" (90)-(94) and
section 2.4.4 "Gradient and Hessian" (96)-(97); (95) only defines f.

X^n is a matrix power (X square, n a positive integer drawn from 1..4).
"""

import torch

from identities.notation import by_entry, single_entry
from identities.spec import Identity, cookbook, derived, integer, matrix, smooth_map, vector

mpow = torch.linalg.matrix_power

#: X, a, b for (90)-(92) drawn in (-1, 1): both sides are homogeneous in X (degree n - 1),
#: a and b, so any counterexample scales into this box. At the default [-4, 4] scale the
#: sums in a^T X^n b cancel by up to three orders of magnitude (|a|^T |X|^n |b| >> f),
#: beyond the rounding model of the finite-difference oracle (an oracle conflict).
UNIT_BOX = (-1.0, 1.0)

# -- (90)-(92): powers ------------------------------------------------------------------------

cookbook_090__power_by_entries = Identity(
    name="cookbook_090__power_by_entries",
    statement=r"\frac{\partial (X^n)_{kl}}{\partial X_{ij}} = \sum_{r=0}^{n-1} "
    r"\left(X^r J^{ij} X^{n-1-r}\right)_{kl}",
    source=cookbook("90"),
    conditions="implicit: X square, n a positive integer; claim indexed [k, l, i, j]",
    inputs={"X": matrix("N", "N", UNIT_BOX), "n": integer(1, 4)},
    wrt="X",
    function=lambda X, n: mpow(X, n),
    claimed=lambda X, n: by_entry(
        *X.shape,
        lambda i, j: sum(
            mpow(X, r) @ single_entry(*X.shape, i, j) @ mpow(X, n - 1 - r) for r in range(n)
        ),
    ),
)

cookbook_091__a_T_Xn_b = Identity(
    name="cookbook_091__a_T_Xn_b",
    statement=r"\frac{\partial}{\partial X} a^T X^n b = \sum_{r=0}^{n-1} (X^r)^T a b^T "
    r"(X^{n-1-r})^T",
    source=cookbook("91"),
    conditions="implicit: X square, n a positive integer",
    inputs={
        "X": matrix("N", "N", UNIT_BOX),
        "a": vector("N", UNIT_BOX),
        "b": vector("N", UNIT_BOX),
        "n": integer(1, 4),
    },
    wrt="X",
    form="gradient",
    function=lambda X, a, b, n: a @ mpow(X, n) @ b,
    claimed=lambda X, a, b, n: sum(
        mpow(X, r).T @ torch.outer(a, b) @ mpow(X, n - 1 - r).T for r in range(n)
    ),
)

cookbook_092__a_T_XnT_Xn_b = Identity(
    name="cookbook_092__a_T_XnT_Xn_b",
    statement=r"\frac{\partial}{\partial X} a^T (X^n)^T X^n b = \sum_{r=0}^{n-1} \left["
    r"X^{n-1-r} a b^T (X^n)^T X^r + (X^r)^T X^n a b^T (X^{n-1-r})^T\right]",
    source=cookbook("92"),
    conditions='"See B.1.3 for a proof"; implicit: X square, n a positive integer',
    inputs={
        "X": matrix("N", "N", UNIT_BOX),
        "a": vector("N", UNIT_BOX),
        "b": vector("N", UNIT_BOX),
        "n": integer(1, 4),
    },
    wrt="X",
    form="gradient",
    function=lambda X, a, b, n: a @ mpow(X, n).T @ mpow(X, n) @ b,
    claimed=lambda X, a, b, n: sum(
        mpow(X, n - 1 - r) @ torch.outer(a, b) @ mpow(X, n).T @ mpow(X, r)
        + mpow(X, r).T @ mpow(X, n) @ torch.outer(a, b) @ mpow(X, n - 1 - r).T
        for r in range(n)
    ),
    holds=False,
    counterpart="cookbook_092__a_T_XnT_Xn_b__corrected",
    lesson="The first summand is transposed. With f = (X^n a)^T (X^n b), the part of df "
    "where dX sits in the left factor is b^T (X^n)^T X^r dX X^{n-1-r} a, whose "
    "gradient is (X^r)^T X^n b a^T (X^{n-1-r})^T: the transpose of the printed "
    "X^{n-1-r} a b^T (X^n)^T X^r. Already n = 1 shows it: the gradient of "
    "a^T X^T X b is X (a b^T + b a^T), the print gives a b^T X^T + X a b^T. The "
    "two agree for 1 x 1 X and otherwise only by coincidence.",
)

cookbook_092__a_T_XnT_Xn_b__corrected = Identity(
    name="cookbook_092__a_T_XnT_Xn_b__corrected",
    statement=r"\frac{\partial}{\partial X} a^T (X^n)^T X^n b = \sum_{r=0}^{n-1} "
    r"(X^r)^T X^n (a b^T + b a^T) (X^{n-1-r})^T",
    source=cookbook("92"),
    conditions="implicit: X square, n a positive integer",
    reading="First summand transposed: (X^r)^T X^n b a^T (X^{n-1-r})^T in place of the "
    "printed X^{n-1-r} a b^T (X^n)^T X^r.",
    inputs={
        "X": matrix("N", "N", UNIT_BOX),
        "a": vector("N", UNIT_BOX),
        "b": vector("N", UNIT_BOX),
        "n": integer(1, 4),
    },
    wrt="X",
    form="gradient",
    function=lambda X, a, b, n: a @ mpow(X, n).T @ mpow(X, n) @ b,
    claimed=lambda X, a, b, n: sum(
        mpow(X, r).T @ mpow(X, n) @ (torch.outer(a, b) + torch.outer(b, a)) @ mpow(X, n - 1 - r).T
        for r in range(n)
    ),
)

# -- (93): s(x)^T A r(x) ----------------------------------------------------------------------

cookbook_093__s_T_A_r = Identity(
    name="cookbook_093__s_T_A_r",
    statement=r"\frac{\partial}{\partial x} s^T A r = \left[\frac{\partial s}{\partial x}"
    r"\right]^T A r + \left[\frac{\partial r}{\partial x}\right]^T A^T s",
    source=cookbook("93"),
    conditions='"Assume s and r are functions of x, i.e. s = s(x), r = r(x), and that A is '
    'a constant" (s, r generated smooth maps); [ds/dx]_ij = ds_i/dx_j',
    inputs={
        "x": vector("n"),
        "s": smooth_map("n", "k"),
        "r": smooth_map("n", "p"),
        "A": matrix("k", "p"),
    },
    wrt="x",
    form="gradient",
    distinct=("n", "k", "p"),
    function=lambda x, s, r, A: s(x) @ A @ r(x),
    claimed=lambda x, s, r, A: s.jacobian(x).T @ A @ r(x) + r.jacobian(x).T @ A.T @ s(x),
)

# -- (94): a ratio of quadratic forms ---------------------------------------------------------

#: B invertible (so Bx != 0 for x != 0) and x with every entry at least 0.5 from zero.
RATIO_INPUTS = {
    "x": vector("n", "nonzero"),
    "A": matrix("m", "n"),
    "B": matrix("n", "n", "invertible"),
}
RATIO_CONDITIONS = (
    "Bx != 0 (stated); implicit/constructed: B square invertible (so "
    "x^T B B x is conformable) and x != 0"
)


def _ratio(x, A, B):
    return (A @ x) @ (A @ x) / ((B @ x) @ (B @ x))


cookbook_094__ratio = Identity(
    name="cookbook_094__ratio",
    statement=r"\frac{\partial}{\partial x} \frac{(Ax)^T(Ax)}{(Bx)^T(Bx)} = "
    r"\frac{\partial}{\partial x} \frac{x^TA^TAx}{x^TB^TBx} = "
    r"2\frac{A^TAx}{x^TBBx} - 2\frac{x^TA^TAx\,B^TBx}{(x^TB^TBx)^2}",
    source=cookbook("94"),
    conditions=RATIO_CONDITIONS,
    inputs=RATIO_INPUTS,
    wrt="x",
    form="gradient",
    function=_ratio,
    claimed=lambda x, A, B: (
        2 * A.T @ A @ x / (x @ B @ B @ x)
        - 2 * (x @ A.T @ A @ x) * B.T @ B @ x / (x @ B.T @ B @ x) ** 2
    ),
    holds=False,
    counterpart="cookbook_094__ratio__corrected",
    lesson="The first denominator x^T B B x should be x^T B^T B x = |Bx|^2 (the same as in "
    "the function and the second term): the quotient rule gives "
    "2 A^T A x / |Bx|^2 - 2 |Ax|^2 B^T B x / |Bx|^4. The print is right only when "
    "x^T B B x = x^T B^T B x, e.g. for a symmetric B; for a general B x^T B B x "
    "can even vanish or be negative.",
)

cookbook_094__ratio__corrected = Identity(
    name="cookbook_094__ratio__corrected",
    statement=r"\frac{\partial}{\partial x} \frac{x^TA^TAx}{x^TB^TBx} = "
    r"2\frac{A^TAx}{x^TB^TBx} - 2\frac{x^TA^TAx\,B^TBx}{(x^TB^TBx)^2}",
    source=cookbook("94"),
    conditions=RATIO_CONDITIONS,
    reading="First denominator read as x^T B^T B x (the printed x^T B B x is a missing transpose).",
    inputs=RATIO_INPUTS,
    wrt="x",
    form="gradient",
    function=_ratio,
    claimed=lambda x, A, B: (
        2 * A.T @ A @ x / (x @ B.T @ B @ x)
        - 2 * (x @ A.T @ A @ x) * B.T @ B @ x / (x @ B.T @ B @ x) ** 2
    ),
)

cookbook_094__ratio__symmetric_B = Identity(
    name="cookbook_094__ratio__symmetric_B",
    statement=r"\frac{\partial}{\partial x} \frac{x^TA^TAx}{x^TB^TBx} = "
    r"2\frac{A^TAx}{x^TBBx} - 2\frac{x^TA^TAx\,B^TBx}{(x^TB^TBx)^2}"
    r"\quad (B = B^T)",
    source=cookbook("94"),
    conditions=RATIO_CONDITIONS,
    reading="Condition added: B symmetric (built invertible as Q diag(d) Q^T, d nonzero), "
    "under which the printed x^T B B x equals x^T B^T B x.",
    inputs={
        "x": vector("n", "nonzero"),
        "A": matrix("m", "n"),
        "B": derived(
            lambda d, Q: Q @ torch.diag(d) @ Q.T,
            d=vector("n", "nonzero"),
            Q=matrix("n", "n", "orthogonal"),
        ),
    },
    wrt="x",
    form="gradient",
    function=_ratio,
    claimed=lambda x, A, B: (
        2 * A.T @ A @ x / (x @ B @ B @ x)
        - 2 * (x @ A.T @ A @ x) * B.T @ B @ x / (x @ B.T @ B @ x) ** 2
    ),
)

# -- (96)-(97): gradient and Hessian of f = x^T A x + b^T x (95) ------------------------------

F_95 = "f = x^T A x + b^T x, equation (95)"

cookbook_096__gradient = Identity(
    name="cookbook_096__gradient",
    statement=r"\nabla_x f = \frac{\partial f}{\partial x} = (A + A^T) x + b,"
    r"\quad f = x^T A x + b^T x",
    source=cookbook("96"),
    conditions=F_95,
    inputs={"x": vector("n"), "A": matrix("n", "n"), "b": vector("n")},
    wrt="x",
    form="gradient",
    function=lambda x, A, b: x @ A @ x + b @ x,
    claimed=lambda x, A, b: (A + A.T) @ x + b,
)

cookbook_097__hessian = Identity(
    name="cookbook_097__hessian",
    statement=r"\frac{\partial^2 f}{\partial x \partial x^T} = A + A^T,"
    r"\quad f = x^T A x + b^T x",
    source=cookbook("97"),
    conditions=F_95,
    inputs={"x": vector("n"), "A": matrix("n", "n"), "b": vector("n")},
    wrt="x",
    form="hessian",
    function=lambda x, A, b: x @ A @ x + b @ x,
    claimed=lambda x, A, b: A + A.T,
)
