"""Quadratic forms x^T A x and x^T x (seed: "Some matrix differentiation formulas")."""

from identities.spec import Identity, Source, matrix, vector

SLIDE = Source("seed", "Some matrix differentiation formulas")

quadratic_form__general_A = Identity(
    name="quadratic_form__general_A",
    statement=r"\frac{\partial\, x^\top A x}{\partial x} = x^\top (A + A^\top)",
    source=SLIDE,
    conditions="A is n x n (no symmetry assumed)",
    inputs={"x": vector("n"), "A": matrix("n", "n")},
    wrt="x",
    function=lambda x, A: x @ A @ x,
    claimed=lambda x, A: x @ (A + A.T),
)

quadratic_form__by_entries = Identity(
    name="quadratic_form__by_entries",
    statement=r"\alpha = x^\top A x = \sum_{j=1}^n \sum_{i=1}^n a_{ij} x_i x_j",
    source=SLIDE,
    inputs={"x": vector("n"), "A": matrix("n", "n")},
    form="value",
    function=lambda x, A: x @ A @ x,
    claimed=lambda x, A: sum(A[i, j] * x[i] * x[j] for j in range(len(x)) for i in range(len(x))),
)

quadratic_form__partial_by_entries = Identity(
    name="quadratic_form__partial_by_entries",
    statement=r"\frac{\partial \alpha}{\partial x_k} = \sum_{j=1}^n a_{kj} x_j "
    r"+ \sum_{i=1}^n a_{ik} x_i",
    source=SLIDE,
    inputs={"x": vector("n"), "A": matrix("n", "n")},
    wrt="x",
    function=lambda x, A: x @ A @ x,
    claimed=lambda x, A: A @ x + A.T @ x,
)

quadratic_form__symmetric_A = Identity(
    name="quadratic_form__symmetric_A",
    statement=r"\frac{\partial\, x^\top A x}{\partial x} = 2 x^\top A",
    source=SLIDE,
    conditions="A is n x n symmetric and does not depend on x",
    inputs={"x": vector("n"), "A": matrix("n", "n", "symmetric")},
    wrt="x",
    function=lambda x, A: x @ A @ x,
    claimed=lambda x, A: 2 * x @ A,
)

quadratic_form__symmetric_rule_on_general_A = Identity(
    name="quadratic_form__symmetric_rule_on_general_A",
    statement=r"\frac{\partial\, x^\top A x}{\partial x} = 2 x^\top A"
    r"\quad\text{(A not symmetric)}",
    source=SLIDE,
    conditions="A is n x n, not assumed symmetric",
    inputs={"x": vector("n"), "A": matrix("n", "n")},
    wrt="x",
    function=lambda x, A: x @ A @ x,
    claimed=lambda x, A: 2 * x @ A,
    holds=False,
    counterpart="quadratic_form__general_A",
    lesson="2 x^T A is the derivative only when A = A^T. For a general A the derivative is "
    "x^T (A + A^T): x^T A x = x^T A^T x, so only the symmetric part (A + A^T)/2 of A "
    "shapes the form, and 2 x^T A counts the antisymmetric part (A - A^T)/2, which "
    "contributes nothing to the form, as if it did. The two agree exactly when "
    "x^T (A - A^T) = 0.",
)

squared_norm = Identity(
    name="squared_norm",
    statement=r"\frac{\partial\, x^\top x}{\partial x} = 2 x^\top",
    source=SLIDE,
    conditions="x is n x 1",
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: x @ x,
    claimed=lambda x: 2 * x,
)
