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

import dataclasses
import functools
import math
from collections.abc import Callable

import torch
from hypothesis import strategies as st

from identities.spec import structure

#: Bound on the magnitude of general entries.
BOUND = 4.0
#: Distance from zero of "nonzero", "positive" and "negative" entries.
MARGIN = 0.5
#: Relative to a range's largest magnitude, the smallest nonzero magnitude drawn in it.
TINY = 2.0**-64
#: Bound on the off-diagonal entries of the invertible and positive definite domains.
OFF_DIAGONAL = 2.0


def floats(low: float, high: float, *, open_interval: bool = False) -> st.SearchStrategy[float]:
    """Finite float64 values in ``[low, high]`` (or ``(low, high)``), no subnormals.

    Shrinks toward the simplest value in the range: 0 or the smallest integer in it.
    Magnitudes below ``TINY`` times the range's (2.6e-284, say, in [-4, 4]) are drawn as 0:
    a product of a few of them would underflow float64, where no oracle sees a derivative.
    """
    values = st.floats(
        low,
        high,
        allow_nan=False,
        allow_infinity=False,
        allow_subnormal=False,
        exclude_min=open_interval,
        exclude_max=open_interval,
    )
    tiny = TINY * max(abs(low), abs(high))
    if not low < 0.0 < high and not (low <= 0.0 <= high and not open_interval):
        return values
    return values.map(lambda v: 0.0 if abs(v) < tiny else v)


def integers_or_floats(low: float, high: float) -> st.SearchStrategy[float]:
    """A small integer in ``[low, high]`` or any float there: integers come first, so
    examples shrink onto small integers (readable counterexamples) whenever they can."""
    ints = st.integers(int(math.ceil(low)), int(math.floor(high))).map(float)
    return st.one_of(ints, floats(low, high))


def _signed(magnitudes: st.SearchStrategy[float]) -> st.SearchStrategy[float]:
    return st.tuples(st.booleans(), magnitudes).map(lambda t: -t[1] if t[0] else t[1])


def _tensor(values: list[float], shape: tuple[int, ...]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64).reshape(shape)


def elementwise(
    shape: tuple[int, ...], elements: st.SearchStrategy[float], *, distinct: bool = True
) -> st.SearchStrategy[torch.Tensor]:
    """Tensors of ``shape`` whose entries are draws of ``elements``, pairwise distinct
    unless ``distinct=False`` (needed when ``elements`` has few values)."""
    size = math.prod(shape)
    return st.lists(elements, min_size=size, max_size=size, unique=distinct).map(
        lambda vals: _tensor(vals, shape)
    )


# -- raw entries and constructions -------------------------------------------------------
# Every domain is a *construction*: independent raw entries (each uniform in a range, with
# an optional drawn sign) and a build that turns them into a value of the domain. The raw
# entries are drawn three ways, all turned into values by the same build:
# * by Hypothesis entry by entry (small integers first, distinct) - the normal path;
# * by torch's random generator, a whole batch at once - the sweep and large shapes;
# * by Hypothesis as plain floats, in a fixed order - to shrink a counterexample that the
#   sweep found (its raw entries are written into the example database as the choices).


@dataclasses.dataclass(frozen=True)
class Raw:
    """Raw entries in ``[low, high]`` (open with ``open``), negated when a drawn sign says
    so (``signed``); ``integers``: small integers are drawn first; ``distinct``: the entries
    of one part differ."""

    low: float
    high: float
    signed: bool = False
    open: bool = False
    integers: bool = True
    distinct: bool = True

    @property
    def constant(self) -> bool:
        return self.low == self.high

    def strategy(self) -> st.SearchStrategy[float]:
        """One entry, as the normal path draws it."""
        if self.constant:
            return st.sampled_from([self.low, -self.low]) if self.signed else st.just(self.low)
        magnitude = (
            integers_or_floats(self.low, self.high)
            if self.integers and not self.open
            else floats(self.low, self.high, open_interval=self.open)
        )
        return _signed(magnitude) if self.signed else magnitude

    def flat_strategy(self) -> st.SearchStrategy[float]:
        """One entry as the shrink path draws it: a sign (a boolean) if signed, then a plain
        float if the range is not one value; the choices are exactly ``choices()``'s."""
        magnitude = (
            st.just(self.low)
            if self.constant
            else floats(self.low, self.high, open_interval=self.open)
        )
        return _signed(magnitude) if self.signed else magnitude

    def sample(
        self, shape: tuple[int, ...], generator: torch.Generator
    ) -> tuple[torch.Tensor | None, torch.Tensor]:
        """A batch of raw entries: (negated or None, magnitudes), both of ``shape``."""
        u = torch.rand(shape, generator=generator, dtype=torch.float64)
        if self.open:
            u = torch.where(u == 0, torch.full_like(u, 0.5), u)
        magnitude = self.low + (self.high - self.low) * u
        negated = (torch.rand(shape, generator=generator) < 0.5) if self.signed else None
        return negated, magnitude

    def choices(self, negated: torch.Tensor | None, magnitude: torch.Tensor) -> list:
        """The choices by which ``flat_strategy`` draws these entries (row-major order)."""
        out: list = []
        signs = negated.reshape(-1).tolist() if negated is not None else None
        for i, m in enumerate(magnitude.reshape(-1).tolist()):
            if signs is not None:
                out.append(bool(signs[i]))
            if not self.constant:
                out.append(float(m))
        return out


def signed_values(negated: torch.Tensor | None, magnitude: torch.Tensor) -> torch.Tensor:
    return magnitude if negated is None else torch.where(negated, -magnitude, magnitude)


#: Element-wise domains: each entry drawn independently in one of these.
RAW: dict[str, Raw] = {
    "general": Raw(-BOUND, BOUND),
    "nonzero": Raw(MARGIN, BOUND, signed=True),
    "positive": Raw(MARGIN, BOUND),
    "negative": Raw(-BOUND, -MARGIN),
    "zero": Raw(0.0, 0.0, distinct=False),
}
ELEMENTS: dict[str, st.SearchStrategy[float]] = {k: r.strategy() for k, r in RAW.items()}
_SIGN = Raw(1.0, 1.0, signed=True, distinct=False)


@dataclasses.dataclass(frozen=True)
class Construction:
    """Raw parts ``(shape, Raw)`` and the build from them; the build takes tensors with
    any leading batch dimensions."""

    parts: tuple[tuple[tuple[int, ...], Raw], ...]
    build: Callable[..., torch.Tensor]

    @property
    def entries(self) -> int:
        return sum(math.prod(shape) for shape, _ in self.parts)

    def strategy(self) -> st.SearchStrategy[torch.Tensor]:
        """The normal path: entry by entry, or from a drawn seed for large shapes."""
        if self.entries > LARGE_ENTRIES:
            # Hypothesis cannot hold thousands of entries in one example; a seed can. Such
            # shapes never give the minimal counterexample anyway, small ones do.
            return st.integers(0, 2**32 - 1).map(self.seeded)
        parts = [
            elementwise(shape, raw.strategy(), distinct=raw.distinct) for shape, raw in self.parts
        ]
        return st.tuples(*parts).map(lambda drawn: self.build(*drawn))

    def flat_strategy(self) -> st.SearchStrategy[torch.Tensor]:
        parts = [
            st.lists(raw.flat_strategy(), min_size=math.prod(shape), max_size=math.prod(shape)).map(
                functools.partial(_tensor, shape=shape)
            )
            for shape, raw in self.parts
        ]
        return st.tuples(*parts).map(lambda drawn: self.build(*drawn))

    def sample(
        self, batch: int, generator: torch.Generator
    ) -> tuple[torch.Tensor, list[tuple[torch.Tensor | None, torch.Tensor]]]:
        """``batch`` values at once, with their raw parts (for ``choices``)."""
        raws = [raw.sample((batch, *shape), generator) for shape, raw in self.parts]
        return self.build(*[signed_values(*r) for r in raws]), raws

    def seeded(self, seed: int) -> torch.Tensor:
        return self.sample(1, torch.Generator().manual_seed(seed))[0][0]

    def choices(self, raws: list, index: int) -> list:
        """The flat-path choices that rebuild value ``index`` of a sampled batch."""
        out: list = []
        for (_, raw), (negated, magnitude) in zip(self.parts, raws, strict=True):
            out += raw.choices(None if negated is None else negated[index], magnitude[index])
        return out


#: Above this many raw entries, the normal path draws a seed instead of each entry.
LARGE_ENTRIES = 64


def _identity(a: torch.Tensor) -> torch.Tensor:
    return a


def _upper_mirrored(a: torch.Tensor) -> torch.Tensor:
    return torch.triu(a) + torch.triu(a, 1).mT


def _dominant(n: int, *, symmetric: bool, signed: bool) -> Construction:
    """Strictly diagonally dominant matrices: |a_ii| = sum_j |a_ij| + m_i, m_i in [1, 2].

    The infinity-norm condition number is at most ``2 + 4 (n - 1)``. With ``signed`` the
    diagonal signs are drawn (det of either sign); without, the diagonal is positive, so
    every eigenvalue has a positive real part and det > 0.
    """

    def build(a: torch.Tensor, m: torch.Tensor, s: torch.Tensor | None = None) -> torch.Tensor:
        if symmetric:
            a = torch.triu(a, 1) + torch.triu(a, 1).mT
        a = a - torch.diag_embed(torch.diagonal(a, dim1=-2, dim2=-1))
        d = a.abs().sum(dim=-1) + m
        return a + torch.diag_embed(d if s is None else s * d)

    parts = [((n, n), Raw(-OFF_DIAGONAL, OFF_DIAGONAL)), ((n,), Raw(1.0, 2.0, distinct=False))]
    if signed:
        parts.append(((n,), _SIGN))
    return Construction(tuple(parts), build)


def _cayley(a: torch.Tensor) -> torch.Tensor:
    s = torch.triu(a, 1) - torch.triu(a, 1).mT
    eye = torch.eye(a.shape[-1], dtype=torch.float64).expand_as(a)
    return torch.linalg.solve(eye + s, eye - s)


_UNIT_BOX = Raw(-1.0, 1.0, integers=False)


def _orthogonal(n: int) -> Construction:
    """Orthogonal matrices by the Cayley transform ``(I - S)(I + S)^-1`` of a skew ``S``.

    ``I + S`` is always invertible (its eigenvalues are ``1 + i t``); shrinks toward ``I``.
    """
    return Construction((((n, n), _UNIT_BOX),), _cayley)


def _separated(n: int) -> Construction:
    """Symmetric matrices Q diag(lambda) Q^T whose eigenvalues are at least 1 apart.

    ``lambda_1`` in [-4, 4], each next one 1 to 3 above it; Q orthogonal (Cayley). Simple,
    well-separated eigenvalues make eigenvectors differentiable (Cookbook 67-68).
    """

    def build(first: torch.Tensor, gaps: torch.Tensor, a: torch.Tensor) -> torch.Tensor:
        steps = torch.cat([torch.zeros_like(first)[..., None], gaps], dim=-1)
        lam = first[..., None] + torch.cumsum(steps, dim=-1)
        q = _cayley(a)
        out = q @ torch.diag_embed(lam) @ q.mT
        return (out + out.mT) / 2

    return Construction(
        (((), RAW["general"]), ((n - 1,), Raw(1.0, 3.0, distinct=False)), ((n, n), _UNIT_BOX)),
        build,
    )


def _toeplitz(n: int, *, symmetric: bool = False) -> Construction:
    """Toeplitz matrices, T_ij = t_(j-i): one distinct general value per diagonal.

    With ``symmetric``, T_ij = t_|i-j| (one value per distance from the diagonal).
    """
    offsets = torch.arange(n)[None, :] - torch.arange(n)[:, None]
    index = offsets.abs() if symmetric else offsets + n - 1
    count = n if symmetric else 2 * n - 1
    return Construction((((count,), RAW["general"]),), lambda t: t[..., index])


#: Square-matrix domains: name -> construction for the side ``n``.
MATRICES: dict[str, Callable[[int], Construction]] = {
    "symmetric": lambda n: Construction((((n, n), RAW["general"]),), _upper_mirrored),
    "invertible": lambda n: _dominant(n, symmetric=False, signed=True),
    "positive_determinant": lambda n: _dominant(n, symmetric=False, signed=False),
    "spd": lambda n: _dominant(n, symmetric=True, signed=False),
    "symmetric_invertible": lambda n: _dominant(n, symmetric=True, signed=True),
    "orthogonal": _orthogonal,
    "symmetric_separated": _separated,
    "diagonal": lambda n: Construction((((n,), RAW["general"]),), torch.diag_embed),
    "toeplitz": _toeplitz,
    "symmetric_toeplitz": lambda n: _toeplitz(n, symmetric=True),
}


def symmetric_matrices(n: int) -> st.SearchStrategy[torch.Tensor]:
    """Symmetric ``n`` by ``n`` matrices: the upper triangle drawn, mirrored below."""
    return MATRICES["symmetric"](n).strategy()


def orthogonal_matrices(n: int) -> st.SearchStrategy[torch.Tensor]:
    return _orthogonal(n).strategy()


def toeplitz_matrices(n: int, *, symmetric: bool = False) -> st.SearchStrategy[torch.Tensor]:
    return _toeplitz(n, symmetric=symmetric).strategy()


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
    kind = structure(domain)
    if kind == "symmetric":
        keys = [(a, b) for a in range(n) for b in range(a, n)]
        tag = torch.minimum(i, j) * n + torch.maximum(i, j)
        codes = [a * n + b for a, b in keys]
    elif kind == "diagonal":
        tag = torch.where(i == j, i, -1)
        codes = list(range(n))
    elif kind == "toeplitz":
        tag = j - i
        codes = list(range(-(n - 1), n))
    elif kind == "symmetric_toeplitz":
        tag = (j - i).abs()
        codes = list(range(n))
    else:
        return None
    return torch.stack([(tag == c).double() for c in codes])


def direction_domain(domain: str | tuple[float, float]) -> str:
    """The domain of directions that keep an input of ``domain`` in its structure: the
    structure itself (each one is also a domain name), or "general"."""
    return structure(domain) or "general"


@functools.lru_cache(maxsize=4096)
def construction(shape: tuple[int, ...], domain: str | tuple[float, float]) -> Construction:
    """How values of a concrete ``shape`` in ``domain`` are built from raw entries.

    * ``shape`` - a tuple of ints; matrix domains need a square 2-d shape.
    * ``domain`` - a name from ``DOMAINS`` or a ``(low, high)`` open interval.

    Raises ``ValueError`` naming the domain and the fix when they do not fit.
    """
    if isinstance(domain, tuple):
        low, high = domain
        if not low < high:
            raise ValueError(f"domain={domain!r}: an interval needs low < high.")
        return Construction(((shape, Raw(float(low), float(high), open=True)),), _identity)
    if domain in RAW:
        return Construction(((shape, RAW[domain]),), _identity)
    if domain in MATRICES:
        if len(shape) != 2 or shape[0] != shape[1]:
            raise ValueError(
                f"domain={domain!r} needs a square matrix, got shape {shape}; "
                "declare it as matrix('n', 'n', ...)."
            )
        return MATRICES[domain](shape[0])
    raise ValueError(
        f"domain={domain!r} is not a known domain; use one of "
        f"{sorted(DOMAINS)} or a (low, high) interval."
    )


@functools.lru_cache(maxsize=4096)
def arrays(
    shape: tuple[int, ...], domain: str | tuple[float, float]
) -> st.SearchStrategy[torch.Tensor]:
    """Float64 tensors of a concrete ``shape`` in ``domain`` (see ``construction``).

    Strategies are built once per (shape, domain) and reused: building one costs far more
    than a draw.
    """
    return construction(shape, domain).strategy()
