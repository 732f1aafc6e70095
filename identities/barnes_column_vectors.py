"""Barnes (2006), Propositions 5, 7, 8 and 9 read with his own Definition 2: "a vector is a
matrix with only one column". Every vector here is an n x 1 matrix (``column``), alpha is
1 x 1, and each derivative is laid out as Convention 3 says (numerator layout: a
scalar-by-vector derivative is a 1 x n row, so a claim shaped as a column is a shape error,
not a pass). The same equations with 1-d vectors are in ``barnes_linear_maps`` and
``barnes_forms``.
"""

from identities.spec import Identity, Source, column, matrix

DOC = "barnes-2006"
READING = (
    "vectors as n x 1 matrices (Definition 2), alpha as 1 x 1; the derivative laid "
    "out by Convention 3"
)

barnes_26__linear_map__columns = Identity(
    name="barnes_26__linear_map__columns",
    statement=r"\mathbf{y}=\mathbf{A}\mathbf{x}\implies\frac{\partial \mathbf{y}}"
    r"{\partial \mathbf{x}}=\mathbf{A}",
    source=Source(DOC, "26"),
    conditions="y is m x 1, x is n x 1, A is m x n and does not depend on x",
    inputs={"A": matrix("m", "n"), "x": column("n")},
    wrt="x",
    function=lambda A, x: A @ x,
    claimed=lambda A, x: A,
)

barnes_36__bilinear_form_wrt_x__columns = Identity(
    name="barnes_36__bilinear_form_wrt_x__columns",
    statement=r"\alpha=\mathbf{y}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{x}}=\mathbf{y}^{T}\mathbf{A}",
    source=Source(DOC, "36"),
    conditions="y is m x 1, x is n x 1, A is m x n and independent of x and y; alpha 1 x 1",
    inputs={"y": column("m"), "A": matrix("m", "n"), "x": column("n")},
    wrt="x",
    function=lambda y, A, x: y.T @ A @ x,
    claimed=lambda y, A, x: y.T @ A,
)

barnes_37__bilinear_form_wrt_y__columns = Identity(
    name="barnes_37__bilinear_form_wrt_y__columns",
    statement=r"\alpha=\mathbf{y}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{y}}=\mathbf{x}^{T}\mathbf{A}^{T}",
    source=Source(DOC, "37"),
    conditions="y is m x 1, x is n x 1, A is m x n and independent of x and y; alpha 1 x 1",
    inputs={"y": column("m"), "A": matrix("m", "n"), "x": column("n")},
    wrt="y",
    function=lambda y, A, x: y.T @ A @ x,
    claimed=lambda y, A, x: x.T @ A.T,
)

barnes_44__quadratic_form__columns = Identity(
    name="barnes_44__quadratic_form__columns",
    statement=r"\alpha=\mathbf{x}^{T}\mathbf{A}\mathbf{x}\implies\frac{\partial \alpha}"
    r"{\partial \mathbf{x}}=\mathbf{x}^{T}\left(\mathbf{A}+\mathbf{A}^{T}\right)",
    source=Source(DOC, "44"),
    conditions="x is n x 1, A is n x n and does not depend on x (not assumed symmetric)",
    inputs={"x": column("n"), "A": matrix("n", "n")},
    wrt="x",
    function=lambda x, A: x.T @ A @ x,
    claimed=lambda x, A: x.T @ (A + A.T),
)

barnes_49__quadratic_form_symmetric_A__columns = Identity(
    name="barnes_49__quadratic_form_symmetric_A__columns",
    statement=r"\mathbf{A}=\mathbf{A}^{T}\implies\frac{\partial\,\mathbf{x}^{T}\mathbf{A}"
    r"\mathbf{x}}{\partial \mathbf{x}}=2\mathbf{x}^{T}\mathbf{A}",
    source=Source(DOC, "49"),
    conditions="x is n x 1, A is n x n, symmetric, and does not depend on x",
    inputs={"x": column("n"), "A": matrix("n", "n", "symmetric")},
    wrt="x",
    function=lambda x, A: x.T @ A @ x,
    claimed=lambda x, A: 2 * x.T @ A,
)
