"""Barnes (2006), "Matrix Differentiation (and some other stuff)", section 5 "Matrix
Differentiation": Propositions 7-9, the bilinear form y^T A x (36), (37) with the proof steps
(39)-(42), and the quadratic form x^T A x (44) with its proof (45)-(47) and, for a symmetric
A, (49).

Numerator layout: a scalar-by-vector derivative is a row. In Proposition 7 x and y are the two
variables of alpha and dalpha/dx is the partial derivative (y held fixed), as the proof of
Proposition 12, (62), uses it. Proposition 8 does not assume A symmetric.
"""

from identities.notation import vector_by_entries
from identities.spec import Identity, Source, matrix, vector

DOC = "barnes-2006"


# -- Proposition 7: alpha = y^T A x ------------------------------------------------------------
BILINEAR = {"y": vector("m"), "A": matrix("m", "n"), "x": vector("n")}
BILINEAR_CONDITIONS = (
    "alpha scalar; y is m x 1, x is n x 1, A is m x n, and A is independent of x and y"
)
PROOF_7 = " (proof of Proposition 7)"


def _bilinear(y, A, x):
    return y @ A @ x


barnes_36__bilinear_form_wrt_x = Identity(
    name="barnes_36__bilinear_form_wrt_x",
    statement=r"\alpha=\mathbf{y}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{x}}=\mathbf{y}^{T}\mathbf{A}",
    source=Source(DOC, "36"),
    conditions=BILINEAR_CONDITIONS,
    inputs=BILINEAR,
    wrt="x",
    function=_bilinear,
    claimed=lambda y, A, x: y @ A,
)

barnes_37__bilinear_form_wrt_y = Identity(
    name="barnes_37__bilinear_form_wrt_y",
    statement=r"\alpha=\mathbf{y}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{y}}=\mathbf{x}^{T}\mathbf{A}^{T}",
    source=Source(DOC, "37"),
    conditions=BILINEAR_CONDITIONS,
    inputs=BILINEAR,
    wrt="y",
    function=_bilinear,
    claimed=lambda y, A, x: x @ A.T,
)

barnes_39__bilinear_form_as_inner_product = Identity(
    name="barnes_39__bilinear_form_as_inner_product",
    statement=r"\alpha=\mathbf{w}^{T}\mathbf{x},\quad \mathbf{w}^{T}=\mathbf{y}^{T}\mathbf{A}",
    source=Source(DOC, "39"),
    conditions=BILINEAR_CONDITIONS + "; w^T = y^T A (38)" + PROOF_7,
    inputs=BILINEAR,
    form="value",
    function=_bilinear,
    claimed=lambda y, A, x: (A.T @ y) @ x,
)

barnes_40__bilinear_form_wrt_x_via_w = Identity(
    name="barnes_40__bilinear_form_wrt_x_via_w",
    statement=r"\frac{\partial \alpha}{\partial \mathbf{x}}=\mathbf{w}^{T}"
    r"=\mathbf{y}^{T}\mathbf{A}",
    source=Source(DOC, "40"),
    conditions=BILINEAR_CONDITIONS + "; w^T = y^T A (38), by Proposition 5" + PROOF_7,
    inputs=BILINEAR,
    wrt="x",
    function=_bilinear,
    claimed=lambda y, A, x: A.T @ y,
)

barnes_41__bilinear_form_transposed = Identity(
    name="barnes_41__bilinear_form_transposed",
    statement=r"\alpha=\alpha^{T}=\mathbf{x}^{T}\mathbf{A}^{T}\mathbf{y}",
    source=Source(DOC, "41"),
    conditions=BILINEAR_CONDITIONS + PROOF_7,
    inputs=BILINEAR,
    form="value",
    function=_bilinear,
    claimed=lambda y, A, x: x @ A.T @ y,
)

barnes_42__bilinear_form_wrt_y = Identity(
    name="barnes_42__bilinear_form_wrt_y",
    statement=r"\frac{\partial \alpha}{\partial \mathbf{y}}=\mathbf{x}^{T}\mathbf{A}^{T}",
    source=Source(DOC, "42"),
    conditions=BILINEAR_CONDITIONS + "; alpha = x^T A^T y (41)" + PROOF_7,
    inputs=BILINEAR,
    wrt="y",
    function=lambda y, A, x: x @ A.T @ y,
    claimed=lambda y, A, x: x @ A.T,
)

# -- Propositions 8 and 9: alpha = x^T A x -----------------------------------------------------
QUADRATIC = {"x": vector("n"), "A": matrix("n", "n")}
QUADRATIC_CONDITIONS = (
    "x is n x 1, A is n x n, and A does not depend on x (A is not assumed symmetric)"
)
PROOF_8 = " (proof of Proposition 8)"


def _quadratic(x, A):
    return x @ A @ x


barnes_44__quadratic_form = Identity(
    name="barnes_44__quadratic_form",
    statement=r"\alpha=\mathbf{x}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{x}}=\mathbf{x}^{T}\left(\mathbf{A}+\mathbf{A}^{T}\right)",
    source=Source(DOC, "44"),
    conditions=QUADRATIC_CONDITIONS,
    inputs=QUADRATIC,
    wrt="x",
    function=_quadratic,
    claimed=lambda x, A: x @ (A + A.T),
)

barnes_45__quadratic_form_by_entries = Identity(
    name="barnes_45__quadratic_form_by_entries",
    statement=r"\alpha=\sum_{j=1}^{n}\sum_{i=1}^{n} a_{ij} x_{i} x_{j}",
    source=Source(DOC, "45"),
    conditions=QUADRATIC_CONDITIONS + PROOF_8,
    inputs=QUADRATIC,
    form="value",
    function=_quadratic,
    claimed=lambda x, A: sum(
        A[i, j] * x[i] * x[j] for j in range(x.shape[0]) for i in range(x.shape[0])
    ),
)

barnes_46__quadratic_form_partials = Identity(
    name="barnes_46__quadratic_form_partials",
    statement=r"\frac{\partial \alpha}{\partial x_{k}}=\sum_{j=1}^{n} a_{kj} x_{j}"
    r"+\sum_{i=1}^{n} a_{ik} x_{i}\quad (k=1,\ldots,n)",
    source=Source(DOC, "46"),
    conditions=QUADRATIC_CONDITIONS + PROOF_8,
    inputs=QUADRATIC,
    wrt="x",
    function=_quadratic,
    claimed=lambda x, A: vector_by_entries(
        x.shape[0],
        lambda k: (
            sum(A[k, j] * x[j] for j in range(x.shape[0]))
            + sum(A[i, k] * x[i] for i in range(x.shape[0]))
        ),
    ),
)

barnes_47__quadratic_form_two_rows = Identity(
    name="barnes_47__quadratic_form_two_rows",
    statement=r"\frac{\partial \alpha}{\partial \mathbf{x}}=\mathbf{x}^{T}\mathbf{A}^{T}"
    r"+\mathbf{x}^{T}\mathbf{A}",
    source=Source(DOC, "47"),
    conditions=QUADRATIC_CONDITIONS + "; the first equality of (47)" + PROOF_8,
    inputs=QUADRATIC,
    wrt="x",
    function=_quadratic,
    claimed=lambda x, A: x @ A.T + x @ A,
)

barnes_47__quadratic_form_factored = Identity(
    name="barnes_47__quadratic_form_factored",
    statement=r"\frac{\partial \alpha}{\partial \mathbf{x}}"
    r"=\mathbf{x}^{T}\left(\mathbf{A}^{T}+\mathbf{A}\right)",
    source=Source(DOC, "47"),
    conditions=QUADRATIC_CONDITIONS + "; the last member of (47)" + PROOF_8,
    inputs=QUADRATIC,
    wrt="x",
    function=_quadratic,
    claimed=lambda x, A: x @ (A.T + A),
)

barnes_49__quadratic_form_symmetric_A = Identity(
    name="barnes_49__quadratic_form_symmetric_A",
    statement=r"\mathbf{A}=\mathbf{A}^{T}\implies\frac{\partial\,\mathbf{x}^{T}\mathbf{A}"
    r"\mathbf{x}}{\partial \mathbf{x}}=2\mathbf{x}^{T}\mathbf{A}",
    source=Source(DOC, "49"),
    conditions="A is symmetric; x is n x 1, A is n x n, and A does not depend on x",
    inputs={"x": vector("n"), "A": matrix("n", "n", "symmetric")},
    wrt="x",
    function=_quadratic,
    claimed=lambda x, A: 2 * x @ A,
)
