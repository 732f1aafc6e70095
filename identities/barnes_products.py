"""Barnes (2006), "Matrix Differentiation (and some other stuff)", section 3 "Matrix
Multiplication": Definition 3 (4), Proposition 1 (6), (8), (10), Proposition 2 (12)-(15) and
Proposition 3 (17), (18). All algebraic: value specs, the sums by entries built with torch.

(8) is false as printed: its sum over k runs to n, but k counts the m rows of A.
"""

import torch

from identities.notation import by_entries, matvec_by_entries, vector_by_entries
from identities.spec import Identity, Source, matrix, vector

DOC = "barnes-2006"
inv = torch.linalg.inv


def _product_by_entries(A, B):
    """c_ij = sum_{k=1}^n a_ik b_kj, i = 1..m, j = 1..p."""
    n = A.shape[1]
    return by_entries(A.shape[0], B.shape[1], lambda i, j: sum(A[i, k] * B[k, j] for k in range(n)))


def _transposed_product(A, B):
    return (A @ B).T


def _product_of_transposes(A, B):
    return B.T @ A.T


PRODUCT = {"A": matrix("m", "n"), "B": matrix("n", "p")}
PRODUCT_CONDITIONS = "A is m x n, B is n x p; i = 1, ..., m, j = 1, ..., p"
INVERTIBLE_PAIR = {"A": matrix("n", "n", "invertible"), "B": matrix("n", "n", "invertible")}
INVERTIBLE_CONDITIONS = "A and B are n x n and invertible"

barnes_04__product_by_entries = Identity(
    name="barnes_04__product_by_entries",
    statement=r"\mathbf{C}=\mathbf{A}\mathbf{B},\quad c_{ij}=\sum_{k=1}^{n} a_{ik} b_{kj}",
    source=Source(DOC, "4"),
    conditions=PRODUCT_CONDITIONS + " (Definition 3)",
    inputs=PRODUCT,
    form="value",
    function=lambda A, B: A @ B,
    claimed=_product_by_entries,
)

barnes_06__matrix_vector_by_entries = Identity(
    name="barnes_06__matrix_vector_by_entries",
    statement=r"\mathbf{z}=\mathbf{A}\mathbf{x},\quad z_{i}=\sum_{k=1}^{n} a_{ik} x_{k}",
    source=Source(DOC, "6"),
    conditions="A is m x n, x is n x 1; i = 1, ..., m",
    inputs={"A": matrix("m", "n"), "x": vector("n")},
    form="value",
    function=lambda A, x: A @ x,
    claimed=matvec_by_entries,
)

barnes_08__row_times_matrix_by_entries = Identity(
    name="barnes_08__row_times_matrix_by_entries",
    statement=r"\mathbf{z}^{T}=\mathbf{y}^{T}\mathbf{A},\quad "
    r"z_{i}=\sum_{k=1}^{n} a_{ki} y_{k}\quad (i = 1, \ldots, n)",
    source=Source(DOC, "8"),
    conditions="A is m x n, y is m x 1; i = 1, ..., n (the printed sum is defined for "
    "n <= m only, so m > n is drawn)",
    inputs={"A": matrix("m", "n"), "y": vector("m")},
    dims={"n": (1, 2), "m": (3, 4)},
    form="value",
    function=lambda A, y: y @ A,
    claimed=lambda A, y: vector_by_entries(
        A.shape[1], lambda i: sum(A[k, i] * y[k] for k in range(A.shape[1]))
    ),
    holds=False,
    counterpart="barnes_08__row_times_matrix_by_entries__sum_to_m",
    lesson="The upper bound of the sum is wrong: k indexes the rows of A and the entries of "
    "y, and there are m of them, not n. Entry i of y^T A is the i-th column of A "
    "against y: z_i = sum_{k=1}^m a_ki y_k (the lecture notes print m). With n < m the "
    "printed sum drops the terms k = n+1, ..., m; with n > m it names a_ki and y_k that "
    "do not exist. It is right only when A is square (m = n).",
)

barnes_08__row_times_matrix_by_entries__sum_to_m = Identity(
    name="barnes_08__row_times_matrix_by_entries__sum_to_m",
    statement=r"\mathbf{z}^{T}=\mathbf{y}^{T}\mathbf{A},\quad "
    r"z_{i}=\sum_{k=1}^{m} a_{ki} y_{k}\quad (i = 1, \ldots, n)",
    source=Source(DOC, "8"),
    conditions="A is m x n, y is m x 1; i = 1, ..., n",
    reading="the upper bound of the sum corrected from the printed n to m, the number of rows "
    "of A and of entries of y",
    inputs={"A": matrix("m", "n"), "y": vector("m")},
    form="value",
    function=lambda A, y: y @ A,
    claimed=lambda A, y: vector_by_entries(
        A.shape[1], lambda i: sum(A[k, i] * y[k] for k in range(A.shape[0]))
    ),
)

barnes_10__bilinear_form_by_entries = Identity(
    name="barnes_10__bilinear_form_by_entries",
    statement=r"\alpha=\mathbf{y}^{T}\mathbf{A}\mathbf{x}"
    r"=\sum_{j=1}^{m}\sum_{k=1}^{n} a_{jk} y_{j} x_{k}",
    source=Source(DOC, "10"),
    conditions="A is m x n, x is n x 1, y is m x 1",
    inputs={"y": vector("m"), "A": matrix("m", "n"), "x": vector("n")},
    form="value",
    function=lambda y, A, x: y @ A @ x,
    claimed=lambda y, A, x: sum(
        A[j, k] * y[j] * x[k] for j in range(A.shape[0]) for k in range(A.shape[1])
    ),
)

barnes_12__transpose_of_product = Identity(
    name="barnes_12__transpose_of_product",
    statement=r"\mathbf{C}=\mathbf{A}\mathbf{B}\implies\mathbf{C}^{T}"
    r"=\mathbf{B}^{T}\mathbf{A}^{T}",
    source=Source(DOC, "12"),
    conditions="A is m x n, B is n x p",
    inputs=PRODUCT,
    form="value",
    function=_transposed_product,
    claimed=_product_of_transposes,
)

barnes_13__product_by_entries = Identity(
    name="barnes_13__product_by_entries",
    statement=r"c_{ij}=\sum_{k=1}^{n} a_{ik} b_{kj}",
    source=Source(DOC, "13"),
    conditions=PRODUCT_CONDITIONS + " (proof of Proposition 2)",
    inputs=PRODUCT,
    form="value",
    function=lambda A, B: A @ B,
    claimed=_product_by_entries,
)

barnes_14__transpose_by_entries = Identity(
    name="barnes_14__transpose_by_entries",
    statement=r"d_{ij}=c_{ji}=\sum_{k=1}^{n} a_{jk} b_{ki}",
    source=Source(DOC, "14"),
    conditions="A is m x n, B is n x p; d_ij is the typical element of C^T (p x m): "
    "i = 1, ..., p, j = 1, ..., m",
    inputs=PRODUCT,
    form="value",
    function=_transposed_product,
    claimed=lambda A, B: by_entries(
        B.shape[1], A.shape[0], lambda i, j: sum(A[j, k] * B[k, i] for k in range(A.shape[1]))
    ),
)

barnes_15__transpose_of_product = Identity(
    name="barnes_15__transpose_of_product",
    statement=r"\mathbf{C}^{T}=\mathbf{B}^{T}\mathbf{A}^{T}",
    source=Source(DOC, "15"),
    conditions="A is m x n, B is n x p, C = AB (proof of Proposition 2)",
    inputs=PRODUCT,
    form="value",
    function=_transposed_product,
    claimed=_product_of_transposes,
)

barnes_17__inverse_of_product = Identity(
    name="barnes_17__inverse_of_product",
    statement=r"\mathbf{C}=\mathbf{A}\mathbf{B}\implies\mathbf{C}^{-1}"
    r"=\mathbf{B}^{-1}\mathbf{A}^{-1}",
    source=Source(DOC, "17"),
    conditions=INVERTIBLE_CONDITIONS,
    inputs=INVERTIBLE_PAIR,
    form="value",
    function=lambda A, B: inv(A @ B),
    claimed=lambda A, B: inv(B) @ inv(A),
)

barnes_18__product_times_proposed_inverse = Identity(
    name="barnes_18__product_times_proposed_inverse",
    statement=r"\mathbf{C}\mathbf{B}^{-1}\mathbf{A}^{-1}"
    r"=\mathbf{A}\mathbf{B}\mathbf{B}^{-1}\mathbf{A}^{-1}=\mathbf{I}",
    source=Source(DOC, "18"),
    conditions=INVERTIBLE_CONDITIONS + "; C = AB (proof of Proposition 3)",
    inputs=INVERTIBLE_PAIR,
    form="value",
    function=lambda A, B: (A @ B) @ inv(B) @ inv(A),
    claimed=lambda A, B: torch.eye(A.shape[0]),
)
