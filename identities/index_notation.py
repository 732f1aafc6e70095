"""Results in index notation and derivatives with respect to one entry: the Matrix
Cookbook's section 2.4.1 ((73), (74)) with ``wrt="X[i, j]"``, each result built entry by
entry (``entrywise``) as the Cookbook prints it; and the lecture notes' loss, whose 1/N
uses the size N itself (``size("N")``)."""

from identities.spec import Identity, Source, cookbook, entrywise, index, matrix, size, vector

ENTRY = {"X": matrix("m", "n"), "i": index("m"), "j": index("n")}

cookbook_073__dX_dXij__one_entry = Identity(
    name="cookbook_073__dX_dXij__one_entry",
    statement=r"\frac{\partial X}{\partial X_{ij}} = J^{ij}",
    source=cookbook("73"),
    conditions="J^{ij} is the single-entry matrix (section 9.7): [J^{ij}]_kl = delta_ik "
    "delta_jl; the derivative is taken with respect to the one entry X_ij",
    inputs=ENTRY,
    wrt="X[i, j]",
    function=lambda X, i, j: X,
    claimed=lambda X, i, j: entrywise(X.shape, lambda k, q: float(k == i and q == j)),
)

cookbook_074__XA_by_one_entry = Identity(
    name="cookbook_074__XA_by_one_entry",
    statement=r"\frac{\partial (XA)_{ij}}{\partial X_{mn}} = \delta_{im} (A)_{nj}",
    source=cookbook("74"),
    conditions="X is m x n, A is n x p; for every entry (i, j) of XA, with respect to the one "
    "entry X_mn (here named X[r, s])",
    inputs={"X": matrix("m", "n"), "A": matrix("n", "p"), "r": index("m"), "s": index("n")},
    wrt="X[r, s]",
    function=lambda X, A, r, s: X @ A,
    claimed=lambda X, A, r, s: entrywise(
        (X.shape[0], A.shape[1]), lambda i, j: float(i == r) * A[s, j]
    ),
)

seed_loss__mean_squared_residual_wrt_w = Identity(
    name="seed_loss__mean_squared_residual_wrt_w",
    statement=r"\frac{\partial}{\partial w} \frac{1}{N} \sum_{i=1}^N (y_i - w \cdot x_i)^2 "
    r"= -\frac{2}{N} \sum_{i=1}^N (y_i - w \cdot x_i)\, x_i^\top",
    source=Source("seed", "The gradient of the neural network loss function"),
    conditions="X = [x_1 ... x_N] is n x N, y an N-vector; the linear part of the loss, "
    "the size N used in the formula",
    inputs={"w": vector("n"), "X": matrix("n", "N"), "y": vector("N"), "N": size("N")},
    wrt="w",
    function=lambda w, X, y, N: ((y - w @ X) ** 2).sum() / N,
    claimed=lambda w, X, y, N: -2 / N * (X @ (y - w @ X)),
)
