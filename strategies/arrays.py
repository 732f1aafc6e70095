"""Float64 tensors in a declared domain, built by construction so that every draw is valid.

Hypothesis shrinks floats toward 0 and toward small integers, that is, toward singular
matrices and onto kinks. Every domain here is built so that shrunk draws stay inside it:
a "nonzero" entry is a sign times a magnitude in ``[0.5, BOUND]``; an invertible matrix is
diagonally dominant by a margin of at least 1, so it shrinks toward the identity, not toward
zero. The entries of one tensor are distinct draws (Hypothesis otherwise repeats values across
cells, and about 40% of general 2x2 draws came out symmetric), so a general square matrix is
never symmetric and formulas built on ``A`` and on ``A.T`` are told apart in every example;
the entries still shrink toward small distinct integers.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

import torch
from hypothesis import strategies as st

#: Bound on the magnitude of general entries.
BOUND = 4.0
#: Distance from zero of "nonzero", "positive" and "negative" entries.
MARGIN = 0.5
#: Bound on the off-diagonal entries of the invertible and positive definite domains.
OFF_DIAGONAL = 2.0


def floats(low: float, high: float, *, open_interval: bool = False) -> st.SearchStrategy[float]:
    """Finite float64 values in ``[low, high]`` (or ``(low, high)``), no subnormals.

    Shrinks toward the simplest value in the range: 0 or the smallest integer in it.
    """
    return st.floats(low, high, allow_nan=False, allow_infinity=False,
                     allow_subnormal=False, exclude_min=open_interval,
                     exclude_max=open_interval)


def integers_or_floats(low: float, high: float) -> st.SearchStrategy[float]:
    """A small integer in ``[low, high]`` or any float there: integers come first, so
    examples shrink onto small integers (readable counterexamples) whenever they can."""
    ints = st.integers(int(math.ceil(low)), int(math.floor(high))).map(float)
    return st.one_of(ints, floats(low, high))


def _signed(magnitudes: st.SearchStrategy[float]) -> st.SearchStrategy[float]:
    return st.tuples(st.booleans(), magnitudes).map(lambda t: -t[1] if t[0] else t[1])


#: Element-wise domains: each entry drawn independently from one of these.
ELEMENTS: dict[str, st.SearchStrategy[float]] = {
    "general": integers_or_floats(-BOUND, BOUND),
    "nonzero": _signed(integers_or_floats(MARGIN, BOUND)),
    "positive": integers_or_floats(MARGIN, BOUND),
    "negative": integers_or_floats(-BOUND, -MARGIN),
    "zero": st.just(0.0),
}


def _tensor(values: list[float], shape: tuple[int, ...]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64).reshape(shape)


def elementwise(shape: tuple[int, ...], elements: st.SearchStrategy[float], *,
                distinct: bool = True) -> st.SearchStrategy[torch.Tensor]:
    """Tensors of ``shape`` whose entries are draws of ``elements``, pairwise distinct
    unless ``distinct=False`` (needed when ``elements`` has few values)."""
    size = 1
    for d in shape:
        size *= d
    return st.lists(elements, min_size=size, max_size=size, unique=distinct).map(
        lambda vals: _tensor(vals, shape))


def _square(n: int, entries: st.SearchStrategy[float]) -> st.SearchStrategy[torch.Tensor]:
    return elementwise((n, n), entries)


def symmetric_matrices(n: int) -> st.SearchStrategy[torch.Tensor]:
    """Symmetric ``n`` by ``n`` matrices: the upper triangle drawn, mirrored below."""
    return _square(n, ELEMENTS["general"]).map(lambda a: torch.triu(a) + torch.triu(a, 1).T)


def _dominant(n: int, *, symmetric: bool, signed: bool) -> st.SearchStrategy[torch.Tensor]:
    """Strictly diagonally dominant matrices: |a_ii| = sum_j |a_ij| + m_i, m_i in [1, 2].

    The infinity-norm condition number is at most ``2 + 4 (n - 1)``. With ``signed`` the
    diagonal signs are drawn (det of either sign); without, the diagonal is positive, so
    every eigenvalue has a positive real part and det > 0.
    """
    off = _square(n, integers_or_floats(-OFF_DIAGONAL, OFF_DIAGONAL))
    margins = elementwise((n,), integers_or_floats(1.0, 2.0), distinct=False)
    signs = (elementwise((n,), st.sampled_from([1.0, -1.0]), distinct=False) if signed
             else st.just(torch.ones(n, dtype=torch.float64)))

    def build(parts: tuple[torch.Tensor, torch.Tensor, torch.Tensor]) -> torch.Tensor:
        a, m, s = parts
        if symmetric:
            a = torch.triu(a, 1) + torch.triu(a, 1).T
        a = a - torch.diag(torch.diagonal(a))
        return a + torch.diag(s * (a.abs().sum(dim=1) + m))

    return st.tuples(off, margins, signs).map(build)


def orthogonal_matrices(n: int) -> st.SearchStrategy[torch.Tensor]:
    """Orthogonal matrices by the Cayley transform ``(I - S)(I + S)^-1`` of a skew ``S``.

    ``I + S`` is always invertible (its eigenvalues are ``1 + i t``); shrinks toward ``I``.
    """
    def build(a: torch.Tensor) -> torch.Tensor:
        s = torch.triu(a, 1) - torch.triu(a, 1).T
        eye = torch.eye(n, dtype=torch.float64)
        return torch.linalg.solve(eye + s, eye - s)

    return _square(n, floats(-1.0, 1.0)).map(build)


def symmetric_separated_matrices(n: int) -> st.SearchStrategy[torch.Tensor]:
    """Symmetric matrices Q diag(lambda) Q^T whose eigenvalues are at least 1 apart.

    ``lambda_1`` in [-4, 4], each next one 1 to 3 above it; Q orthogonal (Cayley). Simple,
    well-separated eigenvalues make eigenvectors differentiable (Cookbook 67-68).
    """
    def build(parts: tuple[float, list[float], torch.Tensor]) -> torch.Tensor:
        first, gaps, q = parts
        lam = first + torch.cumsum(torch.tensor([0.0, *gaps], dtype=torch.float64), 0)
        a = q @ torch.diag(lam) @ q.T
        return (a + a.T) / 2

    return st.tuples(integers_or_floats(-BOUND, BOUND),
                     st.lists(integers_or_floats(1.0, 3.0), min_size=n - 1, max_size=n - 1),
                     orthogonal_matrices(n)).map(build)


def diagonal_matrices(n: int) -> st.SearchStrategy[torch.Tensor]:
    """Diagonal matrices with general diagonal entries."""
    return elementwise((n,), ELEMENTS["general"]).map(torch.diag)


def toeplitz_matrices(n: int, *, symmetric: bool = False) -> st.SearchStrategy[torch.Tensor]:
    """Toeplitz matrices, T_ij = t_(j-i): one distinct general value per diagonal.

    With ``symmetric``, T_ij = t_|i-j| (one value per distance from the diagonal).
    """
    offsets = torch.arange(n)[None, :] - torch.arange(n)[:, None]
    index = offsets.abs() if symmetric else offsets + n - 1
    count = n if symmetric else 2 * n - 1
    return elementwise((count,), ELEMENTS["general"]).map(lambda t: t[index])


#: Square-matrix domains: name -> builder from the side ``n``.
MATRICES: dict[str, Callable[[int], st.SearchStrategy[torch.Tensor]]] = {
    "symmetric": symmetric_matrices,
    "invertible": lambda n: _dominant(n, symmetric=False, signed=True),
    "positive_determinant": lambda n: _dominant(n, symmetric=False, signed=False),
    "spd": lambda n: _dominant(n, symmetric=True, signed=False),
    "symmetric_invertible": lambda n: _dominant(n, symmetric=True, signed=True),
    "orthogonal": orthogonal_matrices,
    "symmetric_separated": symmetric_separated_matrices,
    "diagonal": diagonal_matrices,
    "toeplitz": toeplitz_matrices,
    "symmetric_toeplitz": lambda n: toeplitz_matrices(n, symmetric=True),
}

#: Every domain name a spec may use, with what it means.
DOMAINS: dict[str, str] = {
    "general": f"entries in [-{BOUND:g}, {BOUND:g}]",
    "nonzero": f"entries with {MARGIN:g} <= |v| <= {BOUND:g}",
    "positive": f"entries in [{MARGIN:g}, {BOUND:g}]",
    "negative": f"entries in [-{BOUND:g}, -{MARGIN:g}]",
    "zero": "every entry exactly 0 (for conventions at a kink)",
    "symmetric": "square, A = A^T",
    "invertible": "square, strictly diagonally dominant (cond_inf <= 2 + 4(n-1)), "
                  "det of either sign",
    "positive_determinant": "like invertible, with a positive diagonal, so det > 0",
    "spd": "symmetric positive definite, diagonally dominant",
    "symmetric_invertible": "symmetric, diagonally dominant, det of either sign",
    "orthogonal": "square, Q^T Q = I (Cayley transform of a skew matrix)",
    "symmetric_separated": "symmetric, eigenvalues at least 1 apart (simple spectrum)",
    "diagonal": "square, zero off the diagonal",
    "toeplitz": "square, constant along each diagonal (2n-1 free values)",
    "symmetric_toeplitz": "symmetric Toeplitz (n free values)",
}


def structure_basis(domain: str | tuple[float, float], n: int) -> torch.Tensor | None:
    """The 0/1 basis (K, n, n) of a linearly structured square domain, else ``None``.

    A structured matrix is A = sum_k theta_k S^k; S^k marks the entries tied to the k-th
    free value (for a symmetric matrix, S^ij = J^ij + J^ji - J^ij J^ij, Cookbook 2.8).
    """
    i, j = torch.meshgrid(torch.arange(n), torch.arange(n), indexing="ij")
    if domain in ("symmetric", "spd", "symmetric_invertible", "symmetric_separated"):
        keys = [(a, b) for a in range(n) for b in range(a, n)]
        tag = torch.minimum(i, j) * n + torch.maximum(i, j)
        codes = [a * n + b for a, b in keys]
    elif domain == "diagonal":
        tag = torch.where(i == j, i, -1)
        codes = list(range(n))
    elif domain == "toeplitz":
        tag = j - i
        codes = list(range(-(n - 1), n))
    elif domain == "symmetric_toeplitz":
        tag = (j - i).abs()
        codes = list(range(n))
    else:
        return None
    return torch.stack([(tag == c).double() for c in codes])


def direction_domain(domain: str | tuple[float, float]) -> str:
    """The domain of directions that keep an input of ``domain`` in its structure."""
    return {"symmetric": "symmetric", "spd": "symmetric", "symmetric_invertible": "symmetric",
            "symmetric_separated": "symmetric",
            "diagonal": "diagonal",
            "toeplitz": "toeplitz", "symmetric_toeplitz": "symmetric_toeplitz"}.get(
        domain if isinstance(domain, str) else "", "general")


@functools.lru_cache(maxsize=4096)
def arrays(shape: tuple[int, ...], domain: str | tuple[float, float]
           ) -> st.SearchStrategy[torch.Tensor]:
    """Float64 tensors of a concrete ``shape`` in ``domain``.

    * ``shape`` - a tuple of ints; matrix domains need a square 2-d shape.
    * ``domain`` - a name from ``DOMAINS`` or a ``(low, high)`` open interval.

    Raises ``ValueError`` naming the domain and the fix when they do not fit. Strategies are
    built once per (shape, domain) and reused: building one costs far more than a draw.
    """
    if isinstance(domain, tuple):
        low, high = domain
        if not low < high:
            raise ValueError(f"domain={domain!r}: an interval needs low < high.")
        return elementwise(shape, floats(float(low), float(high), open_interval=True))
    if domain in ELEMENTS:
        return elementwise(shape, ELEMENTS[domain], distinct=domain != "zero")
    if domain in MATRICES:
        if len(shape) != 2 or shape[0] != shape[1]:
            raise ValueError(f"domain={domain!r} needs a square matrix, got shape {shape}; "
                             "declare it as matrix('n', 'n', ...).")
        return MATRICES[domain](shape[0])
    raise ValueError(f"domain={domain!r} is not a known domain; use one of "
                     f"{sorted(DOMAINS)} or a (low, high) interval.")
