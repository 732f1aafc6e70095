"""Matrix Cookbook (2012), section 2.3 "Derivatives of Eigenvalues": equations (65)-(68).

(65)-(66) are checked member by member: the eigenvalue forms literally through
torch.linalg.eigvals (complex eigenvalues summed or multiplied, real part taken), and the
trace and determinant forms on their own, each on the domain the Cookbook prints (X square;
X invertible where X^{-T} appears), except the product of eigenvalues: autograd through
eigvals is wrong at a defective X (at X = [[2, 0], [1, 2]] it gives 2 I, finite differences
and the claim [[2, -1], [0, 2]]: an oracle conflict), so that member draws X = V B V^{-1}
with a spectrum simple by construction. The sum's autograd is I even at a defective X.

(67)-(68) are differentials at a real symmetric A with eigenvalues at least 1 apart, along
symmetric directions dA; lambda_i and v_i come from torch.linalg.eigh (ascending order),
i drawn in 0..3 and taken modulo n.
"""

import torch

from identities.spec import Identity, derived, integer, matrix, scalar, vector
from identities.spec import cookbook as _eq

inv, det = torch.linalg.inv, torch.linalg.det


def _simple_spectrum(V, first, gaps, signs, imag, pairs):
    """X = V B V^{-1} with B block diagonal: real eigenvalues +-mu_m, mu_m = first + gaps
    (first >= 0.5, gaps >= 1, so |lambda| >= 0.5 and the |lambda| are 1 apart), and the first
    ``pairs`` 2 x 2 blocks [[a, b], [-b, a]] (eigenvalues a +- i b, b >= 0.5). All
    eigenvalues are simple and nonzero; V is well conditioned (diagonally dominant)."""
    n = V.shape[0]
    mu = first + torch.cumsum(torch.cat([torch.zeros(1), gaps[:-1]]), 0)
    B = torch.diag(torch.sign(signs) * mu)
    for j in range(min(pairs, n // 2)):
        B[2 * j, 2 * j + 1], B[2 * j + 1, 2 * j] = imag[j], -imag[j]
        B[2 * j + 1, 2 * j + 1] = B[2 * j, 2 * j]
    return V @ B @ inv(V)


SIMPLE_SPECTRUM = derived(
    _simple_spectrum,
    V=matrix("n", "n", "invertible"),
    first=scalar((0.5, 2.0)),
    gaps=vector("n", (1.0, 2.0)),
    signs=vector("n", "nonzero"),
    imag=vector("n", (0.5, 2.0)),
    pairs=integer(0, 2),
)

SIMPLE_SPECTRUM_READING = (
    "X is drawn with simple nonzero eigenvalues (X = V B V^{-1}, real and complex-pair "
    "eigenvalues kept apart) so that autograd through torch.linalg.eigvals is defined; the "
    "Cookbook's statement needs no such condition."
)

cookbook_065__sum_of_eigenvalues = Identity(
    name="cookbook_065__sum_of_eigenvalues",
    statement=r"\frac{\partial}{\partial \mathbf{X}}\sum \operatorname{eig}(\mathbf{X}) = "
    r"\mathbf{I}",
    source=_eq("65"),
    conditions="implicit: X square",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.linalg.eigvals(X).sum().real,
    claimed=lambda X: torch.eye(X.shape[0]),
)

cookbook_065__trace = Identity(
    name="cookbook_065__trace",
    statement=r"\frac{\partial}{\partial \mathbf{X}}\operatorname{Tr}(\mathbf{X}) = \mathbf{I}",
    source=_eq("65"),
    conditions="implicit: X square",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.trace(X),
    claimed=lambda X: torch.eye(X.shape[0]),
)

cookbook_066__product_of_eigenvalues = Identity(
    name="cookbook_066__product_of_eigenvalues",
    statement=r"\frac{\partial}{\partial \mathbf{X}}\prod \operatorname{eig}(\mathbf{X}) = "
    r"\det(\mathbf{X})\mathbf{X}^{-T}",
    source=_eq("66"),
    conditions="implicit: X square and invertible (X^{-T} appears)",
    reading=SIMPLE_SPECTRUM_READING,
    inputs={"X": SIMPLE_SPECTRUM},
    wrt="X",
    form="gradient",
    function=lambda X: torch.linalg.eigvals(X).prod().real,
    claimed=lambda X: det(X) * inv(X).T,
)

cookbook_066__det = Identity(
    name="cookbook_066__det",
    statement=r"\frac{\partial}{\partial \mathbf{X}}\det(\mathbf{X}) = "
    r"\det(\mathbf{X})\mathbf{X}^{-T}",
    source=_eq("66"),
    conditions="implicit: X square and invertible (X^{-T} appears)",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="gradient",
    function=lambda X: det(X),
    claimed=lambda X: det(X) * inv(X).T,
)

EIGEN_CONDITIONS = (
    "A is real and symmetric, lambda_i and v_i are distinct eigenvalues and "
    "eigenvectors of A with v_i^T v_i = 1 (A drawn with eigenvalues at least 1 "
    "apart, i in 0..3 taken modulo n, ascending order); implicit: the "
    "perturbation dA is symmetric"
)


def _eigenpair(A, i):
    """(lambda_i, v_i) of a symmetric A by torch.linalg.eigh (ascending), i modulo n."""
    values, vectors = torch.linalg.eigh(A)
    k = i % A.shape[0]
    return values[k], vectors[:, k]


def _aligned_eigenvector(A, A0, i):
    """v_i(A) with its sign fixed by v_i(A) . v_i(A0) > 0: a smooth choice of v_i near A0."""
    v = _eigenpair(A, i)[1]
    return v * torch.sign(v @ _eigenpair(A0, i)[1])


def _eigenvector_differential(A, A0, i, dA):
    """(68)'s right side (lambda_i I - A)^+ dA v_i. The pseudo-inverse's cutoff is set
    explicitly (rtol 1e-8): lambda_i I - A has one zero eigenvalue (rounded to ~eps |A|) and
    all others at least 1 in magnitude, so the rank is n - 1 unambiguously."""
    lam = _eigenpair(A, i)[0]
    v = _aligned_eigenvector(A, A0, i)
    P = torch.linalg.pinv(lam * torch.eye(A.shape[0]) - A, rtol=1e-8, hermitian=True)
    return P @ dA @ v


cookbook_067__eigenvalue_differential = Identity(
    name="cookbook_067__eigenvalue_differential",
    statement=r"\partial \lambda_i = \mathbf{v}_i^T \partial(\mathbf{A}) \mathbf{v}_i",
    source=_eq("67"),
    conditions=EIGEN_CONDITIONS,
    inputs={"A": matrix("n", "n", "symmetric_separated"), "i": integer(0, 3)},
    wrt="A",
    form="differential",
    function=lambda A, i: _eigenpair(A, i)[0],
    claimed=lambda A, i, dA: _eigenpair(A, i)[1] @ dA @ _eigenpair(A, i)[1],
)

cookbook_068__eigenvector_differential = Identity(
    name="cookbook_068__eigenvector_differential",
    statement=r"\partial \mathbf{v}_i = (\lambda_i \mathbf{I} - \mathbf{A})^+ "
    r"\partial(\mathbf{A}) \mathbf{v}_i",
    source=_eq("68"),
    conditions=EIGEN_CONDITIONS + "; implicit: v_i(A) chosen continuously along the curve "
    "A + t dA (sign fixed by v_i(A) . v_i(A0) > 0, A0 = the base "
    "point A, held fixed)",
    inputs={
        "A": matrix("n", "n", "symmetric_separated"),
        "A0": derived(lambda A: A.clone()),
        "i": integer(0, 3),
    },
    wrt="A",
    form="differential",
    function=_aligned_eigenvector,
    claimed=_eigenvector_differential,
)
